// The points rules form: the owner's rules as editable text and back, each problem named at its field.
import { format, isValid, parse, startOfDay } from 'date-fns';
import { minorUnitsToDecimal, parseMoney, type Currency } from '../../../shared/domain/money';
import {
  changeExpiryPolicy,
  expiryPolicyAt,
  POINTS_RULES_LIMITS,
  type BirthdayWindow,
  type ExpiryPolicy,
  type MultiplierCombination,
  type PointsRounding,
  type PointsRules,
  type PointsRulesError,
  type ReferralAward,
  validatePointsRules,
} from '../../../shared/domain/pointsRules';
import { err, ok, type Result } from '../../../shared/result';

export type MemberDayKind = 'none' | 'weekdays' | 'month-days';
export type ExpiryKind = ExpiryPolicy['kind'];

export interface PointsRulesDraft {
  earnPoints: string;
  /** Money text: "1" for 1 point per ¥1. */
  earnPer: string;
  rounding: PointsRounding;
  /** One per line (a name may hold a comma). */
  excludedCategories: string;
  excludedProducts: string;
  tierMultiplier: boolean;
  memberDayKind: MemberDayKind;
  /** ISO weekdays, 1 Monday … 7 Sunday. */
  weekdays: number[];
  /** "8, 18, 28". */
  monthDays: string;
  memberDayMultiplier: string;
  birthdayWindow: BirthdayWindow;
  birthdayMultiplier: string;
  combine: MultiplierCombination;
  welcomeBonus: string;
  birthdayGift: string;
  redeemPoints: string;
  /** Money text: what `redeemPoints` points pay. */
  redeemAmount: string;
  redeemMaxPercent: string;
  expiryKind: ExpiryKind;
  expiryMonths: string;
  /** yyyy-MM-dd: the day a changed expiry policy takes effect (points earned from then on). */
  expiryFrom: string;
  negativeBalance: PointsRules['negativeBalance'];
  referralAward: ReferralAward;
  referrerPoints: string;
  referredPoints: string;
}

export type PointsRulesField = Exclude<keyof PointsRulesDraft, 'rounding' | 'tierMultiplier' | 'memberDayKind' | 'birthdayWindow' | 'combine' | 'expiryKind' | 'negativeBalance' | 'referralAward'>;

export type PointsFieldError = 'required' | 'whole-number' | 'number' | 'out-of-range' | 'money-invalid' | 'money-too-large' | 'day-invalid' | 'weekday-required' | 'expiry-from-past';
export type PointsFieldErrors = Partial<Record<PointsRulesField, PointsFieldError>>;

/** The field each domain code is shown at (the first field of the group it speaks of). */
export const FIELD_OF_RULES_ERROR: Readonly<Record<PointsRulesError, PointsRulesField | null>> = {
  'earn-rate-invalid': 'earnPoints',
  'rounding-invalid': null,
  'excluded-invalid': 'excludedCategories',
  'combine-invalid': null,
  'multiplier-invalid': 'memberDayMultiplier',
  'member-days-invalid': 'monthDays',
  'birthday-window-invalid': null,
  'bonus-invalid': 'welcomeBonus',
  'redeem-rate-invalid': 'redeemPoints',
  'redeem-cap-invalid': 'redeemMaxPercent',
  'expiry-invalid': 'expiryMonths',
  'expiry-from-duplicate': 'expiryFrom',
  'negative-balance-invalid': null,
  'referral-invalid': 'referrerPoints',
};

const DAY_FORMAT = 'yyyy-MM-dd';

export function draftOfPointsRules(rules: PointsRules, currency: Currency, now: Date): PointsRulesDraft {
  const policy = expiryPolicyAt(rules, now);
  const days = rules.memberDay.days;
  return {
    earnPoints: String(rules.earn.points),
    earnPer: minorUnitsToDecimal(rules.earn.perFen, currency).replace(/\.0+$/, ''),
    rounding: rules.earn.rounding,
    excludedCategories: rules.excludedCategories.join('\n'),
    excludedProducts: rules.excludedProducts.join('\n'),
    tierMultiplier: rules.tierMultiplier,
    memberDayKind: days.kind,
    weekdays: days.kind === 'weekdays' ? [...days.days] : [],
    monthDays: days.kind === 'month-days' ? days.days.join(', ') : '',
    memberDayMultiplier: String(rules.memberDay.multiplier),
    birthdayWindow: rules.birthday.window,
    birthdayMultiplier: String(rules.birthday.multiplier),
    combine: rules.combine,
    welcomeBonus: String(rules.welcomeBonus),
    birthdayGift: String(rules.birthdayGift),
    redeemPoints: String(rules.redeem.points),
    redeemAmount: minorUnitsToDecimal(rules.redeem.fen, currency).replace(/\.0+$/, ''),
    redeemMaxPercent: String(rules.redeem.maxPercent),
    expiryKind: policy.kind,
    expiryMonths: policy.kind === 'months' ? String(policy.months) : '12',
    expiryFrom: format(now, DAY_FORMAT),
    negativeBalance: rules.negativeBalance,
    referralAward: rules.referral.award,
    referrerPoints: String(rules.referral.referrerPoints),
    referredPoints: String(rules.referral.referredPoints),
  };
}

