import { describe, expect, it } from 'vitest';
import { withRetry } from './withRetry.ts';

const policy = { attempts: 4, baseMs: 1, maxMs: 4 };

describe('withRetry', () => {
  it('retries until the operation succeeds, waiting longer each time', async () => {
    let calls = 0;
    const delays: number[] = [];
    const result = await withRetry(
      () => (++calls < 3 ? Promise.reject(new Error('busy')) : Promise.resolve('done')),
      policy,
      (_error, _attempt, delayMs) => delays.push(delayMs),
    );
    expect(result).toBe('done');
    expect(calls).toBe(3);
    expect(delays).toHaveLength(2);
    expect(delays[1]).toBeGreaterThanOrEqual(1);
    expect(delays[1]).toBeLessThanOrEqual(2);
  });

  it('gives up after the last attempt with the last error', async () => {
    let calls = 0;
    await expect(
      withRetry(
        () => Promise.reject(new Error(`failure ${++calls}`)),
        policy,
        () => undefined,
      ),
    ).rejects.toThrow('failure 4');
    expect(calls).toBe(4);
  });
});
