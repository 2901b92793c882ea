// Every shipped database version's tables, so a restore can build a database exactly as an older
// backup's version had it and let RegularsDatabase's own upgrades bring it to today's version.
import Dexie from 'dexie';
import { RegularsDatabase, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, SCHEMA_V9, SCHEMA_V10, SCHEMA_V11, SCHEMA_V12, SCHEMA_V13, SCHEMA_V14, SCHEMA_V15, SCHEMA_V16, SCHEMA_V17, SCHEMA_V18, SCHEMA_V19, SCHEMA_V20 } from './database';
import { V6_ROWS_MOVED } from './migrations/v6';
import { V13_ROWS_MOVED } from './migrations/v13';

/** Add each new version here with its SCHEMA_V<n> (a test fails until it is). */
export const SCHEMAS_BY_VERSION: Readonly<Record<number, Readonly<Record<string, string>>>> = Object.freeze({
  1: SCHEMA_V1,
  2: SCHEMA_V2,
  3: SCHEMA_V3,
  4: SCHEMA_V4,
  5: SCHEMA_V5,
  6: SCHEMA_V6,
  7: SCHEMA_V7,
  8: SCHEMA_V8,
  9: SCHEMA_V9,
  10: SCHEMA_V10,
  11: SCHEMA_V11,
  12: SCHEMA_V12,
  13: SCHEMA_V13,
  14: SCHEMA_V14,
  15: SCHEMA_V15,
  16: SCHEMA_V16,
  17: SCHEMA_V17,
  18: SCHEMA_V18,
  19: SCHEMA_V19,
  20: SCHEMA_V20,
});

/** Versions whose upgrade moves rows out of a table: where those rows are afterwards. */
const ROWS_MOVED_BY_VERSION: Readonly<Record<number, Readonly<Record<string, readonly string[]>>>> = Object.freeze({
  6: V6_ROWS_MOVED,
  13: V13_ROWS_MOVED,
});

/**
 * The tables that hold, at today's version, the rows `table` held at `fromVersion`: the table itself and
 * every table an upgrade since moved some of its rows to (a restore counts the rows there).
 */
export function tablesHoldingRowsOf(table: string, fromVersion: number): string[] {
  const holding = new Set([table]);
  for (let version = fromVersion + 1; version <= CURRENT_SCHEMA_VERSION; version++) {
    const moved = ROWS_MOVED_BY_VERSION[version] ?? {};
    for (const from of [...holding]) for (const to of moved[from] ?? []) holding.add(to);
  }
  return [...holding];
}

/** Today's database version: what an export writes and what a restore ends at. */
export const CURRENT_SCHEMA_VERSION: number = new RegularsDatabase('regulars-version-probe').verno;

/**
 * A database handle at exactly `version`, tables as that version declared them and no upgrades: a fresh
 * database opened through it is created at that version. null for a version this build does not know.
 */
export function databaseAtVersion(name: string, version: number, options?: ConstructorParameters<typeof Dexie>[1]): Dexie | null {
  if (version === CURRENT_SCHEMA_VERSION) return new RegularsDatabase(name, options);
  const schema = SCHEMAS_BY_VERSION[version];
  if (!schema || version > CURRENT_SCHEMA_VERSION) return null;
  const db = new Dexie(name, options);
  db.version(version).stores({ ...schema });
  return db;
}

/**
 * Each table's inline primary key, as `db` declares it: its key path, or a compound key's paths as Dexie
 * writes them (`[customerId+createdAt+id]`); null when a table has another kind of key.
 */
export function primaryKeyPaths(db: Dexie): Map<string, string> | null {
  const paths = new Map<string, string>();
  for (const table of db.tables) {
    const keyPath = table.schema.primKey.keyPath;
    if (table.schema.primKey.auto) return null;
    if (typeof keyPath === 'string' && keyPath !== '') paths.set(table.name, keyPath);
    else if (Array.isArray(keyPath) && keyPath.length > 1 && keyPath.every((p) => typeof p === 'string' && p !== '')) paths.set(table.name, `[${keyPath.join('+')}]`);
    else return null;
  }
  return paths;
}

export { primaryKeyOf } from './primaryKey';
