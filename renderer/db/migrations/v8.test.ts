// Version 8 on a version-7 store with an import not yet undone: the unneeded indexes go, every row stays,
// the customer's purchases, contacts and tier history are still found by customer, and the import undoes.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { utcDayOf } from '../../../shared/domain/customerFigures';
import { customerRecordOf, customerStateOf } from '../../../shared/domain/customerDerived';
import { newPurchaseRecord } from '../../../shared/domain/purchase';
import { makeCustomer, makePhone } from '../../../test/factories/customer';
import { makeInteraction, makePurchaseFields } from '../../../test/factories/purchase';
import { storedCustomers } from '../../../test/support/storedCustomers';
import { RegularsDatabase } from '../database';
import { createImportRepository } from '../imports';
import { SCHEMA_V7 } from './v7';
import { SCHEMA_V8 } from './v8';

const NOW = new Date('2026-03-01T10:00:00Z');

describe('version 8: fewer index entries per purchase', () => {
  it('keeps version 8 as shipped: only importId and the customerId indexes covered by a compound index go', () => {
    const dropped: Record<string, string[]> = {
      purchases: ['customerId', 'importId'],
      interactions: ['customerId', 'importId'],
      tierHistory: ['customerId'],
    };
    for (const [table, spec] of Object.entries(SCHEMA_V7)) {
      const gone = dropped[table] ?? [];
      expect(SCHEMA_V8[table as keyof typeof SCHEMA_V8].split(', '), table).toEqual(spec.split(', ').filter((index) => !gone.includes(index)));
    }
    expect(Object.keys(SCHEMA_V8)).toEqual(Object.keys(SCHEMA_V7));
  });

  it('upgrades a version 7 store: rows unchanged, still found by customer, and an import from before still undoes', async () => {
    const name = `upgrade-v8-${crypto.randomUUID()}`;
    const customers = Array.from({ length: 30 }, (_, i) => makeCustomer({ name: `客户${i}`, phones: [makePhone(`+86137${String(i).padStart(8, '0')}`)] }, { id: `c-${String(i).padStart(3, '0')}` }));
    const batchId = 'batch-1';
    // Each customer: two purchases of the import, one typed at the till, two contacts and a tier change.
    const purchases = customers.flatMap((c, i) => [
      newPurchaseRecord(makePurchaseFields({ purchasedAt: '2026-01-05T02:00:00.000Z', totalFen: 100 + i }), { id: `p-${i}-a`, customerId: c.id, now: NOW, importId: batchId }),
      newPurchaseRecord(makePurchaseFields({ purchasedAt: '2026-01-02T02:00:00.000Z', totalFen: 200 + i }), { id: `p-${i}-b`, customerId: c.id, now: NOW, importId: batchId }),
      newPurchaseRecord(makePurchaseFields({ purchasedAt: '2026-02-01T02:00:00.000Z', totalFen: 300 + i }), { id: `p-${i}-c`, customerId: c.id, now: NOW }),
    ]);
    const interactions = customers.flatMap((c, i) => [
      makeInteraction({ at: '2026-01-03T02:00:00.000Z', id: `i-${i}-a`, customerId: c.id }),
      makeInteraction({ at: '2026-01-01T02:00:00.000Z', id: `i-${i}-b`, customerId: c.id }),
    ]);
    const history = customers.map((c, i) => ({ id: `h-${i}`, customerId: c.id, at: '2026-01-05T02:00:00.000Z', from: null, to: 'potential', reason: { code: 'tier-assigned', params: {} } }));

    const v7 = new Dexie(name);
    v7.version(7).stores(SCHEMA_V7);
    await v7.open();
    await v7.table('customers').bulkAdd(customers.map(customerRecordOf));
    await v7.table('customerState').bulkAdd(customers.map(customerStateOf));
    await v7.table('purchases').bulkAdd(purchases);
    await v7.table('interactions').bulkAdd(interactions);
    await v7.table('tierHistory').bulkAdd(history);
    await v7.table('imports').add({
      id: batchId,
      at: '2026-01-05T03:00:00.000Z',
      kind: 'purchases',
      fileName: 'till.csv',
      counts: { purchases: 60 },
      createdCustomerIds: [],
      updatedCustomers: [],
      purchaseIds: purchases.filter((p) => p.importId === batchId).map((p) => p.id),
      interactionIds: [],
      undoneAt: null,
    });
    v7.close();

    const db = new RegularsDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(8);
    expect(db.purchases.schema.indexes.map((i) => i.name)).toEqual(['[customerId+purchasedAt]', 'purchasedAt', 'returnOf', 'externalRef']);
    // Contacts lost customerId and importId here (version 15 changed the follow-up's index).
    expect(db.interactions.schema.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['[customerId+at]']));
    expect(db.interactions.schema.indexes.map((i) => i.name)).not.toEqual(expect.arrayContaining(['customerId']));
    expect(db.interactions.schema.indexes.map((i) => i.name)).not.toEqual(expect.arrayContaining(['importId']));
    // Tier history lost customerId here (version 17 added `at`).
    expect(db.tierHistory.schema.indexes.map((i) => i.name)).not.toContain('customerId');
    expect(await db.purchases.toArray()).toEqual([...purchases].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(await db.interactions.count()).toBe(interactions.length);
    expect(await db.tierHistory.count()).toBe(history.length);

    // By customer, through the compound index's prefix, oldest first.
    expect((await db.purchases.where('customerId').equals('c-007').toArray()).map((p) => p.id)).toEqual(['p-7-b', 'p-7-a', 'p-7-c']);
    expect((await db.interactions.where('customerId').equals('c-007').toArray()).map((i) => i.id)).toEqual(['i-7-b', 'i-7-a']);
    expect(await db.purchases.where('customerId').anyOf(['c-001', 'c-002']).count()).toBe(6);
    expect(await db.tierHistory.where('customerId').equals('c-029').count()).toBe(1);

    // The batch's own list of purchases undoes it: the till's purchases stay, figures follow.
    const repo = createImportRepository(db, { now: () => NOW, newId: () => crypto.randomUUID(), dayOf: utcDayOf });
    await repo.undo(batchId);
    expect((await db.purchases.toArray()).map((p) => p.id).sort()).toEqual(purchases.filter((p) => p.importId === null).map((p) => p.id).sort());
    const after = await storedCustomers(db).get('c-007');
    expect(after).toMatchObject({ purchaseCount: 1, totalSpentFen: 307 });
    await db.delete();
  });
});
