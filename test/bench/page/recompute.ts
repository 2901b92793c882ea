// Item 6 (and 9's recomputation): the full recomputation of tiers, stages and risk, started as the
// app starts it (runStatusJob on the app's status worker), while this page's main thread is watched.
// Raw: every purchase read plainly (getAll in key order, chunk by chunk, one transaction) and a plain
// per-customer aggregation (count, total, last purchase).
import { statusWorker } from '../../../renderer/features/recompute/statusClient';
import { runStatusJob } from '../../../renderer/features/recompute/statusJobs';
import { bookkeeping, settings } from '../../../renderer/db';
import { systemClock } from '../../../renderer/platform/systemClock';
import type { Purchase } from '../../../shared/domain/purchase';
import type { RawRead, RecomputeRun } from '../protocol';
import { appDatabase, done } from './idb';
import { longTasksBetween, settle } from './longTasks';

/** Purchases per getAll of the raw read (the app reads 2,000 customers' purchases per transaction). */
const RAW_READ_CHUNK = 10_000;

export async function recomputeStatus(): Promise<RecomputeRun> {
  const start = performance.now();
  // 'rules' is what saving the status rules starts; the daily rollover runs the same worker job.
  const result = await runStatusJob(statusWorker(), 'rules', systemClock);
  const end = performance.now();
  await settle();
  return { ms: end - start, customers: result.customers, changed: result.changed, longTasks: longTasksBetween(start, end) };
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
