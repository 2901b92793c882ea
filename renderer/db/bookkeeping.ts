// The bookkeeping repository: the only code that reads and writes the bookkeeping table (derivation caches,
// job markers, how the store was started, the restore's commit marker). Keys and schemas: shared/domain/bookkeeping.ts.
import {
  BOOKKEEPING_KEYS,
  checkedBookkeepingValue,
  readBookkeepingRows,
  type Bookkeeping,
  type BookkeepingKey,
  type BookkeepingRead,
} from '../../shared/domain/bookkeeping';
import type { RegularsDatabase } from './database';

// Reads return Dexie's own promises (no async wrapper): inside a caller's transaction each native async
// layer adds microtask ticks between requests, and enough of them let IndexedDB commit the transaction early.
export function createBookkeepingRepository(db: RegularsDatabase) {
  function readChecked(keys: readonly BookkeepingKey[] = BOOKKEEPING_KEYS): Promise<BookkeepingRead> {
    return db.bookkeeping.bulkGet([...keys]).then(readBookkeepingRows);
  }
  return {
    /** Every declared key (inside a transaction that includes the bookkeeping table, or on its own). */
    read(): Promise<Bookkeeping> {
      return readChecked().then((read) => read.values);
    },
    /** The values and the keys whose stored value did not fit (their declared fallback stands in). */
    readChecked,
    /** Writes the entries in one transaction (or the caller's); throws, storing none, when any does not fit its key. */
    async write(entries: Partial<Bookkeeping>): Promise<void> {
      const rows = (Object.keys(entries) as BookkeepingKey[]).map((key) => ({ key, value: checkedBookkeepingValue(key, entries[key] as Bookkeeping[typeof key]) }));
      await db.bookkeeping.bulkPut(rows);
    },
    /** Writes and deletes the restore's marker: the caller's transaction then has a write to commit durably. */
    async touchRestoreCommit(): Promise<void> {
      await db.bookkeeping.put({ key: 'restoreCommit', value: checkedBookkeepingValue('restoreCommit', true) });
      await db.bookkeeping.delete('restoreCommit');
    },
  };
}

export type BookkeepingRepository = ReturnType<typeof createBookkeepingRepository>;
