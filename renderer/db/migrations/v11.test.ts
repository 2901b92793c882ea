// Version 11 on a version-10 store: the erasure register is added, empty, and nothing else changes.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { RegularsDatabase } from '../database';
import { SCHEMA_V10 } from './v10';
import { SCHEMA_V11 } from './v11';

describe('version 11: the erasure register', () => {
  it('adds the register keyed by the erased customer\'s id, and nothing else', () => {
    expect(SCHEMA_V11.erasures).toBe('id');
    const { erasures: _erasures, ...rest } = SCHEMA_V11;
    expect(rest).toEqual(SCHEMA_V10);
  });

  it('opens a version 10 store with its rows as they were and an empty register', async () => {
    const name = `upgrade-v11-${crypto.randomUUID()}`;
    const v10 = new Dexie(name);
    v10.version(10).stores(SCHEMA_V10);
    await v10.open();
    const customer = { id: 'c-1', name: '张三', isDeleted: 0, tags: [], phoneKeys: ['+8613812345678'] };
    await v10.table('customers').add(customer);
    await v10.table('settings').add({ key: 'currency', value: 'CNY' });
    v10.close();

    const db = new RegularsDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(11);
    expect(await db.erasures.count()).toBe(0);
    expect(await db.customers.get('c-1')).toEqual(customer);
    expect(await db.settings.get('currency')).toEqual({ key: 'currency', value: 'CNY' });
    await db.erasures.add({ id: 'c-9', erasedAt: '2026-03-01T00:00:00.000Z', purchases: 'delete' });
    expect(await db.erasures.get('c-9')).toMatchObject({ purchases: 'delete' });
    await db.delete();
  });
});
