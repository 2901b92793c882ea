// The churn model wired into the derivation on fake-indexeddb: the rollover fits it from the state rows and
// stores it, every customer is levelled with it, a purchase write levels its customer with the stored fit,
// a store too small keeps today's rule and stores why, and rows from before the model's inputs are caught up.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CHURN_MODEL_REASON_CODES, DEFAULT_CHURN_MODEL_SETTINGS } from '../../../shared/domain/churnModel/levels';
import { churnModelInputOf, fitStoreChurnModel, modelChurnRisk, modelPurchasesOf } from '../../../shared/domain/churnModel/storeModel';
import { utcDayOf } from '../../../shared/domain/customerFigures';
import { newCustomerRecord } from '../../../shared/domain/customerRecord';
import { createRng } from '../../../shared/domain/random';
import { makeCustomerFields } from '../../../test/factories/customer';
import { makePurchase } from '../../../test/factories/purchase';
import { freshDatabasePerTest } from '../../../test/support/freshDatabase';
import { createBookkeepingRepository } from '../bookkeeping';
import { createSettingsRepository } from '../settings';
import { addCustomers, createDerivation, writeTransaction } from '.';

const database = freshDatabasePerTest();
const DAY_MS = 86_400_000;
const NOW = Date.UTC(2026, 11, 5, 10);
const modelCodes: readonly string[] = CHURN_MODEL_REASON_CODES;

/**
 * A store of `count` customers over the last 400 days: each comes every 7–40 days for a while; about
 * half stopped some time ago, a quarter came once.
 */
async function seedStore(count: number, seed = 19) {
  const db = database();
  const derivation = createDerivation(db, { now: () => new Date(NOW), newId: () => crypto.randomUUID(), dayOf: utcDayOf });
  const rng = createRng(seed);
  const ids = Array.from({ length: count }, (_, i) => `c-${String(i).padStart(4, '0')}`);
  await writeTransaction(db, ['customer'], [], () => addCustomers(db, ids.map((id) => newCustomerRecord(makeCustomerFields({ name: id }), id, new Date(NOW - 400 * DAY_MS), new Date(NOW - 400 * DAY_MS).toISOString()))));
  const purchases = ids.flatMap((customerId, i) => {
    const first = 30 + Math.floor(rng.next() * 370);
    const gap = 7 + Math.floor(rng.next() * 34);
    const stopsAfter = i % 4 === 0 ? 0 : i % 2 === 0 ? Math.floor(rng.next() * first) : first;
    const days: number[] = [];
    for (let back = first; back >= first - stopsAfter && back >= 0; back -= gap) days.push(back);
    return days.map((back) => makePurchase({ customerId, purchasedAt: new Date(NOW - back * DAY_MS - 3_600_000).toISOString(), totalFen: 5_000 + Math.floor(rng.next() * 20_000) }));
  });
  await db.purchases.bulkAdd(purchases);
  return { db, derivation, ids, bookkeeping: createBookkeepingRepository(db) };
}

