// CSV / TSV text into a header row and rows of raw strings (papaparse does the RFC 4180 work).
//
// Every cell stays a string: no dynamic typing, so 013812345678 keeps its zero and 1.0 stays "1.0".
//
// Row numbers are the ones Excel shows when it opens the same file: the header is row 1 and each
// record is one row, however many lines a quoted cell spans (a text editor would count lines
// instead). Blank records are dropped from `rows` but still counted, as Excel shows them as empty
// rows. An Excel "sep=;" first line is honoured and not counted (Excel hides it).
import Papa from 'papaparse';
import type { ParseError } from 'papaparse';
import { layOutRows, type SheetRow, type TableLayout } from './layout';
import type { TabularData } from './tabular';

export const DELIMITERS = [',', '\t', ';', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Problems the parser recovered from; the preview can show them with the row number. */
export const DELIMITED_WARNINGS = ['csv-unterminated-quote', 'csv-malformed-quote'] as const;
export type DelimitedWarning = (typeof DELIMITED_WARNINGS)[number];

export interface DelimitedData extends TabularData, TableLayout {
  delimiter: Delimiter;
  warnings: { rowNumber: number; code: DelimitedWarning }[];
}

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 50;

const isBlankRecord = (cells: string[]) => cells.every((c) => c.trim() === '');

/**
 * The candidate that splits the header into more than one field and gives the most records the
 * header's field count; ties go to the earlier candidate (, then tab, then ; then |).
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.slice(0, SAMPLE_CHARS);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const records = Papa.parse(sample, { delimiter }).data.filter((r) => !isBlankRecord(r)).slice(0, SAMPLE_RECORDS);
    // The commonest field count, so a title line above the header does not decide it.
    const width = commonestLength(records);
    if (width < 2) continue;
    const same = records.filter((r) => r.length === width).length;
    // Consistency first; a wider header breaks ties between equally consistent candidates.
    const score = same / records.length + width / 1e6;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

const SEP_LINE = /^sep=(.)\r?\n/i;

function commonestLength(records: string[][]): number {
  const counts = new Map<number, number>();
  let best = 0;
  for (const r of records) {
    const n = (counts.get(r.length) ?? 0) + 1;
    counts.set(r.length, n);
    if (n > (counts.get(best) ?? 0)) best = r.length;
  }
  return best;
}

/**
 * `headerRow` (a row number as Excel shows it) overrides the detected header row; rows above the
 * header (a title, notes) are not data.
 */
export function parseDelimited(input: string, opts: { delimiter?: Delimiter; headerRow?: number | null } = {}): DelimitedData {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let delimiter = opts.delimiter;
  const sep = SEP_LINE.exec(text);
  if (sep) {
    text = text.slice(sep[0].length);
    const declared = sep[1] as Delimiter;
    if (!delimiter && (DELIMITERS as readonly string[]).includes(declared)) delimiter = declared;
  }
  delimiter ??= detectDelimiter(text);

  const parsed = Papa.parse(text, { delimiter, skipEmptyLines: false, dynamicTyping: false, header: false });
  const records = parsed.data;
  // Papa reports a trailing line break as one last empty record; Excel shows no row for it.
  if (records.length > 0 && isBlankRecord(records[records.length - 1]!) && /\r?\n$|\r$/.test(text)) records.pop();

  const nonBlank: SheetRow[] = [];
  records.forEach((cells, i) => {
    if (!isBlankRecord(cells)) nonBlank.push({ number: i + 1, cells });
  });
  const table = layOutRows(nonBlank, opts.headerRow);

  const warnings = parsed.errors.flatMap((e: ParseError) => {
    const code: DelimitedWarning | null =
      e.code === 'MissingQuotes' ? 'csv-unterminated-quote' : e.code === 'InvalidQuotes' ? 'csv-malformed-quote' : null;
    return code && e.row !== undefined ? [{ rowNumber: e.row + 1, code }] : [];
  });
  return { ...table, delimiter, warnings: dedupe(warnings) };
}

function dedupe<T extends { rowNumber: number; code: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((w) => {
    const key = `${w.rowNumber}:${w.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
