// The backup service behind the IPC handlers: the backup folder (backupStore) under the owner's settings
// and password (settingsStore), plus the OS pickers and the folder view the backup screen needs.
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import type { ErasureEntry } from '../../../shared/domain/erasure';
import type {
  BackupBeginRequest,
  BackupCommitResult,
  BackupConfigureRequest,
  BackupInspectRequest,
  BackupListing,
  BackupPreview,
  BackupSetUpEncryptionResult,
  BackupSettingsView,
  ChosenBackupFile,
} from '../../../shared/backup/api';
import { OWN_BACKUP_NAME } from '../../../shared/backup/format';
import type { FailureReason } from '../../../shared/ipc/contract';
import { err, ok, type Result } from '../../../shared/result';
import { createBackupStore, type BackupLimits, type BackupReadPiece } from './backupStore';
import type { BackupSecrets } from './codec';
import { errorCode, writeFailureOf } from './errors';
import { createErasureRegister } from './erasureRegister';
import type { BackupNotice } from './notices';
import { nodeBackupFs, nodeBackupRandom, realSleep, type BackupFs, type BackupRandom } from './os';
import { createReceivedFiles, type ReceiveFs } from './receivedFiles';
import { createBackupSettingsStore, type SecretProtector } from './settingsStore';

export type { BackupNotice } from './notices';
export type { SecretProtector } from './settingsStore';
export type { BackupFs, BackupFileHandle, BackupRandom } from './os';

export interface BackupDialogs {
  /** An absolute folder, or null when the owner cancelled. */
  chooseFolder(): Promise<string | null>;
  /** An absolute file path, or null when the owner cancelled. */
  chooseFile(): Promise<string | null>;
}

export interface BackupServiceOptions {
  appVersion: string;
  /** Absolute. Settings live here, and backups in <dataFolder>/backups unless the owner chooses a folder. */
  dataFolder: string;
  notify: (notice: BackupNotice) => void;
  /** null where there is no OS picker (browser mode): the renderer offers the backup folder's list only. */
  dialogs: BackupDialogs | null;
  /**
   * Shows the backup folder in Explorer or Finder, `item` (its newest backup, when it has one) selected. It
   * must reveal and never open: a path handed to the OS to open runs whatever is there, should the folder
   * have been swapped for a program (Electron: shell.showItemInFolder, never shell.openPath).
   */
  showFolder: (folder: string, item: string | null) => Promise<void>;
  /** null: the backup password is kept in memory only (browser mode). */
  protector: SecretProtector | null;
  fs?: BackupFs;
  /** Where files picked in a browser are received (browser mode only); node:fs/promises by default. */
  receiveFs?: ReceiveFs;
  random?: BackupRandom;
  now?: () => Date;
  /** A monotonic clock in milliseconds (performance.now by default), for idle sessions. */
  elapsed?: () => number;
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
  limits?: Partial<BackupLimits>;
  compressionLevel?: number;
}

