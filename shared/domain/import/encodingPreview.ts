// What the clerk sees to judge an encoding: the first names of the file as each encoding reads them.
import { decodeText, platformTextDecoder, WEIGHED_ENCODINGS, type TextDecoderFactory, type TextEncodingName } from './decode';
import { parseDelimited } from './delimited';
import type { TabularData } from './tabular';

export interface EncodingSample {
  encoding: TextEncodingName;
  values: string[];
}

/** How many values a sample shows, and how much of the file is read for the other encodings. */
const SAMPLE_VALUES = 3;
const HEAD_BYTES = 32 * 1024;

/** The column whose text shows an encoding best: the name column, else the first with non-ASCII text. */
export function sampleColumn(table: Pick<TabularData, 'rows'>, nameColumn: number | undefined): number {
  if (nameColumn !== undefined) return nameColumn;
  const rows = table.rows.slice(0, 50);
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (let c = 0; c < width; c++) if (rows.some((r) => /[\u0080-\uffff]/.test(r[c] ?? ''))) return c;
  return 0;
}

/** The first non-empty values of a column, preferring ones with non-ASCII text (they show the encoding). */
export function sampleValues(table: Pick<TabularData, 'rows'>, column: number): string[] {
  const values = table.rows.map((r) => (r[column] ?? '').trim()).filter(Boolean);
  const telling = values.filter((v) => /[\u0080-\uffff]/.test(v));
  return (telling.length > 0 ? telling : values).slice(0, SAMPLE_VALUES);
}

/**
 * The same column's first values in each of the other weighed encodings (UTF-8, GBK, Big5), read from
 * the first 32 KB of the file, so one click can switch to the encoding whose names read right.
 */
export function samplesInOtherEncodings(
  bytes: Uint8Array,
  current: TextEncodingName,
  column: number,
  makeDecoder: TextDecoderFactory = platformTextDecoder,
): EncodingSample[] {
  let head = bytes.subarray(0, HEAD_BYTES);
  if (bytes.length > HEAD_BYTES) {
    const lastNewline = head.lastIndexOf(0x0a);
    if (lastNewline > 0) head = head.subarray(0, lastNewline + 1);
  }
  return WEIGHED_ENCODINGS.filter((e) => e !== current).map((encoding) => ({
    encoding,
    values: sampleValues(parseDelimited(decodeText(head, encoding, makeDecoder).text), column),
  }));
}
