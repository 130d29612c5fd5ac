/** Share links: create, revoke, preview and accept. */
import type {
  CreateShareLinkInput,
  JoinResult,
  ShareLink,
  ShareLinkPreview,
} from '@baton/shared/members.ts';
import { outranks } from '@baton/shared/roles.ts';
import type { Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors/appError.ts';
import { type Actor, requireSeriesCapability } from '../access.ts';
import type { AccessChanges } from '../accessChanges.ts';
import { newId, nowIso } from '../../ids.ts';
import { presentShareLink } from './presentMember.ts';

export async function createShareLink(
  db: Kysely<Database>,
  actor: Actor,
  seriesId: string,
  input: CreateShareLinkInput,
  publicUrl: string,
): Promise<ShareLink> {
  await requireSeriesCapability(db, actor, seriesId, 'manageMembers');
  const row = {
    id: newId(),
    series_id: seriesId,
    // 192 bits: the token is the whole secret of the link.
    token: randomBytes(24).toString('base64url'),
    role: input.role,
    created_by: actor.userId,
    created_at: nowIso(),
    expires_at: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
  };
  await db.insertInto('share_link').values(row).execute();
  return presentShareLink(row, publicUrl);
}

/**
 * Revokes a link. Members who joined through it and were not given a role
 * explicitly since lose their access too, at once.
 */
export async function revokeShareLink(
  db: Kysely<Database>,
  accessChanges: AccessChanges,
  actor: Actor,
  seriesId: string,
  linkId: string,
): Promise<void> {
  await requireSeriesCapability(db, actor, seriesId, 'manageMembers');
  const removed = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('share_link')
      .set({ revoked_at: nowIso() })
      .where('series_id', '=', seriesId)
      .where('id', '=', linkId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('Share link');
    const joined = await trx
      .selectFrom('series_member')
      .select('user_id')
      .where('series_id', '=', seriesId)
      .where('via_link_id', '=', linkId)
      .execute();
    await trx
      .deleteFrom('series_member')
      .where('series_id', '=', seriesId)
      .where('via_link_id', '=', linkId)
      .execute();
    return joined.map((r) => r.user_id);
  });
  if (removed.length > 0) accessChanges.publish({ seriesId, userIds: removed });
}

async function usableLink(db: Kysely<Database>, token: string) {
  const link = await db
    .selectFrom('share_link')
    .innerJoin('series', 'series.id', 'share_link.series_id')
    .select([
      'share_link.id',
      'share_link.series_id',
      'share_link.role',
      'share_link.expires_at',
      'share_link.revoked_at',
      'series.title as series_title',
    ])
    .where('share_link.token', '=', token)
    .executeTakeFirst();
  if (!link || link.revoked_at) throw notFound('Share link');
  if (link.expires_at && Date.parse(link.expires_at) <= Date.now()) {
    throw new AppError('link_expired', 410, 'This link has expired. Ask the owner for a new one.');
  }
  return link;
}

/** What opening a link would do; needs no session. */
export async function previewShareLink(
  db: Kysely<Database>,
  token: string,
): Promise<ShareLinkPreview> {
  const link = await usableLink(db, token);
  return { seriesTitle: link.series_title, role: link.role, expiresAt: link.expires_at };
}

/** Joins the series through a link; an existing higher role is kept. */
export async function acceptShareLink(
  db: Kysely<Database>,
  accessChanges: AccessChanges,
  actor: Actor,
  token: string,
): Promise<JoinResult> {
  const link = await usableLink(db, token);
  const result = await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('series_member')
      .select('role')
      .where('series_id', '=', link.series_id)
      .where('user_id', '=', actor.userId)
      .executeTakeFirst();
    if (existing && !outranks(link.role, existing.role)) {
      return { role: existing.role, changed: false };
    }
    await trx
      .insertInto('series_member')
      .values({
        series_id: link.series_id,
        user_id: actor.userId,
        role: link.role,
        created_at: nowIso(),
        via_link_id: link.id,
      })
      .onConflict((oc) =>
        oc.columns(['series_id', 'user_id']).doUpdateSet({ role: link.role, via_link_id: link.id }),
      )
      .execute();
    return { role: link.role, changed: existing !== undefined };
  });
  if (result.changed) accessChanges.publish({ seriesId: link.series_id, userIds: [actor.userId] });
  return { seriesId: link.series_id, role: result.role };
}
