import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { samePlainData } from './plainData';

const jsonEqual = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe('samePlainData', () => {
  it('compares primitives, arrays and nested objects by value', () => {
    expect(samePlainData(1, 1)).toBe(true);
    expect(samePlainData('a', 'a')).toBe(true);
    expect(samePlainData(null, null)).toBe(true);
    expect(samePlainData(1, '1')).toBe(false);
    expect(samePlainData(null, 0)).toBe(false);
    expect(samePlainData(null, {})).toBe(false);
    expect(samePlainData([1, [2, 3]], [1, [2, 3]])).toBe(true);
    expect(samePlainData([1, 2], [1, 2, 3])).toBe(false);
    expect(samePlainData([], {})).toBe(false);
    expect(samePlainData({}, [])).toBe(false);
    expect(samePlainData({ code: 'overdue', params: { usualGapDays: 3, basis: 'own' } }, { code: 'overdue', params: { usualGapDays: 3, basis: 'own' } })).toBe(true);
    expect(samePlainData({ code: 'overdue', params: { usualGapDays: 3, basis: 'own' } }, { code: 'overdue', params: { usualGapDays: 4, basis: 'own' } })).toBe(false);
    expect(samePlainData({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(samePlainData({ a: 1, b: 2 }, { a: 1 })).toBe(false);
  });

  it('reads a key holding undefined as absent and ignores key order, as JSON does', () => {
    expect(samePlainData({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(samePlainData({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(samePlainData({ a: undefined }, { a: null })).toBe(false);
    expect(samePlainData({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(samePlainData(NaN, NaN)).toBe(true);
    expect(samePlainData(0, -0)).toBe(true);
  });

  it('never calls two values equal that JSON tells apart', () => {
    const leaf = fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b', ''), fc.double({ noDefaultInfinity: true }));
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('v'), { maxKeys: 3 })),
    })).v;
    fc.assert(
      fc.property(value, value, (a, b) => {
        if (samePlainData(a, b)) expect(jsonEqual(a, b)).toBe(true);
        expect(samePlainData(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
