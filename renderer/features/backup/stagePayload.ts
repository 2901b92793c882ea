// An opened backup's payload handed, piece by piece, to the worker's staging database (a restore, a
// restore test): the next piece is read from the main process while the worker writes the last one.
import type { DesktopApi } from '../../../shared/ipc/contract';
import { readBackup } from '../../../shared/backup/client';
import type { BackupWorkerApi } from './backupWorkerClient';

/**
 * Every piece of the read `readId` pushed into staging database `name`, in order, one push at a time.
 * Nothing pushed is trusted until this returns: only then has main checked the whole file. It throws
 * what reading (BackupReadError) or writing (BackupWorkerError) threw, and only once no push is under
 * way, so the caller may discard the staging database at once.
 */
export async function stagePayload(
  api: DesktopApi['backup'],
  worker: Pick<BackupWorkerApi, 'stagingPush'>,
  name: string,
  readId: string,
  onReceived?: (receivedBytes: number) => void,
): Promise<void> {
  let pushing: Promise<void> = Promise.resolve();
  try {
    for await (const piece of readBackup(api, readId, onReceived)) {
      await pushing;
      pushing = worker.stagingPush(name, piece);
      // Its failure is thrown where it is awaited: before the next piece is handed over, or below.
      pushing.catch(() => undefined);
    }
    await pushing;
  } catch (error) {
    await pushing.catch(() => undefined);
    throw error;
  }
}
