// The app's own exports come back whole: customers and purchases exported (as the export worker builds
// them) to CSV and XLSX in each language, imported (as the import worker does) into an empty store,
// every field compared; and a purchases export imported into the store it came from adds nothing.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { clockAt } from '../../shared/clock';
import type { ConsentAnswer } from '../../shared/domain/consent';
import { customerFieldsOf } from '../../shared/domain/customerRecord';
import { emptyCustomerFields, type Customer, type CustomerFields, type CustomerPhone } from '../../shared/domain/customer';
import { customerFigureFields, utcDayOf } from '../../shared/domain/customerFigures';
import type { Purchase, PurchaseFields } from '../../shared/domain/purchase';
import { createConsentRepository } from '../db/consents';
import { createCustomerRepository } from '../db/customers';
import { RegularsDatabase } from '../db/database';
import { createExportReader } from '../db/exportData';
import { createDerivation } from '../db/derivation';
import { createImportRepository } from '../db/imports';
import { createStoreSetup } from '../db/storeSetup';
import { createPurchaseRepository } from '../db/purchases';
import { buildExport, type ExportFormat, type ExportJob } from '../features/export/buildExport';
import { OWN_EXPORT_VOCABULARIES } from '../features/importExport/ownExportVocabularies';
import { readXlsx, writeXlsx } from '../features/importExport/xlsx';
import { EXTERNAL_ID_MARK } from './importProtocol';
import { createImportSession } from './importSession';
import { storedCustomers } from '../../test/support/storedCustomers';

const LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const;
let n = 0;
const newId = () => crypto.randomUUID();
const deps = { now: clockAt('2026-06-15T10:00:00Z'), newId, dayOf: utcDayOf };
const freshDb = () => new RegularsDatabase(`roundtrip-${++n}`);

// Phones are given in the form the export writes them (the store's display form), so that `raw`, which
// is "as typed", is equal too; a number typed another way comes back in the display form.
const phone = (raw: string, normalized: string, label = '', primary = false, kind: CustomerPhone['kind'] = 'validated'): CustomerPhone => ({ raw, normalized, kind, label, primary });

const CUSTOMERS: (CustomerFields & { key: string; consent?: ConsentAnswer[] })[] = [
  {
    ...emptyCustomerFields(), key: 'formula', name: '=HYPERLINK("http://x","张三")', gender: 'unspecified',
    phones: [phone('138 1234 5678', '+8613812345678', '店里', true), phone('+852 9123 4567', '+85291234567', 'Work (HK)'), phone('95588', '95588', '银行', false, 'kept')],
    email: 'zs@example.cn', birthday: { calendar: 'lunar', year: null, month: 4, day: 3, leapMonth: true },
    notes: '-喜欢龙井\n第二行', tags: ['VIP', '茶友'],
  },
  {
    ...emptyCustomerFields(), key: 'minus', name: '-李四', gender: 'male', phones: [phone('139 0000 1111', '+8613900001111', '', true)],
    birthday: { calendar: 'solar', year: 1990, month: 5, day: 17, leapMonth: false }, company: '+茶社', title: '@店长', city: '杭州', address: '西湖区 1 号',
    source: 'referral', preferredChannel: 'wechat', consent: [{ channel: 'sms', granted: true }, { channel: 'wechat', granted: true }, { channel: 'wechat', granted: false }],
  },
  {
    ...emptyCustomerFields(), key: 'plus', name: '+86 王五', gender: 'other', phones: [phone('+1 416 555 0123', '+14165550123', '', true)],
    birthday: { calendar: 'solar', year: null, month: 2, day: 29, leapMonth: false }, source: 'other', preferredChannel: 'email',
    consent: [{ channel: 'email', granted: true }, { channel: 'phone', granted: false }],
  },
  { ...emptyCustomerFields(), key: 'quote', name: "'=already quoted", gender: 'female', email: 'q@example.com', birthday: { calendar: 'lunar', year: 1985, month: 8, day: 15, leapMonth: false } },
  { ...emptyCustomerFields(), key: 'number', name: '12345', phones: [phone('137 0000 2222', '+8613700002222', '', true)], notes: '@提醒' },
  // Two customers sharing a phone stay two.
  { ...emptyCustomerFields(), key: 'shared1', name: '赵六', phones: [phone('136 0000 3333', '+8613600003333', '', true)] },
  { ...emptyCustomerFields(), key: 'shared2', name: '赵六', phones: [phone('136 0000 3333', '+8613600003333', '', true)], tags: ['家人'] },
];

interface Source {
  db: RegularsDatabase;
  ids: Record<string, string>;
}

