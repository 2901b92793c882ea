import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectAccounted } from '../../../test/support/purchaseImport';
import { parseAmountSubFen, parseAmountToFen, parseQuantity } from './amounts';
import { decodeText } from './decode';
import { parseDelimited } from './delimited';
import {
  detectPurchaseFormat,
  importOnlineRetail,
  importPurchases,
  normalizeExternalId,
  parseItemsText,
  resolvePurchaseCustomers,
  suggestPurchaseMapping,
} from './purchasesImport';
import type { TabularData } from './tabular';

const RAW = readFileSync(new URL('../../../../shared/data/online-retail-sample.csv', import.meta.url), 'utf8');
const CTX = { currency: 'GBP' as const, now: new Date(2025, 5, 15), defaultRegion: 'CN' as const };

/** A CSV line splitter written for this test only, independent of papaparse (the sample has no quoted newlines). */
function naiveCsv(text: string): string[][] {
  return text.split(/\r?\n/).filter((l) => l !== '').map((line) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted && ch === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) { cells.push(cell); cell = ''; }
      else cell += ch;
    }
    cells.push(cell);
    return cells;
  });
}


describe('amounts', () => {
  it('parses decimal text to fen without floating point', () => {
    expect(parseAmountToFen('2.55')).toEqual({ fen: 255, rounded: false });
    expect(parseAmountToFen('0.0')).toEqual({ fen: 0, rounded: false });
    expect(parseAmountToFen('11062.06')).toEqual({ fen: 1106206, rounded: false });
    expect(parseAmountToFen('0.001')).toEqual({ fen: 0, rounded: true });
    expect(parseAmountToFen('0.005')).toEqual({ fen: 1, rounded: true });
    expect(parseAmountToFen('-0.005')).toEqual({ fen: -1, rounded: true });
    expect(parseAmountToFen('¥1,234.5')).toEqual({ fen: 123450, rounded: false });
    expect(parseAmountToFen('(12.00)')).toEqual({ fen: -1200, rounded: false });
    expect(parseAmountToFen('.5')).toEqual({ fen: 50, rounded: false });
    expect(parseAmountToFen('1.13')).toEqual({ fen: 113, rounded: false }); // 1.13 * 100 = 112.99999999999999 in floats
    for (const bad of ['', 'abc', '1.2.3', '1.23456', '12,5', '--1']) expect(parseAmountSubFen(bad), bad).toBeNull();
  });

  it('parses whole quantities', () => {
    expect(['6', '-12', '6.0', '1,000', ' 3 '].map(parseQuantity)).toEqual([6, -12, 6, 1000, 3]);
    expect(['1.5', 'x', ''].map(parseQuantity)).toEqual([null, null, null]);
  });

  it('normalises customer numbers', () => {
    expect(['17850.0', '17850', ' 12346 ', 'C-77'].map(normalizeExternalId)).toEqual(['17850', '17850', '12346', 'C-77']);
    expect(['', '0.0', '0', 'nan', 'NaN', 'None', 'NULL'].map(normalizeExternalId)).toEqual(Array(7).fill(null));
  });
});

