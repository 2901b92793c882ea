import { readFileSync } from 'node:fs';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import {
  formatPhoneForDisplay,
  phoneDigitsForSearch,
  phoneSearchDigits,
  validatePhone,
  type NormalizedPhone,
} from './phone';

const FIXTURE = new URL('../../../shared/data/cn-organisation-phones.csv', import.meta.url);

function fixturePhones(): string[] {
  const lines = readFileSync(FIXTURE, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0]!.split(',');
  const col = header.indexOf('phones');
  expect(col).toBeGreaterThanOrEqual(0);
  // The file has no quoted fields (checked: every row splits into the header's column count).
  return lines.slice(1).flatMap((line) => {
    const cells = line.split(',');
    expect(cells).toHaveLength(header.length);
    return cells[col]!.split('|').filter((p) => p.trim() !== '');
  });
}

const validated = (raw: string, region: Parameters<typeof validatePhone>[1] = 'CN') => {
  const r = validatePhone(raw, region, { keepAsIs: false });
  if (!r.ok) throw new Error(`${raw} rejected: ${r.reason}`);
  return r.value;
};

describe('validatePhone', () => {
  it.each([
    ['138 1234 5678', 'CN', '+8613812345678'],
    ['13812345678', 'CN', '+8613812345678'],
    ['+86 138-1234-5678', 'CN', '+8613812345678'],
    ['+86 138—1234—5678', 'CN', '+8613812345678'],
    ['１３８ １２３４ ５６７８', 'CN', '+8613812345678'],
    ['＋８６（１３８）１２３４－５６７８', 'CN', '+8613812345678'],
    ['138.1234.5678', 'CN', '+8613812345678'],
    ['  13812345678  ', 'CN', '+8613812345678'],
    ['(852) 2123 4567', 'HK', '+85221234567'],
    ['2123 4567', 'HK', '+85221234567'],
    ['+852 2123 4567', 'CN', '+85221234567'],
    ['00852 2123 4567', 'CN', '+85221234567'],
    ['0755-8888 8888', 'CN', '+8675588888888'],
    ['010-6552 9988', 'CN', '+861065529988'],
    ['400-699-8888', 'CN', '+864006998888'],
    ['+1-800-633-0738', 'CN', '+18006330738'],
    ['+8613812345678', 'HK', '+8613812345678'],
  ] as const)('accepts %s (%s)', (raw, region, normalized) => {
    expect(validated(raw, region)).toEqual({ normalized, kind: 'validated' });
  });

  it('reports empty input', () => {
    expect(validatePhone('', 'CN', { keepAsIs: false })).toEqual({ ok: false, reason: 'phone-empty' });
    expect(validatePhone('   ', 'CN', { keepAsIs: true })).toEqual({ ok: false, reason: 'phone-empty' });
  });

  it('never accepts letters or stray symbols, even when keeping as is', () => {
    for (const raw of ['138abc45678', '1-800-FLOWERS', '10086 ext 1', '95588#', '138+1234', 'call me']) {
      for (const keepAsIs of [false, true]) {
        expect(validatePhone(raw, 'CN', { keepAsIs })).toEqual({ ok: false, reason: 'phone-bad-characters' });
      }
    }
  });

  it('reports short, long and invalid numbers', () => {
    expect(validatePhone('95588', 'CN', { keepAsIs: false })).toEqual({ ok: false, reason: 'phone-too-short' });
    expect(validatePhone('1381234567890123', 'CN', { keepAsIs: false })).toEqual({ ok: false, reason: 'phone-too-long' });
    expect(validatePhone('---', 'CN', { keepAsIs: false })).toEqual({ ok: false, reason: 'phone-invalid' });
    expect(validatePhone('()', 'CN', { keepAsIs: true })).toEqual({ ok: false, reason: 'phone-invalid' });
  });

  it('keeps service numbers as bare digits only when asked', () => {
    expect(validatePhone('95588', 'CN', { keepAsIs: true })).toEqual({ ok: true, value: { normalized: '95588', kind: 'kept' } });
    expect(validatePhone('10086', 'CN', { keepAsIs: true })).toEqual({ ok: true, value: { normalized: '10086', kind: 'kept' } });
    expect(validatePhone('+95-5-88', 'CN', { keepAsIs: true })).toEqual({ ok: true, value: { normalized: '95588', kind: 'kept' } });
    expect(validatePhone('12', 'CN', { keepAsIs: true })).toEqual({ ok: false, reason: 'phone-too-short' });
    expect(validatePhone('1'.repeat(21), 'CN', { keepAsIs: true })).toEqual({ ok: false, reason: 'phone-too-long' });
    expect(validatePhone('1'.repeat(20), 'CN', { keepAsIs: true })).toEqual({ ok: true, value: { normalized: '1'.repeat(20), kind: 'kept' } });
  });

  it('prefers validation over keeping when the number is valid', () => {
    expect(validatePhone('138 1234 5678', 'CN', { keepAsIs: true })).toEqual({
      ok: true,
      value: { normalized: '+8613812345678', kind: 'validated' },
    });
  });

  describe('on 574 real organisation numbers', () => {
    const phones = fixturePhones();

    it('reads the fixture', () => {
      expect(phones).toHaveLength(574);
    });

    it('validates exactly what libphonenumber accepts', () => {
      const expected = phones.filter((p) => isValidPhoneNumber(p, 'CN')).length;
      const got = phones.filter((p) => validatePhone(p, 'CN', { keepAsIs: false }).ok).length;
      expect(got).toBe(expected);
      expect(got).toBeGreaterThan(0);
    });

    it('loses none of them when keeping as is', () => {
      const lost = phones.filter((p) => !validatePhone(p, 'CN', { keepAsIs: true }).ok);
      expect(lost).toEqual([]);
      const kinds = phones.map((p) => {
        const r = validatePhone(p, 'CN', { keepAsIs: true });
        return r.ok ? r.value.kind : 'lost';
      });
      expect(kinds.filter((k) => k === 'validated').length).toBe(phones.filter((p) => isValidPhoneNumber(p, 'CN')).length);
    });
  });
});

