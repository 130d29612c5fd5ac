import { describe, expect, it } from 'vitest';
import { AddressLimiter } from './addressLimiter.ts';

describe('AddressLimiter', () => {
  it('allows each address its quota per window, then again in the next window', () => {
    const limiter = new AddressLimiter(2, 0);
    expect(limiter.allow('a', 0)).toBe(true);
    expect(limiter.allow('a', 10)).toBe(true);
    expect(limiter.allow('a', 20)).toBe(false);
    expect(limiter.allow('b', 20)).toBe(true);
    expect(limiter.retryAfterSeconds(20)).toBe(60);
    expect(limiter.allow('a', 60_000)).toBe(true);
  });

  it('allows everything with a quota of 0', () => {
    const limiter = new AddressLimiter(0, 0);
    for (let i = 0; i < 1000; i++) expect(limiter.allow('a', i)).toBe(true);
  });
});
