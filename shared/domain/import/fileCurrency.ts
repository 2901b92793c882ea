// Which currency a purchases file's amounts are in, as far as the file says: signs and codes in the
// amount cells (£2.55, US$12, 12 GBP), in their headers ("UnitPrice (GBP)", "金额（美元）"), a
// currency column, or a known data set (the UCI Online Retail prices are in sterling). The import
// reads amounts in the store's currency without converting, so a different one must be named first.
import { CURRENCIES, type Currency } from '../money';
import { normalizeHeader } from './customerMapping';
import type { TabularData } from './tabular';

export const CURRENCY_EVIDENCE_SOURCES = ['cell', 'header', 'column', 'format'] as const;
export type CurrencyEvidenceSource = (typeof CURRENCY_EVIDENCE_SOURCES)[number];

export interface CurrencyEvidence {
  /** As written in the file ('£', 'US$', 'GBP', '美元'); for 'format', the data set's name. */
  mark: string;
  /** What the mark can mean: one currency, or several for a bare $ or ¥. */
  currencies: Currency[];
  source: CurrencyEvidenceSource;
  /** The header of the column it was found in ('' for 'format'). */
  column: string;
  /** The first row it was seen on (null for a header or the format). */
  rowNumber: number | null;
  /** Cells (or rows of a currency column) that carry it. */
  count: number;
}

const DOLLARS: Currency[] = ['USD', 'HKD', 'TWD', 'SGD', 'AUD', 'CAD', 'MOP'];

/** Marks people write around amounts, and what each can mean. Codes are matched as whole words. */
const MARKS: [string, Currency[]][] = [
  ['US$', ['USD']], ['HK$', ['HKD']], ['NT$', ['TWD']], ['MOP$', ['MOP']], ['S$', ['SGD']], ['A$', ['AUD']], ['C$', ['CAD']],
  ['RMB', ['CNY']], ['RM', ['MYR']],
  ['人民币', ['CNY']], ['人民幣', ['CNY']], ['港币', ['HKD']], ['港幣', ['HKD']], ['港元', ['HKD']], ['美元', ['USD']], ['美金', ['USD']],
  ['英镑', ['GBP']], ['英鎊', ['GBP']], ['欧元', ['EUR']], ['歐元', ['EUR']], ['日元', ['JPY']], ['日圓', ['JPY']], ['新台币', ['TWD']],
  ['新台幣', ['TWD']], ['台币', ['TWD']], ['台幣', ['TWD']], ['澳门元', ['MOP']], ['澳門元', ['MOP']], ['澳元', ['AUD']], ['加元', ['CAD']],
  ['新加坡元', ['SGD']], ['新币', ['SGD']], ['林吉特', ['MYR']],
  ['£', ['GBP']], ['€', ['EUR']], ['円', ['JPY']], ['¥', ['CNY', 'JPY']], ['元', ['CNY', 'TWD', 'HKD', 'MOP']], ['圆', ['CNY']], ['块', ['CNY']],
  ['$', DOLLARS],
  ...CURRENCIES.map((c): [string, Currency[]] => [c, [c]]),
];
// Longest first, so US$ is not read as $ and RMB not as RM.
MARKS.sort((a, b) => b[0].length - a[0].length);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isWord = (mark: string) => /^[A-Z]+$/.test(mark);
const MARK_ALTERNATION = MARKS.map(([m]) => escape(m)).join('|');
const NUMBER = '[+-]?\\(?[+-]?[\\d.,]*\\d[\\d.,]*\\)?';
const CELL = new RegExp(`^[+-]?\\s*(${MARK_ALTERNATION})\\s*${NUMBER}$|^${NUMBER}\\s*(${MARK_ALTERNATION})$`, 'i');
const MARK_MEANING = new Map(MARKS.map(([m, c]) => [m.toUpperCase(), c]));

