// Every customer's figures from the fitted models as of a day: chance still a customer, visits to come, value at risk.
import { err, ok, type Result } from '../../result';
import { areaUnderCurve } from './auc';
import {
  expectedPurchases,
  fitBuyingModel,
  groupHistories,
  pAlive,
  pBuyWithin,
  rateIfAlive,
  type BuyerHistory,
  type BuyingModelFit,
  type CannotFit,
  type FitOptions,
} from './buyingModel';
import { fitHiddenMarkov, hiddenMarkovScorer, weeklyHistory, type HiddenMarkovFigures, type HiddenMarkovFit, type HiddenMarkovFitOptions, type HiddenMarkovParams, type WeeklyHistory } from './hiddenMarkov';
import { expectedSpendPerVisit, fitSpendModel, type SpendHistory, type SpendModelFit, type SpendModelParams } from './spendModel';

/** One purchase as the model reads it: its calendar day as a whole day number (days since 1970-01-01) and its spend (> 0 counts for the spend model). */
export interface ModelPurchase {
  day: number;
  spend: number;
}

export interface ModelCustomer {
  id: string;
  /** Visits only (voided, returns and fully returned purchases left out by the caller), any order. */
  purchases: readonly ModelPurchase[];
}

/**
 * A customer as of a day, in days: purchases after the day are not seen. Several purchases on one day
 * are one visit (x counts visit days after the first), whose spend is their sum. The spend history is
 * that of the repeat visits with a positive spend, as the Gamma-Gamma model was published and checked
 * (the first visit is often unlike the later ones). null when the customer has no purchase on or before the day.
 */
export function historyAsOf(purchases: readonly ModelPurchase[], asOfDay: number): { history: BuyerHistory; spend: SpendHistory } | null {
  const byDay = new Map<number, number>();
  for (const p of purchases) if (p.day <= asOfDay) byDay.set(p.day, (byDay.get(p.day) ?? 0) + p.spend);
  if (byDay.size === 0) return null;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const day of byDay.keys()) {
    if (day < first) first = day;
    if (day > last) last = day;
  }
  let spent = 0;
  let spendVisits = 0;
  for (const [day, spend] of byDay) {
    if (day !== first && spend > 0) {
      spent += spend;
      spendVisits += 1;
    }
  }
  return {
    history: { x: byDay.size - 1, tx: last - first, T: asOfDay - first },
    spend: { visits: spendVisits, meanSpend: spendVisits > 0 ? spent / spendVisits : 0 },
  };
}

export interface ScoreOptions {
  /** Days ahead for the expected visits and the chance of a visit (90 by default). */
  horizonDays: number;
  fit: Partial<FitOptions>;
  /**
   * How much the chance of being gone counts in the ranking (returnScore): a number in [0, 1], or
   * 'backtest' to let the store's own last backtestDays choose it (tuneAliveWeight), 1 when that cannot run.
   */
  aliveWeight: number | 'backtest';
  backtestDays: number;
  /** Whether to fit the visits model (hidden Markov) beside the buying model; its forecast then counts half of expectedVisits. */
  visitsModel: boolean;
}

export const DEFAULT_SCORE_OPTIONS: Readonly<ScoreOptions> = Object.freeze({ horizonDays: 90, fit: {}, aliveWeight: 'backtest', backtestDays: 90, visitsModel: true });

export interface CustomerScore {
  id: string;
  /** Visit days after the first, days from first to last visit, days from first visit to the day scored. */
  x: number;
  tx: number;
  T: number;
  daysSinceLast: number;
  /** Their own usual gap in days (tx / x) when they came back at least once; null for a one-time buyer. */
  ownGapDays: number | null;
  /** Probability they are still a customer. */
  pAlive: number;
  /**
   * Expected visits in the next horizonDays, as the app states them: the mean of the buying model's forecast and the
   * visits model's (combinedExpectedVisits), the buying model's alone when the visits model is not fitted.
   */
  expectedVisits: number;
  /** The buying model's (MBG/NBD) expected visits in the next horizonDays. */
  buyingExpectedVisits: number;
  /** The visits model's (hidden Markov) expected visits in the next horizonDays; null when it is not fitted. */
  visitsModelExpectedVisits: number | null;
  /** Probability of at least one visit in the next horizonDays. */
  pVisit: number;
  /** Expected spend per visit (spend model), in the purchases' money unit. */
  spendPerVisit: number;
  /**
   * The ranking of who will come back: the buying rate if alive × horizon × pAlive^w, w the store's
   * aliveWeight. At w = 1 it is close to the expected visits; a smaller w trusts the model's
   * judgement that a quiet customer is gone less, as the store's own backtest found best.
   */
  returnScore: number;
  /**
   * Expected spend lost in the next horizonDays: what they would spend if still coming
   * (posterior rate × horizon × spend per visit), times the chance they are gone.
   */
  valueAtRisk: number;
}

