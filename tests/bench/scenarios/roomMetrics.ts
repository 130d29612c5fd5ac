/** Metric definitions shared by the room-load scenarios. */
import type { Metric } from '../types.ts';

export const latencyMetrics: readonly Metric[] = [
  { key: 'latencyP50', label: 'latency p50', unit: 'ms', digits: 2, target: 1 },
  { key: 'latencyP95', label: 'latency p95', unit: 'ms', digits: 2, target: 1 },
  { key: 'latencyP99', label: 'latency p99', unit: 'ms', digits: 2 },
];

export const deliveryMetrics: readonly Metric[] = [
  { key: 'deliveredPerSecond', label: 'delivered updates/s', unit: '/s', digits: 0 },
  { key: 'deliveryPct', label: 'delivery', unit: '%', digits: 1 },
  { key: 'serverCpuSeconds', label: 'server CPU', unit: 's', digits: 2, target: 1 },
  { key: 'cpuPerDeliveryUs', label: 'server CPU per delivery', unit: 'µs', digits: 2 },
  { key: 'peakRssMb', label: 'server peak RSS while serving', unit: 'MB', digits: 1 },
  { key: 'rssMb', label: 'server RSS at the end', unit: 'MB', digits: 1 },
  { key: 'connectSeconds', label: 'connect all clients', unit: 's', digits: 2 },
  { key: 'connectCpuSeconds', label: 'server CPU to connect', unit: 's', digits: 2 },
];

/** The `deliveryMetrics` entry `key`, with a scenario's own target when given. */
export function deliveryMetric(key: string, target?: number): Metric {
  const metric = deliveryMetrics.find((m) => m.key === key);
  if (!metric) throw new Error(`no delivery metric ${key}`);
  return target === undefined ? metric : { ...metric, target };
}

/** The load generator's own load (busiest client process): when high, latencies are client-bound. */
export const clientMetrics: readonly Metric[] = [
  { key: 'clientCpuShare', label: 'client process CPU (cores)', unit: '', digits: 2 },
  { key: 'clientLoopP99Ms', label: 'client event-loop delay p99', unit: 'ms', digits: 1 },
  { key: 'writerLateP95Ms', label: 'writer lateness p95', unit: 'ms', digits: 1 },
];
