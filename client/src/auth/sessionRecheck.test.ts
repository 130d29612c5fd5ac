import { describe, expect, it } from 'vitest';
import { MAX_RECHECK_MS, recheckDelay } from './sessionRecheck.ts';

describe('recheckDelay', () => {
  it('AUTH-7 doubles from 2 s and settles at one check a minute', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(recheckDelay)).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
    expect(recheckDelay(1_000)).toBe(MAX_RECHECK_MS);
  });
});
