// First launch on fake-indexeddb: the demo store arrives with purchases, contacts, figures and a catalog.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { figuresOf } from '../../shared/domain/customerFigures';
import { RegularsDatabase } from './database';
import { createPurchaseRepository } from './purchases';
import { createStoreSetup, DEMO_CUSTOMER_COUNT } from './storeSetup';

let db: RegularsDatabase;
let ids: number;
const deps = () => ({ now: () => new Date('2026-11-23T10:00:00Z'), newId: () => `id-${++ids}` });

beforeEach(async () => {
  db = new RegularsDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
  ids = 0;
});

afterEach(async () => {
  await db.delete();
});

describe('store setup', () => {
  it('starts empty', async () => {
    await createStoreSetup(db, deps()).start('empty');
    expect(await db.customers.count()).toBe(0);
    expect(await db.purchases.count()).toBe(0);
    expect(await db.settings.get('startedAs')).toEqual({ key: 'startedAs', value: 'empty' });
  });

  it('starts the demo store with three years of purchases, contacts, the catalog, and figures a recomputation agrees with', async () => {
    await createStoreSetup(db, deps()).start('demo');
    expect(await db.customers.count()).toBe(DEMO_CUSTOMER_COUNT);
    expect(await db.purchases.count()).toBeGreaterThan(DEMO_CUSTOMER_COUNT * 5);
    expect(await db.interactions.count()).toBeGreaterThan(DEMO_CUSTOMER_COUNT / 2);
    expect(await db.catalog.count()).toBeGreaterThan(25);
    const before = new Map((await db.customers.toArray()).map((c) => [c.id, c]));
    expect([...before.values()].filter((c) => c.purchaseCount > 0).length).toBeGreaterThan(DEMO_CUSTOMER_COUNT * 0.95);
    const oldest = (await db.purchases.orderBy('purchasedAt').first())!;
    expect(Date.parse('2026-11-23T10:00:00Z') - Date.parse(oldest.purchasedAt)).toBeGreaterThan(2.9 * 365 * 86_400_000);

    // The same figures come out of a full recomputation (same day function: local time).
    const result = await createPurchaseRepository(db, deps()).recomputeAllFigures();
    expect(result.changed).toBe(0);
    const c = [...before.values()].find((x) => x.purchaseCount > 3)!;
    expect(figuresOf((await db.customers.get(c.id))!)).toEqual(figuresOf(c));
    expect(c.lastPurchaseSort).toBe(c.lastPurchaseAt);
  }, 60_000);
});
