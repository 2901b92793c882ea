// The words for a customer's status — tier, lifecycle stage, churn risk and the reasons behind them —
// in the language on screen. Pure: everything comes in as arguments, so every screen (the list, the
// customer page, the churn list, the tier review) words a status the same way, and tests can check it.
import type { TFunction } from 'i18next';
import type { ChurnLevel, CustomerChurnReason } from '../../../shared/domain/churn';
import { CHURN_MODEL_REASON_CODES, type ChurnModelReason, type RoughChance } from '../../../shared/domain/churnModel/levels';
import type { StatusSettings, TierHistoryEntry } from '../../../shared/domain/customerStatus';
import type { LifecycleStage } from '../../../shared/domain/lifecycle';
import { CURRENCY_MINOR_DIGITS, formatMoney, type Currency } from '../../../shared/domain/money';
import { rfmGroupOf, statusGroupName, statusGroupOf, statusGroups, type Locale } from '../../../shared/domain/statusGroups';
import { CORRECTION_CAUSES, type CorrectionCause } from '../../../shared/domain/tierCorrection';
import type { TierBenefits, TierDecision } from '../../../shared/domain/tiers';
import { assertNever } from '../../../shared/result';

export type StatusLocale = Locale;

/** Everything a status needs to be put into words besides the status itself. */
export interface StatusWording {
  t: TFunction;
  locale: StatusLocale;
  /** Minor units as text in the store's currency (see statusMoney). */
  money: (minor: number) => string;
  /** The rules in force: group names and order, and the churn trend window the reasons speak of. */
  status: Pick<StatusSettings, 'grouping' | 'scheme' | 'rfmBenefits' | 'churnRules'>;
}

/**
 * Money for sentences: whole amounts without the decimals ("¥5,000", not "¥5,000.00"), which read
 * better inside a reason; anything with cents keeps them.
 */
export function statusMoney(currency: Currency, locale: StatusLocale): (minor: number) => string {
  const scale = 10 ** CURRENCY_MINOR_DIGITS[currency];
  const whole = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 });
  return (minor) => (minor % scale === 0 ? whole.format(minor / scale) : formatMoney(minor, currency, locale));
}

// Made once per language: a NumberFormat costs far more to make than to use, and every list row words a risk.
const decimals = new Map<StatusLocale, Intl.NumberFormat>();

function decimal(locale: StatusLocale, n: number): string {
  let format = decimals.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    decimals.set(locale, format);
  }
  return format.format(n);
}

// ---- names -------------------------------------------------------------------------------------

export function stageName(t: TFunction, stage: LifecycleStage): string {
  return t(`status.stages.${stage}`);
}

/** One line on what the stage means, for a tooltip. */
export function stageHint(t: TFunction, stage: LifecycleStage): string {
  return t(`status.stageHints.${stage}`);
}

export function churnLevelName(t: TFunction, level: ChurnLevel): string {
  return t(`status.levels.${level}`);
}

/** The name of any stored tierId (a tier, an RFM group); a removed tier says so rather than showing an id. */
export function groupName(w: Pick<StatusWording, 't' | 'locale' | 'status'>, tierId: string): string {
  return statusGroupName(w.status, tierId, w.locale) ?? w.t('status.removedTier');
}

// ---- churn risk --------------------------------------------------------------------------------

type SpendTrend = 'down' | 'up' | 'same';

function spendChangeText(t: TFunction, percentChange: number, trendMonths: number): string {
  const trend: SpendTrend = percentChange < 0 ? 'down' : percentChange > 0 ? 'up' : 'same';
  const percent = Math.abs(percentChange);
  // A month, half a year and a year have words of their own; other windows are counted in months.
  if (trendMonths === 1) return t(`status.churnReason.spend.${trend}.month`, { percent });
  if (trendMonths === 6) return t(`status.churnReason.spend.${trend}.halfYear`, { percent });
  if (trendMonths === 12) return t(`status.churnReason.spend.${trend}.year`, { percent });
  return t(`status.churnReason.spend.${trend}.months`, { percent, count: trendMonths });
}

function daysSinceText(t: TFunction, days: number): string {
  return days <= 0 ? t('status.churnReason.visitedToday') : t('status.churnReason.daysSince', { count: days });
}

/** Whether the churn model gave the reason (its value at risk is the model's 90 days, not the last 12 months' spend). */
export function isModelChurnReason(reason: CustomerChurnReason): reason is ChurnModelReason {
  return (CHURN_MODEL_REASON_CODES as readonly string[]).includes(reason.code);
}

