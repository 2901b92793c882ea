import { describe, expect, it } from 'vitest';
import { CDNOW_CUTOFF_DAY, cdnowCustomers } from '../../../test/support/cdnow';
import { ALIVE_WEIGHTS, combinedExpectedVisits, historyAsOf, scoreCustomers, tuneAliveWeight } from './scoring';
import { areaUnderCurve } from './auc';

describe('historyAsOf', () => {
  it('a customer with one purchase: x = 0, tx = 0, T from that day', () => {
    expect(historyAsOf([{ day: 100, spend: 500 }], 130)).toEqual({ history: { x: 0, tx: 0, T: 30 }, spend: { visits: 0, meanSpend: 0 } });
  });
  it('purchases on the same day are one visit whose spend is their sum', () => {
    const h = historyAsOf(
      [
        { day: 100, spend: 500 },
        { day: 110, spend: 300 },
        { day: 110, spend: 200 },
        { day: 120, spend: 100 },
      ],
      130,
    );
    expect(h).toEqual({ history: { x: 2, tx: 20, T: 30 }, spend: { visits: 2, meanSpend: 300 } });
  });
  it('does not see purchases after the day, and is null with none before it', () => {
    expect(historyAsOf([{ day: 100, spend: 5 }, { day: 140, spend: 5 }], 130)?.history).toEqual({ x: 0, tx: 0, T: 30 });
    expect(historyAsOf([{ day: 140, spend: 5 }], 130)).toBeNull();
  });
  it('a visit without positive spend counts as a visit, not in the spend', () => {
    expect(historyAsOf([{ day: 1, spend: 5 }, { day: 2, spend: 0 }], 3)).toEqual({ history: { x: 1, tx: 1, T: 2 }, spend: { visits: 0, meanSpend: 0 } });
  });
});

describe('scoreCustomers', () => {
  it('scores every CDNOW customer at 1997-09-30 in days with the modified model', () => {
    const r = scoreCustomers(cdnowCustomers(), CDNOW_CUTOFF_DAY);
    if (!r.ok) throw new Error(r.reason.code);
    const { fit, scores, spendFit, storeUsualGapDays } = r.value;
    expect(fit.variant).toBe('mbgnbd');
    expect(scores).toHaveLength(2357);
    expect(spendFit).not.toBeNull();
    expect(storeUsualGapDays).toBeGreaterThan(0);
    for (const s of scores) {
      expect(s.pAlive).toBeGreaterThan(0);
      expect(s.pAlive).toBeLessThanOrEqual(1);
      expect(s.pVisit).toBeLessThanOrEqual(s.pAlive);
      expect(s.valueAtRisk).toBeGreaterThanOrEqual(0);
      expect(s.daysSinceLast).toBe(s.T - s.tx);
    }
  });
  it('the ranking weight comes from the store’s own last 90 days, read only up to the day scored', () => {
    const customers = cdnowCustomers();
    const bt = tuneAliveWeight(customers, CDNOW_CUTOFF_DAY);
    expect(bt).not.toBeNull();
    expect(bt!.asOfDay).toBe(CDNOW_CUTOFF_DAY - 90);
    expect(ALIVE_WEIGHTS).toContain(bt!.aliveWeight);
    // Purchases after the day scored change nothing.
    const cut = customers.map((c) => ({ id: c.id, purchases: c.purchases.filter((p) => p.day <= CDNOW_CUTOFF_DAY) }));
    expect(tuneAliveWeight(cut, CDNOW_CUTOFF_DAY)).toEqual(bt);
    const given = scoreCustomers(customers, CDNOW_CUTOFF_DAY, { aliveWeight: 1 });
    if (!given.ok) throw new Error(given.reason.code);
    expect(given.value.backtest).toBeNull();
    const s = given.value.scores[0]!;
    expect(s.returnScore).toBeCloseTo(((0.5248 + s.x) / (43.28 + s.T)) * 90 * s.pAlive, 2);
  });
  it('no backtest when the store 90 days earlier cannot be fitted: weight 1', () => {
    const customers = cdnowCustomers();
    const firstDay = Math.min(...customers.flatMap((c) => c.purchases.map((p) => p.day)));
    const r = scoreCustomers(customers, firstDay + 120, { fit: { minHistory: 100 } });
    if (!r.ok) throw new Error(r.reason.code);
    expect(r.value.backtest).toBeNull();
    expect(r.value.aliveWeight).toBe(1);
  });
  it('a store too young to fit says why', () => {
    const customers = cdnowCustomers().slice(0, 40);
    expect(scoreCustomers(customers, CDNOW_CUTOFF_DAY)).toEqual({ ok: false, reason: { code: 'too-few-customers', params: { have: 40, need: 50 } } });
  });
  it('with the clock before every purchase there is nobody to score', () => {
    const r = scoreCustomers(cdnowCustomers(), CDNOW_CUTOFF_DAY - 400);
    expect(r.ok ? null : r.reason.code).toBe('too-few-customers');
  });
});

