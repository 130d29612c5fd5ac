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
 *
 * Questions asked while the same one is being looked up wait for that answer
 * instead of asking again (the members of a room open it at the same moment),
 * unless an access change arrived since that lookup started.
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
  /** Lookups under way, by entry key, with the generation each started at. */
  private readonly running = new Map<
    string,
    { generation: number; access: Promise<InstallmentAccess> }
  >();

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

  /**
   * The access `lookUp` confirms for (user, installment): remembered, or the
   * answer of the same lookup already under way, or `lookUp`'s. A refusal
   * (rejection) goes to everyone who waited for that lookup, and is not kept.
   */
  async answer(
    userId: string,
    installmentId: string,
    lookUp: () => Promise<InstallmentAccess>,
  ): Promise<InstallmentAccess> {
    const remembered = this.get(userId, installmentId);
    if (remembered) return remembered;
    const key = entryKey(userId, installmentId);
    const generation = this.generation;
    const underway = this.running.get(key);
    if (underway?.generation === generation) return underway.access;
    const access = lookUp();
    this.running.set(key, { generation, access });
    try {
      const confirmed = await access;
      this.set(userId, confirmed, generation);
      return confirmed;
    } finally {
      if (this.running.get(key)?.access === access) this.running.delete(key);
    }
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
  return function readAccess(actor: Actor, installmentId: string) {
    return cache.answer(actor.userId, installmentId, () =>
      requireInstallmentCapability(db, actor, installmentId, 'read'),
    );
  };
}

export type ReadAccessLookup = ReturnType<typeof createReadAccessLookup>;

function entryKey(userId: string, installmentId: string): string {
  return `${userId}\u0000${installmentId}`;
}
