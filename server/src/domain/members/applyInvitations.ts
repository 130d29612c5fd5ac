import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../ids.ts';

/** Turns the pending invitations for a new account's email into memberships. */
export async function applyInvitations(
  db: Kysely<Database>,
  user: { id: string; email: string },
): Promise<void> {
  const email = user.email.trim().toLowerCase();
  await db.transaction().execute(async (trx) => {
    const invitations = await trx
      .selectFrom('series_invitation')
      .selectAll()
      .where('email', '=', email)
      .execute();
    for (const invitation of invitations) {
      await trx
        .insertInto('series_member')
        .values({
          series_id: invitation.series_id,
          user_id: user.id,
          role: invitation.role,
          created_at: nowIso(),
        })
        .onConflict((oc) => oc.columns(['series_id', 'user_id']).doNothing())
        .execute();
    }
    await trx.deleteFrom('series_invitation').where('email', '=', email).execute();
  });
}