export interface ScoredStore {
  fit: BuyingModelFit;
  /** null when the spend model could not be fitted: spend per visit is then the customer's own repeat-visit mean (the store's for none). */
  spendFit: SpendModelFit | null;
  /** Median of the own gaps of the customers who came back; null when none did. */
  storeUsualGapDays: number | null;
  /** The weight returnScore gives the chance of being gone, and the backtest that chose it (null when given or when it could not run). */
  aliveWeight: number;
  backtest: Backtest | null;
  /** The visits model's fit; null when not asked for or when it could not be fitted (expectedVisits is then the buying model's). */
  visitsFit: HiddenMarkovFit | null;
  scores: CustomerScore[];
}

/** Fits both models to the customers as of asOfDay and scores each customer who had bought by then. */
export function scoreCustomers(customers: readonly ModelCustomer[], asOfDay: number, options: Partial<ScoreOptions> = {}): Result<ScoredStore, CannotFit> {
  const o = { ...DEFAULT_SCORE_OPTIONS, ...options };
  const seen: { id: string; history: BuyerHistory; spend: SpendHistory; weekly: WeeklyHistory }[] = [];
  for (const c of customers) {
    const h = historyAsOf(c.purchases, asOfDay);
    if (h) seen.push({ id: c.id, ...h, weekly: weeklyHistory(c.purchases.map((p) => p.day), asOfDay)! });
  }
  const fitted = fitBuyingModel(
    groupHistories(seen.map((s) => s.history)),
    o.fit,
  );
  if (!fitted.ok) return err(fitted.reason);
  const fit = fitted.value;
  const spendFitted = fitSpendModel(seen.map((s) => s.spend));
  const spendFit = spendFitted.ok ? spendFitted.value : null;
  const withSpend = seen.filter((s) => s.spend.visits > 0);
  const storeMeanSpend = withSpend.length > 0 ? withSpend.reduce((sum, s) => sum + s.spend.meanSpend, 0) / withSpend.length : 0;
  const backtest = o.aliveWeight === 'backtest' ? tuneAliveWeight(customers, asOfDay, o) : null;
  const aliveWeight = o.aliveWeight === 'backtest' ? (backtest?.aliveWeight ?? 1) : o.aliveWeight;
  const visitsFitted = o.visitsModel ? fitHiddenMarkov(seen.map((s) => s.weekly), visitsModelFitOptions(seen.length)) : null;
  const visitsFit = visitsFitted?.ok ? visitsFitted.value : null;
  const model: FittedModels = { variant: fit.variant, buying: fit.params, spend: spendFit?.params ?? null, storeMeanSpend, visits: visitsFit?.params ?? null };
  const gaps: number[] = [];
  const scores = seen.map(({ id, history, spend, weekly }) => {
    const score = scoreHistory(model, id, history, spend, o.horizonDays, aliveWeight, weekly);
    if (score.ownGapDays !== null) gaps.push(score.ownGapDays);
    return score;
  });
  return ok({ fit, spendFit, storeUsualGapDays: median(gaps), aliveWeight, backtest, visitsFit, scores });
}

/**
 * The app's expected visits: the equal mean of the two models' forecasts (a forecast combination). Across the CDNOW
 * and online-retail splits of the evaluation the buying model under-counts where quiet customers come back and the
 * visits model over-counts where they do not; their mean was within 10% on every CDNOW split, where each alone
 * missed one (docs/ARCHITECTURE.md, "Churn model"). null for the visits model: the buying model's alone.
 */
export function combinedExpectedVisits(buying: number, visitsModel: number | null): number {
  return visitsModel === null ? buying : (buying + visitsModel) / 2;
}

/**
 * Customers the visits model is fitted on in a larger store (a seeded sample; everyone is scored). EM's steps cost per
 * visit week of the sample and their number varies with the sample (11 to 59 seen), so the sample bounds the fit's
 * time: on the bench's store of 100,000, five seeds of 3,000 fit in 1.5–4.0 s (4,000: 1.8–5.9 s; 5,000 up to 8.2 s;
 * 20,000: 11 s), and the store's expected visits in the next 90 days spread 2.3% across them (132,556–135,665
 * against 133,643 from 20,000), far inside the models' own error.
 */
export const VISITS_MODEL_SAMPLE = 3_000;

/**
 * The app's options for the visits model's fit of `customers`: the sample above; a store larger than the sample from
 * one starting point. There a second start's burn-in found the same optimum on four samples of the bench's store (the
 * same log-likelihood to 0.1) and cost 20–40% of the fit; in a small store it costs little and can matter (online
 * retail at 2011-06-30: one start stops 2.9 lower).
 */
export function visitsModelFitOptions(customers: number): Partial<HiddenMarkovFitOptions> {
  return customers > VISITS_MODEL_SAMPLE ? { sampleSize: VISITS_MODEL_SAMPLE, starts: 1 } : { sampleSize: VISITS_MODEL_SAMPLE };
}

const scorers = new WeakMap<HiddenMarkovParams, Map<number, (h: WeeklyHistory) => HiddenMarkovFigures>>();

