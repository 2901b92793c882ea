// Money and quantities read from text without floating point: "2.55" → 255 fen, "¥1,234.5" → 123450,
// "(12.00)" → -1200. Amounts are parsed at 1/100 fen so that a price such as 0.001 is seen, and
// rounded to whole fen (half away from zero) only where a whole amount is needed.

/** Digits kept below the fen: amounts are parsed as integers of 1/100 fen. */
export const SUB_FEN_SCALE = 100;

const CURRENCY = /^(?:rmb|cny|hkd|hk\$|us\$|usd|gbp|eur|twd|nt\$|mop|mop\$|¥|￥|\$|£|€|元)\s*|\s*(?:rmb|cny|hkd|usd|gbp|eur|twd|mop|元|圆|块)$/i;

/**
 * An amount as an integer of 1/100 fen (1/10000 of the currency unit), or null when it is not a
 * plain decimal (more than 4 decimals, letters, two signs…). Accepts a currency sign or code,
 * thousands separators (1,234.50), spaces, a leading + or -, and accounting brackets.
 */
export function parseAmountSubFen(input: string): number | null {
  let text = input.normalize('NFKC').trim().replace(/\s+/g, '');
  if (text === '') return null;
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  // One sign, before or after a currency mark: -¥12, ¥-12.
  let signed = false;
  const takeSign = () => {
    if (signed || !/^[+-]/.test(text)) return;
    signed = true;
    negative = negative !== (text[0] === '-');
    text = text.slice(1);
  };
  takeSign();
  text = text.replace(CURRENCY, '').replace(CURRENCY, '');
  takeSign();
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) text = text.replace(/,/g, '');
  const m = /^(\d*)(?:\.(\d{0,4}))?$/.exec(text);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return null;
  const whole = m[1] === '' ? 0 : Number(m[1]);
  const frac = Number((m[2] ?? '').padEnd(4, '0'));
  const value = whole * 10_000 + frac;
  if (!Number.isSafeInteger(value)) return null;
  return negative && value !== 0 ? -value : value;
}

/** Rounds an integer of 1/100 fen to whole fen, half away from zero. */
export function subFenToFen(subFen: number): number {
  const sign = subFen < 0 ? -1 : 1;
  const abs = Math.abs(subFen);
  return sign * Math.floor((abs + SUB_FEN_SCALE / 2) / SUB_FEN_SCALE) || 0;
}

/** An amount in whole fen; `rounded` when the text had a fraction of a fen (0.001). */
export function parseAmountToFen(text: string): { fen: number; rounded: boolean } | null {
  const sub = parseAmountSubFen(text);
  if (sub === null) return null;
  return { fen: subFenToFen(sub), rounded: sub % SUB_FEN_SCALE !== 0 };
}

/** A whole quantity: "6", "-6", "6.0" (a number column written by pandas); null for 1.5 or text. */
export function parseQuantity(input: string): number | null {
  const text = input.normalize('NFKC').trim().replace(/,/g, '');
  const m = /^([+-]?\d+)(?:\.0*)?$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n || 0 : null;
}
