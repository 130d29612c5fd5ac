/**
 * Recently confirmed sessions, for websocket upgrades: a client that
 * reconnects, or opens several installments, is checked against the database
 * once every few seconds instead of on every upgrade (connect CPU, see
 * docs/performance.md).
 *
 * Only confirmed sessions are kept, each until the TTL or its own expiry,
 * whichever comes first, under the signed cookie value that carried it (so a
 * hit needs no signature check either: see sessionCookie.ts). Whenever
 * better-auth deletes a session (sign-out, revocation, password change)
 * `evict` drops it, under every cookie value, at once, so the next upgrade
 * with it is refused. A lookup that was already running when a session was
 * deleted does not store its (stale) answer: `generation` tells.
 */
import { RecentAnswers } from '../recentAnswers.ts';
import type { SessionUser } from './authRequests.ts';

export class SessionCache {
  private readonly sessions: RecentAnswers<string, SessionUser>;

  /** `ttlMs` 0 turns the cache off. */
  constructor(ttlMs: number, maxEntries: number) {
    this.sessions = new RecentAnswers(ttlMs, maxEntries);
  }

  /** Changes whenever a session is evicted; pass it back to `set`. */
  get generation(): number {
    return this.sessions.generation;
  }

  /** The session confirmed for this exact cookie value, if it is still fresh. */
  get(cookieValue: string): SessionUser | undefined {
    return this.sessions.get(cookieValue);
  }

  /** Keeps a session confirmed by a lookup that started at `generation`, never past its expiry. */
  set(cookieValue: string, user: SessionUser, expiresAt: number, generation: number): void {
    this.sessions.set(cookieValue, user, generation, expiresAt);
  }

  /** Drops the session with this token, whatever cookie value it was kept under. */
  evict(token: string): void {
    this.sessions.evict((user) => user.sessionToken === token);
  }
}
