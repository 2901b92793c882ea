// The page's side of the export worker (workers/exportProtocol.ts): one worker per export, a promise for
// the built file, progress as a callback. The worker is ended when the file is built (or failed): exports are rare.
import { activeDatabaseName } from '../../db/database';
import { systemClock } from '../../platform/systemClock';
import { exportContract } from '../../workers/exportProtocol';
import { createWorkerClient, orThrow } from '../../workers/rpc';
import type { BuildPhase, BuiltExport, ExportJob } from './buildExport';

export class ExportWorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportWorkerError';
  }
}

/** Builds the file in a worker of its own. */
export async function buildInWorker(job: ExportJob, onPhase: (p: BuildPhase) => void): Promise<BuiltExport> {
  // Named after the database, which the worker opens too (see workerDatabaseName).
  const worker = new Worker(new URL('../../workers/export.worker.ts', import.meta.url), { type: 'module', name: activeDatabaseName() });
  const rpc = createWorkerClient(exportContract, worker, { clock: systemClock });
  try {
    const built = orThrow(await rpc.call('build', { job }, { onProgress: onPhase }), (failure) => new ExportWorkerError(failure.message));
    return { bytes: new Uint8Array(built.bytes), rows: built.rows };
  } finally {
    rpc.close();
  }
}
