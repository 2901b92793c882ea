// The owner's points rules: defaults, validation, what a purchase earns (with its breakdown), expiry dates, birthday gifts, the preview.
import { addDays, addMonths, addYears, differenceInCalendarDays, format, getDate, getISODay, isSameDay, isSameMonth, parseISO, startOfDay, startOfWeek, startOfYear, subDays } from 'date-fns';
import { assertNever, err, ok, type Result } from '../result';
import { nextBirthdayOccurrence } from './birthday';
import type { Birthday } from './customer';
import { pointsEntry, type PointsEntry } from './pointsLedger';
import type { TierScheme } from './tiers';
import { isIntIn, isNumberIn } from './ranges';

/** How fractional points become whole: 'down' (the default) drops the fraction, 'half-up' rounds .5 up, 'up' raises any fraction. */
export const POINTS_ROUNDINGS = ['down', 'half-up', 'up'] as const;
export type PointsRounding = (typeof POINTS_ROUNDINGS)[number];

/** How the multipliers that apply make one: the highest of them, or all of them multiplied. */
export const MULTIPLIER_COMBINATIONS = ['highest', 'multiply'] as const;
export type MultiplierCombination = (typeof MULTIPLIER_COMBINATIONS)[number];

/** 会员日: none, some weekdays (ISO: 1 Monday … 7 Sunday), or some days of the month (8, 18, 28; a 31st skips short months). */
export type MemberDays = { kind: 'none' } | { kind: 'weekdays'; days: number[] } | { kind: 'month-days'; days: number[] };

/** When a birthday multiplies: on the day, in its week (Monday to Sunday), or in its month; of the solar date that year (lunar birthdays too). */
export const BIRTHDAY_WINDOWS = ['none', 'day', 'week', 'month'] as const;
export type BirthdayWindow = (typeof BIRTHDAY_WINDOWS)[number];

/**
 * When earned points expire. 'months': valid through the day `months` months after they were
 * earned. 'end-of-next-year': through 31 December of the year after the year they were earned (年底清零).
 * Each version applies to the points earned from its `from` on; points earned before keep the expiry
 * they were given (it is written on their batch).
 */
export type ExpiryPolicy = { kind: 'never' } | { kind: 'months'; months: number } | { kind: 'end-of-next-year' };
export type ExpiryPolicyVersion = ExpiryPolicy & { from: string };

export const REFERRAL_AWARDS = ['none', 'referrer', 'referred', 'both'] as const;
export type ReferralAward = (typeof REFERRAL_AWARDS)[number];

export interface PointsRules {
  /** `points` points for every `perFen` minor units paid (1 per 100 fen: 1 point per ¥1), rounded as `rounding`. */
  earn: { points: number; perFen: number; rounding: PointsRounding };
  /** Lines of these categories or products earn nothing (compared trimmed, case-insensitive). */
  excludedCategories: string[];
  excludedProducts: string[];
  /** The customer's tier's pointsMultiplier (tiers.ts) multiplies. */
  tierMultiplier: boolean;
  memberDay: { days: MemberDays; multiplier: number };
  birthday: { window: BirthdayWindow; multiplier: number };
  combine: MultiplierCombination;
  /** Points given with a customer's first purchase; 0: none. */
  welcomeBonus: number;
  /** Points given on a customer's birthday (by the rollover); 0: none. */
  birthdayGift: number;
  /** Paying with points: `points` points pay `fen` minor units; at most `maxPercent` % of a purchase's amount. */
  redeem: { points: number; fen: number; maxPercent: number };
  /** By `from`, oldest first; the one in effect when points are earned gives their expiry. */
  expiry: ExpiryPolicyVersion[];
  /** Whether reversals (voids, returns) may take a balance below zero, or stop at zero and write off the rest. */
  negativeBalance: 'allow' | 'stop-at-zero';
  /** Who earns what when a referred customer makes their first purchase. */
  referral: { award: ReferralAward; referrerPoints: number; referredPoints: number };
}