/** The visits model's scorer for a fit and horizon, built once per fitted parameters (it precomputes the forecast per state). */
export function visitsModelScorer(params: HiddenMarkovParams, horizonDays: number): (h: WeeklyHistory) => HiddenMarkovFigures {
  let byHorizon = scorers.get(params);
  if (!byHorizon) scorers.set(params, (byHorizon = new Map()));
  let scorer = byHorizon.get(horizonDays);
  if (!scorer) byHorizon.set(horizonDays, (scorer = hiddenMarkovScorer(params, horizonDays)));
  return scorer;
}

/** What scoring one customer needs of the fitted models: the buying model, the spend model (null: none) and the store's mean spend per repeat visit. */
export interface FittedModels {
  variant: BuyingModelFit['variant'];
  buying: BuyingModelFit['params'];
  spend: SpendModelParams | null;
  storeMeanSpend: number;
  /** The visits model (hidden Markov); null when it could not be fitted. */
  visits: HiddenMarkovParams | null;
}

/**
 * One customer's figures from the fitted models (the app derives each customer with it; scoreCustomers scores the
 * store with it). `weekly`: their visit days by week as of the same day, for the visits model (null: not known).
 */
export function scoreHistory(model: FittedModels, id: string, h: BuyerHistory, spend: SpendHistory, horizonDays: number, aliveWeight = 1, weekly: WeeklyHistory | null = null): CustomerScore {
  const alive = pAlive(model.buying, model.variant, h);
  const rate = rateIfAlive(model.buying, h);
  const spendPerVisit = model.spend ? expectedSpendPerVisit(model.spend, spend) : spend.visits > 0 ? spend.meanSpend : model.storeMeanSpend;
  const buyingExpected = expectedPurchases(model.buying, model.variant, h, horizonDays);
  const visitsModelExpected = model.visits !== null && weekly !== null ? visitsModelScorer(model.visits, horizonDays)(weekly).expectedVisits : null;
  return {
    id,
    x: h.x,
    tx: h.tx,
    T: h.T,
    daysSinceLast: h.T - h.tx,
    ownGapDays: h.x > 0 ? h.tx / h.x : null,
    pAlive: alive,
    expectedVisits: combinedExpectedVisits(buyingExpected, visitsModelExpected),
    buyingExpectedVisits: buyingExpected,
    visitsModelExpectedVisits: visitsModelExpected,
    pVisit: pBuyWithin(model.buying, model.variant, h, horizonDays),
    spendPerVisit,
    returnScore: rate * horizonDays * Math.pow(alive, aliveWeight),
    valueAtRisk: (1 - alive) * rate * horizonDays * spendPerVisit,
  };
}

export interface Backtest {
  /** The day the backtest scored as of: backtestDays before the day scored. */
  asOfDay: number;
  days: number;
  customers: number;
  cameBack: number;
  aliveWeight: number;
  /** Area under the ROC curve of returnScore for "came back by the day scored" at that weight. */
  auc: number;
}

export const ALIVE_WEIGHTS: readonly number[] = Object.freeze([1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0]);

/**
 * The store's own check of how much to trust the chance of being gone: fit as of backtestDays
 * earlier, rank those customers by rate × pAlive^w for each w in ALIVE_WEIGHTS, and keep the w
 * whose ranking best picks out who came back since (the larger w on a tie). Only data up to
 * asOfDay is read. null when the earlier store cannot be fitted or nobody (or everybody) came back.
 */
export function tuneAliveWeight(customers: readonly ModelCustomer[], asOfDay: number, options: Partial<ScoreOptions> = {}): Backtest | null {
  const o = { ...DEFAULT_SCORE_OPTIONS, ...options };
  const earlier = asOfDay - o.backtestDays;
  const seen: { history: BuyerHistory; cameBack: boolean }[] = [];
  for (const c of customers) {
    const h = historyAsOf(c.purchases, earlier);
    if (h) seen.push({ history: h.history, cameBack: c.purchases.some((p) => p.day > earlier && p.day <= asOfDay) });
  }
  const fitted = fitBuyingModel(groupHistories(seen.map((s) => s.history)), o.fit);
  if (!fitted.ok) return null;
  const { params, variant } = fitted.value;
  const positive = seen.map((s) => s.cameBack);
  const cameBack = positive.filter(Boolean).length;
  if (cameBack === 0 || cameBack === seen.length) return null;
  const lnRate = seen.map((s) => Math.log(rateIfAlive(params, s.history)));
  const lnAlive = seen.map((s) => Math.log(pAlive(params, variant, s.history)));
  let best = { aliveWeight: 1, auc: Number.NEGATIVE_INFINITY };
  for (const w of ALIVE_WEIGHTS) {
    const auc = areaUnderCurve(
      lnRate.map((v, i) => v + w * lnAlive[i]!),
      positive,
    );
    if (auc > best.auc) best = { aliveWeight: w, auc };
  }
  return { asOfDay: earlier, days: o.backtestDays, customers: seen.length, cameBack, ...best };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
