// The words for loyalty points — every domain code, the ledger's entries, the owner's rules and what a purchase earns — in the language on screen.
import type { TFunction } from 'i18next';
import { format, parseISO, subMilliseconds } from 'date-fns';
import type { Currency } from '../../../shared/domain/money';
import type { PointsEntry, PointsEntryKind, PointsEntryProblem, PointsRuleCode } from '../../../shared/domain/pointsLedger';
import type {
  BirthdayWindow,
  ExpiryPolicy,
  MemberDays,
  MultiplierCombination,
  MultiplierSource,
  PointsEarning,
  PointsRounding,
  PointsRules,
  PointsRulesError,
  PreviewOccasion,
  ReferralAward,
} from '../../../shared/domain/pointsRules';
import type { ReferralRefusal } from '../../../shared/domain/referral';
import type { PointsPayment, PointsPaymentLimit, RedeemRefusal, Reward, RewardError, RewardKind } from '../../../shared/domain/rewards';
import { tierName, type TierRule } from '../../../shared/domain/tiers';
import { assertNever } from '../../../shared/result';
import { statusMoney } from '../status/statusText';

export type PointsLocale = 'zh-CN' | 'zh-TW' | 'en';

/** What points need besides themselves to be put into words. */
export interface PointsWording {
  t: TFunction;
  locale: PointsLocale;
  /** Minor units as text in the store's currency (whole amounts without decimals: "¥268"). */
  money: (fen: number) => string;
}

export function asPointsLocale(language: string | undefined): PointsLocale {
  return language === 'zh-CN' || language === 'zh-TW' || language === 'en' ? language : 'en';
}

export function pointsWording(t: TFunction, language: string | undefined, currency: Currency): PointsWording {
  const locale = asPointsLocale(language);
  return { t, locale, money: statusMoney(currency, locale) };
}

// ---- codes -------------------------------------------------------------------------------------

export const rulesErrorText = (t: TFunction, code: PointsRulesError): string => t(`points.rulesErrors.${code}`);
export const rewardErrorText = (t: TFunction, code: RewardError): string => t(`points.rewardErrors.${code}`);
export const redeemRefusalText = (t: TFunction, code: RedeemRefusal): string => t(`points.redeemRefusals.${code}`);
export const referralRefusalText = (t: TFunction, code: ReferralRefusal): string => t(`points.referralRefusals.${code}`);
export const entryProblemText = (t: TFunction, code: PointsEntryProblem): string => t(`points.entryProblems.${code}`);
export const entryKindName = (t: TFunction, kind: PointsEntryKind): string => t(`points.kinds.${kind}`);
export const rewardKindName = (t: TFunction, kind: RewardKind): string => t(`points.rewardKinds.${kind}`);
export const occasionName = (t: TFunction, occasion: PreviewOccasion): string => t(`points.occasions.${occasion}`);

/** What held a payment with points below what was asked, with the figures it was held to. */
export function paymentLimitText(w: PointsWording, payment: Pick<PointsPayment, 'limitedBy' | 'maxPoints' | 'maxFen'>): string {
  const limit: PointsPaymentLimit = payment.limitedBy;
  return w.t(`points.paymentLimits.${limit}`, { count: payment.maxPoints, amount: w.money(payment.maxFen) });
}

/** A rule code of the ledger in words; a birthday gift names the birthday it was for. */
export function ruleCodeText(t: TFunction, rule: PointsRuleCode): string {
  if (rule.startsWith('birthday-gift:')) return t('points.ruleCodes.birthday-gift', { date: rule.slice('birthday-gift:'.length) });
  return t(`points.ruleCodes.${rule}`);
}

// ---- numbers and dates -------------------------------------------------------------------------

const multipliers = new Map<PointsLocale, Intl.NumberFormat>();

/** A multiplier as "×1.5" (up to the thousandths it is exact to). */
export function multiplierText(locale: PointsLocale, m: number): string {
  let f = multipliers.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
    multipliers.set(locale, f);
  }
  return `×${f.format(m)}`;
}

/** A count of points with the sign always written: "+120", "−30". */
export function signedPoints(locale: PointsLocale, points: number): string {
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.abs(points));
  return points > 0 ? `+${n}` : points < 0 ? `−${n}` : n;
}

