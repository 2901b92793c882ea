// The database's version history: shipped versions stay as they shipped, and each upgrade keeps the data.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storeMedianGap } from '../../shared/domain/churn';
import type { Customer } from '../../shared/domain/customer';
import { computeCustomerFigures, customerFigureFields, localDayOf } from '../../shared/domain/customerFigures';
import { DEFAULT_STATUS_SETTINGS, deriveCustomerStatus } from '../../shared/domain/customerStatus';
import { newPurchaseRecord, type Purchase } from '../../shared/domain/purchase';
import { makeCustomer, makePhone } from '../../test/factories/customer';
import { makeLine, makePurchaseFields } from '../../test/factories/purchase';
import { CURRENT_SCHEMA_VERSION, databaseAtVersion } from './backupSchemas';
import { RegularsDatabase, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5 } from './database';
import { storedCustomers } from '../../test/support/storedCustomers';

const FIGURE_FIELDS = ['totalSpentFen', 'purchaseCount', 'firstPurchaseAt', 'lastPurchaseAt', 'averageGapDays', 'medianGapDays', 'lastPurchaseSort'] as const;
const STATUS_FIELDS = ['tierId', 'lifecycleStage', 'churnLevel', 'churnReason', 'valueAtRiskFen', 'statusAsOf', 'lastTierReviewAt', 'pendingTierId'] as const;

/** A customer as version 2 stored it: no status fields. */
function v2Customer(c: Customer): Record<string, unknown> {
  const row: Record<string, unknown> = { ...c };
  for (const key of STATUS_FIELDS) delete row[key];
  return row;
}

/** A customer as version 1 stored it: no figure fields either. */
function v1Customer(c: Customer): Record<string, unknown> {
  const row = v2Customer(c);
  for (const key of FIGURE_FIELDS) delete row[key];
  return row;
}

/** The status the version 3 upgrade gives a customer without purchases, on `day`. */
const NO_PURCHASE_STATUS = (day: string) => ({
  tierId: 'potential',
  lifecycleStage: 'prospect',
  churnLevel: 'none',
  churnReason: { code: 'no-purchases', params: { usualGapDays: null, daysSinceLast: null, basis: null } },
  valueAtRiskFen: 0,
  statusAsOf: day,
  lastTierReviewAt: null,
  pendingTierId: null,
});

