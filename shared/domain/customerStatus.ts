// A customer's derived status — tier, lifecycle stage and churn risk — from their purchases, in one pure function.
import { churnRisk, DEFAULT_CHURN_RULES, valueAtRisk, type ChurnRisk, type ChurnRules } from './churn';
import { computeCustomerFigures, type CustomerFigures, type DayOf, type FigureInput } from './customerFigures';
import { DEFAULT_LIFECYCLE_RULES, lifecycleStage, type LifecycleRules, type LifecycleStage } from './lifecycle';
import { decideTierChange, DEFAULT_TIER_SCHEME, isReviewDue, qualifyingTier, tierWindowFigures, type TierDecision, type TierScheme } from './tiers';

/** The three rule sets the owner edits in Settings that decide a customer's status. */
export interface StatusSettings {
  scheme: TierScheme;
  lifecycleRules: LifecycleRules;
  churnRules: ChurnRules;
}

export const DEFAULT_STATUS_SETTINGS: Readonly<StatusSettings> = Object.freeze({
  scheme: DEFAULT_TIER_SCHEME,
  lifecycleRules: DEFAULT_LIFECYCLE_RULES,
  churnRules: DEFAULT_CHURN_RULES,
});

/** What is stored on the customer from the last derivation; all null for a new customer. */
export interface PreviousStatus {
  tierId: string | null;
  stage: LifecycleStage | null;
  /** 'yyyy-MM-dd' of the last tier review that applied downgrades; null when never reviewed (downgrades then apply at once). */
  lastReviewAt: string | null;
}

export interface StatusInput extends StatusSettings {
  /** All of one customer's purchases, any order, voided ones and returns included. */
  purchases: readonly FigureInput[];
  previous: PreviousStatus;
  asOf: Date;
  /** Calendar day of an ISO time in the store's zone (localDayOf in the app, utcDayOf in tests). */
  dayOf: DayOf;
  /** storeMedianGap over the store's customers; null when the store has none. */
  storeMedianGapDays: number | null;
}

export interface CustomerStatus {
  /** The tier the customer holds now (a pending downgrade keeps the previous tier). */
  tierId: string;
  /** The decision behind tierId; change 'downgrade-pending' names the would-be tier in `next`. */
  tierChange: TierDecision;
  stage: LifecycleStage;
  risk: ChurnRisk;
  /** Net spend over the last 12 months up to asOf, never below 0 (the churn list's sort key). */
  valueAtRiskFen: number;
  figures: CustomerFigures;
}

/**
 * Tier, stage and risk of one customer as of `asOf`.
 *
 * Why one function serves both paths: the incremental update (in the same transaction as a purchase)
 * and the full recomputation (rules changed, daily rollover) must agree, and the surest way is that
 * they cannot differ — both pass all of the customer's purchases and the stored `previous` status to
 * this function. The only state carried between calls is `previous` (the held tier, which a downgrade
 * keeps until the review; the stage, which decides 'won-back'; the last review day); everything else
 * is recomputed from the purchases, so a full recomputation is just this call for every customer.
 */
export function deriveCustomerStatus(input: StatusInput): CustomerStatus {
  const { purchases, previous, asOf, dayOf, scheme, lifecycleRules, churnRules, storeMedianGapDays } = input;
  const asOfDay = dayOf(asOf.toISOString());
  const figures = computeCustomerFigures(purchases, dayOf);

  const windowFigures = tierWindowFigures(purchases, asOfDay, scheme.windowMonths, dayOf);
  const qualifying = qualifyingTier(scheme, windowFigures);
  const reviewDue = isReviewDue(previous.lastReviewAt, scheme.reviewEveryMonths, asOfDay);
  const tierChange = decideTierChange({ current: previous.tierId, qualifying, scheme, asOf: asOfDay, reviewDue, figures: windowFigures });
  const tierId = tierChange.change === 'downgrade-pending' && previous.tierId !== null ? previous.tierId : tierChange.next;

  const risk = churnRisk({ purchases, asOf, dayOf, storeMedianGapDays, rules: churnRules });
  const stage = lifecycleStage({ figures, previousStage: previous.stage, risk: risk.level, asOf, storeMedianGapDays, rules: lifecycleRules, dayOf });
  return { tierId, tierChange, stage, risk, valueAtRiskFen: valueAtRisk(purchases, asOf, dayOf), figures };
}

export interface TierHistoryEntry {
  id: string;
  customerId: string;
  /** ISO time of the change. */
  at: string;
  /** null for the first assignment. */
  from: string | null;
  to: string;
  reason: TierDecision['reason'];
}

/** The tier-history record of a decision that changed the tier; null when it did not ('none', 'downgrade-pending'). */
export function tierHistoryEntry(customerId: string, decision: TierDecision, at: string, newId: () => string): TierHistoryEntry | null {
  if (decision.change === 'none' || decision.change === 'downgrade-pending') return null;
  const from = decision.reason.params.from;
  return { id: newId(), customerId, at, from: typeof from === 'string' && from !== '' ? from : null, to: decision.next, reason: decision.reason };
}

/** The status fields stored on a customer (Customer's CustomerStatusFields), as plain data. */
export interface StoredStatusFields {
  tierId: string;
  lifecycleStage: LifecycleStage;
  churnLevel: ChurnRisk['level'];
  churnReason: ChurnRisk['reason'];
  valueAtRiskFen: number;
  statusAsOf: string;
  lastTierReviewAt: string | null;
  pendingTierId: string | null;
}

/** The status of a customer without purchases under the default rules: the floor tier, a prospect, no risk. */
export function initialStatusFields(asOfDay: string): StoredStatusFields {
  const tiers = DEFAULT_STATUS_SETTINGS.scheme.tiers;
  return {
    tierId: tiers[tiers.length - 1]!.id,
    lifecycleStage: 'prospect',
    churnLevel: 'none',
    churnReason: { code: 'no-purchases', params: { usualGapDays: null, daysSinceLast: null, basis: null } },
    valueAtRiskFen: 0,
    statusAsOf: asOfDay,
    lastTierReviewAt: null,
    pendingTierId: null,
  };
}

/**
 * What to store from a derivation. `lastTierReviewAt` is the one the derivation started from, or,
 * when `recordReview` (the full recomputation: rule changes and the daily rollover) and the review was
 * due, the asOf day: the review took place then, and later downgrades wait for the next one.
 */
export function statusFieldsOf(status: CustomerStatus, asOfDay: string, previous: PreviousStatus, scheme: TierScheme, recordReview: boolean): StoredStatusFields {
  const reviewed = recordReview && isReviewDue(previous.lastReviewAt, scheme.reviewEveryMonths, asOfDay);
  return {
    tierId: status.tierId,
    lifecycleStage: status.stage,
    churnLevel: status.risk.level,
    churnReason: status.risk.reason,
    valueAtRiskFen: status.valueAtRiskFen,
    statusAsOf: asOfDay,
    lastTierReviewAt: reviewed ? asOfDay : previous.lastReviewAt,
    pendingTierId: status.tierChange.change === 'downgrade-pending' ? status.tierChange.next : null,
  };
}
