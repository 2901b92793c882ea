// The churn model as the app keeps it: each customer's stored inputs, the store-wide fit (a bookkeeping cache) and one customer's level from it.
import { z } from 'zod';
import { dayNumber, fullyReturnedIds, isVisit, type DayOf, type FigureInput } from '../customerFigures';
import { BUYING_MODEL_VARIANTS, CANNOT_FIT_CODES, fitBuyingModel, groupHistories, type BuyerHistory, type BuyingModelParams, type BuyingModelVariant, type CannotFit, type FitOptions } from './buyingModel';
import { fitHiddenMarkov, weeklyHistory, type HiddenMarkovParams, type WeeklyHistory } from './hiddenMarkov';
import { churnModelLevelOf, highCutoff, isHighUnder, type ChurnModelLevel, type ChurnModelSettings } from './levels';
import { VISIT_BUCKETS } from '../reports/reportRows';
import { historyAsOf, scoreHistory, visitsModelFitOptions, VISITS_MODEL_SAMPLE, type CustomerScore, type FittedModels, type ModelPurchase } from './scoring';
import { fitSpendModel, type SpendHistory, type SpendModelParams } from './spendModel';

/** Days ahead the app's figures look: expected visits and value at risk are over the next 90 days. */
export const CHURN_HORIZON_DAYS = 90;

/**
 * What the store-wide fit needs of a customer, kept on their state row (customerState.churnModelInput) by
 * every purchase write, so the rollover fits from the state rows without reading every purchase again.
 * Days are whole day numbers (dayNumber of the store's calendar day); spend in fen. null without a visit.
 */
export interface ChurnModelInput {
  firstDay: number;
  lastDay: number;
  /** Distinct days with a visit (x = visitDays − 1). */
  visitDays: number;
  /** Repeat visit days (after the first) with a positive spend, and their spend. */
  repeatSpendVisits: number;
  repeatSpendFen: number;
}

/** A customer's visits (not voided, not returns, not returned in full) as the model reads them: day number and spend. */
export function modelPurchasesOf(purchases: readonly FigureInput[], dayOf: DayOf): ModelPurchase[] {
  const fullyReturned = fullyReturnedIds(purchases);
  const out: ModelPurchase[] = [];
  for (const p of purchases) if (isVisit(p, fullyReturned)) out.push({ day: dayNumber(dayOf(p.purchasedAt)), spend: p.totalFen });
  return out;
}

export function churnModelInputOf(purchases: readonly FigureInput[], dayOf: DayOf): ChurnModelInput | null {
  const visits = modelPurchasesOf(purchases, dayOf);
  if (visits.length === 0) return null;
  const last = visits.reduce((m, p) => Math.max(m, p.day), Number.NEGATIVE_INFINITY);
  const h = historyAsOf(visits, last)!;
  return {
    firstDay: last - h.history.tx,
    lastDay: last,
    visitDays: h.history.x + 1,
    repeatSpendVisits: h.spend.visits,
    repeatSpendFen: Math.round(h.spend.meanSpend * h.spend.visits),
  };
}

const finite = z.number().finite();
const positive = finite.positive();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const chance = finite.min(0).max(1);

/** A stored visits model: every class with the same number of states, a start chance, a square transition matrix and a rate for each. */
const hiddenMarkovParamsSchema = z
  .object({
    classes: z
      .array(z.object({ weight: chance, start: z.array(chance).min(1), transition: z.array(z.array(chance)), rates: z.array(finite.nonnegative()) }))
      .min(1),
  })
  .refine(({ classes }) => {
    // Zod runs a refinement even when a check above failed: an empty list reaches here.
    const states = classes[0]?.start.length ?? 0;
    return states > 0 && classes.every((c) => c.start.length === states && c.rates.length === states && c.transition.length === states && c.transition.every((row) => row.length === states));
  }, 'every class needs one start chance, one rate and one transition row of that length per state');

/** The store's fitted models, the day they were fitted on, and the high level's cut-off for that day. */
export interface FittedChurnModel {
  kind: 'fitted';
  fittedOn: string;
  customers: number;
  repeatBuyers: number;
  variant: BuyingModelVariant;
  buying: BuyingModelParams;
  /** The Gamma-Gamma spend model; null when it could not be fitted (each customer's own mean spend stands in). */
  spend: SpendModelParams | null;
  storeMeanSpendFen: number;
  /** The median of the returning customers' own gaps: the usual gap a one-time buyer is measured against. */
  storeUsualGapDays: number | null;
  /** Value at risk (fen) from which a candidate for high is high (levels.ts highCutoff); null: the cap lets nobody in. */
  highFromValueFen: number | null;
  /**
   * The visits model (hidden Markov, weekly visit days), whose forecast counts half of each customer's expected
   * visits (scoring.ts combinedExpectedVisits); null when it could not be fitted (the buying model's forecast alone).
   */
  visits: HiddenMarkovParams | null;
  /** What the visits model was fitted from (visitsModelBasis): the same basis again, the stored model stands unfitted. */
  visitsBasis: string;
}

