/** Percentiles and medians for the report; inputs are plain numbers in any order. */

/** The p-th percentile (0–100) by nearest rank; NaN for an empty list. */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

/** The median; for an even count the mean of the two middle values. NaN for an empty list. */
export function median(values: ArrayLike<number>): number {
  const finite = Array.from(values).filter((v) => Number.isFinite(v));
  if (finite.length === 0) return Number.NaN;
  finite.sort((a, b) => a - b);
  const mid = finite.length >> 1;
  const upper = finite[mid] ?? Number.NaN;
  return finite.length % 2 === 1 ? upper : ((finite[mid - 1] ?? upper) + upper) / 2;
}

export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] ?? 0;
  return sum / values.length;
}

/** Baton ÷ reference, or NaN when either side is missing or the reference is zero. */
export function ratio(baton: number, reference: number): number {
  if (!Number.isFinite(baton) || !Number.isFinite(reference) || reference === 0) return Number.NaN;
  return baton / reference;
}
