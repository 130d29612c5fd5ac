/** Writes the JSON results and the SVG chart under the results directory (git-ignored). */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MachineInfo } from '../machine.ts';
import type { ScenarioOutcome } from '../outcome.ts';
import { latencySvg } from './latencySvg.ts';
import type { ProfileSummary } from './profileSummary.ts';

export interface BenchResults {
  startedAt: string;
  command: string;
  quick: boolean;
  rounds: number;
  machine: MachineInfo;
  /** How Baton was started: the production bundle or the sources through tsx. */
  baton: string;
  scenarios: ScenarioOutcome[];
  profiles?: Record<string, ProfileSummary>;
}

/** Returns the paths written. NaN values become null in the JSON. */
export function writeResults(resultsDir: string, stamp: string, results: BenchResults): string[] {
  mkdirSync(resultsDir, { recursive: true });
  const written: string[] = [];
  const json = path.join(resultsDir, `bench-${stamp}.json`);
  writeFileSync(
    json,
    `${JSON.stringify(results, (_k, v: unknown) => (Number.isNaN(v) ? null : v), 2)}\n`,
  );
  copyFileSync(json, path.join(resultsDir, 'latest.json'));
  written.push(json);
  const svg = latencySvg(results.scenarios);
  if (svg) {
    const file = path.join(resultsDir, `bench-${stamp}-latency.svg`);
    writeFileSync(file, svg);
    copyFileSync(file, path.join(resultsDir, 'latest-latency.svg'));
    written.push(file);
  }
  return written;
}
