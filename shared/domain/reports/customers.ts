// Customer figures per period: new against returning, repurchase, bought again, churn by the lifecycle rules, cohort retention, visit frequency.
import { medianOfAscending } from '../churn';
import { dayNumber } from '../customerFigures';
import { DEFAULT_LIFECYCLE_RULES, isChurnedAfter, type LifecycleRules } from '../lifecycle';
import { addMonthsToMonth, addPeriods, monthOfDay, monthsBetween, periodEnd, periodOf, periodsBetween, periodStart, share, type ReportGrain } from './periods';

/** Each customer's visit days, 'yyyy-MM-dd' ascending, each once (visitDaysByCustomer). */
export type VisitDays = ReadonlyMap<string, readonly string[]>;

export interface NewReturningRow {
  period: string;
  /** Customers whose first visit ever is in the period. */
  newCustomers: number;
  /** Customers with a visit in the period whose first visit was before it. */
  returning: number;
  /** newCustomers + returning: every customer with a visit in the period. */
  active: number;
}

/** The distinct periods of a customer's visit days within [fromDay, toDay]. */
function periodsVisited(days: readonly string[], fromDay: string, toDay: string, grain: ReportGrain): Set<string> {
  const out = new Set<string>();
  for (const d of days) if (d >= fromDay && d <= toDay) out.add(periodOf(d, grain));
  return out;
}

function rowsFor<T>(fromDay: string, toDay: string, grain: ReportGrain, make: (period: string) => T): Map<string, T> {
  return new Map(periodsBetween(fromDay, toDay, grain).map((p) => [p, make(p)]));
}

/** New against returning customers per period of [fromDay, toDay]. */
export function newVsReturning(visits: VisitDays, fromDay: string, toDay: string, grain: ReportGrain): NewReturningRow[] {
  const rows = rowsFor(fromDay, toDay, grain, (period) => ({ period, newCustomers: 0, returning: 0, active: 0 }));
  for (const days of visits.values()) {
    if (days.length === 0) continue;
    const firstPeriod = periodOf(days[0]!, grain);
    for (const period of periodsVisited(days, fromDay, toDay, grain)) {
      const row = rows.get(period)!;
      row.active += 1;
      if (period === firstPeriod) row.newCustomers += 1;
      else row.returning += 1;
    }
  }
  return [...rows.values()];
}

export const REPURCHASE_WINDOW_DAYS = 90;

export interface RepurchaseRow {
  period: string;
  /** Customers whose first visit is in the period. */
  firstTimers: number;
  /** Of them, those whose second visit day came within the window after the first (by asOfDay). */
  repeated: number;
  /** Of them, those who have not come back yet while their window is still open on asOfDay: left out of the rate. */
  pending: number;
  /** repeated ÷ (firstTimers − pending), 0–1; null when none is decided. */
  rate: number | null;
}

/**
 * The repurchase rate of the customers who first came in each period: the share with a second visit within
 * `withinDays` days of their first (a second visit on another day: two purchases on the first day are one visit).
 * A customer whose window has not closed by asOfDay and who has not come back yet is pending, not counted as lost.
 */
export function repurchaseRate(visits: VisitDays, fromDay: string, toDay: string, grain: ReportGrain, asOfDay: string, withinDays = REPURCHASE_WINDOW_DAYS): RepurchaseRow[] {
  const rows = rowsFor(fromDay, toDay, grain, (period) => ({ period, firstTimers: 0, repeated: 0, pending: 0, rate: null as number | null }));
  const today = dayNumber(asOfDay);
  for (const days of visits.values()) {
    const first = days[0];
    if (first === undefined || first < fromDay || first > toDay) continue;
    const row = rows.get(periodOf(first, grain))!;
    row.firstTimers += 1;
    const second = days[1];
    const start = dayNumber(first);
    if (second !== undefined && second <= asOfDay && dayNumber(second) - start <= withinDays) row.repeated += 1;
    else if (today - start < withinDays) row.pending += 1;
  }
  for (const row of rows.values()) row.rate = share(row.repeated, row.firstTimers - row.pending);
  return [...rows.values()];
}

