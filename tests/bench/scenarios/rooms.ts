/** rooms: 200 rooms × 5 clients, one writer per room at 1 edit/s: memory per room and CPU. */
import type { Scenario } from '../types.ts';
import { runRoomLoad } from './roomLoad.ts';
import { clientMetrics, deliveryMetric, latencyMetrics } from './roomMetrics.ts';

const full = { rooms: 200, clientsPerRoom: 5, editsPerSecond: 1, durationMs: 20_000, processes: 1 };

export const rooms: Scenario<typeof full> = {
  name: 'rooms',
  title: 'rooms: many rooms × 5 clients, 1 edit/s per room',
  servers: ['baton', 'reference'],
  metrics: [
    { key: 'memoryPerRoomKb', label: 'server memory per room', unit: 'KB', digits: 1, target: 0.8 },
    deliveryMetric('serverCpuSeconds'),
    deliveryMetric('cpuPerDeliveryUs'),
    ...latencyMetrics.map((m) => ({ ...m, target: undefined })),
    deliveryMetric('deliveryPct'),
    deliveryMetric('peakRssMb', 1.3),
    deliveryMetric('connectSeconds'),
    deliveryMetric('connectCpuSeconds', 1),
    ...clientMetrics,
  ],
  params: {
    full,
    quick: { rooms: 10, clientsPerRoom: 5, editsPerSecond: 1, durationMs: 1_000, processes: 1 },
  },
  async run(ctx, p) {
    const server = await ctx.launch();
    try {
      return await runRoomLoad(
        server,
        {
          rooms: p.rooms,
          clientsPerRoom: p.clientsPerRoom,
          writersPerRoom: 1,
          editsPerSecond: p.editsPerSecond,
          durationMs: p.durationMs,
          processes: p.processes,
          readerAwareness: 'user',
          connectConcurrency: 50,
        },
        ctx.log,
      );
    } finally {
      await server.stop();
    }
  },
};
