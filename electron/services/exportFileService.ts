// Export files on disk: the page sends a built CSV/XLSX file in pieces, main writes it beside its final
// place under a temporary name, fsyncs it and renames it into place at commit, so a file that exists
// is complete. On desktop the clerk chooses the place in the OS save dialog; in the browser mode and
// the e2e tests files go to <dataFolder>/exports.
import path from 'node:path';
import type { FailureReason } from '../../shared/ipc/contract';
import { MAX_EXPORT_FILE_BYTES, type ExportCommitResult, type ExportFileFailure } from '../../shared/ipc/exportFiles';
import { err, ok, type Result } from '../../shared/result';
import { errorCode } from './backup/errors';
import { removeFile, renameWithRetry, writeFully } from './backup/files';
import { nodeBackupFs, nodeBackupRandom, realSleep, type BackupFileHandle, type BackupFs, type BackupRandom } from './backup/os';

export interface ExportFileServiceOptions {
  /**
   * Desktop: the OS save dialog proposing this name; the absolute path chosen, or null when cancelled.
   * Absent: files go to `folder` under the proposed name (made unique).
   */
  chooseSavePath?: (fileName: string) => Promise<string | null>;
  /** Where files go without a dialog. */
  folder: string;
  fs?: BackupFs;
  random?: BackupRandom;
  sleep?: (ms: number) => Promise<void>;
  /** Tests only. */
  maxBytes?: number;
}

export interface ExportFileService {
  begin(fileName: string): Promise<Result<{ sessionId: string; fileName: string } | null, FailureReason>>;
  append(sessionId: string, offset: number, bytes: Uint8Array): Promise<Result<{ receivedBytes: number }, FailureReason>>;
  commit(sessionId: string): Promise<Result<ExportCommitResult, FailureReason>>;
  abort(sessionId: string): Promise<Result<null, FailureReason>>;
  /** At quit: unfinished files are removed. */
  dispose(): Promise<void>;
}

interface Session {
  target: string;
  temp: string;
  handle: BackupFileHandle;
  received: number;
  /** One request at a time per session: a second one waits for the first. */
  queue: Promise<unknown>;
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const NOT_ALLOWED = new Set(['EACCES', 'EPERM', 'EROFS']);

function failureOf(error: unknown): ExportFileFailure {
  const code = errorCode(error);
  if (code !== undefined && DISK_FULL.has(code)) return 'export-disk-full';
  if (code !== undefined && NOT_ALLOWED.has(code)) return 'export-no-permission';
  return 'export-write-failed';
}

/** "name.csv" → "name (2).csv" … until no such file exists. */
async function uniquePath(fs: BackupFs, folder: string, fileName: string): Promise<string> {
  const ext = path.extname(fileName);
  const stem = fileName.slice(0, fileName.length - ext.length);
  for (let i = 1; ; i++) {
    const candidate = path.join(folder, i === 1 ? fileName : `${stem} (${i})${ext}`);
    try {
      await fs.stat(candidate);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return candidate;
      throw error;
    }
  }
}

export function createExportFileService(options: ExportFileServiceOptions): ExportFileService {
  const fs = options.fs ?? nodeBackupFs;
  const random = options.random ?? nodeBackupRandom;
  const sleep = options.sleep ?? realSleep;
  const maxBytes = options.maxBytes ?? MAX_EXPORT_FILE_BYTES;
  const sessions = new Map<string, Session>();

  async function drop(id: string): Promise<void> {
    const s = sessions.get(id);
    if (!s) return;
    sessions.delete(id);
    await s.handle.close().catch(() => undefined);
    await removeFile(fs, s.temp);
  }

  /** Runs `work` after the session's earlier requests; a failure ends the session and removes its file. */
  function serial<T>(id: string, work: (s: Session) => Promise<Result<T, FailureReason>>): Promise<Result<T, FailureReason>> {
    const s = sessions.get(id);
    if (!s) return Promise.resolve(err('export-session-expired'));
    const run = s.queue.then(async () => {
      if (sessions.get(id) !== s) return err<FailureReason>('export-session-expired');
      try {
        return await work(s);
      } catch (error) {
        await drop(id);
        return err<FailureReason>(failureOf(error));
      }
    });
    s.queue = run.catch(() => undefined);
    return run;
  }

  return {
    async begin(fileName) {
      let target: string | null;
      try {
        if (options.chooseSavePath) {
          target = await options.chooseSavePath(fileName);
          if (target === null) return ok(null);
          if (!path.isAbsolute(target)) return err('invalid-request');
        } else {
          await fs.mkdir(options.folder, { recursive: true });
          target = await uniquePath(fs, options.folder, fileName);
        }
        const id = random.uuid();
        // Beside the target, so the final rename stays on one disk.
        const temp = path.join(path.dirname(target), `.regulars-tmp-${id}.export`);
        const handle = await fs.open(temp, 'wx');
        sessions.set(id, { target, temp, handle, received: 0, queue: Promise.resolve() });
        return ok({ sessionId: id, fileName: path.basename(target) });
      } catch (error) {
        return err(failureOf(error));
      }
    },

    append(sessionId, offset, bytes) {
      return serial(sessionId, async (s) => {
        if (offset !== s.received) {
          await drop(sessionId);
          return err('invalid-request');
        }
        if (s.received + bytes.length > maxBytes) {
          await drop(sessionId);
          return err('export-too-large');
        }
        await writeFully(s.handle, bytes, s.received);
        s.received += bytes.length;
        return ok({ receivedBytes: s.received });
      });
    },

    commit(sessionId) {
      return serial(sessionId, async (s) => {
        await s.handle.sync();
        const size = (await s.handle.stat()).size;
        await s.handle.close();
        if (size !== s.received) throw Object.assign(new Error('size differs'), { code: 'EIO' });
        // A file already at the chosen place: the clerk confirmed replacing it in the save dialog.
        await renameWithRetry(fs, s.temp, s.target, sleep);
        sessions.delete(sessionId);
        return ok({ fileName: path.basename(s.target), path: s.target, bytes: size });
      });
    },

    async abort(sessionId) {
      await drop(sessionId);
      return ok(null);
    },

    async dispose() {
      await Promise.all([...sessions.keys()].map(drop));
    },
  };
}
