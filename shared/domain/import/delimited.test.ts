import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode';
import { detectDelimiter, parseDelimited } from './delimited';
import { encodeGbk } from '../../../test/support/gbk';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../shared/data/${name}`, import.meta.url)));

describe('parseDelimited', () => {
  it('parses CRLF, quoted commas, quoted newlines and trailing empty lines; phones stay text', () => {
    const text = '姓名,手机,备注\r\n张三,013812345678,"老客户，喜欢 ""龙井"", 绿茶"\r\n"李\r\n四",+86 139 1234 5678,"两行\r\n备注"\r\n王五,1.0,\r\n\r\n\r\n';
    const t = parseDelimited(text);
    expect(t.delimiter).toBe(',');
    expect(t.headers).toEqual(['姓名', '手机', '备注']);
    expect(t.rows).toEqual([
      ['张三', '013812345678', '老客户，喜欢 "龙井", 绿茶'],
      ['李\r\n四', '+86 139 1234 5678', '两行\r\n备注'],
      ['王五', '1.0', ''],
    ]);
    // Excel numbering: a quoted newline does not shift later rows.
    expect(t.rowNumbers).toEqual([2, 3, 4]);
    expect(t.warnings).toEqual([]);
  });

  it('keeps counting blank rows in the middle, as Excel shows them', () => {
    const t = parseDelimited('Name,Phone\n\nAnn,1\n ,  \nBob,2');
    expect(t.rows).toEqual([['Ann', '1'], ['Bob', '2']]);
    expect(t.rowNumbers).toEqual([3, 5]);
  });

  it('detects tab, semicolon and pipe delimiters', () => {
    expect(parseDelimited('姓名\t手机\n张三\t138, 139\n').delimiter).toBe('\t');
    expect(parseDelimited('Name;Phone;Note\nAnn;1;"a;b"\nBob;2;x, y\n').rows).toEqual([['Ann', '1', 'a;b'], ['Bob', '2', 'x, y']]);
    expect(parseDelimited('a|b\n1|2\n').delimiter).toBe('|');
    // A tiny file with a quoted newline and trailing blank line (papaparse's own guess fails on it).
    expect(detectDelimiter('a;b\r\n"x\r\ny";2\r\n\r\n')).toBe(';');
    // One column: nothing to split.
    expect(parseDelimited('Name\nAnn\nBob\n')).toMatchObject({ headers: ['Name'], rows: [['Ann'], ['Bob']], delimiter: ',' });
  });

  it('honours an explicit delimiter and an Excel sep= line', () => {
    expect(parseDelimited('a;b\n1;2', { delimiter: ',' }).rows).toEqual([['1;2']]);
    const t = parseDelimited('sep=;\r\nName;Phone\r\nAnn;1\r\n');
    expect(t).toMatchObject({ delimiter: ';', headers: ['Name', 'Phone'], rows: [['Ann', '1']], rowNumbers: [2] });
  });

  it('pads short rows, widens for long ones, trims headers and drops a leading BOM', () => {
    const t = parseDelimited('\uFEFF Name , Phone\nAnn\nBob,2,extra\n');
    expect(t.headers).toEqual(['Name', 'Phone', '']);
    expect(t.rows).toEqual([['Ann', '', ''], ['Bob', '2', 'extra']]);
  });

  it('reports an unterminated quote with its row number', () => {
    const t = parseDelimited('Name,Note\nAnn,ok\nBob,"never closed\nCid,x\n');
    expect(t.warnings).toEqual([{ rowNumber: 3, code: 'csv-unterminated-quote' }]);
    expect(t.rowNumbers).toEqual([2, 3]);
  });

  it('handles an empty file and a header-only file', () => {
    expect(parseDelimited('')).toMatchObject({ headers: [], rows: [], rowNumbers: [] });
    expect(parseDelimited('Name,Phone\r\n')).toMatchObject({ headers: ['Name', 'Phone'], rows: [] });
  });

  it('reads a GBK file written by the test end to end', () => {
    const bytes = encodeGbk('客户姓名,联系电话,生日\r\n张三,0755-88888888,1990年5月17日\r\n欧阳娜娜,13812345678,\r\n');
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('gb18030');
    const t = parseDelimited(text);
    expect(t.rows).toEqual([['张三', '0755-88888888', '1990年5月17日'], ['欧阳娜娜', '13812345678', '']]);
  });

  it('parses the Online Retail sample: 4,792 rows, descriptions with commas intact', () => {
    const t = parseDelimited(decodeText(fixture('online-retail-sample.csv')).text);
    expect(t.headers).toEqual(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']);
    expect(t.rows).toHaveLength(4792);
    expect(t.rows.every((r) => r.length === 8)).toBe(true);
    expect(t.rowNumbers.at(-1)).toBe(4793);
    expect(t.rows.filter((r) => r[2]!.includes(',')).length).toBe(86);
  });

  it('parses the organisation phone list with | inside cells', () => {
    const t = parseDelimited(decodeText(fixture('cn-organisation-phones.csv')).text);
    expect(t.delimiter).toBe(',');
    expect(t.rows).toHaveLength(314);
    expect(t.rows.reduce((n, r) => n + r[2]!.split('|').filter(Boolean).length, 0)).toBe(574);
  });
});
