import { describe, expect, it } from 'vitest';
import { hyp2f1 } from './hyp2f1';

describe('hyp2f1', () => {
  it('2F1(1, 1; 2; z) = −ln(1 − z) / z', () => {
    for (const z of [0.1, 0.5, 0.9]) expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 12);
  });
  it('2F1(a, b; b; z) = (1 − z)^(−a)', () => {
    expect(hyp2f1(0.7, 2.3, 2.3, 0.6)).toBeCloseTo(Math.pow(0.4, -0.7), 12);
  });
  it('is 1 at z = 0 and refuses z outside [0, 1)', () => {
    expect(hyp2f1(3, 4, 5, 0)).toBe(1);
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
  });
});