/** The last day a batch still counts: the day before its (exclusive) expiry, local. */
export function lastValidDay(expiresAt: string): string {
  return format(subMilliseconds(parseISO(expiresAt), 1), 'yyyy-MM-dd');
}

export const dayOf = (iso: string): string => format(parseISO(iso), 'yyyy-MM-dd');
export const dayTimeOf = (iso: string): string => format(parseISO(iso), 'yyyy-MM-dd HH:mm');

// ---- the rules ---------------------------------------------------------------------------------

/** "1 point per ¥1". */
export function earnRateText(w: PointsWording, earn: PointsRules['earn']): string {
  return w.t('points.rate.earn', { count: earn.points, amount: w.money(earn.perFen) });
}

export const roundingName = (t: TFunction, rounding: PointsRounding): string => t(`points.rounding.${rounding}`);
export const combineName = (t: TFunction, combine: MultiplierCombination): string => t(`points.combine.${combine}`);
export const birthdayWindowName = (t: TFunction, window: BirthdayWindow): string => t(`points.birthdayWindows.${window}`);
export const referralAwardName = (t: TFunction, award: ReferralAward): string => t(`points.referralAwards.${award}`);

/** "100 points pay ¥1, at most 50% of a purchase". */
export function redeemRateText(w: PointsWording, redeem: PointsRules['redeem']): string {
  return w.t('points.rate.redeem', { count: redeem.points, amount: w.money(redeem.fen), percent: redeem.maxPercent });
}

export function expiryPolicyText(t: TFunction, policy: ExpiryPolicy): string {
  switch (policy.kind) {
    case 'never':
      return t('points.expiry.never');
    case 'months':
      return t('points.expiry.months', { count: policy.months });
    case 'end-of-next-year':
      return t('points.expiry.end-of-next-year');
    default:
      return assertNever(policy, 'expiry policy');
  }
}

/** "Tuesdays and Saturdays", "the 8th, 18th and 28th of each month", or none. */
export function memberDaysText(w: PointsWording, days: MemberDays): string {
  const list = (items: string[]) => listText(w.t, items);
  switch (days.kind) {
    case 'none':
      return w.t('points.memberDay.none');
    case 'weekdays':
      return w.t('points.memberDay.weekdaysText', { days: list(days.days.map((d) => w.t(`points.weekdays.${d}`))) });
    case 'month-days':
      return w.t('points.memberDay.monthDaysText', { days: list(days.days.map((d) => w.t('points.memberDay.monthDay', { day: d }))) });
    default:
      return assertNever(days, 'member days');
  }
}

// ---- what a purchase earns ---------------------------------------------------------------------

export interface EarningSubject {
  /** What the customer paid (the sample amount, or the purchase's total after discounts). */
  amountFen: number;
  /** The customer's tier name as shown, or null without one. */
  tier: string | null;
  occasion: PreviewOccasion;
}

/** "A ¥268 purchase by a VIP customer on member day earns 804 points". */
export function earningSentence(w: PointsWording, subject: EarningSubject, earning: Pick<PointsEarning, 'total'>): string {
  const key = `points.earning.${subject.tier === null ? 'sentenceNoTier' : 'sentence'}.${subject.occasion}`;
  return w.t(key, { amount: w.money(subject.amountFen), tier: subject.tier ?? '', count: earning.total });
}

export function multiplierSourceName(w: PointsWording, source: MultiplierSource, tier: string | null): string {
  switch (source) {
    case 'tier':
      return tier === null ? w.t('points.multipliers.tierNone') : w.t('points.multipliers.tier', { tier });
    case 'member-day':
      return w.t('points.multipliers.member-day');
    case 'birthday':
      return w.t('points.multipliers.birthday');
    default:
      return assertNever(source, 'multiplier source');
  }
}

/** One step of a breakdown: what it is (for tests and styling) and its words. */
export interface BreakdownLine {
  step: 'amount' | 'excluded' | 'base' | 'multiplier' | 'combined' | 'earned' | 'bonus' | 'total' | 'expiry';
  text: string;
  /** A multiplier the rules have that does not apply to this purchase (drawn dimmed). */
  off?: boolean;
}

