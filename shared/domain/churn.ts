// Churn early warning: a customer's risk of drifting away, judged against their own rhythm of visits.
import { err, ok, type Result } from '../result';
import { dayNumber, fullyReturnedIds, isVisit, type DayOf, type FigureInput } from './customerFigures';
import type { ChurnModelReason } from './churnModel/levels';

export const CHURN_LEVELS = ['none', 'watch', 'high'] as const;
export type ChurnLevel = (typeof CHURN_LEVELS)[number];

/**
 * Why a level was given, for the UI to word in each language:
 * - 'no-purchases': nothing to judge (level none).
 * - 'no-basis': purchases, but no usual gap to compare with: fewer than minOwnGaps gaps of their own
 *   and no store median, and not a single gap of their own either (level none).
 * - 'on-rhythm': within their usual gap and spend not falling (level none).
 * - 'overdue': days since the last visit beyond watch/high multiple of the usual gap.
 * - 'spend-down': on rhythm, but spend fell by spendDropPercent or more (level watch).
 * - 'overdue-and-spend-down': overdue and spend fell: one level up from the overdue level.
 */
export const CHURN_REASON_CODES = ['no-purchases', 'no-basis', 'on-rhythm', 'overdue', 'spend-down', 'overdue-and-spend-down'] as const;
export type ChurnReasonCode = (typeof CHURN_REASON_CODES)[number];

export type GapBasis = 'own' | 'store';

export interface ChurnReason {
  code: ChurnReasonCode;
  params: {
    /** The usual gap in days the customer is measured against; null when there is none ('no-purchases', 'no-basis'). */
    usualGapDays: number | null;
    /** Calendar days from the last purchase day to the asOf day; null without purchases. */
    daysSinceLast: number | null;
    /**
     * Whole percent change of spend in the last trendMonths against the trendMonths before:
     * -40 is "spend down 40%". Absent when the earlier window had no positive spend (no base to compare).
     */
    spendChangePercent?: number;
    /** 'own': the customer's median gap; 'store': the store's median (too few gaps of their own). */
    basis: GapBasis | null;
  };
}

/** A stored churn reason: today's rule's, or the churn model's (its codes differ from the rule's). */
export type CustomerChurnReason = ChurnReason | ChurnModelReason;

export interface ChurnRisk {
  level: ChurnLevel;
  reason: ChurnReason;
}

export interface ChurnRules {
  /** The customer's own median gap is used from this many gaps (visit days - 1) on; the store's median below it. */
  minOwnGaps: number;
  /** Watch when daysSinceLast > watchGapMultiple × usual gap. */
  watchGapMultiple: number;
  /** High when daysSinceLast > highGapMultiple × usual gap. Must be ≥ watchGapMultiple. */
  highGapMultiple: number;
  /** Spend down by at least this percent (1-100) raises the level one step. */
  spendDropPercent: number;
  /** Length in months of each of the two spend windows compared. */
  trendMonths: number;
}

export const DEFAULT_CHURN_RULES: Readonly<ChurnRules> = Object.freeze({
  minOwnGaps: 3,
  watchGapMultiple: 1.5,
  highGapMultiple: 2.5,
  spendDropPercent: 40,
  trendMonths: 6,
});

export type ChurnRuleErrors = Partial<Record<keyof ChurnRules, 'rule-invalid'>>;

export function validateChurnRules(rules: ChurnRules): Result<ChurnRules, ChurnRuleErrors> {
  const errors: ChurnRuleErrors = {};
  const positive = (n: number) => Number.isFinite(n) && n > 0;
  if (!Number.isInteger(rules.minOwnGaps) || rules.minOwnGaps < 1 || rules.minOwnGaps > 100) errors.minOwnGaps = 'rule-invalid';
  if (!positive(rules.watchGapMultiple) || rules.watchGapMultiple > 100) errors.watchGapMultiple = 'rule-invalid';
  if (!positive(rules.highGapMultiple) || rules.highGapMultiple > 100 || rules.highGapMultiple < rules.watchGapMultiple) errors.highGapMultiple = 'rule-invalid';
  if (!Number.isFinite(rules.spendDropPercent) || rules.spendDropPercent < 1 || rules.spendDropPercent > 100) errors.spendDropPercent = 'rule-invalid';
  if (!Number.isInteger(rules.trendMonths) || rules.trendMonths < 1 || rules.trendMonths > 24) errors.trendMonths = 'rule-invalid';
  return Object.keys(errors).length > 0 ? err(errors) : ok({ ...rules });
}

