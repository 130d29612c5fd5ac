/**
 * `node --import tsx tests/bench/report/toMarkdown.ts [results.json]`: the
 * tables of a results file in Markdown, for docs/performance.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatMarkdown } from './table.ts';
import type { BenchResults } from './writeResults.ts';

const file = process.argv[2] ?? fileURLToPath(new URL('../results/latest.json', import.meta.url));
// NaN was written as null; the tables show null the same way ("—").
const results = JSON.parse(readFileSync(file, 'utf8'), (_k, v: unknown) =>
  v === null ? Number.NaN : v,
) as BenchResults;
const m = results.machine;
process.stdout.write(
  `Run ${results.startedAt} — \`${results.command}\` — ${results.rounds} round(s); ` +
    `Node ${m.node}, ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, commit ${m.commit}; ` +
    `Baton from the ${results.baton ?? 'tsx source'}\n\n`,
);
for (const outcome of results.scenarios) {
  process.stdout.write(`${formatMarkdown(outcome)}\n`);
  const other = outcome.runs.map((r) => r.otherCores);
  if (other.length > 0) {
    process.stdout.write(
      `Other processes on the machine during these runs: ${other.map((c) => c.toFixed(2)).join(', ')} cores.\n\n`,
    );
  }
}
