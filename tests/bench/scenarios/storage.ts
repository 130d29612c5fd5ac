/**
 * storage (Baton only; the reference keeps nothing): three authors make
 * 10,000 edits to one document (words typed, typos deleted, words formatted).
 * Bytes of the SQLite files and of the document's update log while the room is
 * live (compacted every 1,000 updates) and after a graceful stop, which
 * unloads the room and compacts the log into one update.
 */
import { startClients } from '../clients/pool.ts';
import { sqliteBytes, updateLog } from '../servers/batonFiles.ts';
import type { Scenario } from '../types.ts';
import { untilConverged } from './convergence.ts';

const full = { edits: 10_000, editsPerSecond: 400, writers: 3 };

export const storage: Scenario<typeof full> = {
  name: 'storage',
  title: 'storage: bytes on disk for one document after many edits',
  servers: ['baton'],
  metrics: [
    { key: 'editsSent', label: 'edits', unit: '', digits: 0 },
    { key: 'fileGrowthLiveKb', label: 'SQLite files growth, live', unit: 'KB', digits: 1 },
    { key: 'logLiveKb', label: 'update log, live', unit: 'KB', digits: 1 },
    { key: 'logRowsLive', label: 'update log rows, live', unit: '', digits: 0 },
    {
      key: 'fileGrowthCompactedKb',
      label: 'SQLite files growth, after stop',
      unit: 'KB',
      digits: 1,
    },
    { key: 'logCompactedKb', label: 'update log, compacted', unit: 'KB', digits: 1 },
    { key: 'logRowsCompacted', label: 'update log rows, compacted', unit: '', digits: 0 },
  ],
  params: { full, quick: { edits: 500, editsPerSecond: 400, writers: 3 } },
  async run(ctx, p) {
    let server = await ctx.launch();
    const dataDir = server.dataDir;
    if (!dataDir || !server.restart) throw new Error('storage needs a server with a store');
    const [writer] = startClients(1);
    if (!writer) throw new Error('no client process');
    let stopped = false;
    try {
      const [room = ''] = await server.createRooms(1);
      // A clean stop checkpoints the WAL into the database file: that is the baseline.
      server = await server.restart();
      const before = sqliteBytes(dataDir);
      await writer.call('connect', {
        target: server.target,
        rooms: Array.from({ length: p.writers }, () => room),
        awareness: 'user',
        concurrency: p.writers,
        timeoutMs: 30_000,
      });
      const writers = Array.from({ length: p.writers }, (_, i) => i);
      await writer.call('prepare', { writers });
      ctx.log(`typing ${p.edits} edits at ${p.editsPerSecond}/s`);
      const { sent } = await writer.call('type', {
        writers,
        edits: p.edits,
        editsPerSecond: p.editsPerSecond,
        seed: 11,
      });
      const converged = await untilConverged([writer], p.writers, 30_000);
      // Every edit is committed before it is broadcast, so convergence means all are stored.
      const live = updateLog(dataDir, room);
      const liveBytes = sqliteBytes(dataDir);
      await writer.call('disconnect', null);
      await server.stop();
      stopped = true;
      const compacted = updateLog(dataDir, room);
      return {
        values: {
          editsSent: sent,
          fileGrowthLiveKb: (liveBytes - before) / 1024,
          logLiveKb: live.bytes / 1024,
          logRowsLive: live.rows,
          fileGrowthCompactedKb: (sqliteBytes(dataDir) - before) / 1024,
          logCompactedKb: compacted.bytes / 1024,
          logRowsCompacted: compacted.rows,
        },
        warnings: [],
        failures: converged.converged ? [] : [`writers did not converge: ${converged.problem}`],
      };
    } finally {
      await writer.stop();
      if (!stopped) await server.stop();
    }
  },
};