/**
 * An earning in steps, as the clerk and the owner read it: what was paid and what earns, the base points
 * at the rate and rounding, each multiplier (and whether it applies), how they combine, the bonuses, the
 * total and when the points expire.
 */
export function earningBreakdown(w: PointsWording, earning: PointsEarning, rules: Pick<PointsRules, 'earn'>, tier: string | null): BreakdownLine[] {
  const { t } = w;
  const lines: BreakdownLine[] = [];
  lines.push({ step: 'amount', text: t('points.earning.paid', { amount: w.money(earning.paidFen) }) });
  if (earning.excludedFen > 0) {
    lines.push({ step: 'excluded', text: t('points.earning.excluded', { amount: w.money(earning.excludedFen), eligible: w.money(earning.eligibleFen) }) });
  }
  lines.push({
    step: 'base',
    text: t('points.earning.base', { count: earning.base, amount: w.money(earning.eligibleFen), rate: earnRateText(w, rules.earn), rounding: t(`points.roundingShort.${rules.earn.rounding}`) }),
  });
  for (const m of earning.multipliers) {
    const name = multiplierSourceName(w, m.source, tier);
    const value = multiplierText(w.locale, m.multiplier);
    lines.push({ step: 'multiplier', text: t(m.applies ? 'points.earning.multiplier' : 'points.earning.multiplierOff', { name, value }), off: !m.applies });
  }
  const applying = earning.multipliers.filter((m) => m.applies);
  if (applying.length === 0) lines.push({ step: 'combined', text: t('points.earning.noMultiplier') });
  else if (applying.length > 1) {
    lines.push({ step: 'combined', text: t(`points.earning.combined.${earning.combine}`, { value: multiplierText(w.locale, earning.multiplier) }) });
  }
  lines.push({
    step: 'earned',
    text: t('points.earning.earned', { base: earning.base, multiplier: multiplierText(w.locale, earning.multiplier), count: earning.earned }),
  });
  for (const b of earning.bonuses) lines.push({ step: 'bonus', text: t(`points.earning.bonus.${b.source}`, { count: b.points }) });
  lines.push({ step: 'total', text: t('points.earning.total', { count: earning.total }) });
  lines.push({
    step: 'expiry',
    text: earning.expiresAt === null ? t('points.earning.neverExpires') : t('points.earning.expires', { date: lastValidDay(earning.expiresAt) }),
  });
  return lines;
}

/** "268 × 3 = 804 + 100 = 904": the arithmetic on one line. */
export function earningFormula(w: PointsWording, earning: PointsEarning): string {
  const n = (x: number) => new Intl.NumberFormat(w.locale, { maximumFractionDigits: 0 }).format(x);
  let text = earning.multiplier === 1 ? n(earning.earned) : `${n(earning.base)} ${multiplierText(w.locale, earning.multiplier)} = ${n(earning.earned)}`;
  if (earning.bonuses.length > 0) text += ` + ${earning.bonuses.map((b) => n(b.points)).join(' + ')} = ${n(earning.total)}`;
  return text;
}

// ---- the ledger --------------------------------------------------------------------------------

/** The names a history needs that the ledger holds only as ids. */
export interface PointsNames {
  rewards?: ReadonlyMap<string, string>;
  customers?: ReadonlyMap<string, string>;
  /** A purchase's date and amount, to say which purchase an entry came from. */
  purchases?: ReadonlyMap<string, { purchasedAt: string; totalFen: number }>;
}

function purchaseText(w: PointsWording, purchaseId: string | null, names: PointsNames): string {
  const p = purchaseId === null ? undefined : names.purchases?.get(purchaseId);
  return p ? w.t('points.cause.purchaseOf', { amount: w.money(p.totalFen), date: dayOf(p.purchasedAt) }) : w.t('points.cause.aPurchase');
}