/** The store could not be fitted (too young or too small, or the fit failed): today's rule stands, and the screens say why. */
export interface NoChurnModel {
  kind: 'cannot-fit';
  fittedOn: string;
  customers: number;
  repeatBuyers: number;
  reason: CannotFit;
}

export type StoreChurnModel = FittedChurnModel | NoChurnModel;

export const storeChurnModelSchema: z.ZodType<StoreChurnModel> = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('fitted'),
    fittedOn: day,
    customers: z.number().int().nonnegative(),
    repeatBuyers: z.number().int().nonnegative(),
    variant: z.enum(BUYING_MODEL_VARIANTS),
    buying: z.object({ r: positive, alpha: positive, a: positive, b: positive }),
    spend: z.object({ p: positive, q: positive, gamma: positive }).nullable(),
    storeMeanSpendFen: finite.nonnegative(),
    storeUsualGapDays: positive.nullable(),
    highFromValueFen: finite.nonnegative().nullable(),
    visits: hiddenMarkovParamsSchema.nullable(),
    visitsBasis: z.string(),
  }),
  z.object({
    kind: z.literal('cannot-fit'),
    fittedOn: day,
    customers: z.number().int().nonnegative(),
    repeatBuyers: z.number().int().nonnegative(),
    reason: z.object({ code: z.enum(CANNOT_FIT_CODES), params: z.object({ have: finite, need: finite }) }),
  }),
]);

function spendOf(input: ChurnModelInput): SpendHistory {
  return { visits: input.repeatSpendVisits, meanSpend: input.repeatSpendVisits > 0 ? input.repeatSpendFen / input.repeatSpendVisits : 0 };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The store-wide fit as of `today` ('yyyy-MM-dd') from every customer's stored inputs (null: no visit;
 * a last visit after today is left out): the buying and spend models, then every customer scored once for the
 * high level's cut-off under the owner's settings. No backtest: the levels read the chance still coming and
 * the value at risk, not the ranking weight the evaluation tunes. `visitDays`: the same customers' visit days
 * (day numbers) by customer id, for the visits model (fitted on a seeded sample of VISITS_MODEL_SAMPLE in a larger store, drawn in id order so
 * the same store gives the same fit whatever order its rows come in); none given, none fitted.
 */
export function fitStoreChurnModel(
  inputs: Iterable<ChurnModelInput | null>,
  today: string,
  settings: ChurnModelSettings,
  fit: Partial<FitOptions> = {},
  visits: VisitsModelSource = { days: [] },
): StoreChurnModel {
  const todayNumber = dayNumber(today);
  const all = [...inputs];
  const histories: BuyerHistory[] = [];
  const spends: SpendHistory[] = [];
  let repeatBuyers = 0;
  for (const input of all) {
    if (input === null || input.lastDay > todayNumber) continue;
    histories.push({ x: input.visitDays - 1, tx: input.lastDay - input.firstDay, T: todayNumber - input.firstDay });
    spends.push(spendOf(input));
    if (input.visitDays > 1) repeatBuyers++;
  }
  const counted = { fittedOn: today, customers: histories.length, repeatBuyers };
  const fitted = fitBuyingModel(groupHistories(histories), fit);
  if (!fitted.ok) return { kind: 'cannot-fit', ...counted, reason: fitted.reason };
  const spendFit = fitSpendModel(spends);
  const withSpend = spends.filter((s) => s.visits > 0);
  const storeMeanSpend = withSpend.length > 0 ? withSpend.reduce((sum, s) => sum + s.meanSpend, 0) / withSpend.length : 0;
  const model: FittedModels = { variant: fitted.value.variant, buying: fitted.value.params, spend: spendFit.ok ? spendFit.value.params : null, storeMeanSpend, visits: null };
  // The high level's cut-off reads the value at risk, which the visits model does not change: scored without it.
  const scores: CustomerScore[] = histories.map((h, i) => scoreHistory(model, String(i), h, spends[i]!, CHURN_HORIZON_DAYS));
  const gaps = scores.flatMap((s) => (s.ownGapDays === null ? [] : [s.ownGapDays]));
  return {
    kind: 'fitted',
    ...counted,
    variant: model.variant,
    buying: model.buying,
    spend: model.spend,
    storeMeanSpendFen: storeMeanSpend,
    storeUsualGapDays: median(gaps),
    highFromValueFen: highCutoff(scores, settings),
    visits: 'kept' in visits ? visits.kept : fitVisitsModel(visits.days, todayNumber),
    visitsBasis: visitsModelBasis(all, today),
  };
}

