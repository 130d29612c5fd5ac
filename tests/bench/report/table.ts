/** The human-readable report: one table per scenario, then its warnings and failures. */
import type { ScenarioOutcome } from '../outcome.ts';

export function formatTable(outcome: ScenarioOutcome): string {
  const lines = [`${outcome.name} — ${outcome.title}`];
  if (outcome.skipped) return `${lines[0]}\n  skipped: ${outcome.skipped}\n`;
  const params = Object.entries(outcome.params)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const rounds = new Set(outcome.runs.map((r) => r.round)).size;
  lines.push(`  ${params}; ${rounds} round(s), medians`);
  const rows: string[][] = [['metric', 'baton', 'reference', 'baton/ref', 'target']];
  for (const metric of outcome.metrics) {
    const baton = outcome.medians.baton?.[metric.key];
    const reference = outcome.medians.reference?.[metric.key];
    const r = outcome.ratios[metric.key] ?? Number.NaN;
    const target = metric.target === undefined ? '' : `≤ ${metric.target.toFixed(1)}`;
    const verdict =
      metric.target === undefined || !Number.isFinite(r)
        ? ''
        : r <= metric.target
          ? ' ok'
          : ' MISS';
    rows.push([
      `${metric.label}${metric.unit ? ` (${metric.unit})` : ''}`,
      show(baton, metric.digits),
      show(reference, metric.digits),
      Number.isFinite(r) ? r.toFixed(2) : '—',
      target + verdict,
    ]);
  }
  const widths =
    rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
  for (const row of rows) {
    lines.push(
      '  ' +
        row
          .map((cell, col) =>
            col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0),
          )
          .join('  ')
          .trimEnd(),
    );
  }
  for (const run of outcome.runs) {
    const tag = `[${run.kind} round ${run.round + 1}]`;
    if (run.error) lines.push(`  ERROR ${tag} ${run.error.split('\n')[0]}`);
    for (const failure of run.failures) lines.push(`  FAIL ${tag} ${failure}`);
    for (const warning of run.warnings) lines.push(`  warning ${tag} ${warning}`);
  }
  return `${lines.join('\n')}\n`;
}

function show(value: number | undefined, digits: number): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** A Markdown version of the same table, for docs/performance.md. */
export function formatMarkdown(outcome: ScenarioOutcome): string {
  if (outcome.skipped) return `**${outcome.name}**: skipped (${outcome.skipped})\n`;
  const out = [
    `**${outcome.name}** — ${outcome.title}`,
    '',
    '| metric | Baton | reference | Baton ÷ ref | target |',
    '|---|--:|--:|--:|---|',
  ];
  for (const metric of outcome.metrics) {
    const r = outcome.ratios[metric.key] ?? Number.NaN;
    out.push(
      `| ${metric.label}${metric.unit ? ` (${metric.unit})` : ''} | ${show(outcome.medians.baton?.[metric.key], metric.digits)} | ${show(outcome.medians.reference?.[metric.key], metric.digits)} | ${Number.isFinite(r) ? r.toFixed(2) : '—'} | ${metric.target === undefined ? '' : `≤ ${metric.target}`} |`,
    );
  }
  return `${out.join('\n')}\n`;
}
