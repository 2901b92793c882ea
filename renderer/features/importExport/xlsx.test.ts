import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rowsToDrafts, suggestMapping } from '../../../shared/domain/import/customerMapping';
import { cellText } from '../../../shared/domain/import/cells';
import { readXlsx, safeSheetName, writeXlsx } from './xlsx';

async function workbookBytes(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('客户'));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}

describe('readXlsx', () => {
  it('turns cells into the text the user sees', async () => {
    const bytes = await workbookBytes((s) => {
      s.addRow(['姓名', '手机', '座机', '生日', '消费', '备注', '链接']);
      s.addRow(['张三', 13812345678, '013912345678', new Date(Date.UTC(1990, 4, 17)), { formula: '1.1+1.45', result: 2.5500000000000003 }, { richText: [{ text: '老' }, { text: '客户' }] }, { text: '主页', hyperlink: 'http://x' }]);
      s.addRow([]);
      s.addRow(['李四', 13912345678, 1012345678, new Date(Date.UTC(2010, 11, 1, 8, 26)), -5, true, null]);
      s.getCell('C4').numFmt = '00000000000';
    });
    const t = await readXlsx(bytes);
    expect(t.sheetName).toBe('客户');
    expect(t.headers).toEqual(['姓名', '手机', '座机', '生日', '消费', '备注', '链接']);
    expect(t.rows).toEqual([
      ['张三', '13812345678', '013912345678', '1990-05-17', '2.55', '老客户', '主页'],
      ['李四', '13912345678', '01012345678', '2010-12-01 08:26:00', '-5', 'TRUE', ''],
    ]);
    expect(t.rowNumbers).toEqual([2, 4]);
  });

  it('reads the surname workbook (1,074 surnames)', async () => {
    const t = await readXlsx(new Uint8Array(readFileSync(new URL('../../../../shared/data/chinese-surnames.xlsx', import.meta.url))));
    expect(t.headers.slice(0, 2)).toEqual(['NameB', 'TF']);
    expect(t.rows).toHaveLength(1074);
    expect(t.rows.map((r) => r[0])).toEqual(expect.arrayContaining(['欧阳', '皇甫', '尉迟', '单']));
  });

  it('gives rows the customer import takes', async () => {
    const bytes = await workbookBytes((s) => {
      s.addRow(['客户名称', '手机号', '出生日期']);
      s.addRow(['张三', '13812345678', new Date(Date.UTC(1988, 2, 9))]);
    });
    const t = await readXlsx(bytes);
    const r = rowsToDrafts(t, suggestMapping(t.headers), { defaultRegion: 'CN', today: new Date(2025, 5, 15) });
    expect(r.drafts[0]!.fields).toMatchObject({ name: '张三', phones: [{ normalized: '+8613812345678' }], birthday: { year: 1988, month: 3, day: 9 } });
  });
});

describe('writeXlsx', () => {
  it('round-trips text and numbers; formula-looking text stays text', async () => {
    const rows = [['张三', '013812345678', '=1+1', -12.5, 3, null], ['+86 138', '@SUM(A1)', 'a\nb', 0, 1e6, '']];
    const buffer = await writeXlsx([{ name: '客户', headers: ['name', 'phone', 'note', 'total', 'count', 'empty'], rows }]);
    expect(buffer).toBeInstanceOf(ArrayBuffer);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell('C2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('D2').value).toBe(-12.5);
    const back = await readXlsx(buffer);
    expect(back.rows).toEqual([['张三', '013812345678', '=1+1', '-12.5', '3', ''], ['+86 138', '@SUM(A1)', 'a\nb', '0', '1000000', '']]);
  });

  it('writes several sheets with valid, distinct names', async () => {
    const buffer = await writeXlsx([
      { name: 'Customers', headers: ['a'], rows: [[1]] },
      { name: 'customers', headers: ['b'], rows: [] },
      { name: 'a/b:c*?[d]', headers: ['c'], rows: [] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Customers', 'customers 2', 'a b c   d']);
    expect(safeSheetName('x'.repeat(40), new Set())).toHaveLength(31);
  });
});

describe('cellText', () => {
  it('handles every exceljs value shape', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(12345, '000000')).toBe('012345');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(new Date(Date.UTC(1899, 11, 30, 8, 30)))).toBe('08:30:00');
    expect(cellText({ sharedFormula: 'A1', result: 'x' })).toBe('x');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'h' })).toBe('ab');
  });
});

describe('readXlsx: where the table is', () => {
  it('skips a merged title cell and a note row above the header', async () => {
    const bytes = await workbookBytes((s) => {
      s.addRow(['会员消费明细表']);
      s.mergeCells('A1:E1');
      s.addRow(['导出时间：2025-06-01', '', '', '', '']);
      s.addRow(['订单号', '下单时间', '会员手机', '商品', '金额']);
      s.addRow(['A1', '2025-05-01 10:00', '13812345678', '绿茶', '18']);
    });
    const t = await readXlsx(bytes);
    expect(t.headerRowNumber).toBe(3);
    expect(t.headers).toEqual(['订单号', '下单时间', '会员手机', '商品', '金额']);
    expect(t.rows).toEqual([['A1', '2025-05-01 10:00', '13812345678', '绿茶', '18']]);
    expect(t.rowNumbers).toEqual([4]);
    // The merged title is one cell, not five copies.
    expect(t.leadingRows[0]!.cells).toEqual(['会员消费明细表', '', '', '', '']);
  });

  it('passes over an instructions sheet and lets another sheet or header row be chosen', async () => {
    const wb = new ExcelJS.Workbook();
    const help = wb.addWorksheet('填写说明');
    help.addRow(['请在“客户”工作表中填写，每行一位客户。']);
    help.addRow(['手机号请写 11 位数字。']);
    const data = wb.addWorksheet('客户');
    data.addRow(['客户名单（2025）']);
    data.addRow(['姓名', '手机']);
    data.addRow(['张三', '13812345678']);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);

    const t = await readXlsx(bytes);
    expect(t.sheetName).toBe('客户');
    expect(t.sheets).toEqual([
      { name: '填写说明', rowCount: 2, looksLikeData: false },
      { name: '客户', rowCount: 3, looksLikeData: true },
    ]);
    expect(t.headers).toEqual(['姓名', '手机']);

    const other = await readXlsx(bytes, { sheet: '填写说明' });
    expect(other.sheetName).toBe('填写说明');
    const row1 = await readXlsx(bytes, { headerRow: 1 });
    expect(row1.headers).toEqual(['客户名单（2025）', '']);
    expect(row1.rows).toHaveLength(2);
  });
});
