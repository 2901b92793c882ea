// The page's side of the import worker: one worker per import screen, requests as promises,
// progress as a callback. Only the newest preview matters; older answers are dropped by the caller.
import { activeDatabaseName } from '../../db/database';
import { systemClock } from '../../platform/systemClock';
import { pageTime } from '../../workers/workerClock';
import type { RefusedFileKind } from '../../../shared/domain/import';
import type { WorkerFailure, WorkerRequest, WorkerResponse } from '../../workers/importProtocol';

type Progress = Extract<WorkerResponse, { type: 'progress' }>['progress'];
type Answer = Exclude<WorkerResponse, { type: 'progress' } | { type: 'failed' }>;
type Body<T extends WorkerRequest['type']> = Omit<Extract<WorkerRequest, { type: T }>, 'id' | 'type' | 'now'>;
type WithoutId<T> = T extends unknown ? Omit<T, 'id' | 'now'> : never;
type ImportBody = WithoutId<Extract<WorkerRequest, { type: 'importCustomers' | 'importPurchases' }>>;

/** The worker could not do what was asked; `reason` is translated by the screen (import.failures.*). */
export class ImportWorkerError extends Error {
  constructor(
    readonly reason: WorkerFailure,
    message: string,
    /** For 'refused': what the file is (import.refused.*). */
    readonly refused?: RefusedFileKind,
  ) {
    super(message);
    this.name = 'ImportWorkerError';
  }
}

interface Pending {
  resolve: (a: Answer) => void;
  reject: (e: Error) => void;
  onProgress?: (p: Progress) => void;
}

export class ImportClient {
  private readonly worker: Worker;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor() {
    // Named after the database, which the worker opens too (see workerDatabaseName).
    this.worker = new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module', name: activeDatabaseName() });
    this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      const p = this.pending.get(message.id);
      if (!p) return;
      if (message.type === 'progress') {
        p.onProgress?.(message.progress);
        return;
      }
      this.pending.delete(message.id);
      if (message.type === 'failed') p.reject(new ImportWorkerError(message.reason, message.message, message.refused));
      else p.resolve(message);
    };
    this.worker.onerror = (event) => {
      for (const p of this.pending.values()) p.reject(new ImportWorkerError('failed', event.message || 'worker error'));
      this.pending.clear();
    };
  }

  private request(body: WithoutId<Exclude<WorkerRequest, { type: 'cancel' }>>, onProgress?: (p: Progress) => void): Promise<Answer> {
    const id = this.next++;
    return new Promise<Answer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ ...body, id, ...pageTime(systemClock) });
    });
  }

  async load(body: Body<'load'>, onProgress?: (p: Progress) => void) {
    const a = await this.request({ ...body, type: 'load' }, onProgress);
    if (a.type !== 'loaded') throw new Error(`unexpected ${a.type}`);
    return a.file;
  }

  async previewCustomers(body: Body<'previewCustomers'>, onProgress?: (p: Progress) => void) {
    const a = await this.request({ ...body, type: 'previewCustomers' }, onProgress);
    if (a.type !== 'customerPreview') throw new Error(`unexpected ${a.type}`);
    return a.preview;
  }

  async previewPurchases(body: Body<'previewPurchases'>) {
    const a = await this.request({ ...body, type: 'previewPurchases' });
    if (a.type !== 'purchasePreview') throw new Error(`unexpected ${a.type}`);
    return a.preview;
  }

  async importData(body: ImportBody, onProgress: (p: Progress) => void) {
    const a = await this.request(body, onProgress);
    if (a.type !== 'imported') throw new Error(`unexpected ${a.type}`);
    return a.outcome;
  }

  cancel() {
    this.worker.postMessage({ type: 'cancel' } satisfies WorkerRequest);
  }

  dispose() {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new ImportWorkerError('cancelled', 'closed'));
    this.pending.clear();
  }
}

export type { Progress as ImportWorkerProgress };
