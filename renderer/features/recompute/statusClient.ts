// The page's side of the status worker: one worker for the app, requests as promises, progress as a callback.
import type { StatusSettings } from '../../../shared/domain/customerStatus';
import type { GroupPreview } from '../../../shared/domain/statusPreview';
import { activeDatabaseName } from '../../db/database';
import { systemClock } from '../../platform/systemClock';
import { pageTime } from '../../workers/workerClock';
import type { RecomputeReason, StatusWorkerRequest, StatusWorkerResponse } from '../../workers/statusProtocol';

export interface JobResult {
  customers: number;
  changed: number;
}
export type OnProgress = (done: number, total: number) => void;

/** What the job store and the rules screen need of the worker; tests pass their own. */
export interface StatusWorkerApi {
  recompute(reason: RecomputeReason, onProgress?: OnProgress): Promise<JobResult>;
  applyReview(onProgress?: OnProgress): Promise<JobResult>;
  loadPreview(onProgress?: OnProgress): Promise<number>;
  preview(status: StatusSettings): Promise<GroupPreview>;
}

type Answer = Exclude<StatusWorkerResponse, { type: 'progress' } | { type: 'failed' }>;
type WithoutId<T> = T extends unknown ? Omit<T, 'id' | 'now'> : never;

export class StatusWorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StatusWorkerError';
  }
}

class StatusClient implements StatusWorkerApi {
  // Named after the database, which the worker opens too (see workerDatabaseName).
  private readonly worker = new Worker(new URL('../../workers/status.worker.ts', import.meta.url), { type: 'module', name: activeDatabaseName() });
  private next = 1;
  private readonly pending = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void; onProgress?: OnProgress }>();

  constructor() {
    this.worker.onmessage = (event: MessageEvent<StatusWorkerResponse>) => {
      const message = event.data;
      const p = this.pending.get(message.id);
      if (!p) return;
      if (message.type === 'progress') {
        p.onProgress?.(message.done, message.total);
        return;
      }
      this.pending.delete(message.id);
      if (message.type === 'failed') p.reject(new StatusWorkerError(message.message));
      else p.resolve(message);
    };
    this.worker.onerror = (event) => {
      for (const p of this.pending.values()) p.reject(new StatusWorkerError(event.message || 'worker error'));
      this.pending.clear();
    };
  }

  private request(body: WithoutId<StatusWorkerRequest>, onProgress?: OnProgress): Promise<Answer> {
    const id = this.next++;
    return new Promise<Answer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ ...body, id, ...pageTime(systemClock) });
    });
  }

  private async job(body: WithoutId<StatusWorkerRequest>, onProgress?: OnProgress): Promise<JobResult> {
    const a = await this.request(body, onProgress);
    if (a.type !== 'done') throw new StatusWorkerError(`unexpected ${a.type}`);
    return { customers: a.customers, changed: a.changed };
  }

  recompute(reason: RecomputeReason, onProgress?: OnProgress) {
    return this.job({ type: 'recompute', reason }, onProgress);
  }

  applyReview(onProgress?: OnProgress) {
    return this.job({ type: 'applyReview' }, onProgress);
  }

  async loadPreview(onProgress?: OnProgress) {
    const a = await this.request({ type: 'loadPreview' }, onProgress);
    if (a.type !== 'previewReady') throw new StatusWorkerError(`unexpected ${a.type}`);
    return a.customers;
  }

  async preview(status: StatusSettings) {
    const a = await this.request({ type: 'preview', status });
    if (a.type !== 'preview') throw new StatusWorkerError(`unexpected ${a.type}`);
    return a.preview;
  }
}

let client: StatusWorkerApi | null = null;

/** The app's status worker, started on first use. */
export function statusWorker(): StatusWorkerApi {
  client ??= new StatusClient();
  return client;
}