export const POINTS_RULES_LIMITS = {
  maxEarnPoints: 10_000,
  maxPerFen: 100_000_000,
  maxExcluded: 500,
  maxExcludedLength: 100,
  maxMultiplier: 100,
  maxBonus: 1_000_000,
  maxRedeemPoints: 1_000_000,
  maxRedeemFen: 100_000_000,
  maxExpiryMonths: 120,
  maxExpiryVersions: 100,
} as const;

/** The start of time for the default expiry policy: it covers every point ever earned. */
export const POINTS_RULES_EPOCH = '1970-01-01T00:00:00.000Z';

export const DEFAULT_POINTS_RULES: Readonly<PointsRules> = Object.freeze({
  earn: { points: 1, perFen: 100, rounding: 'down' },
  excludedCategories: [],
  excludedProducts: [],
  tierMultiplier: true,
  memberDay: { days: { kind: 'none' }, multiplier: 2 },
  birthday: { window: 'day', multiplier: 2 },
  combine: 'highest',
  welcomeBonus: 0,
  birthdayGift: 0,
  redeem: { points: 100, fen: 100, maxPercent: 50 },
  expiry: [{ kind: 'never', from: POINTS_RULES_EPOCH }],
  negativeBalance: 'stop-at-zero',
  referral: { award: 'none', referrerPoints: 100, referredPoints: 100 },
} satisfies PointsRules);

export const POINTS_RULES_ERRORS = [
  'earn-rate-invalid',
  'rounding-invalid',
  'excluded-invalid',
  'combine-invalid',
  'multiplier-invalid',
  'member-days-invalid',
  'birthday-window-invalid',
  'bonus-invalid',
  'redeem-rate-invalid',
  'redeem-cap-invalid',
  'expiry-invalid',
  /** Two expiry versions from the same time: which applies would be a matter of order. */
  'expiry-from-duplicate',
  'negative-balance-invalid',
  'referral-invalid',
] as const;
export type PointsRulesError = (typeof POINTS_RULES_ERRORS)[number];

const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);
const isIso = (s: unknown): s is string => typeof s === 'string' && s !== '' && Number.isFinite(Date.parse(s));
const isMultiplier = (n: unknown): n is number => isNumberIn(n, 0.001, POINTS_RULES_LIMITS.maxMultiplier);
const cleanText = (s: string) => s.replace(/\s+/g, ' ').trim();
const textKey = (s: string) => cleanText(s).toLowerCase();

function cleanList(list: unknown): string[] | null {
  if (!Array.isArray(list) || list.length > POINTS_RULES_LIMITS.maxExcluded) return null;
  const out: string[] = [];
  const seen = new Set<string>();
  for (const x of list) {
    if (typeof x !== 'string') return null;
    const c = cleanText(x);
    if (c === '' || [...c].length > POINTS_RULES_LIMITS.maxExcludedLength) return null;
    if (seen.has(c.toLowerCase())) continue;
    seen.add(c.toLowerCase());
    out.push(c);
  }
  return out;
}

function cleanDays(d: unknown): MemberDays | null {
  if (typeof d !== 'object' || d === null) return null;
  const v = d as { kind?: unknown; days?: unknown };
  if (v.kind === 'none') return { kind: 'none' };
  if (v.kind !== 'weekdays' && v.kind !== 'month-days') return null;
  const max = v.kind === 'weekdays' ? 7 : 31;
  if (!Array.isArray(v.days) || v.days.length === 0 || !v.days.every((n) => isIntIn(n, 1, max))) return null;
  return { kind: v.kind, days: [...new Set(v.days as number[])].sort((a, b) => a - b) };
}

