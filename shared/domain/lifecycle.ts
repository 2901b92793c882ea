// Lifecycle stages: where a customer stands, from prospect to loyal, at risk, churned and won back.
import { err, ok, type Result } from '../result';
import { addMonthsToDay, CHURN_LEVELS, type ChurnLevel } from './churn';
import { dayNumber, localDayOf, type CustomerFigures, type DayOf } from './customerFigures';

export const LIFECYCLE_STAGES = ['prospect', 'new', 'repeat', 'loyal', 'at-risk', 'churned', 'won-back'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export interface LifecycleRules {
  /** Loyal needs at least this many purchases... */
  loyalMinPurchases: number;
  /** ...spread over at least this many calendar months from the first purchase day to the last. */
  loyalMinMonths: number;
  /** Churned when the days since the last purchase reach this multiple of the usual gap... */
  churnGapMultiple: number;
  /** ...and at least this many days. */
  churnMinDays: number;
  /** The churn level from which a customer is 'at-risk'. */
  atRiskFrom: Exclude<ChurnLevel, 'none'>;
}

export const DEFAULT_LIFECYCLE_RULES: Readonly<LifecycleRules> = Object.freeze({
  loyalMinPurchases: 5,
  loyalMinMonths: 6,
  churnGapMultiple: 2,
  churnMinDays: 180,
  atRiskFrom: 'high',
});

export type LifecycleRuleErrors = Partial<Record<keyof LifecycleRules, 'rule-invalid'>>;

export function validateLifecycleRules(rules: LifecycleRules): Result<LifecycleRules, LifecycleRuleErrors> {
  const errors: LifecycleRuleErrors = {};
  const intIn = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
  if (!intIn(rules.loyalMinPurchases, 2, 10_000)) errors.loyalMinPurchases = 'rule-invalid';
  if (!intIn(rules.loyalMinMonths, 0, 120)) errors.loyalMinMonths = 'rule-invalid';
  if (!Number.isFinite(rules.churnGapMultiple) || rules.churnGapMultiple < 1 || rules.churnGapMultiple > 100) errors.churnGapMultiple = 'rule-invalid';
  if (!intIn(rules.churnMinDays, 1, 3650)) errors.churnMinDays = 'rule-invalid';
  if (rules.atRiskFrom !== 'watch' && rules.atRiskFrom !== 'high') errors.atRiskFrom = 'rule-invalid';
  return Object.keys(errors).length > 0 ? err(errors) : ok({ ...rules });
}

export interface LifecycleInput {
  /** The customer's figures: voided purchases and returns are already left out of them. */
  figures: Pick<CustomerFigures, 'purchaseCount' | 'firstPurchaseAt' | 'lastPurchaseAt' | 'medianGapDays'>;
  /** The stage stored before this computation; null for a new customer. */
  previousStage: LifecycleStage | null;
  /** churnRisk(...).level for the same customer and asOf. */
  risk: ChurnLevel;
  asOf: Date;
  /** storeMedianGap over the store's customers; null when the store has none. */
  storeMedianGapDays: number | null;
  rules?: LifecycleRules;
  /** Calendar day of an ISO time in the store's zone; localDayOf by default. */
  dayOf?: DayOf;
}

/**
 * Whether the customer counts as churned: days since the last purchase day (calendar days to the
 * asOf day) ≥ churnMinDays, and ≥ churnGapMultiple × the usual gap. The usual gap is their own median
 * gap, or the store's when they have fewer than two visit days; with neither, the days alone decide.
 */
export function isChurned(input: Pick<LifecycleInput, 'figures' | 'asOf' | 'storeMedianGapDays' | 'rules' | 'dayOf'>): boolean {
  const { figures } = input;
  if (figures.purchaseCount === 0 || figures.lastPurchaseAt === null) return false;
  const rules = input.rules ?? DEFAULT_LIFECYCLE_RULES;
  const dayOf = input.dayOf ?? localDayOf;
  const since = dayNumber(dayOf(input.asOf.toISOString())) - dayNumber(dayOf(figures.lastPurchaseAt));
  return isChurnedAfter(since, figures.medianGapDays ?? input.storeMedianGapDays, rules);
}

/** isChurned in numbers: calendar days since the last purchase day, and the usual gap (null: none known). */
export function isChurnedAfter(sinceDays: number, usualGapDays: number | null, rules: Pick<LifecycleRules, 'churnMinDays' | 'churnGapMultiple'>): boolean {
  if (sinceDays < rules.churnMinDays) return false;
  return usualGapDays === null || sinceDays >= rules.churnGapMultiple * usualGapDays;
}

/**
 * The stage, first match wins:
 * 1. 'prospect': no purchase.
 * 2. 'churned': isChurned.
 * 3. 'at-risk': risk at or above rules.atRiskFrom (any customer with a purchase, one-time buyers too).
 * 4. 'loyal': at least loyalMinPurchases purchases, and the last purchase day is at least
 *    loyalMinMonths calendar months after the first (a day missing in the target month clamps to
 *    the month's end: 2023-08-31 + 6 months = 2024-02-29).
 * 5. 'won-back': the previous stage was 'churned' or 'won-back' — a purchase ended the churn, and
 *    the customer stays won-back until they qualify as loyal or fall at risk (or churn) again.
 *    After 'at-risk' they are judged afresh (repeat/new), not won-back.
 * 6. 'repeat': two or more purchases; 'new': one.
 * Several purchases on one day each count as a purchase here (figures.purchaseCount).
 */
export function lifecycleStage(input: LifecycleInput): LifecycleStage {
  const { figures } = input;
  const rules = input.rules ?? DEFAULT_LIFECYCLE_RULES;
  if (figures.purchaseCount === 0 || figures.firstPurchaseAt === null || figures.lastPurchaseAt === null) return 'prospect';
  if (isChurned(input)) return 'churned';
  if (CHURN_LEVELS.indexOf(input.risk) >= CHURN_LEVELS.indexOf(rules.atRiskFrom)) return 'at-risk';
  const dayOf = input.dayOf ?? localDayOf;
  if (figures.purchaseCount >= rules.loyalMinPurchases && dayOf(figures.lastPurchaseAt) >= addMonthsToDay(dayOf(figures.firstPurchaseAt), rules.loyalMinMonths)) {
    return 'loyal';
  }
  if (input.previousStage === 'churned' || input.previousStage === 'won-back') return 'won-back';
  return figures.purchaseCount >= 2 ? 'repeat' : 'new';
}
