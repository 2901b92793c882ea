// A screen's hook on the reports worker: the figures of one report for a window, asked again when the window changes
// or the store does (a purchase written anywhere), an answer to an older question never shown.
import { useEffect, useState } from 'react';
import type { ReportName, ReportRequest, ReportResults } from '../../../shared/domain/reports/reportResults';
import { useReportTablesMarker } from '../../db/hooks';
import { reportsWorker, type ReportsWorkerApi } from './reportsClient';

export type ReportState<N extends ReportName> =
  | { status: 'loading'; result: ReportResults[N] | null }
  | { status: 'ready'; result: ReportResults[N] }
  | { status: 'failed'; result: ReportResults[N] | null; reason: string };

const requestKey = (r: ReportRequest) => `${r.fromDay}|${r.toDay}|${r.grain}|${r.asOfDay}`;

/**
 * The report `name` for `request`. While a new answer is computed the last one stays (status 'loading', result the
 * older figures, for the screen to dim). `worker` is for tests.
 */
export function useReport<N extends ReportName>(name: N, request: ReportRequest, worker: () => ReportsWorkerApi = reportsWorker): ReportState<N> {
  const [state, setState] = useState<ReportState<N>>({ status: 'loading', result: null });
  const key = requestKey(request);

  // Asked again whenever a purchase write changed the report tables.
  const marker = useReportTablesMarker();

  useEffect(() => {
    if (marker === undefined) return;
    let current = true;
    setState((s) => ({ status: 'loading', result: s.result }));
    worker()
      .report(name, request)
      .then(
        (result) => current && setState({ status: 'ready', result }),
        (error: unknown) => current && setState((s) => ({ status: 'failed', result: s.result, reason: error instanceof Error && 'reason' in error ? String(error.reason) : 'failed' })),
      );
    return () => {
      current = false;
    };
    // The request is keyed by its values, not its identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, key, marker, worker]);

  return state;
}
