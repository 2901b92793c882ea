// The bench's files must be read by the app's import exactly as meant: every column mapped by the
// headers alone, every row valid, every purchase placed on its customer's phone.
import { describe, expect, it } from 'vitest';
import { decodeText, importPurchases, parseDelimited, rowsToDrafts, suggestMapping, suggestPurchaseMapping } from '../../shared/domain/import';
import { buildDataset } from './dataset';
import { CUSTOMER_CSV_HEADERS, csvField, customersCsv, itemsText, localDateTimeText, purchasesCsv, yuanText } from './csv';

const NOW = Date.parse('2026-11-23T10:00:00.000Z');
const dataset = buildDataset({ customers: 300, purchases: 2_000, contacts: 400, seed: 7, nowMs: NOW });

function readBack(text: string) {
  const bytes = new TextEncoder().encode(text);
  const decoded = decodeText(bytes);
  expect(decoded.encoding).toBe('utf-8');
  expect(decoded.hadBom).toBe(true);
  return parseDelimited(decoded.text);
}

describe('bench CSV files', () => {
  it('quotes only what needs quoting', () => {
    expect(csvField('张三')).toBe('张三');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('writes money exactly and items as the import reads them', () => {
    expect(yuanText(16800)).toBe('168.00');
    expect(yuanText(-1250)).toBe('-12.50');
    expect(yuanText(5)).toBe('0.05');
    expect(itemsText({ lines: [{ product: '西湖龙井 100g', category: '绿茶', quantity: 2, unitPriceFen: 100 }, { product: '白瓷盖碗', category: '茶具', quantity: -1, unitPriceFen: 100 }] })).toBe(
      '西湖龙井 100g x2, 白瓷盖碗',
    );
  });

  it('maps every customer column from its header alone', () => {
    const mapping = suggestMapping([...CUSTOMER_CSV_HEADERS]);
    expect(Object.values(mapping)).toEqual([
      'name', 'gender', 'mobile', 'phone2', 'email', 'birthday', 'lunarBirthday', 'company', 'title', 'city', 'address', 'source', 'tags', 'notes',
    ]);
  });

  it('gives back every generated customer as a valid row with the same fields', () => {
    const table = readBack(customersCsv(dataset.customers));
    expect(table.rows).toHaveLength(dataset.customers.length);
    const result = rowsToDrafts(table, suggestMapping(table.headers), { defaultRegion: 'CN', today: new Date(NOW) });
    expect(result.errors).toEqual([]);
    expect(result.drafts).toHaveLength(dataset.customers.length);
    result.drafts.forEach((d, i) => {
      const want = dataset.customers[i]!.fields;
      expect(d.fields.name).toBe(want.name);
      expect(d.fields.gender).toBe(want.gender);
      expect(d.fields.phones.map((p) => p.normalized)).toEqual(want.phones.map((p) => p.normalized));
      expect(d.fields.email).toBe(want.email);
      expect(d.fields.birthday).toEqual(want.birthday);
      expect(d.fields.tags).toEqual(want.tags);
      expect(d.fields.source).toBe(want.source);
      expect(d.fields.address).toBe(want.address);
    });
  });

  it('gives back every purchase on its customer phone, at its time, for its total', () => {
    const byId = new Map(dataset.customers.map((c) => [c.id, c.fields]));
    const text = purchasesCsv(dataset.purchases, (id) => {
      const f = byId.get(id);
      const phone = f?.phones.find((p) => p.primary) ?? f?.phones[0];
      return f && phone ? { phone: phone.raw, name: f.name } : undefined;
    });
    const table = readBack(text);
    expect(suggestPurchaseMapping(table.headers)).toEqual({ 0: 'orderNo', 1: 'date', 2: 'phone', 3: 'name', 4: 'amount', 5: 'items', 6: 'note' });
    const result = importPurchases(table, { currency: 'CNY', now: new Date(NOW), defaultRegion: 'CN', dateOrder: 'mdy' });
    expect(result.report.badRows).toEqual([]);
    expect(result.purchases).toHaveLength(dataset.purchases.length);
    result.purchases.forEach((draft, i) => {
      const want = dataset.purchases[i]!;
      const f = byId.get(want.customerId)!;
      expect(draft.customerRef.phoneKey).toBe((f.phones.find((p) => p.primary) ?? f.phones[0])!.normalized);
      expect(draft.fields.totalFen).toBe(want.totalFen);
      // The file keeps whole seconds; the generator's times have no milliseconds.
      expect(draft.fields.purchasedAt).toBe(want.purchasedAt);
      expect(draft.externalRef).toMatch(/^NO\d{8}$/);
    });
  });

  it('prints local time to the second', () => {
    const iso = '2026-03-04T05:06:07.000Z';
    const d = new Date(iso);
    expect(localDateTimeText(iso)).toBe(
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:07`,
    );
  });
});