afterEach(() => {
  vi.useRealTimers();
});

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

  it('keeps version 3 exactly as shipped', () => {
    expect(SCHEMA_V3).toEqual({
      customers:
        'id, *searchTokens, *tags, *phoneKeys, emailKey, [isDeleted+nameSort], [isDeleted+phoneSort], [isDeleted+tagsSort], [isDeleted+createdAt], [isDeleted+updatedAt], [isDeleted+deletedAt], [isDeleted+totalSpentFen], [isDeleted+purchaseCount], [isDeleted+lastPurchaseSort], externalKey, [isDeleted+tierId], [isDeleted+lifecycleStage], [isDeleted+churnLevel], [isDeleted+valueAtRiskFen]',
      settings: 'key',
      purchases: 'id, customerId, [customerId+purchasedAt], purchasedAt, returnOf, importId, externalRef',
      interactions: 'id, customerId, [customerId+at], followUpDate, importId',
      catalog: 'key',
      auditLog: 'id, at, kind',
      imports: 'id, at',
      tierHistory: 'id, customerId, [customerId+at]',
    });
    // Every version-2 table and index is still there.
    for (const [table, spec] of Object.entries(SCHEMA_V2)) {
      for (const index of spec.split(', ')) expect((SCHEMA_V3 as Record<string, string>)[table]!.split(', ')).toContain(index);
    }
  });

  it('keeps version 4 exactly as shipped', () => {
    expect(SCHEMA_V4.customers).toBe(`${SCHEMA_V3.customers}, [isDeleted+pendingTierId]`);
    expect({ ...SCHEMA_V4, customers: SCHEMA_V3.customers }).toEqual(SCHEMA_V3);
  });

  it('version 5 moves the search tokens to their own table and keeps every other index', () => {
    const v4Customers = SCHEMA_V4.customers.split(', ');
    expect(SCHEMA_V5.customers.split(', ')).toEqual(v4Customers.filter((index) => index !== '*searchTokens'));
    expect(SCHEMA_V5.customerSearch).toBe('id, *tokens');
    expect({ ...SCHEMA_V5, customers: SCHEMA_V4.customers, customerSearch: undefined }).toEqual({ ...SCHEMA_V4, customerSearch: undefined });
  });

  it('opens a new database at version 20 with its tables and indexes', async () => {
    const db = new RegularsDatabase(`schema-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBe(20);
    // Version 19: saved segments by name (the picker).
    expect(db.savedSegments.schema.indexes.map((i) => i.name)).toEqual(['name']);
    // Version 20: the status counts, by key only.
    expect(db.statusCounts.schema.indexes).toEqual([]);
    // Version 18: campaigns by start; their members by campaign and group, and by customer.
    expect(db.campaigns.schema.indexes.map((i) => i.name)).toEqual(['startedAt']);
    expect(db.campaignMembers.schema.indexes.map((i) => i.name)).toEqual(['[campaignId+group]', 'customerId']);
    // Version 17: the report tables, by day, by bucket and by month, without an index.
    expect(db.salesDays.schema.primKey.keyPath).toBe('day');
    expect(db.salesDays.schema.indexes).toEqual([]);
    expect(db.visitBuckets.schema.primKey.keyPath).toBe('bucket');
    expect(db.visitBuckets.schema.indexes).toEqual([]);
    expect(db.pointsMonths.schema.primKey.keyPath).toBe('month');
    expect(db.pointsMonths.schema.indexes).toEqual([]);
    // Version 16: the satisfaction tally by month.
    expect(db.surveyTally.schema.indexes.map((i) => i.name)).toEqual(['month']);
    // Version 15: open follow-ups alone in an index; survey answers by customer, time and open follow-up; complaints.
    expect(db.interactions.schema.indexes.map((i) => i.name)).toEqual(['[customerId+at]', 'followUpOpen']);
    expect(db.surveyAnswers.schema.indexes.map((i) => i.name)).toEqual(['[customerId+answeredAt]', 'answeredAt', 'followUpOpen']);
    expect(db.surveyState.schema.indexes.map((i) => i.name)).toEqual(['[isDeleted+lastBand]']);
    expect(db.complaints.schema.indexes.map((i) => i.name)).toEqual(['customerId', 'receivedAt', 'openDue']);
    // Version 14: the clerk's marks on reminders by key, found by customer; who is due a call-back per tier.
    expect(db.reminderMarks.schema.primKey.keyPath).toBe('key');
    expect(db.reminderMarks.schema.indexes.map((i) => i.name)).toEqual(['customerId']);
    expect(db.customerState.schema.indexes.map((i) => i.name)).toContain('[isDeleted+tierId+lastTouchSort]');
    expect(db.auditLog.schema.indexes.map((i) => i.name)).toEqual(['seq', 'at', 'kind', 'customerIds']);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['auditLog', 'bookkeeping', 'campaignMembers', 'campaigns', 'catalog', 'complaints', 'consentEvents', 'consentState', 'customerSearch', 'customerState', 'customers', 'erasures', 'imports', 'interactions', 'pins', 'pointsEntries', 'pointsMonths', 'pointsState', 'purchases', 'reminderMarks', 'rewards', 'salesDays', 'savedSegments', 'settings', 'statusCounts', 'surveyAnswers', 'surveyState', 'surveyTally', 'surveys', 'tierHistory', 'visitBuckets']);
    // Version 13: the entries keyed by customer and time, found by id, a purchase's entries; each customer's
    // points narrow, sorted for the list, with the rollover's next expiry. Version 12: the catalogue by id alone.
    expect(db.pointsEntries.schema.primKey.keyPath).toEqual(['customerId', 'createdAt', 'id']);
    expect(db.pointsEntries.schema.indexes.map((i) => [i.name, i.unique])).toEqual([['id', true], ['purchaseId', false]]);
    expect(db.pointsState.schema.indexes.map((i) => i.name)).toEqual(['[isDeleted+pointsBalance]', 'pointsNextExpiryAt']);
    expect(db.customerState.schema.indexes.map((i) => i.name)).not.toContain('[isDeleted+pointsBalance]');
    expect(db.rewards.schema.indexes).toEqual([]);
    // Version 11: the erasure register, by the erased customer's id, no other index.
    expect(db.erasures.schema.indexes).toEqual([]);
    // Version 9: consent answers by customer in time order; who granted a channel, from the index alone.
    expect(db.consentEvents.schema.indexes.map((i) => i.name)).toEqual(['[customerId+at]']);
    expect(db.consentState.schema.indexes.map((i) => [i.name, i.multi])).toEqual([['granted', true]]);
    expect(db.bookkeeping.schema.primKey.keyPath).toBe('key');
    expect(db.pins.schema.primKey.keyPath).toBe('role');
    const customerIndexes = db.customers.schema.indexes.map((i) => i.name);
    expect(customerIndexes).toEqual(['tags', 'phoneKeys', 'emailKey', '[isDeleted+nameSort]', '[isDeleted+phoneSort]', '[isDeleted+tagsSort]', '[isDeleted+createdAt]', '[isDeleted+updatedAt]', '[isDeleted+deletedAt]', 'externalKey', 'birthdayKey']);
    // The sort and filter indexes over derived values are the state table's (version 7; the points' their own, version 13).
    const stateIndexes = db.customerState.schema.indexes.map((i) => i.name);
    expect(stateIndexes).toEqual(['[isDeleted+totalSpentFen]', '[isDeleted+purchaseCount]', '[isDeleted+lastPurchaseSort]']
      .concat(['[isDeleted+tierId]', '[isDeleted+lifecycleStage]', '[isDeleted+churnLevel]', '[isDeleted+valueAtRiskFen]', '[isDeleted+pendingTierId]', '[isDeleted+tierId+lastTouchSort]', '[isDeleted+rfmScore]']));
    // Version 8: by customer through the compound indexes; an import's undo reads its batch, not an index.
    // Version 17: tier history by time too (the reports' movement).
    expect(db.tierHistory.schema.indexes.map((i) => i.name)).toEqual(['[customerId+at]', 'at']);
    expect(db.customers.schema.indexes.find((i) => i.name === 'searchTokens')).toBeUndefined();
    expect(db.customerSearch.schema.indexes.map((i) => [i.name, i.multi])).toEqual([['tokens', true]]);
    expect(db.purchases.schema.indexes.map((i) => i.name)).toEqual(['[customerId+purchasedAt]', 'purchasedAt', 'returnOf', 'externalRef']);
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

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T10:00:00.000Z'));
    const db = new RegularsDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const stored = await storedCustomers(db).toArray();
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
        ...NO_PURCHASE_STATUS(localDayOf('2026-11-23T10:00:00.000Z')),
        // From version 2 on, customers in the trash carry no search tokens.
        ...(c.isDeleted ? { searchTokens: [] } : {}),
      });
    }
    // From version 6 on the configuration stays in settings and how the store was started is bookkeeping.
    expect(await db.settings.toArray()).toEqual(expect.arrayContaining([{ key: 'defaultRegion', value: 'HK' }]));
    expect(await db.bookkeeping.toArray()).toEqual(expect.arrayContaining([{ key: 'startedAs', value: 'demo' }]));
    // The new sort indexes hold every customer, the trash apart as before.
    expect(await db.customerState.where('[isDeleted+lastPurchaseSort]').between([0, Dexie.minKey], [0, Dexie.maxKey]).count()).toBe(customers.length - 1);
    expect(await db.customerState.where('[isDeleted+totalSpentFen]').between([1, Dexie.minKey], [1, Dexie.maxKey]).primaryKeys()).toEqual([customers[7]!.id]);
    expect(await db.customerState.where('[isDeleted+purchaseCount]').equals([0, 0]).count()).toBe(customers.length - 1);
    // The old indexes still answer.
    expect(await db.customers.where('tags').equals('VIP').count()).toBe(Math.ceil(customers.length / 3));
    expect(await db.customerSearch.where('tokens').startsWith('00000042').count()).toBe(1);
    // Version 5: every active customer's tokens in the search table, the trash apart.
    expect(await db.customerSearch.count()).toBe(customers.length - 1);
    expect(await db.customerSearch.get(customers[7]!.id)).toBeUndefined();
    expect(await db.purchases.count()).toBe(0);
    await db.delete();
  }, 60_000);

  it('upgrades an empty version 1 database', async () => {
    const name = `upgrade-empty-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    v1.close();
    const db = new RegularsDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.customers.count()).toBe(0);
    await db.delete();
  });

  it('upgrades a version 2 database: customers gain their status derived from their purchases under the default rules', async () => {
    const NOW = '2026-11-23T10:00:00.000Z';
    const name = `upgrade-v2-${crypto.randomUUID()}`;
    // More customers than one upgrade chunk (2,000); ids in order, so some with purchases fall in each chunk.
    const customers = Array.from({ length: 2_050 }, (_, i) => makeCustomer({ name: `客户${i}` }, { id: `c-${String(i).padStart(5, '0')}` }));
    customers[3] = { ...customers[3]!, deletedAt: '2026-01-20T00:00:00.000Z', isDeleted: 1, searchTokens: [] };
    let n = 0;
    const buy = (customerId: string, purchasedAt: string, totalFen: number): Purchase =>
      newPurchaseRecord(makePurchaseFields({ purchasedAt, lines: [makeLine({ quantity: 1, unitPriceFen: totalFen })], totalFen, subtotalFen: totalFen }), {
        id: `p-${++n}`,
        customerId,
        now: new Date(NOW),
      });
    const day = (d: string) => `${d}T03:00:00.000Z`;
    const purchases = [
      // c-00000: six purchases, ¥6,000 in the last 12 months, the last a week ago: VIP.
      ...['2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-11-16'].map((d) => buy('c-00000', day(d), 100_000)),
      // c-00001: two purchases two years ago: churned, at the floor.
      buy('c-00001', day('2024-10-01'), 30_000),
      buy('c-00001', day('2024-10-21'), 30_000),
      // c-00003 (in the trash): its gap stays out of the store median.
      buy('c-00003', day('2026-10-01'), 10_000),
      buy('c-00003', day('2026-10-02'), 10_000),
      // c-02040, in the second chunk: three purchases this autumn, ¥1,200: regular.
      ...['2026-09-01', '2026-10-01', '2026-11-01'].map((d) => buy('c-02040', day(d), 40_000)),
    ];
    const byCustomer = new Map<string, Purchase[]>();
    for (const p of purchases) byCustomer.set(p.customerId, [...(byCustomer.get(p.customerId) ?? []), p]);
    const v2Rows = customers.map((c) => ({ ...v2Customer(c), id: c.id, isDeleted: c.isDeleted, ...customerFigureFields(computeCustomerFigures(byCustomer.get(c.id) ?? [], localDayOf)) }));

    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    await v2.table('customers').bulkAdd(v2Rows);
    await v2.table('purchases').bulkAdd(purchases);
    await v2.table('settings').bulkPut([{ key: 'startedAs', value: 'demo' }]);
    v2.close();

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(NOW));
    const db = new RegularsDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);

    const storeMedianGapDays = storeMedianGap(v2Rows.filter((r) => r.isDeleted !== 1).map((r) => r.medianGapDays));
    expect(storeMedianGapDays).toBe(30.5); // the median of c-00000's 31, c-00001's 20 and c-02040's 30.5
    // Cached by the v3 upgrade in settings, moved to bookkeeping by the v6 one.
    expect(await db.bookkeeping.get('storeMedianGapDays')).toEqual({ key: 'storeMedianGapDays', value: storeMedianGapDays });
    expect(await db.bookkeeping.get('startedAs')).toEqual({ key: 'startedAs', value: 'demo' });

    const stored = new Map((await storedCustomers(db).toArray()).map((c) => [c.id, c]));
    expect(stored.size).toBe(customers.length);
    const today = localDayOf(NOW);
    for (const row of v2Rows) {
      const s = deriveCustomerStatus({
        ...DEFAULT_STATUS_SETTINGS,
        purchases: byCustomer.get(row.id) ?? [],
        previous: { tierId: null, stage: null, lastReviewAt: null },
        asOf: new Date(NOW),
        dayOf: localDayOf,
        storeMedianGapDays,
      });
      expect(stored.get(row.id)).toEqual({
        ...row,
        tierId: s.tierId,
        lifecycleStage: s.stage,
        churnLevel: s.risk.level,
        churnReason: s.risk.reason,
        valueAtRiskFen: s.valueAtRiskFen,
        statusAsOf: today,
        lastTierReviewAt: null,
        pendingTierId: null,
        // Version 14: the last visit is what a cadence counts from (no contact is logged).
        lastTouchSort: row.lastPurchaseAt ?? '',
      });
    }
    expect(stored.get('c-00000')).toMatchObject({ tierId: 'vip', lifecycleStage: 'loyal', churnLevel: 'none', valueAtRiskFen: 600_000 });
    expect(stored.get('c-00001')).toMatchObject({ tierId: 'potential', lifecycleStage: 'churned', churnLevel: 'high' });
    expect(stored.get('c-02040')).toMatchObject({ tierId: 'regular', lifecycleStage: 'repeat', valueAtRiskFen: 120_000 });
    expect(stored.get('c-00005')).toMatchObject(NO_PURCHASE_STATUS(today));

    // The new indexes answer; the trash stays apart.
    expect(await db.customerState.where('[isDeleted+tierId]').equals([0, 'vip']).primaryKeys()).toEqual(['c-00000']);
    expect(await db.customerState.where('[isDeleted+tierId]').equals([0, 'potential']).count()).toBe(customers.length - 3);
    expect(await db.customerState.where('[isDeleted+lifecycleStage]').equals([0, 'churned']).primaryKeys()).toEqual(['c-00001']);
    expect(await db.customerState.where('[isDeleted+churnLevel]').equals([0, 'high']).primaryKeys()).toEqual(['c-00001']);
    expect(await db.customerState.where('[isDeleted+valueAtRiskFen]').between([0, 1], [0, Dexie.maxKey]).primaryKeys()).toEqual(['c-02040', 'c-00000']);
    expect(await db.customerState.where('[isDeleted+tierId]').between([1, Dexie.minKey], [1, Dexie.maxKey]).primaryKeys()).toEqual(['c-00003']);
    expect(await db.tierHistory.count()).toBe(0);
    expect(await db.purchases.count()).toBe(purchases.length);
    await db.delete();
  }, 60_000);
  it('upgrades a version 3 database: the pending downgrades are indexed, nothing else changes', async () => {
    const name = `upgrade-v3-${crypto.randomUUID()}`;
    const v3 = databaseAtVersion(name, 3)!;
    await v3.open();
    const rows = Array.from({ length: 5 }, (_, i) => ({
      ...makeCustomer({ name: `客户${i}` }),
      id: `c-${i}`,
      tierId: i < 2 ? 'vip' : 'potential',
      pendingTierId: i < 2 ? 'regular' : null,
      isDeleted: i === 1 ? 1 : 0,
    }));
    await v3.table('customers').bulkAdd(rows);
    await v3.table('tierHistory').add({ id: 'h1', customerId: 'c-0', at: '2026-01-01T00:00:00.000Z', from: null, to: 'vip', reason: { code: 'tier-assigned', params: {} } });
    v3.close();

    const db = new RegularsDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await storedCustomers(db).toArray()).toEqual(rows);
    expect(await db.tierHistory.count()).toBe(1);
    expect(await db.customerState.where('[isDeleted+pendingTierId]').between([0, Dexie.minKey], [0, Dexie.maxKey]).primaryKeys()).toEqual(['c-0']);
    expect(await db.customerState.where('[isDeleted+pendingTierId]').between([1, Dexie.minKey], [1, Dexie.maxKey]).primaryKeys()).toEqual(['c-1']);
    await db.delete();
  });

  it('upgrades a version 4 database: the tokens of the active customers fill the search table, the records stay as they were', async () => {
    const name = `upgrade-v4-${crypto.randomUUID()}`;
    // A database made at exactly version 4, as a restore builds one (the project's own helper).
    const v4 = databaseAtVersion(name, 4)!;
    await v4.open();
    // More customers than one upgrade chunk (2,000); one in the trash, one without any token.
    const rows = Array.from({ length: 2_345 }, (_, i) => ({
      ...makeCustomer({ name: `客户${i}`, phones: [makePhone(`+86139${String(i).padStart(8, '0')}`)] }),
      id: `c-${String(i).padStart(5, '0')}`,
    }));
    rows[3] = { ...rows[3]!, isDeleted: 1, deletedAt: '2026-01-20T00:00:00.000Z', searchTokens: [] };
    rows[2_100] = { ...rows[2_100]!, searchTokens: [] };
    await v4.table('customers').bulkAdd(rows);
    expect(await v4.table('customers').where('searchTokens').startsWith('00000042').count()).toBe(1);
    v4.close();

    const db = new RegularsDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await storedCustomers(db).toArray()).toEqual(rows);
    const search = await db.customerSearch.toArray();
    expect(search).toEqual(rows.filter((r) => r.isDeleted === 0 && r.searchTokens.length > 0).map((r) => ({ id: r.id, tokens: r.searchTokens })));
    expect(search).toHaveLength(rows.length - 2);
    expect(await db.customerSearch.where('tokens').startsWith('00000042').primaryKeys()).toEqual(['c-00042']);
    expect(await db.customerSearch.where('tokens').equals('客户3').primaryKeys()).toEqual([]);
    await db.delete();
  }, 60_000);
});