/** The model's chance that a customer is still coming, as a clerk says it: "about a 1 in 5 chance they are still coming". */
export function stillComingText(t: TFunction, chance: RoughChance): string {
  switch (chance.kind) {
    case 'one-in':
      return t('churnModel.reason.oneIn', { n: chance.n });
    case 'percent':
      return t('churnModel.reason.percent', { percent: chance.percent });
    case 'below-one-percent':
      return t('churnModel.reason.belowOnePercent');
    default:
      return assertNever(chance, 'rough chance');
  }
}

/**
 * Why a customer has their churn level, in words: their usual gap (their own, or the store's while
 * they have too few visits), the days since their last visit, with the churn model the chance they are
 * still coming, and how their spend moved, e.g. "Usually every 21 days; 64 days since the last visit;
 * about a 1 in 5 chance they are still coming; spend down 40% on the half-year before".
 */
export function churnReasonText(w: Pick<StatusWording, 't' | 'locale' | 'status'>, reason: CustomerChurnReason): string {
  const { t, locale } = w;
  const { usualGapDays, daysSinceLast, basis, spendChangePercent } = reason.params;
  const parts: string[] = [];
  const usual = () => {
    if (usualGapDays === null) return;
    if (basis === 'store') parts.push(t('status.churnReason.usualStore', { count: usualGapDays, days: decimal(locale, usualGapDays) }));
    else if (usualGapDays === 1) parts.push(t('status.churnReason.usualOwnDaily'));
    else parts.push(t('status.churnReason.usualOwn', { days: decimal(locale, usualGapDays) }));
  };
  let chance: string | null = null;
  switch (reason.code) {
    case 'no-purchases':
      return t('status.churnReason.noPurchases');
    case 'no-basis':
      parts.push(t('status.churnReason.noBasis'));
      break;
    case 'on-rhythm':
    case 'overdue':
    case 'spend-down':
    case 'overdue-and-spend-down':
      usual();
      break;
    case 'too-few-visits':
      parts.push(t('churnModel.reason.tooFewVisits'));
      break;
    case 'still-coming':
    case 'slipping':
      usual();
      chance = stillComingText(t, reason.params.stillComing);
      break;
    default:
      return assertNever(reason, 'churn reason');
  }
  if (daysSinceLast !== null) parts.push(daysSinceText(t, daysSinceLast));
  if (chance !== null) parts.push(chance);
  if (spendChangePercent !== undefined) parts.push(spendChangeText(t, spendChangePercent, w.status.churnRules.trendMonths));
  if ('overCap' in reason.params && reason.params.overCap) parts.push(t('churnModel.reason.overCap'));
  return parts.join(t('status.churnReason.separator'));
}

/** The churn model's expected visits in the next 90 days, e.g. "About 0.4 visits expected in the next 90 days"; null for today's rule, which forecasts none. */
export function expectedVisitsText(w: Pick<StatusWording, 't' | 'locale'>, reason: CustomerChurnReason): string | null {
  switch (reason.code) {
    case 'too-few-visits':
    case 'still-coming':
    case 'slipping':
      return w.t('churnModel.expectedVisits', { count: reason.params.expectedVisits, visits: decimal(w.locale, reason.params.expectedVisits) });
    case 'no-purchases':
    case 'no-basis':
    case 'on-rhythm':
    case 'overdue':
    case 'spend-down':
    case 'overdue-and-spend-down':
      return null;
    default:
      return assertNever(reason, 'churn reason');
  }
}

// ---- tiers -------------------------------------------------------------------------------------

type TierReason = TierDecision['reason'];

