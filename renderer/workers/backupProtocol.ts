// The backup worker's declaration (served by backup.worker.ts, asked by features/backup/backupWorkerClient.ts):
// the export of the app's database for a backup, and the import of a backup's payload into a restore's
// staging database. The worker cannot reach the main process (the desktop API lives on the page's window),
// so the page carries the pieces both ways.
import type { DatabaseComparison } from '../db/backupCompare';
import type { ChainCheck } from '../../shared/domain/auditChain';
import type { ErasureEntry } from '../../shared/domain/erasure';
import { RESTORE_FAILURES, type OwnerPinCarry, type RestoreAudit, type StagedDatabase, type StagingExpectation } from '../db/backupStaging';
import { declareWorker, method } from './rpc';

/**
 * 'export-failed': the database could not be read or holds a value a backup cannot write; 'export-busy': it
 * kept changing while a store too large for one short read was read (backupExport.ts).
 */
export const BACKUP_WORKER_FAILURES = [...RESTORE_FAILURES, 'export-failed', 'export-busy'] as const;
export type BackupWorkerFailure = (typeof BACKUP_WORKER_FAILURES)[number];

export interface ExportDone {
  schemaVersion: number;
  counts: Record<string, number>;
  bytes: number;
}

/** What an export tells as it goes: the counts first, then pieces of the payload (transferred) and rows read. */
export type ExportEvent =
  | { type: 'start'; schemaVersion: number; counts: Record<string, number> }
  | { type: 'piece'; bytes: Uint8Array }
  /** Rows read so far; `total` when known, else 0. */
  | { type: 'progress'; done: number; total: number };

/** Staging databases are named, so a restore and a restore test can run side by side. */
type Staging = { name: string };

export const backupContract = declareWorker({
  name: 'backup',
  methods: {
    export: method<undefined, ExportDone, ExportEvent>(),
    stagingBegin: method<Staging & { expected: StagingExpectation }>(),
    /** One piece of the payload, in order; answered once it is written. */
    stagingPush: method<Staging & { bytes: Uint8Array }>(),
    /**
     * `restored`: a restore's own entry for the restored store's audit trail; null for a restore test.
     * `erasures`: main's copy of the erasure register (erasuresToCarry).
     */
    stagingFinish: method<Staging & { carry: OwnerPinCarry; restored: RestoreAudit | null; erasures: ErasureEntry[] }, StagedDatabase>(),
    stagingDiscard: method<Staging>(),
    /** A staging database finished but not swapped in (the owner cancelled at the last step, a restore test). */
    dropStaged: method<Staging>(),
    /** Every record of a staging database against the app's database (a restore test). */
    compareWith: method<Staging, DatabaseComparison>(),
    /** The app's audit trail walked and its hash chain checked (at every backup). */
    checkAuditChain: method<undefined, ChainCheck>(),
  },
  failures: BACKUP_WORKER_FAILURES,
});
