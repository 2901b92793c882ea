import { describe, expect, it } from 'vitest';
import { CDNOW_CUTOFF_DAY, cdnowCustomers } from '../../../test/support/cdnow';
import { createRng, type Rng } from '../random';
import { areaUnderCurve } from './auc';
import {
  countsToDaysTerm,
  fitHiddenMarkov,
  hiddenMarkovEmStep,
  hiddenMarkovLogLikelihood,
  hiddenMarkovScorer,
  weeklyHistory,
  weeklySequences,
  type HiddenMarkovParams,
  type WeeklyHistory,
} from './hiddenMarkov';

/** Two classes a factor 5 apart, each with a buying and a dormant state; per week. */
const TRUTH: HiddenMarkovParams = {
  classes: [
    { weight: 0.7, start: [0.6, 0.4], transition: [[0.9, 0.1], [0.05, 0.95]], rates: [0.3, 0.02] },
    { weight: 0.3, start: [0.5, 0.5], transition: [[0.95, 0.05], [0.1, 0.9]], rates: [1.5, 0.2] },
  ],
};

const poissonPmf = (m: number, n: number): number => {
  let f = 1;
  for (let k = 2; k <= n; k++) f *= k;
  return (Math.pow(m, n) * Math.exp(-m)) / f;
};
const exposureOf = (h: WeeklyHistory, t: number) => (t === 0 ? h.firstWeekDays / 7 : 1);

/** Every hidden path of a customer's weeks (and `extra` weeks after them), with the joint chance of (class, path, counts). */
function paths(p: HiddenMarkovParams, h: WeeklyHistory, extra = 0): { c: number; path: number[]; joint: number }[] {
  const K = p.classes[0]!.rates.length;
  const length = h.counts.length + extra;
  const out: { c: number; path: number[]; joint: number }[] = [];
  p.classes.forEach((cl, c) => {
    for (let code = 0; code < Math.pow(K, length); code++) {
      const path = Array.from({ length }, (_, t) => Math.floor(code / Math.pow(K, t)) % K);
      let joint = cl.weight * cl.start[path[0] ?? 0]!;
      if (length === 0) joint = cl.weight;
      for (let t = 0; t < length; t++) {
        if (t > 0) joint *= cl.transition[path[t - 1]!]![path[t]!]!;
        if (t < h.counts.length) joint *= poissonPmf(cl.rates[path[t]!]! * exposureOf(h, t), h.counts[t]!);
      }
      out.push({ c, path, joint });
    }
  });
  return out;
}

const bruteLogLikelihood = (p: HiddenMarkovParams, hs: readonly WeeklyHistory[]) =>
  hs.reduce((total, h) => total + (h.counts.length === 0 ? 0 : Math.log(paths(p, h).reduce((s, x) => s + x.joint, 0))), 0);

/** Per-week forward pass, no collapsing: the plain algorithm the collapsed one must equal. */
function plainForward(p: HiddenMarkovParams, h: WeeklyHistory): number {
  let total = 0;
  for (const cl of p.classes) {
    let alpha = cl.start.map((s, k) => s * poissonPmf(cl.rates[k]! * exposureOf(h, 0), h.counts[0]!));
    let logScale = 0;
    for (let t = 1; t < h.counts.length; t++) {
      alpha = cl.rates.map((rate, l) => alpha.reduce((s, a, k) => s + a * cl.transition[k]![l]!, 0) * poissonPmf(rate, h.counts[t]!));
      const sum = alpha.reduce((s, a) => s + a, 0);
      alpha = alpha.map((a) => a / sum);
      logScale += Math.log(sum);
    }
    total += cl.weight * Math.exp(logScale) * alpha.reduce((s, a) => s + a, 0);
  }
  return Math.log(total);
}

function poissonDraw(rng: Rng, m: number): number {
  const limit = Math.exp(-m);
  let k = 0;
  let prod = rng.next();
  while (prod > limit) {
    k++;
    prod *= rng.next();
  }
  return k;
}

