/**
 * A room's writes to the store: each one retried with backoff, and a barrier
 * that lets a caller wait for every write started so far. Writes may finish
 * out of order (retries); the barrier still waits for all of them, so nothing
 * that depends on a write (a broadcast, a sync step 2) can overtake it.
 */
import { type RetryPolicy, withRetry } from '../store/withRetry.ts';

export interface WriteQueueOptions {
  /** Writes one update; rejects when the store refuses it. */
  append: (update: Uint8Array) => Promise<void>;
  retry: RetryPolicy;
  /** A write failed and is retried after `delayMs`. */
  onRetry: (error: unknown, attempt: number, delayMs: number) => void;
}

export class WriteQueue {
  /** Settles after every write started so far; rejects if one of them failed for good. */
  private barrier: Promise<void> = Promise.resolve();
  private inFlight = 0;

  constructor(private readonly options: WriteQueueOptions) {}

  /** Writes started and not yet committed (or given up). */
  get pending(): number {
    return this.inFlight;
  }

  /** Starts writing `update`; the promise rejects once the retries are spent. */
  write(update: Uint8Array): Promise<void> {
    const { append, retry, onRetry } = this.options;
    const write = withRetry(() => append(update), retry, onRetry);
    this.inFlight++;
    const settle = () => {
      this.inFlight--;
    };
    write.then(settle, settle);
    this.barrier = Promise.all([this.barrier, write]).then(() => undefined);
    // Whoever waits on it handles a failure; the chain itself must not count as unhandled.
    this.barrier.catch(() => undefined);
    return write;
  }

  /** Runs `then` once every write started so far is committed (at once if none is pending); `failed` if one was not. */
  afterWrites(then: () => void, failed: () => void): void {
    if (this.inFlight === 0) then();
    else this.barrier.then(then, failed);
  }

  /** Resolves once no write is pending, failed ones included. */
  async settled(): Promise<void> {
    while (this.inFlight > 0) await this.barrier.catch(() => undefined);
  }
}
