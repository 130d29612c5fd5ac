import type { Member } from '@baton/shared/members.ts';
import { roles, rolesWith } from '@baton/shared/roles.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { presentMember } from './presentMember.ts';

/** Members of a series with their account name and email, owners first. */
export async function selectMembers(db: Kysely<Database>, seriesId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('series_member')
    .innerJoin('user', 'user.id', 'series_member.user_id')
    .select([
      'series_member.user_id',
      'series_member.role',
      'series_member.created_at',
      'series_member.via_link_id',
      'user.name',
      'user.email',
    ])
    .where('series_member.series_id', '=', seriesId)
    .orderBy('series_member.created_at', 'asc')
    .execute();
  return rows.map(presentMember).sort((a, b) => roles.indexOf(a.role) - roles.indexOf(b.role));
}

export async function selectMember(
  db: Kysely<Database>,
  seriesId: string,
  userId: string,
): Promise<Member | undefined> {
  return (await selectMembers(db, seriesId)).find((m) => m.userId === userId);
}

/**
 * Members who can manage the series (its owners). A series always keeps at
 * least one: the last of them cannot be removed, demoted or leave.
 */
export async function countManagers(db: Kysely<Database>, seriesId: string): Promise<number> {
  const row = await db
    .selectFrom('series_member')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('series_id', '=', seriesId)
    .where('role', 'in', rolesWith('manageMembers'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
