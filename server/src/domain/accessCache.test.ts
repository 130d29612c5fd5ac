import { describe, expect, it } from 'vitest';
import { AccessCache } from './accessCache.ts';

const access = (installmentId: string, seriesId = 's1') => ({
  installmentId,
  seriesId,
  role: 'editor' as const,
});
type Access = ReturnType<typeof access>;

describe('AccessCache (ROLE-5)', () => {
  it('drops the changed users of the series, and everyone for a series-wide change', () => {
    const cache = new AccessCache(60_000, 10);
    cache.set('ann', access('i1'), cache.generation);
    cache.set('bob', access('i1'), cache.generation);
    cache.set('bob', access('i9', 's2'), cache.generation);
    cache.evict({ seriesId: 's1', userIds: ['bob'] });
    expect(cache.get('ann', 'i1')).toEqual(access('i1'));
    expect(cache.get('bob', 'i1')).toBeUndefined();
    expect(cache.get('bob', 'i9')).toEqual(access('i9', 's2'));
    cache.evict({ seriesId: 's1', userIds: null, deletedInstallmentId: 'i1' });
    expect(cache.get('ann', 'i1')).toBeUndefined();
    expect(cache.get('bob', 'i9')).toEqual(access('i9', 's2'));
  });

  it('does not keep an answer looked up before a change arrived', () => {
    const cache = new AccessCache(60_000, 10);
    const generation = cache.generation;
    cache.evict({ seriesId: 's1', userIds: ['ann'] });
    cache.set('ann', access('i1'), generation);
    expect(cache.get('ann', 'i1')).toBeUndefined();
  });

  it('keeps nothing when off, and at most maxEntries', () => {
    const off = new AccessCache(0, 10);
    off.set('ann', access('i1'), off.generation);
    expect(off.get('ann', 'i1')).toBeUndefined();
    const small = new AccessCache(60_000, 2);
    for (const id of ['i1', 'i2', 'i3']) small.set('ann', access(id), small.generation);
    expect(small.get('ann', 'i1')).toBeUndefined();
    expect(small.get('ann', 'i3')).toEqual(access('i3'));
  });

  it('asks once for a question already being looked up, unless a change arrived since', async () => {
    const cache = new AccessCache(60_000, 10);
    let lookups = 0;
    const pending: Array<(a: Access) => void> = [];
    const lookUp = () => {
      lookups++;
      return new Promise<Access>((resolve) => pending.push(resolve));
    };
    const first = cache.answer('ann', 'i1', lookUp);
    const second = cache.answer('ann', 'i1', lookUp);
    const otherUser = cache.answer('bob', 'i1', lookUp);
    expect(lookups).toBe(2);
    cache.evict({ seriesId: 's2', userIds: null });
    const afterChange = cache.answer('ann', 'i1', lookUp);
    expect(lookups).toBe(3);
    for (const resolve of pending) resolve(access('i1'));
    await expect(Promise.all([first, second, otherUser, afterChange])).resolves.toHaveLength(4);
    // The answer looked up after the change is kept; the ones from before it are not.
    expect(cache.get('ann', 'i1')).toEqual(access('i1'));
    expect(cache.get('bob', 'i1')).toBeUndefined();
  });

  it('gives a refusal to everyone who waited for it, and asks again afterwards', async () => {
    const cache = new AccessCache(60_000, 10);
    let lookups = 0;
    let refuse: (error: Error) => void = () => {};
    const refused = () => {
      lookups++;
      return new Promise<Access>((_, reject) => (refuse = reject));
    };
    const first = cache.answer('ann', 'i1', refused);
    const second = cache.answer('ann', 'i1', refused);
    refuse(new Error('not a member'));
    await expect(first).rejects.toThrow('not a member');
    await expect(second).rejects.toThrow('not a member');
    await expect(cache.answer('ann', 'i1', () => Promise.resolve(access('i1')))).resolves.toEqual(
      access('i1'),
    );
    expect(lookups).toBe(1);
  });
});
