// The bench's raw baseline of the reports, off the page's main thread as the app's reads are (reportsRawProtocol.ts).
import type { ReportName, ReportRequest } from '../../../shared/domain/reports/reportResults';
import { serve } from '../../../renderer/workers/rpc';
import { done } from './idbRequest';
import { rawReportReads } from './reportsRawProtocol';

let connection: IDBDatabase | null = null;

/** The plain reads report `name` makes. */
async function rawReads(database: string, name: ReportName, request: ReportRequest): Promise<number> {
  const idb = (connection ??= await done(indexedDB.open(database)));
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

serve(rawReportReads, { read: ({ database, name, request }) => rawReads(database, name, request) }, { failure: () => 'failed' });
