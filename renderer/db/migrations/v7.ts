// Database version 7: per-customer derived values move off the customer record into customerState.
import type { Table, Transaction } from 'dexie';

/**
 * Version 7 tables, written out in full: this file is what shipped, whatever later versions do.
 * The customer record keeps what people typed and its own keys, and loses the eight indexes over
 * derived values; `customerState` (id = the customer's) holds the derived values with those indexes,
 * isDeleted mirrored from the record so they leave the trash out. A purchase, a recomputation or an
 * import then rewrites a small row with 8 index entries instead of the record with ~20.
 */
export const SCHEMA_V7 = {
  customers:
    'id, *tags, *phoneKeys, emailKey, [isDeleted+nameSort], [isDeleted+phoneSort], [isDeleted+tagsSort], [isDeleted+createdAt], [isDeleted+updatedAt], [isDeleted+deletedAt], externalKey',
  customerState:
    'id, [isDeleted+totalSpentFen], [isDeleted+purchaseCount], [isDeleted+lastPurchaseSort], [isDeleted+tierId], [isDeleted+lifecycleStage], [isDeleted+churnLevel], [isDeleted+valueAtRiskFen], [isDeleted+pendingTierId]',
  settings: 'key',
  purchases: 'id, customerId, [customerId+purchasedAt], purchasedAt, returnOf, importId, externalRef',
  interactions: 'id, customerId, [customerId+at], followUpDate, importId',
  catalog: 'key',
  auditLog: 'id, at, kind',
  imports: 'id, at',
  tierHistory: 'id, customerId, [customerId+at]',
  customerSearch: 'id, *tokens',
  bookkeeping: 'key',
  pins: 'role',
} as const;

// This migration's own copy of the fields it moves (the live types may change; what v7 did may not).
const MOVED_V7 = [
  'totalSpentFen',
  'purchaseCount',
  'firstPurchaseAt',
  'lastPurchaseAt',
  'averageGapDays',
  'medianGapDays',
  'lastPurchaseSort',
  'tierId',
  'lifecycleStage',
  'churnLevel',
  'churnReason',
  'valueAtRiskFen',
  'statusAsOf',
  'lastTierReviewAt',
  'pendingTierId',
  'pendingTierReason',
  'rfmScore',
] as const;

/** Rows per bulkPut: one request per record would cost minutes at 100,000 customers. */
const CHUNK_V7 = 2_000;

type V6Row = { id: string; isDeleted?: number } & Record<string, unknown>;

/** A version-6 customer record (derived values on it, as from version 2 on) as its version-7 record and state row. Fields a record never had (rfmScore before v4) stay absent. */
export function splitV6Customer(row: V6Row): { record: Record<string, unknown>; state: Record<string, unknown> } {
  const record: Record<string, unknown> = { ...row };
  const state: Record<string, unknown> = { id: row.id, isDeleted: row.isDeleted === 1 ? 1 : 0 };
  for (const key of MOVED_V7) {
    if (key in record) {
      state[key] = record[key];
      delete record[key];
    }
  }
  return { record, state };
}

/**
 * Every customer, trash included, in id order, a chunk per request: the derived values go to
 * customerState and leave the record. Only stored values move; nothing is computed.
 */
export async function upgradeToV7(tx: Transaction): Promise<void> {
  const customers: Table<V6Row, string> = tx.table('customers');
  const customerState: Table<Record<string, unknown>, string> = tx.table('customerState');
  let after: string | null = null;
  for (;;) {
    const rows: V6Row[] = await (after === null ? customers.orderBy(':id') : customers.where(':id').above(after)).limit(CHUNK_V7).toArray();
    if (rows.length === 0) return;
    const records: Record<string, unknown>[] = [];
    const states: Record<string, unknown>[] = [];
    for (const row of rows) {
      const { record, state } = splitV6Customer(row);
      records.push(record);
      states.push(state);
    }
    await customerState.bulkPut(states);
    await customers.bulkPut(records as V6Row[]);
    after = rows[rows.length - 1]!.id;
  }
}
