/**
 * idle: many connections to one room that then do nothing: server RSS per
 * connection, connect time, and whether every socket is still open after a hold.
 * Idle users publish no awareness (otherwise connecting is quadratic in the
 * stock clients, whatever the server does).
 */
import { callAll, startClients } from '../clients/pool.ts';
import { cpuSeconds, memory, sleep, socketCount, untilIdle } from '../procStats.ts';
import { median, percentile } from '../stats.ts';
import type { Scenario } from '../types.ts';

interface IdleParams extends Record<string, number> {
  connections: number;
  holdMs: number;
  /** Idle time before the resting reading: V8 gives back its young generation ~8 s after its last full GC. */
  restMs: number;
  perProcess: number;
  concurrency: number;
}

function idleScenario(name: string, full: IdleParams, quick: IdleParams, fullOnly: boolean) {
  const scenario: Scenario<IdleParams> = {
    name,
    title: 'idle: connections to one room that then do nothing',
    servers: ['baton', 'reference'],
    fullOnly,
    metrics: [
      {
        key: 'restingRssMb',
        label: 'server RSS at rest, before any client',
        unit: 'MB',
        digits: 1,
        target: 1.3,
      },
      {
        key: 'rssPerConnectionKb',
        label: 'server RSS per connection (second half)',
        unit: 'KB',
        digits: 2,
        target: 1,
      },
      // The per-connection figure is a slope over the second half of the connects;
      // the total says what the process holds.
      {
        key: 'connectedRssMb',
        label: 'server RSS with every client connected',
        unit: 'MB',
        digits: 1,
      },
      { key: 'connectSeconds', label: 'connect all', unit: 's', digits: 2 },
      { key: 'connectP50Ms', label: 'connect → synced p50', unit: 'ms', digits: 1 },
      { key: 'connectP95Ms', label: 'connect → synced p95', unit: 'ms', digits: 1 },
      {
        key: 'cpuPerConnectionMs',
        label: 'server CPU per connection',
        unit: 'ms',
        digits: 3,
        target: 1,
      },
      // The whole figure includes what a fresh process compiles and sizes while its first
      // connections arrive; the second half's is what each further connection costs.
      {
        key: 'cpuPerConnectionSecondHalfMs',
        label: 'server CPU per connection (second half)',
        unit: 'ms',
        digits: 3,
      },
      {
        key: 'heldConnections',
        label: 'server sockets added (fds)',
        unit: '',
        digits: 0,
      },
      { key: 'openConnections', label: 'clients connected after the hold', unit: '', digits: 0 },
    ],
    params: { full, quick },
    async run(ctx, p) {
      const server = await ctx.launch();
      // Before any client: what the process holds for being up (and, for Baton, for the
      // bench's sign-up), once it has been idle long enough for V8 to shrink its heap.
      await sleep(p.restMs);
      await untilIdle(server.pid);
      const restingRss = memory(server.pid).rss;
      const processes = startClients(Math.ceil(p.connections / p.perProcess));
      try {
        const [room] = await server.createRooms(1);
        await sleep(p.holdMs);
        await untilIdle(server.pid);
        const baselineSockets = socketCount(server.pid);
        const cpuBefore = cpuSeconds(server.pid);
        /** Connects `count` more clients across the processes; resolves with their sync times. */
        const connectMore = async (count: number) => {
          const share = Math.ceil(count / processes.length);
          const connects = await Promise.all(
            processes.map((proc, i) =>
              proc.call('connect', {
                target: server.target,
                rooms: Array.from(
                  { length: Math.max(0, Math.min(share, count - i * share)) },
                  () => room ?? '',
                ),
                awareness: 'none',
                concurrency: Math.ceil(p.concurrency / processes.length),
                timeoutMs: 120_000,
                // Connecting 10,000 takes longer than the provider's 30 s silence limit.
                resyncMs: 20_000,
              }),
            ),
          );
          return connects.flatMap((c) => c.syncMs);
        };
        /** RSS once the server has been idle a while, the same settling before every reading. */
        const settledRss = async () => {
          await sleep(p.holdMs);
          await untilIdle(server.pid);
          return memory(server.pid).rss;
        };
        // Per connection is the slope over the second half: by then both servers' heaps have
        // grown to what connecting needs, so V8 sizing its young generation, which the first
        // connects trigger, is not counted as the connections' (docs/performance.md § 6).
        const firstHalf = Math.floor(p.connections / 2);
        const secondHalf = p.connections - firstHalf;
        ctx.log(`opening ${p.connections} connections, in two halves`);
        const started = performance.now();
        const syncMs = await connectMore(firstHalf);
        const connectingSeconds = (performance.now() - started) / 1000;
        const connectingCpu = cpuSeconds(server.pid) - cpuBefore;
        const halfRss = await settledRss();
        const secondStarted = performance.now();
        const secondCpuBefore = cpuSeconds(server.pid);
        syncMs.push(...(await connectMore(secondHalf)));
        const connectSeconds = connectingSeconds + (performance.now() - secondStarted) / 1000;
        const secondHalfCpu = cpuSeconds(server.pid) - secondCpuBefore;
        const connectCpu = connectingCpu + secondHalfCpu;
        const rss = await settledRss();
        const held = socketCount(server.pid) - baselineSockets;
        const digests = await callAll(processes, 'digest', null);
        const open = digests.reduce((sum, d) => sum + d.connected, 0);
        return {
          values: {
            restingRssMb: restingRss / 2 ** 20,
            rssPerConnectionKb: (rss - halfRss) / 1024 / secondHalf,
            connectedRssMb: rss / 2 ** 20,
            connectSeconds,
            connectP50Ms: median(syncMs),
            connectP95Ms: percentile(syncMs, 95),
            cpuPerConnectionMs: (connectCpu * 1000) / p.connections,
            cpuPerConnectionSecondHalfMs: (secondHalfCpu * 1000) / secondHalf,
            heldConnections: held,
            openConnections: open,
          },
          warnings: [],
          // The socket count may include the runner's keep-alive HTTP sockets; the clients decide.
          failures:
            open < p.connections ? [`${open} of ${p.connections} clients were connected`] : [],
        };
      } finally {
        await Promise.all(processes.map((proc) => proc.stop()));
        await server.stop();
      }
    },
  };
  return scenario;
}

export const idle = idleScenario(
  'idle',
  { connections: 2_000, holdMs: 3_000, restMs: 12_000, perProcess: 5_000, concurrency: 100 },
  { connections: 300, holdMs: 300, restMs: 300, perProcess: 5_000, concurrency: 100 },
  false,
);

export const idle10k = idleScenario(
  'idle10k',
  { connections: 10_000, holdMs: 5_000, restMs: 12_000, perProcess: 5_000, concurrency: 200 },
  { connections: 0, holdMs: 0, restMs: 0, perProcess: 5_000, concurrency: 1 },
  true,
);
