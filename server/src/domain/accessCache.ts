/**
 * Recently confirmed read access to installments, for websocket upgrades: a
 * client that reconnects, or a room whose members all open it at once, is
 * checked against the database once every few seconds per (user, installment)
 * instead of on every upgrade (connect CPU, see docs/performance.md § 6).
 *
 * Only granted access is kept (a refusal is always asked again), so granting
 * more rights needs no eviction. Every `AccessChanges` event — role change,
 * removal, revoked link, deleted installment or series — evicts the entries it
 * concerns at once, and a lookup that was already running when one arrived does
 * not store its (possibly stale) answer: `generation` tells. The permission
 * rule itself stays in `access.ts`; this only remembers its answers.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type Actor, type InstallmentAccess, requireInstallmentCapability } from './access.ts';
import type { AccessChange } from './accessChanges.ts';
import { RecentAnswers } from '../recentAnswers.ts';

interface Answer {
  userId: string;
  access: InstallmentAccess;
}

export class AccessCache {
  private readonly answers: RecentAnswers<string, Answer>;

  /** `ttlMs` 0 turns the cache off. */
  constructor(ttlMs: number, maxEntries: number) {
    this.answers = new RecentAnswers(ttlMs, maxEntries);
  }

  /** Changes whenever an access change arrives; pass it back to `set`. */
  get generation(): number {
    return this.answers.generation;
  }

  get(userId: string, installmentId: string): InstallmentAccess | undefined {
    return this.answers.get(entryKey(userId, installmentId))?.access;
  }

  /** Keeps access confirmed by a lookup that started at `generation`. */
  set(userId: string, access: InstallmentAccess, generation: number): void {
    this.answers.set(entryKey(userId, access.installmentId), { userId, access }, generation);
  }

  /** Drops what the change may have made wrong. */
  evict(change: AccessChange): void {
    this.answers.evict(
      ({ userId, access }) =>
        access.seriesId === change.seriesId &&
        (change.userIds === null || change.userIds.includes(userId)),
    );
  }
}

/** The websocket's read check (`requireInstallmentCapability(…, 'read')`), answered from the cache when it can. */
export function createReadAccessLookup(db: Kysely<Database>, cache: AccessCache) {
  return async function readAccess(actor: Actor, installmentId: string) {
    const cached = cache.get(actor.userId, installmentId);
    if (cached) return cached;
    const generation = cache.generation;
    const access = await requireInstallmentCapability(db, actor, installmentId, 'read');
    cache.set(actor.userId, access, generation);
    return access;
  };
}

export type ReadAccessLookup = ReturnType<typeof createReadAccessLookup>;

function entryKey(userId: string, installmentId: string): string {
  return `${userId}\u0000${installmentId}`;
}
