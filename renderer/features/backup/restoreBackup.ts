// A restore, step by step: a safety backup of today's data, the backup read (every check in the main
// process) into a staging database, its upgrade to today's version and a count of every table, and only
// then the swap (moving the database pointer). Any failure before the swap deletes the staging database
// and leaves today's data exactly as it was.
import type { BackupPreview, BackupSource } from '../../../shared/backup/api';
import { BackupReadError } from '../../../shared/backup/client';
import { PAYLOAD_FORMAT } from '../../../shared/domain/backupPayload';
import type { DesktopApi } from '../../../shared/ipc/contract';
import { err, ok, type Result } from '../../../shared/result';
import { readDatabasePointer, restoredDatabaseName, writeDatabasePointer, type DatabasePointer } from '../../db/activeDatabase';
import { CURRENT_SCHEMA_VERSION } from '../../db/backupSchemas';
import type { OwnerPinCarry, StagedDatabase } from '../../db/backupStaging';
import { BackupWorkerError, type BackupWorkerApi } from './backupWorkerClient';
import { runBackup, type BackupProgress } from './runBackup';
import { stagePayload } from './stagePayload';

export const RESTORE_STEPS = ['safety', 'reading', 'checking', 'switching'] as const;
export type RestoreStep = (typeof RESTORE_STEPS)[number];

export interface RestoreProgress {
  step: RestoreStep;
  /** 0…1 within the step. */
  fraction: number;
}

export type RestoreMode = 'replace' | 'empty' | 'recover';

export interface RestoreRequest {
  source: BackupSource;
  password?: string;
  /** Instead of the password: the recovery key from the printed sheet. */
  recoveryKey?: string;
  /** What the owner saw and agreed to: the file must still be that backup. */
  preview: BackupPreview;
  /**
   * 'replace': today's store opened and is replaced (a safety backup first; the old database is deleted after
   * the restored one has opened). 'empty': today's store opened but holds nothing (a new PC, a profile the
   * browser reset): no safety backup of nothing, and the empty database goes. 'recover': today's store cannot
   * be opened: no safety backup is possible, and the unreadable database is kept aside, never deleted.
   */
  mode: RestoreMode;
  /** Today's owner PIN record, put into the restored store ('replace'); null in 'recover'. */
  carry: OwnerPinCarry;
  /** Last say before the swap, e.g. the PIN the restored store asks for ('recover'); false cancels. */
  beforeSwap?: (staged: StagedDatabase) => Promise<boolean>;
}

export interface RestoreOutcome {
  database: string;
  staged: StagedDatabase;
  /** The safety backup of today's data ('replace'), for undo. */
  safety: { fileName: string; createdAt: string } | null;
}

export interface RestoreDeps {
  api: DesktopApi['backup'];
  /** Main's copy of the erasure register: whoever it names is erased again in the restored store. */
  erasures: DesktopApi['erasures'];
  worker: BackupWorkerApi;
  newId: () => string;
  now: () => Date;
  readPointer?: () => Promise<DatabasePointer>;
  writePointer?: (pointer: DatabasePointer) => Promise<void>;
}

/**
 * Why a restore stopped (translated as errors.<reason> or backup.failures.<reason>). 'restore-safety-failed'
 * carries the safety backup's own reason in `cause`; 'restore-cancelled' is the owner saying no at the end.
 */
export type RestoreFailureResult = { reason: string; cause?: string; detail?: string };

export async function restoreBackup(
  deps: RestoreDeps,
  request: RestoreRequest,
  onProgress: (progress: RestoreProgress) => void = () => undefined,
): Promise<Result<RestoreOutcome, RestoreFailureResult>> {
  const { api, worker } = deps;
  if (request.preview.payloadFormat !== PAYLOAD_FORMAT) return err({ reason: 'restore-payload-invalid' });
  if (request.preview.schemaVersion > CURRENT_SCHEMA_VERSION) return err({ reason: 'backup-newer-schema' });

  // Asked first: without it an erasure that today's store cannot vouch for ('recover', a new PC) could come back.
  const erased = await deps.erasures.list();
  if (!erased.ok) return err({ reason: erased.reason });

  let safety: RestoreOutcome['safety'] = null;
  if (request.mode === 'replace') {
    onProgress({ step: 'safety', fraction: 0 });
    const made = await runBackup(api, worker, 'safety', (p: BackupProgress) => onProgress({ step: 'safety', fraction: p.fraction }));
    if (!made.ok) return err({ reason: 'restore-safety-failed', cause: made.reason });
    safety = { fileName: made.value.backup.fileName, createdAt: made.value.backup.createdAt };
  }

  onProgress({ step: 'reading', fraction: 0 });
  const opened = await api.open({ source: request.source, appSchemaVersion: CURRENT_SCHEMA_VERSION, password: request.password, recoveryKey: request.recoveryKey });
  if (!opened.ok) return err({ reason: opened.reason });
  const { readId, preview } = opened.value;
  if (preview.id !== request.preview.id || preview.payloadBytes !== request.preview.payloadBytes) {
    await api.close(readId);
    return err({ reason: 'restore-file-changed' });
  }

  const name = restoredDatabaseName(deps.newId());
  let staged: StagedDatabase;
  try {
    await worker.stagingBegin(name, { schemaVersion: preview.schemaVersion, counts: preview.counts, payloadFormat: preview.payloadFormat });
    const total = Math.max(1, preview.payloadBytes);
    await stagePayload(api, worker, name, readId, (received) => onProgress({ step: 'reading', fraction: Math.min(1, received / total) }));
    onProgress({ step: 'checking', fraction: 0 });
    staged = await worker.stagingFinish(name, request.carry, { mode: request.mode, backupCreatedAt: preview.createdAt }, erased.value.entries);
    onProgress({ step: 'checking', fraction: 1 });
  } catch (error) {
    await worker.stagingDiscard(name).catch(() => undefined);
    if (error instanceof BackupReadError) return err({ reason: error.reason });
    if (error instanceof BackupWorkerError) return err({ reason: error.reason, detail: error.message });
    return err({ reason: 'restore-write-failed' });
  }

  try {
    if (request.beforeSwap && !(await request.beforeSwap(staged))) {
      await deleteStaged(worker, name);
      return err({ reason: 'restore-cancelled' });
    }
    onProgress({ step: 'switching', fraction: 0 });
    const pointer = await (deps.readPointer ?? readDatabasePointer)();
    const next: DatabasePointer =
      request.mode === 'recover'
        ? { active: name, previous: null, keep: [...new Set([...pointer.keep, pointer.active])], movedAt: deps.now().toISOString() }
        : { active: name, previous: pointer.active, keep: pointer.keep, movedAt: deps.now().toISOString() };
    await (deps.writePointer ?? writeDatabasePointer)(next);
    onProgress({ step: 'switching', fraction: 1 });
  } catch {
    await deleteStaged(worker, name);
    return err({ reason: 'restore-switch-failed' });
  }
  return ok({ database: name, staged, safety });
}

async function deleteStaged(worker: BackupWorkerApi, name: string): Promise<void> {
  try {
    await worker.dropStaged(name);
  } catch {
    // Left for start-up to remove: it is not the active database, and its name marks it as a restore's.
  }
}
