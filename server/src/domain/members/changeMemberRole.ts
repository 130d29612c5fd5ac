import type { ChangeRoleInput, Member } from '@baton/shared/members.ts';
import { can } from '@baton/shared/roles.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors/appError.ts';
import { type Actor, requireSeriesCapability } from '../access.ts';
import type { AccessChanges } from '../accessChanges.ts';
import { countManagers, selectMember } from './memberQueries.ts';

export const lastOwner = () =>
  new AppError(
    'last_owner',
    409,
    'A series needs at least one owner. Make someone else an owner first.',
  );

/**
 * Sets a member's role. The role is then explicit: it no longer depends on the
 * share link the member joined with. Open connections of that member close.
 */
export async function changeMemberRole(
  db: Kysely<Database>,
  accessChanges: AccessChanges,
  actor: Actor,
  seriesId: string,
  userId: string,
  input: ChangeRoleInput,
): Promise<Member> {
  await requireSeriesCapability(db, actor, seriesId, 'manageMembers');
  await db.transaction().execute(async (trx) => {
    const member = await selectMember(trx, seriesId, userId);
    if (!member) throw notFound('Member');
    const demotesManager = can(member.role, 'manageMembers') && !can(input.role, 'manageMembers');
    if (demotesManager && (await countManagers(trx, seriesId)) <= 1) throw lastOwner();
    await trx
      .updateTable('series_member')
      .set({ role: input.role, via_link_id: null })
      .where('series_id', '=', seriesId)
      .where('user_id', '=', userId)
      .execute();
  });
  accessChanges.publish({ seriesId, userIds: [userId] });
  const updated = await selectMember(db, seriesId, userId);
  if (!updated) throw notFound('Member');
  return updated;
}
