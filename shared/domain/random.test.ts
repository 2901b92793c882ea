import { describe, expect, it } from 'vitest';
import { createRng, gammaDraw, weightedPicker } from './random';

describe('createRng', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const seqA = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 100 }, () => createRng(43).next())).not.toEqual(seqA);
  });

  it('matches the reference mulberry32 output', () => {
    // First outputs of bryc's published mulberry32 for seed 1, as 32-bit integers.
    const rng = createRng(1);
    expect([rng.next(), rng.next(), rng.next()].map((x) => x * 4_294_967_296)).toEqual([2_693_262_067, 11_749_833, 2_265_367_787]);
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const rng = createRng(7);
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.next();
      if (!(x >= 0 && x < 1)) outside++;
      else buckets[Math.floor(x * 10)]!++;
    }
    expect(outside).toBe(0);
    for (const n of buckets) expect(Math.abs(n - 10_000)).toBeLessThan(500);
  });

  it('draws integers in the closed range and picks from lists', () => {
    const rng = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const n = rng.int(-2, 2);
      expect(Number.isInteger(n) && n >= -2 && n <= 2).toBe(true);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2]);
    expect(['a', 'b']).toContain(rng.pick(['a', 'b']));
    expect(() => rng.pick([])).toThrow();
    expect(rng.chance(0)).toBe(false);
    expect(rng.chance(1)).toBe(true);
  });

  it('treats seeds as 32-bit unsigned integers', () => {
    expect(createRng(2 ** 32 + 5).next()).toBe(createRng(5).next());
  });
});

describe('weightedPicker', () => {
  it('draws in proportion to the weights and skips zero weights', () => {
    const pick = weightedPicker([['a', 6], ['b', 3], ['c', 1], ['never', 0]] as const);
    const rng = createRng(11);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 30_000; i++) {
      const x = pick(rng);
      counts[x] = (counts[x] ?? 0) + 1;
    }
    expect(counts.never).toBeUndefined();
    expect(counts.a! / 30_000).toBeCloseTo(0.6, 1);
    expect(counts.b! / 30_000).toBeCloseTo(0.3, 1);
    expect(counts.c! / 30_000).toBeCloseTo(0.1, 1);
  });

  it('refuses an empty table', () => {
    expect(() => weightedPicker([])).toThrow();
  });
});

describe('gammaDraw', () => {
  it('has the Gamma(shape, 1) mean and variance (both the shape), below and above shape 1', () => {
    const rng = createRng(11);
    for (const shape of [0.3, 2.5]) {
      const draws = Array.from({ length: 100_000 }, () => gammaDraw(rng, shape));
      const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
      const variance = draws.reduce((s, v) => s + (v - mean) ** 2, 0) / draws.length;
      expect(draws.every((v) => v >= 0)).toBe(true);
      expect(mean).toBeCloseTo(shape, 1);
      expect(variance / shape).toBeGreaterThan(0.95);
      expect(variance / shape).toBeLessThan(1.05);
    }
  });
});