/** Customers simulated from the model: `weeks` seen (the first a part-week) and `ahead` weeks after, from the same chain. */
function simulate(p: HiddenMarkovParams, customers: number, seed: number, ahead: number): { history: WeeklyHistory; future: number[] }[] {
  const rng = createRng(seed);
  const out: { history: WeeklyHistory; future: number[] }[] = [];
  const draw = (probs: readonly number[]) => {
    let u = rng.next();
    for (let k = 0; k < probs.length - 1; k++) if ((u -= probs[k]!) < 0) return k;
    return probs.length - 1;
  };
  for (let i = 0; i < customers; i++) {
    const cl = p.classes[draw(p.classes.map((c) => c.weight))]!;
    const firstWeekDays = rng.int(1, 7);
    const weeks = rng.int(1, 100);
    let state = draw(cl.start);
    const all: number[] = [];
    for (let t = 0; t < weeks + ahead; t++) {
      if (t > 0) state = draw(cl.transition[state]!);
      all.push(poissonDraw(rng, cl.rates[state]! * (t === 0 ? firstWeekDays / 7 : 1)));
    }
    out.push({ history: { firstWeekDays, counts: all.slice(0, weeks) }, future: all.slice(weeks) });
  }
  return out;
}

describe('weekly history', () => {
  it('counts visit days in weeks ending on the day scored, from the day after the first visit', () => {
    // Day scored 30: weeks (23, 30], (16, 23], and the part-week (10, 16] after the first visit on day 10.
    expect(weeklyHistory([24, 10, 12, 20, 24, 31], 30)).toEqual({ firstWeekDays: 6, counts: [1, 1, 1] });
    expect(weeklyHistory([10, 12, 20, 24, 30], 30)).toEqual({ firstWeekDays: 6, counts: [1, 1, 2] });
    expect(weeklyHistory([16, 17, 23], 30)).toEqual({ firstWeekDays: 7, counts: [2, 0] });
    expect(weeklyHistory([29], 30)).toEqual({ firstWeekDays: 1, counts: [0] });
    expect(weeklyHistory([30, 31], 30)).toEqual({ firstWeekDays: 7, counts: [] });
    expect(weeklyHistory([31], 30)).toBeNull();
  });

  it('turns counts into a density of days with ln n! − n ln(days in the week)', () => {
    expect(countsToDaysTerm([{ firstWeekDays: 3, counts: [2, 0, 1] }])).toBeCloseTo(Math.log(2) - 2 * Math.log(3) - Math.log(7), 12);
  });
});

describe('likelihood', () => {
  const tiny: WeeklyHistory[] = [
    { firstWeekDays: 3, counts: [1, 0, 0, 2, 0] },
    { firstWeekDays: 7, counts: [0, 0, 0, 0, 0, 0] },
    { firstWeekDays: 1, counts: [0, 3, 0, 1] },
    { firstWeekDays: 5, counts: [] },
  ];

  it('equals the sum over every hidden path', () => {
    expect(hiddenMarkovLogLikelihood(TRUTH, weeklySequences(tiny))).toBeCloseTo(bruteLogLikelihood(TRUTH, tiny), 10);
    for (const h of tiny) expect(hiddenMarkovLogLikelihood(TRUTH, weeklySequences([h]))).toBeCloseTo(bruteLogLikelihood(TRUTH, [h]), 10);
  });

  it('with runs of empty weeks collapsed equals the plain forward pass on long histories', () => {
    const long = simulate(TRUTH, 200, 5, 0).map((s) => s.history);
    const s = weeklySequences(long);
    expect(s.maxRun).toBeGreaterThan(20);
    const plain = long.reduce((t, h) => t + plainForward(TRUTH, h), 0);
    expect(Math.abs(hiddenMarkovLogLikelihood(TRUTH, s) - plain)).toBeLessThan(1e-8 * Math.abs(plain));
  });

  it("takes an EM step to the parameters the posterior over every path gives", () => {
    const { logLikelihood, next } = hiddenMarkovEmStep(TRUTH, weeklySequences([...tiny, tiny[0]!]));
    const data = [...tiny, tiny[0]!].filter((h) => h.counts.length > 0);
    expect(logLikelihood).toBeCloseTo(bruteLogLikelihood(TRUTH, data), 10);
    const K = 2;
    const W = [0, 0];
    const PI = [[0, 0], [0, 0]];
    const XI = [[[0, 0], [0, 0]], [[0, 0], [0, 0]]];
    const visits = [[0, 0], [0, 0]];
    const weeks = [[0, 0], [0, 0]];
    for (const h of data) {
      const all = paths(TRUTH, h);
      const total = all.reduce((s, x) => s + x.joint, 0);
      for (const { c, path, joint } of all) {
        const post = joint / total;
        W[c]! += post;
        PI[c]![path[0]!]! += post;
        path.forEach((k, t) => {
          visits[c]![k]! += post * h.counts[t]!;
          weeks[c]![k]! += post * exposureOf(h, t);
          if (t > 0) XI[c]![path[t - 1]!]![k]! += post;
        });
      }
    }
    const n = data.length;
    next.classes.forEach((cl, c) => {
      expect(cl.weight).toBeCloseTo(W[c]! / n, 10);
      for (let k = 0; k < K; k++) {
        expect(cl.start[k]).toBeCloseTo(PI[c]![k]! / W[c]!, 10);
        expect(cl.rates[k]).toBeCloseTo(visits[c]![k]! / weeks[c]![k]!, 10);
        const row = XI[c]![k]![0]! + XI[c]![k]![1]!;
        for (let l = 0; l < K; l++) expect(cl.transition[k]![l]).toBeCloseTo(XI[c]![k]![l]! / row, 10);
      }
    });
  });
});

