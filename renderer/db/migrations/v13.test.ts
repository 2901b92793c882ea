// Version 13 on a version-12 store: the ledger's entries move, unchanged, to a store keyed by customer and time, and
// every state row's points move to a narrow row of their own; nothing else changes.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { RegularsDatabase } from '../database';
import { SCHEMA_V11 } from './v11';
import { SCHEMA_V12 } from './v12';
import { SCHEMA_V13, v13Split } from './v13';

describe('version 13: the points keyed by customer, on rows of their own', () => {
  it('replaces the ledger by a store keyed [customerId+createdAt+id], adds the points rows, and takes the points indexes off the state rows', () => {
    const { pointsEntries, pointsState, customerState, ...rest } = SCHEMA_V13;
    expect(pointsEntries).toBe('[customerId+createdAt+id], &id, purchaseId');
    expect(pointsState).toBe('id, [isDeleted+pointsBalance], pointsNextExpiryAt');
    expect(customerState).toBe(SCHEMA_V11.customerState);
    expect('pointsLedger' in SCHEMA_V13).toBe(false);
    const { customerState: _old, pointsLedger: _gone, ...restV12 } = SCHEMA_V12;
    expect(rest).toEqual(restV12);
  });

  it('splits a state row: the row without its points, and a points row that keeps them (a row without them reads as none)', () => {
    const row = { id: 'c1', isDeleted: 1, tierId: 'vip', pointsBalance: 120, pointsExpiringSoon: 20, pointsExpiringAt: '2026-07-01T00:00:00.000Z', pointsNextExpiryAt: '2026-06-01T00:00:00.000Z' };
    expect(v13Split(row)).toEqual({
      state: { id: 'c1', isDeleted: 1, tierId: 'vip' },
      points: { id: 'c1', isDeleted: 1, pointsBalance: 120, pointsExpiringSoon: 20, pointsExpiringAt: '2026-07-01T00:00:00.000Z', pointsNextExpiryAt: '2026-06-01T00:00:00.000Z' },
    });
    expect(v13Split({ id: 'c2', isDeleted: 0 }).points).toEqual({ id: 'c2', isDeleted: 0, pointsBalance: 0, pointsExpiringSoon: 0, pointsExpiringAt: null });
  });

  it('opens a version 12 store of 5,000 customers and 12,000 entries with every entry and every balance where version 13 keeps them', async () => {
    const name = `upgrade-v13-${crypto.randomUUID()}`;
    const v12 = new Dexie(name);
    v12.version(12).stores(SCHEMA_V12);
    await v12.open();
    const ids = Array.from({ length: 5_000 }, (_, i) => `c-${String(i).padStart(5, '0')}`);
    const states = ids.map((id, i) => ({
      id,
      isDeleted: i % 50 === 0 ? 1 : 0,
      totalSpentFen: i,
      tierId: 'potential',
      pointsBalance: i % 7,
      pointsExpiringSoon: i % 3 === 0 ? i % 7 : 0,
      pointsExpiringAt: i % 3 === 0 ? '2026-12-20T00:00:00.000Z' : null,
      ...(i % 3 === 0 ? { pointsNextExpiryAt: '2026-12-20T00:00:00.000Z' } : {}),
    }));
    await v12.table('customerState').bulkAdd(states);
    const entries = Array.from({ length: 12_000 }, (_, i) => ({
      id: crypto.randomUUID(),
      customerId: ids[(i * 7919) % ids.length]!,
      kind: 'earn',
      points: 1 + (i % 50),
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      expiresAt: null,
      purchaseId: i % 2 === 0 ? `p-${i}` : null,
      rewardId: null,
      referralCustomerId: null,
      rule: null,
      batchId: null,
      reverses: null,
      note: '',
    }));
    await v12.table('pointsLedger').bulkAdd(entries);
    v12.close();

    const db = new RegularsDatabase(name);
    await db.open();
    // Today's version: 13 and every later one ran.
    expect(db.verno).toBeGreaterThanOrEqual(13);
    expect(db.tables.map((t) => t.name)).not.toContain('pointsLedger');
    expect(await db.pointsEntries.count()).toBe(12_000);
    const sample = entries[4_321]!;
    expect(await db.pointsEntries.get({ id: sample.id })).toEqual(sample);
    // A customer's entries: one range of the key, in time order.
    const mine = entries.filter((e) => e.customerId === 'c-00042').sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
    const range = await db.pointsEntries.where(':id').between(['c-00042'], ['c-00042', Dexie.maxKey]).toArray();
    expect(range).toEqual(mine);
    expect(await db.pointsEntries.where('purchaseId').equals(`p-${4_320}`).count()).toBe(1);

    expect(await db.pointsState.count()).toBe(5_000);
    // Without its points (version 14 adds the contact fields).
    expect(await db.customerState.get('c-00003')).toEqual({ id: 'c-00003', isDeleted: 0, totalSpentFen: 3, tierId: 'potential', lastContactAt: null, lastTouchSort: '' });
    expect(await db.pointsState.get('c-00003')).toEqual({ id: 'c-00003', isDeleted: 0, pointsBalance: 3, pointsExpiringSoon: 3, pointsExpiringAt: '2026-12-20T00:00:00.000Z', pointsNextExpiryAt: '2026-12-20T00:00:00.000Z' });
    expect(await db.pointsState.get('c-00004')).toEqual({ id: 'c-00004', isDeleted: 0, pointsBalance: 4, pointsExpiringSoon: 0, pointsExpiringAt: null });
    expect(await db.pointsState.where('[isDeleted+pointsBalance]').between([0, Dexie.minKey], [0, Dexie.maxKey]).count()).toBe(4_900);
    expect(await db.pointsState.where('[isDeleted+pointsBalance]').between([1, Dexie.minKey], [1, Dexie.maxKey]).count()).toBe(100);
    expect(await db.pointsState.where('pointsNextExpiryAt').above('').count()).toBe(states.filter((s) => 'pointsNextExpiryAt' in s).length);
    await db.delete();
  });
});
