// Customer status (tier, stage, risk) on fake-indexeddb: derived in the same transaction as every
// purchase write, with tier history on each tier change, and a full recomputation that gives exactly
// what the incremental updates gave.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { storeMedianGap } from '../../shared/domain/churn';
import { churnModelInputOf, fitStoreChurnModel, modelPurchasesOf } from '../../shared/domain/churnModel/storeModel';
import type { Customer } from '../../shared/domain/customer';
import { computeCustomerFigures, DERIVATION_RULES_VERSION, dayNumber, groupPurchasesByCustomer, utcDayOf } from '../../shared/domain/customerFigures';
import { newCustomerRecord } from '../../shared/domain/customerRecord';
import { scoreRfm } from '../../shared/domain/rfm';
import { DEFAULT_STATUS_SETTINGS, initialStatusFields, type StatusSettings } from '../../shared/domain/customerStatus';
import { generateDemoCustomers } from '../../shared/domain/demoStore';
import { generateDemoPurchases } from '../../shared/domain/demoPurchases';
import { purchaseFieldsOf } from '../../shared/domain/purchase';
import { makeCustomerFields } from '../../test/factories/customer';
import { makePurchaseFields } from '../../test/factories/purchase';
import { createCustomerRepository } from './customers';
import { RegularsDatabase } from './database';
import { createDerivation } from './derivation';
import { createPurchaseRepository } from './purchases';
import { createSettingsRepository } from './settings';
import { storedCustomers } from '../../test/support/storedCustomers';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let clock: Date;
let ids: number;

const deps = () => ({ now: () => clock, newId: () => `id-${String(++ids).padStart(6, '0')}` });
const repo = () => createPurchaseRepository(db, { ...deps(), dayOf: utcDayOf });
const engine = () => createDerivation(db, { ...deps(), dayOf: utcDayOf });
const STATUS_KEYS = ['tierId', 'lifecycleStage', 'churnLevel', 'churnReason', 'valueAtRiskFen', 'statusAsOf', 'lastTierReviewAt', 'pendingTierId'] as const;
const statusOf = (c: Customer) => Object.fromEntries(STATUS_KEYS.map((k) => [k, c[k]]));
const sale = (purchasedAt: string, totalFen: number) => makePurchaseFields({ purchasedAt, totalFen });

beforeEach(() => {
  db = database();
  clock = new Date('2026-03-01T10:00:00Z');
  ids = 0;
});

