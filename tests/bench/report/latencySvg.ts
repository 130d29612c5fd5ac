/** An SVG bar chart of latency percentiles (p50, p95, p99) per server, one panel per scenario. */
import type { ScenarioOutcome } from '../outcome.ts';

const percentiles = [
  ['latencyP50', 'p50'],
  ['latencyP95', 'p95'],
  ['latencyP99', 'p99'],
] as const;
const colors = { baton: '#2f6fdf', reference: '#9a9a9a' } as const;
const panelWidth = 360;
const panelHeight = 240;
const margin = { top: 40, bottom: 30, left: 40 };

export function latencySvg(outcomes: readonly ScenarioOutcome[]): string | null {
  const panels = outcomes.filter(
    (o) =>
      !o.skipped && percentiles.some(([key]) => Number.isFinite(o.medians.baton?.[key] ?? NaN)),
  );
  if (panels.length === 0) return null;
  const width = panels.length * panelWidth;
  const height = panelHeight + 30;
  const parts = panels.map((outcome, i) => panel(outcome, i * panelWidth));
  const legend = (['baton', 'reference'] as const)
    .map(
      (kind, i) =>
        `<rect x="${10 + i * 110}" y="${height - 18}" width="12" height="12" fill="${colors[kind]}"/>` +
        `<text x="${26 + i * 110}" y="${height - 8}">${kind}</text>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `font-family="sans-serif" font-size="11">` +
    `<rect width="100%" height="100%" fill="white"/>${parts.join('')}${legend}</svg>\n`
  );
}

function panel(outcome: ScenarioOutcome, x0: number): string {
  const values = percentiles.flatMap(([key]) => [
    outcome.medians.baton?.[key] ?? 0,
    outcome.medians.reference?.[key] ?? 0,
  ]);
  const max = Math.max(1, ...values.filter(Number.isFinite)) * 1.15;
  const plotHeight = panelHeight - margin.top - margin.bottom;
  const groupWidth = (panelWidth - margin.left - 20) / percentiles.length;
  const barWidth = groupWidth / 3;
  const y = (v: number) => margin.top + plotHeight - (v / max) * plotHeight;
  const out = [
    `<text x="${x0 + margin.left}" y="20" font-weight="bold">${escape(outcome.name)} latency (ms, medians)</text>`,
    `<line x1="${x0 + margin.left}" y1="${y(0)}" x2="${x0 + panelWidth - 20}" y2="${y(0)}" stroke="#333"/>`,
  ];
  percentiles.forEach(([key, label], g) => {
    const gx = x0 + margin.left + g * groupWidth + barWidth / 2;
    (['baton', 'reference'] as const).forEach((kind, k) => {
      const value = outcome.medians[kind]?.[key];
      if (value === undefined || !Number.isFinite(value)) return;
      const bx = gx + k * barWidth;
      out.push(
        `<rect x="${bx.toFixed(1)}" y="${y(value).toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" ` +
          `height="${(y(0) - y(value)).toFixed(1)}" fill="${colors[kind]}"/>`,
        `<text x="${(bx + barWidth / 2 - 1).toFixed(1)}" y="${(y(value) - 3).toFixed(1)}" ` +
          `text-anchor="middle">${value.toFixed(1)}</text>`,
      );
    });
    out.push(
      `<text x="${(gx + barWidth).toFixed(1)}" y="${y(0) + 15}" text-anchor="middle">${label}</text>`,
    );
  });
  return out.join('');
}

function escape(text: string): string {
  return text.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c] ?? c);
}