/** What caused an entry, in words: the purchase, reward, referral, rule or the owner's reason. */
export function entryCauseText(w: PointsWording, entry: PointsEntry, names: PointsNames, batchOf?: (id: string) => PointsEntry | undefined): string {
  const { t } = w;
  const customer = (id: string | null) => (id === null ? undefined : names.customers?.get(id)) ?? t('points.cause.anotherCustomer');
  const reward = (id: string | null) => (id === null ? undefined : names.rewards?.get(id));
  switch (entry.kind) {
    case 'earn':
      return t('points.cause.earn', { purchase: purchaseText(w, entry.purchaseId, names) });
    case 'bonus':
      return entry.rule === null ? t('points.cause.bonus') : ruleCodeText(t, entry.rule);
    case 'redeem': {
      const name = reward(entry.rewardId);
      if (entry.rewardId !== null) return t('points.cause.reward', { reward: name ?? t('points.cause.aReward') });
      return t('points.cause.paid', { purchase: purchaseText(w, entry.purchaseId, names) });
    }
    case 'expire': {
      const batch = entry.batchId === null ? undefined : batchOf?.(entry.batchId);
      return batch ? t('points.cause.expiredBatch', { date: dayOf(batch.createdAt), kind: entryKindName(t, batch.kind) }) : t('points.cause.expired');
    }
    case 'adjust':
      if (entry.rule === 'reversal-write-off') return t('points.cause.writeOff', { purchase: purchaseText(w, entry.purchaseId, names) });
      return t('points.cause.adjust', { reason: entry.note.trim() });
    case 'reverse':
      return t(entry.reverses === 'spent' ? 'points.cause.reverseSpent' : 'points.cause.reverseEarned', { purchase: purchaseText(w, entry.purchaseId, names) });
    case 'referral':
      return entry.rule === 'referred'
        ? t('points.cause.referred', { name: customer(entry.referralCustomerId) })
        : t('points.cause.referrer', { name: customer(entry.referralCustomerId) });
    case 'opening':
      return entry.note.trim() === '' ? t('points.cause.opening') : t('points.cause.openingNote', { note: entry.note.trim() });
    default:
      return assertNever(entry.kind, 'points entry kind');
  }
}

// ---- rewards -----------------------------------------------------------------------------------

/** What a reward gives: "¥20 off", "10% off", "Gift, 4 left", "Free service". */
export function rewardValueText(w: PointsWording, reward: Pick<Reward, 'kind' | 'voucherFen' | 'percentOff' | 'stock'>): string {
  switch (reward.kind) {
    case 'voucher':
      return w.t('points.rewardValue.voucher', { amount: w.money(reward.voucherFen ?? 0) });
    case 'percent-off':
      return w.t('points.rewardValue.percent-off', { percent: reward.percentOff ?? 0 });
    case 'gift':
      return reward.stock === null ? w.t('points.rewardValue.giftUncounted') : w.t('points.rewardValue.gift', { count: reward.stock });
    case 'free-service':
      return w.t('points.rewardValue.free-service');
    default:
      return assertNever(reward.kind, 'reward kind');
  }
}

export function rewardDatesText(t: TFunction, reward: Pick<Reward, 'validFrom' | 'validTo'>): string {
  const { validFrom: from, validTo: to } = reward;
  if (from === null && to === null) return t('points.rewardDates.always');
  if (from === null) return t('points.rewardDates.until', { to });
  if (to === null) return t('points.rewardDates.from', { from });
  return t('points.rewardDates.between', { from, to });
}

/** The tiers a reward is for, by the names on screen; every tier when it names none. */
export function rewardTiersText(w: PointsWording, reward: Pick<Reward, 'tiersAllowed'>, tiers: readonly Pick<TierRule, 'id' | 'name'>[]): string {
  if (reward.tiersAllowed.length === 0) return w.t('points.rewardTiers.all');
  const names = reward.tiersAllowed.map((id) => {
    const tier = tiers.find((x) => x.id === id);
    return tier ? tierName(tier, w.locale) : id;
  });
  return listText(w.t, names);
}

/** "A, B and C" / "A、B、C", in the app's own words (as statusText: ICU builds word lists differently). */
function listText(t: TFunction, items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return t('status.list.andLast', { rest: items.slice(0, -1).join(t('status.list.separator')), last: items[items.length - 1] });
}
