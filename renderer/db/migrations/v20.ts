// Database version 20: the store's customers counted by tier, stage, RFM score and churn level (issue 18's tiers and stages report).
import type { Transaction } from 'dexie';
import { SCHEMA_V19 } from './v19';

/**
 * Version 20 tables, written out in full by extension: this file is what shipped, whatever later versions do.
 * - `statusCounts`: a few dozen narrow rows `{ key, n }`, key `[isDeleted, field, value]` as JSON (field `rows`, `tier`,
 *   `stage`, `rfm`, `churn`, or `highValueFen` for the high level's value at risk summed), no index. Kept with every
 *   state row write (renderer/db/derivation/statusCounts.ts); the report reads them instead of counting indexes,
 *   which visits each active customer's entry.
 */
export const SCHEMA_V20 = {
  ...SCHEMA_V19,
  statusCounts: 'key',
} as const;

/** State rows read per step. */
const CHUNK_V20 = 5_000;

/** What version 20 reads of a state row. */
interface V20State {
  id: string;
  isDeleted: 0 | 1;
  tierId: string;
  lifecycleStage: string;
  rfmScore?: string | null;
  churnLevel: string;
  valueAtRiskFen: number;
}

/** This migration's own copy of the counts of state rows (the live shapes are in shared/domain/reports/statusCounts.ts; a test holds them together). */
export function v20Counts(states: Iterable<V20State>, into: Map<string, number> = new Map()): Map<string, number> {
  const add = (key: [0 | 1, string, string | null], n: number) => {
    const k = JSON.stringify(key);
    into.set(k, (into.get(k) ?? 0) + n);
  };
  for (const s of states) {
    add([s.isDeleted, 'rows', null], 1);
    add([s.isDeleted, 'tier', s.tierId], 1);
    add([s.isDeleted, 'stage', s.lifecycleStage], 1);
    add([s.isDeleted, 'rfm', s.rfmScore ?? null], 1);
    add([s.isDeleted, 'churn', s.churnLevel], 1);
    if (s.churnLevel === 'high' && s.valueAtRiskFen !== 0) add([s.isDeleted, 'highValueFen', null], s.valueAtRiskFen);
  }
  return into;
}

/** Counts every state row, a chunk at a time in key order. */
export async function upgradeToV20(tx: Transaction): Promise<void> {
  const states = tx.table('customerState');
  const counts = new Map<string, number>();
  let after: string | null = null;
  for (;;) {
    const rows: V20State[] = await (after === null ? states.orderBy(':id') : states.where(':id').above(after)).limit(CHUNK_V20).toArray();
    if (rows.length === 0) break;
    v20Counts(rows, counts);
    after = rows[rows.length - 1]!.id;
  }
  const out = [...counts].filter(([, n]) => n !== 0).map(([key, n]) => ({ key, n }));
  if (out.length) await tx.table('statusCounts').bulkPut(out);
}
