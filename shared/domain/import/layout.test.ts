import { describe, expect, it } from 'vitest';
import { parseDelimited } from './delimited';
import { chooseSheet, findHeaderRow, layOutRows, layOutWorkbook, type SheetRow } from './layout';

const rows = (...lines: string[][]): SheetRow[] => lines.map((cells, i) => ({ number: i + 1, cells }));

describe('findHeaderRow', () => {
  it('finds the header under a title, a date line and a blank row, in CSV', () => {
    const t = parseDelimited('会员消费明细表,,,\n导出日期：2025-06-01,,,\n\n订单号,会员手机,商品,金额\nA1,13812345678,绿茶,18\n');
    expect(t.headerRowNumber).toBe(4);
    expect(t.headers).toEqual(['订单号', '会员手机', '商品', '金额']);
    expect(t.rowNumbers).toEqual([5]);
    expect(t.leadingRows.map((r) => r.number)).toEqual([1, 2, 4, 5]);
  });

  it('finds it under a title line written without delimiters', () => {
    const t = parseDelimited('Customer list\nName,Phone,Email\nAnn,13812345678,a@b.cn\nBob,13912345678,\n');
    expect(t.delimiter).toBe(',');
    expect(t.headers).toEqual(['Name', 'Phone', 'Email']);
    expect(t.rows).toHaveLength(2);
  });

  it('prefers the row with the most known headers; a one-cell title never wins in a wide sheet', () => {
    expect(findHeaderRow(rows(['客户'], ['姓名', '手机'], ['张三', '13812345678']))).toBe(1);
    expect(findHeaderRow(rows(['说明', '请填写手机'], ['姓名', '手机', '生日'], ['张三', '13812345678', '']))).toBe(1);
  });

  it('without known headers takes the first row of two or more cells; a one-column file its first row', () => {
    expect(findHeaderRow(rows(['Report'], ['foo', 'bar'], ['1', '2']))).toBe(1);
    expect(findHeaderRow(rows(['姓名'], ['张三'], ['李四']))).toBe(0);
    expect(findHeaderRow(rows(['x'], ['y']))).toBe(0);
  });

  it('keeps a plain file as it was: the header on row 1', () => {
    const t = parseDelimited('姓名,手机\n张三,13812345678\n');
    expect(t.headerRowNumber).toBe(1);
    expect(t.rowNumbers).toEqual([2]);
  });

  it('takes the clerk’s header row; one that does not exist falls back to the detected one', () => {
    const text = '客户名单,\n姓名,手机\n张三,13812345678\n';
    expect(parseDelimited(text, { headerRow: 1 }).headers).toEqual(['客户名单', '']);
    expect(parseDelimited(text, { headerRow: 1 }).rowNumbers).toEqual([2, 3]);
    expect(parseDelimited(text, { headerRow: 99 }).headerRowNumber).toBe(2);
    expect(layOutRows(rows(['a', 'b'], ['1', '2']), 2).headers).toEqual(['1', '2']);
  });
});

describe('chooseSheet', () => {
  const instructions = { name: '说明', rows: rows(['请在下一个工作表填写。'], ['每行一位客户，手机必填。'], ['谢谢']) };
  const data = { name: 'Sheet2', rows: rows(['姓名', '手机'], ['张三', '13812345678']) };
  const unknownData = { name: 'Raw', rows: rows(['a', 'b'], ['1', '2']) };

  it('passes over prose and prefers known headers', () => {
    expect(chooseSheet([instructions, data])).toBe(1);
    expect(chooseSheet([unknownData, data])).toBe(1);
    expect(chooseSheet([instructions, unknownData])).toBe(1);
    expect(chooseSheet([instructions])).toBe(0);
  });

  it('takes the clerk’s sheet by name', () => {
    expect(chooseSheet([instructions, data], '说明')).toBe(0);
    expect(chooseSheet([instructions, data], 'nope')).toBe(1);
  });

  it('summarises every sheet for the choice', () => {
    const t = layOutWorkbook([instructions, data]);
    expect(t.sheetName).toBe('Sheet2');
    expect(t.sheets.map((s) => s.looksLikeData)).toEqual([false, true]);
    expect(layOutWorkbook([]).headers).toEqual([]);
  });
});
