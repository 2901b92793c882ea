// Messages between the page and the backup worker: the export of the app's database for a backup, and
// the import of a backup's payload into a restore's staging database. The worker cannot reach the main
// process (the desktop API lives on the page's window), so the page carries the pieces both ways.
import type { DatabaseComparison } from '../db/backupCompare';
import type { OwnerPinCarry, RestoreFailure, StagedDatabase, StagingExpectation } from '../db/backupStaging';
import type { PageTime } from './workerClock';

/** Each request carries the page's time (workerClock.ts). */
export type BackupWorkerRequest = PageTime &
  (
    | { id: number; type: 'export' }
    /** Staging databases are named, so a restore and a restore test can run side by side. */
    | { id: number; type: 'stagingBegin'; name: string; expected: StagingExpectation }
    /** One piece of the payload, in order; answered once it is written. */
    | { id: number; type: 'stagingPush'; name: string; bytes: Uint8Array }
    | { id: number; type: 'stagingFinish'; name: string; carry: OwnerPinCarry }
    | { id: number; type: 'stagingDiscard'; name: string }
    /** A staging database finished but not swapped in (the owner cancelled at the last step, a restore test). */
    | { id: number; type: 'dropStaged'; name: string }
    /** Every record of a staging database against the app's database (a restore test). */
    | { id: number; type: 'compareWith'; name: string }
  );

/**
 * 'export-failed': the database could not be read or holds a value a backup cannot write; 'export-busy': it
 * kept changing while a store too large for one short read was read (backupExport.ts).
 */
export type BackupWorkerFailure = RestoreFailure | 'export-failed' | 'export-busy';

export type BackupWorkerResponse =
  | { id: number; type: 'exportStart'; schemaVersion: number; counts: Record<string, number> }
  | { id: number; type: 'piece'; bytes: Uint8Array }
  /** Rows read so far; `total` when known, else 0. */
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'exported'; bytes: number; counts: Record<string, number>; schemaVersion: number }
  | { id: number; type: 'ok' }
  | { id: number; type: 'staged'; staged: StagedDatabase }
  | { id: number; type: 'compared'; comparison: DatabaseComparison }
  | { id: number; type: 'failed'; reason: BackupWorkerFailure; message: string };
