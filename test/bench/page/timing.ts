// Timing helpers of the bench page.
import type { PairedSample } from '../protocol';

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export interface Answer {
  hits: number;
  truncated?: boolean;
}

/** Times the app and the baseline back to back, alternating which goes first so neither always reads warm. */
export async function paired(
  order: number,
  section: string,
  label: string,
  app: () => Promise<Answer>,
  baseline: () => Promise<unknown>,
): Promise<PairedSample> {
  let a: { ms: number; value: Answer };
  let b: { ms: number };
  if (order % 2 === 0) {
    a = await timed(app);
    b = await timed(baseline);
  } else {
    b = await timed(baseline);
    a = await timed(app);
  }
  return { section, label, appMs: a.ms, rawMs: b.ms, hits: a.value.hits, truncated: a.value.truncated ?? false };
}

/** `count` items spread evenly over `items` (the first, then every length/count-th). */
export function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}
