import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, isCanonicalBase64 } from './base64';

const bytes = (length: number, seed = 1) => {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) out[i] = (state = (state * 1_103_515_245 + 12_345) >>> 0) >>> 24;
  return out;
};

describe.each([
  ['the platform methods', true],
  ['the portable fallback', false],
])('base64 with %s', (_name, useNative) => {
  it('agrees with Node on every length around the padding boundaries, and on a whole chunk', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 6, 7, 12_287, 12_288, 12_289, 524_288]) {
      const data = bytes(length, length + 1);
      const text = bytesToBase64(data, useNative);
      expect(text).toBe(Buffer.from(data).toString('base64'));
      expect(base64ToBytes(text, useNative)).toEqual(data);
    }
  });

  it('refuses anything but canonical padded base64', () => {
    for (const bad of ['A', 'AA', 'AAA', 'AA=A', 'A===', 'AB==', 'AAB=', 'AA==AA==', 'AA AA', 'AA\nA=', 'AA-_', 'ÀAAA', '====']) {
      expect(base64ToBytes(bad, useNative), bad).toBeNull();
    }
    expect(base64ToBytes('', useNative)).toEqual(new Uint8Array(0));
  });
});

describe('isCanonicalBase64', () => {
  it('accepts only one spelling per byte string', () => {
    expect(isCanonicalBase64('QQ==')).toBe(true);
    expect(isCanonicalBase64('QR==')).toBe(false);
    expect(isCanonicalBase64('QUE=')).toBe(true);
    expect(isCanonicalBase64('QUF=')).toBe(false);
  });

  it('checks a 700,000-character string quickly, valid or broken at the end', () => {
    const text = Buffer.from(bytes(524_288)).toString('base64');
    const started = performance.now();
    expect(isCanonicalBase64(text)).toBe(true);
    expect(isCanonicalBase64(`${text.slice(0, -4)}A!==`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
