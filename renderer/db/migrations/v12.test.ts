// Version 12 on a version-11 store: the points ledger and the rewards catalogue are added, empty, and every
// state row gets a balance of 0 that the list's points index holds; nothing else changes.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { RegularsDatabase } from '../database';
import { SCHEMA_V11 } from './v11';
import { SCHEMA_V12 } from './v12';

describe('version 12: loyalty points', () => {
  it('adds the ledger and the catalogue, and two indexes on the state rows', () => {
    const { pointsLedger, rewards, customerState, ...rest } = SCHEMA_V12;
    expect(pointsLedger).toBe('id, [customerId+createdAt], purchaseId');
    expect(rewards).toBe('id');
    expect(customerState).toBe(`${SCHEMA_V11.customerState}, [isDeleted+pointsBalance], pointsNextExpiryAt`);
    const { customerState: _old, ...restV11 } = SCHEMA_V11;
    expect(rest).toEqual(restV11);
  });

  it('opens a version 11 store of 5,000 customers with every state row at no points, in the points index', async () => {
    const name = `upgrade-v12-${crypto.randomUUID()}`;
    const v11 = new Dexie(name);
    v11.version(11).stores(SCHEMA_V11);
    await v11.open();
    const states = Array.from({ length: 5_000 }, (_, i) => ({ id: `c-${String(i).padStart(5, '0')}`, isDeleted: i % 50 === 0 ? 1 : 0, totalSpentFen: i, tierId: 'potential' }));
    await v11.table('customerState').bulkAdd(states);
    await v11.table('settings').add({ key: 'currency', value: 'CNY' });
    v11.close();

    const db = new RegularsDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(12);
    expect(await db.pointsLedger.count()).toBe(0);
    expect(await db.rewards.count()).toBe(0);
    expect(await db.customerState.get('c-00007')).toEqual({ ...states[7], pointsBalance: 0, pointsExpiringSoon: 0, pointsExpiringAt: null });
    expect(await db.customerState.where('[isDeleted+pointsBalance]').equals([0, 0]).count()).toBe(4_900);
    expect(await db.customerState.where('[isDeleted+pointsBalance]').equals([1, 0]).count()).toBe(100);
    expect(await db.customerState.where('pointsNextExpiryAt').above('').count()).toBe(0);
    expect(await db.settings.get('currency')).toEqual({ key: 'currency', value: 'CNY' });
    await db.delete();
  });
});