describe('formatPhoneForDisplay', () => {
  it('formats numbers of the default region nationally', () => {
    expect(formatPhoneForDisplay(validated('13812345678'), 'CN')).toBe('138 1234 5678');
    expect(formatPhoneForDisplay(validated('0755-88888888'), 'CN')).toBe('0755 8888 8888');
    expect(formatPhoneForDisplay(validated('21234567', 'HK'), 'HK')).toBe('2123 4567');
  });

  it('formats foreign numbers internationally', () => {
    expect(formatPhoneForDisplay(validated('13812345678'), 'HK')).toBe('+86 138 1234 5678');
    expect(formatPhoneForDisplay(validated('21234567', 'HK'), 'CN')).toBe('+852 2123 4567');
  });

  it('shows kept numbers as their digits', () => {
    const kept: NormalizedPhone = { normalized: '95588', kind: 'kept' };
    expect(formatPhoneForDisplay(kept, 'CN')).toBe('95588');
  });
});

describe('search digits', () => {
  it('gives the national significant number for validated numbers', () => {
    expect(phoneDigitsForSearch(validated('+86 138-1234-5678'))).toBe('13812345678');
    expect(phoneDigitsForSearch(validated('0755-8888 8888'))).toBe('75588888888');
    expect(phoneDigitsForSearch(validated('(852) 2123 4567', 'HK'))).toBe('21234567');
  });

  it('gives bare digits for kept numbers', () => {
    expect(phoneDigitsForSearch({ normalized: '95588', kind: 'kept' })).toBe('95588');
  });

  it('gives every digit form from one parse', () => {
    expect(phoneSearchDigits(validated('0755-8888 8888'))).toEqual({
      significant: '75588888888',
      nationalDial: '075588888888',
      international: '8675588888888',
    });
    expect(phoneSearchDigits(validated('13812345678'))).toEqual({
      significant: '13812345678',
      nationalDial: '13812345678',
      international: '8613812345678',
    });
    expect(phoneSearchDigits({ normalized: '10086', kind: 'kept' })).toEqual({
      significant: '10086',
      nationalDial: '10086',
      international: '10086',
    });
  });

  it('agrees with phoneDigitsForSearch', () => {
    for (const raw of ['13812345678', '0755-8888 8888', '+852 2123 4567', '+1 800 633 0738']) {
      const p = validated(raw);
      expect(phoneSearchDigits(p).significant).toBe(phoneDigitsForSearch(p));
    }
  });
});
