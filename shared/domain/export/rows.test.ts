import { describe, expect, it } from 'vitest';
import { consentFromHistory, type ConsentEvent } from '../consent';
import { emptyCustomerFields, type CustomerFields } from '../customer';
import { newCustomerRecord } from '../customerRecord';
import { newInteractionRecord } from '../interaction';
import { newPurchaseRecord } from '../purchase';
import { parseDelimited } from '../import/delimited';
import { toCsv } from './csv';
import {
  CUSTOMER_DATA_PACKAGE_VERSION,
  birthdayText,
  customerDataPackage,
  customerDataPackageCsv,
  customerExportRows,
  interactionExportRows,
  purchaseExportRows,
  purchaseLineExportRows,
  type ExportOptions,
} from './rows';

const NOW = new Date(2025, 5, 15, 9, 30);
const OPTS: ExportOptions = { currency: 'CNY', region: 'CN', formatTime: (iso) => iso.slice(0, 10) };
const phone = (normalized: string, primary: boolean, label = '') => ({ raw: normalized, normalized, kind: 'validated' as const, label, primary });

const fields: CustomerFields = {
  ...emptyCustomerFields(),
  name: '=HYPERLINK("http://x","张三")',
  gender: 'male',
  phones: [phone('+8613812345678', true), phone('+85291234567', false, '香港')],
  email: 'zs@example.cn',
  birthday: { calendar: 'lunar', year: null, month: 8, day: 15, leapMonth: false },
  tags: ['VIP', '茶'],
  notes: '-喜欢龙井',
  source: 'referral',
};
const SMS_AT = new Date(2025, 0, 2, 10, 0).toISOString();
const WECHAT_AT = new Date(2025, 2, 4, 10, 0).toISOString();
const consentHistory: ConsentEvent[] = [
  { id: 'e2', customerId: 'c1', channel: 'wechat', granted: false, source: 'in-store', at: WECHAT_AT },
  { id: 'e1', customerId: 'c1', channel: 'sms', granted: true, source: 'paper-form', at: SMS_AT },
  { id: 'e3', customerId: 'c2', channel: 'sms', granted: true, source: 'in-store', at: SMS_AT },
];
const customer = { ...newCustomerRecord(fields, 'c1', NOW), totalSpentFen: -1250, purchaseCount: 2, consent: consentFromHistory(consentHistory.filter((e) => e.customerId === 'c1')) };
const other = newCustomerRecord({ ...emptyCustomerFields(), name: '李四' }, 'c2', NOW);
const sale = newPurchaseRecord(
  { purchasedAt: '2025-06-01T02:00:00.000Z', lines: [{ product: '龙井', category: '茶', quantity: 2, unitPriceFen: 6400 }, { product: '杯', category: '', quantity: 1, unitPriceFen: 1000 }],
    subtotalFen: 13800, discountFen: 800, totalFen: 13000, paymentNote: '微信', note: '' },
  { id: 'p1', customerId: 'c1', now: NOW },
);
const refund = newPurchaseRecord(
  { purchasedAt: '2025-06-02T02:00:00.000Z', lines: [], subtotalFen: -1250, discountFen: 0, totalFen: -1250, paymentNote: '', note: '+退款' },
  { id: 'p2', customerId: 'c1', now: NOW, returnOf: 'p1' },
);
const othersPurchase = newPurchaseRecord({ ...sale, purchasedAt: '2025-06-03T02:00:00.000Z' }, { id: 'p3', customerId: 'c2', now: NOW });
const call = newInteractionRecord(
  { at: '2025-06-05T03:00:00.000Z', channel: 'phone', direction: 'out', summary: '回访', outcome: '满意', followUpDate: '2025-07-01' },
  { id: 'i1', customerId: 'c1', now: NOW },
);
const nameOf = (id: string) => ({ c1: '张三', c2: '李四' })[id];

