/**
 * The shared driver of fanout, big room and rooms: `rooms` documents with
 * `clientsPerRoom` users each, the first `writersPerRoom` of them writing on a
 * timetable while the others read. Measures end-to-end latency, delivery,
 * server CPU and memory, and checks that every room converged.
 */
import { wallClockMs } from '../clients/latencyWords.ts';
import { callAll, startClients } from '../clients/pool.ts';
import type { AwarenessMode } from '../clients/protocol.ts';
import { cpuSeconds, memory, resetPeakRss, sleep, untilIdle } from '../procStats.ts';
import type { ServerHandle } from '../servers/target.ts';
import { median, percentile } from '../stats.ts';
import type { RunResult } from '../types.ts';
import { clientWarnings } from './clientLimits.ts';
import { untilConverged } from './convergence.ts';

export interface RoomLoadPlan {
  rooms: number;
  clientsPerRoom: number;
  writersPerRoom: number;
  /** Per writer. */
  editsPerSecond: number;
  durationMs: number;
  processes: number;
  /** Readers' awareness; writers always publish a user and move their caret. */
  readerAwareness: AwarenessMode;
  connectConcurrency: number;
}

export async function runRoomLoad(
  server: ServerHandle,
  plan: RoomLoadPlan,
  log: (message: string) => void,
): Promise<RunResult> {
  const roomNames = await server.createRooms(plan.rooms);
  await sleep(1_000);
  await untilIdle(server.pid);
  const baseline = memory(server.pid).rss;
  // The peak is the load's: connecting and serving, not the start or the sign-up.
  resetPeakRss(server.pid);
  const processes = startClients(plan.processes);
  try {
    // Client g of room r goes to process g % P; the first writersPerRoom of each room write.
    const assignment = processes.map(() => ({ rooms: [] as string[], writers: [] as number[] }));
    let g = 0;
    for (const room of roomNames) {
      for (let c = 0; c < plan.clientsPerRoom; c++, g++) {
        const slot = assignment[g % processes.length];
        if (!slot) continue;
        if (c < plan.writersPerRoom) slot.writers.push(slot.rooms.length);
        slot.rooms.push(room);
      }
    }
    log(`connecting ${g} clients in ${plan.rooms} room(s) from ${processes.length} process(es)`);
    const connectStart = performance.now();
    const connectCpuBefore = cpuSeconds(server.pid);
    // Writers connect with a user awareness, readers as the plan says: connect them separately.
    const connects = await Promise.all(
      processes.map(async (p, i) => {
        const slot = assignment[i] ?? { rooms: [], writers: [] };
        return p.call('connect', {
          target: server.target,
          rooms: slot.rooms,
          awareness: plan.readerAwareness,
          concurrency: Math.max(1, Math.floor(plan.connectConcurrency / processes.length)),
          timeoutMs: 60_000,
        });
      }),
    );
    const connectMs = performance.now() - connectStart;
    const connectCpu = cpuSeconds(server.pid) - connectCpuBefore;
    await Promise.all(
      processes.map((p, i) => p.call('prepare', { writers: assignment[i]?.writers ?? [] })),
    );
    const ready = await untilConverged(processes, plan.clientsPerRoom, 30_000);
    if (!ready.converged)
      throw new Error(`rooms did not converge before writing: ${ready.problem}`);
    await untilIdle(server.pid, { timeoutMs: 20_000 });

    log(`writing for ${plan.durationMs / 1000} s`);
    const cpuBefore = cpuSeconds(server.pid);
    const wallBefore = performance.now();
    const since = wallClockMs();
    const writes = await Promise.all(
      processes.map((p, i) =>
        p.call('write', {
          writers: assignment[i]?.writers ?? [],
          editsPerSecond: plan.editsPerSecond,
          durationMs: plan.durationMs,
          caret: true,
          since,
        }),
      ),
    );
    const converged = await untilConverged(processes, plan.clientsPerRoom, 20_000);
    const serverCpu = cpuSeconds(server.pid) - cpuBefore;
    const wallSeconds = (performance.now() - wallBefore) / 1000;
    const mem = memory(server.pid);
    const reports = await callAll(processes, 'report', null);

    const sent = writes.flatMap((w) => Object.values(w.sentByRoom)).reduce((a, b) => a + b, 0);
    const expected = sent * (plan.clientsPerRoom - 1);
    const delivered = reports.reduce((sum, r) => sum + r.delivered, 0);
    const latencies = Float64Array.from(reports.flatMap((r) => Array.from(r.latencies)));
    const syncMs = connects.flatMap((c) => c.syncMs);
    const failures: string[] = [];
    if (!converged.converged) failures.push(`did not converge: ${converged.problem}`);
    if (delivered < expected) failures.push(`delivered ${delivered} of ${expected} edits`);
    return {
      values: {
        clients: g,
        editsSent: sent,
        latencyP50: percentile(latencies, 50),
        latencyP95: percentile(latencies, 95),
        latencyP99: percentile(latencies, 99),
        deliveredPerSecond: delivered / (plan.durationMs / 1000),
        deliveryPct: expected > 0 ? (100 * delivered) / expected : Number.NaN,
        serverCpuSeconds: serverCpu,
        cpuPerDeliveryUs: delivered > 0 ? (serverCpu / delivered) * 1e6 : Number.NaN,
        peakRssMb: mem.peakRss / 2 ** 20,
        rssMb: mem.rss / 2 ** 20,
        memoryPerRoomKb: (mem.rss - baseline) / 1024 / plan.rooms,
        connectSeconds: connectMs / 1000,
        connectCpuSeconds: connectCpu,
        connectP50Ms: median(syncMs),
        convergeMs: converged.waitedMs,
        clientCpuShare: Math.max(...reports.map((r) => r.cpuShare)),
        clientLoopP99Ms: Math.max(...reports.map((r) => r.eventLoopP99Ms)),
        writerLateP95Ms: Math.max(...writes.map((w) => w.lateP95Ms)),
      },
      warnings: clientWarnings(reports, writes, serverCpu / wallSeconds),
      failures,
    };
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
  }
}
