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

interface Entry {
  userId: string;
  access: InstallmentAccess;
  /** When this entry must be checked against the database again (ms). */
  recheckAt: number;
}

export class AccessCache {
  private readonly entries = new Map<string, Entry>();
  private evictions = 0;

  /** `ttlMs` 0 turns the cache off. */
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  /** Changes whenever an access change arrives; pass it back to `set`. */
  get generation(): number {
    return this.evictions;
  }

  get(userId: string, installmentId: string): InstallmentAccess | undefined {
    const key = entryKey(userId, installmentId);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.recheckAt > Date.now()) return entry.access;
    this.entries.delete(key);
    return undefined;
  }

  /** Keeps access confirmed by a lookup that started at `generation`. */
  set(userId: string, access: InstallmentAccess, generation: number): void {
    if (this.ttlMs <= 0 || generation !== this.evictions) return;
    const key = entryKey(userId, access.installmentId);
    // Bounded: the oldest entry goes first (a Map iterates in insertion order).
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { userId, access, recheckAt: Date.now() + this.ttlMs });
  }

  /** Drops what the change may have made wrong. Changes are rare; a scan is fine. */
  evict(change: AccessChange): void {
    this.evictions++;
    for (const [key, entry] of this.entries) {
      if (entry.access.seriesId !== change.seriesId) continue;
      if (change.userIds === null || change.userIds.includes(entry.userId)) {
        this.entries.delete(key);
      }
    }
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
