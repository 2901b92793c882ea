// A database of its own for each test of the db layer (on fake-indexeddb), opened before and deleted after it.
import { afterEach, beforeEach } from 'vitest';
import { RegularsDatabase } from '../../renderer/db/database';

/** Registers the hooks; call the returned function inside a test for that test's database. */
export function freshDatabasePerTest(): () => RegularsDatabase {
  let db: RegularsDatabase | null = null;
  beforeEach(async () => {
    db = new RegularsDatabase(`test-${crypto.randomUUID()}`);
    await db.open();
  });
  afterEach(async () => {
    await db?.delete();
    db = null;
  });
  return () => {
    if (!db) throw new Error('the test database is opened in beforeEach: ask for it inside a test');
    return db;
  };
}
