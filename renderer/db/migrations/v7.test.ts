// Version 7 on a version-5 database of 5,500 customers (through version 6), some in the trash: the derived values move to
// customerState (isDeleted mirrored, the list's indexes answering there), the records keep the rest.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { v14BirthdayKey } from './v14';
import { describe, expect, it } from 'vitest';
import { makeCustomer, makePhone } from '../../../test/factories/customer';
import { RegularsDatabase, SCHEMA_V5, SCHEMA_V6 } from '../database';
import { SCHEMA_V7, splitV6Customer } from './v7';

const DERIVED = [
  'totalSpentFen', 'purchaseCount', 'firstPurchaseAt', 'lastPurchaseAt', 'averageGapDays', 'medianGapDays', 'lastPurchaseSort',
  'tierId', 'lifecycleStage', 'churnLevel', 'churnReason', 'valueAtRiskFen', 'statusAsOf', 'lastTierReviewAt', 'pendingTierId',
  'pendingTierReason', 'rfmScore',
];
// Past version 7's chunk of 2,000 twice, with a part chunk after, and past version 20's chunk of 5,000 on the way.
const COUNT = 5_500;

/** A customer as version 5 stored it: the record with its derived values, varied so each index has something to answer. */
function v5Customer(i: number): Record<string, unknown> {
  const base = makeCustomer({ name: `客户${i}`, tags: i % 4 === 0 ? ['VIP'] : [], phones: [makePhone(`+86137${String(i).padStart(8, '0')}`)] }, { id: `c-${String(i).padStart(5, '0')}` });
  const trashed = i % 53 === 5;
  const bought = i % 3 === 0;
  return {
    ...base,
    ...(trashed ? { isDeleted: 1, deletedAt: '2026-02-01T00:00:00.000Z', searchTokens: [] } : {}),
    totalSpentFen: bought ? i * 100 : 0,
    purchaseCount: bought ? 1 + (i % 5) : 0,
    firstPurchaseAt: bought ? '2025-06-01T02:00:00.000Z' : null,
    lastPurchaseAt: bought ? '2026-01-10T02:00:00.000Z' : null,
    lastPurchaseSort: bought ? '2026-01-10T02:00:00.000Z' : '',
    averageGapDays: bought ? 12.5 : null,
    medianGapDays: bought ? 11 : null,
    tierId: i % 10 === 0 ? 'vip' : 'potential',
    lifecycleStage: bought ? 'repeat' : 'prospect',
    churnLevel: i % 7 === 0 ? 'high' : 'none',
    valueAtRiskFen: i % 7 === 0 ? i : 0,
    pendingTierId: i % 50 === 0 ? 'regular' : null,
    pendingTierReason: i % 50 === 0 ? { code: 'tier-downgrade-pending', params: {} } : null,
    rfmScore: bought ? '345' : null,
  };
}

