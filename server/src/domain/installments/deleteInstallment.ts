import type { Kysely } from 'kysely';
import type { LiveDrafts } from '../liveDrafts.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, requireInstallmentCapability } from '../access.ts';
import type { AccessChanges } from '../accessChanges.ts';
import { nowIso } from '../../ids.ts';
import { discardDraft } from './discardDraft.ts';

export interface DeleteInstallmentDeps {
  db: Kysely<Database>;
  registry: Pick<LiveDrafts, 'discard'>;
  accessChanges: AccessChanges;
}

/**
 * Deletes an installment (the `deleteInstallment` capability): its draft,
 * threads and live room go; the row stays, marked deleted, with its published
 * versions, which readers no longer get (410). Its number is never reused and
 * the other installments keep theirs (docs/decisions/0008).
 */
export async function deleteInstallment(
  deps: DeleteInstallmentDeps,
  actor: Actor,
  installmentId: string,
): Promise<void> {
  const { seriesId } = await requireInstallmentCapability(
    deps.db,
    actor,
    installmentId,
    'deleteInstallment',
  );
  const now = nowIso();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('installment')
      .set({ deleted_at: now, deleted_by: actor.userId, updated_at: now })
      .where('id', '=', installmentId)
      .execute();
    // Messages go with their threads (foreign keys cascade).
    await trx.deleteFrom('comment_thread').where('installment_id', '=', installmentId).execute();
    await trx
      .deleteFrom('installment_content')
      .where('installment_id', '=', installmentId)
      .execute();
    await trx.deleteFrom('installment_event').where('installment_id', '=', installmentId).execute();
    await trx.updateTable('series').set({ updated_at: now }).where('id', '=', seriesId).execute();
  });
  await discardDraft(deps.db, deps.registry, installmentId);
  // Other instances drop their room and streams too (here it finds nothing left to do).
  deps.accessChanges.publish({ seriesId, userIds: null, deletedInstallmentId: installmentId });
}
