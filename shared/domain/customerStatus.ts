// A customer's derived status — tier, lifecycle stage and churn risk — from their purchases, in one pure function.
import { assertNever } from '../result';
import { churnRisk, DEFAULT_CHURN_RULES, spendChangePercent, valueAtRisk, type ChurnLevel, type ChurnRules, type CustomerChurnReason } from './churn';
import { DEFAULT_CHURN_MODEL_SETTINGS, type ChurnModelSettings } from './churnModel/levels';
import { modelChurnRisk, type StoreChurnModel } from './churnModel/storeModel';
import { computeCustomerFigures, rememberingDayOf, type CustomerFigures, type DayOf, type FigureInput } from './customerFigures';
import { DEFAULT_LIFECYCLE_RULES, lifecycleStage, type LifecycleRules, type LifecycleStage } from './lifecycle';
import { scoreWithCutPoints, type RfmCutPoints, type RfmResult } from './rfm';
import { DEFAULT_RFM_BENEFITS, RFM_GROUPS, rfmGroupOf, rfmTierId, type RfmGroup, type StatusGrouping } from './statusGroups';
import type { CorrectionCause } from './tierCorrection';
import { decideCorrection, decideTierChange, DEFAULT_TIER_SCHEME, qualifyingTier, tierWindowFigures, type TierBenefits, type TierDecision, type TierScheme } from './tiers';

/** The rule sets the owner edits in Settings that decide a customer's status. */
export interface StatusSettings {
  /** Whether customers are grouped by the owner's tiers or by RFM segment. */
  grouping: StatusGrouping;
  scheme: TierScheme;
  /** The benefits of each RFM group, used when grouping is 'rfm'. */
  rfmBenefits: Record<RfmGroup, TierBenefits>;
  lifecycleRules: LifecycleRules;
  churnRules: ChurnRules;
  /** The churn model's levels (owner thresholds); used while the store has a fitted model (StatusInput.churnFit). */
  churnModel: ChurnModelSettings;
}

export const DEFAULT_STATUS_SETTINGS: Readonly<StatusSettings> = Object.freeze({
  grouping: 'tiers',
  scheme: DEFAULT_TIER_SCHEME,
  rfmBenefits: DEFAULT_RFM_BENEFITS,
  lifecycleRules: DEFAULT_LIFECYCLE_RULES,
  churnRules: DEFAULT_CHURN_RULES,
  churnModel: DEFAULT_CHURN_MODEL_SETTINGS,
});

/** What is stored on the customer from the last derivation; all null for a new customer. */
export interface PreviousStatus {
  tierId: string | null;
  stage: LifecycleStage | null;
  /** 'yyyy-MM-dd' of the last tier review that applied downgrades; null when never reviewed (downgrades then apply at once). */
  lastReviewAt: string | null;
}

export interface StatusInput extends Omit<StatusSettings, 'grouping' | 'rfmBenefits' | 'churnModel'>, Partial<Pick<StatusSettings, 'grouping' | 'rfmBenefits' | 'churnModel'>> {
  /** All of one customer's purchases, any order, voided ones and returns included. */
  purchases: readonly FigureInput[];
  previous: PreviousStatus;
  asOf: Date;
  /** Calendar day of an ISO time in the store's zone (localDayOf in the app, utcDayOf in tests). */
  dayOf: DayOf;
  /** storeMedianGap over the store's customers; null when the store has none. */
  storeMedianGapDays: number | null;
  /**
   * The tier review: downgrades take effect (the owner applied the review). Otherwise a customer who
   * qualifies only for a lower tier keeps their tier, with the downgrade pending. Default false.
   */
  applyDowngrades?: boolean;
  /** The store's RFM cut points from the last full recomputation; null or absent before the first. */
  rfmCutPoints?: RfmCutPoints | null;
  /**
   * This write corrected mistaken purchases (a void, an edit, a move, an import undone): `tierId` is the
   * tier the customer would hold had they never been (tierBeforeMistake). Grouping 'tiers' only; null or
   * absent for every other write, the full recomputation included.
   */
  correction?: { tierId: string; cause: CorrectionCause } | null;
  /**
   * The store's churn model from the last full recomputation (bookkeeping churnModel): when fitted, the
   * risk and value at risk come from it; otherwise (none yet, or the store cannot be fitted) today's rule.
   */
  churnFit?: StoreChurnModel | null;
}

