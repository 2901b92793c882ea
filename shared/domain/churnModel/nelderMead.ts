// Nelder–Mead minimisation (the npm package fmin 0.0.4, the one of note, throws in its shrink step under ES modules).

export interface NelderMeadOptions {
  /** Size of the first simplex's steps along each axis. */
  step: number;
  maxEvaluations: number;
  /** Stop when the simplex's values differ by less than this and its points by less than xTolerance. */
  fTolerance: number;
  xTolerance: number;
}

export const DEFAULT_NELDER_MEAD: Readonly<NelderMeadOptions> = Object.freeze({ step: 0.5, maxEvaluations: 4000, fTolerance: 1e-10, xTolerance: 1e-8 });

export interface Minimum {
  x: number[];
  fx: number;
  evaluations: number;
}

/**
 * The simplex method with the standard coefficients (reflection 1, expansion 2, contraction ½,
 * shrink ½), as in Lagarias et al. (1998) and scipy's fmin. Deterministic: same input, same path.
 */
export function nelderMead(f: (x: readonly number[]) => number, x0: readonly number[], options: Partial<NelderMeadOptions> = {}): Minimum {
  const o = { ...DEFAULT_NELDER_MEAD, ...options };
  const n = x0.length;
  let evaluations = 0;
  const value = (x: number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };
  const points: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i]! += o.step;
    points.push(p);
  }
  let values = points.map(value);
  const along = (from: number[], to: number[], t: number) => from.map((v, i) => v + t * (to[i]! - v));

  while (evaluations < o.maxEvaluations) {
    const order = values.map((v, i) => i).sort((a, b) => values[a]! - values[b]!);
    const sortedPoints = order.map((i) => points[i]!);
    values = order.map((i) => values[i]!);
    points.splice(0, points.length, ...sortedPoints);
    const best = points[0]!;
    const worst = points[n]!;
    let spread = 0;
    for (let i = 1; i <= n; i++) for (let j = 0; j < n; j++) spread = Math.max(spread, Math.abs(points[i]![j]! - best[j]!));
    if (values[n]! - values[0]! <= o.fTolerance && spread <= o.xTolerance) break;

    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += points[i]![j]! / n;
    // Points on the line from the worst point through the centroid: t = 2 reflects, 3 expands, 1.5 and 0.5 contract.
    const reflected = along(worst, centroid, 2);
    const fr = value(reflected);
    if (fr < values[0]!) {
      const expanded = along(worst, centroid, 3);
      const fe = value(expanded);
      [points[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
      continue;
    }
    if (fr < values[n - 1]!) {
      [points[n], values[n]] = [reflected, fr];
      continue;
    }
    const outside = fr < values[n]!;
    const contracted = along(worst, centroid, outside ? 1.5 : 0.5);
    const fc = value(contracted);
    if (fc < (outside ? fr : values[n]!)) {
      [points[n], values[n]] = [contracted, fc];
      continue;
    }
    for (let i = 1; i <= n; i++) {
      points[i] = along(best, points[i]!, 0.5);
      values[i] = value(points[i]!);
    }
  }
  let at = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! < values[at]!) at = i;
  return { x: points[at]!, fx: values[at]!, evaluations };
}
