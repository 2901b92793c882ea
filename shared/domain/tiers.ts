// Customer tiers by thresholds the owner sets: the rules, their validation, who qualifies for what,
// and when a tier actually changes (upgrades at once, downgrades only at the review date).
import { err, ok, type Result } from '../result';
import { dayNumber, fullyReturnedIds, isVisit, utcDayOf, type DayOf, type FigureInput } from './customerFigures';
import { isIntIn, isNumberIn } from './ranges';

/** A tier name in the app's three languages (the defaults), or one text the owner typed. */
export type TierName = { 'zh-CN': string; 'zh-TW': string; en: string } | string;

export interface TierBenefits {
  /** 0–100, may have decimals (e.g. 12.5). */
  discountPercent: number;
  /** > 0; 1 means ordinary points. */
  pointsMultiplier: number;
  /** Whole days between planned contacts. */
  contactCadenceDays: number;
}

export interface TierRule {
  id: string;
  name: TierName;
  /** Minor units spent in the window (purchases less returns) needed for this tier. */
  minSpendFen: number;
  /** Purchases (not returns, not voided) in the window needed for this tier. */
  minPurchases: number;
  /** null: no recency requirement; otherwise the last purchase must be at most this many days ago. */
  maxDaysSinceLastPurchase: number | null;
  benefits: TierBenefits;
}

export interface TierScheme {
  kind: 'thresholds';
  /** Rolling window the spend and purchase count are taken over. Default 12. */
  windowMonths: number;
  /** Highest first. The last tier is the floor: no thresholds, everyone qualifies. */
  tiers: TierRule[];
  /** Months between reviews, when downgrades take effect. Default 3. */
  reviewEveryMonths: number;
}

/** What qualifyingTier looks at, for one customer at one day. */
export interface TierWindowFigures {
  /** Minor units: non-voided purchases less non-voided returns dated inside the window. */
  spendFen: number;
  /** Visits (non-voided, non-return, not returned in full) dated inside the window. */
  purchaseCount: number;
  /** Days from the last visit (ever, not only in the window) to asOf; null with none. */
  daysSinceLast: number | null;
}

export const TIER_LIMITS = {
  maxTiers: 10,
  maxIdLength: 40,
  maxNameLength: 30,
  maxWindowMonths: 120,
  maxReviewEveryMonths: 24,
  maxDays: 3650,
  maxPointsMultiplier: 100,
  maxSpendFen: 99_999_999_999,
  maxPurchases: 100_000,
} as const;

export const DEFAULT_TIER_SCHEME: Readonly<TierScheme> = Object.freeze({
  kind: 'thresholds',
  windowMonths: 12,
  reviewEveryMonths: 3,
  tiers: [
    {
      id: 'vip',
      name: { 'zh-CN': '贵宾', 'zh-TW': '貴賓', en: 'VIP' },
      minSpendFen: 500_000, // ¥5,000 in the last 12 months
      minPurchases: 6,
      maxDaysSinceLastPurchase: 180,
      benefits: { discountPercent: 10, pointsMultiplier: 2, contactCadenceDays: 30 },
    },
    {
      id: 'regular',
      name: { 'zh-CN': '普通', 'zh-TW': '普通', en: 'Regular' },
      minSpendFen: 100_000, // ¥1,000
      minPurchases: 2,
      maxDaysSinceLastPurchase: null,
      benefits: { discountPercent: 5, pointsMultiplier: 1.5, contactCadenceDays: 90 },
    },
    {
      id: 'potential',
      name: { 'zh-CN': '潜在', 'zh-TW': '潛在', en: 'Potential' },
      minSpendFen: 0,
      minPurchases: 0,
      maxDaysSinceLastPurchase: null,
      benefits: { discountPercent: 0, pointsMultiplier: 1, contactCadenceDays: 180 },
    },
  ],
} satisfies TierScheme);