describe('Online Retail import of the real sample', () => {
  const table = parseDelimited(RAW);
  const result = importPurchases(table, CTX);

  it('is detected by its headers', () => {
    expect(detectPurchaseFormat(table.headers)).toBe('online-retail');
    expect(detectPurchaseFormat(['Invoice', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'Price', 'Customer ID', 'Country'])).toBe('online-retail');
    expect(detectPurchaseFormat(['日期', '金额', '手机'])).toBe('simple');
  });

  it('accounts for every row, and agrees with an independent count', () => {
    const [header, ...rows] = naiveCsv(RAW);
    const col = (name: string) => header!.indexOf(name);
    const [inv, qty, price, cust] = ['InvoiceNo', 'Quantity', 'UnitPrice', 'CustomerID'].map(col) as [number, number, number, number];
    const withCustomer = rows.filter((r) => r[cust] !== '0.0' && r[cust] !== '');
    const totals = new Map<string, number>();
    for (const r of withCustomer) totals.set(r[inv]!, (totals.get(r[inv]!) ?? 0) + Number(r[qty]) * Math.round(Number(r[price]) * 100));
    const independent = {
      totalRows: rows.length,
      skippedNoCustomer: rows.length - withCustomer.length,
      invoicesInFile: new Set(rows.map((r) => r[inv])).size,
      purchases: totals.size,
      returns: [...totals].filter(([k, v]) => k.startsWith('C') || v < 0).length,
      customers: new Set(withCustomer.map((r) => r[cust])).size,
      cancellationRows: rows.filter((r) => r[inv]!.startsWith('C')).length,
      negativeQuantityRows: rows.filter((r) => Number(r[qty]) < 0).length,
      sumFen: [...totals.values()].reduce((a, b) => a + b, 0),
    };
    // The facts PROVENANCE.md states about the file: 4,792 rows, 2,093 invoices, 58 cancellation
    // lines, 520 negative quantities; 875 distinct CustomerID values counting the "0.0" placeholder.
    expect(independent).toMatchObject({ totalRows: 4792, invoicesInFile: 2093, cancellationRows: 58, negativeQuantityRows: 520 });
    expect(new Set(rows.map((r) => r[cust])).size).toBe(875);

    const { report } = result;
    expect(report).toMatchObject({
      totalRows: independent.totalRows,
      importedRows: independent.totalRows - independent.skippedNoCustomer,
      skippedNoCustomer: independent.skippedNoCustomer,
      purchases: independent.purchases,
      returns: independent.returns,
      badRows: [],
    });
    expect(result.customers).toHaveLength(independent.customers);
    expect(result.purchases.reduce((n, p) => n + p.fields.totalFen, 0)).toBe(independent.sumFen);
    expectAccounted(result);

    // The numbers themselves, for the record.
    expect({ ...report, skippedNoCustomerRows: report.skippedNoCustomerRows.length, warnings: report.warnings.length }).toEqual({
      totalRows: 4792, importedRows: 2908, purchases: 1223, returns: 42, skippedNoCustomer: 1884, skippedNoCustomerRows: 1884,
      badRows: [], warnings: 1,
    });
    expect(independent.customers).toBe(874);
    expect(independent.sumFen).toBe(35_142_493);
  });

  it('groups lines by invoice, in fen, at the earliest line time', () => {
    const first = result.purchases.find((p) => p.externalRef === '536365')!;
    expect(first.customerRef).toEqual({ externalId: '17850' });
    expect(first.fields.lines).toHaveLength(7);
    expect(first.fields.lines[0]).toEqual({ product: 'WHITE HANGING HEART T-LIGHT HOLDER', category: '', quantity: 6, unitPriceFen: 255 });
    expect(first.fields).toMatchObject({ subtotalFen: 13912, totalFen: 13912, discountFen: 0, purchasedAt: new Date(2010, 11, 1, 8, 26).toISOString() });
    expect(first.isReturn).toBe(false);
    const split = result.purchases.find((p) => p.externalRef === '543777');
    if (split) expect(split.fields.purchasedAt).toBe(new Date(2011, 1, 11, 16, 19).toISOString());
  });

  it('records "C" invoices as returns with negative quantities at the original price', () => {
    const c = result.purchases.find((p) => p.externalRef === 'C536379')!;
    expect(c).toMatchObject({ isReturn: true, fields: { totalFen: -2750 } });
    expect(c.fields.lines.every((l) => l.quantity < 0 && l.unitPriceFen >= 0)).toBe(true);
  });

  it('lists the customers to create with their country, and reports the sub-fen price', () => {
    expect(result.customers[0]).toEqual({ externalId: '17850', country: 'United Kingdom', firstRowNumber: 2 });
    expect(result.customers.every((c) => /^\d+$/.test(c.externalId))).toBe(true);
    expect(result.report.warnings).toEqual([{ rowNumber: expect.any(Number), code: 'price-rounded-to-fen', value: '0.001' }]);
  });

  it('reads the original UCI date spelling (12/1/2010 8:26) to the same times', () => {
    const us = RAW.replace(/(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):00/g, (_, y, m, d, h, mi) => `${Number(m)}/${Number(d)}/${y} ${Number(h)}:${mi}`);
    expect(us).toContain('12/1/2010 8:26');
    const again = importPurchases(parseDelimited(us), CTX);
    expect(again.purchases.map((p) => p.fields.purchasedAt)).toEqual(result.purchases.map((p) => p.fields.purchasedAt));
  });
});