/** A customer's churn level and its reason: today's rule's (churn.ts) or the model's (churnModel/levels.ts). */
export interface CustomerChurnRisk {
  level: ChurnLevel;
  reason: CustomerChurnReason;
}

export interface CustomerStatus {
  /** The tier the customer holds now (a pending downgrade keeps the previous tier). */
  tierId: string;
  /** The decision behind tierId (after any correction); change 'downgrade-pending' names the would-be tier in `next`. */
  tierChange: TierDecision;
  /** The upgrade a corrected mistake had caused, taken back at once ('tier-corrected'); null otherwise. */
  correction: TierDecision | null;
  stage: LifecycleStage;
  risk: CustomerChurnRisk;
  /**
   * The churn list's sort key, whole fen: the spend expected in the next 90 days that would be lost
   * (the model), or net spend over the last 12 months up to asOf, never below 0 (today's rule).
   */
  valueAtRiskFen: number;
  figures: CustomerFigures;
  /** RFM scores against the store's cut points; null without purchases or before the store was first scored. */
  rfm: RfmResult | null;
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
  const { purchases, previous, asOf, scheme, lifecycleRules, churnRules, storeMedianGapDays } = input;
  const dayOf = rememberingDayOf(input.dayOf);
  const asOfDay = dayOf(asOf.toISOString());
  const figures = computeCustomerFigures(purchases, dayOf);

  const windowFigures = tierWindowFigures(purchases, asOfDay, scheme.windowMonths, dayOf);
  const rfm = input.rfmCutPoints
    ? scoreWithCutPoints(input.rfmCutPoints, { daysSinceLast: windowFigures.daysSinceLast, purchaseCount: figures.purchaseCount, spendFen: figures.totalSpentFen })
    : null;
  let tierChange: TierDecision;
  let correction: TierDecision | null = null;
  let held = previous.tierId;
  const grouping = input.grouping ?? 'tiers';
  switch (grouping) {
    case 'tiers': {
      const qualifying = qualifyingTier(scheme, windowFigures);
      if (input.correction && held !== null) {
        const { tierId: corrected, cause } = input.correction;
        correction = decideCorrection({ current: held, qualifying, corrected, cause, scheme, asOf: asOfDay, figures: windowFigures });
        if (correction) held = correction.next;
      }
      tierChange = decideTierChange({ current: held, qualifying, scheme, asOf: asOfDay, reviewDue: input.applyDowngrades ?? false, figures: windowFigures });
      break;
    }
    case 'rfm':
      tierChange = decideRfmChange(previous.tierId, rfm, asOfDay);
      break;
    default:
      return assertNever(grouping);
  }
  const tierId = tierChange.change === 'downgrade-pending' && held !== null ? held : tierChange.next;

  let risk: CustomerChurnRisk;
  let valueAtRiskFen: number;
  if (input.churnFit?.kind === 'fitted') {
    const settings = input.churnModel ?? DEFAULT_CHURN_MODEL_SETTINGS;
    const modelled = modelChurnRisk(purchases, asOfDay, dayOf, input.churnFit, settings, spendChangePercent(purchases, asOf, dayOf, churnRules.trendMonths));
    risk = modelled ? { level: modelled.level, reason: modelled.reason } : NO_PURCHASES_RISK;
    valueAtRiskFen = modelled?.valueAtRiskFen ?? 0;
  } else {
    risk = churnRisk({ purchases, asOf, dayOf, storeMedianGapDays, rules: churnRules });
    valueAtRiskFen = valueAtRisk(purchases, asOf, dayOf);
  }
  const stage = lifecycleStage({ figures, previousStage: previous.stage, risk: risk.level, asOf, storeMedianGapDays, rules: lifecycleRules, dayOf });
  return { tierId, tierChange, correction, stage, risk, valueAtRiskFen, figures, rfm };
}

const NO_PURCHASES_RISK: CustomerChurnRisk = { level: 'none', reason: { code: 'no-purchases', params: { usualGapDays: null, daysSinceLast: null, basis: null } } };

