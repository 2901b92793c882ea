// Each customer's points (balance, expiring soon, next expiry) derived from their ledger onto their state row,
// in the transaction that wrote the entries. Only the ledger's own rules (no earning rules): the purchase
// writes load this on the first screen.
import Dexie from 'dexie';
import { NO_POINTS, type CustomerPointsFields, type CustomerState } from '../../../shared/domain/customer';
import { derivePointsLedger, pointsSummary, type PointsEntry } from '../../../shared/domain/pointsLedger';
import type { RegularsDatabase } from '../database';

/** "Expiring soon": within this many days of when the points were derived. */
export const POINTS_SOON_DAYS = 30;

/** A customer's entries, oldest first: one range of `[customerId+createdAt]`. */
export function ledgerRange(db: RegularsDatabase, customerId: string) {
  return db.pointsLedger.where('[customerId+createdAt]').between([customerId, Dexie.minKey], [customerId, Dexie.maxKey], true, true);
}

/** Each customer's whole ledger, the requests issued together (Dexie's all: it resumes inside the transaction). */
export async function ledgersOf(db: RegularsDatabase, ids: readonly string[]): Promise<Map<string, PointsEntry[]>> {
  const lists = await Dexie.Promise.all(ids.map((id) => ledgerRange(db, id).toArray()));
  return new Map(ids.map((id, i) => [id, lists[i]!]));
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

export function samePoints(a: Partial<CustomerPointsFields>, b: CustomerPointsFields): boolean {
  return (
    (a.pointsBalance ?? 0) === b.pointsBalance &&
    (a.pointsExpiringSoon ?? 0) === b.pointsExpiringSoon &&
    (a.pointsExpiringAt ?? null) === b.pointsExpiringAt &&
    a.pointsNextExpiryAt === b.pointsNextExpiryAt
  );
}

/** The state row with these points (a copy; no next expiry leaves the field out, so the row leaves its index). */
export function withPoints<T extends CustomerState>(state: T, fields: CustomerPointsFields): T {
  const row = { ...state, pointsBalance: fields.pointsBalance, pointsExpiringSoon: fields.pointsExpiringSoon, pointsExpiringAt: fields.pointsExpiringAt };
  if (fields.pointsNextExpiryAt !== undefined) row.pointsNextExpiryAt = fields.pointsNextExpiryAt;
  else delete row.pointsNextExpiryAt;
  return row;
}

/**
 * Writes the customers' points onto their state rows, each row only when its points changed (inside a
 * transaction holding WRITE_SCOPES.points). A customer without a state row (gone) is left out.
 */
export async function writePointsFields(db: RegularsDatabase, fields: ReadonlyMap<string, CustomerPointsFields>): Promise<number> {
  if (fields.size === 0) return 0;
  const ids = [...fields.keys()];
  const states = await db.customerState.bulkGet(ids);
  const rows: CustomerState[] = [];
  states.forEach((s, i) => {
    const f = fields.get(ids[i]!)!;
    if (s && !samePoints(s, f)) rows.push(withPoints(s, f));
  });
  if (rows.length) await db.customerState.bulkPut(rows);
  return rows.length;
}

/** The customers' points derived again from their ledgers as of `now` (read inside the write's transaction). */
export async function derivePointsOf(db: RegularsDatabase, ids: Iterable<string>, now: Date): Promise<Map<string, CustomerPointsFields>> {
  const ledgers = await ledgersOf(db, [...new Set(ids)]);
  const out = new Map<string, CustomerPointsFields>();
  for (const [id, entries] of ledgers) out.set(id, pointsFieldsOf(entries, now));
  return out;
}