describe('Online Retail with bad rows', () => {
  const H = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
  const t = (rows: string[][]): TabularData => ({ headers: H, rows, rowNumbers: rows.map((_, i) => i + 2) });

  it('reports each bad row once with its code; no customer wins over other problems', () => {
    const r = importOnlineRetail(t([
      ['1', 'A', 'Mug', '2', '2011-01-01 10:00:00', '1.50', '100.0', 'UK'],
      ['1', 'B', 'Cup', 'two', '2011-01-01 10:00:00', '1.50', '100.0', 'UK'],
      ['1', 'C', 'Pot', '1', 'someday', '1.50', '100.0', 'UK'],
      ['1', 'D', 'Jar', '1', '2011-01-01 10:00:00', '-1', '100.0', 'UK'],
      ['1', 'E', 'Box', '1', '2011-01-01 10:00:00', '2', '200.0', 'UK'],
      ['', 'F', 'Tin', '1', '2011-01-01 10:00:00', '2', '100.0', 'UK'],
      ['2', 'G', 'Bag', 'bad', 'bad', 'bad', 'nan', 'UK'],
      ['3', 'H', 'Hat', '1', '2099-01-01 10:00:00', '2', '100.0', 'UK'],
      ['4', 'I', '', '1', '2011-01-01 10:00:00', '2', '100.0', 'UK'],
      ['5', '', '', '1', '2011-01-01 10:00:00', '2', '100.0', 'UK'],
    ]), CTX);
    expect(r.report.badRows).toEqual([
      { rowNumber: 3, code: 'quantity-invalid', value: 'two' },
      { rowNumber: 4, code: 'date-invalid', value: 'someday' },
      { rowNumber: 5, code: 'price-invalid', value: '-1' },
      { rowNumber: 6, code: 'invoice-customer-mismatch', value: '200.0' },
      { rowNumber: 7, code: 'invoice-required', value: '' },
      { rowNumber: 9, code: 'date-in-future', value: '2099-01-01 10:00:00' },
      { rowNumber: 11, code: 'line-product-required', value: '' },
    ]);
    expect(r.report.skippedNoCustomerRows).toEqual([8]);
    // A line without a description is named by its stock code.
    expect(r.purchases.map((p) => [p.externalRef, p.fields.lines.map((l) => l.product)])).toEqual([['1', ['Mug']], ['4', ['I']]]);
    expectAccounted(r);
  });
});