function cleanExpiry(list: unknown, found: Set<PointsRulesError>): ExpiryPolicyVersion[] {
  if (!Array.isArray(list) || list.length === 0 || list.length > POINTS_RULES_LIMITS.maxExpiryVersions) {
    found.add('expiry-invalid');
    return [];
  }
  const out: ExpiryPolicyVersion[] = [];
  for (const x of list as ExpiryPolicyVersion[]) {
    if (typeof x !== 'object' || x === null || !isIso(x.from)) {
      found.add('expiry-invalid');
      continue;
    }
    const from = new Date(x.from).toISOString();
    if (x.kind === 'never' || x.kind === 'end-of-next-year') out.push({ kind: x.kind, from });
    else if (x.kind === 'months' && isIntIn(x.months, 1, POINTS_RULES_LIMITS.maxExpiryMonths)) out.push({ kind: 'months', months: x.months, from });
    else found.add('expiry-invalid');
  }
  out.sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
  if (out.some((v, i) => i > 0 && v.from === out[i - 1]!.from)) found.add('expiry-from-duplicate');
  return out;
}

/**
 * Checks rules the owner edited. On success, gives them back cleaned (texts trimmed and deduplicated,
 * member days sorted, expiry versions by date), so that equal rules are equal whatever order they
 * were typed in. On failure, every distinct problem, in POINTS_RULES_ERRORS order.
 */
export function validatePointsRules(r: PointsRules): Result<PointsRules, PointsRulesError[]> {
  const found = new Set<PointsRulesError>();
  const L = POINTS_RULES_LIMITS;
  const earn = r.earn ?? ({} as PointsRules['earn']);
  if (!isIntIn(earn.points, 1, L.maxEarnPoints) || !isIntIn(earn.perFen, 1, L.maxPerFen)) found.add('earn-rate-invalid');
  if (!isOneOf(POINTS_ROUNDINGS, earn.rounding)) found.add('rounding-invalid');
  const excludedCategories = cleanList(r.excludedCategories);
  const excludedProducts = cleanList(r.excludedProducts);
  if (excludedCategories === null || excludedProducts === null) found.add('excluded-invalid');
  if (!isOneOf(MULTIPLIER_COMBINATIONS, r.combine)) found.add('combine-invalid');
  if (typeof r.tierMultiplier !== 'boolean' || !isMultiplier(r.memberDay?.multiplier) || !isMultiplier(r.birthday?.multiplier)) found.add('multiplier-invalid');
  const days = cleanDays(r.memberDay?.days);
  if (days === null) found.add('member-days-invalid');
  if (!isOneOf(BIRTHDAY_WINDOWS, r.birthday?.window)) found.add('birthday-window-invalid');
  if (!isIntIn(r.welcomeBonus, 0, L.maxBonus) || !isIntIn(r.birthdayGift, 0, L.maxBonus)) found.add('bonus-invalid');
  if (!isIntIn(r.redeem?.points, 1, L.maxRedeemPoints) || !isIntIn(r.redeem?.fen, 1, L.maxRedeemFen)) found.add('redeem-rate-invalid');
  if (!isIntIn(r.redeem?.maxPercent, 0, 100)) found.add('redeem-cap-invalid');
  const expiry = cleanExpiry(r.expiry, found);
  if (r.negativeBalance !== 'allow' && r.negativeBalance !== 'stop-at-zero') found.add('negative-balance-invalid');
  if (!isOneOf(REFERRAL_AWARDS, r.referral?.award) || !isIntIn(r.referral?.referrerPoints, 0, L.maxBonus) || !isIntIn(r.referral?.referredPoints, 0, L.maxBonus)) {
    found.add('referral-invalid');
  }
  if (found.size > 0) return err(POINTS_RULES_ERRORS.filter((c) => found.has(c)));
  return ok({
    earn: { points: earn.points, perFen: earn.perFen, rounding: earn.rounding },
    excludedCategories: excludedCategories!,
    excludedProducts: excludedProducts!,
    tierMultiplier: r.tierMultiplier,
    memberDay: { days: days!, multiplier: r.memberDay.multiplier },
    birthday: { window: r.birthday.window, multiplier: r.birthday.multiplier },
    combine: r.combine,
    welcomeBonus: r.welcomeBonus,
    birthdayGift: r.birthdayGift,
    redeem: { points: r.redeem.points, fen: r.redeem.fen, maxPercent: r.redeem.maxPercent },
    expiry,
    negativeBalance: r.negativeBalance,
    referral: { award: r.referral.award, referrerPoints: r.referral.referrerPoints, referredPoints: r.referral.referredPoints },
  });
}

