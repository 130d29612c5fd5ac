/** The convergence check: every client of a room holds the same state vector and content. */
import { callAll, type ClientProcess } from '../clients/pool.ts';
import { sleep } from '../procStats.ts';

export interface Convergence {
  converged: boolean;
  /** How long it took after the call, ms. */
  waitedMs: number;
  /** Rooms that had not converged at the deadline (at most a few named). */
  problem: string | null;
}

export async function untilConverged(
  processes: readonly ClientProcess[],
  clientsPerRoom: number,
  timeoutMs: number,
): Promise<Convergence> {
  const started = performance.now();
  for (;;) {
    const digests = await callAll(processes, 'digest', null);
    const byRoom = new Map<string, string[]>();
    for (const digest of digests) {
      for (const [room, list] of Object.entries(digest.byRoom)) {
        byRoom.set(room, [...(byRoom.get(room) ?? []), ...list]);
      }
    }
    const diverged = [...byRoom].filter(
      ([, list]) => list.length !== clientsPerRoom || new Set(list).size !== 1,
    );
    const waitedMs = performance.now() - started;
    if (diverged.length === 0) return { converged: true, waitedMs, problem: null };
    const problem = `${diverged.length} of ${byRoom.size} rooms differ (e.g. ${diverged[0]?.[0]}: ${new Set(diverged[0]?.[1]).size} states among ${diverged[0]?.[1].length} clients)`;
    if (waitedMs > timeoutMs) return { converged: false, waitedMs, problem };
    await sleep(Math.min(1000, 100 + byRoom.size * clientsPerRoom * 0.2));
  }
}
