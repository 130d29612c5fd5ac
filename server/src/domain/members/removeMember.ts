import { can } from '@baton/shared/roles.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../../errors/appError.ts';
import { type Actor, requireSeriesCapability } from '../access.ts';
import type { AccessChanges } from '../accessChanges.ts';
import { lastOwner } from './changeMemberRole.ts';
import { countManagers, selectMember } from './memberQueries.ts';

/** Removes a member (those who manage members), or leaves the series (anyone, for themselves). */
export async function removeMember(
  db: Kysely<Database>,
  accessChanges: AccessChanges,
  actor: Actor,
  seriesId: string,
  userId: string,
): Promise<void> {
  const leaving = userId === actor.userId;
  await requireSeriesCapability(db, actor, seriesId, leaving ? 'read' : 'manageMembers');
  await db.transaction().execute(async (trx) => {
    const member = await selectMember(trx, seriesId, userId);
    if (!member) throw notFound('Member');
    if (can(member.role, 'manageMembers') && (await countManagers(trx, seriesId)) <= 1) {
      throw lastOwner();
    }
    await trx
      .deleteFrom('series_member')
      .where('series_id', '=', seriesId)
      .where('user_id', '=', userId)
      .execute();
  });
  accessChanges.publish({ seriesId, userIds: [userId] });
}