describe('customerExportRows', () => {
  it('uses i18n keys as headers and codes through the label callback', () => {
    const t = customerExportRows([customer, other], { ...OPTS, label: (kind, code) => `${kind}:${code}` });
    expect(t.headers[0]).toBe('export.customer.id');
    expect(t.headers).toContain('export.customer.totalSpent');
    const row = Object.fromEntries(t.headers.map((h, i) => [h.replace('export.customer.', ''), t.rows[0]![i]]));
    expect(row).toMatchObject({
      id: 'c1', gender: 'gender:male', phone: '138 1234 5678', otherPhones: '+852 9123 4567 (香港)', birthday: '--08-15',
      birthdayCalendar: 'calendar:lunar', source: 'source:referral', tags: 'VIP, 茶', totalSpent: -12.5, purchaseCount: 2,
      consentSms: 'consent:granted 2025-01-02 (consentSource:paper-form)',
      consentWechat: 'consent:declined 2025-03-04 (consentSource:in-store)',
      consentPhone: '',
      consentEmail: '',
    });
    const second = Object.fromEntries(t.headers.map((h, i) => [h.replace('export.customer.', ''), t.rows[1]![i]]));
    expect(second).toMatchObject({ phone: '', birthday: '', totalSpent: 0, purchaseCount: 0, lastPurchaseAt: '', consentSms: '' });
  });

  it('neutralises formulas in text but keeps amounts numeric in the CSV', () => {
    const t = customerExportRows([customer], OPTS);
    const csv = toCsv(t.headers, t.rows);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""张三"")"`);
    expect(csv).toContain(`"'-喜欢龙井"`);
    expect(csv).toContain(',-12.5,2,');
  });

  it('writes the primary phone with its label, and times with seconds only when they have them', () => {
    const labelled = { ...customer, phones: [phone('+8613812345678', true, '店里')] };
    const t = customerExportRows([labelled], { currency: 'CNY', region: 'CN' });
    expect(t.rows[0]![t.headers.indexOf('export.customer.phone')]).toBe('138 1234 5678 (店里)');
    const at = (iso: string) => purchaseExportRows([{ ...sale, purchasedAt: iso }], nameOf, { currency: 'CNY', region: 'CN' }).rows[0]![1];
    expect(at(new Date(2025, 5, 1, 10, 0, 0).toISOString())).toBe('2025-06-01 10:00');
    expect(at(new Date(2025, 5, 1, 10, 0, 7).toISOString())).toBe('2025-06-01 10:00:07');
  });

  it('writes birthdays the import reads back', () => {
    expect(birthdayText({ calendar: 'solar', year: 1990, month: 5, day: 7, leapMonth: false })).toBe('1990-05-07');
    expect(birthdayText({ calendar: 'solar', year: null, month: 5, day: 7, leapMonth: false })).toBe('--05-07');
    expect(birthdayText(null)).toBe('');
  });
});

describe('purchase and contact exports', () => {
  it('one row per purchase with money as numbers', () => {
    const t = purchaseExportRows([sale, refund], nameOf, OPTS);
    expect(t.headers).toEqual(['id', 'purchasedAt', 'customerId', 'customerName', 'items', 'subtotal', 'discount', 'total', 'isReturn',
      'returnOf', 'voided', 'voidReason', 'paymentNote', 'note', 'lines'].map((c) => `export.purchase.${c}`));
    expect(t.rows).toEqual([
      ['p1', '2025-06-01', 'c1', '张三', '龙井 ×2; 杯', 138, 8, 130, 'no', '', 'no', '', '微信', '',
        '[{"product":"龙井","category":"茶","quantity":2,"unitPrice":"64.00"},{"product":"杯","category":"","quantity":1,"unitPrice":"10.00"}]'],
      ['p2', '2025-06-02', 'c1', '张三', '', -12.5, 0, -12.5, 'yes', 'p1', 'no', '', '', '+退款', ''],
    ]);
  });

  it('one row per line', () => {
    const t = purchaseLineExportRows([sale, refund], nameOf, OPTS);
    expect(t.rows).toEqual([
      ['p1', '2025-06-01', 'c1', '张三', '龙井', '茶', 2, 64, 128, 'no'],
      ['p1', '2025-06-01', 'c1', '张三', '杯', '', 1, 10, 10, 'no'],
    ]);
  });

  it('contacts', () => {
    const t = interactionExportRows([call], nameOf, OPTS);
    expect(t.rows).toEqual([['i1', '2025-06-05', 'c1', '张三', 'phone', 'out', '回访', '满意', '2025-07-01', 'no']]);
  });
});