describe('the churn model in the derivation', () => {
  it('is fitted at the rollover from the state rows, stored with the day and counts, and levels every customer, high held to the cap', async () => {
    const s = await seedStore(200);
    // Derive the figures first (as the purchase writes would have), then the rollover fits from them.
    await s.derivation.recomputeAllFigures();
    await s.derivation.recomputeAllStatus();
    const model = (await s.bookkeeping.read()).churnModel;
    expect(model).toMatchObject({ kind: 'fitted', fittedOn: '2026-12-05', customers: 200 });
    if (model?.kind !== 'fitted') throw new Error('not fitted');
    expect(model.repeatBuyers).toBeGreaterThan(100);
    const rows = await s.db.customerState.toArray();
    expect(rows.every((r) => modelCodes.includes(r.churnReason.code))).toBe(true);
    const high = rows.filter((r) => r.churnLevel === 'high').length;
    // 5% of 200 by default (ties with the last one let in aside).
    expect(high).toBeGreaterThanOrEqual(1);
    expect(high).toBeLessThanOrEqual(11);
    expect(rows.some((r) => r.churnLevel === 'watch')).toBe(true);
  });

  it('fits the visits model at the rollover from the report buckets’ visit days, the trash left out, as from the purchases themselves', async () => {
    const s = await seedStore(200);
    // As the purchase writes derive them: the figures and the report buckets the visits model reads.
    await writeTransaction(s.db, ['purchase'], [], () => s.derivation.refresh(s.ids));
    const trashed = new Set(s.ids.filter((_, i) => i % 10 === 3));
    await s.db.customerState.where(':id').anyOf([...trashed]).modify({ isDeleted: 1 });
    await s.derivation.recomputeAllStatus();
    const model = (await s.bookkeeping.read()).churnModel;
    if (model?.kind !== 'fitted') throw new Error('not fitted');
    expect(model.customers).toBe(200 - trashed.size);
    expect(model.visits).not.toBeNull();
    const purchases = await s.db.purchases.toArray();
    const kept = s.ids.filter((id) => !trashed.has(id)).map((id) => [id, purchases.filter((p) => p.customerId === id)] as const);
    const expected = fitStoreChurnModel(
      kept.map(([, p]) => churnModelInputOf(p, utcDayOf)),
      '2026-12-05',
      DEFAULT_CHURN_MODEL_SETTINGS,
      {},
      { days: kept.map(([id, p]) => [id, modelPurchasesOf(p, utcDayOf).map((v) => v.day)] as const) },
    );
    expect(model).toEqual(expected);
    // Every levelled customer's expected visits are those of the stored fit, both models counted.
    const row = (await s.db.customerState.toArray()).find((r) => r.isDeleted === 0 && r.churnReason.code === 'slipping')!;
    const own = modelChurnRisk(purchases.filter((p) => p.customerId === row.id), '2026-12-05', utcDayOf, model, DEFAULT_CHURN_MODEL_SETTINGS, undefined)!;
    expect(row.churnReason).toEqual(own.reason);
  });

  it('keeps the stored visits model in a second pass the same day with nothing new, and fits it again once anything moved', async () => {
    const s = await seedStore(200);
    await writeTransaction(s.db, ['purchase'], [], () => s.derivation.refresh(s.ids));
    await s.derivation.recomputeAllStatus();
    const first = (await s.bookkeeping.read()).churnModel;
    if (first?.kind !== 'fitted' || first.visits === null) throw new Error('not fitted');
    // Without the buckets a fit would find no visit days: what the next passes store says whether they fitted.
    await s.db.visitBuckets.clear();
    await s.derivation.recomputeAllStatus();
    expect((await s.bookkeeping.read()).churnModel).toEqual(first);
    await writeTransaction(s.db, ['purchase'], [], async () => {
      await s.db.purchases.add(makePurchase({ customerId: s.ids[1]!, purchasedAt: new Date(NOW - 3_600_000).toISOString(), totalFen: 8_000 }));
      await s.derivation.refresh([s.ids[1]!]);
    });
    await s.db.visitBuckets.clear();
    await s.derivation.recomputeAllStatus();
    const again = (await s.bookkeeping.read()).churnModel;
    expect(again?.kind === 'fitted' && again.visitsBasis).not.toBe(first.visitsBasis);
    expect(again?.kind === 'fitted' && again.visits).toBeNull();
  });

  it('a purchase write levels its customer with the stored fit: a slipping customer who comes back is still coming', async () => {
    const s = await seedStore(200);
    await s.derivation.recomputeAllFigures();
    await s.derivation.recomputeAllStatus();
    const slipping = (await s.db.customerState.toArray()).find((r) => r.churnLevel !== 'none')!;
    expect(slipping.churnReason.code).toBe('slipping');
    await writeTransaction(s.db, ['purchase'], [], async () => {
      await s.db.purchases.add(makePurchase({ customerId: slipping.id, purchasedAt: new Date(NOW - 3_600_000).toISOString(), totalFen: 8_000 }));
      await s.derivation.refresh([slipping.id]);
    });
    const after = (await s.db.customerState.get(slipping.id))!;
    expect(after.churnLevel).toBe('none');
    expect(after.churnReason).toMatchObject({ code: 'still-coming', params: { daysSinceLast: 0 } });
    expect(after.churnModelInput?.lastDay).toBe(Math.floor((NOW - 3_600_000) / DAY_MS));
  });

  it('changing the owner’s cap re-levels at the next pass', async () => {
    const s = await seedStore(200);
    await s.derivation.recomputeAllFigures();
    await s.derivation.recomputeAllStatus();
    const settings = createSettingsRepository(s.db);
    const status = await settings.statusRules();
    await settings.write('status', { ...status, churnModel: { ...status.churnModel, highCap: { kind: 'count', count: 2 } } });
    await s.derivation.recomputeAllStatus();
    expect(await s.db.customerState.where('[isDeleted+churnLevel]').equals([0, 'high']).count()).toBe(2);
    await settings.write('status', { ...status, churnModel: { ...status.churnModel, highCap: { kind: 'count', count: 0 } } });
    await s.derivation.recomputeAllStatus();
    expect(await s.db.customerState.where('[isDeleted+churnLevel]').equals([0, 'high']).count()).toBe(0);
  });

  it('keeps today’s rule in a store too small to fit, and stores why', async () => {
    const s = await seedStore(20);
    await s.derivation.recomputeAllFigures();
    await s.derivation.recomputeAllStatus();
    expect((await s.bookkeeping.read()).churnModel).toEqual({
      kind: 'cannot-fit',
      fittedOn: '2026-12-05',
      customers: 20,
      repeatBuyers: expect.any(Number),
      reason: { code: 'too-few-customers', params: { have: 20, need: 50 } },
    });
    const rows = await s.db.customerState.toArray();
    expect(rows.some((r) => modelCodes.includes(r.churnReason.code))).toBe(false);
    expect(rows.some((r) => r.churnReason.code === 'overdue')).toBe(true);
  });

  it('fits the whole store in the rollover that first writes the model’s inputs (rows from an older app)', async () => {
    const s = await seedStore(200);
    await s.derivation.recomputeAllFigures();
    // As an app before DERIVATION_RULES_VERSION 3 left them: figures, no inputs.
    await s.db.customerState.toCollection().modify((r) => {
      delete r.churnModelInput;
      delete r.derivationKey;
    });
    await s.derivation.recomputeAllStatus();
    expect((await s.bookkeeping.read()).churnModel).toMatchObject({ kind: 'fitted', customers: 200 });
    expect((await s.db.customerState.toArray()).every((r) => modelCodes.includes(r.churnReason.code))).toBe(true);
  });
});
