/**
 * Recently confirmed sessions, for websocket upgrades: a client that
 * reconnects, or opens several installments, is checked against the database
 * once every few seconds instead of on every upgrade (connect CPU, see
 * docs/performance.md).
 *
 * Only confirmed sessions are kept, each until the TTL or its own expiry,
 * whichever comes first. Whenever better-auth deletes a session (sign-out,
 * revocation, password change) `evict` drops it at once, so the next upgrade
 * with it is refused. A lookup that was already running when a session was
 * deleted does not store its (stale) answer: `generation` tells.
 */
import type { SessionUser } from './authRequests.ts';

interface Entry {
  user: SessionUser;
  /** The session's own expiry (ms). */
  expiresAt: number;
  /** When this entry must be checked against the database again (ms). */
  recheckAt: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private evictions = 0;

  /** `ttlMs` 0 turns the cache off. */
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  /** Changes whenever a session is evicted; pass it back to `set`. */
  get generation(): number {
    return this.evictions;
  }

  get(token: string): SessionUser | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    const now = Date.now();
    if (entry.recheckAt > now && entry.expiresAt > now) return entry.user;
    this.entries.delete(token);
    return undefined;
  }

  /** Keeps a session confirmed by a lookup that started at `generation`. */
  set(token: string, user: SessionUser, expiresAt: number, generation: number): void {
    if (this.ttlMs <= 0 || generation !== this.evictions) return;
    // Bounded: the oldest entry goes first (a Map iterates in insertion order).
    if (this.entries.size >= this.maxEntries && !this.entries.has(token)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { user, expiresAt, recheckAt: Date.now() + this.ttlMs });
  }

  evict(token: string): void {
    this.evictions++;
    this.entries.delete(token);
  }
}