export interface BoughtAgainRow {
  period: string;
  /** Customers with a visit in the period before. */
  previousCustomers: number;
  /** Of them, those with a visit in this period too. */
  boughtAgain: number;
  /** boughtAgain ÷ previousCustomers, 0–1; null when the period before had none. */
  share: number | null;
}

/** The share of the period before's customers who bought again in each period of [fromDay, toDay]. */
export function boughtAgain(visits: VisitDays, fromDay: string, toDay: string, grain: ReportGrain): BoughtAgainRow[] {
  const rows = rowsFor(fromDay, toDay, grain, (period) => ({ period, previousCustomers: 0, boughtAgain: 0, share: null as number | null }));
  const from = periodStart(addPeriods(periodOf(fromDay, grain), grain, -1), grain);
  const rowAfter = new Map([...rows.values()].map((row) => [addPeriods(row.period, grain, -1), row]));
  for (const days of visits.values()) {
    const visited = periodsVisited(days, from, toDay, grain);
    for (const period of visited) {
      const next = rowAfter.get(period);
      if (!next) continue;
      next.previousCustomers += 1;
      if (visited.has(next.period)) next.boughtAgain += 1;
    }
  }
  for (const row of rows.values()) row.share = share(row.boughtAgain, row.previousCustomers);
  return [...rows.values()];
}

export interface CohortRow {
  /** 'yyyy-MM' of the cohort's first visits. */
  cohort: string;
  customers: number;
  /** active[k]: customers of the cohort with a visit in the k-th month after the first (active[0] = customers), up to asOf's month. */
  active: number[];
  /** active[k] ÷ customers, 0–1. */
  shares: number[];
}

/** Cohort retention: customers by the month of their first visit, from fromMonth to asOfDay's month, and who still came in each later month. */
export function cohortRetention(visits: VisitDays, fromMonth: string, asOfDay: string): CohortRow[] {
  const lastMonth = monthOfDay(asOfDay);
  const rows = new Map<string, CohortRow>();
  for (let m = fromMonth; m <= lastMonth; m = addMonthsToMonth(m, 1)) rows.set(m, { cohort: m, customers: 0, active: new Array<number>(monthsBetween(m, lastMonth) + 1).fill(0), shares: [] });
  for (const days of visits.values()) {
    const first = days[0];
    if (first === undefined) continue;
    const row = rows.get(monthOfDay(first));
    if (!row) continue;
    row.customers += 1;
    const seen = new Set<number>();
    for (const d of days) {
      if (d > asOfDay) break;
      const k = monthsBetween(row.cohort, monthOfDay(d));
      if (!seen.has(k)) {
        seen.add(k);
        row.active[k] = (row.active[k] ?? 0) + 1;
      }
    }
  }
  for (const row of rows.values()) row.shares = row.active.map((n) => (row.customers === 0 ? 0 : n / row.customers));
  return [...rows.values()];
}

/** A bucket of the visit-frequency distribution: customers with min..max visits (max null: and more). */
export interface FrequencyBucket {
  min: number;
  max: number | null;
  customers: number;
}

/** The default buckets' lower bounds: 1, 2, 3, 4, 5–9, 10 and more. */
export const FREQUENCY_BUCKET_STARTS: readonly number[] = [1, 2, 3, 4, 5, 10];

/** Each customer's visits (purchases) on each of their visit days, in the order of their VisitDays. */
export type VisitPurchases = ReadonlyMap<string, readonly number[]>;

/** Customers by their number of visits in the months [fromMonth, toMonth], from the visit days and each day's visits (what the reports worker keeps); customers without one are not counted. */
export function visitFrequencyOfDays(visits: VisitDays, purchases: VisitPurchases, fromMonth: string, toMonth: string, starts: readonly number[] = FREQUENCY_BUCKET_STARTS): FrequencyBucket[] {
  const fromDay = `${fromMonth}-01`;
  const toDay = periodEnd(toMonth, 'month');
  const counts: number[] = [];
  for (const [id, days] of visits) {
    const perDay = purchases.get(id);
    let n = 0;
    days.forEach((d, i) => {
      if (d >= fromDay && d <= toDay) n += perDay?.[i] ?? 0;
    });
    if (n > 0) counts.push(n);
  }
  return frequencyBuckets(counts, starts);
}

