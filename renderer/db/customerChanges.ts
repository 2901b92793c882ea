// Which customers a committed write changed, from Dexie's announcements ('storagemutated': every committed write of
// this page or a worker), for reads kept in memory that follow the store. Every watched table is keyed by the
// customer's id.
import Dexie, { RangeSet, type IntervalTree, type ObservabilitySet } from 'dexie';

/** The customers a write changed, or 'all' when it named a range (a bulk write, a clear) or the whole database. */
export type ChangedCustomers = ReadonlySet<string> | 'all';

/** The primary keys a change names, or null when it names a range. */
function changedKeys(tree: IntervalTree): string[] | null {
  const keys: string[] = [];
  for (const node of RangeSet(tree)) {
    if (typeof node.from !== 'string' || node.to !== node.from) return null;
    keys.push(node.from);
  }
  return keys;
}

/**
 * What one announcement changed in `tables` of database `dbName`: null when it touched none of them. Only the primary
 * keys' parts ('' and ':dels') name rows; an index's part names the index's values, not customers.
 */
export function changedCustomers(parts: ObservabilitySet, dbName: string, tables: readonly string[]): ChangedCustomers | null {
  if ('all' in parts) return 'all';
  const prefixes = tables.map((t) => `idb://${dbName}/${t}/`);
  let touched = false;
  const changed = new Set<string>();
  for (const [part, tree] of Object.entries(parts)) {
    const prefix = prefixes.find((p) => part.startsWith(p));
    if (!prefix) continue;
    touched = true;
    const index = part.slice(prefix.length);
    if (index !== '' && index !== ':dels') continue;
    const keys = changedKeys(tree);
    if (!keys) return 'all';
    for (const id of keys) changed.add(id);
  }
  return touched ? changed : null;
}

/** Calls `listener` with the customers each committed write to `tables` changed. Returns the unsubscribe. */
export function onCustomerChanges(dbName: string, tables: readonly string[], listener: (changed: ChangedCustomers) => void): () => void {
  const handler = (parts: ObservabilitySet) => {
    const changed = changedCustomers(parts, dbName, tables);
    if (changed !== null) listener(changed);
  };
  Dexie.on.storagemutated.subscribe(handler);
  return () => Dexie.on.storagemutated.unsubscribe(handler);
}
