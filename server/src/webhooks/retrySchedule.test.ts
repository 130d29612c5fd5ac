import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, nextAttemptAt } from './retrySchedule.ts';

const created = new Date('2030-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(created.getTime() + ms);
const minute = 60_000;
const hour = 60 * minute;

describe('webhook retry schedule', () => {
  it('HOOK-5 waits 30 s after the first failure, doubling to at most an hour', () => {
    const policy = defaultRetryPolicy();
    const waits: number[] = [];
    let now = created;
    for (let attempts = 1; attempts <= 10; attempts++) {
      const next = nextAttemptAt(policy, created, attempts, now)!;
      waits.push(next.getTime() - now.getTime());
      now = next;
    }
    expect(waits).toEqual([
      30_000,
      minute,
      2 * minute,
      4 * minute,
      8 * minute,
      16 * minute,
      32 * minute,
      hour,
      hour,
      hour,
    ]);
  });

  it('HOOK-5 tries a last time when 24 h have passed, then gives up', () => {
    const policy = defaultRetryPolicy();
    expect(nextAttemptAt(policy, created, 30, at(24 * hour - 10 * minute))).toEqual(at(24 * hour));
    expect(nextAttemptAt(policy, created, 31, at(24 * hour))).toBeNull();
    expect(nextAttemptAt(policy, created, 31, at(25 * hour))).toBeNull();
  });

  it('takes the base from the configuration (tests use a tiny one)', () => {
    expect(nextAttemptAt(defaultRetryPolicy(20), created, 1, created)).toEqual(at(20));
    expect(nextAttemptAt(defaultRetryPolicy(20), created, 3, created)).toEqual(at(80));
  });
});
