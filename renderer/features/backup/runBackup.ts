// One backup: the worker reads the database and hands over the payload piece by piece; the page sends the
// pieces to the main process (writeBackup), which compresses, writes, verifies and keeps the file.
import type { BackupCommitResult } from '../../../shared/backup/api';
import { writeBackup } from '../../../shared/backup/client';
import type { BackupTrigger } from '../../../shared/backup/format';
import { PAYLOAD_FORMAT } from '../../../shared/domain/backupPayload';
import type { DesktopApi } from '../../../shared/ipc/contract';
import { err, type Result } from '../../../shared/result';
import { BackupWorkerError, type BackupWorkerApi } from './backupWorkerClient';

export interface BackupProgress {
  /** 'reading': the worker reads the database; 'writing': the main process receives the pieces; 'checking': it verifies the file. */
  phase: 'reading' | 'writing' | 'checking';
  /** 0…1, for the progress bar. */
  fraction: number;
}

/** Pieces as the worker hands them over, for writeBackup to send one at a time. */
class PieceQueue implements AsyncIterable<Uint8Array> {
  private readonly pieces: Uint8Array[] = [];
  private ended = false;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  push(piece: Uint8Array) {
    this.pieces.push(piece);
    this.notify();
  }

  end() {
    this.ended = true;
    this.notify();
  }

  fail(error: Error) {
    this.failure = error;
    this.notify();
  }

  private notify() {
    this.wake?.();
    this.wake = null;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for (;;) {
      if (this.failure) throw this.failure;
      const next = this.pieces.shift();
      if (next) {
        yield next;
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

function exportFailure(error: unknown): 'export-busy' | 'export-failed' {
  return error instanceof BackupWorkerError && error.reason === 'export-busy' ? 'export-busy' : 'export-failed';
}

/**
 * Makes one backup. Resolves with the written, verified backup or a failure reason (errors.<reason>, or
 * 'export-failed' when the database could not be read, 'export-busy' when it kept changing). Nothing is left
 * half-written either way.
 */
export async function runBackup(
  api: DesktopApi['backup'],
  worker: BackupWorkerApi,
  trigger: BackupTrigger,
  reportProgress: (progress: BackupProgress) => void = () => undefined,
): Promise<Result<BackupCommitResult>> {
  // After a failure the worker reads on to its end; what it reports then is no longer this backup's progress.
  let settled = false;
  const onProgress = (progress: BackupProgress) => {
    if (!settled) reportProgress(progress);
  };
  const settle = <T>(result: T): T => {
    settled = true;
    return result;
  };
  const queue = new PieceQueue();
  let produced = 0;
  let readFraction = 0;
  let exportedBytes: number | null = null;
  let started!: (info: { schemaVersion: number; counts: Record<string, number> }) => void;
  const startInfo = new Promise<{ schemaVersion: number; counts: Record<string, number> }>((resolve) => (started = resolve));

  const exported = worker
    .exportDatabase({
      onStart: (info) => started(info),
      onPiece: (bytes) => {
        produced += bytes.length;
        queue.push(bytes);
      },
      onProgress: (done, total) => {
        readFraction = total === 0 ? 1 : done / total;
        onProgress({ phase: 'reading', fraction: 0 });
      },
    })
    .then(
      (done) => {
        exportedBytes = done.bytes;
        queue.end();
        return done;
      },
      (error: unknown) => {
        const failure = error instanceof Error ? error : new Error(String(error));
        queue.fail(failure);
        throw failure;
      },
    );

  let info: { schemaVersion: number; counts: Record<string, number> };
  try {
    info = await Promise.race([startInfo, exported.then(() => startInfo)]);
  } catch (error) {
    return settle(err(exportFailure(error)));
  }
  onProgress({ phase: 'reading', fraction: 0 });
  try {
    const written = await writeBackup(
      api,
      { schemaVersion: info.schemaVersion, counts: info.counts, payloadFormat: PAYLOAD_FORMAT, trigger },
      queue,
      (sent) => {
        // Until the read ends, the whole size is estimated from how far the read has come.
        const total = exportedBytes ?? (readFraction > 0 ? produced / readFraction : produced * 2);
        const fraction = Math.min(0.97, total > 0 ? (sent / total) * 0.97 : 0);
        onProgress({ phase: exportedBytes !== null && sent >= exportedBytes ? 'checking' : 'writing', fraction });
      },
    );
    if (!written.ok) {
      // The read goes on to its end in the worker; its pieces are simply not wanted any more.
      exported.catch(() => undefined);
      return settle(written);
    }
    onProgress({ phase: 'checking', fraction: 1 });
    return settle(written);
  } catch (error) {
    // writeBackup aborted the session: the export failed part-way.
    return settle(err(exportFailure(error)));
  }
}
