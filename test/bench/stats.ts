// Percentiles and medians for the bench: pure, shared by the page and the runner.

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentile (NaN for an empty list): a figure that really occurred, not an interpolation. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function stats(values: readonly number[]): Stats {
  return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: values.length ? Math.max(...values) : Number.NaN };
}

/** The median across runs; with an even count the lower middle, so it is always a measured value. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** app ÷ raw, or null when there is no baseline (or it measured nothing). */
export function ratio(app: number, raw: number | null): number | null {
  if (raw === null || !(raw > 0) || !Number.isFinite(app)) return null;
  return app / raw;
}
