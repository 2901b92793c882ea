// Money as integer minor units (fen, cents): the store's currencies, display, and parsing what the clerk types.
import { err, ok, type Result } from '../result';

export const CURRENCIES = ['CNY', 'HKD', 'TWD', 'MOP', 'USD', 'EUR', 'GBP', 'JPY', 'SGD', 'MYR', 'AUD', 'CAD'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** ISO 4217 minor-unit digits. TWD is 2 in ISO even though cash prices are whole dollars; we keep ISO. */
export const CURRENCY_MINOR_DIGITS: Readonly<Record<Currency, number>> = {
  CNY: 2,
  HKD: 2,
  TWD: 2,
  MOP: 2,
  USD: 2,
  EUR: 2,
  GBP: 2,
  JPY: 0,
  SGD: 2,
  MYR: 2,
  AUD: 2,
  CAD: 2,
};

/**
 * Largest amount one field may hold, in minor units (999,999,999.99 yuan). Kept far below
 * Number.MAX_SAFE_INTEGER so that sums over a customer's purchases stay exact integers.
 */
export const MAX_MINOR_UNITS = 99_999_999_999;

export const MONEY_ERRORS = ['money-invalid', 'money-too-large'] as const;
export type MoneyError = (typeof MONEY_ERRORS)[number];

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && (CURRENCIES as readonly string[]).includes(value);
}

/** Throws unless n is a safe integer: money crossing a module boundary is never a float. */
export function assertMinorUnits(n: number, what = 'amount'): void {
  if (!Number.isSafeInteger(n)) throw new TypeError(`${what} must be an integer count of minor units, got ${String(n)}`);
}

/** The exact decimal text of an amount without symbol or grouping: 1250 CNY → "12.50", -5 → "-0.05", 1234 JPY → "1234". */
export function minorUnitsToDecimal(minor: number, currency: Currency): string {
  assertMinorUnits(minor);
  const digits = CURRENCY_MINOR_DIGITS[currency];
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor));
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

// Building a NumberFormat costs far more than using one; a list formats many cells with few formats.
const formatters = new Map<string, Intl.NumberFormat>();

/** Formats minor units for display in the given locale, e.g. 123450 CNY zh-CN → "¥1,234.50". */
export function formatMoney(minor: number, currency: Currency, locale: string): string {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = CURRENCY_MINOR_DIGITS[currency];
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, formatter);
  }
  // A decimal string keeps the value exact; dividing by 100 would go through a binary float.
  return formatter.format(minorUnitsToDecimal(minor, currency) as `${number}`);
}

// Symbols and words people put around an amount; stripped before the number is read.
// Only at the start or the end: "12块5" (colloquial 12.50) must be refused, not read as 125.
const MARK = '(?:HK\\$|NT\\$|US\\$|MOP\\$|S\\$|A\\$|C\\$|RMB|RM|CNY|HKD|TWD|MOP|USD|EUR|GBP|JPY|SGD|MYR|AUD|CAD|[¥$€£円元圆块])';
const LEADING_MARK = new RegExp(`^${MARK}`, 'iu');
const TRAILING_MARK = new RegExp(`${MARK}$`, 'iu');
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Reads an amount as typed ("12", "12.5", "¥12.50", "1,234.5", "１２．５", "12。5", "-3") into minor units.
 * Commas are only accepted as thousands separators in groups of three ("12,5" is refused, not guessed).
 * More decimals than the currency has is refused, even trailing zeros: "1.500" may mean 1500. Imports
 * of machine-written numbers ("0.001" in a price column) can ask for rounding half away from zero instead.
 */
export function parseMoney(text: string, currency: Currency, opts: { roundExtraDecimals?: boolean } = {}): Result<number, MoneyError> {
  let t = text.normalize('NFKC').replace(/。/g, '.').replace(/[\s\u00a0]+/g, '');
  let negative = false;
  if (/^[-−]/.test(t)) {
    negative = true;
    t = t.slice(1);
  }
  t = t.replace(LEADING_MARK, '').replace(TRAILING_MARK, '');
  if (!negative && /^[-−]/.test(t)) {
    negative = true;
    t = t.slice(1);
  }
  if (GROUPED.test(t)) t = t.replace(/,/g, '');
  if (!PLAIN.test(t)) return err('money-invalid');

  const [whole = '', typedFraction = ''] = t.split('.');
  const digits = CURRENCY_MINOR_DIGITS[currency];
  let fraction = typedFraction;
  let carry = 0;
  if (fraction.length > digits) {
    if (!opts.roundExtraDecimals) return err('money-invalid');
    // Half away from zero on the decimal digits themselves, never through a float.
    carry = fraction.charCodeAt(digits) >= 53 /* '5' */ ? 1 : 0;
    fraction = fraction.slice(0, digits);
  }
  const all = (whole + fraction.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  // Compare by length first: Number() of a 20-digit string is no longer exact.
  if (all.length > String(MAX_MINOR_UNITS).length) return err('money-too-large');
  const value = Number(all) + carry;
  if (value > MAX_MINOR_UNITS) return err('money-too-large');
  return ok(negative && value !== 0 ? -value : value);
}
