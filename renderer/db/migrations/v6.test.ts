// The version 6 upgrade on fake-indexeddb: a version-5 database's settings split into configuration,
// bookkeeping and the owner PIN, every row kept, values moved as they were.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_V5, RegularsDatabase } from '../database';
import { tablesHoldingRowsOf } from '../backupSchemas';
import { createBookkeepingRepository } from '../bookkeeping';
import { createPinRepository } from '../pins';
import { createSettingsRepository } from '../settings';
import { V6_BOOKKEEPING_KEYS, V6_NEW_TABLES } from './v6';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function v5Database(settings: { key: string; value: unknown }[]): Promise<string> {
  const name = `v6-${crypto.randomUUID()}`;
  names.push(name);
  const v5 = new Dexie(name);
  v5.version(5).stores(SCHEMA_V5);
  await v5.open();
  await v5.table('settings').bulkAdd(settings);
  await v5.table('customers').add({ id: 'c-1', isDeleted: 0 });
  v5.close();
  return name;
}

const PIN = { version: 1, kdf: 'pbkdf2-sha256', iterations: 210_000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: `${'A'.repeat(43)}=`, setAt: '2026-11-23T10:00:00.000Z' };
const CUTS = { recency: [-90, -60, -30, -10], frequency: [1, 1, 2, 4], monetary: [100, 500, 900, 3000] };

describe('version 6', () => {
  it('adds the bookkeeping table by key and the pins table by role', () => {
    expect(V6_NEW_TABLES).toEqual({ bookkeeping: 'key', pins: 'role' });
  });

  it('moves the bookkeeping and the owner PIN out of settings, leaving the configuration and unknown rows', async () => {
    const configuration = [
      { key: 'defaultRegion', value: 'HK' },
      { key: 'currency', value: 'HKD' },
      { key: 'status', value: { grouping: 'rfm' } },
      { key: 'zz-unknown', value: [1, 2] },
    ];
    const bookkeeping = [
      { key: 'startedAs', value: 'demo' },
      { key: 'storeMedianGapDays', value: 21.5 },
      { key: 'rfmCutPoints', value: CUTS },
      { key: 'statusRecomputedOn', value: '2026-12-02' },
      { key: 'derivationRulesVersion', value: 2 },
      { key: 'lastTierReviewAt', value: '2026-09-01' },
    ];
    expect(bookkeeping.map((r) => r.key)).toEqual([...V6_BOOKKEEPING_KEYS]);
    const name = await v5Database([...configuration, ...bookkeeping, { key: 'ownerPin', value: PIN }]);

    const db = new RegularsDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(6);
    expect(await db.settings.orderBy('key').toArray()).toEqual([...configuration].sort((a, b) => a.key.localeCompare(b.key)));
    expect(await db.bookkeeping.orderBy('key').toArray()).toEqual([...bookkeeping].sort((a, b) => a.key.localeCompare(b.key)));
    expect(await db.pins.toArray()).toEqual([{ role: 'owner', record: PIN }]);
    expect(await db.customers.count()).toBe(1);
    // The live readers see what the store held.
    expect(await createBookkeepingRepository(db).readChecked()).toEqual({
      values: { startedAs: 'demo', storeMedianGapDays: 21.5, rfmCutPoints: CUTS, churnModel: null, statusRecomputedOn: '2026-12-02', derivationRulesVersion: 2, lastTierReviewAt: '2026-09-01', restoreCommit: null },
      unreadable: [],
    });
    expect(await createPinRepository(db).read('owner')).toEqual(PIN);
    expect((await createSettingsRepository(db).read()).defaultRegion).toBe('HK');
    db.close();
  });

  it('moves values as they were, even ones that do not fit, so their readers name them and no row is lost', async () => {
    const odd = [
      { key: 'startedAs', value: 'DEMO' },
      { key: 'storeMedianGapDays', value: 'x' },
      { key: 'ownerPin', value: null },
    ];
    const name = await v5Database(odd);
    const db = new RegularsDatabase(name);
    await db.open();
    expect(await db.settings.count()).toBe(0);
    expect(await db.bookkeeping.orderBy('key').toArray()).toEqual([odd[0], odd[1]]);
    expect(await db.pins.toArray()).toEqual([{ role: 'owner', record: null }]);
    const read = await createBookkeepingRepository(db).readChecked();
    expect(read.unreadable).toEqual(['startedAs', 'storeMedianGapDays']);
    expect(await createPinRepository(db).read('owner')).toBeNull();
    const total = (await db.settings.count()) + (await db.bookkeeping.count()) + (await db.pins.count());
    expect(total).toBe(odd.length);
    db.close();
  });

  it('opens a version-5 store with no settings at all', async () => {
    const name = await v5Database([]);
    const db = new RegularsDatabase(name);
    await db.open();
    expect([await db.settings.count(), await db.bookkeeping.count(), await db.pins.count()]).toEqual([0, 0, 0]);
    db.close();
  });

  it('tells a restore where the rows it moved out of settings are', () => {
    expect(tablesHoldingRowsOf('settings', 5).sort()).toEqual(['bookkeeping', 'pins', 'settings']);
    expect(tablesHoldingRowsOf('settings', 1).sort()).toEqual(['bookkeeping', 'pins', 'settings']);
    expect(tablesHoldingRowsOf('settings', 6)).toEqual(['settings']);
    expect(tablesHoldingRowsOf('customers', 5)).toEqual(['customers']);
  });
});
