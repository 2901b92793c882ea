// Customer status (tier, stage, risk) on fake-indexeddb: derived in the same transaction as every
// purchase write, with tier history on each tier change, and a full recomputation that gives exactly
// what the incremental updates gave.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeMedianGap } from '../../shared/domain/churn';
import type { Customer } from '../../shared/domain/customer';
import { computeCustomerFigures, groupPurchasesByCustomer, utcDayOf } from '../../shared/domain/customerFigures';
import { newCustomerRecord } from '../../shared/domain/customerRecord';
import { DEFAULT_STATUS_SETTINGS, initialStatusFields, type StatusSettings } from '../../shared/domain/customerStatus';
import { generateDemoCustomers } from '../../shared/domain/demoStore';
import { generateDemoPurchases } from '../../shared/domain/demoPurchases';
import { purchaseFieldsOf } from '../../shared/domain/purchase';
import { makeCustomerFields } from '../../test/factories/customer';
import { makePurchaseFields } from '../../test/factories/purchase';
import { createCustomerRepository } from './customers';
import { RegularsDatabase } from './database';
import { createPurchaseRepository } from './purchases';
import { createSettingsRepository } from './settings';

let db: RegularsDatabase;
let clock: Date;
let ids: number;

const deps = () => ({ now: () => clock, newId: () => `id-${String(++ids).padStart(6, '0')}` });
const repo = () => createPurchaseRepository(db, { ...deps(), dayOf: utcDayOf });
const STATUS_KEYS = ['tierId', 'lifecycleStage', 'churnLevel', 'churnReason', 'valueAtRiskFen', 'statusAsOf', 'lastTierReviewAt', 'pendingTierId'] as const;
const statusOf = (c: Customer) => Object.fromEntries(STATUS_KEYS.map((k) => [k, c[k]]));
const sale = (purchasedAt: string, totalFen: number) => makePurchaseFields({ purchasedAt, totalFen });

beforeEach(async () => {
  db = new RegularsDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
  clock = new Date('2026-03-01T10:00:00Z');
  ids = 0;
});

afterEach(async () => {
  await db.delete();
});

describe('customer status in the purchase transaction', () => {
  it('writes tier history on an upgrade and an applied downgrade, none when the tier stays or a downgrade waits', async () => {
    const purchases = repo();
    const c = await createCustomerRepository(db, deps()).create(makeCustomerFields());
    expect(c).toMatchObject({ tierId: 'potential', lifecycleStage: 'prospect', churnLevel: 'none', pendingTierId: null, lastTierReviewAt: null });

    // A small first purchase: still the floor tier ('none'), so no history; a new customer.
    await purchases.record(c.id, sale('2026-03-01T09:00:00.000Z', 20_000));
    expect(await db.tierHistory.count()).toBe(0);
    expect(await db.customers.get(c.id)).toMatchObject({ tierId: 'potential', lifecycleStage: 'new', valueAtRiskFen: 20_000, statusAsOf: '2026-03-01' });

    // ¥1,000 over two purchases: regular, at once.
    clock = new Date('2026-03-05T10:00:00Z');
    const second = await purchases.record(c.id, sale('2026-03-05T09:00:00.000Z', 80_000));
    expect(await db.customers.get(c.id)).toMatchObject({ tierId: 'regular', lifecycleStage: 'repeat', valueAtRiskFen: 100_000, statusAsOf: '2026-03-05' });
    const history = await db.tierHistory.where('customerId').equals(c.id).toArray();
    expect(history).toEqual([
      { id: expect.any(String), customerId: c.id, at: '2026-03-05T10:00:00.000Z', from: 'potential', to: 'regular', reason: expect.objectContaining({ code: 'tier-upgrade' }) },
    ]);

    // Another purchase keeps the tier: no entry.
    clock = new Date('2026-03-06T10:00:00Z');
    await purchases.record(c.id, sale('2026-03-06T09:00:00.000Z', 10_000));
    expect(await db.tierHistory.count()).toBe(1);

    // Never reviewed yet, so a void that drops the customer below regular applies at once.
    clock = new Date('2026-03-07T10:00:00Z');
    await purchases.void(second.id, 'entered twice');
    expect(await db.customers.get(c.id)).toMatchObject({ tierId: 'potential', pendingTierId: null });
    expect((await db.tierHistory.where('[customerId+at]').between([c.id, ''], [c.id, '\uffff']).toArray()).map((h) => [h.from, h.to, h.reason.code])).toEqual([
      ['potential', 'regular', 'tier-upgrade'],
      ['regular', 'potential', 'tier-downgrade'],
    ]);

    // Back to regular; then the daily rollover records the review, and a later drop waits for the next one.
    const fourth = await purchases.record(c.id, sale('2026-03-07T09:00:00.000Z', 80_000));
    expect((await db.customers.get(c.id))!.tierId).toBe('regular');
    clock = new Date('2026-03-08T01:00:00Z');
    await purchases.recomputeAllStatus();
    expect(await db.customers.get(c.id)).toMatchObject({ tierId: 'regular', lastTierReviewAt: '2026-03-08', statusAsOf: '2026-03-08' });
    const entries = await db.tierHistory.count();
    await purchases.void(fourth.id, 'wrong customer');
    expect(await db.customers.get(c.id)).toMatchObject({ tierId: 'regular', pendingTierId: 'potential', lastTierReviewAt: '2026-03-08' });
    expect(await db.tierHistory.count()).toBe(entries);
    // At the review date (three months on) the rollover applies it.
    clock = new Date('2026-06-08T01:00:00Z');
    await purchases.recomputeAllStatus();
    expect(await db.customers.get(c.id)).toMatchObject({ tierId: 'potential', pendingTierId: null, lastTierReviewAt: '2026-06-08' });
    expect(await db.tierHistory.count()).toBe(entries + 1);
  });

  it('uses the status rules stored in the settings table', async () => {
    const purchases = repo();
    const c = await createCustomerRepository(db, deps()).create(makeCustomerFields());
    const scheme = DEFAULT_STATUS_SETTINGS.scheme;
    const easy: StatusSettings = {
      ...DEFAULT_STATUS_SETTINGS,
      scheme: { ...scheme, tiers: scheme.tiers.map((t) => (t.id === 'regular' ? { ...t, minSpendFen: 10_000, minPurchases: 1 } : t)) },
    };
    await createSettingsRepository(db).write('status', easy);
    await purchases.record(c.id, sale('2026-03-01T09:00:00.000Z', 20_000));
    expect((await db.customers.get(c.id))!.tierId).toBe('regular');
  });
});

