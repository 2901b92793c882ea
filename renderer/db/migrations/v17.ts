// Database version 17: the report tables, the store's sales per local day and each customer's sales days packed into
// buckets, filled from the purchases; and two indexes the reports count by.
import Dexie, { type Table, type Transaction } from 'dexie';
import { SCHEMA_V16 } from './v16';

/**
 * Version 17 tables, written out in full by extension: this file is what shipped, whatever later versions do.
 * - `salesDays`: one row per local day with sales (shared/domain/reports SalesDay), by day; no index.
 * - `visitBuckets`: each customer's days with sales, packed (reportRows.ts CustomerDaysEntry), in one of 1,024 rows
 *   by a hash of their id; no index. The reports read about a thousand rows, a purchase rewrites one.
 * - `pointsMonths`: the points ledger's movement per local month (shared/domain/reports PointsMonth), by month; no
 *   index. The loyalty report reads a few dozen rows instead of every entry.
 * - `customerState`: `[isDeleted+rfmScore]` (absent when unscored), so the RFM grid counts each score's customers
 *   by the index instead of reading every state row.
 * - `tierHistory`: `at`, so the tiers' movement reads the months shown, not the whole history.
 */
export const SCHEMA_V17 = {
  ...SCHEMA_V16,
  customerState: `${SCHEMA_V16.customerState}, [isDeleted+rfmScore]`,
  tierHistory: `${SCHEMA_V16.tierHistory}, at`,
  salesDays: 'day',
  visitBuckets: 'bucket',
  pointsMonths: 'month',
} as const;

/** Purchases per read (whole customers: a chunk ends before the last customer it reached, read whole next time). */
const CHUNK_V17 = 5_000;

/** What version 17 reads of a purchase. */
type PurchaseRow = {
  id: string;
  customerId: string;
  purchasedAt: string;
  totalFen: number;
  isVoided: 0 | 1;
  returnOf: string | null;
  paymentNote?: string;
  pointsPaidFen?: number;
  rewardFen?: number;
};

/** What version 17 stores (the live shapes are SalesDay, CustomerDaysEntry and VisitBucketRow; a test holds them together). */
export interface V17SalesDay {
  day: string;
  revenueFen: number;
  purchases: number;
  pointsFen: number;
  rewardFen: number;
  byMethodFen: Record<string, number>;
}
export interface V17Entry {
  s: number[];
  m: string[];
}
export interface V17Bucket {
  bucket: number;
  customers: Record<string, V17Entry>;
}

export const V17_BUCKETS = 1024;

