import { describe, expect, it } from 'vitest';
import { areaUnderCurve } from './auc';

describe('areaUnderCurve', () => {
  it('1 for a perfect ranking, 0 for a reversed one, ½ for all tied', () => {
    expect(areaUnderCurve([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(areaUnderCurve([4, 3, 2, 1], [false, false, true, true])).toBe(0);
    expect(areaUnderCurve([1, 1, 1, 1], [false, true, false, true])).toBe(0.5);
  });
  it('counts pairs by hand: positives at 3 and 1.5 against negatives at 1, 2, 3 → (2 + ½ + 1) / 6', () => {
    expect(areaUnderCurve([3, 1.5, 1, 2, 3], [true, true, false, false, false])).toBeCloseTo(3.5 / 6, 12);
  });
  it('NaN when one class is empty', () => {
    expect(areaUnderCurve([1, 2], [true, true])).toBeNaN();
  });
});
