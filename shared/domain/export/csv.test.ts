import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../import/decode';
import { parseDelimited } from '../import/delimited';
import { csvCell, neutralizeFormula, toCsv } from './csv';

const GOLDEN = new URL('../../../test/fixtures/export/golden/customers.csv', import.meta.url);

const HEADERS = ['name', 'value', 'kind'];
const ROWS = [
  ['=1+1', 2, 'formula'],
  ['+86 138 0013 8000', -5, 'phone text and a negative number'],
  ['-5', null, 'minus as text'],
  ['@SUM(A1:A2)', 3.14, 'at sign'],
  ['\tTAB', 0, 'tab'],
  ['\rCR', -0.5, 'carriage return'],
  ['say "hi"', 'a,b', 'quotes and comma'],
  ['line1\nline2', 'line1\r\nline2', 'new lines'],
  ['张三', '欧阳娜娜', 'chinese'],
  ['a=b', ' leading space', 'not at the start'],
  ['', undefined, 'empty'],
];

describe('toCsv', () => {
  it('matches the committed golden file byte for byte', () => {
    const bytes = new TextEncoder().encode(toCsv(HEADERS, ROWS));
    expect(Buffer.from(bytes).equals(readFileSync(GOLDEN))).toBe(true);
  });

  it('starts with the UTF-8 BOM and ends every line with CRLF', () => {
    const text = toCsv(['a'], [['b']]);
    expect(text).toBe('\uFEFFa\r\nb\r\n');
  });

  it('neutralises only text cells; numbers stay numbers', () => {
    expect(['=A1', '+1', '-1', '@x', '\tx', '\rx', 'x=1', "'x", "'=x"].map(neutralizeFormula)).toEqual(["'=A1", "'+1", "'-1", "'@x", "'\tx", "'\rx", 'x=1', "'x", "''=x"]);
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell('-12.5')).toBe(`"'-12.5"`);
  });

  it('reads back through the import parser with the same text (apart from the apostrophes)', () => {
    const back = parseDelimited(decodeText(readFileSync(GOLDEN)).text);
    expect(back.headers).toEqual(HEADERS);
    expect(back.rows.map((r) => r[0])).toEqual(ROWS.map((r) => (typeof r[0] === 'string' && /^[=+\-@\t\r]/.test(r[0]) ? `'${r[0]}` : r[0])));
    expect(back.rows[7]).toEqual(['line1\nline2', 'line1\r\nline2', 'new lines']);
  });
});
