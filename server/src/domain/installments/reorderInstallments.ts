import type { InstallmentOrderInput, SeriesDetail } from '@baton/shared/api.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { conflict } from '../../errors/appError.ts';
import { type Actor, requireSeriesCapability } from '../access.ts';
import { nowIso } from '../../ids.ts';
import { getSeries } from '../series/getSeries.ts';
import type { LiveDrafts } from './draftStates.ts';

/**
 * Sets the reading order of a series (anyone who can edit). The request names
 * every live installment once, so an order made from a stale list (one added
 * or deleted meanwhile) is refused rather than half applied. Numbers, and so
 * reader URLs, do not change.
 */
export async function reorderInstallments(
  db: Kysely<Database>,
  drafts: LiveDrafts,
  actor: Actor,
  seriesId: string,
  input: InstallmentOrderInput,
): Promise<SeriesDetail> {
  await requireSeriesCapability(db, actor, seriesId, 'edit');
  await db.transaction().execute(async (trx) => {
    const live = await trx
      .selectFrom('installment')
      .select('id')
      .where('series_id', '=', seriesId)
      .where('deleted_at', 'is', null)
      .execute();
    const liveIds = new Set(live.map((r) => r.id));
    const exact =
      input.installmentIds.length === liveIds.size &&
      input.installmentIds.every((id) => liveIds.has(id));
    if (!exact) {
      throw conflict(
        'The order must list every installment of the series once; the list changed meanwhile. Reload and try again.',
      );
    }
    for (const [index, id] of input.installmentIds.entries()) {
      await trx
        .updateTable('installment')
        .set({ position: index + 1 })
        .where('id', '=', id)
        .execute();
    }
    await trx
      .updateTable('series')
      .set({ updated_at: nowIso() })
      .where('id', '=', seriesId)
      .execute();
  });
  return getSeries(db, drafts, actor, seriesId);
}
