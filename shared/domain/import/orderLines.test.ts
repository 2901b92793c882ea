// Issue 12 item 11: a till's export with one row per item becomes one purchase per order, with its lines.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectAccounted } from '../../../test/support/purchaseImport';
import { parseDelimited } from './delimited';
import { readItemRow } from './orderLines';
import { importPurchases, suggestPurchaseMapping } from './purchasesImport';
import type { TabularData } from './tabular';

const CNY = { currency: 'CNY' as const, now: new Date(2025, 5, 15), defaultRegion: 'CN' as const };
const table = (headers: string[], rows: string[][]): TabularData => ({ headers, rows, rowNumbers: rows.map((_, i) => i + 2) });


describe('readItemRow', () => {
  const row = (quantity: string, unitPrice: string, amount: string, product = '龙井') => readItemRow({ product, quantity, unitPrice, amount });

  it('reads quantity, unit price and amount; a lower amount is a discount', () => {
    expect(row('2', '64.00', '128.00')).toMatchObject({ line: { quantity: 2, unitPriceFen: 6400 }, subtotalFen: 12800, totalFen: 12800 });
    expect(row('1', '98', '88')).toMatchObject({ subtotalFen: 9800, totalFen: 8800 });
    expect(row('', '¥12.5', '')).toMatchObject({ line: { quantity: 1, unitPriceFen: 1250 }, totalFen: 1250 });
    expect(row('3', '', '50')).toMatchObject({ line: { quantity: 3, unitPriceFen: 1667 }, subtotalFen: 5001, totalFen: 5000 });
    expect(row('1', '0.005', '')).toMatchObject({ rounded: true, line: { unitPriceFen: 1 } });
  });

  it('gives a returned item its sign whichever column carries it', () => {
    expect(row('-1', '64', '-64')).toMatchObject({ line: { quantity: -1 }, totalFen: -6400 });
    expect(row('1', '64', '-64')).toMatchObject({ line: { quantity: -1 }, totalFen: -6400 });
    expect(row('-1', '64', '64')).toMatchObject({ line: { quantity: -1 }, totalFen: -6400 });
  });

  it('names what is wrong', () => {
    expect(row('two', '64', '')).toMatchObject({ code: 'quantity-invalid' });
    expect(row('0', '64', '')).toMatchObject({ code: 'quantity-invalid' });
    expect(row('1', 'abc', '')).toMatchObject({ code: 'price-invalid' });
    expect(row('1', '', '12块5')).toMatchObject({ code: 'amount-invalid' });
    expect(row('1', '', '')).toMatchObject({ code: 'amount-required' });
    expect(row('1', '64', '70')).toMatchObject({ code: 'line-amount-mismatch', value: '70' });
    expect(row('1', '64', '', ' ')).toMatchObject({ code: 'line-product-required' });
    expect(row('1', '64', '', '长'.repeat(101))).toMatchObject({ code: 'text-too-long' });
  });
});

