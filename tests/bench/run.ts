/**
 * `pnpm bench`: Baton against the reference y-websocket server, side by side
 * in one run. Prints a table per scenario and writes JSON and an SVG chart
 * under tests/bench/results/. Exits non-zero when a run failed or a
 * convergence check did not hold (never because of a ratio).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOptions, usage } from './cli.ts';
import { machineInfo } from './machine.ts';
import type { ScenarioOutcome } from './outcome.ts';
import { formatProfile, type ProfileSummary, summarizeProfiles } from './report/profileSummary.ts';
import { formatTable } from './report/table.ts';
import { writeResults } from './report/writeResults.ts';
import { runScenario } from './runScenario.ts';
import { scenarios } from './scenarios/index.ts';
import { batonEntry } from './servers/batonEntry.ts';

const defaultResultsDir = fileURLToPath(new URL('./results', import.meta.url));

async function main(): Promise<number> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2), defaultResultsDir);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    return 2;
  }
  const unknown = options.scenarios.filter((name) => !scenarios.some((s) => s.name === name));
  if (unknown.length > 0) {
    process.stderr.write(
      `unknown scenario ${unknown.join(', ')}; known: ${scenarios.map((s) => s.name).join(', ')}\n`,
    );
    return 2;
  }
  const selected = scenarios.filter(
    (s) => options.scenarios.length === 0 || options.scenarios.includes(s.name),
  );
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const profileRoot = path.join(options.resultsDir, 'profiles', stamp);
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const machine = machineInfo();
  log(
    `bench: node ${machine.node}, ${machine.cores} cores (${machine.cpu}), commit ${machine.commit}`,
  );
  log(`bench: Baton runs from the ${batonEntry().description}`);

  const outcomes: ScenarioOutcome[] = [];
  const profiles: Record<string, ProfileSummary> = {};
  for (const scenario of selected) {
    const outcome = await runScenario(scenario, { options, profileRoot, log });
    outcomes.push(outcome);
    process.stdout.write(`\n${formatTable(outcome)}`);
    if (options.profile && !outcome.skipped) {
      for (const kind of scenario.servers) {
        const dirs = outcome.runs
          .filter((r) => r.kind === kind)
          .map((r) => path.join(profileRoot, `${scenario.name}-${kind}-r${r.round + 1}`));
        const summary = summarizeProfiles(dirs);
        profiles[`${scenario.name}/${kind}`] = summary;
        process.stdout.write(formatProfile(`  profile ${scenario.name} / ${kind}`, summary));
        const page = summarizeProfiles(dirs.map((dir) => `${dir}-page`));
        if (page.files > 0) {
          profiles[`${scenario.name}/${kind}/page`] = page;
          process.stdout.write(formatProfile(`  profile ${scenario.name} / editor page`, page));
        }
      }
    }
  }
  const written = writeResults(options.resultsDir, stamp, {
    startedAt: startedAt.toISOString(),
    command: `pnpm bench ${process.argv.slice(2).join(' ')}`.trim(),
    quick: options.quick,
    rounds: options.rounds,
    machine,
    baton: batonEntry().description,
    scenarios: outcomes,
    ...(options.profile ? { profiles } : {}),
  });
  log(`\nwrote ${written.map((f) => path.relative(process.cwd(), f)).join(', ')}`);
  const broken = outcomes.flatMap((o) => o.runs).filter((r) => r.error || r.failures.length > 0);
  if (broken.length > 0) log(`${broken.length} run(s) failed; see above`);
  return broken.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
