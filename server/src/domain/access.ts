/**
 * The one permission check used by every surface (REST, websocket, later SSE):
 * resolve the caller's role in a series, then ask `can(role, capability)`.
 * A series the caller cannot read is reported as not found, so ids do not leak.
 */
import { can, type Capability, type Role } from '@baton/shared/roles.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { forbidden, gone, notFound } from '../errors/appError.ts';

export interface Actor {
  userId: string;
  name: string;
}

export async function roleInSeries(
  db: Kysely<Database>,
  userId: string,
  seriesId: string,
): Promise<Role | null> {
  const row = await db
    .selectFrom('series_member')
    .select('role')
    .where('series_id', '=', seriesId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

/** Returns the actor's role in the series, or throws 404 (cannot read) / 403 (lacks capability). */
export async function requireSeriesCapability(
  db: Kysely<Database>,
  actor: Actor,
  seriesId: string,
  capability: Capability,
): Promise<Role> {
  const role = await roleInSeries(db, actor.userId, seriesId);
  return assertCapability(role, capability, 'Series');
}

export interface InstallmentAccess {
  installmentId: string;
  seriesId: string;
  role: Role;
}

/**
 * Like `requireSeriesCapability`, for the series an installment belongs to. A
 * deleted installment is 410 for members (they knew it) and 404 for others.
 */
export async function requireInstallmentCapability(
  db: Kysely<Database>,
  actor: Actor,
  installmentId: string,
  capability: Capability,
): Promise<InstallmentAccess> {
  const row = await db
    .selectFrom('installment')
    .leftJoin('series_member', (join) =>
      join
        .onRef('series_member.series_id', '=', 'installment.series_id')
        .on('series_member.user_id', '=', actor.userId),
    )
    .select([
      'installment.id',
      'installment.series_id',
      'installment.deleted_at',
      'series_member.role',
    ])
    .where('installment.id', '=', installmentId)
    .executeTakeFirst();
  if (row?.deleted_at && can(row.role, 'read')) throw gone('This installment was deleted.');
  const role = assertCapability(row?.role ?? null, capability, 'Installment');
  return { installmentId, seriesId: row!.series_id, role };
}

function assertCapability(role: Role | null, capability: Capability, what: string): Role {
  if (!can(role, 'read')) throw notFound(what);
  if (!can(role, capability)) throw forbidden();
  return role!;
}
