import { describe, expect, it } from 'vitest';
import { WriteQueue } from './writeQueue.ts';

/** A store whose appends finish when the test says, in any order. */
function controlledStore() {
  const calls: Array<{ update: Uint8Array; resolve: () => void; reject: (e: Error) => void }> = [];
  const append = (update: Uint8Array) =>
    new Promise<void>((resolve, reject) => calls.push({ update, resolve, reject }));
  return { calls, append };
}

const noRetry = { attempts: 1, baseMs: 1, maxMs: 1 };
const u = (n: number) => new Uint8Array([n]);
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('WriteQueue', () => {
  it('SYNC-5 waits for every write started before, even when a later one commits first', async () => {
    const store = controlledStore();
    const queue = new WriteQueue({ append: store.append, retry: noRetry, onRetry: () => {} });
    void queue.write(u(1));
    void queue.write(u(2));
    const log: string[] = [];
    queue.afterWrites(
      () => log.push('after'),
      () => log.push('failed'),
    );
    expect(queue.pending).toBe(2);
    store.calls[1]!.resolve();
    await turn();
    expect(log).toEqual([]);
    store.calls[0]!.resolve();
    await turn();
    expect(log).toEqual(['after']);
    expect(queue.pending).toBe(0);
    // Nothing pending: at once.
    queue.afterWrites(
      () => log.push('now'),
      () => log.push('failed'),
    );
    expect(log).toEqual(['after', 'now']);
  });

  it('SYNC-6 a write that fails for good fails what waits on it; settled() still resolves', async () => {
    const store = controlledStore();
    const queue = new WriteQueue({ append: store.append, retry: noRetry, onRetry: () => {} });
    const write = queue.write(u(1));
    const outcome = new Promise<string>((resolve) =>
      queue.afterWrites(
        () => resolve('after'),
        () => resolve('failed'),
      ),
    );
    store.calls[0]!.reject(new Error('disk full'));
    await expect(write).rejects.toThrow('disk full');
    expect(await outcome).toBe('failed');
    await queue.settled();
    expect(queue.pending).toBe(0);
  });

  it('SYNC-5 retries a refused write with backoff before giving up', async () => {
    let attempts = 0;
    const retries: number[] = [];
    const queue = new WriteQueue({
      append: () => (++attempts < 3 ? Promise.reject(new Error('busy')) : Promise.resolve()),
      retry: { attempts: 3, baseMs: 1, maxMs: 2 },
      onRetry: (_error, attempt) => retries.push(attempt),
    });
    await queue.write(u(1));
    expect(attempts).toBe(3);
    expect(retries).toEqual([1, 2]);
  });
});
