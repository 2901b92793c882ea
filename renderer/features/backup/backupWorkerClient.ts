// The page's side of the backup worker (workers/backupProtocol.ts): one worker for the app, requests as
// promises, pieces and progress as callbacks. Tests pass their own BackupWorkerApi (e.g. the same code run in-process).
import type { DatabaseComparison } from '../../db/backupCompare';
import type { ChainCheck } from '../../../shared/domain/auditChain';
import type { ErasureEntry } from '../../../shared/domain/erasure';
import type { OwnerPinCarry, RestoreAudit, StagedDatabase, StagingExpectation } from '../../db/backupStaging';
import { activeDatabaseName } from '../../db/database';
import { systemClock } from '../../platform/systemClock';
import { backupContract, BACKUP_WORKER_FAILURES, type BackupWorkerFailure, type ExportDone, type ExportEvent } from '../../workers/backupProtocol';
import { createWorkerClient, orThrow, type WorkerEndpoint, type WorkerFailure } from '../../workers/rpc';
import { assertNever } from '../../../shared/result';

export type { ExportDone };

export interface ExportCallbacks {
  onStart(info: { schemaVersion: number; counts: Record<string, number> }): void;
  onPiece(bytes: Uint8Array): void;
  onProgress(done: number, total: number): void;
}

export interface BackupWorkerApi {
  exportDatabase(callbacks: ExportCallbacks): Promise<ExportDone>;
  stagingBegin(name: string, expected: StagingExpectation): Promise<void>;
  stagingPush(name: string, bytes: Uint8Array): Promise<void>;
  /**
   * `restored`: what the restored store's audit trail says of this restore; null for a restore test. `erasures`:
   * main's copy of the erasure register, erased again in the restored store with today's and the backup's own.
   */
  stagingFinish(name: string, carry: OwnerPinCarry, restored?: RestoreAudit | null, erasures?: readonly ErasureEntry[]): Promise<StagedDatabase>;
  stagingDiscard(name: string): Promise<void>;
  dropStaged(name: string): Promise<void>;
  compareWith(name: string): Promise<DatabaseComparison>;
  checkAuditChain(): Promise<ChainCheck>;
}

export class BackupWorkerError extends Error {
  constructor(
    readonly reason: BackupWorkerFailure,
    message: string,
  ) {
    super(message);
    this.name = 'BackupWorkerError';
  }
}

const isBackupFailure = (reason: string): reason is BackupWorkerFailure => (BACKUP_WORKER_FAILURES as readonly string[]).includes(reason);

// The worker's own reasons as they are; a worker that failed or died fails the export, or the restore's write.
const exportFailed = (failure: WorkerFailure) =>
  isBackupFailure(failure.reason) ? new BackupWorkerError(failure.reason, failure.message) : new BackupWorkerError('export-failed', failure.message);
const restoreFailed = (failure: WorkerFailure) =>
  isBackupFailure(failure.reason) ? new BackupWorkerError(failure.reason, failure.message) : new BackupWorkerError('restore-write-failed', failure.message);

function toCallbacks(callbacks: ExportCallbacks) {
  return (event: ExportEvent) => {
    switch (event.type) {
      case 'start':
        return callbacks.onStart({ schemaVersion: event.schemaVersion, counts: event.counts });
      case 'piece':
        return callbacks.onPiece(event.bytes);
      case 'progress':
        return callbacks.onProgress(event.done, event.total);
      default:
        return assertNever(event, 'backup export event');
    }
  };
}

/** The backup worker behind `endpoint` (a Worker in the app). */
function backupClient(endpoint: WorkerEndpoint) {
  const rpc = createWorkerClient(backupContract, endpoint, { clock: systemClock });
  return {
    get open() {
      return rpc.open;
    },
    exportDatabase: async (callbacks: ExportCallbacks) => orThrow(await rpc.call('export', undefined, { onProgress: toCallbacks(callbacks) }), exportFailed),
    stagingBegin: async (name: string, expected: StagingExpectation) => orThrow(await rpc.call('stagingBegin', { name, expected }), restoreFailed),
    // The page read these from the main process and has no further use for them.
    stagingPush: async (name: string, bytes: Uint8Array) => orThrow(await rpc.call('stagingPush', { name, bytes }, { transfer: [bytes.buffer] }), restoreFailed),
    stagingFinish: async (name: string, carry: OwnerPinCarry, restored: RestoreAudit | null = null, erasures: readonly ErasureEntry[] = []) =>
      orThrow(await rpc.call('stagingFinish', { name, carry, restored, erasures: [...erasures] }), restoreFailed),
    stagingDiscard: async (name: string) => orThrow(await rpc.call('stagingDiscard', { name }), restoreFailed),
    dropStaged: async (name: string) => orThrow(await rpc.call('dropStaged', { name }), restoreFailed),
    compareWith: async (name: string) => orThrow(await rpc.call('compareWith', { name }), restoreFailed),
    checkAuditChain: async () => orThrow(await rpc.call('checkAuditChain', undefined), exportFailed),
  } satisfies BackupWorkerApi & { open: boolean };
}

let client: ReturnType<typeof backupClient> | null = null;

/** The app's backup worker, started on first use, and again after it failed. */
export function backupWorker(): BackupWorkerApi {
  if (!client?.open) {
    // Named after the database, which the worker opens too (see workerDatabaseName).
    client = backupClient(new Worker(new URL('../../workers/backup.worker.ts', import.meta.url), { type: 'module', name: activeDatabaseName() }));
  }
  return client;
}
