// A customer's figures derived from their purchases: spent, visits, first/last purchase, gaps between visits.
import type { Purchase } from './purchase';
import { isReturn } from './purchase';

/**
 * The version of the rules that turn purchases into figures and status. Raised whenever a stored
 * figure would come out differently (2: a purchase returned in full is no visit; 3: the churn model's inputs
 * on every state row; 4: expected visits from both churn models, the stored fit holding the visits model), so a store saved by
 * an older app is recomputed at its next start instead of showing yesterday's rules until midnight.
 */
export const DERIVATION_RULES_VERSION = 4;

export interface CustomerFigures {
  /** Minor units: non-voided purchases less non-voided returns. May be negative (imported returns only). */
  totalSpentFen: number;
  /** Visits: non-voided purchases that are not returns and were not returned in full. */
  purchaseCount: number;
  /** ISO times of the first and last visit. */
  firstPurchaseAt: string | null;
  lastPurchaseAt: string | null;
  /** Days between visits (distinct purchase days), rounded to 0.1; null with fewer than two visit days. */
  averageGapDays: number | null;
  medianGapDays: number | null;
}

/** What the figures read of a purchase; the id ties returns to their original (a fully returned purchase is no visit). */
export type FigureInput = Pick<Purchase, 'id' | 'purchasedAt' | 'totalFen' | 'isVoided' | 'returnOf'>;

/** The calendar day 'yyyy-MM-dd' of an ISO time, in the time zone the caller chooses. */
export type DayOf = (iso: string) => string;

export const ZERO_FIGURES: Readonly<CustomerFigures> = Object.freeze({
  totalSpentFen: 0,
  purchaseCount: 0,
  firstPurchaseAt: null,
  lastPurchaseAt: null,
  averageGapDays: null,
  medianGapDays: null,
});

const DAY_MS = 86_400_000;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The local calendar day of an ISO time. Written with Date getters rather than date-fns format()
 * because a full recomputation calls it once per purchase (a million times); the test checks it
 * against format().
 */
