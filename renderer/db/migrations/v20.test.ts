// Version 20 on a version-19 store: the status counts appear, counted from every state row as the live derivation
// keeps them; nothing else changes.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHURN_LEVELS } from '../../../shared/domain/churn';
import { LIFECYCLE_STAGES } from '../../../shared/domain/lifecycle';
import { buildStatusCounts, type CountedState } from '../../../shared/domain/reports/statusCounts';
import { RegularsDatabase } from '../database';
import { SCHEMA_V19 } from './v19';
import { SCHEMA_V20, v20Counts } from './v20';

const state = fc.record({
  isDeleted: fc.constantFrom(0 as const, 1 as const),
  tierId: fc.constantFrom('vip', 'regular', 'rfm-champions', '"quoted"'),
  lifecycleStage: fc.constantFrom(...LIFECYCLE_STAGES),
  rfmScore: fc.constantFrom(null, undefined, '555', '311'),
  churnLevel: fc.constantFrom(...CHURN_LEVELS),
  valueAtRiskFen: fc.integer({ min: 0, max: 5_000_000 }),
});

describe('version 20: status counts', () => {
  it('adds the status counts table, without indexes, and nothing else', () => {
    const { statusCounts, ...rest } = SCHEMA_V20;
    expect(statusCounts).toBe('key');
    expect(rest).toEqual(SCHEMA_V19);
  });

  it('counts as the live derivation does', () => {
    fc.assert(
      fc.property(fc.array(state, { maxLength: 40 }), (rows) => {
        const own = [...v20Counts(rows.map((r, i) => ({ id: `c${i}`, ...r })))].filter(([, n]) => n !== 0).map(([key, n]) => ({ key, n }));
        expect(own.sort((a, b) => (a.key < b.key ? -1 : 1))).toEqual(buildStatusCounts(rows as CountedState[]));
      }),
    );
  });

  it('opens a version 19 store with every state row counted, past one read step, and its rows as they were', async () => {
    const name = `upgrade-v20-${crypto.randomUUID()}`;
    const v19 = new Dexie(name);
    v19.version(19).stores(SCHEMA_V19);
    await v19.open();
    const rows = fc.sample(state, { numRuns: 12_345, seed: 20 }).map((s, i) => ({ id: `c-${String(i).padStart(6, '0')}`, ...s }));
    await v19.table('customerState').bulkPut(rows);
    await v19.table('settings').put({ key: 'currency', value: 'HKD' });
    v19.close();
    const db = new RegularsDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(20);
    expect(await db.settings.get('currency')).toEqual({ key: 'currency', value: 'HKD' });
    expect(await db.customerState.count()).toBe(rows.length);
    expect(await db.statusCounts.orderBy('key').toArray()).toEqual(buildStatusCounts(rows));
    await db.delete();
  });

  it('opens an empty version 19 store with no counts', async () => {
    const name = `upgrade-v20-empty-${crypto.randomUUID()}`;
    const v19 = new Dexie(name);
    v19.version(19).stores(SCHEMA_V19);
    await v19.open();
    v19.close();
    const db = new RegularsDatabase(name);
    await db.open();
    expect(await db.statusCounts.count()).toBe(0);
    await db.delete();
  });
});