/**
 * Adds an expiry policy taking effect at `from` (the owner's change, from now on), keeping the
 * versions before it and dropping any planned from `from` on: points already earned keep their expiry.
 */
export function changeExpiryPolicy(rules: PointsRules, policy: ExpiryPolicy, from: Date): PointsRules {
  const at = from.toISOString();
  const kept = rules.expiry.filter((v) => Date.parse(v.from) < from.getTime());
  return { ...rules, expiry: [...kept, { ...policy, from: at }] };
}

// ---- arithmetic --------------------------------------------------------------------------------

/** A non-negative num/den rounded as `mode`, exact (BigInt: multipliers multiplied can pass 2^53). */
function roundDiv(num: bigint, den: bigint, mode: PointsRounding): bigint {
  switch (mode) {
    case 'down':
      return num / den;
    case 'up':
      return (num + den - 1n) / den;
    case 'half-up':
      return (2n * num + den) / (2n * den);
    default:
      return assertNever(mode, 'rounding');
  }
}

/** Multipliers are exact to 0.001 (12.5 %, 1.5×): kept as whole thousandths. */
const MILLI = 1000n;
const toMilli = (m: number): bigint => BigInt(Math.round(m * 1000));

// ---- earning -----------------------------------------------------------------------------------

export interface PointsPurchaseLine {
  product: string;
  category: string;
  quantity: number;
  unitPriceFen: number;
}

/** What pointsForPurchase reads of a purchase. */
export interface PointsPurchaseFacts {
  /** ISO time of the purchase: its local day decides member day and birthday. */
  purchasedAt: string;
  lines: readonly PointsPurchaseLine[];
  /** After the discount. A return (≤ 0) earns nothing here: its reversal is purchaseReversalEntries'. */
  totalFen: number;
  /** The part of the total paid with points or a points voucher: it earns nothing. */
  paidWithPointsFen: number;
}

/** What pointsForPurchase reads of the customer. */
export interface PointsCustomerFacts {
  tierId: string | null;
  /** The tier's benefits.pointsMultiplier (1 without a tier). */
  tierMultiplier: number;
  birthday: Birthday | null;
  /** No earlier (non-voided) purchase: the welcome bonus applies. */
  isFirstPurchase: boolean;
}

export type MultiplierSource = 'tier' | 'member-day' | 'birthday';

export interface PointsEarning {
  /** What was paid (total less the part paid with points). */
  paidFen: number;
  /** The share of paidFen on excluded lines (the discount spread over the lines by their amounts). */
  excludedFen: number;
  /** paidFen − excludedFen: what earns. */
  eligibleFen: number;
  /** eligibleFen at the base rate, rounded. */
  base: number;
  /** Every multiplier the rules know, whether it applies to this purchase, and its value. */
  multipliers: { source: MultiplierSource; multiplier: number; applies: boolean }[];
  combine: MultiplierCombination;
  /** The multipliers that apply, combined; 1 when none does. */
  multiplier: number;
  /** base × multiplier, rounded as the base is. */
  earned: number;
  bonuses: { source: 'welcome'; points: number }[];
  /** earned + bonuses. */
  total: number;
  /** When these points expire (ISO), by the policy in effect at `now`; null: never. */
  expiresAt: string | null;
}

function isMemberDay(days: MemberDays, day: Date): boolean {
  switch (days.kind) {
    case 'none':
      return false;
    case 'weekdays':
      return days.days.includes(getISODay(day));
    case 'month-days':
      return days.days.includes(getDate(day));
    default:
      return assertNever(days, 'member days');
  }
}