export function localDayOf(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/**
 * `dayOf` that remembers each time's day, for one customer's derivation: it asks the day of every
 * purchase in several passes (figures, tier window, churn, spend trend, value at risk), and localDayOf
 * builds a Date each time.
 */
export function rememberingDayOf(dayOf: DayOf): DayOf {
  const days = new Map<string, string>();
  return (iso) => {
    let day = days.get(iso);
    if (day === undefined) {
      day = dayOf(iso);
      days.set(iso, day);
    }
    return day;
  };
}

/** The UTC calendar day, for callers that keep days in UTC (tests, imports without a zone). */
export const utcDayOf: DayOf = (iso) => iso.slice(0, 10);

/**
 * Whole days since 1970-01-01 of a 'yyyy-MM-dd' day. The difference of two is
 * differenceInCalendarDays of those days: calendar days counted in UTC have no DST hour to round away.
 */
export function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

const NO_IDS: ReadonlySet<string> = new Set();

/**
 * The ids of purchases whose non-voided returns give back their whole total (those returns that
 * `counts`, e.g. the ones dated up to a day). Such a purchase is no visit: it is not a purchase in any
 * count, nor a first, last or gap day; its money still nets to zero in every spend. A partial return
 * leaves the visit.
 */
export function fullyReturnedIds(purchases: readonly FigureInput[], counts?: (p: FigureInput) => boolean): ReadonlySet<string> {
  let given: Map<string, number> | null = null;
  for (const p of purchases) {
    if (p.returnOf === null || p.isVoided === 1 || (counts && !counts(p))) continue;
    given ??= new Map();
    given.set(p.returnOf, (given.get(p.returnOf) ?? 0) - p.totalFen);
  }
  if (given === null) return NO_IDS;
  const out = new Set<string>();
  for (const p of purchases) {
    if (p.isVoided === 1 || isReturn(p) || p.totalFen <= 0) continue;
    if ((given.get(p.id) ?? 0) >= p.totalFen) out.add(p.id);
  }
  return out;
}

/** A visit: a non-voided purchase that is not a return and was not wholly returned (fullyReturnedIds). */
export function isVisit(p: FigureInput, fullyReturned: ReadonlySet<string>): boolean {
  return p.isVoided === 0 && !isReturn(p) && !fullyReturned.has(p.id);
}

/**
 * Figures from all of one customer's purchases, in any order. Voided purchases are left out. Returns
 * (tied to an original, or any negative purchase) lower the total spent but are not purchases, so
 * they neither count nor move the first/last purchase or the gaps; nor does a purchase returned in
 * full (fullyReturnedIds), which is no visit.
 * Gaps are between visit days: several purchases on one day (as `dayOf` sees days) are one visit.
 * The median of an even number of gaps is the mean of the middle two; both figures are rounded to
 * one decimal, so incremental and full computation compare equal without float noise.
 * ISO times compare as strings because they are all in toISOString's fixed shape.
 */
export function computeCustomerFigures(purchases: readonly FigureInput[], dayOf: DayOf): CustomerFigures {
  let totalSpentFen = 0;
  let purchaseCount = 0;
  let first: string | null = null;
  let last: string | null = null;
  const days = new Set<string>();
  const fullyReturned = fullyReturnedIds(purchases);
  for (const p of purchases) {
    if (p.isVoided === 1) continue;
    totalSpentFen += p.totalFen;
    if (!isVisit(p, fullyReturned)) continue;
    purchaseCount += 1;
    if (first === null || p.purchasedAt < first) first = p.purchasedAt;
    if (last === null || p.purchasedAt > last) last = p.purchasedAt;
    days.add(dayOf(p.purchasedAt));
  }
  if (purchaseCount === 0) return { ...ZERO_FIGURES, totalSpentFen };

  let averageGapDays: number | null = null;
  let medianGapDays: number | null = null;
  if (days.size >= 2) {
    const numbers = [...days].map(dayNumber).sort((a, b) => a - b);
    const gaps = new Array<number>(numbers.length - 1);
    for (let i = 1; i < numbers.length; i++) gaps[i - 1] = numbers[i]! - numbers[i - 1]!;
    averageGapDays = round1((numbers[numbers.length - 1]! - numbers[0]!) / gaps.length);
    gaps.sort((a, b) => a - b);
    const mid = gaps.length >> 1;
    medianGapDays = gaps.length % 2 === 1 ? gaps[mid]! : round1((gaps[mid - 1]! + gaps[mid]!) / 2);
  }
  return { totalSpentFen, purchaseCount, firstPurchaseAt: first, lastPurchaseAt: last, averageGapDays, medianGapDays };
}

/** Purchases grouped by customer id, each group in input order. */
export function groupPurchasesByCustomer<T extends Pick<Purchase, 'customerId'>>(purchases: Iterable<T>): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const p of purchases) {
    const group = groups.get(p.customerId);
    if (group) group.push(p);
    else groups.set(p.customerId, [p]);
  }
  return groups;
}

export function sameFigures(a: CustomerFigures, b: CustomerFigures): boolean {
  return (
    a.totalSpentFen === b.totalSpentFen &&
    a.purchaseCount === b.purchaseCount &&
    a.firstPurchaseAt === b.firstPurchaseAt &&
    a.lastPurchaseAt === b.lastPurchaseAt &&
    a.averageGapDays === b.averageGapDays &&
    a.medianGapDays === b.medianGapDays
  );
}

/** The figures as stored on the customer, with the list's sort key ('' when none: IndexedDB does not index null). */
export function customerFigureFields(f: CustomerFigures): CustomerFigures & { lastPurchaseSort: string } {
  return {
    totalSpentFen: f.totalSpentFen,
    purchaseCount: f.purchaseCount,
    firstPurchaseAt: f.firstPurchaseAt,
    lastPurchaseAt: f.lastPurchaseAt,
    averageGapDays: f.averageGapDays,
    medianGapDays: f.medianGapDays,
    lastPurchaseSort: f.lastPurchaseAt ?? '',
  };
}

/** The stored figures of a customer record. */
export function figuresOf(c: CustomerFigures): CustomerFigures {
  const { lastPurchaseSort: _ignored, ...figures } = customerFigureFields(c);
  return figures;
}
