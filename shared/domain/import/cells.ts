// Spreadsheet cell values (as exceljs reads them) to the raw text the import works on.
//
// Typed structurally so shared/ needs no exceljs types: number, string, boolean, Date, rich text
// { richText: [{ text }] }, formulas { formula, result }, hyperlinks { text, hyperlink }, errors { error }.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A Date from a spreadsheet (exceljs gives them in UTC) as yyyy-MM-dd, with the time when it has one. */
export function spreadsheetDateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return date;
  const time = `${pad(h)}:${pad(m)}:${pad(s)}`;
  // Excel's time-only cells sit on its day zero.
  return date === '1899-12-30' ? time : `${date} ${time}`;
}

/**
 * A number as Excel shows it in the General format (15 significant digits, so a formula's
 * 2.5500000000000003 reads 2.55), zero-padded when the cell's number format is all zeros
 * ("000000" keeps a postcode's or phone's leading zeros).
 */
export function spreadsheetNumberText(n: number, numFmt?: string): string {
  if (!Number.isFinite(n)) return '';
  const text = Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
  const fmt = numFmt?.replace(/^"|"$/g, '') ?? '';
  if (/^0+$/.test(fmt) && /^\d+$/.test(text)) return text.padStart(fmt.length, '0');
  return text;
}

/** Any cell value as text. */
export function cellText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return spreadsheetNumberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return spreadsheetDateText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((r: { text?: unknown }) => (typeof r.text === 'string' ? r.text : '')).join('');
    if ('formula' in v || 'sharedFormula' in v || 'result' in v) return cellText(v.result, numFmt);
    if ('hyperlink' in v || 'text' in v) return cellText(v.text ?? v.hyperlink, numFmt);
    if ('error' in v) return '';
  }
  return String(value);
}

const EXCEL_TEXT_FORMULA = /^=\s*"((?:[^"]|"")*)"$/s;

/**
 * Excel's ="013800138000" (a formula whose value is the text, written by exports that want Excel to keep
 * leading zeros and long digits) as that text; any other cell as it is.
 */
export function unwrapExcelTextFormula(text: string): string {
  const m = EXCEL_TEXT_FORMULA.exec(text.trim());
  return m ? m[1]!.replace(/""/g, '"') : text;
}

/** Every cell of a table with Excel's ="…" text formulas read as their text. */
export function unwrapExcelTextFormulas<T extends { rows: string[][] }>(table: T): T {
  return { ...table, rows: table.rows.map((r) => r.map(unwrapExcelTextFormula)) };
}
