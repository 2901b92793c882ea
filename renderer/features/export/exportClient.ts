// The page's side of the export worker: one worker per export, a promise for the built file, progress
// as a callback. The worker is ended when the file is built (or failed): exports are rare.
import { assertNever } from '../../../shared/result';
import { activeDatabaseName } from '../../db/database';
import type { ExportWorkerRequest, ExportWorkerResponse } from '../../workers/exportProtocol';
import type { BuildPhase, BuiltExport, ExportJob } from './buildExport';

export class ExportWorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportWorkerError';
  }
}

/** Builds the file in a worker of its own. */
export function buildInWorker(job: ExportJob, onPhase: (p: BuildPhase) => void): Promise<BuiltExport> {
  // Named after the database, which the worker opens too (see workerDatabaseName).
  const worker = new Worker(new URL('../../workers/export.worker.ts', import.meta.url), { type: 'module', name: activeDatabaseName() });
  return new Promise<BuiltExport>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ExportWorkerResponse>) => {
      const message = event.data;
      switch (message.type) {
        case 'progress':
          onPhase(message.phase);
          return;
        case 'built':
          worker.terminate();
          resolve({ bytes: new Uint8Array(message.bytes), rows: message.rows });
          return;
        case 'failed':
          worker.terminate();
          reject(new ExportWorkerError(message.message));
          return;
        default:
          assertNever(message);
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new ExportWorkerError(event.message || 'worker error'));
    };
    worker.postMessage({ id: 1, type: 'build', job } satisfies ExportWorkerRequest);
  });
}
