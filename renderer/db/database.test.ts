// The database's version history: shipped versions stay as they shipped, and version 1 opens empty.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { RegularsDatabase, SCHEMA_V1 } from './database';

describe('RegularsDatabase', () => {
  it('keeps version 1 exactly as shipped (change the schema only in a new version)', () => {
    expect(SCHEMA_V1).toEqual({
      customers:
        'id, *searchTokens, *tags, *phoneKeys, emailKey, [isDeleted+nameSort], [isDeleted+phoneSort], [isDeleted+tagsSort], [isDeleted+createdAt], [isDeleted+updatedAt], [isDeleted+deletedAt]',
      settings: 'key',
    });
  });

  it('opens a new database at version 1 with its tables and indexes', async () => {
    const db = new RegularsDatabase(`schema-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBe(1);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['customers', 'settings']);
    expect(db.customers.schema.indexes.map((i) => i.name)).toContain('[isDeleted+nameSort]');
    expect(db.customers.schema.indexes.find((i) => i.name === 'searchTokens')?.multi).toBe(true);
    await db.delete();
  });
});
