import type { MembersResponse } from '@baton/shared/members.ts';
import { can } from '@baton/shared/roles.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Actor, requireSeriesCapability } from '../access.ts';
import { selectMembers } from './memberQueries.ts';
import { presentInvitation, presentShareLink } from './presentMember.ts';

/** Members for anyone who can read; invitations and links only for those who manage members. */
export async function listMembers(
  db: Kysely<Database>,
  actor: Actor,
  seriesId: string,
  publicUrl: string,
): Promise<MembersResponse> {
  const role = await requireSeriesCapability(db, actor, seriesId, 'read');
  const members = await selectMembers(db, seriesId);
  if (!can(role, 'manageMembers')) return { members, invitations: [], links: [], role };
  const invitations = await db
    .selectFrom('series_invitation')
    .selectAll()
    .where('series_id', '=', seriesId)
    .orderBy('created_at', 'asc')
    .execute();
  const links = await db
    .selectFrom('share_link')
    .selectAll()
    .where('series_id', '=', seriesId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'asc')
    .execute();
  return {
    members,
    invitations: invitations.map(presentInvitation),
    links: links.map((l) => presentShareLink(l, publicUrl)),
    role,
  };
}