/** Customers by their visits in the window, into the buckets starting at `starts`. */
function frequencyBuckets(perCustomer: Iterable<number>, starts: readonly number[]): FrequencyBucket[] {
  const buckets: FrequencyBucket[] = starts.map((min, i) => ({ min, max: i + 1 < starts.length ? starts[i + 1]! - 1 : null, customers: 0 }));
  for (const n of perCustomer) {
    for (let i = buckets.length - 1; i >= 0; i--) {
      if (n >= buckets[i]!.min) {
        buckets[i]!.customers += 1;
        break;
      }
    }
  }
  return buckets;
}

export interface ChurnMonthRow {
  month: string;
  /** Customers who had bought by the end of the month before and were not churned then. */
  base: number;
  /** Of them, those churned at this month's end. */
  churned: number;
  /** churned ÷ base, 0–1; null when the base is 0. */
  rate: number | null;
  /** Customers churned at the end of the month before who came in this month. */
  cameBack: number;
  /** Customers churned at this month's end, all told. */
  churnedAtEnd: number;
}

/** A customer at each of a series of days: their last visit by then, and whether they were churned then (null: no visit yet). */
export interface ChurnTrack {
  lastVisit: (string | null)[];
  churned: (boolean | null)[];
}

/**
 * Every customer at each of `ends` in flat arrays (customer c at end e is at c * ends.length + e): the index of
 * their last visit day by then (-1: none yet), and whether they were churned then (1, 0; -1: no visit yet).
 */
interface ChurnTable {
  ids: string[];
  days: (readonly string[])[];
  lastIndex: Int32Array;
  churned: Int8Array;
}

/** `value` into the ascending `sorted`, in place. */
function insertAscending(sorted: number[], value: number): void {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  sorted.splice(lo, 0, value);
}

/**
 * isChurned for every customer at every end, in numbers: a million customer-months at 100,000 customers, so no
 * dates or arrays per customer-month. The customer's median gap and the store's median of those are each taken
 * from the visits up to that day, by the same median as storeMedianGap (medianOfAscending).
 */
function churnTable(visits: VisitDays, ends: readonly string[], rules: LifecycleRules): ChurnTable {
  const endCount = ends.length;
  const size = visits.size * endCount;
  const ids: string[] = [];
  const days: (readonly string[])[] = [];
  const lastIndex = new Int32Array(size);
  const lastNumber = new Int32Array(size);
  const median = new Float64Array(size);
  const storeGaps = ends.map(() => new Float64Array(visits.size));
  const storeGapCount = new Int32Array(endCount);
  const gaps: number[] = [];
  let c = 0;
  for (const [id, list] of visits) {
    ids.push(id);
    days.push(list);
    gaps.length = 0;
    let m = NaN;
    let i = 0;
    let previous = NaN;
    for (let e = 0; e < endCount; e++) {
      const seen = i;
      for (; i < list.length && list[i]! <= ends[e]!; i++) {
        const n = dayNumber(list[i]!);
        if (i > 0 && n > previous) insertAscending(gaps, n - previous);
        previous = n;
      }
      if (i !== seen) m = medianOfAscending(gaps) ?? NaN;
      const k = c * endCount + e;
      lastIndex[k] = i - 1;
      lastNumber[k] = i === 0 ? 0 : previous;
      median[k] = m;
      if (!Number.isNaN(m)) storeGaps[e]![storeGapCount[e]!++] = m;
    }
    c++;
  }
  const storeMedians = storeGaps.map((g, e) => medianOfAscending(g.subarray(0, storeGapCount[e]).sort()));
  const endNumbers = ends.map(dayNumber);
  const churned = new Int8Array(size);
  for (let k = 0; k < size; k++) {
    const e = k % endCount;
    if (lastIndex[k]! < 0) churned[k] = -1;
    else churned[k] = isChurnedAfter(endNumbers[e]! - lastNumber[k]!, Number.isNaN(median[k]!) ? storeMedians[e]! : median[k]!, rules) ? 1 : 0;
  }
  return { ids, days, lastIndex, churned };
}

