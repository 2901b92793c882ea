// A whole-store pass over a narrow per-customer table: a chunk of rows per transaction, in key order.
import type { Table } from 'dexie';
import type { RegularsDatabase } from '../database';
import type { RecomputeProgress } from './engine';
import { writeTransaction, type WriteKind } from './scopes';

/**
 * Walks `table` by its id, `size` rows a transaction holding the scopes of `kinds`, each chunk handed to `derive`,
 * which reads what it needs, writes the rows that changed and answers how many. A row added meanwhile falls in
 * some chunk (each starts after the last id of the one before).
 */
export async function passInChunks<R extends { id: string }, I>(
  db: RegularsDatabase,
  table: Table<R, string, I>,
  kinds: readonly WriteKind[],
  size: number,
  derive: (rows: R[]) => Promise<number>,
  onProgress?: (p: RecomputeProgress) => void,
): Promise<{ customers: number; changed: number }> {
  const total = await table.count();
  let after: string | null = null;
  let done = 0;
  let changed = 0;
  onProgress?.({ done, total });
  for (;;) {
    const from: string | null = after;
    const chunk = await writeTransaction(db, kinds, [], async () => {
      const rows: R[] = await (from === null ? table.orderBy(':id') : table.where(':id').above(from)).limit(size).toArray();
      if (rows.length === 0) return null;
      return { count: rows.length, last: rows[rows.length - 1]!.id, changed: await derive(rows) };
    });
    if (chunk === null) break;
    done += chunk.count;
    changed += chunk.changed;
    after = chunk.last;
    onProgress?.({ done, total: Math.max(total, done) });
  }
  return { customers: done, changed };
}