const clean = (s: string) => s.normalize('NFKC').trim();

/** The expiry policy the draft states (months only read when that is the kind). */
function draftPolicy(d: PointsRulesDraft, months: number): ExpiryPolicy {
  switch (d.expiryKind) {
    case 'never':
      return { kind: 'never' };
    case 'months':
      return { kind: 'months', months };
    case 'end-of-next-year':
      return { kind: 'end-of-next-year' };
    default: {
      const never: never = d.expiryKind;
      throw new TypeError(`unknown expiry kind ${String(never)}`);
    }
  }
}

const samePolicy = (a: ExpiryPolicy, b: ExpiryPolicy) => a.kind === b.kind && (a.kind !== 'months' || (b.kind === 'months' && a.months === b.months));

/** Whether the draft's expiry policy differs from the one in effect at `now` (then its effective date is asked). */
export function expiryChanged(d: PointsRulesDraft, rules: PointsRules, now: Date): boolean {
  const months = Number(clean(d.expiryMonths));
  return !samePolicy(draftPolicy(d, Number.isSafeInteger(months) ? months : -1), expiryPolicyAt(rules, now));
}

/** Splits a list of numbers typed with commas, spaces, 、 or ；. */
export const splitList = (text: string): string[] => text.split(/[\s,，、;；]+/).filter((s) => s !== '');

