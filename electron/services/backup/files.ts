// File primitives the backup service builds on: complete reads and writes, renames that survive virus
// scanners, folder fsync where the OS has one, and small files written atomically.
import path from 'node:path';
import { BackupError, errorCode } from './errors';
import type { BackupFileHandle, BackupFs } from './os';

/** Writes all of `bytes` at `position`: a short write (a full disk can give one) continues, then fails. */
export async function writeFully(handle: BackupFileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    if (bytesWritten <= 0) throw Object.assign(new Error('no progress writing'), { code: 'ENOSPC' });
    done += bytesWritten;
  }
}

/** Reads up to `length` bytes at `position`; fewer only at the end of the file. */
export async function readAt(handle: BackupFileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}

export const READ_BLOCK_BYTES = 256 * 1024;

/** The bytes [start, end) in blocks; a file that ends early (it shrank while being read) is truncated. */
export async function* readRange(handle: BackupFileHandle, start: number, end: number, blockBytes = READ_BLOCK_BYTES): AsyncGenerator<Buffer> {
  for (let position = start; position < end; ) {
    const block = await readAt(handle, position, Math.min(blockBytes, end - position));
    if (block.length === 0) throw new BackupError('backup-truncated');
    position += block.length;
    yield block;
  }
}

// Windows virus scanners and search indexers open new files for a moment, and a rename over them fails
// with EPERM, EBUSY or EACCES until they let go.
const RENAME_RETRY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);
export const RENAME_BACKOFF_MS: readonly number[] = [50, 100, 200, 400, 800, 1600];

export async function renameWithRetry(fs: BackupFs, from: string, to: string, sleep: (ms: number) => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = errorCode(error);
      const wait = RENAME_BACKOFF_MS[attempt];
      if (code === undefined || !RENAME_RETRY_CODES.has(code) || wait === undefined) throw error;
      await sleep(wait);
    }
  }
}

// Opening a folder to fsync it is POSIX; Windows refuses (EISDIR, EPERM) and makes renames durable itself.
const NO_FOLDER_SYNC = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF', 'ENOSYS']);

/** Makes a rename in `folder` durable. Returns false where the OS has no folder fsync. */
export async function syncFolder(fs: BackupFs, folder: string): Promise<boolean> {
  let handle: BackupFileHandle;
  try {
    handle = await fs.open(folder, 'r');
  } catch (error) {
    const code = errorCode(error);
    if (code !== undefined && NO_FOLDER_SYNC.has(code)) return false;
    throw error;
  }
  try {
    await handle.sync();
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code !== undefined && NO_FOLDER_SYNC.has(code)) return false;
    throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Best effort: a file that is already gone is fine, anything else is reported to the caller's log. */
export async function removeFile(fs: BackupFs, file: string): Promise<boolean> {
  try {
    await fs.unlink(file);
    return true;
  } catch (error) {
    return errorCode(error) === 'ENOENT';
  }
}

/** Our temporary files: hidden, random, and recognisable so start-up removes only what we left behind. */
export const TEMP_PREFIX = '.regulars-tmp-';
export const TEMP_KINDS = ['part', 'spool', 'verified', 'settings', 'secret', 'probe'] as const;
export type TempKind = (typeof TEMP_KINDS)[number];
export const TEMP_NAME = /^\.regulars-tmp-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(part|spool|verified|settings|secret|probe)$/;

export function tempName(uuid: string, kind: TempKind): string {
  return `${TEMP_PREFIX}${uuid}.${kind}`;
}

/**
 * Replaces `target` with `bytes` so that a crash leaves the old file or the new one, never half of
 * either: write a temp file beside it, fsync, rename over, fsync the folder.
 */
export async function writeFileAtomic(
  fs: BackupFs,
  target: string,
  bytes: Uint8Array,
  options: { uuid: string; kind: TempKind; sleep: (ms: number) => Promise<void> },
): Promise<void> {
  const folder = path.dirname(target);
  const temp = path.join(folder, tempName(options.uuid, options.kind));
  const handle = await fs.open(temp, 'wx');
  try {
    try {
      await writeFully(handle, bytes, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(fs, temp, target, options.sleep);
  } catch (error) {
    await removeFile(fs, temp);
    throw error;
  }
  await syncFolder(fs, folder);
}
