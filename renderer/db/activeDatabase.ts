// Which IndexedDB database holds the store. IndexedDB cannot rename a database, so a restore builds the
// restored store in a new database beside today's and then moves this pointer: moving it is the restore's
// one commit, and until it moves today's database is the store, untouched.
//
// The pointer lives in a small database of its own ('regulars-meta'), written with strict durability so
// it is on disk before the app reloads into the restored store. (localStorage is flushed to disk lazily:
// a power cut just after a restore could bring back a stale pointer.)
// This module imports nothing: the page's first script (entry.ts) reads the pointer before the rest loads.

/** The store's original database (the pointer names it until a restore moves it). */
export const DATABASE_NAME = 'regulars';

const META_DATABASE = 'regulars-meta';
const META_STORE = 'pointer';
const POINTER_KEY = 'active';

export interface DatabasePointer {
  /** The database the app opens. */
  active: string;
  /** The store before the last restore: deleted once the restored one has opened (the safety backup holds it). */
  previous: string | null;
  /** Databases that could not be opened when a backup was restored over them: never deleted by the app. */
  keep: string[];
  /** ISO 8601 UTC of the last move; null for a store never restored. */
  movedAt: string | null;
}

export const INITIAL_POINTER: Readonly<DatabasePointer> = Object.freeze({ active: DATABASE_NAME, previous: null, keep: [], movedAt: null });

/** The name a restore gives the database it builds. */
export function restoredDatabaseName(id: string): string {
  return `regulars-${id}`;
}

const RESTORED_NAME = /^regulars-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isRestoredDatabaseName(name: string): boolean {
  return RESTORED_NAME.test(name);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openMeta(idb: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = idb.open(META_DATABASE, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(META_STORE);
    open.onsuccess = () => {
      // Another tab upgrading or deleting it must not wait on us.
      open.result.onversionchange = () => open.result.close();
      resolve(open.result);
    };
    open.onerror = () => reject(open.error ?? new Error('the pointer database could not be opened'));
    open.onblocked = () => reject(new Error('the pointer database is blocked'));
  });
}

function pointerFrom(value: unknown): DatabasePointer | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<DatabasePointer>;
  if (typeof v.active !== 'string' || v.active === '') return null;
  return {
    active: v.active,
    previous: typeof v.previous === 'string' && v.previous !== v.active ? v.previous : null,
    keep: Array.isArray(v.keep) ? v.keep.filter((name): name is string => typeof name === 'string' && name !== v.active) : [],
    movedAt: typeof v.movedAt === 'string' ? v.movedAt : null,
  };
}

/** The pointer; the original database when no restore ever moved it. */
export async function readDatabasePointer(idb: IDBFactory = indexedDB): Promise<DatabasePointer> {
  const db = await openMeta(idb);
  try {
    const stored = await request(db.transaction(META_STORE, 'readonly').objectStore(META_STORE).get(POINTER_KEY));
    return pointerFrom(stored) ?? { ...INITIAL_POINTER, keep: [] };
  } finally {
    db.close();
  }
}

let startupRead: Promise<DatabasePointer> | null = null;

/**
 * The pointer as this page found it at start-up: read once, by whichever asks first (the page's first
 * script asks at once, so the first IndexedDB open of the session, which waits for the browser's storage
 * to start, overlaps the loading of the rest of the app).
 */
export function readPointerAtStartup(): Promise<DatabasePointer> {
  startupRead ??= readDatabasePointer();
  return startupRead;
}

/** Moves the pointer; resolves once the move is on disk. */
export async function writeDatabasePointer(pointer: DatabasePointer, idb: IDBFactory = indexedDB): Promise<void> {
  const checked = pointerFrom(pointer);
  if (!checked || checked.active !== pointer.active) throw new Error('not a database pointer');
  const db = await openMeta(idb);
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(META_STORE, 'readwrite', { durability: 'strict' });
      tx.objectStore(META_STORE).put(checked, POINTER_KEY);
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('the pointer was not moved'));
      tx.onerror = () => reject(tx.error ?? new Error('the pointer was not moved'));
    });
  } finally {
    db.close();
  }
}

export function deleteDatabase(name: string, idb: IDBFactory = indexedDB): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = idb.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error(`${name} could not be deleted`));
    // A connection still open elsewhere (another tab) delays the delete; it completes when that closes.
  });
}

/**
 * After the active database opened: deletes the store a restore replaced and the half-built databases of
 * restores that did not finish (a crash, a reload). Never the active one, never one the pointer keeps,
 * never a database of another name. Returns the names deleted.
 */
export async function removeReplacedDatabases(pointer: DatabasePointer, idb: IDBFactory = indexedDB): Promise<string[]> {
  const spared = new Set([pointer.active, ...pointer.keep]);
  const doomed = new Set<string>();
  if (pointer.previous !== null && !spared.has(pointer.previous)) doomed.add(pointer.previous);
  const listed = typeof idb.databases === 'function' ? await idb.databases() : [];
  for (const { name } of listed) if (name && isRestoredDatabaseName(name) && !spared.has(name)) doomed.add(name);
  const deleted: string[] = [];
  for (const name of doomed) {
    await deleteDatabase(name, idb);
    deleted.push(name);
  }
  // Cleared only once it is gone: a crash before this line deletes it again next time, which is harmless.
  if (pointer.previous !== null) await writeDatabasePointer({ ...pointer, previous: null }, idb);
  return deleted;
}

/** In a worker: the database the page told it to open (the worker's name), else the original one. */
export function workerDatabaseName(scope: { name?: string } = self as unknown as { name?: string }): string {
  return typeof scope.name === 'string' && scope.name !== '' ? scope.name : DATABASE_NAME;
}
