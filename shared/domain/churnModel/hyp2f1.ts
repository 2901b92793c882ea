// Gauss's hypergeometric function 2F1(a, b; c; z) for 0 ≤ z < 1 by its power series (no maintained npm package has it).

/**
 * Σ (a)ₙ (b)ₙ / ((c)ₙ n!) zⁿ, summed until a term no longer changes the sum in double precision.
 * Callers keep z away from 1 (the series converges like zⁿ) and c away from 0, −1, −2, … (poles).
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1: z must be in [0, 1), got ${z}`);
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 100_000; n++) {
    term *= ((a + n) * (b + n)) / ((c + n) * (n + 1)) * z;
    sum += term;
    if (Math.abs(term) <= 1e-16 * Math.abs(sum)) return sum;
  }
  return sum;
}
