// Version 19 on a version-18 store: the saved segments' table appears empty; nothing else changes.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { RegularsDatabase } from '../database';
import { SCHEMA_V18 } from './v18';
import { SCHEMA_V19 } from './v19';

describe('version 19: saved segments', () => {
  it('adds the saved segments table, and nothing else', () => {
    const { savedSegments, ...rest } = SCHEMA_V19;
    expect(savedSegments).toBe('id, name');
    expect(rest).toEqual(SCHEMA_V18);
  });

  it('opens a version 18 store with its rows as they were and no saved segment', async () => {
    const name = `upgrade-v19-${crypto.randomUUID()}`;
    const v18 = new Dexie(name);
    v18.version(18).stores(SCHEMA_V18);
    await v18.open();
    const at = '2026-12-01T02:00:00.000Z';
    const campaign = { id: 'c1', name: '老客回访', conditions: [{ kind: 'stage', stages: ['loyal'] }], channel: 'sms', message: '您好', costFen: 0, startedAt: at, windowDays: 30, controlShare: 0.1, endedAt: null, createdAt: at, updatedAt: at };
    await v18.table('campaigns').put(campaign);
    await v18.table('settings').put({ key: 'currency', value: 'HKD' });
    v18.close();
    const db = new RegularsDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(19);
    expect(await db.settings.get('currency')).toEqual({ key: 'currency', value: 'HKD' });
    expect(await db.campaigns.get('c1')).toEqual(campaign);
    expect(await db.savedSegments.count()).toBe(0);
    db.close();
  });
});
