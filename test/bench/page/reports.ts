// Issue 18's reports: each report's figures for the last 12 months by month (against the 12 before and a year
// earlier), computed as the app computes them (reportsWorker().report, a real module worker started as the screens
// start it), while this page's main thread is watched. Raw: the same tables read plainly, nothing computed.
import { activeDatabaseName } from '../../../renderer/db/database';
import { reportsWorker } from '../../../renderer/features/reports/reportsClient';
import { systemClock } from '../../../renderer/platform/systemClock';
import { createWorkerClient, type WorkerClient } from '../../../renderer/workers/rpc';
import { localDayOf } from '../../../shared/domain/customerFigures';
import { lastPeriods, REPORT_NAMES, type ReportName, type ReportRequest } from '../../../shared/domain/reports/reportResults';
import type { PairedSample, ReportsRun } from '../protocol';
import { longTasksBetween, settle } from './longTasks';
import { rawReportReads } from './reportsRawProtocol';
import { paired } from './timing';

/** The screens' longest default: a year by month. */
const MONTHS = 12;

let rawReader: WorkerClient<typeof rawReportReads> | null = null;

/**
 * The plain reads each report makes, in a worker of their own as the app's reads are in its reports worker: read on
 * this page, their copies' garbage was collected during the app's next call and counted as its main-thread task.
 */
async function rawReads(name: ReportName, request: ReportRequest): Promise<number> {
  rawReader ??= createWorkerClient(rawReportReads, new Worker(new URL('./reportsRaw.worker.ts', import.meta.url), { type: 'module' }), { clock: systemClock });
  const answer = await rawReader.call('read', { database: activeDatabaseName(), name, request });
  if (!answer.ok) throw new Error(`the raw reads of ${name} failed: ${answer.reason}`);
  return answer.value;
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
