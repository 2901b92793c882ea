// The BG/NBD family of "buy till you die" models: each customer's buying and dropping out, fitted by maximum likelihood.
import gammaln from '@stdlib/math-base-special-gammaln';
import { nelderMead } from './nelderMead';
import { err, ok, type Result } from '../../result';
import { hyp2f1 } from './hyp2f1';

/**
 * 'mbgnbd': the modified BG/NBD (Batislam, Denizel and Filiztekin, 2007): a customer may drop out right
 * after any purchase, the first one included, so a one-time buyer who never came back can be gone.
 * 'bgnbd': the plain BG/NBD (Fader, Hardie and Lee, 2005): drop-out only after a repeat purchase, so
 * every one-time buyer counts as surely still a customer; kept as the yardstick.
 */
export const BUYING_MODEL_VARIANTS = ['mbgnbd', 'bgnbd'] as const;
export type BuyingModelVariant = (typeof BUYING_MODEL_VARIANTS)[number];

/**
 * A customer's history in the model's terms, times in one unit (days in the app, weeks in the papers):
 * x repeat purchases (purchase days after the first), tx the time from the first to the last
 * purchase, T the time from the first purchase to the moment of scoring. 0 ≤ tx ≤ T, tx = 0 when x = 0.
 */
export interface BuyerHistory {
  x: number;
  tx: number;
  T: number;
}

/** λ ~ Gamma(r, α) is the buying rate; p ~ Beta(a, b) the chance of dropping out after a purchase. */
export interface BuyingModelParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * Identical (x, tx, T) triples counted once: the likelihood only needs each triple and how often it
 * occurs. Times are also indexed into their distinct values (whole days give a few hundred), so a
 * likelihood evaluation takes one logarithm per distinct time rather than two per triple.
 */
export interface GroupedHistories {
  x: Int32Array;
  tx: Float64Array;
  T: Float64Array;
  count: Float64Array;
  /** Distinct values of tx and T, and where each triple's tx and T are among them. */
  times: Float64Array;
  txAt: Int32Array;
  TAt: Int32Array;
  /** Number of distinct triples. */
  size: number;
  /** Number of customers (sum of counts). */
  customers: number;
  maxX: number;
}

export function groupHistories(histories: readonly BuyerHistory[]): GroupedHistories {
  const index = new Map<string, number>();
  const timeIndex = new Map<number, number>();
  const timeOf = (v: number) => {
    let at = timeIndex.get(v);
    if (at === undefined) {
      at = timeIndex.size;
      timeIndex.set(v, at);
    }
    return at;
  };
  const xs: number[] = [];
  const txs: number[] = [];
  const Ts: number[] = [];
  const counts: number[] = [];
  const txAt: number[] = [];
  const TAt: number[] = [];
  let maxX = 0;
  for (const h of histories) {
    const key = `${h.x}|${h.tx}|${h.T}`;
    const at = index.get(key);
    if (at !== undefined) {
      counts[at]! += 1;
      continue;
    }
    index.set(key, xs.length);
    xs.push(h.x);
    txs.push(h.tx);
    Ts.push(h.T);
    counts.push(1);
    txAt.push(timeOf(h.tx));
    TAt.push(timeOf(h.T));
    if (h.x > maxX) maxX = h.x;
  }
  return {
    x: Int32Array.from(xs),
    tx: Float64Array.from(txs),
    T: Float64Array.from(Ts),
    count: Float64Array.from(counts),
    times: Float64Array.from(timeIndex.keys()),
    txAt: Int32Array.from(txAt),
    TAt: Int32Array.from(TAt),
    size: xs.length,
    customers: histories.length,
    maxX,
  };
}

/** log(1 + e^v) without overflow. */
const softplus = (v: number): number => (v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v)));

/**
 * Total log-likelihood of the grouped histories (constant terms included, so it is the log of the
 * probability density of the data). The terms that depend only on x are computed once per distinct x.
 */
