/** The contract between the runner and the scenarios. */
import type { LaunchOptions, ServerHandle, ServerKind } from './servers/target.ts';

export type Params = Record<string, number>;

export interface Metric {
  key: string;
  label: string;
  unit: string;
  /** Decimal places in the table. */
  digits: number;
  /** Target for Baton ÷ reference (at most this), from the issue. */
  target?: number;
  /**
   * The reference metric the ratio divides by, when it is not the same key
   * (Baton's cold load against the reference's in-memory load).
   */
  ratioAgainst?: string;
}

/** What one run (one server, one round) of a scenario measured. */
export interface RunResult {
  values: Record<string, number>;
  /** The load generator was the limit, or something else deserves a look. */
  warnings: string[];
  /** Convergence and other correctness checks that failed. */
  failures: string[];
}

export interface RunContext {
  kind: ServerKind;
  round: number;
  quick: boolean;
  resultsDir: string;
  launchOptions: LaunchOptions;
  /** Starts a fresh server of `kind`. */
  launch(): Promise<ServerHandle>;
  log(message: string): void;
}

export interface Scenario<P extends Params = Params> {
  name: string;
  title: string;
  /** Servers this scenario runs against (the reference has no store, for example). */
  servers: readonly ServerKind[];
  metrics: readonly Metric[];
  params: { quick: P; full: P };
  /** Too big for `--quick`: skipped there. */
  fullOnly?: boolean;
  /** When set, the scenario is listed but not run, with this reason. */
  skipReason?: string;
  /** Checked before running: a missing prerequisite (browser, build) skips with this reason. */
  unavailable?(): string | undefined;
  run(ctx: RunContext, params: P): Promise<RunResult>;
}

export function emptyResult(): RunResult {
  return { values: {}, warnings: [], failures: [] };
}
