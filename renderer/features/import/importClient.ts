// The page's side of the import worker (workers/importProtocol.ts): one worker per import screen, requests
// as promises, progress as a callback. Only the newest preview matters; older answers are dropped by the caller.
import type { RefusedFileKind } from '../../../shared/domain/import';
import type { ImportProgress } from '../../db/imports';
import { activeDatabaseName } from '../../db/database';
import { systemClock } from '../../platform/systemClock';
import { importContract, IMPORT_FAILURES, type FileProgress, type ImportFailure, type ImportOutcome, type ImportWorkerProgress, type LoadRequest, type CustomerOptions, type PurchaseOptions } from '../../workers/importProtocol';
import { createWorkerClient, orThrow, type WorkerFailure } from '../../workers/rpc';

/** The worker could not do what was asked; `reason` is translated by the screen (import.failures.*). */
export class ImportWorkerError extends Error {
  constructor(
    readonly reason: ImportFailure,
    message: string,
    /** For 'refused': what the file is (import.refused.*). */
    readonly refused?: RefusedFileKind,
  ) {
    super(message);
    this.name = 'ImportWorkerError';
  }
}

type ImportBody = { type: 'importCustomers'; options: CustomerOptions } | { type: 'importPurchases'; options: PurchaseOptions; externalNamePattern: string };

const isImportFailure = (reason: string): reason is ImportFailure => (IMPORT_FAILURES as readonly string[]).includes(reason);

/** The worker's own reasons as they are; closing the screen cancels; a worker that failed or died is a failure. */
function failed(failure: WorkerFailure<ImportFailure, { refused: RefusedFileKind }>): ImportWorkerError {
  const reason = isImportFailure(failure.reason) ? failure.reason : failure.reason === 'closed' ? 'cancelled' : 'failed';
  return new ImportWorkerError(reason, failure.message, failure.detail?.refused);
}

export class ImportClient {
  // Named after the database, which the worker opens too (see workerDatabaseName).
  private readonly rpc = createWorkerClient(
    importContract,
    new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module', name: activeDatabaseName() }),
    { clock: systemClock },
  );
  /** The imports under way, which cancel() stops. */
  private readonly running = new Set<AbortController>();

  /** The request's bytes are handed over to the worker, not copied (a file of tens of MB is a long copy on the page): pass a copy the page no longer needs. */
  async load(request: LoadRequest, onProgress?: (p: FileProgress) => void) {
    return orThrow(await this.rpc.call('load', request, { onProgress, transfer: [request.bytes] }), failed);
  }

  async previewCustomers(request: { options: CustomerOptions }, onProgress?: (p: FileProgress) => void) {
    return orThrow(await this.rpc.call('previewCustomers', request, { onProgress }), failed);
  }

  async previewPurchases(request: { options: PurchaseOptions }) {
    return orThrow(await this.rpc.call('previewPurchases', request), failed);
  }

  async importData(body: ImportBody, onProgress: (p: ImportProgress) => void): Promise<ImportOutcome> {
    const controller = new AbortController();
    this.running.add(controller);
    try {
      const { signal } = controller;
      const result =
        body.type === 'importCustomers'
          ? await this.rpc.call('importCustomers', { options: body.options }, { onProgress, signal })
          : await this.rpc.call('importPurchases', { options: body.options, externalNamePattern: body.externalNamePattern }, { onProgress, signal });
      return orThrow(result, failed);
    } finally {
      this.running.delete(controller);
    }
  }

  /** Asks the worker to stop the import under way; the import's own answer says whether it stopped in time. */
  cancel() {
    for (const controller of this.running) controller.abort();
  }

  dispose() {
    this.rpc.close();
  }
}

export type { ImportWorkerProgress };