async function sourceStore(): Promise<Source> {
  const db = freshDb();
  const customers = createCustomerRepository(db, deps);
  const purchases = createPurchaseRepository(db, deps);
  const ids: Record<string, string> = {};
  const consents = createConsentRepository(db, deps);
  for (const { key, consent, ...fields } of CUSTOMERS) {
    ids[key] = (await customers.create(fields)).id;
    for (const answer of consent ?? []) await consents.record(ids[key], [answer], 'paper-form');
  }
  // Referred by another customer: an id that must still point at that customer after the import.
  const minus = (await storedCustomers(db).get(ids.minus!))!;
  await customers.update(minus.id, { ...customerFieldsOf(minus), referredBy: ids.formula! });

  const fields = (over: Partial<PurchaseFields>): PurchaseFields => ({
    purchasedAt: '2026-05-01T02:03:04.000Z', lines: [], subtotalFen: 0, discountFen: 0, totalFen: 0, paymentNote: '', note: '', ...over,
  });
  const sale = await purchases.record(ids.formula!, fields({
    lines: [{ product: '龙井', category: '茶', quantity: 2, unitPriceFen: 6400 }, { product: '=杯', category: '', quantity: 1, unitPriceFen: 1050 }],
    subtotalFen: 13850, discountFen: 850, totalFen: 13000, paymentNote: '微信', note: '+送货',
  }));
  await purchases.recordReturn(sale.id, fields({ purchasedAt: '2026-05-02T03:00:00.000Z', lines: [{ product: '龙井', category: '茶', quantity: -1, unitPriceFen: 6400 }], subtotalFen: -6400, discountFen: -400, totalFen: -6000, note: '退一盒' }));
  const mistaken = await purchases.record(ids.minus!, fields({ purchasedAt: '2026-06-01T08:00:00.000Z', subtotalFen: 99900, totalFen: 99900, note: '=SUM(1)' }));
  await purchases.void(mistaken.id, '-录错了');
  await purchases.record(ids.minus!, fields({ purchasedAt: '2026-06-02T08:30:00.000Z', subtotalFen: 1999, totalFen: 1999 }));
  return { db, ids };
}

async function exportFile(db: RegularsDatabase, kind: 'customers' | 'purchases', format: ExportFormat, language: number): Promise<{ name: string; bytes: Uint8Array }> {
  const job: ExportJob = {
    kind, format, customerIds: null, purchaseRows: 'purchases', currency: 'CNY', region: 'CN', vocabulary: OWN_EXPORT_VOCABULARIES[language]!, sheetName: kind,
  };
  const built = await buildExport(createExportReader(db), job, writeXlsx, () => undefined);
  return { name: `${kind}.${format}`, bytes: built.bytes };
}

function sessionFor(db: RegularsDatabase) {
  return createImportSession(db, createImportRepository(db, deps), (bytes, layout) => readXlsx(bytes, layout), deps.now, OWN_EXPORT_VOCABULARIES);
}

async function importInto(db: RegularsDatabase, file: { name: string; bytes: Uint8Array }, kind: 'customers' | 'purchases') {
  const session = sessionFor(db);
  const loaded = await session.load(file.name, file.bytes, null);
  expect(loaded.ownExport).toBe(kind);
  if (kind === 'customers') {
    const options = { mapping: loaded.customerMapping, policy: 'skip' as const, defaultRegion: 'CN' as const, dateOrder: 'mdy' as const };
    const preview = await session.previewCustomers(options);
    expect(preview.errors).toEqual([]);
    return session.importCustomers(options, {});
  }
  const options = { mapping: loaded.purchaseMapping, currency: 'CNY' as const, defaultRegion: 'CN' as const, dateOrder: 'mdy' as const };
  const preview = await session.previewPurchases(options);
  expect(preview.badRows).toEqual([]);
  return session.importPurchases(options, `#${EXTERNAL_ID_MARK}`, {});
}

const comparable = (c: Customer) => ({ id: c.id, ...customerFieldsOf(c), ...customerFigureFields(c) });
/** Each customer's consent as a file carries it: per channel answered, whether it stands (a withdrawal comes back as a no). */
const consentShape = async (db: RegularsDatabase) =>
  Object.fromEntries((await db.consentState.toArray()).map((r) => [r.id, Object.fromEntries(Object.entries(r.channels).map(([ch, c]) => [ch, c?.state === 'granted']))]));
const purchaseShape = (p: Purchase) => {
  const { createdAt: _c, updatedAt: _u, importId: _i, voidedAt, ...rest } = p as Purchase & { externalRef?: string };
  return { ...rest, voided: voidedAt !== null };
};

let source: Source;
beforeAll(async () => {
  source = await sourceStore();
});

