// A restore test's last step: every record of a database restored from a backup against the app's own,
// table by table in key order. Equal means the backup gives back exactly the store it was made from.
import Dexie from 'dexie';
import { encodeRow } from '../../shared/domain/backupPayload';
import { primaryKeyOf } from './backupSchemas';

export interface DatabaseComparison {
  equal: boolean;
  /** The first table that differs (or is missing on one side); null when equal. */
  table: string | null;
  /** Records compared. */
  rows: number;
}

const PAGE_ROWS = 1_000;

/**
 * Reads both databases a page at a time, each page its own short read transaction, so the clerk's writes
 * never wait long; the caller knows whether the app's data changed meanwhile (then the result says nothing).
 * Records are compared through the backup encoding, which tells undefined from missing and -0 from 0.
 */
export async function compareDatabases(today: Dexie, restored: Dexie): Promise<DatabaseComparison> {
  for (const db of [today, restored]) if (!db.isOpen()) await db.open();
  const names = (db: Dexie) => db.tables.map((t) => t.name).sort();
  const tables = names(today);
  const other = names(restored);
  if (tables.join('\u0000') !== other.join('\u0000')) {
    return { equal: false, table: tables.find((name) => !other.includes(name)) ?? other.find((name) => !tables.includes(name)) ?? null, rows: 0 };
  }
  let rows = 0;
  // The audit log only grows: the entries written after the backup (its own 'backup made' among them) are not in it.
  const lastRestoredEntry = tables.includes('auditLog') ? ((await restored.table('auditLog').orderBy('seq').last()) as { seq: number } | undefined)?.seq ?? 0 : 0;
  for (const name of tables) {
    let after: unknown = undefined;
    for (;;) {
      const page = (db: Dexie) => {
        const table = db.table(name);
        const range = after === undefined ? table.orderBy(':id') : table.where(':id').above(after);
        return (db === today && name === 'auditLog' ? range.filter((e: { seq?: number }) => (e.seq ?? 0) <= lastRestoredEntry) : range).limit(PAGE_ROWS).toArray();
      };
      const [mine, theirs] = await Promise.all([page(today), page(restored)]);
      if (mine.length !== theirs.length) return { equal: false, table: name, rows };
      if (mine.length === 0) break;
      for (let index = 0; index < mine.length; index++) {
        if (encodeRow(mine[index], name) !== encodeRow(theirs[index], name)) return { equal: false, table: name, rows };
      }
      rows += mine.length;
      after = primaryKeyOf(today.table(name), mine[mine.length - 1] as object);
      if (mine.length < PAGE_ROWS) break;
    }
  }
  return { equal: true, table: null, rows };
}
