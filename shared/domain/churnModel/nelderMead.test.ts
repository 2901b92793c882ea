import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelderMead';

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const m = nelderMead((x) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2, [-1.2, 1]);
    expect(m.x[0]).toBeCloseTo(1, 4);
    expect(m.x[1]).toBeCloseTo(1, 4);
    expect(m.fx).toBeLessThan(1e-8);
  });
  it('treats NaN as +∞ and stops at maxEvaluations', () => {
    const m = nelderMead((x) => (x[0]! < 0 ? Number.NaN : (x[0]! - 2) ** 2), [1], { maxEvaluations: 50 });
    expect(m.evaluations).toBeLessThanOrEqual(52);
    expect(m.x[0]).toBeCloseTo(2, 2);
  });
});
