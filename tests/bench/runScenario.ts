/**
 * Runs one scenario for every round, alternating the servers (A B, B A, …),
 * each run on a fresh server process, within a time bound.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BenchOptions } from './cli.ts';
import { stopAllClients } from './clients/pool.ts';
import { type RunRecord, type ScenarioOutcome, summarize } from './outcome.ts';
import { machineCpu } from './procStats.ts';
import { launchBaton } from './servers/baton.ts';
import { launchReference } from './servers/reference.ts';
import type { LaunchOptions, ServerHandle, ServerKind } from './servers/target.ts';
import type { Params, RunContext, Scenario } from './types.ts';

/** Above this, other work on the machine makes the timings unreliable (2 cores here). */
const maxOtherCores = 0.2;

export interface RunSettings {
  options: BenchOptions;
  /** Where this invocation keeps profiles, when profiling. */
  profileRoot: string;
  log(message: string): void;
}

export async function runScenario(
  scenario: Scenario,
  settings: RunSettings,
): Promise<ScenarioOutcome> {
  const { options } = settings;
  const params = paramsFor(scenario, options);
  const skipped =
    scenario.skipReason ??
    (options.quick && scenario.fullOnly ? 'full run only' : undefined) ??
    scenario.unavailable?.();
  if (skipped) {
    return { ...summarize(scenario.name, scenario.title, params, scenario.metrics, []), skipped };
  }
  const runs: RunRecord[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? scenario.servers : [...scenario.servers].reverse();
    for (const kind of order) {
      settings.log(`${scenario.name}: round ${round + 1}, ${kind}`);
      runs.push(await runOnce(scenario, params, kind, round, settings));
    }
  }
  return summarize(scenario.name, scenario.title, params, scenario.metrics, runs);
}

function paramsFor(scenario: Scenario, options: BenchOptions): Params {
  const params = { ...(options.quick ? scenario.params.quick : scenario.params.full) };
  for (const [key, value] of Object.entries(options.overrides)) {
    const [name, param] = key.split('.');
    if (name !== scenario.name || !param) continue;
    if (!(param in params)) throw new Error(`${scenario.name} has no parameter ${param}`);
    params[param] = value;
  }
  return params;
}

async function runOnce(
  scenario: Scenario,
  params: Params,
  kind: ServerKind,
  round: number,
  settings: RunSettings,
): Promise<RunRecord> {
  const launched: ServerHandle[] = [];
  /** Remembers every server process, restarts included, so it is stopped whatever happens. */
  const track = (server: ServerHandle): ServerHandle => {
    launched.push(server);
    const restart = server.restart?.bind(server);
    if (restart) server.restart = async () => track(await restart());
    return server;
  };
  const launchOptions: LaunchOptions = {};
  if (settings.options.profile) {
    launchOptions.profileDir = path.join(
      settings.profileRoot,
      `${scenario.name}-${kind}-r${round + 1}`,
    );
    mkdirSync(launchOptions.profileDir, { recursive: true });
  }
  const ctx: RunContext = {
    kind,
    round,
    quick: settings.options.quick,
    resultsDir: settings.options.resultsDir,
    launchOptions,
    async launch() {
      return track(
        await (kind === 'baton' ? launchBaton(launchOptions) : launchReference(launchOptions)),
      );
    },
    log: (message) => settings.log(`  ${message}`),
  };
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const cpuBefore = machineCpu();
  /** Other processes' CPU over the run, once every child of this run has exited. */
  const contention = () => {
    const after = machineCpu();
    const wall = seconds();
    const otherCores =
      Math.max(0, after.busy - cpuBefore.busy - (after.ours - cpuBefore.ours)) / wall;
    const stealCores = (after.steal - cpuBefore.steal) / wall;
    const warnings =
      otherCores > maxOtherCores
        ? [
            `other processes used ${otherCores.toFixed(2)} cores during this run: timings are unreliable`,
          ]
        : [];
    return { otherCores, stealCores, warnings };
  };
  let timer: NodeJS.Timeout | undefined;
  const timeoutMs = (settings.options.quick ? 60 : 600) * 1000;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
  });
  let outcome: Pick<RunRecord, 'values' | 'warnings' | 'failures' | 'error'>;
  try {
    const { values, warnings, failures } = await Promise.race([scenario.run(ctx, params), timeout]);
    outcome = { values, warnings, failures };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    outcome = { values: {}, warnings: [], failures: [], error: message };
  } finally {
    clearTimeout(timer);
    await stopAllClients();
    for (const server of launched) {
      await server.stop();
      if (server.dataDir) rmSync(server.dataDir, { recursive: true, force: true });
    }
  }
  const { otherCores, stealCores, warnings } = contention();
  return {
    kind,
    round,
    seconds: seconds(),
    ...outcome,
    otherCores,
    stealCores,
    warnings: [...outcome.warnings, ...warnings],
  };
}
