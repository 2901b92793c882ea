// CSV for Excel: UTF-8 with a byte-order mark (so Excel shows Chinese), CRLF line ends, RFC 4180
// quoting, and formula-injection neutralisation.
//
// Neutralisation (OWASP "CSV injection"): a TEXT cell starting with = + - @ TAB or CR gets a leading
// apostrophe and is quoted, so Excel shows it as text instead of evaluating it. Only string cells
// are touched: numbers (amounts, counts) are written as numbers, so -5 stays a negative number you
// can sum, while the text "-5" or "+86 138…" becomes '-5 / '+86 138… . Callers therefore pass
// numeric values as numbers, never as preformatted strings. Text that already starts with apostrophes
// before such a character ('=x) gets one more, so the import, which takes exactly one off
// (shared/domain/import/ownExport.ts), gives back what was written.

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export const CSV_BOM = '\uFEFF';

/** The text Excel must not read as a formula, with its leading apostrophe; other text unchanged. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const GUARDED = /^'(?='*[=+\-@\t\r])/;
const APOSTROPHES_BEFORE_FORMULA = /^'+[=+\-@\t\r]/;

/** Takes the guard off: one leading apostrophe before what would be a formula ('=1+1 → =1+1, ''=x → '=x). */
export function unguardFormula(text: string): string {
  return text.replace(GUARDED, '');
}

/**
 * For XLSX, where text cells are never evaluated and get no guard: only text that already looks guarded
 * ('=x) gets one more apostrophe, so unguardFormula gives it back as it was.
 */
export function guardApostrophes(text: string): string {
  return APOSTROPHES_BEFORE_FORMULA.test(text) ? `'${text}` : text;
}

/** One cell as CSV text. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const neutral = FORMULA_START.test(value);
  const text = neutral ? `'${value}` : value;
  return neutral || NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, header row, data rows, each line ended by CRLF. */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [headers, ...rows].map((row) => row.map(csvCell).join(','));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