describe('simple purchases', () => {
  const table = (headers: string[], rows: string[][]): TabularData => ({ headers, rows, rowNumbers: rows.map((_, i) => i + 2) });

  it('maps common headers', () => {
    expect(suggestPurchaseMapping(['手机', '姓名', '消费日期', '金额', '商品', '单号', '备注', '门店'])).toEqual({
      0: 'phone', 1: 'name', 2: 'date', 3: 'amount', 4: 'items', 5: 'orderNo', 6: 'note', 7: 'ignore' });
    expect(suggestPurchaseMapping(['Customer', 'Date', 'Total', 'Description', 'Phone'])).toEqual({
      0: 'name', 1: 'date', 2: 'amount', 3: 'items', 4: 'phone' });
  });

  it('parses item text', () => {
    expect(parseItemsText('绿茶 x2, 红茶，普洱×3、Cup*10')).toEqual([
      { product: '绿茶', quantity: 2 }, { product: '红茶', quantity: 1 }, { product: '普洱', quantity: 3 }, { product: 'Cup', quantity: 10 }]);
  });

  it('one purchase per row, with customer references, returns and errors', () => {
    const r = importPurchases(table(['手机', '姓名', '日期', '金额', '商品', '单号'], [
      ['138 1234 5678', '张三', '2024-03-05 14:30', '¥128.00', '龙井 x2', 'A001'],
      ['', '李四', '2024/3/6', '58', '绿茶, 红茶', ''],
      ['', '', '2024-03-07', '10', '', ''],
      ['13912345678', '', '2024-03-08', '-30', '', ''],
      ['13912345678', '', '', '30', '', ''],
      ['13912345678', '', '2024-03-08', '12块5', '', ''],
      ['abc', '', '2024-03-08', '1', '', ''],
      ['95588', '', '2024-03-08', '', '', ''],
    ]), { ...CTX, currency: 'CNY' });
    expect(r.format).toBe('simple');
    expect(r.purchases.map((p) => [p.rowNumbers[0], p.customerRef, p.fields.totalFen, p.isReturn, p.externalRef])).toEqual([
      [2, { phone: '138 1234 5678', phoneKey: '+8613812345678', name: '张三' }, 12800, false, 'A001'],
      [3, { name: '李四' }, 5800, false, null],
      [5, { phone: '13912345678', phoneKey: '+8613912345678' }, -3000, true, null],
    ]);
    expect(r.purchases[0]!.fields).toMatchObject({ purchasedAt: new Date(2024, 2, 5, 14, 30).toISOString(), lines: [{ product: '龙井', quantity: 2, unitPriceFen: 6400 }] });
    expect(r.purchases[1]!.fields).toMatchObject({ purchasedAt: new Date(2024, 2, 6, 12).toISOString(), lines: [], note: '绿茶, 红茶' });
    expect(r.report.skippedNoCustomerRows).toEqual([4]);
    expect(r.report.badRows).toEqual([
      { rowNumber: 6, code: 'date-required', value: '' },
      { rowNumber: 7, code: 'amount-invalid', value: '12块5' },
      { rowNumber: 8, code: 'phone-bad-characters', value: 'abc' },
      { rowNumber: 9, code: 'amount-required', value: '' },
    ]);
    expectAccounted(r);

    const lookup = resolvePurchaseCustomers(r.purchases, {
      byPhone: (k) => (k === '+8613812345678' ? 'c1' : undefined),
      byName: (n) => (n === '李四' ? ['c2', 'c3'] : []),
    });
    expect(lookup.resolved.map((x) => x.customerId)).toEqual(['c1']);
    expect(lookup.unresolved.map((x) => [x.purchase.rowNumbers[0], x.code])).toEqual([[3, 'customer-ambiguous'], [5, 'customer-not-found']]);
  });

  it('reads a purchases file from text end to end', () => {
    const t = parseDelimited(decodeText(new TextEncoder().encode('Phone;Date;Amount\r\n13812345678;3/5/2024;12.50\r\n')).text);
    const r = importPurchases(t, { ...CTX, currency: 'CNY' });
    expect(r.purchases[0]!.fields.totalFen).toBe(1250);
  });
});

describe('date order held strictly', () => {
  it('names a row whose date reads only in the other order, instead of swapping it', () => {
    const table = parseDelimited('日期,手机,金额\r\n03/04/2024,13812345678,10\r\n13/04/2024,13812345678,20\r\n05/06/2024,13812345678,30\r\n');
    const strict = importPurchases(table, { ...CTX, dateOrder: 'mdy', strictDateOrder: true });
    expect(strict.report.badRows.map((r) => [r.rowNumber, r.code])).toEqual([[3, 'date-order-impossible']]);
    const dmy = importPurchases(table, { ...CTX, dateOrder: 'dmy', strictDateOrder: true });
    expect(dmy.report.badRows).toEqual([]);
    // Not strict (as before): the part above 12 decides for its own row.
    expect(importPurchases(table, { ...CTX, dateOrder: 'mdy' }).report.badRows).toEqual([]);
  });
});
