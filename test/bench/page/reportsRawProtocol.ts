// The declaration of the bench's raw-reads worker (reportsRaw.worker.ts): the reports' tables read plainly, nothing computed.
import type { ReportName, ReportRequest } from '../../../shared/domain/reports/reportResults';
import { declareWorker, method } from '../../../renderer/workers/rpc';

export const rawReportReads = declareWorker({
  name: 'bench-reports-raw',
  methods: {
    /** The rows report `name` reads for `request`, read plainly from database `database`; answers how many. */
    read: method<{ database: string; name: ReportName; request: ReportRequest }, number>(),
  },
  failures: ['failed'],
});