const numberParam = (params: TierReason['params'], key: string): number | undefined => {
  const v = params[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

const stringParam = (params: TierReason['params'], key: string): string => {
  const v = params[key];
  return typeof v === 'string' ? v : '';
};

/** What a tier asks for, as a list: "¥5,000, 6 purchases and a visit in the last 180 days". Empty for the floor tier. */
function requirementsText(w: StatusWording, params: TierReason['params']): string | null {
  const { t } = w;
  const items: string[] = [];
  const minSpend = numberParam(params, 'minSpendFen') ?? 0;
  const minPurchases = numberParam(params, 'minPurchases') ?? 0;
  const maxDays = numberParam(params, 'maxDays') ?? -1;
  if (minSpend > 0) items.push(t('status.tierReason.needsSpend', { amount: w.money(minSpend) }));
  if (minPurchases > 0) items.push(t('status.tierReason.needsPurchases', { count: minPurchases }));
  if (maxDays >= 0) items.push(t('status.tierReason.needsRecency', { count: maxDays }));
  return items.length === 0 ? null : listText(t, items);
}

/** "A, B and C" / "A、B、C": Intl.ListFormat's words differ between ICU builds (Node, Chromium), so the words are ours. */
function listText(t: TFunction, items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return t('status.list.andLast', { rest: items.slice(0, -1).join(t('status.list.separator')), last: items[items.length - 1] });
}

/** The customer's own figures the decision saw: "Spent ¥5,200 in 6 purchases in the last 12 months". null when not recorded. */
function figuresText(w: StatusWording, params: TierReason['params'], withRecency: boolean): string | null {
  const { t } = w;
  const spend = numberParam(params, 'spendFen');
  const purchases = numberParam(params, 'purchaseCount');
  const windowMonths = numberParam(params, 'windowMonths');
  if (spend === undefined || purchases === undefined || windowMonths === undefined) return null;
  const figureParams = { count: windowMonths, spend: w.money(spend), purchases: t('status.tierReason.purchases', { count: purchases }) };
  const figures = windowMonths === 1 ? t('status.tierReason.figuresMonth', figureParams) : t('status.tierReason.figures', figureParams);
  if (!withRecency) return figures;
  const days = numberParam(params, 'daysSinceLast') ?? -1;
  const recency = days < 0 ? t('status.tierReason.neverVisited') : days === 0 ? t('status.tierReason.visitedToday') : t('status.tierReason.lastVisit', { count: days });
  return t('status.tierReason.withRecency', { figures, recency });
}

function rfmReasonText(t: TFunction, params: TierReason['params']): string {
  const r = numberParam(params, 'r') ?? 0;
  const f = numberParam(params, 'f') ?? 0;
  const m = numberParam(params, 'm') ?? 0;
  return r > 0 && f > 0 && m > 0 ? t('status.tierReason.rfm', { r, f, m }) : t('status.tierReason.rfmUnscored');
}

/**
 * Why a tier decision went the way it did, from its code and params:
 * "Spent ¥5,200 in 6 purchases in the last 12 months (VIP needs ¥5,000 and 6 purchases)" for a tier
 * met, "…, short of Regular (needs ¥1,000 and 2 purchases)" for one no longer met (a downgrade, done
 * or waiting), and the R/F/M scores under RFM grouping.
 */
export function tierReasonText(w: StatusWording, reason: TierReason): string {
  const { t } = w;
  const { code, params } = reason;
  switch (code) {
    case 'rfm-scored':
    case 'rfm-kept':
      return rfmReasonText(t, params);
    case 'tier-assigned':
    case 'tier-upgrade':
    case 'tier-kept':
    case 'tier-removed': {
      // A first assignment under RFM grouping carries the scores, not thresholds.
      if (rfmGroupOf(stringParam(params, 'to')) !== null) return rfmReasonText(t, params);
      // The thresholds in params are those of the tier moved to (or kept).
      const text = metText(w, params, groupName(w, stringParam(params, 'to')));
      return code === 'tier-removed' ? t('status.tierReason.removed', { reason: text }) : text;
    }
    case 'tier-downgrade':
    case 'tier-downgrade-pending':
      // The thresholds in params are those of the tier held, the ones no longer met.
      return shortText(w, params, groupName(w, stringParam(params, 'from')));
    case 'tier-corrected':
      // The thresholds in params are those of the tier taken back to.
      return correctedText(t, stringParam(params, 'cause'), metText(w, params, groupName(w, stringParam(params, 'to'))));
    default:
      return assertNever(code, 'tier reason');
  }
}

/** A correction's words by its cause; a cause this version does not know (a newer backup) is worded generally. */
function correctedText(t: TFunction, cause: string, reason: string): string {
  const known = (CORRECTION_CAUSES as readonly string[]).includes(cause) ? (cause as CorrectionCause) : null;
  if (known === null) return t('status.tierReason.corrected.other', { reason });
  switch (known) {
    case 'voided':
      return t('status.tierReason.corrected.voided', { reason });
    case 'edited':
      return t('status.tierReason.corrected.edited', { reason });
    case 'import-undone':
      return t('status.tierReason.corrected.import-undone', { reason });
    case 'moved':
      return t('status.tierReason.corrected.moved', { reason });
    case 'deleted':
      return t('status.tierReason.corrected.deleted', { reason });
    default:
      return assertNever(known, 'correction cause');
  }
}

/** Whether the tier the reason is about sets a recency limit: only then are the days since the last visit part of the reason. */
const hasRecencyLimit = (params: TierReason['params']) => (numberParam(params, 'maxDays') ?? -1) >= 0;

function metText(w: StatusWording, params: TierReason['params'], tier: string): string {
  const { t } = w;
  const requirements = requirementsText(w, params);
  const figures = figuresText(w, params, hasRecencyLimit(params));
  if (requirements === null) return figures === null ? t('status.tierReason.floorOnly', { tier }) : t('status.tierReason.floor', { figures, tier });
  return figures === null ? t('status.tierReason.needsOnly', { tier, requirements }) : t('status.tierReason.meets', { figures, tier, requirements });
}

function shortText(w: StatusWording, params: TierReason['params'], tier: string): string {
  const { t } = w;
  // A downgrade is always from a tier with some threshold: the floor tier has nothing to fall short of.
  const requirements = requirementsText(w, params) ?? '';
  const figures = figuresText(w, params, hasRecencyLimit(params));
  return figures === null ? t('status.tierReason.needsOnly', { tier, requirements }) : t('status.tierReason.short', { figures, tier, requirements });
}

/** A tier-history entry's move as names: from (null for the first assignment) and to. */
export function tierMoveNames(w: Pick<StatusWording, 't' | 'locale' | 'status'>, entry: Pick<TierHistoryEntry, 'from' | 'to'>): { from: string | null; to: string } {
  return { from: entry.from === null ? null : groupName(w, entry.from), to: groupName(w, entry.to) };
}

/** "Moves to Potential at the next review (Jun 1, 2026)"; without a date when none is set yet. */
export function pendingTierText(w: Pick<StatusWording, 't' | 'locale' | 'status'>, pendingTierId: string, reviewDate: string | null): string {
  const tier = groupName(w, pendingTierId);
  return reviewDate === null ? w.t('status.pending.atNextReview', { tier }) : w.t('status.pending.atReview', { tier, date: reviewDate });
}

// ---- benefits and RFM --------------------------------------------------------------------------

/** A tier's benefits as short phrases: ["10% off", "2× points", "Contact every 30 days"]. */
export function benefitsTexts(w: Pick<StatusWording, 't' | 'locale'>, benefits: TierBenefits): string[] {
  const { t, locale } = w;
  return [
    benefits.discountPercent > 0 ? t('status.benefits.discount', { percent: decimal(locale, benefits.discountPercent) }) : t('status.benefits.noDiscount'),
    t('status.benefits.points', { multiplier: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(benefits.pointsMultiplier) }),
    benefits.contactCadenceDays === 1 ? t('status.benefits.cadenceDaily') : t('status.benefits.cadence', { count: benefits.contactCadenceDays }),
  ];
}

export interface RfmDigits {
  r: number;
  f: number;
  m: number;
}

/** "545" as its three scores; null for anything that is not three digits 1–5. */
export function rfmDigits(score: string | null | undefined): RfmDigits | null {
  if (!score || !/^[1-5]{3}$/.test(score)) return null;
  return { r: Number(score[0]), f: Number(score[1]), m: Number(score[2]) };
}

/** The RFM score explained, for its tooltip: "Recency 5, frequency 4, spend 5 (each 1–5, 5 is best)". */
export function rfmScoreText(t: TFunction, digits: RfmDigits): string {
  return t('status.rfm.explained', { r: digits.r, f: digits.f, m: digits.m });
}

// ---- how prominent a badge is --------------------------------------------------------------------

/**
 * 'top': the best group (the most prominent badge); 'high' and 'mid': the upper and lower half of the
 * groups between; 'base': the last group (everyone else, or not scored yet); 'other': a group of the
 * grouping not in force (a history entry from before a switch); 'removed': a tier the rules no longer have.
 */
export type TierTone = 'top' | 'high' | 'mid' | 'base' | 'other' | 'removed';

export function tierTone(rules: StatusWording['status'], tierId: string): TierTone {
  const group = statusGroupOf(rules, tierId);
  if (group === null) return statusGroupName(rules, tierId, 'en') === null ? 'removed' : 'other';
  const count = statusGroups(rules).length;
  if (group.rank === 0) return 'top';
  if (group.rank === count - 1) return 'base';
  return group.rank / (count - 1) <= 0.5 ? 'high' : 'mid';
}
