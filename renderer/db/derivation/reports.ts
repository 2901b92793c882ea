// The report tables (salesDays, visitBuckets) kept in step with the purchases, in the transaction of every purchase
// write (WRITE_SCOPES.purchase): each customer whose purchases changed gets their entry derived again, and the store's
// days take the difference.
import Dexie from 'dexie';
import type { DayOf } from '../../../shared/domain/customerFigures';
import type { ReportPurchase } from '../../../shared/domain/reports/aggregates';
import { customerDaysEntry, entryDays, salesDaysAfter, sameEntry, visitBucketOf, type CustomerDaysEntry, type VisitBucketRow } from '../../../shared/domain/reports/reportRows';
import type { RegularsDatabase } from '../database';

/**
 * Derives the report entries of these customers from all of their purchases (an empty list: a customer with none
 * left, removed, merged away or erased) and adds the difference to the store's sales days. Writes only what changed.
 * Inside a transaction holding WRITE_SCOPES.purchase.
 */
export async function deriveReportRows(db: RegularsDatabase, purchasesOf: ReadonlyMap<string, readonly ReportPurchase[]>, dayOf: DayOf): Promise<void> {
  if (purchasesOf.size === 0) return;
  const bucketIds = [...new Set([...purchasesOf.keys()].map(visitBucketOf))];
  const read = await db.visitBuckets.bulkGet(bucketIds);
  const buckets = new Map<number, VisitBucketRow>(bucketIds.map((b, i) => [b, read[i] ?? { bucket: b, customers: {} }]));
  const before: (CustomerDaysEntry | null)[] = [];
  const after: (CustomerDaysEntry | null)[] = [];
  const changed = new Set<number>();
  for (const [customerId, purchases] of purchasesOf) {
    const bucket = buckets.get(visitBucketOf(customerId))!;
    const was = bucket.customers[customerId] ?? null;
    const now = customerDaysEntry(purchases, dayOf);
    if (sameEntry(was, now)) continue;
    before.push(was);
    after.push(now);
    if (now === null) delete bucket.customers[customerId];
    else bucket.customers[customerId] = now;
    changed.add(bucket.bucket);
  }
  if (changed.size === 0) return;
  const days = [...new Set([...before, ...after].flatMap(entryDays))];
  const stored = await db.salesDays.bulkGet(days);
  const { put, remove } = salesDaysAfter(new Map(stored.flatMap((d) => (d ? [[d.day, d] as const] : []))), before, after);
  const rows = [...changed].map((b) => buckets.get(b)!);
  const kept = rows.filter((r) => Object.keys(r.customers).length > 0);
  const emptied = rows.filter((r) => Object.keys(r.customers).length === 0).map((r) => r.bucket);
  if (kept.length) await db.visitBuckets.bulkPut(kept);
  if (emptied.length) await db.visitBuckets.bulkDelete(emptied);
  if (put.length) await db.salesDays.bulkPut(put);
  if (remove.length) await db.salesDays.bulkDelete(remove);
}

/** As deriveReportRows, reading each customer's purchases (one range of [customerId+purchasedAt] each). */
export async function deriveReportRowsOf(db: RegularsDatabase, customerIds: Iterable<string>, dayOf: DayOf): Promise<void> {
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) return;
  const lists = await Dexie.Promise.all(ids.map((id) => db.purchases.where('[customerId+purchasedAt]').between([id, Dexie.minKey], [id, Dexie.maxKey], true, true).toArray()));
  await deriveReportRows(db, new Map(ids.map((id, i) => [id, lists[i]!])), dayOf);
}

/** Customers who have no purchases any more (removed, merged away, erased): their entries go, their days are taken off. */
export function dropReportRows(db: RegularsDatabase, customerIds: Iterable<string>, dayOf: DayOf): Promise<void> {
  return deriveReportRows(db, new Map([...new Set(customerIds)].map((id) => [id, []])), dayOf);
}
