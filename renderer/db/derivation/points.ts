// Each customer's points (balance, expiring soon, next expiry) derived from their ledger onto their pointsState
// row, in the transaction that wrote the entries. Only the ledger's own rules (no earning rules): the purchase
// writes load this on the first screen.
import Dexie from 'dexie';
import { NO_POINTS, type CustomerPointsFields, type CustomerPointsState } from '../../../shared/domain/customer';
import { derivePointsLedger, pointsSummary, type PointsEntry } from '../../../shared/domain/pointsLedger';
import type { RegularsDatabase } from '../database';

/** "Expiring soon": within this many days of when the points were derived. */
export const POINTS_SOON_DAYS = 30;

/** A customer's entries, oldest first: one range of the ledger's key. */
export function ledgerRange(db: RegularsDatabase, customerId: string) {
  return ledgerOfCustomers(db, customerId, customerId);
}

/** The entries of every customer from `first` to `last` (ids in key order), by customer, each oldest first: one range of the key. */
export function ledgerOfCustomers(db: RegularsDatabase, first: string, last: string) {
  // [first] sorts before every [first, …] key, [last, maxKey] after every [last, …] one (one maxKey: IndexedDB
  // refuses a key that holds the same array twice).
  return db.pointsEntries.where(':id').between([first], [last, Dexie.maxKey], true, true);
}

/**
 * Each customer's whole ledger, the requests issued together. Dexie promises only (Dexie's all, no async function):
 * callers issue it beside other reads inside their transaction, where a native promise can resume outside it.
 */
export function ledgersOf(db: RegularsDatabase, ids: readonly string[]): Promise<Map<string, PointsEntry[]>> {
  return Dexie.Promise.all(ids.map((id) => ledgerRange(db, id).toArray())).then((lists) => new Map(ids.map((id, i) => [id, lists[i]!])));
}

/** The stored points of a customer with these entries, as of `now`. */
export function pointsFieldsOf(entries: readonly PointsEntry[], now: Date): CustomerPointsFields {
  if (entries.length === 0) return { ...NO_POINTS };
  const state = derivePointsLedger(entries);
  const summary = pointsSummary(state, now, POINTS_SOON_DAYS);
  let next: number | null = null;
  for (const b of state.batches) {
    if (b.remaining === 0 || b.expiresAt === null) continue;
    const t = Date.parse(b.expiresAt);
    if (next === null || t < next) next = t;
  }
  const fields: CustomerPointsFields = { pointsBalance: summary.balance, pointsExpiringSoon: summary.expiringSoon.points, pointsExpiringAt: summary.expiringSoon.earliestAt };
  if (next !== null) fields.pointsNextExpiryAt = new Date(next).toISOString();
  return fields;
}

export function samePoints(a: CustomerPointsFields, b: CustomerPointsFields): boolean {
  return (
    a.pointsBalance === b.pointsBalance &&
    a.pointsExpiringSoon === b.pointsExpiringSoon &&
    a.pointsExpiringAt === b.pointsExpiringAt &&
    a.pointsNextExpiryAt === b.pointsNextExpiryAt
  );
}

/** The points row with these points (a new row; no next expiry leaves the field out, so the row leaves its index). */
export function withPoints(row: Pick<CustomerPointsState, 'id' | 'isDeleted'>, fields: CustomerPointsFields): CustomerPointsState {
  const out: CustomerPointsState = { id: row.id, isDeleted: row.isDeleted, pointsBalance: fields.pointsBalance, pointsExpiringSoon: fields.pointsExpiringSoon, pointsExpiringAt: fields.pointsExpiringAt };
  if (fields.pointsNextExpiryAt !== undefined) out.pointsNextExpiryAt = fields.pointsNextExpiryAt;
  return out;
}

/** Of these stored rows, those whose points differ from `fields`, with the new points (a row without fields is left as it is). */
export function changedPointsRows(rows: readonly (CustomerPointsState | undefined)[], fields: ReadonlyMap<string, CustomerPointsFields>): CustomerPointsState[] {
  const out: CustomerPointsState[] = [];
  for (const row of rows) {
    const f = row && fields.get(row.id);
    if (row && f && !samePoints(row, f)) out.push(withPoints(row, f));
  }
  return out;
}

/**
 * Writes the customers' points onto their pointsState rows, each row only when its points changed (inside a
 * transaction holding WRITE_SCOPES.points). A customer without a row (gone) is left out.
 */
export async function writePointsFields(db: RegularsDatabase, fields: ReadonlyMap<string, CustomerPointsFields>): Promise<number> {
  if (fields.size === 0) return 0;
  const rows = changedPointsRows(await db.pointsState.bulkGet([...fields.keys()]), fields);
  if (rows.length) await db.pointsState.bulkPut(rows);
  return rows.length;
}

/** The customers' points derived again from their ledgers as of `now` (read inside the write's transaction). */
export async function derivePointsOf(db: RegularsDatabase, ids: Iterable<string>, now: Date): Promise<Map<string, CustomerPointsFields>> {
  const ledgers = await ledgersOf(db, [...new Set(ids)]);
  const out = new Map<string, CustomerPointsFields>();
  for (const [id, entries] of ledgers) out.set(id, pointsFieldsOf(entries, now));
  return out;
}