describe('customer status in the purchase transaction', () => {
  it('writes tier history on an upgrade and an applied downgrade, none when the tier stays or a downgrade waits', async () => {
    const purchases = repo();
    const c = await createCustomerRepository(db, deps()).create(makeCustomerFields());
    expect(c).toMatchObject({ tierId: 'potential', lifecycleStage: 'prospect', churnLevel: 'none', pendingTierId: null, lastTierReviewAt: null });

    // A small first purchase: still the floor tier ('none'), so no history; a new customer.
    await purchases.record(c.id, sale('2026-03-01T09:00:00.000Z', 20_000));
    expect(await db.tierHistory.count()).toBe(0);
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ tierId: 'potential', lifecycleStage: 'new', valueAtRiskFen: 20_000, statusAsOf: '2026-03-01' });

    // ¥1,000 over two purchases: regular, at once.
    clock = new Date('2026-03-05T10:00:00Z');
    const second = await purchases.record(c.id, sale('2026-03-05T09:00:00.000Z', 80_000));
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ tierId: 'regular', lifecycleStage: 'repeat', valueAtRiskFen: 100_000, statusAsOf: '2026-03-05' });
    const history = await db.tierHistory.where('customerId').equals(c.id).toArray();
    expect(history).toEqual([
      { id: expect.any(String), customerId: c.id, at: '2026-03-05T10:00:00.000Z', from: 'potential', to: 'regular', reason: expect.objectContaining({ code: 'tier-upgrade' }) },
    ]);

    // Another purchase keeps the tier: no entry.
    clock = new Date('2026-03-06T10:00:00Z');
    await purchases.record(c.id, sale('2026-03-06T09:00:00.000Z', 10_000));
    expect(await db.tierHistory.count()).toBe(1);

    // A real return of a real sale that drops the customer below regular waits for the owner's review: pending, no history yet.
    clock = new Date('2026-03-07T10:00:00Z');
    await purchases.recordReturn(second.id, makePurchaseFields({ purchasedAt: '2026-03-07T09:00:00.000Z', totalFen: -80_000 }));
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ tierId: 'regular', pendingTierId: 'potential', pendingTierReason: { code: 'tier-downgrade-pending' } });
    expect(await db.tierHistory.count()).toBe(1);
    // The daily rollover does not apply it either.
    clock = new Date('2026-03-08T01:00:00Z');
    await engine().recomputeAllStatus();
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ tierId: 'regular', pendingTierId: 'potential', statusAsOf: '2026-03-08' });
    expect(await db.bookkeeping.get('statusRecomputedOn')).toEqual({ key: 'statusRecomputedOn', value: '2026-03-08' });
    expect(await db.bookkeeping.get('derivationRulesVersion')).toEqual({ key: 'derivationRulesVersion', value: DERIVATION_RULES_VERSION });

    // The owner applies the review: the downgrade takes effect, with its history, and the day is kept.
    const progress: [number, number][] = [];
    expect(await engine().applyTierReview((p) => progress.push([p.done, p.total]))).toEqual({ customers: 1, changed: 1 });
    expect(progress.at(-1)).toEqual([1, 1]);
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ tierId: 'potential', pendingTierId: null, pendingTierReason: null, lastTierReviewAt: '2026-03-08' });
    expect(await db.bookkeeping.get('lastTierReviewAt')).toEqual({ key: 'lastTierReviewAt', value: '2026-03-08' });
    expect((await db.tierHistory.where('[customerId+at]').between([c.id, ''], [c.id, '\uffff']).toArray()).map((h) => [h.from, h.to, h.reason.code])).toEqual([
      ['potential', 'regular', 'tier-upgrade'],
      ['regular', 'potential', 'tier-downgrade'],
    ]);

    // Back to regular at once; a purchase entered by mistake and voided is a correction: the upgrade it
    // alone caused goes back at once, with its history entry.
    clock = new Date('2026-03-08T02:00:00Z');
    const fourth = await purchases.record(c.id, sale('2026-03-08T00:30:00.000Z', 80_000));
    expect((await storedCustomers(db).get(c.id))!.tierId).toBe('regular');
    clock = new Date('2026-03-08T03:00:00Z');
    await purchases.void(fourth.id, 'wrong customer');
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ tierId: 'potential', pendingTierId: null });
    const corrected = (await db.tierHistory.where('[customerId+at]').between([c.id, ''], [c.id, '\uffff']).toArray()).at(-1);
    expect(corrected).toMatchObject({ at: '2026-03-08T03:00:00.000Z', from: 'regular', to: 'potential', reason: { code: 'tier-corrected', params: { cause: 'voided' } } });
    await purchases.record(c.id, sale('2026-03-08T00:40:00.000Z', 80_000));
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ tierId: 'regular', pendingTierId: null });
    const entries = await db.tierHistory.count();
    expect(await engine().applyTierReview()).toEqual({ customers: 0, changed: 0 });
    expect(await db.tierHistory.count()).toBe(entries);
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
    expect((await storedCustomers(db).get(c.id))!.tierId).toBe('regular');
  });
});

