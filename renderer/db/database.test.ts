// The database's version history: shipped versions stay as they shipped, and each upgrade keeps the data.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../shared/domain/customer';
import { makeCustomer, makePhone } from '../../test/factories/customer';
import { RegularsDatabase, SCHEMA_V1, SCHEMA_V2 } from './database';

const FIGURE_FIELDS = ['totalSpentFen', 'purchaseCount', 'firstPurchaseAt', 'lastPurchaseAt', 'averageGapDays', 'medianGapDays', 'lastPurchaseSort'] as const;

/** A customer as version 1 stored it: no figure fields. */
function v1Customer(c: Customer): Record<string, unknown> {
  const row: Record<string, unknown> = { ...c };
  for (const key of FIGURE_FIELDS) delete row[key];
  return row;
}

describe('RegularsDatabase', () => {
  it('keeps version 1 exactly as shipped (change the schema only in a new version)', () => {
    expect(SCHEMA_V1).toEqual({
      customers:
        'id, *searchTokens, *tags, *phoneKeys, emailKey, [isDeleted+nameSort], [isDeleted+phoneSort], [isDeleted+tagsSort], [isDeleted+createdAt], [isDeleted+updatedAt], [isDeleted+deletedAt]',
      settings: 'key',
    });
  });

  it('keeps version 2 exactly as shipped', () => {
    expect(SCHEMA_V2).toEqual({
      customers:
        'id, *searchTokens, *tags, *phoneKeys, emailKey, [isDeleted+nameSort], [isDeleted+phoneSort], [isDeleted+tagsSort], [isDeleted+createdAt], [isDeleted+updatedAt], [isDeleted+deletedAt], [isDeleted+totalSpentFen], [isDeleted+purchaseCount], [isDeleted+lastPurchaseSort], externalKey',
      settings: 'key',
      purchases: 'id, customerId, [customerId+purchasedAt], purchasedAt, returnOf, importId, externalRef',
      interactions: 'id, customerId, [customerId+at], followUpDate, importId',
      catalog: 'key',
      auditLog: 'id, at, kind',
      imports: 'id, at',
    });
    // Every version-1 index is still there.
    for (const index of SCHEMA_V1.customers.split(', ')) expect(SCHEMA_V2.customers.split(', ')).toContain(index);
  });

  it('opens a new database at version 2 with its tables and indexes', async () => {
    const db = new RegularsDatabase(`schema-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['auditLog', 'catalog', 'customers', 'imports', 'interactions', 'purchases', 'settings']);
    const customerIndexes = db.customers.schema.indexes.map((i) => i.name);
    expect(customerIndexes).toEqual(expect.arrayContaining(['[isDeleted+nameSort]', '[isDeleted+totalSpentFen]', '[isDeleted+purchaseCount]', '[isDeleted+lastPurchaseSort]']));
    expect(db.customers.schema.indexes.find((i) => i.name === 'searchTokens')?.multi).toBe(true);
    expect(db.purchases.schema.indexes.map((i) => i.name)).toEqual(['customerId', '[customerId+purchasedAt]', 'purchasedAt', 'returnOf', 'importId', 'externalRef']);
    expect(db.interactions.schema.indexes.map((i) => i.name)).toEqual(['customerId', '[customerId+at]', 'followUpDate', 'importId']);
    await db.delete();
  });

  it('upgrades a version 1 database: customers keep every field and gain zero figures, settings stay', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    // More customers than one upgrade chunk (2,000), so the chunking is exercised.
    const customers = Array.from({ length: 2_345 }, (_, i) =>
      makeCustomer({ name: `客户${i}`, tags: i % 3 === 0 ? ['VIP'] : [], phones: [makePhone(`+86138${String(i).padStart(8, '0')}`)] }),
    );
    customers[7] = { ...customers[7]!, deletedAt: '2026-01-20T00:00:00.000Z', isDeleted: 1 };

    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    await v1.table('customers').bulkAdd(customers.map(v1Customer));
    await v1.table('settings').bulkPut([
      { key: 'startedAs', value: 'demo' },
      { key: 'defaultRegion', value: 'HK' },
    ]);
    v1.close();

    const db = new RegularsDatabase(name);
    await db.open();
    expect(db.verno).toBe(2);
    const stored = await db.customers.toArray();
    expect(stored).toHaveLength(customers.length);
    const byId = new Map(stored.map((c) => [c.id, c]));
    for (const c of customers) {
      expect(byId.get(c.id)).toEqual({
        ...v1Customer(c),
        totalSpentFen: 0,
        purchaseCount: 0,
        firstPurchaseAt: null,
        lastPurchaseAt: null,
        averageGapDays: null,
        medianGapDays: null,
        lastPurchaseSort: '',
        // From version 2 on, customers in the trash carry no search tokens.
        ...(c.isDeleted ? { searchTokens: [] } : {}),
      });
    }
    expect(await db.settings.toArray()).toEqual(
      expect.arrayContaining([
        { key: 'startedAs', value: 'demo' },
        { key: 'defaultRegion', value: 'HK' },
      ]),
    );
    // The new sort indexes hold every customer, the trash apart as before.
    expect(await db.customers.where('[isDeleted+lastPurchaseSort]').between([0, Dexie.minKey], [0, Dexie.maxKey]).count()).toBe(customers.length - 1);
    expect(await db.customers.where('[isDeleted+totalSpentFen]').between([1, Dexie.minKey], [1, Dexie.maxKey]).primaryKeys()).toEqual([customers[7]!.id]);
    expect(await db.customers.where('[isDeleted+purchaseCount]').equals([0, 0]).count()).toBe(customers.length - 1);
    // The old indexes still answer.
    expect(await db.customers.where('tags').equals('VIP').count()).toBe(Math.ceil(customers.length / 3));
    expect(await db.customers.where('searchTokens').startsWith('00000042').count()).toBe(1);
    expect(await db.purchases.count()).toBe(0);
    await db.delete();
  });

  it('upgrades an empty version 1 database', async () => {
    const name = `upgrade-empty-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    v1.close();
    const db = new RegularsDatabase(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.customers.count()).toBe(0);
    await db.delete();
  });
});
