// Plain IndexedDB, for the baselines: the least code that does the same job as the app's path.
import { database } from '../../../renderer/db/database';
import { done } from './idbRequest';

export { done };

export function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

let appConnection: IDBDatabase | null = null;

/**
 * A second, plain connection to the app's own database (opened at its current version, after Dexie
 * has created it): raw reads then read exactly the records and indexes the app reads.
 */
export async function appDatabase(): Promise<IDBDatabase> {
  appConnection ??= await done(indexedDB.open(database().name));
  return appConnection;
}

export function closeAppDatabase(): void {
  appConnection?.close();
  appConnection = null;
}

/** Direction-aware getAll/getAllKeys (IndexedDB 3.1's options form, which Chromium 141+ has; a cursor elsewhere). */
const HAS_OPTIONS_FORM = 'getAllRecords' in IDBObjectStore.prototype;

export function rangeRead(source: IDBIndex, kind: 'getAll' | 'getAllKeys', range: IDBKeyRange, direction: IDBCursorDirection, count?: number): Promise<unknown[]> {
  if (direction === 'next') return done(source[kind](range, count));
  if (HAS_OPTIONS_FORM) {
    const call = source[kind] as unknown as (options: { query: IDBKeyRange; direction: IDBCursorDirection; count?: number }) => IDBRequest<unknown[]>;
    return done(call.call(source, { query: range, direction, count }));
  }
  return cursorWindow(source, range, direction, 0, count ?? Infinity, kind === 'getAll');
}

/** Rows offset..offset+count of an index through a cursor (advance, then continue), as Dexie's offset does. */
export function cursorWindow(source: IDBIndex, range: IDBKeyRange, direction: IDBCursorDirection, offset: number, count: number, values: boolean): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const out: unknown[] = [];
    const request = values ? source.openCursor(range, direction) : source.openKeyCursor(range, direction);
    let skipped = offset === 0;
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(out);
      if (!skipped) {
        skipped = true;
        cursor.advance(offset);
        return;
      }
      out.push(values ? (cursor as IDBCursorWithValue).value : cursor.primaryKey);
      if (out.length >= count) return resolve(out);
      cursor.continue();
    };
    request.onerror = () => reject(request.error ?? new Error('cursor failed'));
  });
}

export function getMany(store: IDBObjectStore, keys: readonly IDBValidKey[]): Promise<unknown[]> {
  return Promise.all(keys.map((key) => done(store.get(key))));
}

/**
 * Puts the records of each store, `chunk` rows per readwrite transaction over all of them, one
 * transaction after the other: the plain way to write many records. Row k of every store goes in the
 * same transaction (a customer and its search row). Returns the transactions used.
 */
export async function putInChunks(database: IDBDatabase, writes: Readonly<Record<string, readonly unknown[]>>, chunk: number): Promise<number> {
  const stores = Object.keys(writes);
  const rows = Math.max(0, ...stores.map((name) => writes[name]!.length));
  let transactions = 0;
  for (let i = 0; i < rows; i += chunk) {
    const tx = database.transaction(stores, 'readwrite');
    for (const name of stores) {
      const store = tx.objectStore(name);
      const records = writes[name]!;
      for (let k = i; k < Math.min(records.length, i + chunk); k++) store.put(records[k]);
    }
    await committed(tx);
    transactions++;
  }
  return transactions;
}