function meaning(mark: string): Currency[] | undefined {
  return MARK_MEANING.get(mark.toUpperCase());
}

/** The currency mark of an amount cell ("£2.55", "12.50 USD", "HK$ 30"), or null for a plain number. */
export function amountCellMark(text: string): string | null {
  // Accounting brackets may hold the mark too: (£5.00).
  const t = text.normalize('NFKC').trim().replace(/^\((.*)\)$/, '$1').trim();
  if (!/\d/.test(t)) return null;
  const m = CELL.exec(t);
  const mark = m?.[1] ?? m?.[2];
  return mark ? (isWord(mark.toUpperCase()) ? mark.toUpperCase() : mark) : null;
}

/** Marks in a header: a code as a whole word ("UnitPrice (GBP)"), a sign or a currency's name. */
export function headerMarks(header: string): string[] {
  const text = header.normalize('NFKC');
  const found: string[] = [];
  let rest = text;
  for (const [mark] of MARKS) {
    const re = isWord(mark) ? new RegExp(`(?<![A-Za-z])${escape(mark)}(?![A-Za-z])`, 'i') : new RegExp(escape(mark));
    if (re.test(rest)) {
      found.push(mark);
      rest = rest.replace(re, ' ');
    }
  }
  // A name found first takes its characters out of the header, so 澳门元 is not also read as 元.
  return found;
}

const CURRENCY_COLUMN_HEADERS = new Set(['币种', '货币', '币别', '幣別', '貨幣', '幣種', '结算币种', '交易币种', 'currency', 'currencycode', 'curr', 'ccy'].map(normalizeHeader));

export interface CurrencyScanInput {
  table: TabularData;
  /** The columns read as money (amount, unit price). */
  moneyColumns: number[];
  /** The file's format, when it is a known data set. */
  format?: 'online-retail' | 'simple';
}

/** Everything in the file that says which currency its amounts are in. */
export function findFileCurrencies({ table, moneyColumns, format }: CurrencyScanInput): CurrencyEvidence[] {
  const found = new Map<string, CurrencyEvidence>();
  const note = (mark: string, source: CurrencyEvidenceSource, column: string, rowNumber: number | null) => {
    const currencies = meaning(mark);
    if (!currencies) return;
    const key = `${source}|${column}|${mark}`;
    const e = found.get(key);
    if (e) e.count++;
    else found.set(key, { mark, currencies, source, column, rowNumber, count: 1 });
  };
  // The UCI Online Retail data set documents UnitPrice as "product price per unit in sterling".
  if (format === 'online-retail') found.set('format', { mark: 'Online Retail (UCI)', currencies: ['GBP'], source: 'format', column: '', rowNumber: null, count: 1 });
  for (const c of moneyColumns) for (const mark of headerMarks(table.headers[c] ?? '')) note(mark, 'header', table.headers[c] ?? '', null);
  const currencyColumns = table.headers.map((h, i) => (CURRENCY_COLUMN_HEADERS.has(normalizeHeader(h)) ? i : -1)).filter((i) => i >= 0);
  table.rows.forEach((row, r) => {
    const rowNumber = table.rowNumbers[r] ?? r + 2;
    for (const c of moneyColumns) {
      const mark = amountCellMark(row[c] ?? '');
      if (mark) note(mark, 'cell', table.headers[c] ?? '', rowNumber);
    }
    for (const c of currencyColumns) {
      const value = (row[c] ?? '').normalize('NFKC').trim();
      if (value) note(isWord(value.toUpperCase()) ? value.toUpperCase() : value, 'column', table.headers[c] ?? '', rowNumber);
    }
  });
  return [...found.values()];
}

/** The evidence that does not fit the store's currency (a bare $ fits a dollar store, ¥ a yuan or yen one). */
export function foreignCurrencies(evidence: readonly CurrencyEvidence[], store: Currency): CurrencyEvidence[] {
  return evidence.filter((e) => !e.currencies.includes(store));
}
