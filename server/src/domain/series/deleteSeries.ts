import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Actor, requireSeriesCapability } from '../access.ts';
import type { AccessChanges } from '../accessChanges.ts';

/** Deletes a series with its installments, members, links and document logs (owner only). */
export async function deleteSeries(
  db: Kysely<Database>,
  accessChanges: AccessChanges,
  actor: Actor,
  seriesId: string,
): Promise<void> {
  await requireSeriesCapability(db, actor, seriesId, 'deleteSeries');
  await db.transaction().execute(async (trx) => {
    const installmentIds = trx
      .selectFrom('installment')
      .select('id')
      .where('series_id', '=', seriesId);
    await trx.deleteFrom('doc_update').where('doc_name', 'in', installmentIds).execute();
    // Foreign keys cascade to members, invitations, links, installments and their content.
    await trx.deleteFrom('series').where('id', '=', seriesId).execute();
  });
  accessChanges.publish({ seriesId, userIds: null });
}
