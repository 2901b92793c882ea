// Backup files the owner picked in a browser (browser mode has no OS file picker, and a web page never learns a
// file's path): the page sends the file's bytes in pieces, main keeps the copy under <dataFolder>/received, and
// the restore then checks and reads that copy exactly as it would a file picked on the desktop.
import path from 'node:path';
import { MAX_PAYLOAD_BYTES } from '../../../shared/backup/format';
import type { FailureReason } from '../../../shared/ipc/contract';
import { err, ok, type Result } from '../../../shared/result';
import { writeFailureOf } from './errors';
import type { BackupFileHandle, BackupRandom } from './os';

/** The most a received backup may hold: a backup's whole payload, and room for its header. */
export const MAX_RECEIVED_BYTES = MAX_PAYLOAD_BYTES + 1024 * 1024;
/** Files received at once (a second tab, a retry after a reload); more is refused. */
export const MAX_OPEN_RECEIVES = 2;

export interface ReceiveFs {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  open(path: string, flags: 'wx'): Promise<BackupFileHandle>;
  rm(path: string, options: { recursive: true; force: true }): Promise<void>;
}

export interface ReceivedFiles {
  begin(fileName: string, sizeBytes: number): Promise<Result<{ receiveId: string }, FailureReason>>;
  append(receiveId: string, offset: number, bytes: Uint8Array): Promise<Result<{ receivedBytes: number }, FailureReason>>;
  /** All bytes are there: the copy's path, to inspect and restore like any file. */
  end(receiveId: string): Promise<Result<{ path: string }, FailureReason>>;
  /** Drops every received file (a page load, start-up): they are the owner's copies, not backups. */
  clear(): Promise<void>;
}

interface OpenReceive {
  handle: BackupFileHandle;
  folder: string;
  path: string;
  size: number;
  received: number;
  queue: Promise<unknown>;
}

/** The picked file's own name, as a name only: no folders, no characters a file system refuses. */
export function receivedFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 120);
  return clean === '' ? 'backup.rgbackup' : clean;
}

export function createReceivedFiles(options: { dataFolder: string; fs: ReceiveFs; random: BackupRandom }): ReceivedFiles {
  const root = path.join(options.dataFolder, 'received');
  const open = new Map<string, OpenReceive>();

  async function drop(receiveId: string): Promise<void> {
    const receive = open.get(receiveId);
    if (!receive) return;
    open.delete(receiveId);
    await receive.handle.close().catch(() => undefined);
    await options.fs.rm(receive.folder, { recursive: true, force: true }).catch(() => undefined);
  }

  return {
    async begin(fileName, sizeBytes) {
      if (!Number.isSafeInteger(sizeBytes) || sizeBytes <= 0) return err('invalid-request');
      if (sizeBytes > MAX_RECEIVED_BYTES) return err('backup-too-large');
      if (open.size >= MAX_OPEN_RECEIVES) return err('backup-busy');
      const receiveId = options.random.uuid();
      const folder = path.join(root, receiveId);
      const target = path.join(folder, receivedFileName(fileName));
      try {
        await options.fs.mkdir(folder, { recursive: true });
        const handle = await options.fs.open(target, 'wx');
        open.set(receiveId, { handle, folder, path: target, size: sizeBytes, received: 0, queue: Promise.resolve() });
        return ok({ receiveId });
      } catch (error) {
        await options.fs.rm(folder, { recursive: true, force: true }).catch(() => undefined);
        return err(writeFailureOf(error));
      }
    },

    async append(receiveId, offset, bytes) {
      const receive = open.get(receiveId);
      if (!receive) return err('backup-session-expired');
      const run = receive.queue.then(async (): Promise<Result<{ receivedBytes: number }, FailureReason>> => {
        if (!open.has(receiveId)) return err('backup-session-expired');
        // A lost or repeated piece, or more than the file said it holds, is refused and the copy dropped.
        if (offset !== receive.received || bytes.length === 0 || receive.received + bytes.length > receive.size) {
          await drop(receiveId);
          return err('invalid-request');
        }
        try {
          for (let done = 0; done < bytes.length; ) {
            const { bytesWritten } = await receive.handle.write(bytes, done, bytes.length - done, receive.received + done);
            done += bytesWritten;
          }
        } catch (error) {
          await drop(receiveId);
          return err(writeFailureOf(error));
        }
        receive.received += bytes.length;
        return ok({ receivedBytes: receive.received });
      });
      receive.queue = run.catch(() => undefined);
      return run;
    },

    async end(receiveId) {
      const receive = open.get(receiveId);
      if (!receive) return err('backup-session-expired');
      await receive.queue;
      if (!open.has(receiveId)) return err('backup-session-expired');
      if (receive.received !== receive.size) {
        await drop(receiveId);
        return err('backup-truncated');
      }
      try {
        await receive.handle.sync();
        await receive.handle.close();
      } catch (error) {
        await drop(receiveId);
        return err(writeFailureOf(error));
      }
      open.delete(receiveId);
      return ok({ path: receive.path });
    },

    async clear() {
      for (const receiveId of [...open.keys()]) await drop(receiveId);
      await options.fs.rm(root, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
