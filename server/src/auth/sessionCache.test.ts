import { describe, expect, it } from 'vitest';
import { SessionCache } from './sessionCache.ts';

const user = (token: string) => ({
  id: `u-${token}`,
  name: 'Ann',
  email: 'a@x',
  sessionToken: token,
});
const later = () => Date.now() + 60_000;

describe('SessionCache (AUTH-5)', () => {
  it('keeps a confirmed session until it is evicted', () => {
    const cache = new SessionCache(60_000, 10);
    cache.set('t', user('t'), later(), cache.generation);
    expect(cache.get('t')).toEqual(user('t'));
    cache.evict('t');
    expect(cache.get('t')).toBeUndefined();
  });

  it('evicts a session under every cookie value it was kept under', () => {
    const cache = new SessionCache(60_000, 10);
    cache.set('t.sig', user('t'), later(), cache.generation);
    cache.set('t.sig%3D', user('t'), later(), cache.generation);
    cache.set('u.sig', user('u'), later(), cache.generation);
    cache.evict('t');
    expect([cache.get('t.sig'), cache.get('t.sig%3D'), cache.get('u.sig')?.id]).toEqual([
      undefined,
      undefined,
      'u-u',
    ]);
  });

  it('does not store the answer of a lookup that was running when a session ended', () => {
    const cache = new SessionCache(60_000, 10);
    const started = cache.generation;
    cache.evict('t');
    cache.set('t', user('t'), later(), started);
    expect(cache.get('t')).toBeUndefined();
  });

  it('never answers for a session past its own expiry', () => {
    const cache = new SessionCache(60_000, 10);
    cache.set('t', user('t'), Date.now() - 1, cache.generation);
    expect(cache.get('t')).toBeUndefined();
  });

  it('holds at most maxEntries sessions, dropping the oldest; a TTL of 0 keeps none', () => {
    const cache = new SessionCache(60_000, 2);
    for (const t of ['a', 'b', 'c']) cache.set(t, user(t), later(), cache.generation);
    expect([cache.get('a'), cache.get('b')?.id, cache.get('c')?.id]).toEqual([
      undefined,
      'u-b',
      'u-c',
    ]);
    const off = new SessionCache(0, 2);
    off.set('a', user('a'), later(), off.generation);
    expect(off.get('a')).toBeUndefined();
  });
});
