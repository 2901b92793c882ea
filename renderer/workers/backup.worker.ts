// The backup worker: reads the app's database for a backup, writes a backup's payload into a staging
// database (a restore, or a restore test) and compares a staging database with the app's, off the UI
// thread. It opens the database the page named it after (workerDatabaseName).
import { isRestoredDatabaseName, workerDatabaseName } from '../db/activeDatabase';
import { onDatabaseChange } from '../db/backupChanges';
import { compareDatabases } from '../db/backupCompare';
import { exportDatabase, exportFailureReason } from '../db/backupExport';
import { createStagingImport, dropStagedDatabase, erasuresToCarry, RestoreError, type StagingImport } from '../db/backupStaging';
import { RegularsDatabase } from '../db/database';
import { createAuditReader } from '../db/audit';
import { backupContract } from './backupProtocol';
import { serve, transferring } from './rpc';
import { workerClock } from './workerClock';

let db: RegularsDatabase | null = null;
const staging = new Map<string, StagingImport>();
// Writes to the app's database from any context (the page, the other workers): a backup read in slices
// is good only if none came in between (see backupExport.ts).
let writes = 0;
onDatabaseChange(workerDatabaseName(), () => (writes += 1));

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

serve(
  backupContract,
  {
    export: async (_request, { progress }) => {
      const result = await exportDatabase(
        appDatabase(),
        {
          start: (info) => progress({ type: 'start', ...info }),
          // Transferred, not copied: the worker lets go of each piece as it hands it over.
          piece: (bytes) => progress(transferring({ type: 'piece', bytes }, [bytes.buffer])),
          progress: (done) => progress({ type: 'progress', done, total: 0 }),
        },
        { now: workerClock, changes: () => writes },
      );
      return { schemaVersion: result.schemaVersion, counts: result.counts, bytes: result.bytes };
    },
    stagingBegin: async ({ name, expected }) => {
      checkStagingName(name);
      await staging.get(name)?.discard();
      staging.set(name, createStagingImport(name, expected));
    },
    stagingPush: async ({ name, bytes }) => {
      await stagingOf(name).push(bytes);
    },
    stagingFinish: async ({ name, carry, restored, erasures: fromMain }) => {
      // Main's and today's erasure registers go into the store restored: a backup older than an erasure brings no one back.
      const erasures = await erasuresToCarry(appDatabase, restored, fromMain);
      const staged = await stagingOf(name).finish(carry, restored === null ? null : { audit: restored, deps: { now: workerClock, newId: () => crypto.randomUUID() } }, erasures);
      staging.delete(name);
      return staged;
    },
    stagingDiscard: async ({ name }) => {
      await staging.get(name)?.discard();
      staging.delete(name);
    },
    dropStaged: async ({ name }) => {
      checkStagingName(name);
      staging.delete(name);
      await dropStagedDatabase(name);
    },
    checkAuditChain: () => createAuditReader(appDatabase()).checkChain(),
    compareWith: async ({ name }) => {
      checkStagingName(name);
      const restored = new RegularsDatabase(name);
      try {
        return await compareDatabases(appDatabase(), restored);
      } finally {
        restored.close();
      }
    },
  },
  {
    failure: (error, method) => ({
      reason: error instanceof RestoreError ? error.reason : method === 'export' ? exportFailureReason(error) : 'restore-write-failed',
      message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    }),
  },
);