describe('corrections of mistaken purchases through the repository', () => {
  const benefits = DEFAULT_STATUS_SETTINGS.scheme.tiers[0]!.benefits;
  const tier = (id: string, minSpendFen: number) => ({ id, name: id, minSpendFen, minPurchases: 0, maxDaysSinceLastPurchase: null, benefits });
  // Spend alone decides, so each step below is easy to follow.
  const metals: StatusSettings = {
    ...DEFAULT_STATUS_SETTINGS,
    scheme: { kind: 'thresholds', windowMonths: 12, reviewEveryMonths: 3, tiers: [tier('platinum', 1_000_000), tier('gold', 500_000), tier('silver', 100_000), tier('basic', 0)] },
  };
  const moves = async (customerId: string) =>
    (await db.tierHistory.where('[customerId+at]').between([customerId, ''], [customerId, '\uffff']).toArray()).map((h) => [h.from, h.to, h.reason.code, h.reason.params.cause ?? '']);

  async function goldPendingSilver() {
    await createSettingsRepository(db).write('status', metals);
    const purchases = repo();
    const c = await createCustomerRepository(db, deps()).create(makeCustomerFields());
    clock = new Date('2025-03-01T10:00:00Z');
    await purchases.record(c.id, sale('2025-03-01T09:00:00.000Z', 600_000));
    // A year and more later the gold purchase has left the window; a real ¥1,500 reaches silver only.
    clock = new Date('2026-04-01T10:00:00Z');
    await purchases.record(c.id, sale('2026-04-01T09:00:00.000Z', 150_000));
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ tierId: 'gold', pendingTierId: 'silver' });
    return { purchases, c };
  }

  it('a void takes back the upgrade at once, to the tier held before (gold, its downgrade still pending), and both paths agree', async () => {
    const { purchases, c } = await goldPendingSilver();
    clock = new Date('2026-04-02T10:00:00Z');
    const mistake = await purchases.record(c.id, sale('2026-04-02T09:00:00.000Z', 900_000));
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ tierId: 'platinum', pendingTierId: null });
    clock = new Date('2026-04-02T10:05:00Z');
    await purchases.void(mistake.id, '录错了客户');
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ tierId: 'gold', pendingTierId: 'silver', totalSpentFen: 750_000, purchaseCount: 2 });
    expect(await moves(c.id)).toEqual([
      ['basic', 'gold', 'tier-upgrade', ''],
      ['gold', 'platinum', 'tier-upgrade', ''],
      ['platinum', 'gold', 'tier-corrected', 'voided'],
    ]);
    // The full recomputation and the rollover change nothing; the review then applies silver as usual.
    expect((await engine().recomputeAllFigures()).changed).toBe(0);
    await engine().recomputeAllStatus();
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ tierId: 'gold', pendingTierId: 'silver' });
    await engine().applyTierReview();
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ tierId: 'silver', pendingTierId: null });
  });

  it('an edit down, or a date moved out of the window, takes back what the purchase no longer reaches', async () => {
    const { purchases, c } = await goldPendingSilver();
    clock = new Date('2026-04-02T10:00:00Z');
    // ¥9,000 typed as ¥90,000... then corrected: silver's ¥1,500 + ¥9,000 reaches gold, not platinum.
    const typo = await purchases.record(c.id, sale('2026-04-02T09:00:00.000Z', 9_000_000));
    expect((await storedCustomers(db).get(c.id))!.tierId).toBe('platinum');
    clock = new Date('2026-04-02T10:05:00Z');
    await purchases.edit(typo.id, sale('2026-04-02T09:00:00.000Z', 900_000));
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ tierId: 'platinum' });
    await purchases.edit(typo.id, sale('2026-04-02T09:00:00.000Z', 400_000));
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ tierId: 'gold', pendingTierId: null });
    expect((await moves(c.id)).at(-1)).toEqual(['platinum', 'gold', 'tier-corrected', 'edited']);
    // The same purchase dated a year and more back (a wrong year): gold stays, as held before, with silver pending.
    await purchases.edit(typo.id, sale('2025-02-01T09:00:00.000Z', 400_000));
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ tierId: 'gold', pendingTierId: 'silver' });
    expect((await engine().recomputeAllFigures()).changed).toBe(0);

    // A new customer lifted to gold by one mistaken date: moved out of the window, back to basic.
    clock = new Date('2026-04-03T10:00:00Z');
    const other = await createCustomerRepository(db, deps()).create(makeCustomerFields({ name: '李四' }));
    const wrongYear = await purchases.record(other.id, sale('2026-04-03T09:00:00.000Z', 600_000));
    expect((await storedCustomers(db).get(other.id))!.tierId).toBe('gold');
    await purchases.edit(wrongYear.id, sale('2024-04-03T09:00:00.000Z', 600_000));
    expect(await storedCustomers(db).get(other.id)).toMatchObject({ tierId: 'basic', pendingTierId: null });
    expect(await moves(other.id)).toEqual([
      ['basic', 'gold', 'tier-upgrade', ''],
      ['gold', 'basic', 'tier-corrected', 'edited'],
    ]);
  });

  it('a real return of a real sale still waits for the review; an edit that raises or leaves the amount changes nothing back', async () => {
    const { purchases, c } = await goldPendingSilver();
    clock = new Date('2026-04-02T10:00:00Z');
    const big = await purchases.record(c.id, sale('2026-04-02T09:00:00.000Z', 900_000));
    clock = new Date('2026-04-05T10:00:00Z');
    await purchases.recordReturn(big.id, makePurchaseFields({ purchasedAt: '2026-04-05T09:00:00.000Z', totalFen: -500_000 }));
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ tierId: 'platinum', pendingTierId: 'gold' });
    await purchases.edit(big.id, { ...sale('2026-04-02T09:00:00.000Z', 900_000), note: '礼盒' });
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ tierId: 'platinum', pendingTierId: 'gold' });
    expect((await moves(c.id)).map((m) => m[2])).toEqual(['tier-upgrade', 'tier-upgrade']);
  });

  it('purchases moved to another customer take back the upgrades they gave the first', async () => {
    const { purchases, c } = await goldPendingSilver();
    const other = await createCustomerRepository(db, deps()).create(makeCustomerFields({ name: '王五' }));
    clock = new Date('2026-04-02T10:00:00Z');
    await purchases.record(c.id, sale('2026-04-02T09:00:00.000Z', 900_000));
    await purchases.moveAll(c.id, other.id);
    // All of them moved, the ones that earned gold too: as if they had never been this customer's.
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ tierId: 'basic', pendingTierId: null, purchaseCount: 0 });
    expect((await moves(c.id)).at(-1)).toEqual(['platinum', 'basic', 'tier-corrected', 'moved']);
    expect(await storedCustomers(db).get(other.id)).toMatchObject({ tierId: 'platinum' });
  });
});