describe('a till export with one row per item', () => {
  const TILL = [
    '订单号,下单时间,会员手机,商品,数量,单价,金额',
    'T1001,2025-05-01 10:02,13812345678,龙井,2,64.00,128.00',
    'T1001,2025-05-01 10:02,13812345678,茶点,3,8.00,24.00',
    'T1001,2025-05-01 10:02,13812345678,纸袋,1,0.50,0.50',
    'T1002,2025-05-02 15:40,13912345678,普洱,1,98.00,88.00',
    'T1003,2025-05-03 09:00,13812345678,龙井,-1,64.00,-64.00',
    'T1004,2025-05-04 11:00,,绿茶,1,20.00,20.00',
  ].join('\n');

  it('maps the columns of a Chinese till export, and of an English one', () => {
    expect(suggestPurchaseMapping(parseDelimited(TILL).headers)).toEqual({ 0: 'orderNo', 1: 'date', 2: 'phone', 3: 'items', 4: 'quantity', 5: 'unitPrice', 6: 'amount' });
    expect(suggestPurchaseMapping(['Order No', 'Date', 'Phone', 'Product', 'Qty', 'Unit Price', 'Total'])).toEqual({ 0: 'orderNo', 1: 'date', 2: 'phone', 3: 'items', 4: 'quantity', 5: 'unitPrice', 6: 'amount' });
  });

  it('makes one purchase per order with its line items; the total is the sum; a discount and a return are kept', () => {
    const r = importPurchases(parseDelimited(TILL), CNY);
    expect(r.purchases.map((p) => [p.externalRef, p.rowNumbers, p.fields.totalFen, p.isReturn])).toEqual([
      ['T1001', [2, 3, 4], 15250, false],
      ['T1002', [5], 8800, false],
      ['T1003', [6], -6400, true],
    ]);
    expect(r.purchases[0]!.fields).toMatchObject({
      lines: [
        { product: '龙井', quantity: 2, unitPriceFen: 6400 },
        { product: '茶点', quantity: 3, unitPriceFen: 800 },
        { product: '纸袋', quantity: 1, unitPriceFen: 50 },
      ],
      subtotalFen: 15250,
      discountFen: 0,
    });
    expect(r.purchases[1]!.fields).toMatchObject({ subtotalFen: 9800, discountFen: 1000, totalFen: 8800 });
    expect(r.purchases[2]!.fields.lines).toEqual([{ product: '龙井', category: '', quantity: -1, unitPriceFen: 6400 }]);
    expect(r.report).toMatchObject({ purchases: 3, returns: 1, skippedNoCustomerRows: [7], badRows: [] });
    expectAccounted(r);
  });

  it('groups repeated order numbers even without quantity or price columns ("x2" in the item counts)', () => {
    const r = importPurchases(
      table(['单号', '日期', '手机', '商品', '金额'], [
        ['A1', '2025-05-01', '13812345678', '龙井 x2', '128'],
        ['A1', '2025-05-01', '13812345678', '茶点', '8.5'],
        ['A2', '2025-05-02', '13812345678', '绿茶 x3', '50'],
      ]),
      CNY,
    );
    expect(r.purchases).toHaveLength(2);
    expect(r.purchases[0]!.fields).toMatchObject({ totalFen: 13650, lines: [{ product: '龙井', quantity: 2, unitPriceFen: 6400 }, { product: '茶点', quantity: 1, unitPriceFen: 850 }] });
    // 50 for 3 does not divide: the unit price rounds up and the cent over is a discount, so the total stays 50.
    expect(r.purchases[1]!.fields).toMatchObject({ totalFen: 5000, subtotalFen: 5001, discountFen: 1, lines: [{ quantity: 3, unitPriceFen: 1667 }] });
    expectAccounted(r);
  });

  it('names rows of one order with another customer or another time, and leaves such an order out whole', () => {
    const r = importPurchases(
      table(['订单号', '下单时间', '会员手机', '商品', '数量', '单价'], [
        ['B1', '2025-05-01 10:00', '13812345678', '龙井', '1', '64'],
        ['B1', '2025-05-01 10:00', '13912345678', '茶点', '1', '8'],
        ['B2', '2025-05-01 10:00', '13812345678', '龙井', '1', '64'],
        ['B2', '2025-05-03 18:00', '13812345678', '茶点', '1', '8'],
        ['B3', '2025-05-01 10:00', '13812345678', '龙井', 'two', '64'],
        ['B3', '2025-05-01 10:00', '13812345678', '茶点', '1', '8'],
        ['B4', '2025-05-01 10:00', '13812345678', '龙井', '1', '64'],
        ['B4', '2025-05-01 10:20', '13812345678', '茶点', '1', '8'],
      ]),
      CNY,
    );
    expect(r.report.badRows.map((b) => [b.rowNumber, b.code])).toEqual([
      [2, 'order-has-bad-row'], [3, 'order-customer-mismatch'],
      [4, 'order-has-bad-row'], [5, 'order-date-mismatch'],
      [6, 'quantity-invalid'], [7, 'order-has-bad-row'],
    ]);
    expect(r.purchases.map((p) => [p.externalRef, p.rowNumbers, p.fields.totalFen])).toEqual([['B4', [8, 9], 7200]]);
    expectAccounted(r);
  });

  it('keeps files of one row per purchase as they were', () => {
    const single = importPurchases(
      table(['单号', '日期', '手机', '商品', '金额'], [
        ['D1', '2025-05-01', '13812345678', '绿茶, 红茶', '58'],
        ['D2', '2025-05-02', '13812345678', '龙井 x2', '128'],
        ['', '2025-05-03', '13812345678', '', '10'],
      ]),
      CNY,
    );
    expect(single.purchases.map((p) => [p.externalRef, p.fields.lines.length, p.fields.note, p.fields.totalFen])).toEqual([
      ['D1', 0, '绿茶, 红茶', 5800],
      ['D2', 1, '', 12800],
      [null, 0, '', 1000],
    ]);
    expectAccounted(single);
  });

  it('still makes one purchase per UCI invoice: the 2,093 invoices less those without a customer', () => {
    const raw = readFileSync(new URL('../../../../shared/data/online-retail-sample.csv', import.meta.url), 'utf8');
    const rows = raw.split(/\r?\n/).slice(1).filter(Boolean);
    const invoices = new Set(rows.map((l) => l.split(',')[0]));
    const withCustomer = new Set(rows.filter((l) => !/,0\.0,[^,]*$/.test(l)).map((l) => l.split(',')[0]));
    expect(invoices.size).toBe(2093);
    const r = importPurchases(parseDelimited(raw), { ...CNY, currency: 'GBP' });
    expect(r.report.purchases).toBe(withCustomer.size);
    expect(r.report.purchases).toBe(1223);
    expect(r.purchases.every((p) => /^C/.test(p.externalRef ?? '') === false || p.isReturn)).toBe(true);
  });
});
