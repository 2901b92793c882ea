// The stored shape of the report tables (salesDays, visitBuckets): each customer's sales days packed into one of a
// fixed number of bucket rows, and the store's days kept as the sum of them.
import { ANONYMOUS_CUSTOMER_ID } from '../erasure';
import type { DayOf } from '../customerFigures';
import { dayNumber } from '../customerFigures';
import { buildSalesDays, type ReportPurchase, type SalesDay } from './aggregates';
import { dayOfNumber, monthOfDay } from './periods';

/**
 * Buckets the customers are spread over. IndexedDB costs per record read, so the reports read about a thousand rows
 * however many customers there are (at 100,000 each holds about 100, a few tens of kB), while a purchase rewrites
 * one row of a hundred customers, not a record per customer and month.
 */
export const VISIT_BUCKETS = 1024;

/**
 * One customer's days with a non-voided purchase or return, ascending, packed flat in `s` (numbers clone and
 * store far cheaper than an object per day): day number (dayNumber), revenueFen, visits, pointsFen, rewardFen,
 * the count of payment methods, then that many pairs (index into `m`, fen). The same figures as buildSalesDays
 * gives for that customer's purchases alone.
 */
export interface CustomerDaysEntry {
  s: number[];
  m: string[];
}

/** A row of visitBuckets: the entries of the customers whose id falls in the bucket (visitBucketOf). */
export interface VisitBucketRow {
  bucket: number;
  customers: Record<string, CustomerDaysEntry>;
}

/** The bucket of a customer id: FNV-1a (32-bit) of its characters, modulo VISIT_BUCKETS. */
export function visitBucketOf(customerId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < customerId.length; i++) h = Math.imul(h ^ customerId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % VISIT_BUCKETS;
}

/** A customer's entry from their sales days (buildSalesDays of their purchases); null when they have none. */
export function encodeCustomerDays(days: readonly SalesDay[]): CustomerDaysEntry | null {
  if (days.length === 0) return null;
  const s: number[] = [];
  const m: string[] = [];
  const index = new Map<string, number>();
  for (const d of days) {
    const methods = Object.entries(d.byMethodFen);
    s.push(dayNumber(d.day), d.revenueFen, d.purchases, d.pointsFen, d.rewardFen, methods.length);
    for (const [method, fen] of methods) {
      let i = index.get(method);
      if (i === undefined) {
        i = m.length;
        index.set(method, i);
        m.push(method);
      }
      s.push(i, fen);
    }
  }
  return { s, m };
}

/** One customer's entry from their purchases (every one of them, any order), by the day `dayOf` gives. */
export function customerDaysEntry(purchases: readonly ReportPurchase[], dayOf: DayOf): CustomerDaysEntry | null {
  return encodeCustomerDays(buildSalesDays(purchases, dayOf));
}

/** The sales days an entry packs. */
export function decodeCustomerDays(entry: CustomerDaysEntry): SalesDay[] {
  const out: SalesDay[] = [];
  const { s, m } = entry;
  for (let i = 0; i < s.length; ) {
    const day: SalesDay = { day: dayOfNumber(s[i]!), revenueFen: s[i + 1]!, purchases: s[i + 2]!, pointsFen: s[i + 3]!, rewardFen: s[i + 4]!, byMethodFen: {} };
    const methods = s[i + 5]!;
    i += 6;
    for (let k = 0; k < methods; k++, i += 2) day.byMethodFen[m[s[i]!]!] = s[i + 1]!;
    out.push(day);
  }
  return out;
}

/** A day number's 'yyyy-MM-dd', its month and its day of the month, each worked out once (a store has a few thousand days; a report unpacks a million visits). */
const dayTexts = new Map<number, { day: string; month: string; date: number }>();
function dayTextOf(n: number): { day: string; month: string; date: number } {
  let t = dayTexts.get(n);
  if (!t) {
    const day = dayOfNumber(n);
    dayTexts.set(n, (t = { day, month: monthOfDay(day), date: Number(day.slice(8, 10)) }));
  }
  return t;
}

/** Each packed day of an entry in order: its texts (worked out once per day number), revenue and visits. */
function eachEntryDay(entry: CustomerDaysEntry, onDay: (day: { day: string; month: string; date: number }, revenueFen: number, visits: number) => void): void {
  const { s } = entry;
  for (let i = 0; i < s.length; i += 6 + 2 * s[i + 5]!) onDay(dayTextOf(s[i]!), s[i + 1]!, s[i + 2]!);
}

/** The visit days ('yyyy-MM-dd' ascending) of an entry and each one's visits: what the customer reports read of every customer. */
export function entryVisits(entry: CustomerDaysEntry, visitDays: string[], visitsPerDay: number[]): void {
  eachEntryDay(entry, ({ day }, _revenueFen, visits) => {
    if (visits > 0) {
      visitDays.push(day);
      visitsPerDay.push(visits);
    }
  });
}

