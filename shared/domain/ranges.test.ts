import { describe, expect, it } from 'vitest';
import { isIntIn, isNumberIn } from './ranges';

describe('range checks', () => {
  it('takes integers in range only, ends included', () => {
    expect([0, 5, 10].map((n) => isIntIn(n, 0, 10))).toEqual([true, true, true]);
    expect([-1, 11, 1.5, Number.NaN, '3', null, 2 ** 53].map((n) => isIntIn(n, 0, 2 ** 60))).toEqual([false, true, false, false, false, false, false]);
  });
  it('takes finite numbers in range only', () => {
    expect([0.001, 1.5, 100].map((n) => isNumberIn(n, 0.001, 100))).toEqual([true, true, true]);
    expect([0, 100.01, Number.POSITIVE_INFINITY, Number.NaN, '1'].map((n) => isNumberIn(n, 0.001, 100))).toEqual([false, false, false, false, false]);
  });
});