describe('the app’s expected visits: the mean of the buying model’s forecast and the visits model’s', () => {
  const customers = cdnowCustomers();
  const fileEnd = Math.max(...customers.flatMap((c) => c.purchases.map((p) => p.day)));
  const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;
  /** Each scored customer's visit days after the cut-off, up to the horizon (what the evaluation counts as repeat purchases in the holdout). */
  const cameBack = (cut: number, horizon: number) =>
    new Map(customers.map((c) => [c.id, new Set(c.purchases.map((p) => p.day).filter((d) => d > cut && d <= cut + horizon)).size]));

  it('is the buying model’s alone without the visits model, the mean of both with it', () => {
    expect(combinedExpectedVisits(1.2, null)).toBe(1.2);
    expect(combinedExpectedVisits(1.2, 2)).toBeCloseTo(1.6, 12);
    const r = scoreCustomers(customers, CDNOW_CUTOFF_DAY, { visitsModel: false });
    if (!r.ok) throw new Error(r.reason.code);
    expect(r.value.visitsFit).toBeNull();
    for (const s of r.value.scores) expect([s.expectedVisits, s.visitsModelExpectedVisits]).toEqual([s.buyingExpectedVisits, null]);
  });

  // The split (1997-09-30, 39 weeks) and three more cut-offs of the same file, the holdout cut at its end.
  for (const cut of [utc(1997, 9, 30), utc(1997, 6, 30), utc(1997, 12, 31), utc(1998, 2, 28)]) {
    it(`forecasts CDNOW's repeat visits after ${new Date(cut * 86_400_000).toISOString().slice(0, 10)} within 10%, ranking them better than recency`, () => {
      const horizon = Math.min(273, fileEnd - cut);
      const r = scoreCustomers(customers, cut, { horizonDays: horizon });
      if (!r.ok) throw new Error(r.reason.code);
      expect(r.value.visitsFit).not.toBeNull();
      const actual = cameBack(cut, horizon);
      const total = r.value.scores.reduce((sum, s) => sum + actual.get(s.id)!, 0);
      const predicted = r.value.scores.reduce((sum, s) => sum + s.expectedVisits, 0);
      expect(Math.abs(predicted - total) / total).toBeLessThanOrEqual(0.1);
      for (const s of r.value.scores) expect(s.expectedVisits).toBeCloseTo((s.buyingExpectedVisits + s.visitsModelExpectedVisits!) / 2, 12);
      const back = r.value.scores.map((s) => actual.get(s.id)! > 0);
      const recency = areaUnderCurve(r.value.scores.map((s) => -s.daysSinceLast), back);
      expect(areaUnderCurve(r.value.scores.map((s) => s.expectedVisits), back)).toBeGreaterThan(recency);
    });
  }

  it('meets the issue’s split where the buying model alone falls short: 1997-09-30, 39 weeks', () => {
    const r = scoreCustomers(customers, CDNOW_CUTOFF_DAY, { horizonDays: 273 });
    if (!r.ok) throw new Error(r.reason.code);
    const actual = cameBack(CDNOW_CUTOFF_DAY, 273);
    const total = [...actual.values()].reduce((a, b) => a + b, 0);
    const buying = r.value.scores.reduce((sum, s) => sum + s.buyingExpectedVisits, 0);
    expect(total).toBe(1882);
    expect((buying - total) / total).toBeLessThan(-0.1);
    const back = r.value.scores.map((s) => actual.get(s.id)! > 0);
    expect(areaUnderCurve(r.value.scores.map((s) => s.expectedVisits), back)).toBeGreaterThanOrEqual(0.78);
  });
});