/** An entry's visit days as day numbers (dayNumber), ascending: the days with a visit, as the churn model reads them. */
export function entryVisitDayNumbers(entry: CustomerDaysEntry): number[] {
  const days: number[] = [];
  const { s } = entry;
  for (let i = 0; i < s.length; i += 6 + 2 * s[i + 5]!) if (s[i + 2]! > 0) days.push(s[i]!);
  return days;
}

/** Whether an id is a customer the customer reports count (not the one anonymous id erased customers' kept purchases carry). */
export const isReportCustomer = (customerId: string): boolean => customerId !== ANONYMOUS_CUSTOMER_ID;

const isEmptyDay = (d: SalesDay) => d.revenueFen === 0 && d.purchases === 0 && d.pointsFen === 0 && d.rewardFen === 0 && Object.keys(d.byMethodFen).length === 0;

/** A sales day as stored: payment methods at 0 fen left out; null when nothing is left (the day's row goes). */
export function storedSalesDay(d: SalesDay): SalesDay | null {
  const byMethodFen: Record<string, number> = {};
  for (const [method, fen] of Object.entries(d.byMethodFen)) if (fen !== 0) byMethodFen[method] = fen;
  const out = { ...d, byMethodFen };
  return isEmptyDay(out) ? null : out;
}

/**
 * The store's sales days after some customers' entries changed from `before` to `after`: `stored` (the rows of
 * every day either touches, as read) with each day's difference added, and which days' rows go.
 */
export function salesDaysAfter(
  stored: ReadonlyMap<string, SalesDay>,
  before: readonly (CustomerDaysEntry | null)[],
  after: readonly (CustomerDaysEntry | null)[],
): { put: SalesDay[]; remove: string[] } {
  const sums = new Map<string, SalesDay>();
  const add = (entry: CustomerDaysEntry | null, sign: 1 | -1) => {
    if (entry === null) return;
    for (const d of decodeCustomerDays(entry)) {
      let row = sums.get(d.day);
      if (!row) {
        const was = stored.get(d.day);
        sums.set(d.day, (row = was ? { ...was, byMethodFen: { ...was.byMethodFen } } : { day: d.day, revenueFen: 0, purchases: 0, pointsFen: 0, rewardFen: 0, byMethodFen: {} }));
      }
      row.revenueFen += sign * d.revenueFen;
      row.purchases += sign * d.purchases;
      row.pointsFen += sign * d.pointsFen;
      row.rewardFen += sign * d.rewardFen;
      for (const [method, fen] of Object.entries(d.byMethodFen)) row.byMethodFen[method] = (row.byMethodFen[method] ?? 0) + sign * fen;
    }
  };
  for (const e of before) add(e, -1);
  for (const e of after) add(e, 1);
  const put: SalesDay[] = [];
  const remove: string[] = [];
  for (const [day, row] of [...sums].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const kept = storedSalesDay(row);
    if (kept) put.push(kept);
    else if (stored.has(day)) remove.push(day);
  }
  return { put, remove };
}

/** The days an entry touches ('yyyy-MM-dd'). */
export function entryDays(entry: CustomerDaysEntry | null): string[] {
  if (entry === null) return [];
  const out: string[] = [];
  for (let i = 0; i < entry.s.length; i += 6 + 2 * entry.s[i + 5]!) out.push(dayOfNumber(entry.s[i]!));
  return out;
}

/** Both sides equal (a customer whose entry did not change writes nothing). */
export function sameEntry(a: CustomerDaysEntry | null | undefined, b: CustomerDaysEntry | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  if (a.s.length !== b.s.length || a.m.length !== b.m.length) return false;
  for (let i = 0; i < a.s.length; i++) if (a.s[i] !== b.s[i]) return false;
  for (let i = 0; i < a.m.length; i++) if (a.m[i] !== b.m[i]) return false;
  return true;
}

/** The report tables built from scratch from every purchase (grouped by customer): what the derivation must keep them equal to. */
export function buildReportRows(purchasesByCustomer: ReadonlyMap<string, readonly ReportPurchase[]>, dayOf: DayOf): { buckets: VisitBucketRow[]; salesDays: SalesDay[] } {
  const buckets = new Map<number, VisitBucketRow>();
  const entries: CustomerDaysEntry[] = [];
  for (const [customerId, purchases] of purchasesByCustomer) {
    const entry = customerDaysEntry(purchases, dayOf);
    if (entry === null) continue;
    entries.push(entry);
    const b = visitBucketOf(customerId);
    let row = buckets.get(b);
    if (!row) buckets.set(b, (row = { bucket: b, customers: {} }));
    row.customers[customerId] = entry;
  }
  return { buckets: [...buckets.values()].sort((a, b) => a.bucket - b.bucket), salesDays: salesDaysAfter(new Map(), [], entries).put };
}