describe('incremental status equals a full recomputation', () => {
  it('on generated data: ~150 demo customers with voids and returns, through the repository', async () => {
    const NOW = new Date('2026-11-23T10:00:00Z');
    let n = 0;
    const demo = generateDemoCustomers({ seed: 7, count: 150, now: NOW, newId: () => `c-${String(++n).padStart(4, '0')}` });
    await db.customers.bulkAdd(demo.map((d) => newCustomerRecord(d.fields, d.id, NOW, d.createdAt)));
    const history = generateDemoPurchases({ seed: 7, customers: demo, now: NOW, newId: () => `g-${++n}` });
    // The store median the full recomputation will find, cached beforehand so both paths use the same one.
    const groups = groupPurchasesByCustomer(history.purchases);
    const median = storeMedianGap(demo.map((d) => computeCustomerFigures(groups.get(d.id) ?? [], utcDayOf).medianGapDays));
    expect(median).not.toBeNull();
    await db.settings.put({ key: 'storeMedianGapDays', value: median });

    // Each record written at its own time, in time order: as the customerStatus test explains, no step
    // then sees a churned customer, and with no review recorded yet (lastTierReviewAt null) the review
    // is due at every step, so no downgrade is ever pending and the tier has no memory.
    const purchases = repo();
    const stored = new Map<string, string>();
    const records = [...history.purchases].sort((a, b) => (a.purchasedAt < b.purchasedAt ? -1 : a.purchasedAt > b.purchasedAt ? 1 : 0));
    for (const g of records) {
      clock = new Date(g.purchasedAt);
      const fields = purchaseFieldsOf(g);
      if (g.returnOf !== null) {
        stored.set(g.id, (await purchases.recordReturn(stored.get(g.returnOf)!, fields)).id);
        continue;
      }
      const p = await purchases.record(g.customerId, fields);
      stored.set(g.id, p.id);
      if (g.isVoided) await purchases.void(p.id, g.voidReason);
    }
    expect(records.some((p) => p.returnOf !== null) && records.some((p) => p.isVoided === 1)).toBe(true);

    // One more incremental step for everyone at the same moment (what any purchase write does).
    clock = NOW;
    await purchases.refreshFigures(demo.map((d) => d.id));
    const incremental = new Map((await db.customers.toArray()).map((c) => [c.id, c]));
    const historyBefore = await db.tierHistory.toArray();
    for (const c of incremental.values()) {
      expect(c.pendingTierId).toBeNull();
      // The history of each customer chains from the floor to the tier held now.
      const own = historyBefore.filter((h) => h.customerId === c.id).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      let tier = 'potential';
      for (const h of own) {
        expect([c.id, h.from]).toEqual([c.id, tier]);
        expect(h.to).not.toBe(h.from);
        tier = h.to;
      }
      expect([c.id, tier]).toEqual([c.id, c.tierId]);
    }
    const tiers = new Set([...incremental.values()].map((c) => c.tierId));
    expect(tiers).toEqual(new Set(['vip', 'regular', 'potential']));
    const stages = new Set([...incremental.values()].map((c) => c.lifecycleStage));
    expect(stages.size).toBeGreaterThanOrEqual(4);
    expect(historyBefore.length).toBeGreaterThan(50);

    // Wipe the status back to a new customer's, so a recomputation that did nothing could not pass.
    await db.customers.bulkPut([...incremental.values()].map((c) => ({ ...c, ...initialStatusFields('2000-01-01') })));
    const progress: number[] = [];
    const result = await purchases.recomputeAllStatus((p) => progress.push(p.done));
    expect(result.customers).toBe(demo.length);
    expect(progress.at(-1)).toBe(demo.length);
    expect(await db.settings.get('storeMedianGapDays')).toEqual({ key: 'storeMedianGapDays', value: median });
    const full = new Map((await db.customers.toArray()).map((c) => [c.id, c]));
    for (const [id, c] of incremental) {
      // The rollover records the review it made; everything else is as the incremental path left it.
      expect([id, statusOf(full.get(id)!)]).toEqual([id, { ...statusOf(c), lastTierReviewAt: '2026-11-23' }]);
    }
    // The recomputation started from the floor, so it wrote one entry per customer above it.
    const above = [...incremental.values()].filter((c) => c.tierId !== 'potential').length;
    expect(await db.tierHistory.count()).toBe(historyBefore.length + above);
    // Nothing to change the second time.
    expect((await purchases.recomputeAllStatus()).changed).toBe(0);
    expect((await purchases.recomputeAllFigures()).changed).toBe(0);
  }, 120_000);
});
