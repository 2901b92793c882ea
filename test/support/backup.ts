// Test helpers for backups and restores (never used by the app): the backup worker's code run in-process,
// and the real main-process backup service behind the real IPC handler and contract, writing real files.
import type Dexie from 'dexie';
import { mkdtemp, open, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createIpcHandler } from '../../electron/ipc/handlers';
import { createWebServices } from '../../electron/services';
import { sendBackupFile } from '../../shared/backup/client';
import type { Clock } from '../../shared/clock';
import { createDesktopApi, type DesktopApi } from '../../shared/ipc/contract';
import { BackupWorkerError, type BackupWorkerApi } from '../../renderer/features/backup/backupWorkerClient';
import { compareDatabases } from '../../renderer/db/backupCompare';
import { exportDatabase, exportFailureReason } from '../../renderer/db/backupExport';
import { createStagingImport, dropStagedDatabase, erasuresToCarry, RestoreError, type StagingImport } from '../../renderer/db/backupStaging';
import { RegularsDatabase } from '../../renderer/db/database';
import { createAuditReader } from '../../renderer/db/audit';

/** Failures as they reach the page from the real worker (backup.worker.ts). */
const asWorkerFailure =
  <A extends unknown[], R>(work: (...args: A) => Promise<R>, fallback: (error: unknown) => 'export-failed' | 'export-busy' | 'restore-write-failed') =>
  async (...args: A): Promise<R> => {
    try {
      return await work(...args);
    } catch (error) {
      throw new BackupWorkerError(error instanceof RestoreError ? error.reason : fallback(error), error instanceof Error ? error.message : String(error));
    }
  };

const restoreWriteFailed = () => 'restore-write-failed' as const;

/** What the worker does, on this thread, over `db` (the app's database in the test); `now` stamps the export. */
export function inProcessBackupWorker(db: () => RegularsDatabase, now: Clock): BackupWorkerApi {
  const staging = new Map<string, StagingImport>();
  const of = (name: string) => {
    const found = staging.get(name);
    if (!found) throw new Error(`no staging ${name}`);
    return found;
  };
  const api: BackupWorkerApi = {
    exportDatabase: (callbacks) =>
      exportDatabase(db(), { start: callbacks.onStart, piece: callbacks.onPiece, progress: (done) => callbacks.onProgress(done, 0) }, { now }),
    async stagingBegin(name, expected) {
      await staging.get(name)?.discard();
      staging.set(name, createStagingImport(name, expected));
    },
    stagingPush: (name, bytes) => of(name).push(bytes),
    async stagingFinish(name, carry, restored = null, fromMain = []) {
      const staged = await of(name).finish(carry, restored === null ? null : { audit: restored, deps: { now, newId: () => crypto.randomUUID() } }, await erasuresToCarry(db, restored, fromMain));
      staging.delete(name);
      return staged;
    },
    async stagingDiscard(name) {
      await staging.get(name)?.discard();
      staging.delete(name);
    },
    async dropStaged(name) {
      staging.delete(name);
      await dropStagedDatabase(name);
    },
    checkAuditChain: () => createAuditReader(db()).checkChain(),
    async compareWith(name) {
      const restored = new RegularsDatabase(name);
      try {
        return await compareDatabases(db(), restored);
      } finally {
        restored.close();
      }
    },
  };
  return {
    exportDatabase: asWorkerFailure(api.exportDatabase, exportFailureReason),
    stagingBegin: asWorkerFailure(api.stagingBegin, restoreWriteFailed),
    stagingPush: asWorkerFailure(api.stagingPush, restoreWriteFailed),
    stagingFinish: asWorkerFailure(api.stagingFinish, restoreWriteFailed),
    stagingDiscard: asWorkerFailure(api.stagingDiscard, restoreWriteFailed),
    dropStaged: asWorkerFailure(api.dropStaged, restoreWriteFailed),
    compareWith: asWorkerFailure(api.compareWith, restoreWriteFailed),
    checkAuditChain: asWorkerFailure(api.checkAuditChain, exportFailureReason),
  };
}

export interface TestBackupApi {
  api: DesktopApi;
  dataFolder: string;
  backupFolder: string;
  /** Lines the main-process side logged (failures, "show the folder"). */
  logs: string[];
  /**
   * The owner picks a file to restore, as in browser mode (the harness's way in: the page never names a path):
   * its bytes go to main, which keeps a copy and hands back a handle. `copy` is where main keeps it.
   */
  pick(filePath: string): Promise<{ source: { handle: string }; copy: string }>;
  cleanUp(): Promise<void>;
}

/** The owner PIN the harness sets on main for the restore tests. */
export const TEST_OWNER_PIN = '2580';

/** The desktop API over the real IPC handler and backup service, on a temp data folder. */
export async function testBackupApi(): Promise<TestBackupApi> {
  const dataFolder = await mkdtemp(path.join(os.tmpdir(), 'regulars-restore-test-'));
  const logs: string[] = [];
  const services = createWebServices({ dataFolder, version: '0.1.0-test', systemLocale: 'en-US', log: (line) => logs.push(line) });
  const handler = createIpcHandler(services, { trustedOrigins: ['regulars://app'] });
  const api = createDesktopApi((channel, payload) => handler({ channel, payload, senderUrl: 'regulars://app/index.html' }));
  // The harness's way in: the owner's session opened on main's own service, as if the owner had typed the PIN.
  await services.session.setPin(TEST_OWNER_PIN, TEST_OWNER_PIN);
  const pick = async (filePath: string) => {
    // Tests move the system clock, which ends a session (a clock put back must): the owner unlocks per pick.
    await services.session.unlock(TEST_OWNER_PIN);
    const handle = await open(filePath, 'r');
    try {
      const { size } = await handle.stat();
      const read = async (start: number, end: number) => {
        const bytes = new Uint8Array(end - start);
        const { bytesRead } = await handle.read(bytes, 0, bytes.length, start);
        return bytes.subarray(0, bytesRead);
      };
      const sent = await sendBackupFile(api.backup, { name: path.basename(filePath), size, read });
      if (!sent.ok) throw new Error(`sending ${filePath} failed: ${sent.reason}`);
      const received = path.join(dataFolder, 'received');
      const copies = await Promise.all((await readdir(received)).map(async (name) => ({ name, at: (await stat(path.join(received, name))).mtimeMs })));
      const newest = copies.sort((a, b) => b.at - a.at)[0]!;
      return { source: { handle: sent.value.handle }, copy: path.join(received, newest.name, sent.value.fileName) };
    } finally {
      await handle.close();
    }
  };
  return { api, dataFolder, backupFolder: path.join(dataFolder, 'backups'), logs, pick, cleanUp: () => rm(dataFolder, { recursive: true, force: true }) };
}

/** Every record of every table, by table, in key order: what "nothing changed" and "equal after restore" compare. */
export async function snapshotDatabase(db: Dexie): Promise<Record<string, unknown[]>> {
  if (!db.isOpen()) await db.open();
  const snapshot: Record<string, unknown[]> = {};
  for (const table of [...db.tables].sort((a, b) => a.name.localeCompare(b.name))) snapshot[table.name] = await table.orderBy(':id').toArray();
  return snapshot;
}
