// The search index's rows (Dexie v5, customerSearch): every write that can change a customer's
// searchable fields or trash state passes the records it wrote here, inside its own transaction.
import Dexie from 'dexie';
import type { CustomerRecord } from '../../shared/domain/customer';
import type { RegularsDatabase } from './database';

/**
 * Puts the tokens of the active customers among `customers`; the trashed ones leave the index. Dexie promises
 * only (no async function): it is part of addCustomers, which the import holds in flight (see there).
 */
export function indexForSearch(db: RegularsDatabase, customers: readonly CustomerRecord[]): Promise<void> {
  const rows: { id: string; tokens: string[] }[] = [];
  const gone: string[] = [];
  for (const c of customers) {
    if (c.isDeleted === 0 && c.searchTokens.length > 0) rows.push({ id: c.id, tokens: c.searchTokens });
    else gone.push(c.id);
  }
  // Different ids: the put and the delete need not wait for each other.
  return Dexie.Promise.all([rows.length ? db.customerSearch.bulkPut(rows) : undefined, gone.length ? db.customerSearch.bulkDelete(gone) : undefined]).then(() => undefined);
}

/** Customers deleted for good (or by an undone import) leave the index. */
export async function dropFromSearch(db: RegularsDatabase, ids: readonly string[]): Promise<void> {
  if (ids.length) await db.customerSearch.bulkDelete([...ids]);
}

/** The ids whose tokens start with `prefix`, at most `limit` index entries (a customer can appear more than once). */
export async function idsWithTokenPrefix(db: RegularsDatabase, prefix: string, limit: number): Promise<string[]> {
  return (await db.customerSearch.where('tokens').startsWith(prefix).limit(limit).primaryKeys()) as string[];
}

/** The ids of the customers carrying any of `tokens` exactly. */
export async function idsWithAnyToken(db: RegularsDatabase, tokens: readonly string[]): Promise<string[]> {
  if (tokens.length === 0) return [];
  return [...new Set((await db.customerSearch.where('tokens').anyOf([...tokens]).primaryKeys()) as string[])];
}
