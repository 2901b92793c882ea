import { describe, expect, it } from 'vitest';
import { cdnowWeeks } from '../../../test/support/cdnow';
import {
  expectedPurchases,
  fitBuyingModel,
  groupHistories,
  logLikelihood,
  pAlive,
  pBuyWithin,
  type BuyerHistory,
  type BuyingModelParams,
} from './buyingModel';

const ONES: BuyingModelParams = { r: 1, alpha: 1, a: 1, b: 1 };
const one = (h: BuyerHistory) => groupHistories([h]);
/** The paper's estimates on the CDNOW sample, weeks (Fader, Hardie and Lee 2005, table 1). */
const PAPER: BuyingModelParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('logLikelihood, worked by hand with r = α = a = b = 1', () => {
  // λ ~ Exp(1), p ~ U(0, 1): E[e^(−λT)] = 1/(1+T), E[λ e^(−λs)] = 1/(1+s)², E[(1−p)^k] = 1/(k+1), E[p(1−p)^k] = 1/((k+1)(k+2)).
  it('plain BG/NBD: a one-time buyer is surely alive: L = 1/(1+T)', () => {
    expect(logLikelihood(ONES, one({ x: 0, tx: 0, T: 1 }), 'bgnbd')).toBeCloseTo(Math.log(1 / 2), 12);
  });
  it('plain BG/NBD, one repeat at 1 of T = 2: L = ½·1/9 + ½·1/4 = 13/72', () => {
    expect(logLikelihood(ONES, one({ x: 1, tx: 1, T: 2 }), 'bgnbd')).toBeCloseTo(Math.log(13 / 72), 12);
  });
  it('modified BG/NBD: a one-time buyer may have left at once: L = ½·½ + ½ = 3/4', () => {
    expect(logLikelihood(ONES, one({ x: 0, tx: 0, T: 1 }), 'mbgnbd')).toBeCloseTo(Math.log(3 / 4), 12);
  });
  it('modified BG/NBD, one repeat at 1 of T = 2: L = ⅓·1/9 + ⅙·¼ = 17/216', () => {
    expect(logLikelihood(ONES, one({ x: 1, tx: 1, T: 2 }), 'mbgnbd')).toBeCloseTo(Math.log(17 / 216), 12);
  });
  it('grouping identical histories changes nothing', () => {
    const hs: BuyerHistory[] = [
      { x: 0, tx: 0, T: 3 },
      { x: 2, tx: 1.5, T: 3 },
      { x: 0, tx: 0, T: 3 },
      { x: 2, tx: 1.5, T: 3 },
      { x: 5, tx: 2.5, T: 4 },
    ];
    const grouped = groupHistories(hs);
    expect(grouped.size).toBe(3);
    expect(grouped.customers).toBe(5);
    const separate = hs.reduce((sum, h) => sum + logLikelihood(PAPER, one(h), 'mbgnbd'), 0);
    expect(logLikelihood(PAPER, grouped, 'mbgnbd')).toBeCloseTo(separate, 9);
  });
  it('parameters out of range give −∞', () => {
    expect(logLikelihood({ ...ONES, a: 0 }, one({ x: 0, tx: 0, T: 1 }), 'bgnbd')).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('the CDNOW sample (2,357 customers, weeks, calibration to 1997-09-30)', () => {
  const data = groupHistories(cdnowWeeks());

  it('has the paper’s counts: 2,357 customers, 2,457 repeat purchases', () => {
    expect(data.customers).toBe(2357);
    let repeats = 0;
    for (let i = 0; i < data.size; i++) repeats += data.x[i]! * data.count[i]!;
    expect(repeats).toBe(2457);
  });
  it('the log-likelihood at the published estimates is the published −9582.4', () => {
    expect(logLikelihood(PAPER, data, 'bgnbd')).toBeCloseTo(-9582.4, 0);
  });
  it('the fit recovers the published estimates', () => {
    const fit = fitBuyingModel(data, { variant: 'bgnbd', minHistory: 1 });
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    const p = fit.value.params;
    expect(p.r).toBeCloseTo(PAPER.r, 2);
    expect(p.alpha).toBeCloseTo(PAPER.alpha, 1);
    expect(p.a).toBeCloseTo(PAPER.a, 2);
    expect(p.b).toBeCloseTo(PAPER.b, 1);
    expect(fit.value.logLikelihood).toBeGreaterThanOrEqual(logLikelihood(PAPER, data, 'bgnbd'));
  });
  it('the modified model fits at least as well and lets one-time buyers go', () => {
    const plain = fitBuyingModel(data, { variant: 'bgnbd', minHistory: 1 });
    const modified = fitBuyingModel(data, { variant: 'mbgnbd', minHistory: 1 });
    if (!plain.ok || !modified.ok) throw new Error('no fit');
    expect(modified.value.logLikelihood).toBeGreaterThan(plain.value.logLikelihood);
    const early = { x: 0, tx: 0, T: 38 };
    const late = { x: 0, tx: 0, T: 27 };
    expect(pAlive(plain.value.params, 'bgnbd', early)).toBe(1);
    expect(pAlive(modified.value.params, 'mbgnbd', early)).toBeLessThan(pAlive(modified.value.params, 'mbgnbd', late));
  });
  it('expected purchases match the published worked example: x = 2, tx = 30.43, T = 38.86 → 1.226 in 39 weeks', () => {
    expect(expectedPurchases(PAPER, 'bgnbd', { x: 2, tx: 30.43, T: 38.86 }, 39)).toBeCloseTo(1.226, 3);
  });
});

describe('figures of one customer', () => {
  const h = { x: 3, tx: 20, T: 30 };
  it('P(alive) falls the longer they stay away', () => {
    expect(pAlive(PAPER, 'mbgnbd', { x: 3, tx: 29, T: 30 })).toBeGreaterThan(pAlive(PAPER, 'mbgnbd', h));
  });
  it('a purchase within t is likelier the longer t, and never above P(alive)', () => {
    const p10 = pBuyWithin(PAPER, 'mbgnbd', h, 10);
    const p40 = pBuyWithin(PAPER, 'mbgnbd', h, 40);
    expect(p10).toBeLessThan(p40);
    expect(p40).toBeLessThan(pAlive(PAPER, 'mbgnbd', h));
    expect(pBuyWithin(PAPER, 'mbgnbd', h, 0)).toBe(0);
  });
  it('expected purchases grow with t, are 0 at t = 0, and are continuous through a = 1', () => {
    expect(expectedPurchases(PAPER, 'mbgnbd', h, 0)).toBe(0);
    expect(expectedPurchases(PAPER, 'mbgnbd', h, 10)).toBeLessThan(expectedPurchases(PAPER, 'mbgnbd', h, 20));
    const at = (a: number) => expectedPurchases({ ...PAPER, a }, 'mbgnbd', h, 39);
    expect(at(1)).toBeCloseTo((at(0.999) + at(1.001)) / 2, 4);
  });
  it('expected purchases stay finite when a store where nearly everyone stays fits a and b in the millions (the series overflows)', () => {
    // Fitted on the demo store: p ≈ 1% with next to no spread. The closed form with p fixed agrees with the series at a, b / 1000.
    const demo = { r: 1.0811, alpha: 47.477, a: 104_746.6, b: 11_022_198 };
    const regular = { x: 46, tx: 730, T: 731 };
    const expected = expectedPurchases(demo, 'mbgnbd', regular, 90);
    expect(Number.isFinite(expected)).toBe(true);
    expect(expected).toBeCloseTo(expectedPurchases({ ...demo, a: demo.a / 1000, b: demo.b / 1000 }, 'mbgnbd', regular, 90), 2);
  });
  it('purchases on the same day are one visit: a history with x = 0 and T = 0 (bought today) is scored', () => {
    const today = { x: 0, tx: 0, T: 0 };
    expect(pAlive(PAPER, 'mbgnbd', today)).toBeCloseTo(PAPER.b / (PAPER.a + PAPER.b), 12);
    expect(expectedPurchases(PAPER, 'mbgnbd', today, 39)).toBeGreaterThan(0);
  });
});

describe('a store the model cannot fit', () => {
  const days = (hs: BuyerHistory[]) => groupHistories(hs);
  it('too few customers', () => {
    const r = fitBuyingModel(days(Array.from({ length: 10 }, () => ({ x: 1, tx: 50, T: 200 }))));
    expect(r).toEqual({ ok: false, reason: { code: 'too-few-customers', params: { have: 10, need: 50 } } });
  });
  it('too few repeat buyers', () => {
    const hs = Array.from({ length: 100 }, (_, i) => ({ x: i < 5 ? 1 : 0, tx: i < 5 ? 10 : 0, T: 200 }));
    expect(fitBuyingModel(days(hs))).toEqual({ ok: false, reason: { code: 'too-few-repeat-buyers', params: { have: 5, need: 20 } } });
  });
  it('history too short: the store opened 30 days ago', () => {
    const hs = Array.from({ length: 100 }, (_, i) => ({ x: i % 3, tx: i % 3 === 0 ? 0 : 10, T: 30 }));
    expect(fitBuyingModel(days(hs))).toEqual({ ok: false, reason: { code: 'history-too-short', params: { have: 30, need: 90 } } });
  });
});
