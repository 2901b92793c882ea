// Sending a whole payload to the main process and reading one back, over the backup channels. The
// renderer's backup and restore code uses these rather than the channels one by one.
import type { DesktopApi } from '../ipc/contract';
import { err, type Result } from '../result';
import type { BackupBeginRequest, BackupCommitResult, ChosenBackupFile } from './api';
import { MAX_CHUNK_BYTES } from './format';

type BackupApi = DesktopApi['backup'];
type Pieces = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/**
 * Begins a backup, sends `pieces` (any sizes: they are re-cut to MAX_CHUNK_BYTES, one request in flight
 * at a time) and commits. Any failure aborts the backup, so no half-written session is left behind; an
 * error thrown by `pieces` (the export failed) is rethrown after the abort.
 */
export async function writeBackup(
  api: BackupApi,
  request: BackupBeginRequest,
  pieces: Pieces,
  onProgress?: (sentBytes: number) => void,
): Promise<Result<BackupCommitResult>> {
  const begun = await api.begin(request);
  if (!begun.ok) return begun;
  const { sessionId } = begun.value;
  const buffer = new Uint8Array(MAX_CHUNK_BYTES);
  let filled = 0;
  let sent = 0;
  const flush = async (): Promise<Result<unknown>> => {
    const appended = await api.append(sessionId, sent, buffer.subarray(0, filled));
    if (appended.ok) {
      sent += filled;
      filled = 0;
      onProgress?.(sent);
    }
    return appended;
  };
  try {
    for await (const piece of pieces) {
      for (let at = 0; at < piece.length; ) {
        const take = Math.min(piece.length - at, MAX_CHUNK_BYTES - filled);
        buffer.set(piece.subarray(at, at + take), filled);
        filled += take;
        at += take;
        if (filled === MAX_CHUNK_BYTES) {
          const appended = await flush();
          if (!appended.ok) return await abortWith(api, sessionId, appended.reason);
        }
      }
    }
    if (filled > 0) {
      const appended = await flush();
      if (!appended.ok) return await abortWith(api, sessionId, appended.reason);
    }
  } catch (error) {
    await api.abort(sessionId);
    throw error;
  }
  const committed = await api.commit(sessionId);
  if (!committed.ok) await api.abort(sessionId);
  return committed;
}

async function abortWith(api: BackupApi, sessionId: string, reason: string): Promise<Result<never>> {
  await api.abort(sessionId);
  return err(reason);
}

export class BackupReadError extends Error {
  /** A FailureReason code, as the channels return it. */
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'BackupReadError';
  }
}

/**
 * The payload of an opened backup (`backup.open`), in order. The pieces are unverified until the loop
 * ends normally: main checks the length, SHA-256 and (when encrypted) the GCM tag before it says done.
 * A failure throws BackupReadError; leaving the loop early closes the read.
 */
export async function* readBackup(api: BackupApi, readId: string, onProgress?: (receivedBytes: number) => void): AsyncGenerator<Uint8Array, void> {
  let received = 0;
  let done = false;
  try {
    while (!done) {
      const piece = await api.read(readId);
      if (!piece.ok) {
        done = true;
        throw new BackupReadError(piece.reason);
      }
      if (piece.value.offset !== received) throw new BackupReadError('internal-error');
      received += piece.value.data.length;
      done = piece.value.done;
      onProgress?.(received);
      if (piece.value.data.length > 0) yield piece.value.data;
    }
  } finally {
    if (!done) await api.close(readId);
  }
}

/** A file as the browser hands it over: its name, its size and its bytes a range at a time (File.slice). */
export interface PickedFile {
  name: string;
  size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

/**
 * Browser mode's "restore from a file": sends the picked file to main in MAX_CHUNK_BYTES pieces, one at a time;
 * resolves with the handle of main's copy, which the restore then inspects like any chosen file. Nothing is restored here.
 */
export async function sendBackupFile(api: BackupApi, file: PickedFile, onProgress?: (sentBytes: number) => void): Promise<Result<ChosenBackupFile>> {
  if (file.size === 0) return err('not-a-backup');
  const begun = await api.receiveBegin(file.name, file.size);
  if (!begun.ok) return begun;
  const { receiveId } = begun.value;
  for (let sent = 0; sent < file.size; ) {
    const bytes = await file.read(sent, Math.min(file.size, sent + MAX_CHUNK_BYTES));
    if (bytes.length === 0) return err('backup-truncated');
    const appended = await api.receiveAppend(receiveId, sent, bytes);
    if (!appended.ok) return appended;
    sent += bytes.length;
    onProgress?.(sent);
  }
  return api.receiveEnd(receiveId);
}