describe.each(LANGUAGES.map((l, i) => [l, i] as const))('round trip in %s', (_language, language) => {
  it.each(['csv', 'xlsx'] as const)('customers and purchases as %s into an empty store: every field equal', async (format) => {
    const target = freshDb();
    const customersOut = await exportFile(source.db, 'customers', format, language);
    const imported = await importInto(target, customersOut, 'customers');
    expect(imported.counts).toMatchObject({ created: CUSTOMERS.length, invalid: 0, skipped: 0 });
    await importInto(target, await exportFile(source.db, 'purchases', format, language), 'purchases');

    const before = (await storedCustomers(source.db).toArray()).map(comparable).sort((a, b) => a.id.localeCompare(b.id));
    const after = (await storedCustomers(target).toArray()).map(comparable).sort((a, b) => a.id.localeCompare(b.id));
    expect(after).toEqual(before);
    // Consent per channel comes back, as the import's own answers.
    expect(await consentShape(target)).toEqual(await consentShape(source.db));
    expect(new Set((await target.consentEvents.toArray()).map((e) => e.source))).toEqual(new Set(['import']));
    const sourcePurchases = (await source.db.purchases.toArray()).map(purchaseShape).sort((a, b) => a.id.localeCompare(b.id));
    const targetPurchases = (await target.purchases.toArray()).map(purchaseShape).sort((a, b) => a.id.localeCompare(b.id));
    expect(targetPurchases).toEqual(sourcePurchases);
    expect(targetPurchases.filter((p) => p.voided).map((p) => p.voidReason)).toEqual(['-录错了']);
    expect(targetPurchases.filter((p) => p.returnOf !== null)).toHaveLength(1);
  });
});

describe('the demo store', () => {
  it.each(['csv', 'xlsx'] as const)('comes back whole through its own exports (%s)', async (format) => {
    const demo = freshDb();
    await createStoreSetup(demo, deps).start('demo');
    const target = freshDb();
    await importInto(target, await exportFile(demo, 'customers', format, 0), 'customers');
    await importInto(target, await exportFile(demo, 'purchases', format, 0), 'purchases');
    const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id));
    // Raw phones come back in the display form the export writes; everything else as it was.
    const noRaw = (c: Customer) => ({ ...comparable(c), phones: c.phones.map(({ raw: _r, ...p }) => p) });
    const active = async (db: RegularsDatabase) => byId((await storedCustomers(db).toArray()).filter((c) => c.isDeleted === 0)).map(noRaw);
    expect(await active(target)).toEqual(await active(demo));
    expect(await consentShape(target)).toEqual(await consentShape(demo));
    // The demo generator writes a return's zero discount as -0; a file holds 0, the same amount.
    const purchasesOf = async (db: RegularsDatabase, ids: Set<string>) =>
      byId((await db.purchases.toArray()).filter((p) => ids.has(p.customerId))).map((p) => ({ ...purchaseShape(p), discountFen: p.discountFen + 0 }));
    const activeIds = new Set((await storedCustomers(demo).toArray()).filter((c) => c.isDeleted === 0).map((c) => c.id));
    expect(await purchasesOf(target, activeIds)).toEqual(await purchasesOf(demo, activeIds));
  }, 60_000);
});

describe('a purchases export imported into the store it came from', () => {
  it.each(['csv', 'xlsx'] as const)('adds nothing and keeps voids voided (%s)', async (format) => {
    const before = (await source.db.purchases.toArray()).map(purchaseShape);
    const figures = (await storedCustomers(source.db).toArray()).map(comparable);
    const result = await importInto(source.db, await exportFile(source.db, 'purchases', format, 0), 'purchases');
    expect(result.kind === 'purchases' && result.summary).toMatchObject({ purchases: 0, alreadyImportedPurchases: before.length });
    expect((await source.db.purchases.toArray()).map(purchaseShape)).toEqual(before);
    expect((await storedCustomers(source.db).toArray()).map(comparable)).toEqual(figures);
  });

  it('nor does a customers export: every row is the same customer, by id', async () => {
    const count = await source.db.customers.count();
    const result = await importInto(source.db, await exportFile(source.db, 'customers', 'csv', 2), 'customers');
    expect(result.counts).toMatchObject({ created: 0, skipped: CUSTOMERS.length });
    expect(await source.db.customers.count()).toBe(count);
  });
});

describe('a purchases export imported in two parts', () => {
  it('the second part’s return is tied to its original stored by the first, figures equal to the source’s and to a full recomputation', async () => {
    const target = freshDb();
    await importInto(target, await exportFile(source.db, 'customers', 'csv', 0), 'customers');
    const file = await exportFile(source.db, 'purchases', 'csv', 0);
    const lines = new TextDecoder().decode(file.bytes).split('\n');
    const returnRows = lines.filter((l) => l.includes('退一盒'));
    expect(returnRows).toHaveLength(1);
    const first = new TextEncoder().encode(lines.filter((l) => !l.includes('退一盒')).join('\n'));
    await importInto(target, { name: 'purchases-1.csv', bytes: first }, 'purchases');
    const second = await importInto(target, file, 'purchases');
    expect(second.kind === 'purchases' && second.summary).toMatchObject({ purchases: 1, returns: 1 });

    const [original] = (await target.purchases.toArray()).filter((p) => p.note.includes('送货'));
    expect((await target.purchases.toArray()).filter((p) => p.returnOf !== null).map((p) => p.returnOf)).toEqual([original!.id]);
    const figures = async (db: RegularsDatabase) => (await storedCustomers(db).toArray()).map(comparable).sort((a, b) => a.id.localeCompare(b.id));
    expect(await figures(target)).toEqual(await figures(source.db));
    const states = await target.customerState.toArray();
    expect((await createDerivation(target, deps).recomputeAllFigures()).changed).toBe(0);
    expect(await target.customerState.toArray()).toEqual(states);
  });
});
