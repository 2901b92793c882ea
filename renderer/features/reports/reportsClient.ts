// The page's side of the reports worker (workers/reportsProtocol.ts): one worker for the app, started on first use.
import type { ReportName, ReportRequest, ReportResults } from '../../../shared/domain/reports/reportResults';
import { activeDatabaseName } from '../../db/database';
import { systemClock } from '../../platform/systemClock';
import { reportsContract } from '../../workers/reportsProtocol';
import { createWorkerClient, orThrow, type WorkerEndpoint, type WorkerFailure, type WorkerResult } from '../../workers/rpc';

/** What the screens need of the worker; tests pass their own. */
export interface ReportsWorkerApi {
  report<N extends ReportName>(name: N, request: ReportRequest): Promise<ReportResults[N]>;
}

export class ReportsWorkerError extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
    this.name = 'ReportsWorkerError';
  }
}

const failed = (failure: WorkerFailure) => new ReportsWorkerError(failure.message, failure.reason);

export function reportsClient(endpoint: WorkerEndpoint) {
  const rpc = createWorkerClient(reportsContract, endpoint, { clock: systemClock });
  return {
    get open() {
      return rpc.open;
    },
    async report<N extends ReportName>(name: N, request: ReportRequest): Promise<ReportResults[N]> {
      // One method per report, each declared with its answer ReportResults[name]: TypeScript cannot follow a generic name to it.
      const call = rpc.call as (method: N, request: ReportRequest) => Promise<WorkerResult<ReportResults[N]>>;
      return orThrow(await call(name, request), failed);
    },
  } satisfies ReportsWorkerApi & { open: boolean };
}

let client: ReturnType<typeof reportsClient> | null = null;

/** The app's reports worker, started on first use, and again after it failed. */
export function reportsWorker(): ReportsWorkerApi {
  if (!client?.open) {
    client = reportsClient(new Worker(new URL('../../workers/reports.worker.ts', import.meta.url), { type: 'module', name: activeDatabaseName() }));
  }
  return client;
}