/**
 * Under RFM grouping the group follows the scores at once, both ways: RFM has no thresholds to hold on
 * to, and a segment such as 'at-risk' is only useful while it is current. Up or down by the order of
 * RFM_GROUPS; a move from an id that is no RFM group (the grouping was just switched) counts as up.
 */
function decideRfmChange(current: string | null, rfm: RfmResult | null, asOf: string): TierDecision {
  const group: RfmGroup = rfm ? rfm.segment : 'unscored';
  const next = rfmTierId(group);
  const params: Record<string, number | string> = { from: current ?? '', to: next, asOf, r: rfm?.r ?? 0, f: rfm?.f ?? 0, m: rfm?.m ?? 0 };
  if (current === next) return { next, change: 'none', reason: { code: 'rfm-kept', params } };
  const was = current === null ? null : rfmGroupOf(current);
  const down = was !== null && RFM_GROUPS.indexOf(group) > RFM_GROUPS.indexOf(was);
  return { next, change: down ? 'downgrade' : 'upgrade', reason: { code: current === null ? 'tier-assigned' : 'rfm-scored', params } };
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

/** The tier-history records of a derivation: the correction's, then the decision's, each when it changed the tier. */
export function tierHistoryEntries(customerId: string, status: Pick<CustomerStatus, 'correction' | 'tierChange'>, at: string, newId: () => string): TierHistoryEntry[] {
  const out: TierHistoryEntry[] = [];
  for (const decision of [status.correction, status.tierChange]) {
    const entry = decision && tierHistoryEntry(customerId, decision, at, newId);
    if (entry) out.push(entry);
  }
  return out;
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
  churnLevel: ChurnLevel;
  churnReason: CustomerChurnReason;
  valueAtRiskFen: number;
  statusAsOf: string;
  lastTierReviewAt: string | null;
  pendingTierId: string | null;
  /** Why the pending downgrade (the thresholds no longer met, with the customer's figures); null with none. */
  pendingTierReason: TierDecision['reason'] | null;
  rfmScore: string | null;
}

/** The group of a customer without purchases: the floor tier, or 'unscored' under RFM. */
export function floorTierId(s: Pick<StatusSettings, 'grouping' | 'scheme'>): string {
  switch (s.grouping) {
    case 'tiers':
      return s.scheme.tiers[s.scheme.tiers.length - 1]!.id;
    case 'rfm':
      return rfmTierId('unscored');
    default:
      return assertNever(s.grouping);
  }
}

/** The status of a customer without purchases: the floor group, a prospect, no risk. */
export function initialStatusFields(asOfDay: string, settings: Pick<StatusSettings, 'grouping' | 'scheme'> = DEFAULT_STATUS_SETTINGS): StoredStatusFields {
  return {
    tierId: floorTierId(settings),
    lifecycleStage: 'prospect',
    churnLevel: 'none',
    churnReason: { code: 'no-purchases', params: { usualGapDays: null, daysSinceLast: null, basis: null } },
    valueAtRiskFen: 0,
    statusAsOf: asOfDay,
    lastTierReviewAt: null,
    pendingTierId: null,
    pendingTierReason: null,
    rfmScore: null,
  };
}

/** The RFM scores as stored and shown: "545" is R 5, F 4, M 5. */
export function rfmScoreText(rfm: RfmResult | null): string | null {
  return rfm === null ? null : `${rfm.r}${rfm.f}${rfm.m}`;
}

/**
 * What to store from a derivation. `lastTierReviewAt` is the one the derivation started from, or the
 * asOf day when this derivation applied the review's downgrades.
 */
export function statusFieldsOf(status: CustomerStatus, asOfDay: string, previous: PreviousStatus, appliedDowngrades: boolean): StoredStatusFields {
  const reviewed = appliedDowngrades;
  return {
    tierId: status.tierId,
    lifecycleStage: status.stage,
    churnLevel: status.risk.level,
    churnReason: status.risk.reason,
    valueAtRiskFen: status.valueAtRiskFen,
    statusAsOf: asOfDay,
    lastTierReviewAt: reviewed ? asOfDay : previous.lastReviewAt,
    pendingTierId: status.tierChange.change === 'downgrade-pending' ? status.tierChange.next : null,
    pendingTierReason: status.tierChange.change === 'downgrade-pending' ? status.tierChange.reason : null,
    rfmScore: rfmScoreText(status.rfm),
  };
}