/** Whether `at` falls in the birthday's day, week (Monday–Sunday) or month, of its solar date that year. */
export function inBirthdayWindow(birthday: Birthday, window: BirthdayWindow, at: Date): boolean {
  if (window === 'none') return false;
  const day = startOfDay(at);
  // Any occurrence whose month or week holds `day` lies within 31 days of it, and only one can.
  const occurrence = nextBirthdayOccurrence(birthday, subDays(day, 31));
  switch (window) {
    case 'day':
      return isSameDay(occurrence, day);
    case 'week':
      return startOfWeek(occurrence, { weekStartsOn: 1 }).getTime() === startOfWeek(day, { weekStartsOn: 1 }).getTime();
    case 'month':
      return isSameMonth(occurrence, day);
    default:
      return assertNever(window, 'birthday window');
  }
}

/** The expiry version in effect at `at`: the latest whose `from` is not after it (the earliest when all are later). */
export function expiryPolicyAt(rules: Pick<PointsRules, 'expiry'>, at: Date): ExpiryPolicy {
  const t = at.getTime();
  let chosen: ExpiryPolicyVersion | undefined;
  for (const v of rules.expiry) if (Date.parse(v.from) <= t && (!chosen || Date.parse(v.from) >= Date.parse(chosen.from))) chosen = v;
  chosen ??= rules.expiry[0];
  return chosen ?? { kind: 'never' };
}

/**
 * When points earned at `earnedAt` expire (ISO; the first moment they no longer count), by the policy
 * in effect then: local midnight after the last valid day, or null for never.
 */
export function batchExpiresAt(rules: Pick<PointsRules, 'expiry'>, earnedAt: Date): string | null {
  const policy = expiryPolicyAt(rules, earnedAt);
  switch (policy.kind) {
    case 'never':
      return null;
    case 'months':
      return addDays(startOfDay(addMonths(earnedAt, policy.months)), 1).toISOString();
    case 'end-of-next-year':
      return addYears(startOfYear(earnedAt), 2).toISOString();
    default:
      return assertNever(policy, 'expiry policy');
  }
}

/** The share of `paidFen` on lines that earn, the discount spread over the lines in proportion (rounded down). */
function eligibleShare(rules: PointsRules, lines: readonly PointsPurchaseLine[], paidFen: number): number {
  if (lines.length === 0) return paidFen;
  const cats = new Set(rules.excludedCategories.map(textKey));
  const prods = new Set(rules.excludedProducts.map(textKey));
  let all = 0;
  let earning = 0;
  for (const l of lines) {
    const amount = l.quantity * l.unitPriceFen;
    all += amount;
    if (!cats.has(textKey(l.category)) && !prods.has(textKey(l.product))) earning += amount;
  }
  if (all <= 0) return earning === all ? paidFen : 0;
  if (earning >= all) return paidFen;
  if (earning <= 0) return 0;
  return Number((BigInt(paidFen) * BigInt(earning)) / BigInt(all));
}

/**
 * The points a purchase earns, with the steps the UI words: the amount that earns, the base points,
 * each multiplier (and whether it applies), their combination, and the bonuses. Rules are read as
 * they are given: nothing depends on which of them was edited last. `now`: when the points are
 * earned (the expiry policy in effect then gives their expiry).
 */