export const TIER_SCHEME_ERRORS = [
  'scheme-kind-invalid',
  'window-invalid',
  'review-invalid',
  'tiers-empty',
  'too-many-tiers',
  'tier-id-invalid',
  'tier-id-duplicate',
  'tier-name-empty',
  'tier-name-too-long',
  'threshold-invalid',
  'benefit-invalid',
  /** The last tier must have no thresholds (0, 0, null) so that every customer has a tier. */
  'floor-not-open',
  /** A tier may not be laxer than the tier below it on any threshold. */
  'tiers-not-ordered',
] as const;
export type TierSchemeError = (typeof TIER_SCHEME_ERRORS)[number];

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const chars = (s: string) => [...s].length;

function cleanName(name: TierName): TierName {
  return typeof name === 'string' ? clean(name) : { 'zh-CN': clean(name['zh-CN']), 'zh-TW': clean(name['zh-TW']), en: clean(name.en) };
}

function nameTexts(name: TierName): string[] {
  return typeof name === 'string' ? [name] : [name['zh-CN'], name['zh-TW'], name.en];
}

/** Discount 0–100 %, a positive points multiplier up to the limit, a cadence of whole days. */
export function isValidTierBenefits(b: unknown): b is TierBenefits {
  if (typeof b !== 'object' || b === null) return false;
  const v = b as Partial<TierBenefits>;
  return (
    isNumberIn(v.discountPercent, 0, 100) &&
    isNumberIn(v.pointsMultiplier, Number.MIN_VALUE, TIER_LIMITS.maxPointsMultiplier) &&
    isIntIn(v.contactCadenceDays, 1, TIER_LIMITS.maxDays)
  );
}

/** The name to show in a locale: the owner's own text as typed, or the locale's default. */
export function tierName(rule: Pick<TierRule, 'name'>, locale: 'zh-CN' | 'zh-TW' | 'en'): string {
  return typeof rule.name === 'string' ? rule.name : rule.name[locale];
}

/**
 * Checks a scheme the owner edited. On success, gives it back with names whitespace-trimmed.
 * On failure, every distinct problem found, in TIER_SCHEME_ERRORS order.
 */
export function validateTierScheme(s: TierScheme): Result<TierScheme, TierSchemeError[]> {
  const found = new Set<TierSchemeError>();
  if (s.kind !== 'thresholds') found.add('scheme-kind-invalid');
  if (!isIntIn(s.windowMonths, 1, TIER_LIMITS.maxWindowMonths)) found.add('window-invalid');
  if (!isIntIn(s.reviewEveryMonths, 1, TIER_LIMITS.maxReviewEveryMonths)) found.add('review-invalid');
  const tiers = Array.isArray(s.tiers) ? s.tiers.map((t) => ({ ...t, id: typeof t.id === 'string' ? t.id.trim() : t.id, name: cleanName(t.name) })) : [];
  if (tiers.length === 0) found.add('tiers-empty');
  if (tiers.length > TIER_LIMITS.maxTiers) found.add('too-many-tiers');

  const ids = new Set<string>();
  for (const t of tiers) {
    if (typeof t.id !== 'string' || t.id === '' || chars(t.id) > TIER_LIMITS.maxIdLength) found.add('tier-id-invalid');
    else if (ids.has(t.id)) found.add('tier-id-duplicate');
    else ids.add(t.id);
    const texts = nameTexts(t.name);
    if (texts.some((x) => x === '')) found.add('tier-name-empty');
    if (texts.some((x) => chars(x) > TIER_LIMITS.maxNameLength)) found.add('tier-name-too-long');
    if (
      !isIntIn(t.minSpendFen, 0, TIER_LIMITS.maxSpendFen) ||
      !isIntIn(t.minPurchases, 0, TIER_LIMITS.maxPurchases) ||
      !(t.maxDaysSinceLastPurchase === null || isIntIn(t.maxDaysSinceLastPurchase, 0, TIER_LIMITS.maxDays))
    ) {
      found.add('threshold-invalid');
    }
    if (!isValidTierBenefits(t.benefits)) found.add('benefit-invalid');
  }
  const floor = tiers[tiers.length - 1];
  if (floor && (floor.minSpendFen !== 0 || floor.minPurchases !== 0 || floor.maxDaysSinceLastPurchase !== null)) found.add('floor-not-open');
  if (!found.has('threshold-invalid')) {
    for (let i = 0; i + 1 < tiers.length; i++) {
      const hi = tiers[i]!;
      const lo = tiers[i + 1]!;
      const hiDays = hi.maxDaysSinceLastPurchase ?? Infinity;
      const loDays = lo.maxDaysSinceLastPurchase ?? Infinity;
      if (hi.minSpendFen < lo.minSpendFen || hi.minPurchases < lo.minPurchases || hiDays > loDays) found.add('tiers-not-ordered');
    }
  }
  if (found.size > 0) return err(TIER_SCHEME_ERRORS.filter((c) => found.has(c)));
  return ok({ kind: 'thresholds', windowMonths: s.windowMonths, reviewEveryMonths: s.reviewEveryMonths, tiers });
}