export function logLikelihood(params: BuyingModelParams, data: GroupedHistories, variant: BuyingModelVariant): number {
  const { r, alpha, a, b } = params;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NEGATIVE_INFINITY;
  const shift = variant === 'mbgnbd' ? 1 : 0;
  // Per x: lnΓ(r+x) − lnΓ(r) + r ln α + ln[B(a, b+x+shift)/B(a, b)], and ln(a / (b + x + shift − 1)).
  const base = new Float64Array(data.maxX + 1);
  const dropTerm = new Float64Array(data.maxX + 1);
  const lgR = gammaln(r);
  const lgAB = gammaln(a + b);
  const lgB = gammaln(b);
  const rLnAlpha = r * Math.log(alpha);
  const lnA = Math.log(a);
  for (let x = 0; x <= data.maxX; x++) {
    base[x] = gammaln(r + x) - lgR + rLnAlpha + lgAB + gammaln(b + x + shift) - lgB - gammaln(a + b + x + shift);
    dropTerm[x] = lnA - Math.log(b + x + shift - 1);
  }
  const lnTime = new Float64Array(data.times.length);
  for (let k = 0; k < lnTime.length; k++) lnTime[k] = Math.log(alpha + data.times[k]!);
  let total = 0;
  for (let i = 0; i < data.size; i++) {
    const x = data.x[i]!;
    const rx = r + x;
    const lnAT = lnTime[data.TAt[i]!]!;
    let ll = base[x]! - rx * lnAT;
    if (x > 0 || shift === 1) ll += softplus(dropTerm[x]! + rx * (lnAT - lnTime[data.txAt[i]!]!));
    total += data.count[i]! * ll;
  }
  return total;
}

/** Probability the customer is still a customer at T. */
export function pAlive(params: BuyingModelParams, variant: BuyingModelVariant, h: BuyerHistory): number {
  const { r, alpha, a, b } = params;
  if (variant === 'bgnbd' && h.x === 0) return 1;
  const shift = variant === 'mbgnbd' ? 1 : 0;
  const odds = (a / (b + h.x + shift - 1)) * Math.exp((r + h.x) * (Math.log(alpha + h.T) - Math.log(alpha + h.tx)));
  return 1 / (1 + odds);
}

/**
 * Probability of at least one purchase in (T, T + t]: alive at T, and a Poisson buyer with the rate's
 * posterior Gamma(r + x, α + T) buys in t (drop-out happens only after a purchase, so it does not
 * stop the first one).
 */
export function pBuyWithin(params: BuyingModelParams, variant: BuyingModelVariant, h: BuyerHistory, t: number): number {
  const noneIfAlive = Math.exp((params.r + h.x) * (Math.log(params.alpha + h.T) - Math.log(params.alpha + h.T + t)));
  return pAlive(params, variant, h) * (1 - noneIfAlive);
}

/** The buying rate's posterior mean for a customer still alive: purchases per time unit. */
export function rateIfAlive(params: BuyingModelParams, h: BuyerHistory): number {
  return (params.r + h.x) / (params.alpha + h.T);
}

/**
 * Expected purchases in (T, T + t] (Fader, Hardie and Lee 2005, eq. 10; Batislam et al. 2007 for the
 * modified model). The Gauss function is taken after Euler's transformation, whose series has small
 * terms; the form is 0/0 at a = 1, so a within 1e-4 of 1 is evaluated as the mean of 1 ± 2e-4.
 */
export function expectedPurchases(params: BuyingModelParams, variant: BuyingModelVariant, h: BuyerHistory, t: number): number {
  const { a } = params;
  if (Math.abs(a - 1) < 1e-4) {
    return (expectedPurchases({ ...params, a: 1 - 2e-4 }, variant, h, t) + expectedPurchases({ ...params, a: 1 + 2e-4 }, variant, h, t)) / 2;
  }
  if (t <= 0) return 0;
  const { r, alpha, b } = params;
  const shift = variant === 'mbgnbd' ? 1 : 0;
  const x = h.x;
  const c = a + b + x + shift - 1;
  const z = t / (alpha + h.T + t);
  // 2F1(r+x, b+x+shift; c; z) · (1−z)^(r+x) = (1−z)^(a−1) · 2F1(c−r−x, a−1; c; z).
  const scaled = Math.exp((a - 1) * Math.log1p(-z)) * hyp2f1(c - r - x, a - 1, c, z);
  const numerator = ((a + b + x + shift - 1) / (a - 1)) * (1 - scaled);
  const expected = numerator * pAlive(params, variant, h);
  if (Number.isFinite(expected)) return expected;
  // A store where nearly everyone stays fits a and b in the millions (p all but fixed), and the series' terms
  // overflow before they shrink. With p fixed at its posterior mean the expectation has a closed form:
  // a buyer at rate λ who leaves after each purchase with chance p buys (1 − e^(−λpt))/p in t, and λ ~ Gamma(r+x, α+T).
  const p = a / (a + b + x + shift);
  return ((1 - Math.exp((r + x) * (Math.log(alpha + h.T) - Math.log(alpha + h.T + p * t)))) / p) * pAlive(params, variant, h);
}

