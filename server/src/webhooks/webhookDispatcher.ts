/**
 * Sends due webhook deliveries from this server process. Woken when a
 * delivery is queued here, at the time the next one is due, and every
 * `pollMs` besides (deliveries queued by other instances, leases that ran
 * out). Several instances may run one each: attempts are claimed in the
 * database (deliveryQueries.ts).
 */
import { limits } from '@baton/shared/limits.ts';
import type { Kysely } from 'kysely';
import type { Logger } from '../config/logger.ts';
import type { Database } from '../db/schema.ts';
import {
  type AttemptOutcome,
  claimDelivery,
  type DueDelivery,
  nextDueAt,
  pruneDeliveries,
  recordAttempt,
  releaseDelivery,
  selectDue,
} from './deliveryQueries.ts';
import { nextAttemptAt, type RetryPolicy } from './retrySchedule.ts';
import { sendDelivery } from './sendDelivery.ts';

export interface DispatcherOptions {
  db: Kysely<Database>;
  logger: Logger;
  retry: RetryPolicy;
  /** URLs that lead back to this server are not sent to, even if stored earlier. */
  pointsAtThisServer: (url: string) => boolean;
  timeoutMs?: number;
  pollMs?: number;
  /** Attempts in flight at once; a slow receiver does not hold up the others. */
  concurrency?: number;
}

export interface RecordedAttempt {
  deliveryId: string;
  status: AttemptOutcome['status'];
}

export class WebhookDispatcher {
  private readonly timeoutMs: number;
  private readonly pollMs: number;
  private readonly concurrency: number;
  /** A claimed attempt holds its delivery this long: a dead instance's claim runs out. */
  private readonly leaseMs: number;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly stopping = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private runAgain = false;
  private lastPruneAt = 0;
  private readonly attemptListeners = new Set<(attempt: RecordedAttempt) => void>();

  constructor(private readonly options: DispatcherOptions) {
    this.timeoutMs = options.timeoutMs ?? limits.webhookTimeoutMs;
    this.pollMs = options.pollMs ?? 10_000;
    this.concurrency = options.concurrency ?? 8;
    this.leaseMs = this.timeoutMs + 20_000;
  }

  /** Looks for due deliveries now (and keeps looking). */
  start(): void {
    this.wake();
  }

  /** Something may be due: look soon. Calls while a look runs are folded into one more. */
  wake(): void {
    if (this.stopping.signal.aborted) return;
    if (this.running) {
      this.runAgain = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.runAgain) {
        this.runAgain = false;
        this.wake();
      }
    });
  }

  /** Calls `listener` after each attempt made here is recorded; returns the unsubscribe. */
  onAttempt(listener: (attempt: RecordedAttempt) => void): () => void {
    this.attemptListeners.add(listener);
    return () => this.attemptListeners.delete(listener);
  }

  /** Stops looking, aborts attempts in flight and hands their deliveries back to the queue. */
  async stop(): Promise<void> {
    this.stopping.abort();
    clearTimeout(this.timer);
    await this.running;
    await Promise.allSettled([...this.inFlight]);
  }

  private async run(): Promise<void> {
    clearTimeout(this.timer);
    try {
      await this.startDueAttempts();
      await this.pruneNowAndThen();
      if (this.stopping.signal.aborted) return;
      // With every slot busy, the next finished attempt wakes the dispatcher.
      const busy = this.inFlight.size >= this.concurrency;
      this.schedule(busy ? null : await nextDueAt(this.options.db));
    } catch (error) {
      if (this.stopping.signal.aborted) return;
      this.options.logger.warn('webhook dispatch failed; trying again later', {
        error: String(error),
      });
      this.schedule(null);
    }
  }

  private async startDueAttempts(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      const room = this.concurrency - this.inFlight.size;
      if (room <= 0) return;
      const now = new Date();
      const due = await selectDue(this.options.db, now.toISOString(), room);
      for (const delivery of due) {
        const leaseUntil = new Date(now.getTime() + this.leaseMs).toISOString();
        if (!(await claimDelivery(this.options.db, delivery, now.toISOString(), leaseUntil))) {
          continue;
        }
        const attempt = this.attempt(delivery, leaseUntil).finally(() => {
          this.inFlight.delete(attempt);
          this.wake();
        });
        this.inFlight.add(attempt);
      }
      if (due.length < room) return;
    }
  }

  private async attempt(delivery: DueDelivery, leaseUntil: string): Promise<void> {
    const { db, logger, retry } = this.options;
    const attempts = delivery.attempts + 1;
    let outcome: AttemptOutcome;
    if (this.options.pointsAtThisServer(delivery.url)) {
      outcome = { status: 'failed', httpStatus: null, error: 'the URL points at this server' };
    } else {
      let result;
      try {
        result = await sendDelivery(delivery, this.timeoutMs, this.stopping.signal);
      } catch {
        // Shutting down: hand the delivery back so that the next instance up sends it at once.
        await releaseDelivery(db, delivery.id, leaseUntil, new Date().toISOString()).catch(
          () => undefined, // then its lease runs out instead
        );
        return;
      }
      const now = new Date();
      if (result.ok) {
        outcome = { status: 'delivered', httpStatus: result.httpStatus, at: now.toISOString() };
      } else {
        const next = nextAttemptAt(retry, new Date(delivery.created_at), attempts, now);
        outcome = next
          ? { ...result, status: 'pending', nextAttemptAt: next.toISOString() }
          : { ...result, status: 'failed' };
      }
    }
    try {
      await recordAttempt(db, delivery.id, leaseUntil, outcome);
    } catch (error) {
      logger.warn('could not record a webhook attempt', { id: delivery.id, error: String(error) });
    }
    if (outcome.status === 'failed') {
      logger.info('webhook delivery failed for good', { id: delivery.id, error: outcome.error });
    }
    for (const listener of this.attemptListeners) {
      listener({ deliveryId: delivery.id, status: outcome.status });
    }
  }

  /** Wakes when the next delivery is due, or after `pollMs` at the latest. */
  private schedule(dueAt: string | null): void {
    const wait = dueAt === null ? this.pollMs : Date.parse(dueAt) - Date.now();
    this.timer = setTimeout(() => this.wake(), Math.max(0, Math.min(wait, this.pollMs)));
    this.timer.unref();
  }

  /** Forgets finished deliveries past the retention period, at most once an hour. */
  private async pruneNowAndThen(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPruneAt < 3_600_000) return;
    this.lastPruneAt = now;
    const cutoff = new Date(now - limits.webhookRetentionDays * 86_400_000).toISOString();
    await pruneDeliveries(this.options.db, cutoff);
  }
}