/**
 * 'yyyy-MM-dd' moved by `months` calendar months; a day the target month lacks is clamped to its
 * last day (2024-08-31 − 6 months = 2024-02-29; 2024-02-29 − 12 months = 2023-02-28), as date-fns does.
 */
export function addMonthsToDay(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  const d = Number(day.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month + 1, 2)}-${pad(Math.min(d, lastDay), 2)}`;
}

/**
 * Net spend (non-voided purchases less non-voided returns, each on its own day) on the days in
 * (fromDay, toDay] — the start day excluded, the end day included. Days as `dayOf` gives them.
 */
function spendBetween(purchases: readonly FigureInput[], fromDay: string, toDay: string, dayOf: DayOf): number {
  let sum = 0;
  for (const p of purchases) {
    if (p.isVoided === 1) continue;
    const day = dayOf(p.purchasedAt);
    if (day > fromDay && day <= toDay) sum += p.totalFen;
  }
  return sum;
}

/**
 * Spend change in whole percent: the last `months` months up to and including the asOf day against
 * the `months` before. undefined when the earlier window's net spend is not positive.
 */
export function spendChangePercent(purchases: readonly FigureInput[], asOf: Date, dayOf: DayOf, months = DEFAULT_CHURN_RULES.trendMonths): number | undefined {
  const today = dayOf(asOf.toISOString());
  const mid = addMonthsToDay(today, -months);
  const start = addMonthsToDay(today, -2 * months);
  const before = spendBetween(purchases, start, mid, dayOf);
  if (before <= 0) return undefined;
  const recent = spendBetween(purchases, mid, today, dayOf);
  return Math.round(((recent - before) / before) * 100);
}

/**
 * Value at risk: net spend over the last 12 months up to and including the asOf day (voided purchases
 * left out, returns subtracted), in integer minor units, never below 0. Days as `dayOf` gives them.
 */
export function valueAtRisk(purchases: readonly FigureInput[], asOf: Date, dayOf: DayOf): number {
  const today = dayOf(asOf.toISOString());
  return Math.max(0, spendBetween(purchases, addMonthsToDay(today, -12), today, dayOf));
}

/**
 * The store's usual gap: the median of its customers' median gaps, nulls (fewer than two visit days)
 * and non-positive values left out; the mean of the middle two when even, rounded to 0.1. null when none.
 */
export function storeMedianGap(customersMedianGaps: Iterable<number | null>): number | null {
  const gaps: number[] = [];
  for (const g of customersMedianGaps) if (g !== null && Number.isFinite(g) && g > 0) gaps.push(g);
  return medianOfAscending(gaps.sort((a, b) => a - b));
}

/** The median of ascending values as storeMedianGap takes it (the middle two's mean rounded to 0.1); null when none. */
export function medianOfAscending(sorted: ArrayLike<number>, length: number = sorted.length): number | null {
  if (length === 0) return null;
  const mid = length >> 1;
  return length % 2 === 1 ? sorted[mid]! : Math.round(((sorted[mid - 1]! + sorted[mid]!) / 2) * 10) / 10;
}

export interface ChurnInput {
  /** All of one customer's purchases, any order, voided and returns included (they are sorted out here). */
  purchases: readonly FigureInput[];
  asOf: Date;
  /** The calendar day of an ISO time, in the store's zone (localDayOf in the app, utcDayOf in tests). */
  dayOf: DayOf;
  /** storeMedianGap over the store's customers; null when the store has none. */
  storeMedianGapDays: number | null;
  rules?: ChurnRules;
}

const raise = (level: ChurnLevel): ChurnLevel => (level === 'none' ? 'watch' : 'high');

/**
 * A customer's churn risk, exactly:
 * 1. Visit days are the distinct days (by `dayOf`) of visits (isVisit: not voided, not a return, not
 *    returned in full by the asOf day) on or before the asOf day; gaps are the differences of consecutive visit days (as computeCustomerFigures).
 *    No visit days → none, 'no-purchases'.
 * 2. The usual gap is the median of their gaps when they have at least minOwnGaps gaps (basis 'own');
 *    otherwise the store's median when it has one (basis 'store'); otherwise their own median if they
 *    have any gap at all (basis 'own'); otherwise none, 'no-basis'.
 * 3. daysSinceLast = calendar days from the last visit day to the asOf day. Gap level: high when
 *    daysSinceLast > highGapMultiple × usual; watch when > watchGapMultiple × usual; else none.
 * 4. Spend trend (spendChangePercent over trendMonths windows). When it is ≤ −spendDropPercent the
 *    level goes up one step (none → watch, watch → high; high stays high).
 * Code: 'overdue' / 'spend-down' / 'overdue-and-spend-down' / 'on-rhythm' by which of 3 and 4 fired.
 */
export function churnRisk(input: ChurnInput): ChurnRisk {
  const rules = input.rules ?? DEFAULT_CHURN_RULES;
  const today = input.dayOf(input.asOf.toISOString());
  const days = new Set<string>();
  const fullyReturned = fullyReturnedIds(input.purchases, (r) => input.dayOf(r.purchasedAt) <= today);
  for (const p of input.purchases) {
    if (!isVisit(p, fullyReturned)) continue;
    const day = input.dayOf(p.purchasedAt);
    if (day <= today) days.add(day);
  }
  if (days.size === 0) return { level: 'none', reason: { code: 'no-purchases', params: { usualGapDays: null, daysSinceLast: null, basis: null } } };

  const numbers = [...days].map(dayNumber).sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < numbers.length; i++) gaps.push(numbers[i]! - numbers[i - 1]!);
  const ownMedian = storeMedianGap(gaps);
  const daysSinceLast = dayNumber(today) - numbers[numbers.length - 1]!;

  let usualGapDays: number | null;
  let basis: GapBasis | null;
  if (gaps.length >= rules.minOwnGaps) [usualGapDays, basis] = [ownMedian, 'own'];
  else if (input.storeMedianGapDays !== null && input.storeMedianGapDays > 0) [usualGapDays, basis] = [input.storeMedianGapDays, 'store'];
  else if (ownMedian !== null) [usualGapDays, basis] = [ownMedian, 'own'];
  else [usualGapDays, basis] = [null, null];
  if (usualGapDays === null) return { level: 'none', reason: { code: 'no-basis', params: { usualGapDays: null, daysSinceLast, basis: null } } };

  const change = spendChangePercent(input.purchases, input.asOf, input.dayOf, rules.trendMonths);
  const params: ChurnReason['params'] = { usualGapDays, daysSinceLast, basis };
  if (change !== undefined) params.spendChangePercent = change;

  const gapLevel: ChurnLevel =
    daysSinceLast > rules.highGapMultiple * usualGapDays ? 'high' : daysSinceLast > rules.watchGapMultiple * usualGapDays ? 'watch' : 'none';
  const spendDown = change !== undefined && change <= -rules.spendDropPercent;
  const level = spendDown ? raise(gapLevel) : gapLevel;
  const code: ChurnReasonCode = gapLevel !== 'none' ? (spendDown ? 'overdue-and-spend-down' : 'overdue') : spendDown ? 'spend-down' : 'on-rhythm';
  return { level, reason: { code, params } };
}
