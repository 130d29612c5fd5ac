/**
 * The part every client store shares: a current snapshot React reads with
 * useSyncExternalStore, and the listeners told when a new one is set. Each
 * store keeps only its own logic (what the snapshot is and when it changes).
 */

/** What React's useSyncExternalStore reads. */
export interface Readable<T> {
  getSnapshot(): T;
  subscribe(listener: () => void): () => void;
}

export interface SnapshotStore<T> extends Readable<T> {
  /** Sets the snapshot and tells every listener, unless `equal` says nothing changed. */
  set(next: T): void;
  /** Forgets every listener (the store's owner is done with it). */
  clear(): void;
}

/** Two flat snapshots with the same values under the same keys. */
export function shallowEqual<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}

export function snapshotStore<T>(
  initial: T,
  equal: (a: T, b: T) => boolean = Object.is,
): SnapshotStore<T> {
  let snapshot = initial;
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      if (equal(snapshot, next)) return;
      snapshot = next;
      for (const listener of [...listeners]) listener();
    },
    clear: () => listeners.clear(),
  };
}