export const CANNOT_FIT_CODES = ['too-few-customers', 'too-few-repeat-buyers', 'history-too-short', 'fit-failed'] as const;
export type CannotFitCode = (typeof CANNOT_FIT_CODES)[number];

/** Why no model: the store's figure and the figure it needs, for the UI to word. */
export interface CannotFit {
  code: CannotFitCode;
  params: { have: number; need: number };
}

export interface FitOptions {
  variant: BuyingModelVariant;
  /** Fewer customers than this: no fit. */
  minCustomers: number;
  /** Fewer customers with a repeat purchase than this: no fit (the drop-out process is not identified). */
  minRepeatBuyers: number;
  /** The longest T (time since a first purchase) must reach this, in the histories' unit. */
  minHistory: number;
}

/** Defaults for histories in days. */
export const DEFAULT_FIT_OPTIONS: Readonly<FitOptions> = Object.freeze({
  variant: 'mbgnbd',
  minCustomers: 50,
  minRepeatBuyers: 20,
  minHistory: 90,
});

export interface BuyingModelFit {
  variant: BuyingModelVariant;
  params: BuyingModelParams;
  logLikelihood: number;
  customers: number;
  /** Distinct (x, tx, T) triples the likelihood ran over. */
  distinctHistories: number;
  evaluations: number;
}

/**
 * Maximum-likelihood fit: Nelder–Mead over the logarithms of the four parameters, run twice
 * (the second from the first's optimum, a common guard against a simplex that collapsed early).
 * Times are divided by the mean T during the search so the starting point (all parameters 1) suits
 * any unit; α is scaled back at the end.
 */
export function fitBuyingModel(data: GroupedHistories, options: Partial<FitOptions> = {}): Result<BuyingModelFit, CannotFit> {
  const o = { ...DEFAULT_FIT_OPTIONS, ...options };
  if (data.customers < o.minCustomers) return err({ code: 'too-few-customers', params: { have: data.customers, need: o.minCustomers } });
  let repeatBuyers = 0;
  let maxT = 0;
  let sumT = 0;
  for (let i = 0; i < data.size; i++) {
    if (data.x[i]! > 0) repeatBuyers += data.count[i]!;
    if (data.T[i]! > maxT) maxT = data.T[i]!;
    sumT += data.count[i]! * data.T[i]!;
  }
  if (repeatBuyers < o.minRepeatBuyers) return err({ code: 'too-few-repeat-buyers', params: { have: repeatBuyers, need: o.minRepeatBuyers } });
  if (maxT < o.minHistory) return err({ code: 'history-too-short', params: { have: maxT, need: o.minHistory } });

  const scale = sumT / data.customers;
  const scaled: GroupedHistories = { ...data, tx: data.tx.map((v) => v / scale), T: data.T.map((v) => v / scale), times: data.times.map((v) => v / scale) };
  const objective = (theta: readonly number[]): number => {
    const ll = logLikelihood(fromLogs(theta), scaled, o.variant);
    return Number.isFinite(ll) ? -ll / data.customers : 1e10;
  };
  const first = nelderMead(objective, [0, 0, 0, 0]);
  const second = nelderMead(objective, first.x, { step: 0.1 });
  const best = second.fx <= first.fx ? second : first;
  const found = fromLogs(best.x);
  const params: BuyingModelParams = { ...found, alpha: found.alpha * scale };
  const ll = logLikelihood(params, data, o.variant);
  const sane = [params.r, params.alpha, params.a, params.b].every((v) => Number.isFinite(v) && v > 1e-8 && v < 1e8);
  if (!sane || !Number.isFinite(ll)) return err({ code: 'fit-failed', params: { have: 0, need: 0 } });
  return ok({ variant: o.variant, params, logLikelihood: ll, customers: data.customers, distinctHistories: data.size, evaluations: first.evaluations + second.evaluations });
}

function fromLogs(theta: readonly number[]): BuyingModelParams {
  return { r: Math.exp(theta[0]!), alpha: Math.exp(theta[1]!), a: Math.exp(theta[2]!), b: Math.exp(theta[3]!) };
}