export interface BackupService {
  /** Loads the settings and removes what a crash left behind. Every other call waits for it. */
  startUp(): Promise<void>;
  begin(request: BackupBeginRequest): Promise<Result<{ sessionId: string; encrypted: boolean }, FailureReason>>;
  append(sessionId: string, offset: number, bytes: Uint8Array): Promise<Result<{ receivedBytes: number }, FailureReason>>;
  commit(sessionId: string): Promise<Result<BackupCommitResult, FailureReason>>;
  abort(sessionId: string): Promise<Result<null, FailureReason>>;
  list(): Promise<Result<BackupListing, FailureReason>>;
  inspect(request: BackupInspectRequest): Promise<Result<BackupPreview, FailureReason>>;
  open(request: BackupInspectRequest): Promise<Result<{ readId: string; preview: BackupPreview }, FailureReason>>;
  read(readId: string): Promise<Result<BackupReadPiece, FailureReason>>;
  close(readId: string): Promise<Result<null, FailureReason>>;
  reset(): Promise<Result<null, FailureReason>>;
  getSettings(): Promise<Result<BackupSettingsView, FailureReason>>;
  configure(request: BackupConfigureRequest): Promise<Result<BackupSettingsView, FailureReason>>;
  /** A string sets or changes the password; null turns encryption off (dated, shown on the backup screen). */
  setPassword(password: string | null): Promise<Result<BackupSettingsView, FailureReason>>;
  /** A password and a new recovery key, whose text is handed back this once for the printed sheet. */
  setUpEncryption(password: string): Promise<Result<BackupSetUpEncryptionResult, FailureReason>>;
  /** While encryption is automatic: the recovery key this PC holds, for its printed sheet ('unavailable' otherwise). */
  showRecoverySheet(): Promise<Result<BackupSetUpEncryptionResult, FailureReason>>;
  chooseFolder(): Promise<Result<{ folder: string } | null, FailureReason>>;
  /** The owner picks a backup in main's dialog; the page gets a handle for it, never its path. */
  chooseFile(): Promise<Result<ChosenBackupFile | null, FailureReason>>;
  /**
   * Browser mode's "restore from a file": the bytes of a file the owner picked in the browser, received into a
   * copy that the restore then names by a handle and checks like any chosen file. 'unavailable' where the OS
   * has a file picker (the desktop app): there the page can name only what the owner chose in main's dialog.
   * This is also the test harness's way in (e2e, browser mode): it sends a file's bytes, never a path.
   */
  receiveBegin(fileName: string, sizeBytes: number): Promise<Result<{ receiveId: string }, FailureReason>>;
  receiveAppend(receiveId: string, offset: number, bytes: Uint8Array): Promise<Result<{ receivedBytes: number }, FailureReason>>;
  receiveEnd(receiveId: string): Promise<Result<ChosenBackupFile, FailureReason>>;
  showFolder(): Promise<Result<null, FailureReason>>;
  /** Main's copies of the erasure register (erasureRegister.ts): their union. */
  listErasures(): Promise<Result<{ entries: ErasureEntry[] }, FailureReason>>;
  /** Adds entries to both copies (the data folder's and the backup folder's). */
  recordErasures(entries: readonly ErasureEntry[]): Promise<Result<{ known: number }, FailureReason>>;
  /** Drops sessions idle past the limit; a timer calls it in the app, tests call it directly. */
  sweepIdleSessions(): Promise<void>;
  /** At quit: unfinished backups are dropped and their temp files removed. */
  dispose(): Promise<void>;
}

/** The recovery key wins: the restore dialog sends it when the owner says the password is forgotten. */
const secretsOf = (request: BackupInspectRequest) => (request.recoveryKey !== undefined ? { recoveryKey: request.recoveryKey } : { password: request.password });
/** What the held recovery key's try says about a backup that key does not open: ask the owner instead. */
const NOT_THIS_KEY: readonly FailureReason[] = ['backup-wrong-recovery-key', 'backup-no-recovery-key'];

