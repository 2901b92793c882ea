// Database version 12: loyalty points (issue 15): the points ledger, the rewards catalogue, and each customer's points on their state row.
import type { Table, Transaction } from 'dexie';
import { SCHEMA_V11 } from './v11';

/**
 * Version 12 tables, written out in full by extension: this file is what shipped, whatever later versions do.
 * - `pointsLedger`: append-only entries (shared/domain/pointsLedger.ts), narrow, two indexes: a
 *   customer's entries in time order (`[customerId+createdAt]`: their history, their balance, erasure,
 *   merge) and `purchaseId` (a purchase's entries: edit, void, return, an import undone; absent on the
 *   entries no purchase made, so they have no entry in it).
 * - `rewards`: the owner's catalogue, a few dozen rows read whole: no index but the key.
 * - `customerState` gains `[isDeleted+pointsBalance]` (the list's points column, sorted and filtered)
 *   and `pointsNextExpiryAt` (absent when no batch of the customer expires: the daily rollover reads
 *   whom to see from it, never every customer).
 */
export const SCHEMA_V12 = {
  ...SCHEMA_V11,
  customerState: `${SCHEMA_V11.customerState}, [isDeleted+pointsBalance], pointsNextExpiryAt`,
  pointsLedger: 'id, [customerId+createdAt], purchaseId',
  rewards: 'id',
} as const;

/** Rows per bulkPut: one request per record would cost minutes at 100,000 customers. */
const CHUNK_V12 = 2_000;

type V11State = { id: string } & Record<string, unknown>;

/** A version-11 state row as version 12 stores it: no points yet (this migration's own copy of the values). */
export function v12State(row: V11State): V11State {
  return { ...row, pointsBalance: 0, pointsExpiringSoon: 0, pointsExpiringAt: null };
}

/**
 * Every state row, in id order, a chunk per request, gets a balance of 0, so that the list's points
 * index holds every customer (a row without the field would be missing from it). No ledger exists yet.
 */
export async function upgradeToV12(tx: Transaction): Promise<void> {
  const states: Table<V11State, string> = tx.table('customerState');
  let after: string | null = null;
  for (;;) {
    const rows: V11State[] = await (after === null ? states.orderBy(':id') : states.where(':id').above(after)).limit(CHUNK_V12).toArray();
    if (rows.length === 0) return;
    await states.bulkPut(rows.map(v12State));
    after = rows[rows.length - 1]!.id;
  }
}