export function pointsForPurchase(rules: PointsRules, purchase: PointsPurchaseFacts, customer: PointsCustomerFacts, now: Date): PointsEarning {
  const paidFen = Math.max(0, purchase.totalFen - Math.max(0, purchase.paidWithPointsFen));
  const eligibleFen = eligibleShare(rules, purchase.lines, paidFen);
  const base = roundDiv(BigInt(eligibleFen) * BigInt(rules.earn.points), BigInt(rules.earn.perFen), rules.earn.rounding);
  const day = new Date(purchase.purchasedAt);
  const multipliers: PointsEarning['multipliers'] = [];
  if (rules.tierMultiplier) multipliers.push({ source: 'tier', multiplier: customer.tierMultiplier, applies: true });
  if (rules.memberDay.days.kind !== 'none') {
    multipliers.push({ source: 'member-day', multiplier: rules.memberDay.multiplier, applies: isMemberDay(rules.memberDay.days, day) });
  }
  if (rules.birthday.window !== 'none' && customer.birthday !== null) {
    multipliers.push({ source: 'birthday', multiplier: rules.birthday.multiplier, applies: inBirthdayWindow(customer.birthday, rules.birthday.window, day) });
  }
  const applying = multipliers.filter((m) => m.applies).map((m) => toMilli(m.multiplier));
  let num = MILLI;
  let den = MILLI;
  if (applying.length > 0 && rules.combine === 'highest') num = applying.reduce((a, b) => (b > a ? b : a));
  else if (applying.length > 0) {
    num = applying.reduce((a, b) => a * b, 1n);
    den = MILLI ** BigInt(applying.length);
  }
  const earned = Number(roundDiv(base * num, den, rules.earn.rounding));
  const bonuses: PointsEarning['bonuses'] = [];
  if (customer.isFirstPurchase && rules.welcomeBonus > 0 && purchase.totalFen > 0) bonuses.push({ source: 'welcome', points: rules.welcomeBonus });
  return {
    paidFen,
    excludedFen: paidFen - eligibleFen,
    eligibleFen,
    base: Number(base),
    multipliers,
    combine: rules.combine,
    multiplier: Number(num) / Number(den),
    earned,
    bonuses,
    total: earned + bonuses.reduce((s, b) => s + b.points, 0),
    expiresAt: batchExpiresAt(rules, now),
  };
}

/** The ledger entries of an earning: the earned points (rule 'purchase') and each bonus, all linked to the purchase. */
export function earningEntries(earning: PointsEarning, ids: { customerId: string; purchaseId: string }, at: string, newId: () => string): PointsEntry[] {
  const out: PointsEntry[] = [];
  const common = { customerId: ids.customerId, purchaseId: ids.purchaseId, createdAt: at, expiresAt: earning.expiresAt };
  if (earning.earned > 0) out.push(pointsEntry({ ...common, kind: 'earn', points: earning.earned, rule: 'purchase' }, newId));
  for (const b of earning.bonuses) if (b.points > 0) out.push(pointsEntry({ ...common, kind: 'bonus', points: b.points, rule: b.source }, newId));
  return out;
}

// ---- birthday gift -----------------------------------------------------------------------------

/**
 * A rollover that did not run on the birthday (the shop closed, over the Spring Festival too) still gives the gift
 * on the first day it runs within this many days after; later, that birthday's gift is missed (a month late is no
 * birthday gift).
 */
export const BIRTHDAY_GIFT_GRACE_DAYS = 14;

/**
 * Two gifts are never closer than this: a birthday edited after its gift (4 Dec to 6 Dec) gives nothing again that
 * year, nor does a lunar birthday that falls twice in one solar year. Successive birthdays are at least 354 days
 * apart (a short lunar year), so no real one is refused.
 */
export const BIRTHDAY_GIFT_MIN_GAP_DAYS = 300;

const GIFT_PREFIX = 'birthday-gift:';

/**
 * The birthday gift due at `now`, or null: when the rules give one, the birthday (solar date that year; a lunar
 * birthday on its solar date, 29 February on the 28th in other years) was today or in the last
 * BIRTHDAY_GIFT_GRACE_DAYS days, the customer was already in the store that day (`customerSince`, ISO; absent:
 * not asked), and no birthday gift of theirs names a birthday within BIRTHDAY_GIFT_MIN_GAP_DAYS of this one
 * (the rule names the birthday: giving it is idempotent, whatever how often the rollover runs).
 */
