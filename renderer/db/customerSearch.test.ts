// The search table on fake-indexeddb: after every kind of customer write it holds exactly the active
// customers' tokens, so search finds what the records say and nothing from the trash.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { utcDayOf } from '../../shared/domain/customerFigures';
import { decodeText, importPurchases, parseDelimited, rowsToDrafts, suggestMapping } from '../../shared/domain/import';
import { makeCustomer, makeCustomerFields, makePhone } from '../../test/factories/customer';
import { makePurchaseFields } from '../../test/factories/purchase';
import { createCustomerRepository } from './customers';
import { RegularsDatabase } from './database';
import { createImportRepository } from './imports';
import { mergeCustomers } from './merge';
import { createDerivation } from './derivation';
import { createPurchaseRepository } from './purchases';
import { createStoreSetup } from './storeSetup';
import { storedCustomers } from '../../test/support/storedCustomers';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let ids: number;
const deps = () => ({ now: () => new Date('2026-03-01T10:00:00Z'), newId: () => `id-${String(++ids).padStart(6, '0')}`, dayOf: utcDayOf });

beforeEach(() => {
  db = database();
  ids = 0;
});

/** The invariant: one row per active customer with tokens, holding exactly the record's tokens. */
async function expectSearchToMatchCustomers(): Promise<void> {
  const expected = (await storedCustomers(db).toArray()).filter((c) => c.isDeleted === 0 && c.searchTokens.length > 0).map((c) => ({ id: c.id, tokens: c.searchTokens }));
  expect(await db.customerSearch.toArray()).toEqual(expected);
}

const found = async (term: string) => (await createCustomerRepository(db, deps()).listIds({ sort: 'name', direction: 'asc', terms: [term], tag: null })).ids;

describe('customerSearch', () => {
  it('follows create, edit, trash, restore and delete for good', async () => {
    const customers = createCustomerRepository(db, deps());
    const a = await customers.create(makeCustomerFields({ name: '林小红', phones: [makePhone('+8613812345678')] }));
    const b = await customers.create(makeCustomerFields({ name: 'Grace Lin', company: '茶馆' }));
    await expectSearchToMatchCustomers();
    expect(await found('5678')).toEqual([a.id]);

    await customers.update(a.id, makeCustomerFields({ name: '林小红', phones: [makePhone('+8613900001111')] }));
    await expectSearchToMatchCustomers();
    expect(await found('5678')).toEqual([]);
    expect(await found('1111')).toEqual([a.id]);

    await customers.moveToTrash(b.id);
    await expectSearchToMatchCustomers();
    expect(await db.customerSearch.get(b.id)).toBeUndefined();
    expect(await found('grace')).toEqual([]);
    await customers.restoreFromTrash(b.id);
    await expectSearchToMatchCustomers();
    expect(await found('grace')).toEqual([b.id]);

    await customers.moveToTrash(b.id);
    await customers.deleteForever(b.id);
    await customers.addMany([makeCustomer({ name: '王五' }), makeCustomer({ name: '赵六' })]);
    await expectSearchToMatchCustomers();
    expect(await db.customerSearch.count()).toBe(3);
  });

  it('is not written when only figures and status change (a purchase, a full recomputation)', async () => {
    const customers = createCustomerRepository(db, deps());
    const a = await customers.create(makeCustomerFields({ name: '林小红' }));
    const rowBefore = await db.customerSearch.get(a.id);
    const purchases = createPurchaseRepository(db, deps());
    await purchases.record(a.id, makePurchaseFields({ purchasedAt: '2026-02-01T03:00:00.000Z' }));
    await createDerivation(db, deps()).recomputeAllFigures();
    expect((await storedCustomers(db).get(a.id))?.purchaseCount).toBe(1);
    expect(await db.customerSearch.get(a.id)).toEqual(rowBefore);
    await expectSearchToMatchCustomers();
  });

  it('follows a merge: the survivor carries the merged phones, the merged-away customers leave', async () => {
    const customers = createCustomerRepository(db, deps());
    const a = await customers.create(makeCustomerFields({ name: '张三', phones: [makePhone('+8613812345678')] }));
    const b = await customers.create(makeCustomerFields({ name: '张三', phones: [makePhone('+8613900000000')] }));
    await mergeCustomers(db, deps())([a.id, b.id], { survivorId: a.id, picks: {} });
    await expectSearchToMatchCustomers();
    expect(await db.customerSearch.get(b.id)).toBeUndefined();
    expect(await found('0000000')).toEqual([a.id]);
  });

  it('follows a customers import with updates, and its undo', async () => {
    const customers = createCustomerRepository(db, deps());
    const old = await customers.create(makeCustomerFields({ name: '老客', phones: [makePhone('+8613812345678')] }));
    const table = parseDelimited(['姓名,手机,公司', '老客,13812345678,新公司', '新客,13912345678,'].join('\n'));
    const drafts = rowsToDrafts(table, suggestMapping(table.headers), { defaultRegion: 'CN', today: new Date(2026, 0, 15) });
    const candidates = drafts.drafts.map((d) => ({ rowNumber: d.rowNumber, fields: d.fields }));
    const imports = createImportRepository(db, deps());
    const r = await imports.importCustomers({ fileName: 'a.csv', candidates, policy: 'update', invalidRows: 0, emptyRows: 0 });
    expect(r.counts).toMatchObject({ created: 1, updated: 1 });
    await expectSearchToMatchCustomers();
    expect(await found('新公司')).toEqual([old.id]);
    expect(await found('新客')).toHaveLength(1);

    await imports.undo(r.batchId);
    await expectSearchToMatchCustomers();
    expect(await found('新公司')).toEqual([]);
    expect(await found('新客')).toEqual([]);
    expect(await found('老客')).toEqual([old.id]);
  });

  it('follows a purchases import that creates customers from customer numbers, and its undo', async () => {
    const raw = readFileSync(new URL('../../../shared/data/online-retail-sample.csv', import.meta.url));
    const result = importPurchases(parseDelimited(decodeText(new Uint8Array(raw)).text), { currency: 'GBP', now: new Date(2026, 0, 15), defaultRegion: 'CN' });
    const imports = createImportRepository(db, deps());
    const r = await imports.importPurchases({ fileName: 'retail.csv', result, externalCustomerName: (id) => `Customer ${id}` });
    expect(r.counts.customersCreated).toBeGreaterThan(0);
    await expectSearchToMatchCustomers();
    expect(await db.customerSearch.count()).toBe(r.counts.customersCreated);
    await imports.undo(r.batchId);
    expect(await db.customerSearch.count()).toBe(0);
    await expectSearchToMatchCustomers();
  }, 60_000);

  it('is filled by the demo store', async () => {
    await createStoreSetup(db, deps()).start('demo');
    expect(await db.customerSearch.count()).toBeGreaterThan(0);
    await expectSearchToMatchCustomers();
  }, 60_000);
});
