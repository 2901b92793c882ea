// Item 6 (and 9's recomputation): the full recomputation of tiers, stages and risk, started as the
// app starts it (runStatusJob on the app's status worker), while this page's main thread is watched.
// Raw: every purchase read plainly (getAll in key order, chunk by chunk, one transaction) and a plain
// per-customer aggregation (count, total, last purchase).
import { statusWorker } from '../../../renderer/features/recompute/statusClient';
import { runStatusJob } from '../../../renderer/features/recompute/statusJobs';
import { bookkeeping, settings } from '../../../renderer/db';
import { systemClock } from '../../../renderer/platform/systemClock';
import type { Purchase } from '../../../shared/domain/purchase';
import type { RawRead, RecomputeRun, StateWriteFloor } from '../protocol';
import { appDatabase, done, putInChunks } from './idb';
import { longTasksBetween, settle } from './longTasks';

/** Purchases per getAll of the raw read (the app reads 2,000 customers' purchases per transaction). */
const RAW_READ_CHUNK = 10_000;

export async function recomputeStatus(): Promise<RecomputeRun> {
  const start = performance.now();
  // 'rules' is what saving the status rules starts; the daily rollover runs the same worker job.
  const result = await runStatusJob(statusWorker(), 'rules', systemClock);
  const end = performance.now();
  await settle();
  const churnFit = result.storeWide && { customers: result.storeWide.modelCustomers, ms: result.storeWide.fitMs };
  return { ms: end - start, customers: result.customers, changed: result.changed, longTasks: longTasksBetween(start, end), ...(churnFit ? { churnFit } : {}) };
}

export async function rawReadAndAggregate(): Promise<RawRead> {
  const start = performance.now();
  const store = (await appDatabase()).transaction('purchases', 'readonly').objectStore('purchases');
  const perCustomer = new Map<string, { count: number; totalFen: number; last: string }>();
  let records = 0;
  let after: IDBValidKey | null = null;
  for (;;) {
    const rows: Purchase[] = await done(store.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), RAW_READ_CHUNK));
    if (rows.length === 0) break;
    for (const p of rows) {
      if (p.isVoided === 1) continue;
      const a = perCustomer.get(p.customerId);
      if (a) {
        a.count++;
        a.totalFen += p.totalFen;
        if (p.purchasedAt > a.last) a.last = p.purchasedAt;
      } else perCustomer.set(p.customerId, { count: 1, totalFen: p.totalFen, last: p.purchasedAt });
    }
    records += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  return { ms: performance.now() - start, records };
}

/**
 * The owner switches the grouping (tiers ↔ RFM), as the status rules screen saves it, and the last
 * recomputation is long ago: the next app start runs the daily rollover (useDailyRollover), and every
 * customer changes group in it, so the list on screen is told of every chunk the worker writes.
 */
export async function prepareHeavyRollover(): Promise<void> {
  const { status } = await settings.read();
  await settings.write('status', { ...status, grouping: status.grouping === 'tiers' ? 'rfm' : 'tiers' });
  await bookkeeping.write({ statusRecomputedOn: '2000-01-01' });
}

/** Rows per transaction of the floor's plain puts (the raw imports' chunk). */
const FLOOR_CHUNK = 5_000;

/**
 * The least any layout of one state row per customer can spend writing what a recomputation changed:
 * `changed` of the store's state rows, each given another customer's derived values (so their index
 * entries move, as a new rule moves them), put plainly, FLOOR_CHUNK per transaction, into a scratch
 * database filled with every state row beforehand (untimed). Once into a copy of customerState with
 * the list's indexes (read from the app's own store), once into a store without indexes.
 */
export async function stateWriteFloor(changed: number): Promise<StateWriteFloor> {
  const source = (await appDatabase()).transaction('customerState', 'readonly').objectStore('customerState');
  const rows = (await done(source.getAll())) as Record<string, unknown>[];
  const indexes = Array.from(source.indexNames, (name) => ({ name, keyPath: source.index(name).keyPath }));
  const moved = rows.slice(0, Math.min(changed, rows.length)).map((row, i) => ({ ...rows[(i + 1) % rows.length], id: row.id }));
  const timeInto = async (withIndexes: boolean): Promise<number> => {
    const name = `regulars-bench-state-floor-${withIndexes ? 'indexed' : 'plain'}`;
    await done(indexedDB.deleteDatabase(name));
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('customerState', { keyPath: 'id' });
      if (withIndexes) for (const index of indexes) store.createIndex(index.name, index.keyPath);
    };
    const scratch = await done(open);
    try {
      await putInChunks(scratch, { customerState: rows }, FLOOR_CHUNK);
      const start = performance.now();
      await putInChunks(scratch, { customerState: moved }, FLOOR_CHUNK);
      return performance.now() - start;
    } finally {
      scratch.close();
      await done(indexedDB.deleteDatabase(name));
    }
  };
  const indexedMs = await timeInto(true);
  const plainMs = await timeInto(false);
  return { rows: moved.length, indexes: indexes.length, indexedMs, plainMs };
}
