// The page's side of the status worker (workers/statusProtocol.ts): one worker for the app, requests as
// promises, progress as a callback.
import type { StatusSettings } from '../../../shared/domain/customerStatus';
import type { GroupPreview } from '../../../shared/domain/statusPreview';
import { activeDatabaseName } from '../../db/database';
import { systemClock } from '../../platform/systemClock';
import { createWorkerClient, orThrow, type WorkerEndpoint, type WorkerFailure } from '../../workers/rpc';
import { statusContract, type JobProgress, type JobResult, type RecomputeReason } from '../../workers/statusProtocol';

export type { JobResult };
export type OnProgress = (done: number, total: number) => void;

/** What the job store and the rules screen need of the worker; tests pass their own. */
export interface StatusWorkerApi {
  recompute(reason: RecomputeReason, onProgress?: OnProgress): Promise<JobResult>;
  applyReview(onProgress?: OnProgress): Promise<JobResult>;
  loadPreview(onProgress?: OnProgress): Promise<number>;
  preview(status: StatusSettings): Promise<GroupPreview>;
}

export class StatusWorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StatusWorkerError';
  }
}

const failed = (failure: WorkerFailure) => new StatusWorkerError(failure.message);
const progressTo = (onProgress?: OnProgress) => ({ onProgress: (p: JobProgress) => onProgress?.(p.done, p.total) });

/** The status worker behind `endpoint` (a Worker in the app). */
function statusClient(endpoint: WorkerEndpoint) {
  const rpc = createWorkerClient(statusContract, endpoint, { clock: systemClock });
  return {
    get open() {
      return rpc.open;
    },
    recompute: async (reason: RecomputeReason, onProgress?: OnProgress) => orThrow(await rpc.call('recompute', { reason }, progressTo(onProgress)), failed),
    applyReview: async (onProgress?: OnProgress) => orThrow(await rpc.call('applyReview', undefined, progressTo(onProgress)), failed),
    loadPreview: async (onProgress?: OnProgress) => orThrow(await rpc.call('loadPreview', undefined, progressTo(onProgress)), failed),
    preview: async (status: StatusSettings) => orThrow(await rpc.call('preview', { status }), failed),
  } satisfies StatusWorkerApi & { open: boolean };
}

let client: ReturnType<typeof statusClient> | null = null;

/** The app's status worker, started on first use, and again after it failed. */
export function statusWorker(): StatusWorkerApi {
  if (!client?.open) {
    // Named after the database, which the worker opens too (see workerDatabaseName).
    client = statusClient(new Worker(new URL('../../workers/status.worker.ts', import.meta.url), { type: 'module', name: activeDatabaseName() }));
  }
  return client;
}