// ---- calendar days ------------------------------------------------------------------------------

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const daysInMonth = (y: number, m1: number) => new Date(Date.UTC(y, m1, 0)).getUTCDate();

/**
 * The 'yyyy-MM-dd' day `months` calendar months after `day` (negative: before), the day of month
 * clamped to the target month's length, as date-fns addMonths does: 2024-02-29 − 12 months → 2023-02-28.
 */
export function addMonthsToDay(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m0 = Number(day.slice(5, 7)) - 1 + months;
  const ty = y + Math.floor(m0 / 12);
  const tm1 = (((m0 % 12) + 12) % 12) + 1;
  const d = Math.min(Number(day.slice(8, 10)), daysInMonth(ty, tm1));
  return `${String(ty).padStart(4, '0')}-${pad2(tm1)}-${pad2(d)}`;
}

/**
 * The first day inside a rolling window of `windowMonths` ending on `asOf` (inclusive):
 * the day after asOf − windowMonths. asOf 2025-02-28, 12 months → 2024-02-29 (the leap day is in);
 * asOf 2025-03-01 → 2024-03-02; asOf 2024-02-29 → 2023-03-01.
 */
export function windowStartDay(asOf: string, windowMonths: number): string {
  const before = addMonthsToDay(asOf, -windowMonths);
  const n = dayNumber(before) + 1;
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Spend in the rolling window [windowStartDay(asOf), asOf], by calendar day as `dayOf` sees it
 * (UTC by default; pass localDayOf for the store's zone). Voided purchases and voided returns are
 * left out; non-voided returns dated in the window subtract (a return of a purchase from before the
 * window still subtracts: the money went back inside it). Purchases after asOf are left out.
 * Integer minor units; may be negative.
 */
export function spendInWindow(purchases: readonly FigureInput[], asOf: string, windowMonths: number, dayOf: DayOf = utcDayOf): number {
  return tierWindowFigures(purchases, asOf, windowMonths, dayOf).spendFen;
}

/** Everything qualifyingTier needs for one customer: spendInWindow, purchases in the window, days since the last. */
export function tierWindowFigures(purchases: readonly FigureInput[], asOf: string, windowMonths: number, dayOf: DayOf = utcDayOf): TierWindowFigures {
  const start = windowStartDay(asOf, windowMonths);
  let spendFen = 0;
  let purchaseCount = 0;
  let lastDay: string | null = null;
  // Returned in full by asOf: no visit then (a return dated later did not exist yet).
  const fullyReturned = fullyReturnedIds(purchases, (r) => dayOf(r.purchasedAt) <= asOf);
  for (const p of purchases) {
    if (p.isVoided === 1) continue;
    const day = dayOf(p.purchasedAt);
    if (day > asOf) continue;
    const inWindow = day >= start;
    if (inWindow) spendFen += p.totalFen;
    if (!isVisit(p, fullyReturned)) continue;
    if (inWindow) purchaseCount += 1;
    if (lastDay === null || day > lastDay) lastDay = day;
  }
  return { spendFen, purchaseCount, daysSinceLast: lastDay === null ? null : dayNumber(asOf) - dayNumber(lastDay) };
}

function meets(t: TierRule, f: TierWindowFigures): boolean {
  if (f.spendFen < t.minSpendFen || f.purchaseCount < t.minPurchases) return false;
  if (t.maxDaysSinceLastPurchase === null) return true;
  return f.daysSinceLast !== null && f.daysSinceLast <= t.maxDaysSinceLastPurchase;
}

/**
 * The highest tier whose every threshold the figures meet (spend ≥, purchases ≥, and days since the
 * last purchase ≤ when the tier sets one; a customer with no purchase never meets a recency threshold).
 * The last tier when none is met, so a valid scheme always gives a tier.
 */
export function qualifyingTier(scheme: Pick<TierScheme, 'tiers'>, windowFigures: TierWindowFigures): string {
  for (const t of scheme.tiers) if (meets(t, windowFigures)) return t.id;
  const floor = scheme.tiers[scheme.tiers.length - 1];
  if (!floor) throw new TypeError('a tier scheme needs at least one tier');
  return floor.id;
}

export const TIER_CHANGES = ['upgrade', 'downgrade', 'none', 'downgrade-pending'] as const;
export type TierChange = (typeof TIER_CHANGES)[number];

export const TIER_REASON_CODES = [
  /** No tier yet: the qualifying tier applies at once (change 'upgrade', params.from ''). */
  'tier-assigned',
  /** The current tier was removed from the scheme: the qualifying tier applies at once ('downgrade' to the floor, else 'upgrade'). */
  'tier-removed',
  /** Qualifies for a higher tier: applies at once. */
  'tier-upgrade',
  /** Still qualifies for the current tier. */
  'tier-kept',
  /** Qualifies only for a lower tier and the review is due: applies. */
  'tier-downgrade',
  /** Qualifies only for a lower tier; keeps the current tier until the review. */
  'tier-downgrade-pending',
  /** A mistaken purchase was corrected (params.cause): the upgrade it alone caused is taken back at once. */
  'tier-corrected',
  /** RFM grouping: the scores put the customer in another group (params r, f, m). */
  'rfm-scored',
  /** RFM grouping: still in the same group. */
  'rfm-kept',
] as const;
export type TierReasonCode = (typeof TIER_REASON_CODES)[number];

export interface TierDecision {
  /** The tier the customer holds after this decision; for 'downgrade-pending' the would-be tier (the current one stays). */
  next: string;
  change: TierChange;
  reason: { code: TierReasonCode; params: Record<string, number | string> };
}

/**
 * Whether the tier changes. Upgrades (and a first assignment, and a move off a removed tier) apply at
 * once; a downgrade applies only when reviewDue, otherwise it is 'downgrade-pending' with `next` the
 * tier the customer would move to, so the review screen can list it. `params` always hold from, to,
 * asOf and windowMonths, plus the thresholds of the tier the reason is about (minSpendFen,
 * minPurchases, maxDays: -1 when that tier sets none) and, when `figures` are passed, the customer's
 * spendFen, purchaseCount and daysSinceLast (-1 with no purchase).
 */
export function decideTierChange(input: {
  current: string | null;
  qualifying: string;
  scheme: TierScheme;
  asOf: string;
  reviewDue: boolean;
  figures?: TierWindowFigures;
}): TierDecision {
  const { current, qualifying, scheme, asOf, reviewDue, figures } = input;
  const rank = (id: string | null) => (id === null ? -1 : scheme.tiers.findIndex((t) => t.id === id));
  const q = rank(qualifying);
  if (q < 0) throw new TypeError(`qualifying tier ${qualifying} is not in the scheme`);
  const c = rank(current);
  const params = (about: string) => reasonParams(scheme, { from: current ?? '', to: qualifying, about, asOf, figures });
  if (current === null) return { next: qualifying, change: 'upgrade', reason: { code: 'tier-assigned', params: params(qualifying) } };
  if (c < 0) {
    return { next: qualifying, change: q === scheme.tiers.length - 1 ? 'downgrade' : 'upgrade', reason: { code: 'tier-removed', params: params(qualifying) } };
  }
  if (q === c) return { next: current, change: 'none', reason: { code: 'tier-kept', params: params(current) } };
  if (q < c) return { next: qualifying, change: 'upgrade', reason: { code: 'tier-upgrade', params: params(qualifying) } };
  // A downgrade's reason is the current tier's thresholds, the ones no longer met.
  if (reviewDue) return { next: qualifying, change: 'downgrade', reason: { code: 'tier-downgrade', params: params(current) } };
  return { next: qualifying, change: 'downgrade-pending', reason: { code: 'tier-downgrade-pending', params: params(current) } };
}

/** from, to, asOf, windowMonths, the thresholds of the tier `about` (maxDays -1 when none), and the figures when given. */
function reasonParams(
  scheme: TierScheme,
  p: { from: string; to: string; about: string; asOf: string; figures: TierWindowFigures | undefined },
): Record<string, number | string> {
  const t = scheme.tiers.find((x) => x.id === p.about)!;
  const out: Record<string, number | string> = {
    from: p.from,
    to: p.to,
    asOf: p.asOf,
    windowMonths: scheme.windowMonths,
    minSpendFen: t.minSpendFen,
    minPurchases: t.minPurchases,
    maxDays: t.maxDaysSinceLastPurchase ?? -1,
  };
  if (p.figures) {
    out.spendFen = p.figures.spendFen;
    out.purchaseCount = p.figures.purchaseCount;
    out.daysSinceLast = p.figures.daysSinceLast ?? -1;
  }
  return out;
}

/**
 * A correction's decision (a mistaken purchase voided, lowered, moved away or undone): the customer
 * goes back at once to the higher of `corrected` (the tier they would hold had the mistake never been,
 * tierBeforeMistake) and the tier they qualify for now, and only ever down. null when the held tier
 * stands (or a tier is not in the scheme). The reason, 'tier-corrected', holds the thresholds and
 * figures of the tier moved to and the cause; a further drop is left to decideTierChange (pending).
 */
export function decideCorrection(input: {
  current: string;
  qualifying: string;
  corrected: string;
  cause: string;
  scheme: TierScheme;
  asOf: string;
  figures?: TierWindowFigures;
}): TierDecision | null {
  const { current, qualifying, corrected, scheme } = input;
  const rank = (id: string) => scheme.tiers.findIndex((t) => t.id === id);
  const c = rank(current);
  const q = rank(qualifying);
  const k = rank(corrected);
  if (c < 0 || q < 0 || k < 0) return null;
  const target = Math.min(q, k);
  if (target <= c) return null;
  const to = scheme.tiers[target]!.id;
  const params = reasonParams(scheme, { from: current, to, about: to, asOf: input.asOf, figures: input.figures });
  return { next: to, change: 'downgrade', reason: { code: 'tier-corrected', params: { ...params, cause: input.cause } } };
}

/** The review after one on `lastReview` ('yyyy-MM-dd'), `everyMonths` later (day clamped: Nov 30 + 3 → Feb 28/29). */
export function nextReviewDate(lastReview: string, everyMonths: number): string {
  return addMonthsToDay(lastReview, everyMonths);
}

/** Whether downgrades apply on `asOf`: never reviewed yet, or the next review date has come. */
export function isReviewDue(lastReview: string | null, everyMonths: number, asOf: string): boolean {
  return lastReview === null || asOf >= nextReviewDate(lastReview, everyMonths);
}

/**
 * How many customers each tier would hold under `scheme` (the live preview while editing rules).
 * Every tier id is a key, 0 when empty.
 */
export function tierDistribution(scheme: Pick<TierScheme, 'tiers'>, customersWindowFigures: readonly TierWindowFigures[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of scheme.tiers) counts[t.id] = 0;
  for (const f of customersWindowFigures) {
    const id = qualifyingTier(scheme, f);
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}
