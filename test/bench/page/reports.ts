// Issue 18's reports: each report's figures for the last 12 months by month (against the 12 before and a year
// earlier), computed as the app computes them (reportsWorker().report, a real module worker started as the screens
// start it), while this page's main thread is watched. Raw: the same tables read plainly, nothing computed.
import { reportsWorker } from '../../../renderer/features/reports/reportsClient';
import { localDayOf } from '../../../shared/domain/customerFigures';
import { lastPeriods, REPORT_NAMES, type ReportName, type ReportRequest } from '../../../shared/domain/reports/reportResults';
import type { PairedSample, ReportsRun } from '../protocol';
import { appDatabase, done } from './idb';
import { longTasksBetween, settle } from './longTasks';
import { paired } from './timing';

/** The screens' longest default: a year by month. */
const MONTHS = 12;

/** The plain reads each report makes. */
async function rawReads(name: ReportName, request: ReportRequest): Promise<number> {
  const idb = await appDatabase();
  const tx = idb.transaction(['salesDays', 'visitBuckets', 'customerState', 'tierHistory', 'pointsMonths', 'pointsState'], 'readonly');
  const all = (store: string) => done(tx.objectStore(store).getAll()) as Promise<unknown[]>;
  switch (name) {
    case 'sales':
      return ((await done(tx.objectStore('salesDays').getAll(IDBKeyRange.bound('0000', request.toDay)))) as unknown[]).length;
    case 'customers':
    case 'churn':
      return (await all('visitBuckets')).length;
    case 'status': {
      const from = `${request.fromDay.slice(0, 7)}-01`;
      const rows = await Promise.all([all('visitBuckets'), done(tx.objectStore('tierHistory').index('at').getAll(IDBKeyRange.lowerBound(from))) as Promise<unknown[]>]);
      return rows.reduce((n, r) => n + r.length, 0);
    }
    case 'loyalty': {
      const withPoints = done(tx.objectStore('pointsState').index('[isDeleted+pointsBalance]').getAll(IDBKeyRange.bound([0, 1], [0, Number.MAX_SAFE_INTEGER]))) as Promise<unknown[]>;
      return (await Promise.all([all('pointsMonths'), withPoints])).reduce((n, rows) => n + rows.length, 0);
    }
    default: {
      const never: never = name;
      throw new Error(`unknown report ${String(never)}`);
    }
  }
}

/** Each report `passes` times (the very first call cold: the worker starts and opens its database), paired with its raw reads. */
export async function reportRuns(passes: number): Promise<ReportsRun> {
  const today = localDayOf(new Date().toISOString());
  const request: ReportRequest = { ...lastPeriods(today, 'month', MONTHS), grain: 'month', asOfDay: today };
  const samples: PairedSample[] = [];
  const windows: { start: number; end: number }[] = [];
  const sizes: Record<string, number> = {};
  for (const name of REPORT_NAMES) {
    for (let p = 0; p < passes; p++) {
      let window: { start: number; end: number } | null = null;
      samples.push(
        await paired(
          p,
          `reports: ${name}`,
          samples.length === 0 ? `${name}, a year by month, cold` : `${name}, a year by month`,
          async () => {
            const start = performance.now();
            const result = await reportsWorker().report(name, request);
            window = { start, end: performance.now() };
            return { hits: JSON.stringify(result).length };
          },
          async () => {
            sizes[name] = await rawReads(name, request);
          },
        ),
      );
      windows.push(window!);
    }
  }
  await settle();
  const perCall = windows.map((w) => longTasksBetween(w.start, w.end));
  return {
    samples,
    rawRows: sizes,
    longTasks: {
      count: perCall.reduce((n, t) => n + t.count, 0),
      longestMs: Math.max(0, ...perCall.map((t) => t.longestMs)),
      blockingMs: perCall.reduce((n, t) => n + t.blockingMs, 0),
    },
  };
}
