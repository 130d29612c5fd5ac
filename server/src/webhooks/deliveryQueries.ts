/**
 * The delivery queue in the database. A delivery is pending until it lands or
 * expires; `next_attempt_at` says when it is due. An instance takes one by
 * moving `next_attempt_at` to the end of a lease with a conditional UPDATE, so
 * with several instances each attempt is made once; an instance that dies
 * mid-attempt leaves a lease that simply runs out.
 */
import type { WebhookDeliveryBody } from '@baton/shared/webhooks.ts';
import type { Kysely } from 'kysely';
import type { Database, WebhookDeliveryTable } from '../db/schema.ts';

/** Queues a delivery of `body` to one hook, due at once. */
export async function insertDelivery(
  db: Kysely<Database>,
  webhookId: string,
  body: WebhookDeliveryBody,
): Promise<void> {
  await db
    .insertInto('webhook_delivery')
    .values({
      id: body.id,
      webhook_id: webhookId,
      type: body.type,
      payload: JSON.stringify(body),
      status: 'pending',
      attempts: 0,
      next_attempt_at: body.createdAt,
      created_at: body.createdAt,
    })
    .execute();
}

export interface DueDelivery {
  id: string;
  type: WebhookDeliveryTable['type'];
  payload: string;
  attempts: number;
  next_attempt_at: string;
  created_at: string;
  url: string;
  secret: string;
}

/** Pending deliveries of enabled hooks that are due, oldest due first. */
export async function selectDue(
  db: Kysely<Database>,
  now: string,
  limit: number,
): Promise<DueDelivery[]> {
  const rows = await db
    .selectFrom('webhook_delivery as d')
    .innerJoin('webhook as w', 'w.id', 'd.webhook_id')
    .select([
      'd.id',
      'd.type',
      'd.payload',
      'd.attempts',
      'd.next_attempt_at',
      'd.created_at',
      'w.url',
      'w.secret',
    ])
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', now)
    .where('w.enabled', '=', 1)
    .orderBy('d.next_attempt_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    ...r,
    attempts: Number(r.attempts),
    next_attempt_at: r.next_attempt_at!,
  }));
}

/**
 * Takes a due delivery for one attempt until `leaseUntil`. False when another
 * instance (or an earlier tick) took it first: its `next_attempt_at` moved.
 */
export async function claimDelivery(
  db: Kysely<Database>,
  delivery: Pick<DueDelivery, 'id' | 'next_attempt_at'>,
  now: string,
  leaseUntil: string,
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_delivery')
    .set((eb) => ({
      next_attempt_at: leaseUntil,
      attempts: eb('attempts', '+', 1),
      last_attempt_at: now,
      // Cleared while the attempt is in flight: how it went is written when it ends.
      last_status: null,
      last_error: null,
    }))
    .where('id', '=', delivery.id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '=', delivery.next_attempt_at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type AttemptOutcome =
  | { status: 'delivered'; httpStatus: number; at: string }
  | { status: 'pending'; httpStatus: number | null; error: string; nextAttemptAt: string }
  | { status: 'failed'; httpStatus: number | null; error: string };

/** Records how an attempt went, if the attempt still holds its lease. */
export async function recordAttempt(
  db: Kysely<Database>,
  id: string,
  leaseUntil: string,
  outcome: AttemptOutcome,
): Promise<void> {
  await db
    .updateTable('webhook_delivery')
    .set({
      status: outcome.status,
      last_status: outcome.httpStatus,
      last_error: outcome.status === 'delivered' ? null : outcome.error,
      delivered_at: outcome.status === 'delivered' ? outcome.at : null,
      next_attempt_at: outcome.status === 'pending' ? outcome.nextAttemptAt : null,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '=', leaseUntil)
    .execute();
}

/** Hands back an attempt cut short by a shutdown: due at once, for any instance. */
export async function releaseDelivery(
  db: Kysely<Database>,
  id: string,
  leaseUntil: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('webhook_delivery')
    .set({ next_attempt_at: now })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '=', leaseUntil)
    .execute();
}

/** When the next pending delivery of an enabled hook is due, if any. */
export async function nextDueAt(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('webhook_delivery as d')
    .innerJoin('webhook as w', 'w.id', 'd.webhook_id')
    .select((eb) => eb.fn.min('d.next_attempt_at').as('due'))
    .where('d.status', '=', 'pending')
    .where('w.enabled', '=', 1)
    .executeTakeFirst();
  return row?.due ?? null;
}

/** Forgets finished deliveries queued before `cutoff`. */
export async function pruneDeliveries(db: Kysely<Database>, cutoff: string): Promise<void> {
  await db
    .deleteFrom('webhook_delivery')
    .where('status', '!=', 'pending')
    .where('created_at', '<', cutoff)
    .execute();
}
