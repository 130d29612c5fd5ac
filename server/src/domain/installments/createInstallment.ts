import type { CreateInstallmentInput, InstallmentSummary } from '@baton/shared/api.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Actor, requireSeriesCapability } from '../access.ts';
import { newId, nowIso } from '../ids.ts';
import { presentInstallment } from '../series/presentSeries.ts';

/** Adds the next installment (numbered 1, 2, 3… per series) with an empty draft. */
export async function createInstallment(
  db: Kysely<Database>,
  actor: Actor,
  seriesId: string,
  input: CreateInstallmentInput,
): Promise<InstallmentSummary> {
  await requireSeriesCapability(db, actor, seriesId, 'edit');
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('installment')
      .select((eb) => eb.fn.max('number').as('max'))
      .where('series_id', '=', seriesId)
      .executeTakeFirst();
    const now = nowIso();
    const row = {
      id: newId(),
      series_id: seriesId,
      number: Number(last?.max ?? 0) + 1,
      title: input.title,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('installment').values(row).execute();
    await trx.updateTable('series').set({ updated_at: now }).where('id', '=', seriesId).execute();
    return presentInstallment(row, 0);
  });
}
