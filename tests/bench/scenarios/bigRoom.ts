/**
 * big room: 1 writer and 999 readers in one room, from two client processes.
 * Readers publish no awareness (viewers without a caret), or connecting alone
 * would broadcast a million awareness messages through the stock clients.
 */
import type { Scenario } from '../types.ts';
import { runRoomLoad } from './roomLoad.ts';
import { clientMetrics, deliveryMetrics, latencyMetrics } from './roomMetrics.ts';

const full = { readers: 999, editsPerSecond: 5, durationMs: 20_000, processes: 2 };

export const bigRoom: Scenario<typeof full> = {
  name: 'bigRoom',
  title: 'big room: 1 writer + readers in one room',
  servers: ['baton', 'reference'],
  metrics: [...latencyMetrics, ...deliveryMetrics, ...clientMetrics],
  params: {
    full,
    quick: { readers: 49, editsPerSecond: 5, durationMs: 1_000, processes: 2 },
  },
  async run(ctx, p) {
    const server = await ctx.launch();
    try {
      return await runRoomLoad(
        server,
        {
          rooms: 1,
          clientsPerRoom: p.readers + 1,
          writersPerRoom: 1,
          editsPerSecond: p.editsPerSecond,
          durationMs: p.durationMs,
          processes: p.processes,
          readerAwareness: 'none',
          connectConcurrency: 50,
        },
        ctx.log,
      );
    } finally {
      await server.stop();
    }
  },
};
