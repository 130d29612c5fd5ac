/**
 * Live events per installment (comments, publishing). Each event is stored in
 * the same transaction as the change it reports (with the webhook deliveries
 * it causes), then published to subscribers after the commit; its row id is the SSE event id, so a client
 * resumes with Last-Event-ID and misses nothing still retained.
 */
import type { InstallmentEventType } from '@baton/shared/comments.ts';
import { limits } from '@baton/shared/limits.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../ids.ts';

export interface InstallmentEvent {
  id: number;
  installmentId: string;
  type: InstallmentEventType;
  /** JSON text, sent as the SSE data line. */
  data: string;
}

export type EventListener = (event: InstallmentEvent) => void;

/** Where events go besides this instance's subscribers (other instances). */
export interface EventRelay {
  publishEvent(event: InstallmentEvent): void;
  onEvent(listener: EventListener): void;
}

/**
 * Work that must be queued with every recorded event, in its transaction, and
 * started once it committed (webhook deliveries).
 */
export interface EventOutbox {
  enqueue(trx: Kysely<Database>, event: InstallmentEvent, data: unknown): Promise<void>;
  committed(event: InstallmentEvent): void;
}

export class InstallmentEvents {
  private readonly listeners = new Map<string, Set<EventListener>>();
  private oldestRetainedId = 0;
  private lastPruneAt = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly relay?: EventRelay,
    private readonly outbox?: EventOutbox,
  ) {
    relay?.onEvent((event) => this.deliver(event));
  }

  /** Stores an event inside the caller's transaction; publish it after the commit. */
  async record(
    trx: Kysely<Database>,
    installmentId: string,
    type: InstallmentEventType,
    data: unknown,
  ): Promise<InstallmentEvent> {
    const json = JSON.stringify(data);
    const row = await trx
      .insertInto('installment_event')
      .values({ installment_id: installmentId, type, data: json, created_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const event = { id: Number(row.id), installmentId, type, data: json };
    await this.outbox?.enqueue(trx, event, data);
    return event;
  }

  /** Delivers a committed event to subscribers here and on every other instance. */
  publish(event: InstallmentEvent): void {
    this.outbox?.committed(event);
    this.deliver(event);
    this.relay?.publishEvent(event);
    void this.pruneNowAndThen();
  }

  private deliver(event: InstallmentEvent): void {
    for (const listener of this.listeners.get(event.installmentId) ?? []) listener(event);
  }

  subscribe(installmentId: string, listener: EventListener): () => void {
    let set = this.listeners.get(installmentId);
    if (!set) this.listeners.set(installmentId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(installmentId);
    };
  }

  /**
   * Events after `lastEventId`, oldest first; null when some of them are no
   * longer retained (the client must reload instead).
   */
  async since(installmentId: string, lastEventId: number): Promise<InstallmentEvent[] | null> {
    if (this.lastPruneAt === 0) await this.pruneNowAndThen();
    if (lastEventId < this.oldestRetainedId - 1) return null;
    const rows = await this.db
      .selectFrom('installment_event')
      .select(['id', 'installment_id', 'type', 'data'])
      .where('installment_id', '=', installmentId)
      .where('id', '>', lastEventId)
      .orderBy('id', 'asc')
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      installmentId: r.installment_id,
      type: r.type as InstallmentEventType,
      data: r.data,
    }));
  }

  /** The newest event id of an installment, if it has any. */
  async latestId(installmentId: string): Promise<number | null> {
    const row = await this.db
      .selectFrom('installment_event')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('installment_id', '=', installmentId)
      .executeTakeFirst();
    return row?.id == null ? null : Number(row.id);
  }

  /** Deletes events past the retention period, at most once an hour. */
  private async pruneNowAndThen(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPruneAt < 3_600_000) return;
    this.lastPruneAt = now;
    const cutoff = new Date(now - limits.eventRetentionDays * 86_400_000).toISOString();
    await this.db.deleteFrom('installment_event').where('created_at', '<', cutoff).execute();
    const oldest = await this.db
      .selectFrom('installment_event')
      .select((eb) => eb.fn.min('id').as('id'))
      .executeTakeFirst();
    this.oldestRetainedId = Number(oldest?.id ?? 0);
  }
}
