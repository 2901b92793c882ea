// The versions a restore can start from: every shipped version, built exactly as it shipped.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, databaseAtVersion, primaryKeyPaths, SCHEMAS_BY_VERSION } from './backupSchemas';
import { RegularsDatabase } from './database';

/** A table's primary key and indexes as Dexie parsed them. */
function shape(db: Dexie) {
  return Object.fromEntries(db.tables.map((t) => [t.name, { primKey: t.schema.primKey.src, indexes: t.schema.indexes.map((i) => i.src).sort() }]));
}

describe('SCHEMAS_BY_VERSION', () => {
  it('knows every version up to today\'s, and today\'s is the app\'s', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(new RegularsDatabase('probe').verno);
    expect(Object.keys(SCHEMAS_BY_VERSION).map(Number)).toEqual(Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it('builds today\'s version with exactly the tables and indexes the app declares', async () => {
    const name = `schema-${crypto.randomUUID()}`;
    const plain = new Dexie(name);
    plain.version(CURRENT_SCHEMA_VERSION).stores({ ...SCHEMAS_BY_VERSION[CURRENT_SCHEMA_VERSION] });
    expect(shape(plain)).toEqual(shape(new RegularsDatabase('probe')));
  });

  it('creates a database at an older version that the app then upgrades', async () => {
    for (let version = 1; version <= CURRENT_SCHEMA_VERSION; version++) {
      const name = `at-${version}-${crypto.randomUUID()}`;
      const old = databaseAtVersion(name, version)!;
      await old.open();
      expect(old.verno).toBe(version);
      expect(old.tables.map((t) => t.name).sort()).toEqual(Object.keys(SCHEMAS_BY_VERSION[version]!).sort());
      old.close();
      const upgraded = new RegularsDatabase(name);
      await upgraded.open();
      expect(upgraded.verno).toBe(CURRENT_SCHEMA_VERSION);
      await upgraded.delete();
    }
    expect(databaseAtVersion('x', CURRENT_SCHEMA_VERSION + 1)).toBeNull();
    expect(databaseAtVersion('x', 0)).toBeNull();
  });

  it('finds an inline primary key on every table (the export writes none of its own)', () => {
    expect(primaryKeyPaths(new RegularsDatabase('probe'))).toEqual(
      new Map([['customers', 'id'], ['settings', 'key'], ['purchases', 'id'], ['interactions', 'id'], ['catalog', 'key'], ['auditLog', 'id'], ['imports', 'id'], ['tierHistory', 'id'], ['customerSearch', 'id'], ['bookkeeping', 'key'], ['pins', 'role'], ['customerState', 'id'], ['consentEvents', 'id'], ['consentState', 'id'], ['erasures', 'id'], ['pointsEntries', '[customerId+createdAt+id]'], ['pointsState', 'id'], ['rewards', 'id'], ['reminderMarks', 'key'], ['surveys', 'id'], ['surveyAnswers', 'id'], ['surveyState', 'id'], ['complaints', 'id'], ['surveyTally', 'id'], ['salesDays', 'day'], ['visitBuckets', 'bucket'], ['pointsMonths', 'month'], ['campaigns', 'id'], ['campaignMembers', 'id'], ['savedSegments', 'id'], ['statusCounts', 'key']]),
    );
    const outbound = new Dexie('outbound');
    outbound.version(1).stores({ things: '++' });
    expect(primaryKeyPaths(outbound)).toBeNull();
  });
});
