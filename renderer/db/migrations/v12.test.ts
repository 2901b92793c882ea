// Version 12 on a version-11 store: the points ledger and the rewards catalogue are added, empty, and every
// state row gets a balance of 0 that the list's points index holds; nothing else changes.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_V11 } from './v11';
import { SCHEMA_V12, upgradeToV12 } from './v12';

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

    // Version 12 exactly, as it shipped (version 13 moves the points on: its own test).
    const db = new Dexie(name);
    db.version(11).stores(SCHEMA_V11);
    db.version(12).stores(SCHEMA_V12).upgrade(upgradeToV12);
    await db.open();
    expect(db.verno).toBe(12);
    expect(await db.table('pointsLedger').count()).toBe(0);
    expect(await db.table('rewards').count()).toBe(0);
    const customerState = db.table('customerState');
    expect(await customerState.get('c-00007')).toEqual({ ...states[7], pointsBalance: 0, pointsExpiringSoon: 0, pointsExpiringAt: null });
    expect(await customerState.where('[isDeleted+pointsBalance]').equals([0, 0]).count()).toBe(4_900);
    expect(await customerState.where('[isDeleted+pointsBalance]').equals([1, 0]).count()).toBe(100);
    expect(await customerState.where('pointsNextExpiryAt').above('').count()).toBe(0);
    expect(await db.table('settings').get('currency')).toEqual({ key: 'currency', value: 'CNY' });
    await db.delete();
  });
});
