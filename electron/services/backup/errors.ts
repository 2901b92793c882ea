// Operating-system errors as the reason codes the renderer translates; never the message (it names paths).
import type { BackupRefusal, BackupWriteFailure } from '../../../shared/backup/format';

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const FOLDER_GONE = new Set(['ENOENT', 'ENOTDIR', 'ENODEV', 'ENXIO']);
const NOT_ALLOWED = new Set(['EACCES', 'EPERM', 'EROFS']);

export function writeFailureOf(error: unknown): BackupWriteFailure {
  const code = errorCode(error);
  if (code === undefined) return 'backup-write-failed';
  if (DISK_FULL.has(code)) return 'backup-disk-full';
  if (FOLDER_GONE.has(code)) return 'backup-folder-missing';
  if (NOT_ALLOWED.has(code)) return 'backup-no-permission';
  return 'backup-write-failed';
}

export type ReadFailure = Extract<BackupRefusal, 'backup-not-found' | 'backup-read-failed'>;

export function readFailureOf(error: unknown): ReadFailure {
  const code = errorCode(error);
  return code !== undefined && FOLDER_GONE.has(code) ? 'backup-not-found' : 'backup-read-failed';
}

/** Thrown inside the service to carry a reason code out of deep helpers; never leaves the service. */
export class BackupError<R extends string = string> extends Error {
  constructor(readonly reason: R) {
    super(reason);
    this.name = 'BackupError';
  }
}

export function isOsError(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && /^E[A-Z]+$/.test(code);
}