export function createBackupService(options: BackupServiceOptions): BackupService {
  if (!path.isAbsolute(options.dataFolder)) throw new Error('dataFolder must be an absolute path');
  const fs = options.fs ?? nodeBackupFs;
  const random = options.random ?? nodeBackupRandom;
  const sleep = options.sleep ?? realSleep;
  const log = options.log ?? ((line: string) => console.error(line));
  const now = options.now ?? (() => new Date());
  const settings = createBackupSettingsStore({ fs, random, sleep, now, dataFolder: options.dataFolder, protector: options.protector, log });
  const store = createBackupStore({
    appVersion: options.appVersion,
    location: () => settings.location(),
    retention: () => settings.settings().retention,
    notify: options.notify,
    fs,
    random,
    now,
    elapsed: options.elapsed,
    sleep,
    log,
    limits: options.limits,
    compressionLevel: options.compressionLevel,
  });

  const erasures = createErasureRegister({ fs, random, sleep, dataFolder: options.dataFolder, backupFolder: () => settings.location(), log });

  const received = createReceivedFiles({ dataFolder: options.dataFolder, fs: options.receiveFs ?? fsp, random });
  /** Only where there is no OS file picker: on the desktop the owner's own file is read where it is. */
  const receiving =
    <A extends unknown[], R>(work: (...args: A) => Promise<Result<R, FailureReason>>) =>
    async (...args: A): Promise<Result<R, FailureReason>> =>
      options.dialogs ? err('unavailable') : work(...args);

  /**
   * A backup this PC encrypted opens without the owner typing anything: when the page gives no secret, the recovery
   * key held here is tried first; a backup it does not open is asked for as before (password or sheet).
   */
  async function withHeldKey<R>(request: BackupInspectRequest, read: (secrets: BackupSecrets) => Promise<Result<R, FailureReason>>): Promise<Result<R, FailureReason>> {
    const typed = secretsOf(request);
    const given = (typed.password ?? '') !== '' || (typed.recoveryKey ?? '') !== '';
    const held = given ? null : await settings.heldRecoveryKey();
    if (held === null) return read(typed);
    const tried = await read({ recoveryKey: held });
    return !tried.ok && NOT_THIS_KEY.includes(tried.reason) ? read(typed) : tried;
  }

  let ready: Promise<void> | null = null;
  function startUp(): Promise<void> {
    ready ??= (async () => {
      await received.clear();
      await settings.load();
      const removed = await store.cleanUpOrphans();
      if (removed > 0) log(`[backup] removed ${removed} file(s) an interrupted backup left behind`);
    })().catch((error: unknown) => {
      log(`[backup] start-up clean-up failed (${error instanceof Error ? error.name : typeof error})`);
    });
    return ready;
  }

  const afterStartUp =
    <A extends unknown[], R>(work: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await startUp();
      return work(...args);
    };

  return {
    startUp,
    begin: afterStartUp(async (request: BackupBeginRequest) => {
      const keys = await settings.writeKeys();
      if (!keys.ok) {
        try {
          options.notify({ kind: 'backup-failed', reason: 'backup-password-unreadable', trigger: request.trigger });
        } catch {
          log('[backup] the failure notification could not be shown');
        }
        return keys;
      }
      return store.begin(request, keys.value);
    }),
    append: afterStartUp((sessionId: string, offset: number, bytes: Uint8Array) => store.append(sessionId, offset, bytes)),
    commit: afterStartUp(async (sessionId: string) => {
      const committed = await store.commit(sessionId);
      // The register goes where the backups go: a folder (a USB drive) that did not hold it yet gets it.
      if (committed.ok) await erasures.sync();
      return committed;
    }),
    abort: afterStartUp((sessionId: string) => store.abort(sessionId)),
    list: afterStartUp(() => store.list()),
    inspect: afterStartUp((request: BackupInspectRequest) => withHeldKey(request, (secrets) => store.inspect(request.source, request.appSchemaVersion, secrets))),
    open: afterStartUp((request: BackupInspectRequest) => withHeldKey(request, (secrets) => store.open(request.source, request.appSchemaVersion, secrets))),
    read: afterStartUp((readId: string) => store.read(readId)),
    close: afterStartUp((readId: string) => store.close(readId)),
    reset: afterStartUp(async () => {
      await store.reset();
      await received.clear();
      return ok(null);
    }),
    getSettings: afterStartUp(async () => ok(settings.view())),
    configure: afterStartUp(async (request: BackupConfigureRequest) => {
      const before = settings.location().folder;
      const result = await settings.configure(request);
      if (result.ok && settings.location().folder !== before) {
        await store.cleanUpOrphans();
        await erasures.sync();
      }
      return result;
    }),
    setPassword: afterStartUp((password: string | null) => settings.setPassword(password)),
    setUpEncryption: afterStartUp((password: string) => settings.setUpEncryption(password)),
    showRecoverySheet: afterStartUp(() => settings.showRecoverySheet()),
    chooseFolder: afterStartUp(async () => {
      if (!options.dialogs) return err('unavailable');
      const folder = await options.dialogs.chooseFolder();
      return ok(folder === null ? null : { folder });
    }),
    chooseFile: afterStartUp(async () => {
      if (!options.dialogs) return err('unavailable');
      const file = await options.dialogs.chooseFile();
      if (file === null) return ok(null);
      if (!path.isAbsolute(file)) return err('invalid-request');
      return ok(store.admitChosenFile(file));
    }),
    receiveBegin: afterStartUp(receiving((fileName: string, sizeBytes: number) => received.begin(fileName, sizeBytes))),
    receiveAppend: afterStartUp(receiving((receiveId: string, offset: number, bytes: Uint8Array) => received.append(receiveId, offset, bytes))),
    receiveEnd: afterStartUp(
      receiving(async (receiveId: string) => {
        const copy = await received.end(receiveId);
        return copy.ok ? ok(store.admitChosenFile(copy.value.path)) : copy;
      }),
    ),
    showFolder: afterStartUp(async () => {
      const { folder, isDefault } = settings.location();
      try {
        if (isDefault) await fs.mkdir(folder, { recursive: true });
        if (await settings.isSystemFolder(folder)) return err('backup-folder-system');
        if (!(await fs.stat(folder)).isDirectory()) return err('backup-folder-invalid');
        const newest = (await fs.readdir(folder)).filter((name) => OWN_BACKUP_NAME.test(name)).sort().at(-1);
        await options.showFolder(folder, newest === undefined ? null : path.join(folder, newest));
        return ok(null);
      } catch (error) {
        return err(errorCode(error) === undefined ? 'unavailable' : writeFailureOf(error));
      }
    }),
    listErasures: afterStartUp(async () => ok({ entries: await erasures.list() })),
    recordErasures: afterStartUp((entries: readonly ErasureEntry[]) => erasures.record(entries)),
    sweepIdleSessions: () => store.sweepIdleSessions(),
    dispose: () => store.dispose(),
  };
}
