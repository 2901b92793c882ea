// The pointer a restore moves: read back as written, and the clean-up after a restore deletes only what it may.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  INITIAL_POINTER,
  isRestoredDatabaseName,
  readDatabasePointer,
  readPointerAtStartup,
  removeReplacedDatabases,
  restoredDatabaseName,
  workerDatabaseName,
  writeDatabasePointer,
} from './activeDatabase';
import { DATABASE_NAME } from './database';

async function create(name: string) {
  const db = new Dexie(name);
  db.version(1).stores({ things: 'id' });
  await db.open();
  await db.table('things').put({ id: 'x' });
  db.close();
}
const names = async () => (await indexedDB.databases()).map((d) => d.name).sort();

afterEach(async () => {
  for (const { name } of await indexedDB.databases()) if (name) await Dexie.delete(name);
});

describe('the database pointer', () => {
  it('points at the original database until a restore moves it', async () => {
    expect(await readDatabasePointer()).toEqual({ ...INITIAL_POINTER, keep: [] });
    expect(INITIAL_POINTER.active).toBe(DATABASE_NAME);
  });

  it('reads back what was written', async () => {
    const moved = { active: restoredDatabaseName(crypto.randomUUID()), previous: DATABASE_NAME, keep: ['regulars-broken'], movedAt: '2026-11-23T10:00:00.000Z' };
    await writeDatabasePointer(moved);
    expect(await readDatabasePointer()).toEqual(moved);
  });

  it('start-up reads the pointer once: what the page found when it started, though a restore moves it later', async () => {
    const moved = { active: restoredDatabaseName(crypto.randomUUID()), previous: DATABASE_NAME, keep: [], movedAt: '2026-11-23T10:00:00.000Z' };
    await writeDatabasePointer(moved);
    const first = readPointerAtStartup();
    expect(readPointerAtStartup()).toBe(first);
    await writeDatabasePointer({ ...moved, active: restoredDatabaseName(crypto.randomUUID()) });
    expect(await readPointerAtStartup()).toEqual(moved);
  });

  it('refuses to write something that is not a pointer', async () => {
    await expect(writeDatabasePointer({ active: '', previous: null, keep: [], movedAt: null })).rejects.toThrow();
    expect((await readDatabasePointer()).active).toBe(DATABASE_NAME);
  });

  it('names restored databases so that only they are ever cleaned up', () => {
    const name = restoredDatabaseName('0b5d7c3e-2f41-4a6b-9c8d-1e2f3a4b5c6d');
    expect(isRestoredDatabaseName(name)).toBe(true);
    for (const other of [DATABASE_NAME, 'regulars-meta', 'regulars-bench-raw', `${name}x`, 'test-0b5d7c3e-2f41-4a6b-9c8d-1e2f3a4b5c6d']) expect(isRestoredDatabaseName(other)).toBe(false);
  });
});

describe('removeReplacedDatabases', () => {
  it('deletes the replaced store and unfinished restores; never the active one, a kept one or another app\'s', async () => {
    const active = restoredDatabaseName(crypto.randomUUID());
    const unfinished = restoredDatabaseName(crypto.randomUUID());
    const kept = restoredDatabaseName(crypto.randomUUID());
    for (const name of [DATABASE_NAME, active, unfinished, kept, 'someone-else']) await create(name);
    const pointer = { active, previous: DATABASE_NAME, keep: [kept], movedAt: '2026-11-23T10:00:00.000Z' };
    await writeDatabasePointer(pointer);

    expect((await removeReplacedDatabases(pointer)).sort()).toEqual([DATABASE_NAME, unfinished].sort());
    expect(await names()).toEqual([active, kept, 'regulars-meta', 'someone-else'].sort());
    expect(await readDatabasePointer()).toEqual({ ...pointer, previous: null });
  });

  it('keeps the original database while it is the active one', async () => {
    await create(DATABASE_NAME);
    expect(await removeReplacedDatabases({ ...INITIAL_POINTER, keep: [] })).toEqual([]);
    expect(await names()).toContain(DATABASE_NAME);
  });
});

describe('workerDatabaseName', () => {
  it('is the name the page gave the worker, else the original database', () => {
    expect(workerDatabaseName({ name: 'regulars-x' })).toBe('regulars-x');
    expect(workerDatabaseName({ name: '' })).toBe(DATABASE_NAME);
    expect(workerDatabaseName({})).toBe(DATABASE_NAME);
  });
});
