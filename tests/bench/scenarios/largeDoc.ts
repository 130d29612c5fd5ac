/**
 * large document: a fresh client connects to a room holding the essay and
 * waits for `synced`. Warm: the document is in memory (a client keeps it
 * open). Cold (Baton only; the reference has no store): the essay was stored,
 * the server restarted, and the first client loads it from the store. The cold
 * ratio divides by the reference's warm figure.
 */
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { type ClientProcess, startClients } from '../clients/pool.ts';
import { essayFile } from '../essay/essayCache.ts';
import { cpuSeconds, untilIdle } from '../procStats.ts';
import type { ServerHandle } from '../servers/target.ts';
import { median } from '../stats.ts';
import type { RunContext, Scenario } from '../types.ts';

const full = { words: 100_000, warmProbes: 20, coldRooms: 5 };

export const largeDoc: Scenario<typeof full> = {
  name: 'largeDoc',
  title: 'large document: fresh client connect → synced',
  servers: ['baton', 'reference'],
  metrics: [
    { key: 'warmSyncMs', label: 'warm connect → synced', unit: 'ms', digits: 1, target: 1 },
    { key: 'warmCpuMs', label: 'server CPU per fresh client (warm)', unit: 'ms', digits: 2 },
    {
      key: 'coldSyncMs',
      label: 'cold connect → synced (÷ ref warm)',
      unit: 'ms',
      digits: 1,
      target: 1.5,
      ratioAgainst: 'warmSyncMs',
    },
    {
      key: 'coldCpuMs',
      label: 'server CPU per cold client (÷ ref warm)',
      unit: 'ms',
      digits: 2,
      ratioAgainst: 'warmCpuMs',
    },
    { key: 'essayKb', label: 'essay update size', unit: 'KB', digits: 0 },
  ],
  params: { full, quick: { words: 5_000, warmProbes: 5, coldRooms: 1 } },
  async run(ctx, p) {
    const essay = essayFile(ctx.resultsDir, p.words);
    const expectStateVector = stateVectorOf(essay.path);
    ctx.log(
      `essay: ${essay.words} words, ${Math.round(essay.bytes / 1024)} KB, ${essay.edits} edits`,
    );
    let server = await ctx.launch();
    const [warmProcess, coldProcess] = startClients(2);
    if (!warmProcess || !coldProcess) throw new Error('no client process');
    try {
      const rooms = await server.createRooms(1 + (server.restart ? p.coldRooms : 0));
      const [warmRoom, ...coldRooms] = rooms;
      const push = { updatePath: essay.path, timeoutMs: 60_000 };
      await warmProcess.call('push', { ...push, target: server.target, room: warmRoom ?? '' });
      // Baton stores a content snapshot 2 s after the push; wait for a quiet spell longer than that.
      await untilIdle(server.pid, { windowMs: ctx.quick ? 500 : 2_500, timeoutMs: 30_000 });
      const warmCpuBefore = cpuSeconds(server.pid);
      const warm = await warmProcess.call('probe', {
        target: server.target,
        room: warmRoom ?? '',
        times: p.warmProbes,
        expectStateVector,
        timeoutMs: 60_000,
      });
      const warmCpu = cpuSeconds(server.pid) - warmCpuBefore;
      const values: Record<string, number> = {
        warmSyncMs: median(warm.syncMs),
        warmCpuMs: (warmCpu * 1000) / p.warmProbes,
        essayKb: essay.bytes / 1024,
      };
      if (server.restart && coldRooms.length > 0) {
        ctx.log(`storing the essay in ${coldRooms.length} more documents, then restarting`);
        for (const room of coldRooms) {
          await coldProcess.call('push', { ...push, target: server.target, room });
        }
        await coldProcess.call('disconnect', null);
        await warmProcess.call('disconnect', null);
        server = await server.restart();
        // The warm probes' client process: its own JIT is warm, as it was for the warm
        // figure, so the cold figure measures the server's load and not the client's start.
        const cold = await probeCold(ctx, server, warmProcess, coldRooms, expectStateVector);
        values.coldSyncMs = median(cold.syncMs);
        values.coldCpuMs = median(cold.cpuMs);
      }
      return { values, warnings: [], failures: [] };
    } finally {
      await Promise.all([warmProcess.stop(), coldProcess.stop()]);
      await server.stop();
    }
  },
};

async function probeCold(
  ctx: RunContext,
  server: ServerHandle,
  probe: ClientProcess,
  rooms: string[],
  expectStateVector: Uint8Array,
): Promise<{ syncMs: number[]; cpuMs: number[] }> {
  const syncMs: number[] = [];
  const cpuMs: number[] = [];
  await untilIdle(server.pid);
  for (const room of rooms) {
    const before = cpuSeconds(server.pid);
    const result = await probe.call('probe', {
      target: server.target,
      room,
      times: 1,
      expectStateVector,
      timeoutMs: 60_000,
    });
    cpuMs.push((cpuSeconds(server.pid) - before) * 1000);
    syncMs.push(...result.syncMs);
    await untilIdle(server.pid);
  }
  ctx.log(`cold loads: ${syncMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  return { syncMs, cpuMs };
}

function stateVectorOf(updatePath: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, readFileSync(updatePath));
  const vector = Y.encodeStateVector(doc);
  doc.destroy();
  return vector;
}
