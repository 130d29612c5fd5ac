import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../../errors/appError.ts';
import { type Actor, requireSeriesCapability } from '../access.ts';

export async function withdrawInvitation(
  db: Kysely<Database>,
  actor: Actor,
  seriesId: string,
  invitationId: string,
): Promise<void> {
  await requireSeriesCapability(db, actor, seriesId, 'manageMembers');
  const result = await db
    .deleteFrom('series_invitation')
    .where('series_id', '=', seriesId)
    .where('id', '=', invitationId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('Invitation');
}
