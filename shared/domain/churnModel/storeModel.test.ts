import { describe, expect, it } from 'vitest';
import { CDNOW_CUTOFF_DAY, cdnowCustomers } from '../../../test/support/cdnow';
import { churnRisk, valueAtRisk } from '../churn';
import { utcDayOf, type FigureInput } from '../customerFigures';
import { deriveCustomerStatus, DEFAULT_STATUS_SETTINGS } from '../customerStatus';
import { churnModelLevels, DEFAULT_CHURN_MODEL_SETTINGS } from './levels';
import { expectedPurchases } from './buyingModel';
import { visitBucketOf } from '../reports/reportRows';
import { hiddenMarkovScorer, weeklyHistory } from './hiddenMarkov';
import { historyAsOf, scoreCustomers, type ModelCustomer } from './scoring';
import { CHURN_HORIZON_DAYS, churnModelInputOf, fitStoreChurnModel, modelChurnRisk, modelPurchasesOf, storeChurnModelSchema, visitsModelBasis, visitsSampleBuckets, type ChurnModelInput, type FittedChurnModel } from './storeModel';

const DAY_MS = 86_400_000;
const isoOf = (day: number, hour = 12) => new Date(day * DAY_MS + hour * 3_600_000).toISOString();
const dayText = (day: number) => isoOf(day).slice(0, 10);
const purchasesOf = (c: ModelCustomer): FigureInput[] =>
  c.purchases.filter((p) => p.day <= CDNOW_CUTOFF_DAY).map((p, i) => ({ id: `${c.id}-${i}`, purchasedAt: isoOf(p.day), totalFen: p.spend, isVoided: 0, returnOf: null }));

const cdnow = cdnowCustomers();
const cdnowPurchases = new Map(cdnow.map((c) => [c.id, purchasesOf(c)]));
const cdnowInputs = (): ChurnModelInput[] => [...cdnowPurchases.values()].map((p) => churnModelInputOf(p, utcDayOf)).filter((i): i is ChurnModelInput => i !== null);
const cdnowVisitDays = (): [string, number[]][] => [...cdnowPurchases].map(([id, p]) => [id, modelPurchasesOf(p, utcDayOf).map((v) => v.day)]);
const CUTOFF = dayText(CDNOW_CUTOFF_DAY);

function fitted(settings = DEFAULT_CHURN_MODEL_SETTINGS): FittedChurnModel {
  const model = fitStoreChurnModel(cdnowInputs(), CUTOFF, settings, {}, { days: cdnowVisitDays() });
  if (model.kind !== 'fitted') throw new Error(model.reason.code);
  return model;
}

describe('churnModelInputOf', () => {
  it('keeps visit days, first and last, and the repeat visits’ spend; voided, returns and purchases returned in full are no visits', () => {
    const p = (id: string, day: number, totalFen: number, more: Partial<FigureInput> = {}): FigureInput => ({ id, purchasedAt: isoOf(day), totalFen, isVoided: 0, returnOf: null, ...more });
    const purchases = [
      p('a', 100, 5_000),
      p('b', 110, 3_000),
      p('c', 110, 2_000),
      p('d', 130, 4_000),
      p('e', 140, 9_000, { isVoided: 1 }),
      p('f', 150, 1_000),
      p('g', 151, -1_000, { returnOf: 'f' }),
    ];
    expect(churnModelInputOf(purchases, utcDayOf)).toEqual({ firstDay: 100, lastDay: 130, visitDays: 3, repeatSpendVisits: 2, repeatSpendFen: 9_000 });
    expect(churnModelInputOf([p('e', 140, 9_000, { isVoided: 1 })], utcDayOf)).toBeNull();
  });
});

