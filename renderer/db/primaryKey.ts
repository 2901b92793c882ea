// A row's primary key as its table declares it, for walking a table in key order page by page.
import Dexie, { type Table } from 'dexie';

/** A row's primary key in its table (a compound key's values in order). */
export function primaryKeyOf(table: Pick<Table, 'schema'>, row: object): unknown {
  const keyPath = table.schema.primKey.keyPath;
  return Array.isArray(keyPath) ? keyPath.map((p) => Dexie.getByKeyPath(row, p)) : Dexie.getByKeyPath(row, keyPath as string);
}