describe('customerDataPackage', () => {
  const pkg = customerDataPackage(customer, [othersPurchase, refund, sale], [call], { now: NOW, currency: 'CNY', consentHistory });

  it('holds the profile, only this customer’s purchases and contacts, oldest first, and a version', () => {
    expect(pkg).toMatchObject({ format: 'regulars.customer-data', version: CUSTOMER_DATA_PACKAGE_VERSION, exportedAt: NOW.toISOString(), currency: 'CNY' });
    expect(pkg.purchases.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(pkg.interactions.map((i) => i.id)).toEqual(['i1']);
    expect(pkg.customer).toMatchObject({ id: 'c1', name: fields.name, phones: fields.phones, totalSpentFen: -1250 });
    expect(pkg.customer.consent).toEqual({ sms: { state: 'granted', at: SMS_AT, source: 'paper-form' }, wechat: { state: 'declined', at: WECHAT_AT, source: 'in-store' } });
    // Only this customer's answers, oldest first.
    expect(pkg.consentHistory.map((e) => e.id)).toEqual(['e1', 'e2']);
    for (const key of ['searchTokens', 'phoneKeys', 'emailKey', 'nameSort', 'phoneSort', 'tagsSort', 'lastPurchaseSort', 'isDeleted']) {
      expect(pkg.customer).not.toHaveProperty(key);
    }
    // A record kept from before version 9 with its emptied consent field: the package speaks only of the history.
    const legacy = customerDataPackage({ ...customer, consents: {} } as typeof customer, [], [], { now: NOW, currency: 'CNY', consentHistory });
    expect(legacy.customer).not.toHaveProperty('consents');
    expect(JSON.parse(JSON.stringify(pkg))).toEqual(pkg);
  });

  it('holds their tier history and what the audit trail recorded about them, without hashes or another record\'s snapshot', () => {
    const tier = (id: string, customerId: string, at: string) => ({ id, customerId, at, from: null, to: 'gold', reason: { code: 'first' } }) as never;
    const entry = (seq: number, customerIds: string[], extra: object = {}) =>
      ({ id: `a${seq}`, seq, at: `2025-0${seq}-01T00:00:00.000Z`, actor: 'clerk', kind: 'customer.edit', customerIds, refs: [], facts: { fields: 'name' }, prevHash: 'x', hash: 'y', ...extra }) as never;
    const full = customerDataPackage(customer, [], [], {
      now: NOW,
      currency: 'CNY',
      tierHistory: [tier('t2', 'c1', '2025-05-01T00:00:00.000Z'), tier('t1', 'c1', '2025-01-01T00:00:00.000Z'), tier('t9', 'c9', '2025-01-01T00:00:00.000Z')],
      auditTrail: [entry(3, ['c1', 'c7'], { kind: 'customers.merge', snapshot: { before: [{ name: '别人' }] } }), entry(1, ['c1']), entry(2, ['c9'])],
      pointsEntries: [{ id: 'p2', customerId: 'c1', createdAt: '2025-06-01T00:00:00.000Z' }, { id: 'p1', customerId: 'c1', createdAt: '2025-02-01T00:00:00.000Z' }, { id: 'p9', customerId: 'c9', createdAt: '2025-02-01T00:00:00.000Z' }] as never,
      surveyAnswers: [{ id: 's1', customerId: 'c1', answeredAt: '2025-04-01T00:00:00.000Z', nps: 3 }, { id: 's9', customerId: 'c9', answeredAt: '2025-04-01T00:00:00.000Z', nps: 10 }] as never,
      complaints: [{ id: 'k2', customerId: 'c1', receivedAt: '2025-07-01T00:00:00.000Z' }, { id: 'k1', customerId: 'c1', receivedAt: '2025-03-01T00:00:00.000Z' }] as never,
    });
    // Their points, answers and complaints, oldest first; nobody else's.
    expect(full.pointsEntries.map((e) => e.id)).toEqual(['p1', 'p2']);
    expect(full.surveyAnswers.map((a) => a.id)).toEqual(['s1']);
    expect(full.complaints.map((c) => c.id)).toEqual(['k1', 'k2']);
    expect(full.tierHistory.map((h) => h.id)).toEqual(['t1', 't2']);
    expect(full.auditTrail).toEqual([
      { id: 'a1', seq: 1, at: '2025-01-01T00:00:00.000Z', actor: 'clerk', kind: 'customer.edit', refs: [], facts: { fields: 'name' } },
      { id: 'a3', seq: 3, at: '2025-03-01T00:00:00.000Z', actor: 'clerk', kind: 'customers.merge', refs: [], facts: { fields: 'name' } },
    ]);
    expect(JSON.stringify(full)).not.toContain('别人');
  });

  it('as one CSV with sections', () => {
    const csv = customerDataPackageCsv(pkg, { ...OPTS, t: (k) => k.split('.').at(-1)! });
    // Read from row 1: the import would take a section's column row, under the one-cell title, as the header.
    const back = parseDelimited(csv, { headerRow: 1 });
    expect(back.headers[0]).toBe('profile');
    const cells = back.rows.map((r) => r.filter(Boolean));
    expect(cells).toContainEqual(['name', `'${fields.name}`]);
    expect(cells).toContainEqual(['consent', 'sms', 'yes', '2025-01-02', 'paper-form']);
    expect(cells).toContainEqual(['consent', 'wechat', 'no', '2025-03-04', 'in-store']);
    expect(cells).toContainEqual(['purchases']);
    expect(cells).toContainEqual(['interactions']);
    expect(cells.filter((r) => r[0] === 'p1')).toHaveLength(3); // the purchase and its two lines
  });
});
