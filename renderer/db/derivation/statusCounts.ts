// The store's status counts (statusCounts) kept in step with the state rows, in the transaction of every state row
// write: what the rows were and what they became, the difference added to the stored counts.
import Dexie from 'dexie';
import { statusCountDelta, statusCountsAfter, type CountedState } from '../../../shared/domain/reports/statusCounts';
import type { RegularsDatabase } from '../database';

/**
 * Each transaction's last count update: a state write's counts are read and written after the one before has
 * been, so writes issued together (a recomputation's parts, an import's batches) never add to a count both read.
 */
const lastUpdate = new WeakMap<IDBTransaction, Promise<void>>();

/**
 * Adds to the counts what rows `before` becoming `after` changes (absent on a side: no row there), inside the
 * transaction that writes them (a scope holding statusCounts: WRITE_SCOPES.purchase or .customer). Dexie promises
 * only, so a caller may issue it with its writes and await them together.
 */
export function noteStateRows(db: RegularsDatabase, before: Iterable<CountedState | null | undefined>, after: Iterable<CountedState | null | undefined>): Promise<void> {
  const delta = statusCountDelta(before, after);
  if (delta.size === 0) return Dexie.Promise.resolve();
  const tx = Dexie.currentTransaction;
  if (!tx) throw new Error('status counts are written in the transaction of the state rows they count');
  const keys = [...delta.keys()];
  const previous = lastUpdate.get(tx.idbtrans) ?? Dexie.Promise.resolve();
  const update = previous
    .then(() => db.statusCounts.bulkGet(keys))
    .then((stored) => {
      const { put, remove } = statusCountsAfter(new Map(stored.flatMap((r) => (r ? [[r.key, r.n] as const] : []))), delta);
      return Dexie.Promise.all([put.length ? db.statusCounts.bulkPut(put) : undefined, remove.length ? db.statusCounts.bulkDelete(remove) : undefined]);
    })
    .then(() => undefined);
  lastUpdate.set(tx.idbtrans, update);
  return update;
}
