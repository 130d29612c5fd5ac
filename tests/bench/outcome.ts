/** The results of one scenario over all its rounds, as the report and the JSON file hold them. */
import type { ServerKind } from './servers/target.ts';
import { median, ratio } from './stats.ts';
import type { Metric, Params } from './types.ts';

export interface RunRecord {
  kind: ServerKind;
  round: number;
  seconds: number;
  values: Record<string, number>;
  /** CPU (in cores) that processes outside the bench used during the run, and steal time. */
  otherCores: number;
  stealCores: number;
  warnings: string[];
  failures: string[];
  error?: string;
}

export interface ScenarioOutcome {
  name: string;
  title: string;
  params: Params;
  metrics: readonly Metric[];
  skipped?: string;
  runs: RunRecord[];
  medians: Partial<Record<ServerKind, Record<string, number>>>;
  /** Baton ÷ reference per metric key. */
  ratios: Record<string, number>;
}

export function summarize(
  name: string,
  title: string,
  params: Params,
  metrics: readonly Metric[],
  runs: RunRecord[],
): ScenarioOutcome {
  const medians: ScenarioOutcome['medians'] = {};
  for (const kind of ['baton', 'reference'] as const) {
    const mine = runs.filter((r) => r.kind === kind && !r.error);
    if (mine.length === 0) continue;
    const keys = new Set(mine.flatMap((r) => Object.keys(r.values)));
    medians[kind] = Object.fromEntries(
      [...keys].map((key) => [key, median(mine.map((r) => r.values[key] ?? Number.NaN))]),
    );
  }
  const ratios: Record<string, number> = {};
  for (const metric of metrics) {
    const baton = medians.baton?.[metric.key] ?? Number.NaN;
    const reference = medians.reference?.[metric.ratioAgainst ?? metric.key] ?? Number.NaN;
    ratios[metric.key] = ratio(baton, reference);
  }
  return { name, title, params, metrics, runs, medians, ratios };
}
