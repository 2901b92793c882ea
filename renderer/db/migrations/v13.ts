// Database version 13: the points ledger keyed by customer, and each customer's points on a narrow row of their own.
import type { Table, Transaction } from 'dexie';
import { SCHEMA_V11 } from './v11';
import { SCHEMA_V12 } from './v12';

/**
 * Version 13 tables, written out in full by extension: this file is what shipped, whatever later versions do.
 * - `pointsEntries` replaces `pointsLedger` (IndexedDB cannot change a store's key in place): the same
 *   entries, keyed `[customerId+createdAt+id]`, so that a customer's entries, and a run of customers', are
 *   one range of the store itself in time order (a read by an index fetches each record apart: the full
 *   recomputation read the ledger three times slower so). `&id` finds an entry by its id; `purchaseId`
 *   as before (a purchase's entries).
 * - `pointsState`: each customer's points (balance, expiring soon, next expiry), narrow, with the list's
 *   `[isDeleted+pointsBalance]` and the rollover's `pointsNextExpiryAt`. They leave `customerState`, whose
 *   row with its eight indexes every points entry rewrote.
 */
const { pointsLedger: _movedToPointsEntries, ...KEPT_FROM_V12 } = SCHEMA_V12;

export const SCHEMA_V13 = {
  ...KEPT_FROM_V12,
  customerState: SCHEMA_V11.customerState,
  pointsEntries: '[customerId+createdAt+id], &id, purchaseId',
  pointsState: 'id, [isDeleted+pointsBalance], pointsNextExpiryAt',
} as const;

/** The tables version 13 removes (given as null to Dexie): their rows move in the upgrade. */
export const REMOVED_IN_V13 = { pointsLedger: null } as const;

/** Where the upgrade moves the rows of a removed table (backupSchemas: a restore counts them there). */
export const V13_ROWS_MOVED: Readonly<Record<string, readonly string[]>> = { pointsLedger: ['pointsEntries'] };

/** Rows per bulk write: one request per record would cost minutes at 100,000 customers. */
const CHUNK_V13 = 2_000;

type Row = { id: string } & Record<string, unknown>;

const POINTS_FIELDS_V12 = ['pointsBalance', 'pointsExpiringSoon', 'pointsExpiringAt', 'pointsNextExpiryAt'] as const;

/** A version-12 state row split in two: the row without its points, and the customer's points row (this migration's own copy). */
export function v13Split(row: Row): { state: Row; points: Row } {
  const state: Row = { ...row };
  for (const k of POINTS_FIELDS_V12) delete state[k];
  const points: Row = {
    id: row.id,
    isDeleted: row.isDeleted,
    pointsBalance: typeof row.pointsBalance === 'number' ? row.pointsBalance : 0,
    pointsExpiringSoon: typeof row.pointsExpiringSoon === 'number' ? row.pointsExpiringSoon : 0,
    pointsExpiringAt: typeof row.pointsExpiringAt === 'string' ? row.pointsExpiringAt : null,
  };
  if (typeof row.pointsNextExpiryAt === 'string') points.pointsNextExpiryAt = row.pointsNextExpiryAt;
  return { state, points };
}

async function eachChunk(table: Table<Row, string>, fn: (rows: Row[]) => Promise<void>): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const rows: Row[] = await (after === null ? table.orderBy(':id') : table.where(':id').above(after)).limit(CHUNK_V13).toArray();
    if (rows.length === 0) return;
    await fn(rows);
    after = rows[rows.length - 1]!.id;
  }
}

/** The ledger's entries move to pointsEntries unchanged; every state row's points move to its pointsState row. */
export async function upgradeToV13(tx: Transaction): Promise<void> {
  const entries: Table<Row, unknown> = tx.table('pointsEntries');
  await eachChunk(tx.table('pointsLedger'), async (rows) => {
    await entries.bulkAdd(rows);
  });
  const states: Table<Row, string> = tx.table('customerState');
  const points: Table<Row, string> = tx.table('pointsState');
  await eachChunk(states, async (rows) => {
    const split = rows.map(v13Split);
    await Promise.all([states.bulkPut(split.map((s) => s.state)), points.bulkAdd(split.map((s) => s.points))]);
  });
}
