import type { InviteMemberInput, InviteResult } from '@baton/shared/members.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors/appError.ts';
import { type Actor, requireSeriesCapability } from '../access.ts';
import { newId, nowIso } from '../../ids.ts';
import { selectMember } from './memberQueries.ts';
import { presentInvitation } from './presentMember.ts';

/**
 * Invites by email: an existing account becomes a member at once; otherwise a
 * pending invitation waits for someone to sign up with that email.
 */
export async function inviteMember(
  db: Kysely<Database>,
  actor: Actor,
  seriesId: string,
  input: InviteMemberInput,
): Promise<InviteResult> {
  await requireSeriesCapability(db, actor, seriesId, 'manageMembers');
  const user = await db
    .selectFrom('user')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email))
    .executeTakeFirst();
  const now = nowIso();
  if (user) {
    const existing = await db
      .selectFrom('series_member')
      .select('role')
      .where('series_id', '=', seriesId)
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (existing) {
      throw new AppError('already_member', 409, `${input.email} is already a member.`, {
        email: 'already a member of this series',
      });
    }
    await db
      .insertInto('series_member')
      .values({ series_id: seriesId, user_id: user.id, role: input.role, created_at: now })
      .execute();
    const member = await selectMember(db, seriesId, user.id);
    if (!member) throw new Error('member vanished after insert');
    return { kind: 'member', member };
  }
  const row = {
    id: newId(),
    series_id: seriesId,
    email: input.email,
    role: input.role,
    invited_by: actor.userId,
    created_at: now,
  };
  await db
    .insertInto('series_invitation')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['series_id', 'email'])
        .doUpdateSet({ role: row.role, invited_by: row.invited_by }),
    )
    .execute();
  const stored = await db
    .selectFrom('series_invitation')
    .selectAll()
    .where('series_id', '=', seriesId)
    .where('email', '=', input.email)
    .executeTakeFirstOrThrow();
  return { kind: 'invitation', invitation: presentInvitation(stored) };
}
