// First launch on fake-indexeddb: the demo store arrives with purchases, contacts, figures and a catalog.
import 'fake-indexeddb/auto';
import { subYears } from 'date-fns';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { clockAt } from '../../shared/clock';
import { figuresOf, localDayOf } from '../../shared/domain/customerFigures';
import { RegularsDatabase } from './database';
import { createDerivation } from './derivation';
import { createStoreSetup, DEMO_CUSTOMER_COUNT } from './storeSetup';
import { storedCustomers } from '../../test/support/storedCustomers';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let ids: number;
const deps = () => ({ now: () => new Date('2026-11-23T10:00:00Z'), newId: () => `id-${++ids}` });

beforeEach(() => {
  db = database();
  ids = 0;
});

describe('store setup', () => {
  it('starts empty', async () => {
    await createStoreSetup(db, deps()).start('empty');
    expect(await db.customers.count()).toBe(0);
    expect(await db.purchases.count()).toBe(0);
    expect(await db.bookkeeping.get('startedAs')).toEqual({ key: 'startedAs', value: 'empty' });
  });

  it('starts the demo store with three years of purchases, contacts, the catalog, and figures a recomputation agrees with', async () => {
    await createStoreSetup(db, deps()).start('demo');
    expect(await db.customers.count()).toBe(DEMO_CUSTOMER_COUNT);
    expect(await db.purchases.count()).toBeGreaterThan(DEMO_CUSTOMER_COUNT * 5);
    expect(await db.interactions.count()).toBeGreaterThan(DEMO_CUSTOMER_COUNT / 2);
    expect(await db.catalog.count()).toBeGreaterThan(25);
    const before = new Map((await storedCustomers(db).toArray()).map((c) => [c.id, c]));
    expect([...before.values()].filter((c) => c.purchaseCount > 0).length).toBeGreaterThan(DEMO_CUSTOMER_COUNT * 0.95);
    const oldest = (await db.purchases.orderBy('purchasedAt').first())!;
    expect(Date.parse('2026-11-23T10:00:00Z') - Date.parse(oldest.purchasedAt)).toBeGreaterThan(2.9 * 365 * 86_400_000);

    // The same figures come out of a full recomputation (same day function: local time).
    const result = await createDerivation(db, deps()).recomputeAllFigures();
    expect(result.changed).toBe(0);
    const c = [...before.values()].find((x) => x.purchaseCount > 3)!;
    expect(figuresOf((await storedCustomers(db).get(c.id))!)).toEqual(figuresOf(c));
    expect(c.lastPurchaseSort).toBe(c.lastPurchaseAt);
  }, 60_000);
});

describe('the demo store and the clock', () => {
  const DAY = 86_400_000;
  /** The demo store made at `now` while the machine's own clock says `machine`. */
  async function demoAt(now: Date, machine: Date) {
    vi.setSystemTime(machine);
    const store = new RegularsDatabase(`test-${crypto.randomUUID()}`);
    await store.open();
    let n = 0;
    await createStoreSetup(store, { now: clockAt(now), newId: () => `id-${++n}` }).start('demo');
    const made = {
      customers: await storedCustomers(store).toArray(),
      purchases: await store.purchases.toArray(),
      interactions: await store.interactions.toArray(),
      tierHistory: await store.tierHistory.toArray(),
    };
    await store.delete();
    return made;
  }

  beforeEach(() => {
    // Only Date: fake-indexeddb runs on the real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is made from the clock it is given, whatever day the machine says', async () => {
    const now = new Date(2026, 5, 15, 10, 0);
    const onOneDay = await demoAt(now, new Date(2031, 0, 1, 9, 0));
    const onAnother = await demoAt(now, new Date(2019, 6, 4, 23, 30));
    expect(onAnother).toEqual(onOneDay);
  }, 120_000);

  it('moves its dates and status with the clock: two clocks, two stores, each around its own day', async () => {
    const machine = new Date(2031, 0, 1, 9, 0);
    const summaries = [];
    for (const now of [new Date(2026, 5, 15, 10, 0), new Date(2027, 2, 1, 10, 0)]) {
      const { customers, purchases, interactions } = await demoAt(now, machine);
      const times = purchases.map((p) => Date.parse(p.purchasedAt));
      const newest = Math.max(...times);
      // Every date lies in the three years up to the clock, the last sale within days of it.
      expect(Math.min(...customers.map((c) => Date.parse(c.createdAt)))).toBeGreaterThanOrEqual(subYears(now, 3).getTime());
      expect(Math.min(...times)).toBeGreaterThanOrEqual(subYears(now, 3).getTime());
      expect(newest).toBeLessThanOrEqual(now.getTime());
      expect(newest).toBeGreaterThan(now.getTime() - 7 * DAY);
      expect(Math.max(...interactions.map((i) => Date.parse(i.at)))).toBeLessThanOrEqual(now.getTime());
      // Status is as of the clock's day, and who is at risk is counted from it.
      expect(new Set(customers.map((c) => c.statusAsOf))).toEqual(new Set([localDayOf(now.toISOString())]));
      const atRisk = customers.filter((c) => c.churnLevel === 'watch' || c.churnLevel === 'high');
      expect(atRisk.length).toBeGreaterThan(10);
      summaries.push({ now, newest, atRisk: atRisk.length });
    }
    // The second store's history ends about as much later as its clock is later (the machine said the same).
    const [first, second] = summaries;
    const shift = second!.now.getTime() - first!.now.getTime();
    expect(Math.abs(second!.newest - first!.newest - shift)).toBeLessThan(7 * DAY);
  }, 120_000);
});
