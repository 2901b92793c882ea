import { describe, expect, it } from 'vitest';
import { RECOVERY_KEY_CHARS, RECOVERY_KEY_SHAPE, RECOVERY_SECRET_BYTES, formatRecoveryKey, parseRecoveryKey } from './recoveryKey';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const secretOf = (seed: number) => Uint8Array.from({ length: 16 }, (_, index) => (seed * 131 + index * 197 + (seed >> 3)) & 0xff);

describe('recovery key text', () => {
  it('prints seven groups of four and reads back the same 16 bytes, whatever the case, spaces or dashes', () => {
    for (const seed of [0, 1, 7, 255, 9999]) {
      const secret = secretOf(seed);
      const text = formatRecoveryKey(secret);
      expect(text).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$/);
      expect(parseRecoveryKey(text)).toEqual({ ok: true, value: secret });
      expect(parseRecoveryKey(` ${text.toLowerCase().replace(/-/g, ' ')} `)).toEqual({ ok: true, value: secret });
      expect(parseRecoveryKey(text.replace(/-/g, ''))).toEqual({ ok: true, value: secret });
    }
    expect(formatRecoveryKey(new Uint8Array(16).fill(0xff))).toMatch(/^7/);
  });

  it('reads O as 0 and I or L as 1, as people mistake them', () => {
    const secret = Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 33]);
    const text = formatRecoveryKey(secret);
    expect(text).toContain('0');
    expect(parseRecoveryKey(text.replace(/0/g, 'O'))).toEqual({ ok: true, value: secret });
    expect(parseRecoveryKey(text.replace(/1/g, 'l'))).toEqual({ ok: true, value: secret });
  });

  it('refuses every single character typed wrong and every two neighbours swapped', () => {
    for (const seed of [3, 42]) {
      const clean = formatRecoveryKey(secretOf(seed)).replace(/-/g, '');
      for (let position = 0; position < RECOVERY_KEY_CHARS; position++) {
        for (const char of ALPHABET) {
          if (char === clean[position]) continue;
          const typo = clean.slice(0, position) + char + clean.slice(position + 1);
          expect(parseRecoveryKey(typo), `${typo} (position ${position})`).toEqual({ ok: false, reason: 'recovery-key-mistyped' });
        }
        if (position + 1 < RECOVERY_KEY_CHARS && clean[position] !== clean[position + 1]) {
          const swapped = clean.slice(0, position) + clean[position + 1] + clean[position] + clean.slice(position + 2);
          expect(parseRecoveryKey(swapped).ok, swapped).toBe(false);
        }
      }
    }
  });

  it('refuses a key with characters missing or added, or with letters that are not in it', () => {
    const text = formatRecoveryKey(secretOf(5));
    expect(parseRecoveryKey(text.slice(0, -1))).toEqual({ ok: false, reason: 'recovery-key-incomplete' });
    expect(parseRecoveryKey(`${text}A`)).toEqual({ ok: false, reason: 'recovery-key-incomplete' });
    expect(parseRecoveryKey('')).toEqual({ ok: false, reason: 'recovery-key-incomplete' });
    expect(parseRecoveryKey(`${text.slice(0, 5)}#${text.slice(6)}`)).toEqual({ ok: false, reason: 'recovery-key-mistyped' });
    expect(parseRecoveryKey('x'.repeat(500))).toEqual({ ok: false, reason: 'recovery-key-incomplete' });
  });
});

describe('the shape shown in the field', () => {
  it('is a key of the same length and grouping as a printed one', () => {
    const printed = formatRecoveryKey(new Uint8Array(RECOVERY_SECRET_BYTES).fill(7));
    expect(RECOVERY_KEY_SHAPE).toBe(printed.replace(/[^-]/g, 'X'));
  });
});