/**
 * Whether each customer is churned (lifecycle isChurned: the customer's median gap and the store's median of those,
 * each from the visits up to that day) at each of `ends` (ascending days).
 */
export function churnedAt(visits: VisitDays, ends: readonly string[], rules: LifecycleRules = DEFAULT_LIFECYCLE_RULES): Map<string, ChurnTrack> {
  const table = churnTable(visits, ends, rules);
  const out = new Map<string, ChurnTrack>();
  table.ids.forEach((id, c) => {
    const lastVisit: (string | null)[] = [];
    const churned: (boolean | null)[] = [];
    for (let e = 0; e < ends.length; e++) {
      const k = c * ends.length + e;
      lastVisit.push(table.lastIndex[k]! < 0 ? null : table.days[c]![table.lastIndex[k]!]!);
      churned.push(table.churned[k]! < 0 ? null : table.churned[k] === 1);
    }
    out.set(id, { lastVisit, churned });
  });
  return out;
}

/**
 * Churn per month of [fromMonth, toMonth] by the lifecycle rules, judged at each month's last day (asOfDay for the
 * month holding it): who was churned then, against the end of the month before.
 */
export function churnByMonth(visits: VisitDays, fromMonth: string, toMonth: string, asOfDay: string, rules: LifecycleRules = DEFAULT_LIFECYCLE_RULES): ChurnMonthRow[] {
  const months: string[] = [];
  for (let m = fromMonth; m <= toMonth && m <= monthOfDay(asOfDay); m = addMonthsToMonth(m, 1)) months.push(m);
  const endOf = (m: string) => {
    const end = periodEnd(m, 'month');
    return end < asOfDay ? end : asOfDay;
  };
  const ends = [periodEnd(addMonthsToMonth(fromMonth, -1), 'month'), ...months.map(endOf)];
  const { ids, lastIndex, churned } = churnTable(visits, ends, rules);
  const rows: ChurnMonthRow[] = months.map((month) => ({ month, base: 0, churned: 0, rate: null, cameBack: 0, churnedAtEnd: 0 }));
  for (let c = 0; c < ids.length; c++) {
    const at = c * ends.length;
    rows.forEach((row, k) => {
      const before = churned[at + k];
      const after = churned[at + k + 1];
      if (after === 1) row.churnedAtEnd += 1;
      if (before === 0) {
        row.base += 1;
        if (after === 1) row.churned += 1;
      } else if (before === 1 && lastIndex[at + k + 1] !== lastIndex[at + k]) row.cameBack += 1;
    });
  }
  for (const row of rows) row.rate = share(row.churned, row.base);
  return rows;
}

/** A window's customer figures in one line: customers with a visit in [fromDay, toDay], new and returning, and the 90-day repurchase of those new. */
export function customersSummary(visits: VisitDays, fromDay: string, toDay: string, asOfDay: string, withinDays = REPURCHASE_WINDOW_DAYS) {
  let active = 0;
  let newCustomers = 0;
  for (const days of visits.values()) {
    const first = days[0];
    if (first === undefined || first > toDay) continue;
    if (!days.some((d) => d >= fromDay && d <= toDay)) continue;
    active += 1;
    if (first >= fromDay) newCustomers += 1;
  }
  // One period holding the whole window: repurchaseRate's row is the window's.
  let firstTimers = 0;
  let repeated = 0;
  let pending = 0;
  for (const row of repurchaseRate(visits, fromDay, toDay, 'month', asOfDay, withinDays)) {
    firstTimers += row.firstTimers;
    repeated += row.repeated;
    pending += row.pending;
  }
  return { active, newCustomers, returning: active - newCustomers, firstTimers, repeated, pending, repurchaseRate: share(repeated, firstTimers - pending) };
}
