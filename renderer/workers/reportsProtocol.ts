// The reports worker's declaration (served by reports.worker.ts, asked by features/reports/reportsClient.ts): each
// report's figures for a window, read from the derived report tables (salesDays, visitBuckets, pointsMonths) off the
// page's thread.
import type { ReportRequest, ReportResults } from '../../shared/domain/reports/reportResults';
import { declareWorker, method } from './rpc';

export const reportsContract = declareWorker({
  name: 'reports',
  methods: {
    sales: method<ReportRequest, ReportResults['sales']>(),
    customers: method<ReportRequest, ReportResults['customers']>(),
    churn: method<ReportRequest, ReportResults['churn']>(),
    status: method<ReportRequest, ReportResults['status']>(),
    loyalty: method<ReportRequest, ReportResults['loyalty']>(),
  },
  failures: ['failed', 'invalid-window'],
});
