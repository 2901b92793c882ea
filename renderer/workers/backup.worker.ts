// The backup worker: reads the app's database for a backup, writes a backup's payload into a staging
// database (a restore, or a restore test) and compares a staging database with the app's, off the UI
// thread. It opens the database the page named it after (workerDatabaseName).
import { assertNever } from '../../shared/result';
import { isRestoredDatabaseName, workerDatabaseName } from '../db/activeDatabase';
import { onDatabaseChange } from '../db/backupChanges';
import { compareDatabases } from '../db/backupCompare';
import { exportDatabase, exportFailureReason } from '../db/backupExport';
import { createStagingImport, dropStagedDatabase, RestoreError, type StagingImport } from '../db/backupStaging';
import { RegularsDatabase } from '../db/database';
import type { BackupWorkerRequest, BackupWorkerResponse } from './backupProtocol';
import { followPageClock, workerClock } from './workerClock';

let db: RegularsDatabase | null = null;
const staging = new Map<string, StagingImport>();
// Writes to the app's database from any context (the page, the other workers): a backup read in slices
// is good only if none came in between (see backupExport.ts).
let writes = 0;
onDatabaseChange(workerDatabaseName(), () => (writes += 1));

const post = (message: BackupWorkerResponse, transfer: Transferable[] = []) =>
  (self as unknown as { postMessage: (m: BackupWorkerResponse, t: Transferable[]) => void }).postMessage(message, transfer);

function appDatabase(): RegularsDatabase {
  db ??= new RegularsDatabase(workerDatabaseName());
  return db;
}

function stagingOf(name: string): StagingImport {
  const found = staging.get(name);
  if (!found) throw new RestoreError('restore-write-failed', `no restore into ${name} is under way`);
  return found;
}

/** Only a restore's own database, and never the one the app runs on. */
function checkStagingName(name: string): void {
  if (!isRestoredDatabaseName(name) || name === workerDatabaseName()) throw new RestoreError('restore-write-failed', `${name} is not a staging database`);
}

async function handle(request: BackupWorkerRequest): Promise<BackupWorkerResponse> {
  const { id } = request;
  switch (request.type) {
    case 'export': {
      const result = await exportDatabase(
        appDatabase(),
        {
          start: (info) => post({ id, type: 'exportStart', ...info }),
          // Transferred, not copied: the worker lets go of each piece as it hands it over.
          piece: (bytes) => post({ id, type: 'piece', bytes }, [bytes.buffer]),
          progress: (done) => post({ id, type: 'progress', done, total: 0 }),
        },
        { now: workerClock, changes: () => writes },
      );
      return { id, type: 'exported', schemaVersion: result.schemaVersion, counts: result.counts, bytes: result.bytes };
    }
    case 'stagingBegin':
      checkStagingName(request.name);
      await staging.get(request.name)?.discard();
      staging.set(request.name, createStagingImport(request.name, request.expected));
      return { id, type: 'ok' };
    case 'stagingPush':
      await stagingOf(request.name).push(request.bytes);
      return { id, type: 'ok' };
    case 'stagingFinish': {
      const staged = await stagingOf(request.name).finish(request.carry);
      staging.delete(request.name);
      return { id, type: 'staged', staged };
    }
    case 'stagingDiscard':
      await staging.get(request.name)?.discard();
      staging.delete(request.name);
      return { id, type: 'ok' };
    case 'dropStaged':
      checkStagingName(request.name);
      staging.delete(request.name);
      await dropStagedDatabase(request.name);
      return { id, type: 'ok' };
    case 'compareWith': {
      checkStagingName(request.name);
      const restored = new RegularsDatabase(request.name);
      try {
        return { id, type: 'compared', comparison: await compareDatabases(appDatabase(), restored) };
      } finally {
        restored.close();
      }
    }
    default:
      return assertNever(request, 'backup worker request');
  }
}

self.onmessage = (event: MessageEvent<BackupWorkerRequest>) => {
  const request = event.data;
  followPageClock(request);
  handle(request).then(
    (answer) => post(answer),
    (error: unknown) => {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      post({ id: request.id, type: 'failed', reason: error instanceof RestoreError ? error.reason : request.type === 'export' ? exportFailureReason(error) : 'restore-write-failed', message });
    },
  );
};