describe('incremental status equals a full recomputation', () => {
  it('on generated data: ~150 demo customers with voids and returns, through the repository', async () => {
    const NOW = new Date('2026-11-23T10:00:00Z');
    let n = 0;
    const demo = generateDemoCustomers({ seed: 7, count: 150, now: NOW, newId: () => `c-${String(++n).padStart(4, '0')}` });
    await storedCustomers(db).bulkAdd(demo.map((d) => newCustomerRecord(d.fields, d.id, NOW, d.createdAt)));
    const history = generateDemoPurchases({ seed: 7, customers: demo, now: NOW, newId: () => `g-${++n}` });
    // The store median the full recomputation will find, cached beforehand so both paths use the same one.
    const groups = groupPurchasesByCustomer(history.purchases);
    const median = storeMedianGap(demo.map((d) => computeCustomerFigures(groups.get(d.id) ?? [], utcDayOf).medianGapDays));
    expect(median).not.toBeNull();
    await db.bookkeeping.put({ key: 'storeMedianGapDays', value: median });

    // Each record written at its own time, in time order: as the customerStatus test explains, no step
    // then sees a churned customer, and the tier's only memory is a downgrade pending until the review.
    const purchases = repo();
    const stored = new Map<string, string>();
    const records = [...history.purchases].sort((a, b) => (a.purchasedAt < b.purchasedAt ? -1 : a.purchasedAt > b.purchasedAt ? 1 : 0));
    const returned = new Set(records.map((r) => r.returnOf).filter((id) => id !== null));
    let edits = 0;
    for (const [i, g] of records.entries()) {
      clock = new Date(g.purchasedAt);
      const fields = purchaseFieldsOf(g);
      if (g.returnOf !== null) {
        stored.set(g.id, (await purchases.recordReturn(stored.get(g.returnOf)!, fields)).id);
        continue;
      }
      const p = await purchases.record(g.customerId, fields);
      stored.set(g.id, p.id);
      if (g.isVoided) await purchases.void(p.id, g.voidReason);
      else if (!returned.has(g.id) && g.totalFen > 0 && i % 9 === 0) {
        // Corrections: some amounts typed ten times too big, edited down at once.
        clock = new Date(Date.parse(g.purchasedAt) + 60_000);
        const wrong = await purchases.edit(p.id, { ...fields, lines: [], subtotalFen: g.totalFen * 10 + fields.discountFen, totalFen: g.totalFen * 10 });
        clock = new Date(Date.parse(g.purchasedAt) + 120_000);
        // (Dates are left alone here: a date moved far back makes a churned customer, and 'won-back' is
        // the stage's own memory, which a recomputation from scratch cannot have; the tests above move dates.)
        await purchases.edit(wrong.id, fields);
        edits += 1;
      }
    }
    expect(edits).toBeGreaterThan(10);
    expect(records.some((p) => p.returnOf !== null) && records.some((p) => p.isVoided === 1)).toBe(true);

    // The churn model the full recomputation will fit (from the same purchases), cached too.
    const churnModel = fitStoreChurnModel(
      demo.map((d) => churnModelInputOf(groups.get(d.id) ?? [], utcDayOf)),
      utcDayOf(NOW.toISOString()),
      DEFAULT_STATUS_SETTINGS.churnModel,
      {},
      { days: demo.map((d) => [d.id, modelPurchasesOf(groups.get(d.id) ?? [], utcDayOf).map((p) => p.day)] as const) },
    );
    expect(churnModel.kind === 'fitted' && churnModel.visits).not.toBeNull();
    expect(churnModel.kind).toBe('fitted');
    await db.bookkeeping.put({ key: 'churnModel', value: churnModel });

    // One more incremental step for everyone at the same moment (what any purchase write does).
    clock = NOW;
    await engine().refreshFigures(demo.map((d) => d.id));
    const incremental = new Map((await storedCustomers(db).toArray()).map((c) => [c.id, c]));
    const historyBefore = await db.tierHistory.toArray();
    for (const c of incremental.values()) {
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
    expect(historyBefore.filter((h) => h.reason.code === 'tier-corrected').length).toBeGreaterThan(0);

    const pending = [...incremental.values()].filter((c) => c.pendingTierId !== null);
    expect(pending.length).toBeGreaterThan(0); // the held-tier case is exercised

    // Wipe the status back to a new customer's, so a recomputation that did nothing could not pass.
    await storedCustomers(db).bulkPut([...incremental.values()].map((c) => ({ ...c, ...initialStatusFields('2000-01-01') })));
    const progress: number[] = [];
    const result = await engine().recomputeAllStatus((p) => progress.push(p.done));
    expect(result.customers).toBe(demo.length);
    expect(progress.at(-1)).toBe(demo.length);
    expect(await db.bookkeeping.get('storeMedianGapDays')).toEqual({ key: 'storeMedianGapDays', value: median });
    const full = new Map((await storedCustomers(db).toArray()).map((c) => [c.id, c]));
    for (const [id, c] of incremental) {
      // From the floor every customer moves up at once to the tier they qualify for: the tier the
      // incremental path holds, or the one its pending downgrade names. Everything else is equal.
      expect([id, statusOf(full.get(id)!)]).toEqual([id, { ...statusOf(c), tierId: c.pendingTierId ?? c.tierId, pendingTierId: null }]);
    }
    // The recomputation started from the floor, so it wrote one entry per customer above it.
    const above = [...full.values()].filter((c) => c.tierId !== 'potential').length;
    expect(await db.tierHistory.count()).toBe(historyBefore.length + above);
    // Nothing to change the second time.
    expect((await engine().recomputeAllStatus()).changed).toBe(0);
    expect((await engine().recomputeAllFigures()).changed).toBe(0);

    // And the incremental path, once the owner applies the review, lands on the same tiers.
    await storedCustomers(db).bulkPut([...incremental.values()]);
    await engine().applyTierReview();
    const reviewed = new Map((await storedCustomers(db).toArray()).map((c) => [c.id, c]));
    for (const [id, c] of full) expect([id, reviewed.get(id)!.tierId, reviewed.get(id)!.pendingTierId]).toEqual([id, c.tierId, null]);
  }, 120_000);
});

describe('the RFM grouping', () => {
  it('scores the store at the rollover, then scores a purchase against the stored cut points as the full path would', async () => {
    const purchases = repo();
    const customers = createCustomerRepository(db, deps());
    const made: Customer[] = [];
    for (let i = 0; i < 30; i++) made.push(await customers.create(makeCustomerFields({ name: `客户${i}` })));
    // Customer i buys (i % 6) + 1 times, i × ¥10 each time, the last time i days before the end of March.
    for (const [i, c] of made.entries()) {
      for (let k = 0; k <= i % 6; k++) {
        clock = new Date(Date.parse('2026-03-31T10:00:00Z') - (i + 7 * k) * 86_400_000);
        await purchases.record(c.id, sale(clock.toISOString(), (i + 1) * 1_000));
      }
    }
    await createSettingsRepository(db).write('status', { ...DEFAULT_STATUS_SETTINGS, grouping: 'rfm' });
    clock = new Date('2026-04-01T10:00:00Z');
    await engine().recomputeAllStatus();

    // Independently: the store-wide quintile scoring of the same figures.
    const stored = await storedCustomers(db).toArray();
    const scored = scoreRfm(
      stored.map((c) => ({ id: c.id, purchaseCount: c.purchaseCount, spendFen: c.totalSpentFen, daysSinceLast: dayNumber('2026-04-01') - dayNumber(c.lastPurchaseAt!.slice(0, 10)) })),
    );
    for (const c of stored) {
      const s = scored.get(c.id)!;
      expect([c.id, c.tierId, c.rfmScore]).toEqual([c.id, `rfm:${s.segment}`, `${s.r}${s.f}${s.m}`]);
    }
    expect(new Set(stored.map((c) => c.tierId)).size).toBeGreaterThan(3);

    // A new customer starts unscored; their first purchase is scored at once against the stored cut points.
    const newcomer = await customers.create(makeCustomerFields({ name: '新客' }));
    expect(newcomer.tierId).toBe('rfm:unscored');
    await purchases.record(newcomer.id, sale('2026-04-01T09:00:00.000Z', 1_000));
    const after = (await storedCustomers(db).get(newcomer.id))!;
    expect(after).toMatchObject({ tierId: 'rfm:new', rfmScore: '511' });
    // The full path with the same cut points changes nothing.
    expect((await engine().recomputeAllFigures()).changed).toBe(0);
  });
});
