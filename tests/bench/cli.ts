/** Command-line flags of `pnpm bench`. */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  quick: boolean;
  /** Scenario names to run; empty means all. */
  scenarios: string[];
  /** Rounds per scenario; each round runs both servers (A B, then B A). */
  rounds: number;
  /** Write `--cpu-prof` profiles of the server processes and summarize them. */
  profile: boolean;
  /** Parameter overrides, `scenario.param=value`. */
  overrides: Record<string, number>;
  resultsDir: string;
}

export const usage = `Usage: pnpm bench [--quick] [--scenario NAME]… [--rounds N] [--profile]
                  [--set SCENARIO.PARAM=VALUE]… [--results DIR]

  --quick       every scenario at tiny sizes, one round (CI runs this; no thresholds)
  --scenario    run only these scenarios (repeat or comma-separate)
  --rounds      rounds per scenario, alternating A B B A (default 2, quick 1)
  --profile     run the servers with --cpu-prof and print their top self-time functions
  --set         override a scenario parameter, e.g. --set fanout.durationMs=5000
  --results     output directory (default tests/bench/results)`;

export function parseOptions(argv: string[], defaultResultsDir: string): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      scenario: { type: 'string', multiple: true, default: [] },
      rounds: { type: 'string' },
      profile: { type: 'boolean', default: false },
      set: { type: 'string', multiple: true, default: [] },
      results: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const rounds = values.rounds === undefined ? (values.quick ? 1 : 2) : Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`--rounds must be a positive integer`);
  const overrides: Record<string, number> = {};
  for (const entry of values.set) {
    const match = /^([\w-]+\.\w+)=(-?[\d.]+)$/.exec(entry);
    if (!match?.[1] || !match[2])
      throw new Error(`--set expects scenario.param=number, got ${entry}`);
    overrides[match[1]] = Number(match[2]);
  }
  return {
    quick: values.quick,
    scenarios: values.scenario.flatMap((s) => s.split(',')).filter(Boolean),
    rounds,
    profile: values.profile,
    overrides,
    resultsDir: values.results ?? defaultResultsDir,
  };
}
