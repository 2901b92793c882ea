// Erasing a customer on fake-indexeddb: every table (db.tables, so a table added later is searched too) and a fresh
// backup's payload hold nothing of them afterwards; the chain still checks; an older backup restored over the store
// erases them again before the swap; an import cannot bring their id back.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/domain/auditChain';
import { PAYLOAD_FORMAT } from '../../shared/domain/backupPayload';
import { utcDayOf } from '../../shared/domain/customerFigures';
import { ANONYMOUS_CUSTOMER_ID } from '../../shared/domain/erasure';
import type { Purchase } from '../../shared/domain/purchase';
import { importPurchases, parseDelimited, rowsToDrafts, suggestMapping } from '../../shared/domain/import';
import { makeCustomerFields, makePhone } from '../../test/factories/customer';
import { makeInteractionFields, makePurchaseFields } from '../../test/factories/purchase';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { exportDatabase } from './backupExport';
import { createStagingImport } from './backupStaging';
import { createConsentRepository } from './consents';
import { createCustomerRepository } from './customers';
import { RegularsDatabase } from './database';
import { createErasure } from './erasure';
import { createImportRepository } from './imports';
import { createInteractionRepository } from './interactions';
import { mergeCustomers } from './merge';
import { createPurchaseRepository } from './purchases';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let ids: number;
let clock: Date;
const deps = () => ({ now: () => clock, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`, dayOf: utcDayOf });
const staged: string[] = [];

beforeEach(() => {
  db = database();
  ids = 0;
  clock = new Date('2026-03-01T10:00:00Z');
});

afterEach(async () => {
  for (const name of staged.splice(0)) await Dexie.delete(name);
});

/**
 * What must not be found anywhere once 张三丰 is erased: names (both scripts), phones, pinyin tokens, e-mail, address,
 * city (the import's), birthday, company, title, notes, and the purchase and contact texts.
 */
const PERSONAL_TERMS = [
  '张三丰',
  '張三豐',
  '13812345678',
  '13987654321',
  'zhangsanfeng',
  '"zsf"',
  'sanfeng@',
  'wudang\\.example',
  '武当山路',
  '十堰',
  '"year":1937',
  '"month":11,"day":23',
  '武当派',
  '掌门',
  '太极',
  '送货上门',
  '张三丰的卡',
  '买错了',
  '回访了张',
];
const PERSONAL = new RegExp(PERSONAL_TERMS.join('|'));

/** What the store's sales figures are made of: the total, per day, returns and voids, the lines sold. */
function salesFigures(purchases: readonly Purchase[]) {
  const live = purchases.filter((p) => !p.isVoided);
  const byDay = new Map<string, number>();
  for (const p of live) byDay.set(p.purchasedAt.slice(0, 10), (byDay.get(p.purchasedAt.slice(0, 10)) ?? 0) + p.totalFen);
  return {
    totalFen: live.reduce((sum, p) => sum + p.totalFen, 0),
    byDay: [...byDay].sort(),
    returnsFen: live.filter((p) => p.returnOf !== null).reduce((sum, p) => sum + p.totalFen, 0),
    returnsLinked: live.filter((p) => p.returnOf !== null && purchases.some((o) => o.id === p.returnOf)).length,
    voided: purchases.length - live.length,
    lines: live.flatMap((p) => p.lines.map((l) => `${l.product}:${l.quantity}:${l.unitPriceFen}`)).sort(),
  };
}

/** Every record of every table `target` has, as JSON, that matches `pattern`. */
async function traces(target: Dexie, pattern: RegExp): Promise<string[]> {
  const found: string[] = [];
  for (const table of target.tables) {
    for (const row of await table.toArray()) {
      const text = JSON.stringify(row);
      if (pattern.test(text)) found.push(`${table.name}: ${text.slice(0, 300)}`);
    }
  }
  return found;
}

/** The store's own backup payload, as text, and the counts its header lists. */
async function backupPayload(target: RegularsDatabase): Promise<{ bytes: Uint8Array; text: string; counts: Record<string, number> }> {
  const pieces: Uint8Array[] = [];
  let counts: Record<string, number> = {};
  await exportDatabase(target, { start: (info) => (counts = info.counts), piece: (bytes) => pieces.push(bytes), progress: () => undefined }, { now: () => clock });
  const bytes = new Uint8Array(Buffer.concat(pieces));
  return { bytes, text: new TextDecoder().decode(bytes), counts };
}

/**
 * A store where 张三丰 is everywhere a customer can be: two records merged into one (the merge's snapshot), an
 * import that updated them (the batch's before-record) and one that created their contact, purchases (a return,
 * a void), contacts, consent answers, a tier history, a customer they referred. Returns the ids.
 */
async function storeWithZhang() {
  const customers = createCustomerRepository(db, deps());
  const purchases = createPurchaseRepository(db, deps());
  const zhang = await customers.create(
    makeCustomerFields({
      name: '张三丰',
      phones: [makePhone('+8613812345678', { raw: '13812345678' })],
      email: 'sanfeng@wudang.example',
      birthday: { calendar: 'solar', year: 1937, month: 11, day: 23, leapMonth: false },
      address: '武当山路 1 号',
      notes: '喜欢太极',
      tags: ['VIP'],
      company: '武当派',
      title: '掌门',
    }),
    { answers: [{ channel: 'sms', granted: true }], source: 'in-store' },
  );
  const older = await customers.create(makeCustomerFields({ name: '張三豐', phones: [makePhone('+8613987654321', { raw: '13987654321' })] }));
  await purchases.record(older.id, makePurchaseFields({ purchasedAt: '2026-01-20T03:00:00.000Z', totalFen: 12_000, note: '送货上门' }));
  await mergeCustomers(db, deps())([zhang.id, older.id], { survivorId: zhang.id, picks: {} });
  const sale = await purchases.record(zhang.id, makePurchaseFields({ purchasedAt: '2026-02-01T03:00:00.000Z', totalFen: 900_000, paymentNote: '张三丰的卡' }));
  await purchases.recordReturn(sale.id, makePurchaseFields({ purchasedAt: '2026-02-02T03:00:00.000Z', totalFen: -100_000 }));
  const voided = await purchases.record(zhang.id, makePurchaseFields({ purchasedAt: '2026-02-03T03:00:00.000Z', totalFen: 5_000 }));
  await purchases.void(voided.id, '张三丰说买错了');
  await createInteractionRepository(db, deps()).record(zhang.id, makeInteractionFields({ summary: '回访了张先生' }));
  await createConsentRepository(db, deps()).grant(zhang.id, 'wechat', 'paper-form');
  const friend = await customers.create(makeCustomerFields({ name: '李四', referredBy: zhang.id }));
  const other = await customers.create(makeCustomerFields({ name: '王五', phones: [makePhone('+8613700000000', { raw: '13700000000' })] }));
  await purchases.record(other.id, makePurchaseFields({ purchasedAt: '2026-02-05T03:00:00.000Z', totalFen: 3_000 }));

  // An import that changed 张三丰 (their record as it was is kept for undo) and created someone else.
  const table = parseDelimited(['姓名,手机,城市', '张三丰,13812345678,十堰', '赵六,13900000001,上海'].join('\n'));
  const drafts = rowsToDrafts(table, suggestMapping(table.headers), { defaultRegion: 'CN', today: new Date(2026, 2, 1) });
  await createImportRepository(db, deps()).importCustomers({
    fileName: 'members.csv',
    candidates: drafts.drafts.map((d) => ({ rowNumber: d.rowNumber, fields: d.fields, consents: d.consents })),
    policy: 'update',
    invalidRows: 0,
    emptyRows: 0,
  });
  return { zhang: zhang.id, older: older.id, friend: friend.id, other: other.id };
}

describe('erasing a customer', () => {
  it('leaves no trace in any table, nor in a fresh backup, keeping the purchases anonymised for the sales totals', async () => {
    const { zhang, older, friend, other } = await storeWithZhang();
    // Each term is somewhere before, so finding none afterwards means something.
    for (const term of PERSONAL_TERMS) expect(await traces(db, new RegExp(term)), term).not.toEqual([]);
    expect(await db.tierHistory.where('[customerId+at]').between([zhang, Dexie.minKey], [zhang, Dexie.maxKey]).count()).toBeGreaterThan(0);
    const salesBefore = salesFigures(await db.purchases.toArray());
    const purchaseCount = await db.purchases.count();
    const oldIds = (await db.purchases.toArray()).filter((p) => p.customerId === zhang || p.customerId === older).map((p) => p.id);
    expect(oldIds).toHaveLength(4);

    clock = new Date('2026-03-02T10:00:00Z');
    const result = await createErasure(db, deps()).erase(zhang, 'anonymise');

    expect(result.ids.sort()).toEqual([zhang, older].sort());
    expect(await traces(db, PERSONAL)).toEqual([]);
    expect((await backupPayload(db)).text).not.toMatch(PERSONAL);
    // Their ids are left only where ids may stay: the audit trail's entries and the register.
    const idPattern = new RegExp(`${zhang}|${older}`);
    expect((await traces(db, idPattern)).map((t) => t.split(':')[0])).toEqual(expect.arrayContaining(['auditLog', 'erasures']));
    expect(new Set((await traces(db, idPattern)).map((t) => t.split(':')[0]))).toEqual(new Set(['auditLog', 'erasures']));

    // The store's sales are as they were, the purchases belong to no one and carry no free text.
    const kept = await db.purchases.toArray();
    expect(kept).toHaveLength(purchaseCount);
    expect(salesFigures(kept)).toEqual(salesBefore);
    const anonymous = kept.filter((p) => p.customerId === ANONYMOUS_CUSTOMER_ID);
    expect(anonymous).toHaveLength(4);
    expect(anonymous.every((p) => p.note === '' && p.paymentNote === '' && p.voidReason === '')).toBe(true);
    // Each under a new id, the return pointing at its original's new id.
    const [ret] = anonymous.filter((p) => p.returnOf !== null);
    expect(anonymous.find((p) => p.id === ret!.returnOf)).toMatchObject({ totalFen: 900_000 });
    // No record holds an old id of theirs but the audit trail's entries, and those ids lead to no purchase.
    const oldIdPattern = new RegExp(oldIds.join('|'));
    expect(new Set((await traces(db, oldIdPattern)).map((t) => t.split(':')[0]))).toEqual(new Set(['auditLog']));
    expect(await db.purchases.bulkGet(oldIds)).toEqual(oldIds.map(() => undefined));

    // Everyone else is as they were, but for the referrer who is gone.
    expect(await db.customers.get(friend)).toMatchObject({ name: '李四', referredBy: null });
    expect(await db.customers.get(other)).toMatchObject({ name: '王五' });
    expect(await db.customerState.get(other)).toMatchObject({ purchaseCount: 1 });
    expect(await db.customerSearch.get(other)).toBeDefined();

    // The chain still checks; the erasure is in it, ids and counts only.
    const entries = await db.auditLog.orderBy('seq').toArray();
    expect(verifyChain(entries).status).toBe('intact');
    const last = entries.at(-1)!;
    expect(last).toMatchObject({ kind: 'customer.erase', facts: { purchasesChoice: 'anonymise', purchasesAnonymised: 4, contacts: 1, customers: 1, referrals: 1, auditSnapshots: 1, importBatches: 1 } });
    expect(last.customerIds.sort()).toEqual([zhang, older].sort());
    expect(await db.erasures.toArray()).toEqual(
      expect.arrayContaining([
        { id: zhang, erasedAt: '2026-03-02T10:00:00.000Z', purchases: 'anonymise' },
        { id: older, erasedAt: '2026-03-02T10:00:00.000Z', purchases: 'anonymise' },
      ]),
    );
    // The import batch still counts its file's rows and can be undone without them.
    const [batch] = await db.imports.toArray();
    expect(batch!.updatedCustomers).toEqual([]);
    expect(batch!.counts).toMatchObject({ updated: 1, created: 1 });
  });

  it('deletes the purchases when the owner chooses so, from the trash too', async () => {
    const { zhang, other } = await storeWithZhang();
    await createCustomerRepository(db, deps()).moveToTrash(zhang);
    await createErasure(db, deps()).erase(zhang, 'delete');
    expect(await traces(db, PERSONAL)).toEqual([]);
    expect(await db.purchases.toArray()).toEqual([expect.objectContaining({ customerId: other })]);
    expect(await db.auditLog.orderBy('seq').last()).toMatchObject({ kind: 'customer.erase', facts: { purchasesChoice: 'delete', purchasesDeleted: 4 } });
    expect(verifyChain(await db.auditLog.orderBy('seq').toArray()).status).toBe('intact');
  });

  it('refuses a customer the store does not hold, and writes nothing', async () => {
    await expect(createErasure(db, deps()).erase('00000000-0000-4000-8000-999999999999', 'delete')).rejects.toThrow(/not found|999999999999/i);
    expect(await db.erasures.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('erases them again when a backup made before the erasure is restored over the store, before the swap', async () => {
    const { zhang, older, other } = await storeWithZhang();
    const before = await backupPayload(db);
    expect(before.text).toMatch(PERSONAL);
    await createErasure(db, deps()).erase(zhang, 'delete');
    const register = await createErasure(db, deps()).register();

    const name = `regulars-${crypto.randomUUID()}`;
    staged.push(name);
    const importer = createStagingImport(name, { schemaVersion: db.verno, counts: before.counts, payloadFormat: PAYLOAD_FORMAT });
    await importer.push(before.bytes);
    const result = await importer.finish(null, { audit: { mode: 'replace', backupCreatedAt: '2026-03-01T10:00:00.000Z' }, deps: deps() }, register);
    expect(result.erasedAgain).toBe(2);

    const restored = new RegularsDatabase(name);
    await restored.open();
    expect(await traces(restored, PERSONAL)).toEqual([]);
    expect((await backupPayload(restored)).text).not.toMatch(PERSONAL);
    expect(await restored.customers.get(other)).toMatchObject({ name: '王五' });
    expect((await restored.erasures.toArray()).map((e) => e.id).sort()).toEqual([zhang, older].sort());
    const entries = await restored.auditLog.orderBy('seq').toArray();
    expect(verifyChain(entries).status).toBe('intact');
    expect(entries.slice(-2).map((e) => [e.kind, e.facts.reapplied ?? null])).toEqual([
      ['backup.restored', null],
      ['customer.erase', true],
    ]);
    // Restored again (its own register travels with it): nothing left to erase, nothing written.
    expect(await createErasure(restored, deps()).reapply()).toEqual([]);
    restored.close();
  });

  it('a restore test leaves the staged copy as the backup holds it (it is compared, then deleted)', async () => {
    const { zhang } = await storeWithZhang();
    const before = await backupPayload(db);
    await createErasure(db, deps()).erase(zhang, 'delete');
    const name = `regulars-${crypto.randomUUID()}`;
    staged.push(name);
    const importer = createStagingImport(name, { schemaVersion: db.verno, counts: before.counts, payloadFormat: PAYLOAD_FORMAT });
    await importer.push(before.bytes);
    expect((await importer.finish(null, null, await createErasure(db, deps()).register())).erasedAgain).toBe(0);
  });

  it('an own-export row with an erased id is not imported, under any policy: the preview names it, the batch counts it apart', async () => {
    const { zhang, friend } = await storeWithZhang();
    clock = new Date('2026-03-02T10:00:00Z');
    await createErasure(db, deps()).erase(zhang, 'delete');
    const imports = createImportRepository(db, deps());
    for (const policy of ['skip', 'update', 'new'] as const) {
      const input = {
        fileName: 'old-export.csv',
        candidates: [
          { rowNumber: 2, id: zhang, fields: makeCustomerFields({ name: '张三丰', phones: [makePhone('+8613812345678', { raw: '13812345678' })], notes: '喜欢太极' }), consents: [{ channel: 'sms' as const, granted: true }] },
          // Another customer of the file, whom 张三丰 referred: imported, without the referrer.
          { rowNumber: 3, id: '00000000-0000-4000-8000-0000000000aa', fields: makeCustomerFields({ name: '孙七', referredBy: zhang }), consents: [] },
        ],
        policy,
        invalidRows: 0,
        emptyRows: 0,
      };
      const plan = await imports.planCustomers(input.candidates, policy);
      expect(plan.erased).toEqual([{ rowNumber: 2, erasedAt: '2026-03-02T10:00:00.000Z' }]);
      expect(plan.counts).toMatchObject({ rows: 2, erased: 1 });
      const r = await imports.importCustomers(input);
      expect(r.counts).toMatchObject({ rows: 2, erased: 1 });
      expect(await db.customers.get(zhang)).toBeUndefined();
      expect(await traces(db, PERSONAL)).toEqual([]);
      expect((await db.customers.toArray()).filter((c) => c.name === '孙七').every((c) => c.referredBy === null)).toBe(true);
    }
    expect(await db.customers.get(friend)).toMatchObject({ referredBy: null });
  });

  it('purchases of an erased customer number are not imported, nor is a placeholder customer made for it', async () => {
    const csv = (rows: string[]) =>
      importPurchases(parseDelimited(['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country', ...rows].join('\n')), {
        currency: 'GBP',
        now: new Date(2026, 0, 15),
        defaultRegion: 'CN',
      });
    const file = ['536365,85123A,WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom', '536366,71053,WHITE METAL LANTERN,6,12/1/2010 8:28,3.39,17850,United Kingdom', '536367,84879,ASSORTED BIRDS,32,12/1/2010 8:34,1.69,13047,Iceland'];
    const imports = createImportRepository(db, deps());
    await imports.importPurchases({ fileName: 'retail.csv', result: csv(file), externalCustomerName: (id) => `Customer ${id}` });
    const customer = (await db.customers.toArray()).find((c) => c.externalKey === '17850')!;
    clock = new Date('2026-03-02T10:00:00Z');
    const erased = await createErasure(db, deps()).erase(customer.id, 'delete');
    // The number they were imported under is in the register with their id.
    expect(erased.ids.sort()).toEqual([customer.id, '17850'].sort());

    // The same file (its invoices are gone with them) and a later one naming the number again.
    const again = csv([...file, '536400,22633,HAND WARMER UNION JACK,6,12/2/2010 9:00,1.85,17850,United Kingdom']);
    const plan = await imports.planPurchases(again);
    expect(plan.summary).toMatchObject({ totalRows: 4, erasedRows: 3, alreadyImportedRows: 1, importRows: 0, newCustomers: 0 });
    expect(plan.erased.map((e) => [e.purchase.rowNumbers, e.erasedAt])).toEqual([
      [[2], '2026-03-02T10:00:00.000Z'],
      [[3], '2026-03-02T10:00:00.000Z'],
      [[5], '2026-03-02T10:00:00.000Z'],
    ]);
    // A register that lacks the number (main's copy, which holds only ids of the UUID shape) learns it again at a restore.
    const store = new RegularsDatabase(`regulars-${crypto.randomUUID()}`);
    staged.push(store.name);
    await createImportRepository(store, deps()).importPurchases({ fileName: 'retail.csv', result: csv(file), externalCustomerName: (id) => `Customer ${id}` });
    const copy = (await store.customers.toArray()).find((c) => c.externalKey === '17850')!;
    expect(await createErasure(store, deps()).reapply([{ id: copy.id, erasedAt: '2026-03-02T10:00:00.000Z', purchases: 'delete' }])).toEqual([copy.id]);
    expect(await store.erasures.get('17850')).toEqual({ id: '17850', erasedAt: '2026-03-02T10:00:00.000Z', purchases: 'delete' });
    store.close();

    const r = await imports.importPurchases({ fileName: 'retail.csv', result: again, externalCustomerName: (id) => `Customer ${id}` });
    expect(r.counts).toMatchObject({ erased: 3, customersCreated: 0, purchases: 0 });
    expect((await db.customers.toArray()).map((c) => c.externalKey)).toEqual(['13047']);
    expect((await db.purchases.toArray()).map((p) => p.customerId)).toEqual([expect.not.stringMatching(customer.id)]);
  });

  it('a customers row naming the id an erased customer was imported under is not imported either', async () => {
    // A customer imported from another store's export under its id there (the id was taken here): kept as their number.
    const imports = createImportRepository(db, deps());
    const theirs = '00000000-0000-4000-8000-0000000000bb';
    const trashed = await createCustomerRepository(db, { ...deps(), newId: () => theirs }).create(makeCustomerFields({ name: '旧记录' }));
    await createCustomerRepository(db, deps()).moveToTrash(trashed.id);
    const row = { rowNumber: 2, id: theirs, fields: makeCustomerFields({ name: '张三丰', address: '武当山路 1 号' }), consents: [] };
    await imports.importCustomers({ fileName: 'other-store.csv', candidates: [row], policy: 'update', invalidRows: 0, emptyRows: 0 });
    const imported = (await db.customers.toArray()).find((c) => c.name === '张三丰')!;
    expect(imported.externalKey).toBe(theirs);
    await createErasure(db, deps()).erase(imported.id, 'delete');
    const r = await imports.importCustomers({ fileName: 'other-store.csv', candidates: [row], policy: 'new', invalidRows: 0, emptyRows: 0 });
    expect(r.counts).toMatchObject({ created: 0, erased: 1 });
    expect(await traces(db, PERSONAL)).toEqual([]);
  });

  it('a kept purchase keeps no old id anywhere: an import batch lists it under its new id, a return of it points at it', async () => {
    const { zhang, other } = await storeWithZhang();
    const purchases = createPurchaseRepository(db, deps());
    // Zhang's purchase imported by a batch, and another customer's return tied to it (an own export can tie one so).
    const [theirs] = await db.purchases.where('customerId').equals(zhang).toArray();
    await db.imports.add({ id: 'batch-p', at: clock.toISOString(), kind: 'purchases', fileName: 'p.csv', counts: {}, createdCustomerIds: [], updatedCustomers: [], purchaseIds: [theirs!.id], interactionIds: [], undoneAt: null });
    const stray = await purchases.record(other, makePurchaseFields({ purchasedAt: '2026-02-06T03:00:00.000Z', totalFen: -1_000 }));
    await db.purchases.update(stray.id, { returnOf: theirs!.id });
    const oldIds = (await db.purchases.toArray()).filter((p) => p.customerId === zhang).map((p) => p.id);
    const before = salesFigures(await db.purchases.toArray());

    await createErasure(db, deps()).erase(zhang, 'anonymise');

    expect(new Set((await traces(db, new RegExp(oldIds.join('|')))).map((t) => t.split(':')[0]))).toEqual(new Set(['auditLog']));
    expect(salesFigures(await db.purchases.toArray())).toEqual(before);
    const batch = (await db.imports.get('batch-p'))!;
    const renamed = (await db.purchases.get(batch.purchaseIds[0]!))!;
    expect(renamed).toMatchObject({ customerId: ANONYMOUS_CUSTOMER_ID, totalFen: theirs!.totalFen, purchasedAt: theirs!.purchasedAt });
    expect((await db.purchases.get(stray.id))!.returnOf).toBe(renamed.id);
    // Undoing that import still takes the purchase away.
    await createImportRepository(db, deps()).undo('batch-p');
    expect(await db.purchases.get(renamed.id)).toBeUndefined();
  });
});
