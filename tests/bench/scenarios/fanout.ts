/** fanout: one room, 10 writers × 5 edits/s and 90 readers for 20 s. */
import type { Scenario } from '../types.ts';
import { runRoomLoad } from './roomLoad.ts';
import { clientMetrics, deliveryMetrics, latencyMetrics } from './roomMetrics.ts';

const full = { writers: 10, readers: 90, editsPerSecond: 5, durationMs: 20_000, processes: 1 };

export const fanout: Scenario<typeof full> = {
  name: 'fanout',
  title: 'fanout: 1 room, writers × edits/s + readers',
  servers: ['baton', 'reference'],
  metrics: [
    ...latencyMetrics,
    // Targets of this scenario: peak memory and the cost of accepting the clients.
    ...deliveryMetrics.map((m) =>
      m.key === 'peakRssMb'
        ? { ...m, target: 1.3 }
        : m.key === 'connectCpuSeconds'
          ? { ...m, target: 1 }
          : m,
    ),
    ...clientMetrics,
  ],
  params: {
    full,
    quick: { writers: 3, readers: 7, editsPerSecond: 5, durationMs: 1_000, processes: 1 },
  },
  async run(ctx, p) {
    const server = await ctx.launch();
    try {
      return await runRoomLoad(
        server,
        {
          rooms: 1,
          clientsPerRoom: p.writers + p.readers,
          writersPerRoom: p.writers,
          editsPerSecond: p.editsPerSecond,
          durationMs: p.durationMs,
          processes: p.processes,
          readerAwareness: 'user',
          connectConcurrency: 20,
        },
        ctx.log,
      );
    } finally {
      await server.stop();
    }
  },
};