/** This migration's own copy of the bucket of a customer id (FNV-1a, 32-bit). */
export function v17BucketOf(customerId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < customerId.length; i++) h = Math.imul(h ^ customerId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % V17_BUCKETS;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The local calendar day of an ISO time (the runtime's zone, as the app counts days). */
export function v17LocalDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

const dayNumberV17 = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

/**
 * This migration's own copy of one customer's entry: per day with a non-voided purchase or return, the revenue,
 * the visits (not a return, not returned in full by the customer's non-voided returns), points, reward and the
 * rest by payment method (the note trimmed), packed as reportRows.ts does; null without any.
 */
export function v17Entry(purchases: readonly PurchaseRow[], dayOf: (iso: string) => string = v17LocalDay): V17Entry | null {
  const given = new Map<string, number>();
  for (const p of purchases) if (p.returnOf !== null && p.isVoided === 0) given.set(p.returnOf, (given.get(p.returnOf) ?? 0) - p.totalFen);
  const isReturn = (p: PurchaseRow) => p.returnOf !== null || p.totalFen < 0;
  const days = new Map<string, V17SalesDay>();
  for (const p of purchases) {
    if (p.isVoided === 1) continue;
    const day = dayOf(p.purchasedAt);
    let row = days.get(day);
    if (!row) days.set(day, (row = { day, revenueFen: 0, purchases: 0, pointsFen: 0, rewardFen: 0, byMethodFen: {} }));
    const points = p.pointsPaidFen ?? 0;
    const reward = p.rewardFen ?? 0;
    const method = (p.paymentNote ?? '').trim();
    row.revenueFen += p.totalFen;
    row.pointsFen += points;
    row.rewardFen += reward;
    row.byMethodFen[method] = (row.byMethodFen[method] ?? 0) + p.totalFen - points - reward;
    const fullyReturned = !isReturn(p) && p.totalFen > 0 && (given.get(p.id) ?? 0) >= p.totalFen;
    if (!isReturn(p) && !fullyReturned) row.purchases += 1;
  }
  if (days.size === 0) return null;
  const s: number[] = [];
  const m: string[] = [];
  const index = new Map<string, number>();
  for (const d of [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1))) {
    const methods = Object.entries(d.byMethodFen);
    s.push(dayNumberV17(d.day), d.revenueFen, d.purchases, d.pointsFen, d.rewardFen, methods.length);
    for (const [method, fen] of methods) {
      let i = index.get(method);
      if (i === undefined) index.set(method, (i = m.push(method) - 1));
      s.push(i, fen);
    }
  }
  return { s, m };
}

/** Adds an entry's days to the store's days. */
function addToDays(days: Map<number, V17SalesDay>, entry: V17Entry): void {
  const { s, m } = entry;
  for (let i = 0; i < s.length; ) {
    const n = s[i]!;
    let row = days.get(n);
    if (!row) days.set(n, (row = { day: new Date(n * 86_400_000).toISOString().slice(0, 10), revenueFen: 0, purchases: 0, pointsFen: 0, rewardFen: 0, byMethodFen: {} }));
    row.revenueFen += s[i + 1]!;
    row.purchases += s[i + 2]!;
    row.pointsFen += s[i + 3]!;
    row.rewardFen += s[i + 4]!;
    const methods = s[i + 5]!;
    i += 6;
    for (let k = 0; k < methods; k++, i += 2) row.byMethodFen[m[s[i]!]!] = (row.byMethodFen[m[s[i]!]!] ?? 0) + s[i + 1]!;
  }
}

/** A day as stored: methods at 0 left out; null when it holds nothing. */
function storedDay(d: V17SalesDay): V17SalesDay | null {
  const byMethodFen: Record<string, number> = {};
  for (const [method, fen] of Object.entries(d.byMethodFen)) if (fen !== 0) byMethodFen[method] = fen;
  const empty = d.revenueFen === 0 && d.purchases === 0 && d.pointsFen === 0 && d.rewardFen === 0 && Object.keys(byMethodFen).length === 0;
  return empty ? null : { ...d, byMethodFen };
}

/** What version 17 stores per month of points (the live shape is PointsMonth). */
export interface V17PointsMonth {
  month: string;
  issued: number;
  redeemed: number;
  expired: number;
  adjusted: number;
}

type EntryRow = { customerId: string; createdAt: string; id: string; kind: string; points: number; reverses?: string | null };

/** This migration's own copy of where an entry counts (loyalty.ts addPointsEntry has the live one; a test holds them together). */
export function v17AddEntry(row: V17PointsMonth, e: Pick<EntryRow, 'kind' | 'points' | 'reverses'>): void {
  if (e.kind === 'earn' || e.kind === 'bonus' || e.kind === 'referral') row.issued += e.points;
  else if (e.kind === 'redeem') row.redeemed -= e.points;
  else if (e.kind === 'expire') row.expired -= e.points;
  else if (e.kind === 'reverse') {
    if (e.reverses === 'spent') row.redeemed -= e.points;
    else row.issued += e.points;
  } else row.adjusted += e.points;
}

/**
 * Reads every purchase once, whole customers at a time by [customerId+purchasedAt], and writes every customer's
 * entry into their bucket and the store's days; then the points ledger into the store's months. `dayOf` is for tests; the app counts local days.
 */
export function upgradeToV17(dayOf: (iso: string) => string = v17LocalDay): (tx: Transaction) => Promise<void> {
  return async (tx) => {
    const purchases: Table<PurchaseRow, string> = tx.table('purchases');
    const index = purchases.where('[customerId+purchasedAt]');
    const buckets = new Map<number, V17Bucket>();
    const days = new Map<number, V17SalesDay>();
    const take = (customerId: string, list: PurchaseRow[]) => {
      const entry = v17Entry(list, dayOf);
      if (entry === null) return;
      const b = v17BucketOf(customerId);
      let row = buckets.get(b);
      if (!row) buckets.set(b, (row = { bucket: b, customers: {} }));
      row.customers[customerId] = entry;
      addToDays(days, entry);
    };
    let after: string | null = null;
    for (;;) {
      const rows: PurchaseRow[] = await index.between(after === null ? [Dexie.minKey] : [after, Dexie.maxKey], [Dexie.maxKey], after === null, true).limit(CHUNK_V17).toArray();
      if (rows.length === 0) break;
      const full = rows.length === CHUNK_V17;
      const last = rows[rows.length - 1]!.customerId;
      // A full chunk may end inside its last customer: they are read whole next time (alone, when they fill a chunk).
      const whole = full ? rows.filter((r) => r.customerId !== last) : rows;
      const list = whole.length > 0 ? whole : await index.between([last, Dexie.minKey], [last, Dexie.maxKey], true, true).toArray();
      let start = 0;
      for (let i = 1; i <= list.length; i++) {
        if (i === list.length || list[i]!.customerId !== list[start]!.customerId) {
          take(list[start]!.customerId, list.slice(start, i));
          start = i;
        }
      }
      if (!full) break;
      after = list[list.length - 1]!.customerId;
    }
    const bucketRows = [...buckets.values()];
    for (let i = 0; i < bucketRows.length; i += 100) await tx.table('visitBuckets').bulkPut(bucketRows.slice(i, i + 100));
    const dayRows = [...days.values()].flatMap((d) => storedDay(d) ?? []);
    for (let i = 0; i < dayRows.length; i += 2_000) await tx.table('salesDays').bulkPut(dayRows.slice(i, i + 2_000));

    // The points ledger, in key order a chunk at a time, summed per local month.
    const entries: Table<EntryRow, [string, string, string]> = tx.table('pointsEntries');
    const months = new Map<string, V17PointsMonth>();
    let last: [string, string, string] | null = null;
    for (;;) {
      const rows: EntryRow[] = await (last === null ? entries.orderBy(':id') : entries.where(':id').above(last)).limit(CHUNK_V17).toArray();
      if (rows.length === 0) break;
      for (const e of rows) {
        const month = dayOf(e.createdAt).slice(0, 7);
        let row = months.get(month);
        if (!row) months.set(month, (row = { month, issued: 0, redeemed: 0, expired: 0, adjusted: 0 }));
        v17AddEntry(row, e);
      }
      const end = rows[rows.length - 1]!;
      last = [end.customerId, end.createdAt, end.id];
    }
    const monthRows = [...months.values()].filter((m) => m.issued !== 0 || m.redeemed !== 0 || m.expired !== 0 || m.adjusted !== 0);
    if (monthRows.length) await tx.table('pointsMonths').bulkPut(monthRows);
  };
}
