import { describe, expect, it } from 'vitest';
import { median, percentile, ratio, stats } from './stats';

describe('bench stats', () => {
  it('takes nearest-rank percentiles: values that occurred', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([42], 95)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
  });

  it('gives the lower middle as the median of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2);
  });

  it('summarises a list', () => {
    expect(stats([1, 2, 3, 4])).toEqual({ n: 4, p50: 2, p95: 4, max: 4 });
    expect(stats([]).max).toBeNaN();
  });

  it('has no ratio without a baseline', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, null)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
  });
});
