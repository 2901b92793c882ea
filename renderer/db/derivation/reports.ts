// The report tables kept in step with what they sum, in the transaction of every write: salesDays and visitBuckets
// with the purchases (WRITE_SCOPES.purchase: each customer whose purchases changed gets their entry derived again, and
// the store's days take the difference), pointsMonths with the points entries added and deleted.
import Dexie from 'dexie';
import { localDayOf, type DayOf } from '../../../shared/domain/customerFigures';
import type { PointsEntry } from '../../../shared/domain/pointsLedger';
import { pointsMonthsAfter } from '../../../shared/domain/reports/loyalty';
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

/**
 * The store's points per month (pointsMonths) after a write added `added` entries and deleted `removed` ones (an entry
 * moved to another customer is neither: its month, kind and points stay). Inside a transaction holding
 * WRITE_SCOPES.points (or the customer scope, whose removals delete a customer's entries).
 */
export async function notePointsEntries(
  db: RegularsDatabase,
  added: readonly Pick<PointsEntry, 'kind' | 'points' | 'reverses' | 'createdAt'>[],
  removed: readonly Pick<PointsEntry, 'kind' | 'points' | 'reverses' | 'createdAt'>[],
  dayOf: DayOf = localDayOf,
): Promise<void> {
  if (added.length === 0 && removed.length === 0) return;
  const months = [...new Set([...added, ...removed].map((e) => dayOf(e.createdAt).slice(0, 7)))];
  const stored = await db.pointsMonths.bulkGet(months);
  const { put, remove } = pointsMonthsAfter(new Map(stored.flatMap((m) => (m ? [[m.month, m] as const] : []))), added, removed, dayOf);
  if (put.length) await db.pointsMonths.bulkPut(put);
  if (remove.length) await db.pointsMonths.bulkDelete(remove);
}