/** Splits names typed one per line. */
export const splitLines = (text: string): string[] =>
  text
    .split(/\n+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * Reads the draft into rules (not yet validated by the domain: validatePointsRules does that next), or
 * every field that cannot be read. `saved`: the rules in force, whose expiry versions are kept; a changed
 * policy is added from the start of its effective day, which may not be before today.
 */
export function pointsRulesOf(d: PointsRulesDraft, saved: PointsRules, currency: Currency, now: Date): Result<PointsRules, PointsFieldErrors> {
  const errors: PointsFieldErrors = {};
  const int = (field: PointsRulesField, min: number, max: number): number => {
    const text = clean(d[field] as string);
    if (text === '') {
      errors[field] = 'required';
      return 0;
    }
    if (!/^-?\d+$/.test(text)) {
      errors[field] = /^-?\d*\.\d+$/.test(text) ? 'whole-number' : 'number';
      return 0;
    }
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < min || n > max) errors[field] = 'out-of-range';
    return n;
  };
  const decimal = (field: PointsRulesField, min: number, max: number): number => {
    const text = clean(d[field] as string).replace(/^[x×]/i, '');
    if (text === '') {
      errors[field] = 'required';
      return 0;
    }
    if (!/^\d+(\.\d{1,3})?$/.test(text)) {
      errors[field] = 'number';
      return 0;
    }
    const n = Number(text);
    if (n < min || n > max) errors[field] = 'out-of-range';
    return n;
  };
  const money = (field: 'earnPer' | 'redeemAmount', max: number): number => {
    const text = clean(d[field]);
    if (text === '') {
      errors[field] = 'required';
      return 0;
    }
    const r = parseMoney(text, currency);
    if (!r.ok) {
      errors[field] = r.reason;
      return 0;
    }
    if (r.value < 1 || r.value > max) errors[field] = 'out-of-range';
    return r.value;
  };
  const L = POINTS_RULES_LIMITS;
  const earnPoints = int('earnPoints', 1, L.maxEarnPoints);
  const perFen = money('earnPer', L.maxPerFen);
  const memberDayMultiplier = decimal('memberDayMultiplier', 0.001, L.maxMultiplier);
  const birthdayMultiplier = decimal('birthdayMultiplier', 0.001, L.maxMultiplier);
  let memberDays: PointsRules['memberDay']['days'] = { kind: 'none' };
  if (d.memberDayKind === 'weekdays') {
    if (d.weekdays.length === 0) errors.weekdays = 'weekday-required';
    memberDays = { kind: 'weekdays', days: [...new Set(d.weekdays)].sort((a, b) => a - b) };
  } else if (d.memberDayKind === 'month-days') {
    const parts = splitList(clean(d.monthDays));
    const days = parts.map(Number);
    if (parts.length === 0) errors.monthDays = 'required';
    else if (!days.every((n) => Number.isInteger(n) && n >= 1 && n <= 31)) errors.monthDays = 'day-invalid';
    memberDays = { kind: 'month-days', days: [...new Set(days)].sort((a, b) => a - b) };
  }
  const welcomeBonus = int('welcomeBonus', 0, L.maxBonus);
  const birthdayGift = int('birthdayGift', 0, L.maxBonus);
  const redeemPoints = int('redeemPoints', 1, L.maxRedeemPoints);
  const redeemFen = money('redeemAmount', L.maxRedeemFen);
  const maxPercent = int('redeemMaxPercent', 0, 100);
  const referrerPoints = d.referralAward === 'referrer' || d.referralAward === 'both' ? int('referrerPoints', 0, L.maxBonus) : saved.referral.referrerPoints;
  const referredPoints = d.referralAward === 'referred' || d.referralAward === 'both' ? int('referredPoints', 0, L.maxBonus) : saved.referral.referredPoints;
  const months = d.expiryKind === 'months' ? int('expiryMonths', 1, L.maxExpiryMonths) : 0;

  let expiry = saved.expiry;
  if (!errors.expiryMonths && expiryChanged(d, saved, now)) {
    const from = parse(clean(d.expiryFrom), DAY_FORMAT, now);
    if (clean(d.expiryFrom) === '') errors.expiryFrom = 'required';
    else if (!isValid(from) || format(from, DAY_FORMAT) !== clean(d.expiryFrom)) errors.expiryFrom = 'day-invalid';
    else if (from.getTime() < startOfDay(now).getTime()) errors.expiryFrom = 'expiry-from-past';
    else expiry = changeExpiryPolicy(saved, draftPolicy(d, months), from).expiry;
  }
  if (Object.keys(errors).length > 0) return err(errors);
  return ok({
    earn: { points: earnPoints, perFen, rounding: d.rounding },
    excludedCategories: splitLines(d.excludedCategories),
    excludedProducts: splitLines(d.excludedProducts),
    tierMultiplier: d.tierMultiplier,
    memberDay: { days: memberDays, multiplier: memberDayMultiplier },
    birthday: { window: d.birthdayWindow, multiplier: birthdayMultiplier },
    combine: d.combine,
    welcomeBonus,
    birthdayGift,
    redeem: { points: redeemPoints, fen: redeemFen, maxPercent },
    expiry,
    negativeBalance: d.negativeBalance,
    referral: { award: d.referralAward, referrerPoints, referredPoints },
  });
}

export type PointsRulesSubmit =
  | { outcome: 'fields'; fieldErrors: PointsFieldErrors }
  | { outcome: 'refused'; ruleErrors: PointsRulesError[] }
  | { outcome: 'saved'; rules: PointsRules }
  | { outcome: 'failed' };

/**
 * A save of the form: reads the draft, validates it with the domain, and only then hands the cleaned
 * rules to `save`, whose refusal (codes) or failure (a throw) comes back for the form to show beside
 * the draft it keeps as typed.
 */
export async function submitPointsRules(
  d: PointsRulesDraft,
  saved: PointsRules,
  currency: Currency,
  now: Date,
  save: (rules: PointsRules) => PointsRulesError[] | null | Promise<PointsRulesError[] | null>,
): Promise<PointsRulesSubmit> {
  const read = pointsRulesOf(d, saved, currency, now);
  if (!read.ok) return { outcome: 'fields', fieldErrors: read.reason };
  const checked = validatePointsRules(read.value);
  if (!checked.ok) return { outcome: 'refused', ruleErrors: checked.reason };
  try {
    const refused = await save(checked.value);
    return refused && refused.length > 0 ? { outcome: 'refused', ruleErrors: refused } : { outcome: 'saved', rules: checked.value };
  } catch {
    return { outcome: 'failed' };
  }
}