/**
 * Where the visits model comes from: the customers' visit days (day numbers) by customer id, to fit it; or the stored
 * one, kept when the basis is the same (visitsModelBasis). Its fit is most of the store-wide pass, and a second pass
 * the same day with nothing new (rules saved, the owner's "learn again") would only fit it again to the same data.
 */
export type VisitsModelSource = { days: Iterable<readonly [customerId: string, days: readonly number[]]> } | { kept: HiddenMarkovParams | null };

/**
 * How many report buckets (the first, by number) hold enough customers for the visits model's sample in a store of
 * `customers`: a customer's bucket is a hash of their id, so a bucket's customers are a random draw of the store's, and
 * reading 40 of 1,024 buckets instead of all of them is most of the fit's read at 100,000. A tenth more than the sample
 * covers the buckets' spread; a store too small for a sample reads them all.
 */
export function visitsSampleBuckets(customers: number): number {
  return Math.min(VISIT_BUCKETS, Math.ceil((VISITS_MODEL_SAMPLE * 1.1 * VISIT_BUCKETS) / Math.max(1, customers)));
}

/**
 * What the visits model is fitted from, in brief: the day, the customers with a visit by then, their visit days in all,
 * the last of them, and the sums of first days, last days and squared visit days. Any purchase, void, return, new or
 * trashed customer moves it; the next day does too.
 */
export function visitsModelBasis(inputs: Iterable<ChurnModelInput | null>, today: string): string {
  const todayNumber = dayNumber(today);
  let customers = 0;
  let visitDays = 0;
  let last = 0;
  // A visit voided from one customer and another's new visit the same day leave the count and the last day as they
  // were; the sums almost always move with them (all three stay only in contrived cases).
  let firstDays = 0;
  let lastDays = 0;
  let squares = 0;
  for (const input of inputs) {
    if (input === null || input.lastDay > todayNumber) continue;
    customers++;
    visitDays += input.visitDays;
    last = Math.max(last, input.lastDay);
    firstDays += input.firstDay;
    lastDays += input.lastDay;
    squares += input.visitDays * input.visitDays;
  }
  return `${today}/${customers}/${visitDays}/${last}/${firstDays}/${lastDays}/${squares}`;
}

function fitVisitsModel(visitDays: Iterable<readonly [string, readonly number[]]>, todayNumber: number): HiddenMarkovParams | null {
  const byId = [...visitDays].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const histories: WeeklyHistory[] = [];
  for (const [, days] of byId) {
    const h = weeklyHistory(days, todayNumber);
    if (h !== null) histories.push(h);
  }
  const fitted = fitHiddenMarkov(histories, visitsModelFitOptions(histories.length));
  return fitted.ok ? fitted.value.params : null;
}

export interface ModelChurnRisk extends Omit<ChurnModelLevel, 'id'> {
  /** Expected spend lost in the next 90 days (value at risk), whole fen. */
  valueAtRiskFen: number;
}

/**
 * One customer's level from the stored fit, as of `asOf`: their (x, tx, T) and repeat spend from their
 * purchases, scored with the stored parameters, high when the stored cut-off lets them in. null
 * without a visit by that day. `spendChange`: churn.ts spendChangePercent, carried into the reason
 * when spend fell by the settings' spendDropPercent or more.
 */
export function modelChurnRisk(
  purchases: readonly FigureInput[],
  asOfDay: string,
  dayOf: DayOf,
  model: FittedChurnModel,
  settings: ChurnModelSettings,
  spendChange: number | undefined,
): ModelChurnRisk | null {
  const visits = modelPurchasesOf(purchases, dayOf);
  const seen = historyAsOf(visits, dayNumber(asOfDay));
  if (seen === null) return null;
  const fitted: FittedModels = { variant: model.variant, buying: model.buying, spend: model.spend, storeMeanSpend: model.storeMeanSpendFen, visits: model.visits };
  const weekly = model.visits === null ? null : weeklyHistory(visits.map((p) => p.day), dayNumber(asOfDay));
  const score = scoreHistory(fitted, '', seen.history, seen.spend, CHURN_HORIZON_DAYS, 1, weekly);
  const level = churnModelLevelOf(score, model.storeUsualGapDays, settings, isHighUnder(score, settings, model.highFromValueFen), spendChange);
  return { ...level, valueAtRiskFen: Math.round(score.valueAtRisk) };
}