describe('version 7: derived values apart', () => {
  it('keeps version 7 as shipped: the record loses exactly the indexes over derived values, which the state table carries', () => {
    const moved = ['[isDeleted+totalSpentFen]', '[isDeleted+purchaseCount]', '[isDeleted+lastPurchaseSort]', '[isDeleted+tierId]', '[isDeleted+lifecycleStage]', '[isDeleted+churnLevel]', '[isDeleted+valueAtRiskFen]', '[isDeleted+pendingTierId]'];
    expect(SCHEMA_V7.customers.split(', ')).toEqual(SCHEMA_V6.customers.split(', ').filter((index) => !moved.includes(index)));
    expect(SCHEMA_V7.customerState.split(', ')).toEqual(['id', ...moved]);
    expect({ ...SCHEMA_V7, customers: undefined, customerState: undefined }).toEqual({ ...SCHEMA_V6, customers: undefined });
  });

  it('moves only the values a record has (a record from before version 4 has no rfmScore nor pendingTierReason)', () => {
    const { rfmScore: _r, pendingTierReason: _p, ...old } = v5Customer(3) as Record<string, unknown> & { id: string };
    const { record, state } = splitV6Customer(old as { id: string });
    expect('rfmScore' in state).toBe(false);
    expect('pendingTierReason' in state).toBe(false);
    expect(state).toMatchObject({ id: 'c-00003', isDeleted: 0, totalSpentFen: 300, tierId: 'potential' });
    for (const key of DERIVED) expect(key in record).toBe(false);
  });

  it(`upgrades a version 5 database of ${COUNT.toLocaleString('en')} customers, trash included`, async () => {
    const name = `upgrade-v7-${crypto.randomUUID()}`;
    const rows = Array.from({ length: COUNT }, (_, i) => v5Customer(i));
    const trashed = rows.filter((r) => r.isDeleted === 1).map((r) => r.id as string);
    expect(trashed.length).toBeGreaterThan(100);

    const v5 = new Dexie(name);
    v5.version(5).stores(SCHEMA_V5);
    await v5.open();
    await v5.table('customers').bulkAdd(rows);
    await v5.table('customerSearch').bulkAdd(rows.filter((r) => r.isDeleted === 0).map((r) => ({ id: r.id, tokens: r.searchTokens })));
    await v5.table('purchases').add({ id: 'p-1', customerId: 'c-00000', purchasedAt: '2026-01-10T02:00:00.000Z', totalFen: 100, isVoided: 0, returnOf: null, lines: [] });
    await v5.table('settings').put({ key: 'defaultRegion', value: 'HK' });
    v5.close();

    const db = new RegularsDatabase(name);
    await db.open();
    // Opened at today's version: version 7's upgrade ran on the way (later ones change no customer rows; version 12
    // gives each state row no points, which version 13 moves to a points row of its own).
    expect(db.verno).toBeGreaterThanOrEqual(7);

    const records = await db.customers.toArray();
    const states = await db.customerState.toArray();
    expect(records).toHaveLength(COUNT);
    expect(states).toHaveLength(COUNT);
    const stateById = new Map(states.map((s) => [s.id, s]));
    for (const [i, row] of rows.entries()) {
      const record = records[i] as unknown as Record<string, unknown>;
      const expectedRecord = { ...row };
      const expectedState: Record<string, unknown> = { id: row.id, isDeleted: row.isDeleted };
      for (const key of DERIVED) {
        expectedState[key] = row[key];
        delete expectedRecord[key];
      }
      // ...and what version 14 adds on the way to today's version: no contact, the last visit as the touch key.
      expectedState.lastContactAt = null;
      expectedState.lastTouchSort = row.lastPurchaseAt ?? '';
      if (expectedRecord.birthday) expectedRecord.birthdayKey = v14BirthdayKey(expectedRecord.birthday);
      expect(record).toEqual(expectedRecord);
      expect(stateById.get(row.id as string)).toEqual(expectedState);
    }

    expect(await db.pointsState.count()).toBe(COUNT);
    expect(await db.pointsState.get(rows[1]!.id as string)).toEqual({ id: rows[1]!.id, isDeleted: rows[1]!.isDeleted, pointsBalance: 0, pointsExpiringSoon: 0, pointsExpiringAt: null });
    // The list's indexes answer from the state table, the trash apart.
    const active = rows.filter((r) => r.isDeleted === 0);
    expect(((await db.customerState.where('[isDeleted+totalSpentFen]').between([1, Dexie.minKey], [1, Dexie.maxKey]).primaryKeys()) as string[]).sort()).toEqual(trashed);
    expect(await db.customerState.where('[isDeleted+lastPurchaseSort]').between([0, Dexie.minKey], [0, Dexie.maxKey]).count()).toBe(active.length);
    expect(await db.customerState.where('[isDeleted+tierId]').equals([0, 'vip']).count()).toBe(active.filter((r) => r.tierId === 'vip').length);
    expect(await db.customerState.where('[isDeleted+churnLevel]').equals([0, 'high']).count()).toBe(active.filter((r) => r.churnLevel === 'high').length);
    expect(await db.customerState.where('[isDeleted+pendingTierId]').between([0, Dexie.minKey], [0, Dexie.maxKey]).count()).toBe(active.filter((r) => r.pendingTierId !== null).length);
    expect(await db.customerState.where('[isDeleted+purchaseCount]').equals([0, 0]).count()).toBe(active.filter((r) => r.purchaseCount === 0).length);
    expect(await db.customerState.where('[isDeleted+lifecycleStage]').equals([0, 'repeat']).count()).toBe(active.filter((r) => r.lifecycleStage === 'repeat').length);
    const atRisk = active.filter((r) => (r.valueAtRiskFen as number) > 0).length;
    expect(await db.customerState.where('[isDeleted+valueAtRiskFen]').between([0, 1], [0, Dexie.maxKey]).count()).toBe(atRisk);
    // The record's own indexes and the other tables are as they were.
    expect(await db.customers.where('tags').equals('VIP').count()).toBe(COUNT / 4);
    expect(await db.customers.where('[isDeleted+deletedAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]).count()).toBe(trashed.length);
    expect(await db.customerSearch.count()).toBe(active.length);
    expect(await db.purchases.count()).toBe(1);
    expect(await db.settings.get('defaultRegion')).toEqual({ key: 'defaultRegion', value: 'HK' });
    await db.delete();
  }, 300_000);
});
