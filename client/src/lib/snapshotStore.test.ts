import { describe, expect, it } from 'vitest';
import { snapshotStore } from './snapshotStore.ts';

describe('snapshotStore', () => {
  it('tells listeners of a new snapshot, not of an equal one, and not after unsubscribing', () => {
    const store = snapshotStore({ n: 0 }, (a, b) => a.n === b.n);
    const seen: number[] = [];
    const stop = store.subscribe(() => seen.push(store.getSnapshot().n));
    store.set({ n: 1 });
    store.set({ n: 1 });
    store.set({ n: 2 });
    stop();
    store.set({ n: 3 });
    expect(seen).toEqual([1, 2]);
    expect(store.getSnapshot()).toEqual({ n: 3 });
  });

  it('keeps the same snapshot object while nothing changed (useSyncExternalStore needs that)', () => {
    const store = snapshotStore({ n: 0 }, (a, b) => a.n === b.n);
    const first = store.getSnapshot();
    store.set({ n: 0 });
    expect(store.getSnapshot()).toBe(first);
  });

  it('a listener that unsubscribes another while being told does not break the round', () => {
    const store = snapshotStore(0);
    const calls: string[] = [];
    let stopB = () => {};
    store.subscribe(() => {
      calls.push('a');
      stopB();
    });
    stopB = store.subscribe(() => calls.push('b'));
    store.set(1);
    store.clear();
    store.set(2);
    expect(calls).toEqual(['a', 'b']);
  });
});
