/**
 * Answers a lookup confirmed recently, kept a few seconds so that a burst of
 * websocket upgrades asks the database once (connect CPU, see
 * docs/performance.md § 6). Bounded: the oldest answer goes first (a Map
 * iterates in insertion order). An eviction wins over a lookup that was
 * running when it happened: `generation` changes with every eviction, and an
 * answer looked up before it is not kept.
 */
interface Entry<V> {
  value: V;
  /** When this answer must be looked up again (ms). */
  until: number;
}

export class RecentAnswers<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private evictions = 0;

  /** `ttlMs` 0 keeps nothing. */
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  /** Changes whenever something is evicted; pass it back to `set`. */
  get generation(): number {
    return this.evictions;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /** Keeps an answer looked up from `generation` on, for the TTL or until `notAfter` (ms). */
  set(key: K, value: V, generation: number, notAfter = Infinity): void {
    if (this.ttlMs <= 0 || generation !== this.evictions) return;
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, until: Math.min(Date.now() + this.ttlMs, notAfter) });
  }

  /** Drops the answers `stale` picks. Evictions are rare; a scan is fine. */
  evict(stale: (value: V, key: K) => boolean): void {
    this.evictions++;
    for (const [key, entry] of this.entries) if (stale(entry.value, key)) this.entries.delete(key);
  }
}
