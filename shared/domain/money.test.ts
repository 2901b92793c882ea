import { describe, expect, it } from 'vitest';
import { assertMinorUnits, CURRENCIES, CURRENCY_MINOR_DIGITS, formatMoney, MAX_MINOR_UNITS, minorUnitsToDecimal, parseMoney } from './money';

describe('parseMoney', () => {
  const cny = (text: string) => parseMoney(text, 'CNY');

  it('reads what clerks type into integer fen', () => {
    expect(cny('12')).toEqual({ ok: true, value: 1200 });
    expect(cny('12.5')).toEqual({ ok: true, value: 1250 });
    expect(cny('12.50')).toEqual({ ok: true, value: 1250 });
    expect(cny('12.')).toEqual({ ok: true, value: 1200 });
    expect(cny('.5')).toEqual({ ok: true, value: 50 });
    expect(cny('0.07')).toEqual({ ok: true, value: 7 });
    expect(cny('007')).toEqual({ ok: true, value: 700 });
    expect(cny('  ¥12.50 ')).toEqual({ ok: true, value: 1250 });
    expect(cny('￥12.50')).toEqual({ ok: true, value: 1250 });
    expect(cny('12.5元')).toEqual({ ok: true, value: 1250 });
    expect(cny('RMB 88')).toEqual({ ok: true, value: 8800 });
    expect(cny('1,234.5')).toEqual({ ok: true, value: 123450 });
    expect(cny('1,234,567')).toEqual({ ok: true, value: 123456700 });
    expect(cny('１２．５０')).toEqual({ ok: true, value: 1250 });
    expect(cny('１，２３４')).toEqual({ ok: true, value: 123400 });
    expect(cny('12。5')).toEqual({ ok: true, value: 1250 });
    expect(cny('1 234.50')).toEqual({ ok: true, value: 123450 });
  });

  it('keeps a sign, for callers that allow negative amounts', () => {
    expect(cny('-12.5')).toEqual({ ok: true, value: -1250 });
    expect(cny('-¥3')).toEqual({ ok: true, value: -300 });
    expect(cny('¥-3')).toEqual({ ok: true, value: -300 });
    expect(cny('-0')).toEqual({ ok: true, value: 0 });
    expect(Object.is((cny('-0') as { value: number }).value, -0)).toBe(false);
  });

  it('refuses what it cannot read without guessing', () => {
    for (const bad of ['', ' ', '.', '-', 'abc', '12a', '1.2.3', '12,5', '1,23', '12,34.5', '12块5', '¥', '1e3', '0x10', '+-1', '12.345', '1.500', 'NaN', 'Infinity']) {
      expect([bad, cny(bad)]).toEqual([bad, { ok: false, reason: 'money-invalid' }]);
    }
  });

  it('rounds extra decimals half away from zero only when asked (imports of machine-written numbers)', () => {
    const round = (text: string, currency: 'CNY' | 'JPY' = 'CNY') => parseMoney(text, currency, { roundExtraDecimals: true });
    expect(round('0.001')).toEqual({ ok: true, value: 0 });
    expect(round('0.005')).toEqual({ ok: true, value: 1 });
    expect(round('2.5500000000000003')).toEqual({ ok: true, value: 255 });
    expect(round('1.999')).toEqual({ ok: true, value: 200 });
    expect(round('-1.235')).toEqual({ ok: true, value: -124 });
    expect(round('12.5', 'JPY')).toEqual({ ok: true, value: 13 });
    expect(round('999999999.995')).toEqual({ ok: false, reason: 'money-too-large' });
    expect(round('12.50')).toEqual({ ok: true, value: 1250 });
  });

  it('follows the currency’s minor digits', () => {
    expect(parseMoney('1234', 'JPY')).toEqual({ ok: true, value: 1234 });
    expect(parseMoney('1,234', 'JPY')).toEqual({ ok: true, value: 1234 });
    expect(parseMoney('12.5', 'JPY')).toEqual({ ok: false, reason: 'money-invalid' });
    expect(parseMoney('12.', 'JPY')).toEqual({ ok: true, value: 12 });
    expect(parseMoney('NT$1,000', 'TWD')).toEqual({ ok: true, value: 100000 });
    expect(parseMoney('HK$ 9.9', 'HKD')).toEqual({ ok: true, value: 990 });
  });

  it('refuses amounts beyond the limit, even ones too long for a float', () => {
    expect(cny('999999999.99')).toEqual({ ok: true, value: MAX_MINOR_UNITS });
    expect(cny('1000000000')).toEqual({ ok: false, reason: 'money-too-large' });
    expect(cny('123456789012345678901234567890')).toEqual({ ok: false, reason: 'money-too-large' });
    expect(cny('0000000000000000000000012')).toEqual({ ok: true, value: 1200 });
  });
});

describe('formatMoney and minorUnitsToDecimal', () => {
  it('formats fen with the currency’s digits, exactly', () => {
    expect(formatMoney(123450, 'CNY', 'zh-CN')).toBe('¥1,234.50');
    expect(formatMoney(-1250, 'CNY', 'zh-CN')).toBe('-¥12.50');
    expect(formatMoney(5, 'CNY', 'en')).toBe('CN¥0.05');
    expect(formatMoney(1234, 'JPY', 'ja')).toBe('￥1,234');
    expect(formatMoney(MAX_MINOR_UNITS, 'USD', 'en')).toBe('$999,999,999.99');
    // 0.29 × 100 is 28.999999999999996 as a float; the string path never goes through one.
    expect(formatMoney(29, 'GBP', 'en-GB')).toBe('£0.29');
  });

  it('gives the plain decimal for edit fields, and round-trips through parseMoney', () => {
    expect(minorUnitsToDecimal(1250, 'CNY')).toBe('12.50');
    expect(minorUnitsToDecimal(-5, 'CNY')).toBe('-0.05');
    expect(minorUnitsToDecimal(0, 'CNY')).toBe('0.00');
    expect(minorUnitsToDecimal(1234, 'JPY')).toBe('1234');
    for (const currency of CURRENCIES) {
      for (const n of [0, 1, 9, 10, 99, 100, 12345, -987654, MAX_MINOR_UNITS]) {
        expect(parseMoney(minorUnitsToDecimal(n, currency), currency)).toEqual({ ok: true, value: n });
      }
    }
  });

  it('knows the ISO digits of every offered currency', () => {
    expect(CURRENCIES.filter((c) => CURRENCY_MINOR_DIGITS[c] !== 2)).toEqual(['JPY']);
    for (const c of CURRENCIES) expect(() => formatMoney(100, c, 'zh-TW')).not.toThrow();
  });
});

describe('assertMinorUnits', () => {
  it('lets integers through and stops floats, NaN and unsafe numbers', () => {
    expect(() => assertMinorUnits(0)).not.toThrow();
    expect(() => assertMinorUnits(-1250)).not.toThrow();
    expect(() => assertMinorUnits(12.5)).toThrow(TypeError);
    expect(() => assertMinorUnits(Number.NaN)).toThrow(TypeError);
    expect(() => assertMinorUnits(2 ** 60, 'total')).toThrow(/total/);
  });
});
