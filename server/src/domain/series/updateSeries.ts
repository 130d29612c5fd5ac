import type { SeriesSummary, UpdateSeriesInput } from '@baton/shared/api.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Actor, requireSeriesCapability } from '../access.ts';
import { AppError } from '../../errors/appError.ts';
import { nowIso } from '../../ids.ts';
import { presentSeries } from './presentSeries.ts';

/** Renames a series or changes its slug or description (owner only). */
export async function updateSeries(
  db: Kysely<Database>,
  actor: Actor,
  seriesId: string,
  input: UpdateSeriesInput,
): Promise<SeriesSummary> {
  const role = await requireSeriesCapability(db, actor, seriesId, 'manageSeries');
  await db.transaction().execute(async (trx) => {
    if (input.slug !== undefined) {
      const clash = await trx
        .selectFrom('series')
        .select('id')
        .where('slug', '=', input.slug)
        .where('id', '!=', seriesId)
        .executeTakeFirst();
      if (clash) {
        throw new AppError('slug_taken', 409, `The address "${input.slug}" is already used.`, {
          slug: 'already used by another series',
        });
      }
    }
    await trx
      .updateTable('series')
      .set({
        ...(input.title !== undefined && { title: input.title }),
        ...(input.slug !== undefined && { slug: input.slug }),
        ...(input.description !== undefined && { description: input.description }),
        updated_at: nowIso(),
      })
      .where('id', '=', seriesId)
      .execute();
  });
  const series = await db
    .selectFrom('series')
    .selectAll()
    .select((eb) =>
      eb
        .selectFrom('installment')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('installment.series_id', '=', 'series.id')
        .where('installment.deleted_at', 'is', null)
        .as('installment_count'),
    )
    .where('id', '=', seriesId)
    .executeTakeFirstOrThrow();
  return presentSeries(series, role, Number(series.installment_count ?? 0));
}
