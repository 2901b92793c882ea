// Version 18 on a version-17 store: the campaign tables appear empty; nothing else changes.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { RegularsDatabase } from '../database';
import { SCHEMA_V17 } from './v17';
import { SCHEMA_V18 } from './v18';

describe('version 18: campaigns', () => {
  it('adds the two campaign tables, and nothing else', () => {
    const { campaigns, campaignMembers, ...rest } = SCHEMA_V18;
    expect(campaigns).toBe('id, startedAt');
    expect(campaignMembers).toBe('id, [campaignId+group], customerId');
    expect(rest).toEqual(SCHEMA_V17);
  });

  it('opens a version 17 store with its rows as they were and the campaign tables empty', async () => {
    const name = `upgrade-v18-${crypto.randomUUID()}`;
    const v17 = new Dexie(name);
    v17.version(17).stores(SCHEMA_V17);
    await v17.open();
    await v17.table('settings').put({ key: 'currency', value: 'HKD' });
    v17.close();
    const db = new RegularsDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(18);
    expect(await db.settings.get('currency')).toEqual({ key: 'currency', value: 'HKD' });
    expect(await db.campaigns.count()).toBe(0);
    expect(await db.campaignMembers.count()).toBe(0);
    db.close();
  });
});