describe('figures per customer', () => {
  it('equal the sum over every hidden path, now and over a horizon of whole weeks and a part-week', () => {
    const horizonDays = 17; // 2 weeks and 3 days
    const exposures = [1, 1, 3 / 7];
    const score = hiddenMarkovScorer(TRUTH, horizonDays);
    for (const h of [
      { firstWeekDays: 3, counts: [1, 0, 0, 2, 0] },
      { firstWeekDays: 2, counts: [0, 0, 0, 0] },
      { firstWeekDays: 7, counts: [] },
    ]) {
      const L = h.counts.length;
      const all = paths(TRUTH, h, exposures.length);
      const total = all.reduce((s, x) => s + x.joint, 0);
      let expected = 0;
      let none = 0;
      const now = [[0, 0], [0, 0]];
      let active = 0;
      for (const { c, path, joint } of all) {
        const post = joint / total;
        const rates = TRUTH.classes[c]!.rates;
        exposures.forEach((ex, j) => (expected += post * rates[path[L + j]!]! * ex));
        none += post * Math.exp(-exposures.reduce((s, ex, j) => s + rates[path[L + j]!]! * ex, 0));
        // A customer with no weeks: "now" is their first week, the first of the horizon.
        const k = L === 0 ? path[0]! : path[L - 1]!;
        now[c]![k]! += post;
        if (k === 0) active += post;
      }
      const f = score(h);
      expect(f.expectedVisits).toBeCloseTo(expected, 12);
      expect(f.pVisit).toBeCloseTo(1 - none, 12);
      expect(f.pBuying).toBeCloseTo(active, 12);
      // Over a horizon the length of the one above, the chance still a customer is the chance of a visit.
      expect(hiddenMarkovScorer(TRUTH, 90, horizonDays)(h).pStillCustomer).toBeCloseTo(f.pVisit, 12);
      f.stateNow.forEach((row, c) => row.forEach((v, k) => expect(v).toBeCloseTo(now[c]![k]!, 12)));
    }
  });

  it('forecast what a store simulated from the model buys next', () => {
    const store = simulate(TRUTH, 20_000, 11, 13);
    const score = hiddenMarkovScorer(TRUTH, 13 * 7);
    const figures = store.map((s) => score(s.history));
    const sum = (f: (i: number) => number) => store.reduce((t, _, i) => t + f(i), 0);
    const bought = sum((i) => store[i]!.future.reduce((a, b) => a + b, 0));
    expect(sum((i) => figures[i]!.expectedVisits) / bought).toBeGreaterThan(0.97);
    expect(sum((i) => figures[i]!.expectedVisits) / bought).toBeLessThan(1.03);
    const anyone = sum((i) => (store[i]!.future.some((n) => n > 0) ? 1 : 0));
    expect(sum((i) => figures[i]!.pVisit) / anyone).toBeGreaterThan(0.97);
    expect(sum((i) => figures[i]!.pVisit) / anyone).toBeLessThan(1.03);
    // The quiet ones too: no visit in their last 20 weeks.
    const quiet = store.map((s, i) => ({ s, i })).filter(({ s }) => s.history.counts.length > 20 && s.history.counts.slice(-20).every((n) => n === 0));
    const quietBought = quiet.reduce((t, { s }) => t + s.future.reduce((a, b) => a + b, 0), 0);
    const quietExpected = quiet.reduce((t, { i }) => t + figures[i]!.expectedVisits, 0);
    expect(quietBought).toBeGreaterThan(100);
    expect(Math.abs(quietExpected / quietBought - 1)).toBeLessThan(0.12);
  });

  it('score a customer whose first visit is the day scored, a one-time buyer and a visit on the day scored', () => {
    const score = hiddenMarkovScorer(TRUTH, 90);
    const fresh = score(weeklyHistory([500], 500)!);
    expect(fresh.stateNow.flat().reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(fresh.pBuying).toBeCloseTo(0.7 * 0.6 + 0.3 * 0.5, 12);
    const once = score(weeklyHistory([400], 500)!);
    const onDay = score(weeklyHistory([400, 500], 500)!);
    const dayBefore = score(weeklyHistory([400, 470], 500)!);
    expect(once.expectedVisits).toBeLessThan(fresh.expectedVisits);
    expect(once.pStillCustomer).toBeGreaterThan(once.pVisit);
    expect(onDay.pBuying).toBeGreaterThan(once.pBuying);
    expect(onDay.expectedVisits).toBeGreaterThan(dayBefore.expectedVisits);
    for (const f of [fresh, once, onDay]) {
      expect(f.pVisit).toBeGreaterThan(0);
      expect(f.pVisit).toBeLessThan(1);
      expect(f.expectedVisits).toBeGreaterThan(f.pVisit * 0.999);
    }
  });
});

describe('fit', () => {
  it('recovers the parameters of a store simulated from the model', () => {
    const histories = simulate(TRUTH, 8_000, 3, 0).map((s) => s.history);
    const fit = fitHiddenMarkov(histories);
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    const { params, logLikelihood } = fit.value;
    expect(logLikelihood).toBeGreaterThanOrEqual(hiddenMarkovLogLikelihood(TRUTH, weeklySequences(histories)));
    params.classes.forEach((cl, c) => {
      const truth = TRUTH.classes[c]!;
      expect(Math.abs(cl.weight - truth.weight)).toBeLessThan(0.03);
      cl.rates.forEach((r, k) => expect(Math.abs(r / truth.rates[k]! - 1)).toBeLessThan(0.1));
      cl.start.forEach((s, k) => expect(Math.abs(s - truth.start[k]!)).toBeLessThan(0.05));
      // The chance of leaving a state, relative.
      for (let k = 0; k < 2; k++) expect(Math.abs(cl.transition[k]![1 - k]! / truth.transition[k]![1 - k]! - 1)).toBeLessThan(0.15);
    });
  });

  it('says why it cannot fit, with the store’s figure and the one needed', () => {
    const one = weeklyHistory([1, 50, 120], 200)!;
    expect(fitHiddenMarkov([one])).toEqual({ ok: false, reason: { code: 'too-few-customers', params: { have: 1, need: 50 } } });
    const onceOnly = Array.from({ length: 60 }, (_, i) => weeklyHistory([i], 200)!);
    expect(fitHiddenMarkov(onceOnly)).toMatchObject({ ok: false, reason: { code: 'too-few-repeat-buyers', params: { have: 0, need: 20 } } });
    const young = Array.from({ length: 60 }, (_, i) => weeklyHistory([150 + (i % 20), 190], 200)!);
    expect(fitHiddenMarkov(young)).toMatchObject({ ok: false, reason: { code: 'history-too-short', params: { have: 50, need: 90 } } });
  });

  it('fits a large store on a seeded sample, the same one every time', () => {
    const histories = simulate(TRUTH, 3_000, 7, 0).map((s) => s.history);
    const a = fitHiddenMarkov(histories, { sampleSize: 1_000, seed: 4, starts: 1 });
    const b = fitHiddenMarkov(histories, { sampleSize: 1_000, seed: 4, starts: 1 });
    expect(a.ok && a.value.fittedOn).toBe(1_000);
    expect(a.ok && a.value.customers).toBe(3_000);
    expect(a).toEqual(b);
  });
});

describe('on the CDNOW sample at 1997-09-30, 39 weeks after', () => {
  it('fits better than the modified BG/NBD, forecasts the holdout within 10% and ranks it at 0.78 or better', () => {
    const customers = cdnowCustomers();
    const histories = customers.map((c) => weeklyHistory(c.purchases.map((p) => p.day), CDNOW_CUTOFF_DAY)!);
    const fit = fitHiddenMarkov(histories);
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    // In days, as the buying model's likelihood (−14363.2 for the modified BG/NBD on the same sample).
    expect(fit.value.logLikelihood + countsToDaysTerm(histories)).toBeGreaterThan(-14363.2);
    const score = hiddenMarkovScorer(fit.value.params, 273);
    const expected = histories.map((h) => score(h).expectedVisits);
    const actual = customers.map((c) => new Set(c.purchases.map((p) => p.day).filter((d) => d > CDNOW_CUTOFF_DAY && d <= CDNOW_CUTOFF_DAY + 273)).size);
    const total = actual.reduce((a, b) => a + b, 0);
    expect(total).toBe(1882);
    expect(Math.abs(expected.reduce((a, b) => a + b, 0) / total - 1)).toBeLessThan(0.1);
    expect(areaUnderCurve(expected, actual.map((n) => n > 0))).toBeGreaterThanOrEqual(0.78);
  });
});
