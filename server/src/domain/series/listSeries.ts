import type { SeriesSummary } from '@baton/shared/api.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../access.ts';
import { presentSeries } from './presentSeries.ts';

/** Every series the actor is a member of, most recently changed first. */
export async function listSeries(db: Kysely<Database>, actor: Actor): Promise<SeriesSummary[]> {
  const rows = await db
    .selectFrom('series')
    .innerJoin('series_member', 'series_member.series_id', 'series.id')
    .selectAll('series')
    .select('series_member.role')
    .select((eb) =>
      eb
        .selectFrom('installment')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('installment.series_id', '=', 'series.id')
        .where('installment.deleted_at', 'is', null)
        .as('installment_count'),
    )
    .where('series_member.user_id', '=', actor.userId)
    .orderBy('series.updated_at', 'desc')
    .execute();
  return rows.map((r) => presentSeries(r, r.role, Number(r.installment_count ?? 0)));
}