describe('fitStoreChurnModel', () => {
  it('fits the CDNOW store from the stored inputs as the evaluation fits it from the purchases', () => {
    const model = fitted();
    const evaluated = scoreCustomers(cdnow, CDNOW_CUTOFF_DAY, { aliveWeight: 1 });
    if (!evaluated.ok) throw new Error(evaluated.reason.code);
    expect(model.customers).toBe(2357);
    expect(model.repeatBuyers).toBe(evaluated.value.scores.filter((s) => s.x > 0).length);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(model.buying[k]).toBeCloseTo(evaluated.value.fit.params[k], 6);
    expect(model.spend).not.toBeNull();
    expect(storeChurnModelSchema.safeParse(JSON.parse(JSON.stringify(model))).success).toBe(true);
  });

  it('keeps the high level to the cap: one customer derived on their own under the stored cut-off gets the level the whole store’s ranking gives', () => {
    for (const highCap of [{ kind: 'share', percent: 5 } as const, { kind: 'count', count: 40 } as const]) {
      const settings = { ...DEFAULT_CHURN_MODEL_SETTINGS, highCap };
      const model = fitted(settings);
      const evaluated = scoreCustomers(cdnow, CDNOW_CUTOFF_DAY, { aliveWeight: 1 });
      if (!evaluated.ok) throw new Error(evaluated.reason.code);
      const byStore = new Map(churnModelLevels(evaluated.value.scores, model.storeUsualGapDays, settings).map((l) => [l.id, l.level]));
      let high = 0;
      let differ = 0;
      for (const [id, purchases] of cdnowPurchases) {
        const own = modelChurnRisk(purchases, CUTOFF, utcDayOf, model, settings, undefined)!;
        if (own.level === 'high') high++;
        // Only customers tied with the last one let in may differ (the cut-off lets ties in).
        if (own.level !== byStore.get(id) && own.valueAtRiskFen !== Math.round(model.highFromValueFen!)) differ++;
      }
      const cap = highCap.kind === 'share' ? Math.floor((2357 * highCap.percent) / 100) : highCap.count;
      expect(differ).toBe(0);
      expect(high).toBeGreaterThanOrEqual(cap);
      expect(high).toBeLessThanOrEqual(cap + 2);
    }
  });

  it('fits the visits model from the visit days by customer, whatever order they come in, and stores it', () => {
    const model = fitted();
    expect(model.visits).not.toBeNull();
    expect(model.visits!.classes).toHaveLength(2);
    const reversed = fitStoreChurnModel(cdnowInputs(), CUTOFF, DEFAULT_CHURN_MODEL_SETTINGS, {}, { days: cdnowVisitDays().reverse() });
    expect(reversed).toEqual(model);
    expect(storeChurnModelSchema.parse(JSON.parse(JSON.stringify(model)))).toEqual(model);
    // Without visit days, or with too few to fit, the buying model stands alone.
    const alone = fitStoreChurnModel(cdnowInputs(), CUTOFF, DEFAULT_CHURN_MODEL_SETTINGS);
    expect(alone).toEqual({ ...model, visits: null });
    expect(fitStoreChurnModel(cdnowInputs(), CUTOFF, DEFAULT_CHURN_MODEL_SETTINGS, {}, { days: cdnowVisitDays().slice(0, 30) })).toEqual({ ...model, visits: null });
  });

  it('keeps a stored visits model given it, and says what it was fitted from: any new visit, customer or day moves the basis', () => {
    const model = fitted();
    const kept = fitStoreChurnModel(cdnowInputs(), CUTOFF, DEFAULT_CHURN_MODEL_SETTINGS, {}, { kept: model.visits });
    expect(kept).toEqual(model);
    expect(fitStoreChurnModel(cdnowInputs(), CUTOFF, DEFAULT_CHURN_MODEL_SETTINGS, {}, { kept: null })).toEqual({ ...model, visits: null });
    const inputs = cdnowInputs();
    const basis = visitsModelBasis(inputs, CUTOFF);
    expect(model.visitsBasis).toBe(basis);
    expect(visitsModelBasis([...inputs, null], CUTOFF)).toBe(basis);
    const first = inputs[0]!;
    expect(visitsModelBasis([{ ...first, visitDays: first.visitDays + 1, lastDay: CDNOW_CUTOFF_DAY }, ...inputs.slice(1)], CUTOFF)).not.toBe(basis);
    expect(visitsModelBasis(inputs.slice(1), CUTOFF)).not.toBe(basis);
    // A visit voided from one customer and another's new visit on the last day: the count and the last day alike.
    const lastDay = Math.max(...inputs.map((i) => i.lastDay));
    const a = inputs.findIndex((i) => i.visitDays > 2 && i.lastDay < lastDay);
    const b = inputs.findIndex((i, k) => k !== a && i.lastDay < lastDay);
    const moved = inputs.map((i, k) => (k === a ? { ...i, visitDays: i.visitDays - 1 } : k === b ? { ...i, visitDays: i.visitDays + 1, lastDay } : i));
    expect(moved.reduce((n, i) => n + i.visitDays, 0)).toBe(inputs.reduce((n, i) => n + i.visitDays, 0));
    expect(visitsModelBasis(moved, CUTOFF)).not.toBe(basis);
    expect(visitsModelBasis(inputs, dayText(CDNOW_CUTOFF_DAY + 1))).not.toBe(basis);
    // A visit after the day fitted is not seen yet.
    expect(visitsModelBasis([...inputs, { firstDay: CDNOW_CUTOFF_DAY + 1, lastDay: CDNOW_CUTOFF_DAY + 1, visitDays: 1, repeatSpendVisits: 0, repeatSpendFen: 0 }], CUTOFF)).toBe(basis);
  });

  it('reads enough report buckets for the visits model’s sample: all in a small store, a few in a large one', () => {
    expect(visitsSampleBuckets(0)).toBe(1024);
    expect(visitsSampleBuckets(2_357)).toBe(1024);
    expect(visitsSampleBuckets(3_300)).toBe(1024);
    expect(visitsSampleBuckets(94_469)).toBe(36);
    expect(visitsSampleBuckets(1_000_000)).toBe(4);
    // The buckets read hold, on average, a tenth more customers than the sample.
    for (const n of [5_000, 20_000, 94_469, 250_000]) expect((visitsSampleBuckets(n) * n) / 1024).toBeGreaterThanOrEqual(3_300);
    // A customer's bucket is a hash of their id: the first buckets hold about their share of random ids.
    const ids = Array.from({ length: 100_000 }, (_, i) => `${i.toString(16).padStart(8, '0')}-4a1b-8c2d-9e3f-${(i * 7919).toString(16).padStart(12, '0')}`);
    const inFirst = ids.filter((id) => visitBucketOf(id) < visitsSampleBuckets(ids.length)).length;
    expect(inFirst).toBeGreaterThan(3_000);
    expect(inFirst).toBeLessThan(3_700);
  });

  it('refuses a stored visits model that is not one', () => {
    const model = JSON.parse(JSON.stringify(fitted())) as FittedChurnModel;
    const cls = model.visits!.classes[0]!;
    const damaged = [
      { ...model, visits: undefined },
      { ...model, visitsBasis: undefined },
      { ...model, visits: { classes: [] } },
      { ...model, visits: { classes: [{ ...cls, rates: [cls.rates[0]] }] } },
      { ...model, visits: { classes: [{ ...cls, transition: [cls.transition[0]] }] } },
      { ...model, visits: { classes: [{ ...cls, start: [1.5, -0.5] }] } },
      { ...model, visits: { classes: [{ ...cls, rates: [-1, 0.1] }] } },
      { ...model, visits: { classes: [cls, { ...cls, start: [0.2, 0.3, 0.5] }] } },
    ];
    for (const d of damaged) expect(storeChurnModelSchema.safeParse(d).success).toBe(false);
  });

  it('gives each customer the mean of the two models’ expected visits in the next 90 days, from their own purchases', () => {
    const model = fitted();
    const visitsScorer = hiddenMarkovScorer(model.visits!, CHURN_HORIZON_DAYS);
    let seen = 0;
    for (const purchases of [...cdnowPurchases.values()].slice(0, 400)) {
      const visits = modelPurchasesOf(purchases, utcDayOf);
      const h = historyAsOf(visits, CDNOW_CUTOFF_DAY)!;
      const buying = expectedPurchases(model.buying, model.variant, h.history, CHURN_HORIZON_DAYS);
      const hidden = visitsScorer(weeklyHistory(visits.map((v) => v.day), CDNOW_CUTOFF_DAY)!).expectedVisits;
      const own = modelChurnRisk(purchases, CUTOFF, utcDayOf, model, DEFAULT_CHURN_MODEL_SETTINGS, undefined)!;
      expect(own.reason.params.expectedVisits).toBe(Math.round(((buying + hidden) / 2) * 10) / 10);
      if (Math.abs(buying - hidden) > 0.2) seen++;
    }
    // The two forecasts differ enough for the mean to be told from either.
    expect(seen).toBeGreaterThan(20);
  });

  it('a cap of 0 lets nobody into high', () => {
    const settings = { ...DEFAULT_CHURN_MODEL_SETTINGS, highCap: { kind: 'count', count: 0 } as const };
    const model = fitted(settings);
    expect(model.highFromValueFen).toBeNull();
    expect([...cdnowPurchases.values()].some((p) => modelChurnRisk(p, CUTOFF, utcDayOf, model, settings, undefined)?.level === 'high')).toBe(false);
  });

  it('says why a store too small or too young cannot be fitted, with its figure and the one needed', () => {
    const input = (firstDay: number, visitDays: number): ChurnModelInput => ({ firstDay, lastDay: firstDay + (visitDays - 1) * 20, visitDays, repeatSpendVisits: visitDays - 1, repeatSpendFen: 5_000 * (visitDays - 1) });
    const today = '2026-12-05';
    const todayNumber = Date.UTC(2026, 11, 5) / DAY_MS;
    expect(fitStoreChurnModel([input(todayNumber - 300, 3)], today, DEFAULT_CHURN_MODEL_SETTINGS)).toEqual({
      kind: 'cannot-fit',
      fittedOn: today,
      customers: 1,
      repeatBuyers: 1,
      reason: { code: 'too-few-customers', params: { have: 1, need: 50 } },
    });
    const oneTimers = Array.from({ length: 60 }, (_, i) => input(todayNumber - 200 - i, i < 5 ? 2 : 1));
    expect(fitStoreChurnModel(oneTimers, today, DEFAULT_CHURN_MODEL_SETTINGS)).toMatchObject({ kind: 'cannot-fit', repeatBuyers: 5, reason: { code: 'too-few-repeat-buyers', params: { have: 5, need: 20 } } });
    const young = Array.from({ length: 60 }, (_, i) => ({ ...input(todayNumber - 60, 2), lastDay: todayNumber - (i % 30) }));
    expect(fitStoreChurnModel(young, today, DEFAULT_CHURN_MODEL_SETTINGS)).toMatchObject({ kind: 'cannot-fit', reason: { code: 'history-too-short', params: { have: 60, need: 90 } } });
  });
});

