/**
 * Warnings for when the load generator, not the server, is the limit: a
 * client process near a full core, a blocked client event loop, or writers
 * that could not keep their timetable. Latencies measured then include
 * client queueing; server CPU per delivered update stays meaningful.
 */
import type { LoadReport, WriteResult } from '../clients/protocol.ts';

const maxClientCpuShare = 0.85;
const maxEventLoopP99Ms = 50;
const maxWriterLateP95Ms = 10;
/** Cores on the bench machine (server and clients share them). */
const cores = 2;

export function clientWarnings(
  reports: readonly LoadReport[],
  writes: readonly WriteResult[],
  serverCpuShare: number,
): string[] {
  const warnings: string[] = [];
  reports.forEach((r, i) => {
    if (r.cpuShare > maxClientCpuShare) {
      warnings.push(`client process ${i} used ${pct(r.cpuShare)} of a core: client-bound`);
    }
    if (r.eventLoopP99Ms > maxEventLoopP99Ms) {
      warnings.push(
        `client process ${i} event-loop delay p99 ${r.eventLoopP99Ms.toFixed(0)} ms (max ${r.eventLoopMaxMs.toFixed(0)} ms): latencies include client queueing`,
      );
    }
  });
  writes.forEach((w, i) => {
    if (w.lateP95Ms > maxWriterLateP95Ms) {
      warnings.push(
        `writers in client process ${i} ran late (p95 ${w.lateP95Ms.toFixed(1)} ms, max ${w.lateMaxMs.toFixed(0)} ms)`,
      );
    }
  });
  const total = serverCpuShare + reports.reduce((sum, r) => sum + r.cpuShare, 0);
  if (total > cores * 0.9) {
    warnings.push(
      `server + clients used ${total.toFixed(2)} of ${cores} cores: the machine was saturated`,
    );
  }
  return warnings;
}

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}