export function birthdayGiftDue(
  rules: Pick<PointsRules, 'birthdayGift' | 'expiry'>,
  birthday: Birthday | null,
  entries: readonly Pick<PointsEntry, 'kind' | 'rule'>[],
  now: Date,
  customerSince?: string,
): { points: number; rule: `birthday-gift:${string}`; expiresAt: string | null } | null {
  if (rules.birthdayGift <= 0 || birthday === null) return null;
  const occurrence = nextBirthdayOccurrence(birthday, subDays(startOfDay(now), BIRTHDAY_GIFT_GRACE_DAYS));
  if (occurrence.getTime() > now.getTime()) return null;
  if (customerSince !== undefined && Date.parse(customerSince) >= addDays(occurrence, 1).getTime()) return null;
  for (const e of entries) {
    if (e.kind !== 'bonus' || e.rule === null || !e.rule.startsWith(GIFT_PREFIX)) continue;
    const given = parseISO(e.rule.slice(GIFT_PREFIX.length));
    if (Number.isFinite(given.getTime()) && Math.abs(differenceInCalendarDays(occurrence, given)) < BIRTHDAY_GIFT_MIN_GAP_DAYS) return null;
  }
  return { points: rules.birthdayGift, rule: `${GIFT_PREFIX}${format(occurrence, 'yyyy-MM-dd')}`, expiresAt: batchExpiresAt(rules, now) };
}

// ---- preview -----------------------------------------------------------------------------------

export type PreviewOccasion = 'ordinary-day' | 'member-day' | 'birthday' | 'first-purchase';

export interface PointsPreviewRow {
  amountFen: number;
  tierId: string;
  occasion: PreviewOccasion;
  /** The day the sample purchase is set on (ISO). */
  at: string;
  earning: PointsEarning;
}

/** The first day from `from` (up to a year on) that is or is not a member day; null when none. */
function findDay(days: MemberDays, from: Date, member: boolean): Date | null {
  for (let i = 0; i < 366; i++) {
    const d = addDays(startOfDay(from), i);
    if (isMemberDay(days, d) === member) return d;
  }
  return null;
}

/**
 * "A ¥268 purchase by a VIP on member day earns 804 points": for each tier and each sample amount, an
 * ordinary day, the next member day (when the rules have one), the customer's birthday (when the
 * birthday multiplies) and a first purchase (when there is a welcome bonus), all at noon on or after `now`.
 */
export function previewPointsRules(rules: PointsRules, scheme: Pick<TierScheme, 'tiers'>, now: Date, amountsFen: readonly number[] = [26_800]): PointsPreviewRow[] {
  const rows: PointsPreviewRow[] = [];
  const noon = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate(), 12);
  const ordinary = findDay(rules.memberDay.days, now, false) ?? startOfDay(now);
  const memberDay = rules.memberDay.days.kind === 'none' ? null : findDay(rules.memberDay.days, now, true);
  const occasions: { occasion: PreviewOccasion; day: Date }[] = [{ occasion: 'ordinary-day', day: ordinary }];
  if (memberDay) occasions.push({ occasion: 'member-day', day: memberDay });
  if (rules.birthday.window !== 'none') occasions.push({ occasion: 'birthday', day: ordinary });
  if (rules.welcomeBonus > 0) occasions.push({ occasion: 'first-purchase', day: ordinary });
  for (const amountFen of amountsFen) {
    for (const tier of scheme.tiers) {
      for (const { occasion, day } of occasions) {
        const at = noon(day);
        const birthday: Birthday | null = occasion === 'birthday' ? { calendar: 'solar', year: null, month: at.getMonth() + 1, day: at.getDate(), leapMonth: false } : null;
        const earning = pointsForPurchase(
          rules,
          { purchasedAt: at.toISOString(), lines: [], totalFen: amountFen, paidWithPointsFen: 0 },
          { tierId: tier.id, tierMultiplier: tier.benefits.pointsMultiplier, birthday, isFirstPurchase: occasion === 'first-purchase' },
          at,
        );
        rows.push({ amountFen, tierId: tier.id, occasion, at: at.toISOString(), earning });
      }
    }
  }
  return rows;
}