describe('deriveCustomerStatus with the churn model', () => {
  const asOf = new Date(CDNOW_CUTOFF_DAY * DAY_MS + 20 * 3_600_000);
  const base = { ...DEFAULT_STATUS_SETTINGS, previous: { tierId: null, stage: null, lastReviewAt: null }, asOf, dayOf: utcDayOf, storeMedianGapDays: 30 };

  it('takes level, reason and value at risk from the fitted model', () => {
    const model = fitted();
    let modelled = 0;
    for (const purchases of [...cdnowPurchases.values()].slice(0, 300)) {
      const status = deriveCustomerStatus({ ...base, purchases, churnFit: model });
      const own = modelChurnRisk(purchases, CUTOFF, utcDayOf, model, DEFAULT_CHURN_MODEL_SETTINGS, undefined)!;
      expect(status.risk.level).toBe(own.level);
      expect(['too-few-visits', 'still-coming', 'slipping']).toContain(status.risk.reason.code);
      expect(status.valueAtRiskFen).toBe(own.valueAtRiskFen);
      modelled++;
    }
    expect(modelled).toBe(300);
  });

  it('falls back to today’s rule when the store cannot be fitted, or before the first fit', () => {
    const purchases = cdnowPurchases.get(cdnow[7]!.id)!;
    const rule = churnRisk({ purchases, asOf, dayOf: utcDayOf, storeMedianGapDays: 30 });
    const cannot = { kind: 'cannot-fit', fittedOn: CUTOFF, customers: 12, repeatBuyers: 2, reason: { code: 'too-few-customers', params: { have: 12, need: 50 } } } as const;
    for (const churnFit of [cannot, null, undefined]) {
      const status = deriveCustomerStatus({ ...base, purchases, churnFit });
      expect(status.risk).toEqual(rule);
      expect(status.valueAtRiskFen).toBe(valueAtRisk(purchases, asOf, utcDayOf));
    }
  });
});
