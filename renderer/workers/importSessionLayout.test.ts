// The import session as the worker runs it, on fake-indexeddb: files that are not tables are refused
// before anything is read or written, and the table is found under titles and past instruction sheets.
import 'fake-indexeddb/auto';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { clockAt } from '../../shared/clock';
import { utcDayOf } from '../../shared/domain/customerFigures';
import { RegularsDatabase } from '../db/database';
import { createImportRepository } from '../db/imports';
import { readXlsx } from '../features/importExport/xlsx';
import { readFileSync } from 'node:fs';
import { createImportSession, CurrencyNotConfirmedError, RefusedFileError, type ImportSession } from './importSession';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let session: ImportSession;
let ids = 0;

beforeEach(() => {
  db = database();
  const now = clockAt('2026-03-01T10:00:00Z');
  const repo = createImportRepository(db, { now, newId: () => `id-${++ids}`, dayOf: utcDayOf });
  session = createImportSession(db, repo, readXlsx, now);
});

const utf8 = (text: string) => new TextEncoder().encode(text);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
const OLE2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

describe('files that are not tables', () => {
  it.each([
    { name: 'screenshot.png', bytes: PNG, kind: 'image' },
    { name: '客户.csv', bytes: PNG, kind: 'image' },
    { name: '会员.xls', bytes: OLE2, kind: 'xls' },
    { name: 'report.pdf', bytes: utf8('%PDF-1.4\n1 0 obj\n'), kind: 'pdf' },
  ])('$name is refused as $kind, and nothing is written', async ({ name, bytes, kind }) => {
    const error = await session.load(name, bytes, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefusedFileError);
    expect((error as RefusedFileError).kind).toBe(kind);
    expect(await db.imports.count()).toBe(0);
    // Nothing is left loaded to import by mistake.
    await expect(session.previewPurchases({ mapping: {}, currency: 'CNY', defaultRegion: 'CN', dateOrder: 'mdy' })).rejects.toThrow('No file loaded');
  });
});

describe('the table in the file', () => {
  it('finds the header under a title in a CSV, and takes the clerk’s header row', async () => {
    const csv = utf8('会员名单,\n姓名,手机\n张三,13812345678\n李四,13912345678\n');
    const file = await session.load('会员.csv', csv, null);
    expect(file.headerRowNumber).toBe(2);
    expect(file.headers).toEqual(['姓名', '手机']);
    expect(file.rowCount).toBe(2);
    expect(file.customerMapping).toEqual({ 0: 'name', 1: 'mobile' });
    expect(file.leadingRows.map((r) => r.number)).toEqual([1, 2, 3, 4]);

    const again = await session.load('会员.csv', csv, null, undefined, { headerRow: 1 });
    expect(again.headerRowNumber).toBe(1);
    expect(again.rowCount).toBe(3);
  });

  it('reads the data sheet of a workbook with an instructions sheet and a merged title, and another sheet on request', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('使用说明').addRow(['请在第二个工作表中填写客户，每行一位。']);
    const sheet = wb.addWorksheet('客户资料');
    sheet.addRow(['2025 年会员登记表']);
    sheet.mergeCells('A1:C1');
    sheet.addRow(['姓名', '手机', '生日']);
    sheet.addRow(['张三', '13812345678', '1990-05-06']);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);

    const file = await session.load('会员.xlsx', bytes, null);
    expect(file.source).toBe('xlsx');
    expect(file.sheetName).toBe('客户资料');
    expect(file.sheets.map((s) => s.name)).toEqual(['使用说明', '客户资料']);
    expect(file.headerRowNumber).toBe(2);
    expect(file.rowCount).toBe(1);
    const preview = await session.previewCustomers({ mapping: file.customerMapping, policy: 'skip', defaultRegion: 'CN', dateOrder: 'mdy' });
    expect(preview.counts.create).toBe(1);

    // A sheet without rows, once chosen, shows as empty (the clerk can choose again), not as an error.
    const other = await session.load('会员.xlsx', bytes, null, undefined, { sheet: '使用说明' });
    expect(other.sheetName).toBe('使用说明');
    expect(other.rowCount).toBe(0);
  });
});

describe('the currency of the amounts (issue 12 item 15)', () => {
  const UCI = new Uint8Array(readFileSync(new URL('../../../shared/data/online-retail-sample.csv', import.meta.url)));

  it('names the Online Retail prices as sterling in a yuan store, and writes nothing until the clerk confirms', async () => {
    const file = await session.load('online-retail-sample.csv', UCI, null);
    const options = { mapping: file.purchaseMapping, currency: 'CNY' as const, defaultRegion: 'CN' as const, dateOrder: 'mdy' as const };
    const preview = await session.previewPurchases(options);
    expect(preview.currency).toMatchObject({ store: 'CNY', foreign: [{ source: 'format', currencies: ['GBP'] }] });
    await expect(session.importPurchases(options, '客户 \u0001', {})).rejects.toBeInstanceOf(CurrencyNotConfirmedError);
    expect(await db.purchases.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
    const done = await session.importPurchases({ ...options, currencyAcknowledged: true }, '客户 \u0001', {});
    expect(done.kind).toBe('purchases');
    expect(await db.purchases.count()).toBe(1223);
  });

  it('has nothing to say of a plain file in a sterling store, and names a £ sign in a yuan store', async () => {
    const uci = await session.load('online-retail-sample.csv', UCI, null);
    const gbp = await session.previewPurchases({ mapping: uci.purchaseMapping, currency: 'GBP', defaultRegion: 'CN', dateOrder: 'mdy' });
    expect(gbp.currency.foreign).toEqual([]);

    // With a BOM, as Excel writes "CSV UTF-8" (a short file of £ without one is at present read as GBK).
    const file = await session.load('sales.csv', utf8('\uFEFFPhone,Date,Amount\n13812345678,2025-01-02,£12.50\n13812345678,2025-01-03,8\n'), null);
    const preview = await session.previewPurchases({ mapping: file.purchaseMapping, currency: 'CNY', defaultRegion: 'CN', dateOrder: 'mdy' });
    expect(preview.currency.foreign).toEqual([{ mark: '£', currencies: ['GBP'], source: 'cell', column: 'Amount', rowNumber: 2, count: 1 }]);
  });
});
