// The app's backups: one backup at a time whoever asks (the owner, the schedule, a restore), the settings
// the main process keeps, and the automatic schedule's one instance.
import type { BackupCommitResult, BackupConfigureRequest, BackupEntry, BackupListing, BackupSetUpEncryptionResult, BackupSettingsView } from '../../../shared/backup/api';
import type { DesktopApi } from '../../../shared/ipc/contract';
import { err, type Result } from '../../../shared/result';
import { onDatabaseChange } from '../../db/backupChanges';
import { activeDatabaseName, database } from '../../db/database';
import { recordAudit, type AuditEvent } from '../../db/audit';
import { AutomaticBackups, localScheduleMemory } from './automaticBackups';
import { useBackupState } from './backupState';
import { backupWorker, type BackupWorkerApi } from './backupWorkerClient';
import { runBackup } from './runBackup';
import { restoreTestDue, saveRestoreTest, testRestore } from './restoreTest';
import { systemClock } from '../../platform/systemClock';
import { firstRows } from '../../ui/firstRows';

// Module-wide, like the schedule: the app's clock (e2e tests fix it through the page's clock).
const clock = systemClock;
let schedule: AutomaticBackups | null = null;

/** Makes a backup now; 'backup-busy' while another backup or a restore runs. */
export async function backUp(api: DesktopApi, trigger: 'manual' | 'automatic' | 'quit', worker: BackupWorkerApi = backupWorker()): Promise<Result<BackupCommitResult>> {
  const state = useBackupState.getState();
  if (state.running || state.restoring) return err('backup-busy');
  useBackupState.setState({ running: { trigger, phase: 'reading', fraction: 0 } });
  const result = await runBackup(api.backup, worker, trigger, (progress) => useBackupState.setState({ running: { trigger, ...progress } }));
  const at = clock().toISOString();
  if (result.ok) {
    const { backup, removed } = result.value;
    useBackupState.setState((s) => ({
      running: null,
      lastFailure: null,
      lastSuccess: { fileName: backup.fileName, createdAt: backup.createdAt, trigger, removed: removed.length },
      listingVersion: s.listingVersion + 1,
    }));
    if (trigger === 'manual') schedule?.noteBackup(new Date(backup.createdAt));
    await checkAuditTrail(worker);
    await recordQuietly({ kind: 'backup.made', facts: { trigger, fileName: backup.fileName, removed: removed.length } });
  } else {
    useBackupState.setState((s) => ({ running: null, lastFailure: { reason: result.reason, trigger, at }, listingVersion: s.listingVersion + 1 }));
  }
  return result;
}

/** The audit trail's chain, checked at every backup (in the worker: it walks every entry); a broken one is shown until it is whole again. */
async function checkAuditTrail(worker: BackupWorkerApi): Promise<void> {
  try {
    useBackupState.setState({ auditChain: await worker.checkAuditChain() });
  } catch (error) {
    console.error(error);
  }
}

/** Reads main's backup settings into the UI state. */
export async function loadBackupSettings(api: DesktopApi): Promise<Result<BackupSettingsView>> {
  const view = await api.backup.getSettings();
  if (view.ok) useBackupState.setState({ settings: view.value });
  return view;
}

/** Settings or password changed: the UI state, the list and the schedule follow. */
function settingsChanged(view: BackupSettingsView) {
  useBackupState.setState((s) => ({ settings: view, listingVersion: s.listingVersion + 1 }));
  void schedule?.reload();
}

export async function configureBackups(api: DesktopApi, request: BackupConfigureRequest): Promise<Result<BackupSettingsView>> {
  const view = await api.backup.configure(request);
  if (view.ok) {
    settingsChanged(view.value);
    // Which settings, not their values: a folder's path may name a person.
    await recordQuietly({ kind: 'backup.settings', facts: { fields: Object.keys(request).sort().join(' ') } });
  }
  return view;
}

/** A string changes the password (the recovery key stays); null turns encryption off, which main dates. */
export async function setBackupPassword(api: DesktopApi, password: string | null): Promise<Result<BackupSettingsView>> {
  const view = await api.backup.setPassword(password);
  if (view.ok) {
    settingsChanged(view.value);
    await recordQuietly({ kind: 'backup.password', facts: { change: password === null ? 'encryption-off' : 'set' } });
  }
  return view;
}

/** Encryption set up (or set up again): a password and a new recovery key, whose text only the caller sees, once. */
export async function setUpBackupEncryption(api: DesktopApi, password: string): Promise<Result<BackupSetUpEncryptionResult>> {
  const result = await api.backup.setUpEncryption(password);
  if (result.ok) {
    settingsChanged(result.value.settings);
    // The key's id, never the key.
    await recordQuietly({ kind: 'backup.password', facts: { change: 'set-up', recoveryKeyId: result.value.settings.encryption.recoveryKey?.id ?? null } });
  }
  return result;
}

/** Automatic encryption: the held recovery key's text for its sheet (the owner's eyes only); main dates it. */
export async function showRecoverySheet(api: DesktopApi): Promise<Result<BackupSetUpEncryptionResult>> {
  const result = await api.backup.recoverySheet();
  if (result.ok) {
    settingsChanged(result.value.settings);
    await recordQuietly({ kind: 'backup.password', facts: { change: 'sheet-shown', recoveryKeyId: result.value.settings.encryption.recoveryKey?.id ?? null } });
  }
  return result;
}

/**
 * An entry for something main did: its failure to write is logged, and what main did stands. The database is
 * asked for at the call: start-up loads this module before it chooses which database to open.
 */
async function recordQuietly(event: AuditEvent): Promise<void> {
  try {
    await recordAudit(database(), { now: clock, newId: () => crypto.randomUUID() }, event);
  } catch (error) {
    console.error(error);
  }
}

/** The newest backup that can be read back, of any kind. */
export function newestBackupAt(listing: BackupListing): Date | null {
  const newest = listing.entries.find((entry) => entry.status === 'ok');
  return newest && newest.status === 'ok' ? new Date(newest.createdAt) : null;
}

let watching: (() => void) | null = null;
/** Counts committed changes to the store since start-up: a restore test compares only an unchanged store. */
let changes = 0;

/**
 * From start-up on, every change to the store's data is remembered (the schedule waits for changes to stop),
 * also before the schedule runs: the writes that create a store on first launch count as its first change.
 */
export function watchStoreChanges(): void {
  watching ??= onDatabaseChange(activeDatabaseName(), () => {
    changes += 1;
    if (schedule) schedule.noteChange();
    else localScheduleMemory.save({ ...localScheduleMemory.load(), lastChangeAt: clock() });
  });
}

/**
 * Restores `backup` into a scratch database and compares it with the store, which must not have changed
 * since `changesBefore` (taken before the backup read it). A store that changed meanwhile is tested another time.
 */
export async function runRestoreTest(api: DesktopApi, backup: BackupEntry, changesBefore: number, worker: BackupWorkerApi = backupWorker()): Promise<void> {
  if (useBackupState.getState().testingRestore) return;
  useBackupState.setState({ testingRestore: true });
  try {
    const outcome = await testRestore({ api: api.backup, worker, newId: () => crypto.randomUUID() }, backup, () => changes === changesBefore);
    if (outcome.kind === 'skipped') return;
    const record = {
      at: clock().toISOString(),
      backupCreatedAt: backup.createdAt,
      outcome: outcome.kind,
      reason: outcome.kind === 'failed' ? outcome.reason : null,
      rows: outcome.kind === 'passed' ? outcome.rows : null,
    };
    saveRestoreTest(record);
    useBackupState.setState({ restoreTest: record });
  } finally {
    useBackupState.setState({ testingRestore: false });
  }
}

/** Starts the automatic backups for the open store; returns the stop. */
export function startAutomaticBackups(api: DesktopApi): () => void {
  schedule?.stop();
  const automatic = new AutomaticBackups({
    now: clock,
    loadSchedule: async () => {
      const view = await loadBackupSettings(api);
      return view.ok ? view.value.schedule : null;
    },
    loadLastBackupAt: async () => {
      const listing = await api.backup.list();
      return listing.ok ? newestBackupAt(listing.value) : null;
    },
    runBackup: async () => {
      const changesBefore = changes;
      const made = await backUp(api, 'automatic');
      if (!made.ok) return null;
      if (restoreTestDue(useBackupState.getState().restoreTest, clock())) void runRestoreTest(api, made.value.backup, changesBefore);
      return new Date(made.value.backup.createdAt);
    },
    busy: () => {
      const state = useBackupState.getState();
      return state.running !== null || state.restoring;
    },
    memory: localScheduleMemory,
    // A backup due at start-up waits for the list's first rows too: it reads every table.
    setTimer: (run, ms) => {
      const handle = { timer: 0, cancel: () => {} };
      handle.timer = window.setTimeout(() => (handle.cancel = firstRows.after(run)), ms);
      return handle;
    },
    clearTimer: (handle) => {
      const { timer, cancel } = handle as { timer: number; cancel: () => void };
      window.clearTimeout(timer);
      cancel();
    },
    onPlan: (at) => useBackupState.setState({ nextAutomaticAt: at ? at.toISOString() : null }),
  });
  schedule = automatic;
  watchStoreChanges();
  void automatic.start();
  return () => {
    automatic.stop();
    if (schedule === automatic) schedule = null;
  };
}

/** Resolves once no backup and no restore runs. */
function whenIdle(): Promise<void> {
  const idle = (state: ReturnType<typeof useBackupState.getState>) => state.running === null && !state.restoring;
  if (idle(useBackupState.getState())) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = useBackupState.subscribe((state) => {
      if (!idle(state)) return;
      unsubscribe();
      resolve();
    });
  });
}

/**
 * The window is about to close: when something changed since the last backup (and the owner wants it),
 * makes the backup at quit first, then lets the window go. A failed one waits for the clerk's word.
 */
export async function prepareToClose(api: DesktopApi): Promise<void> {
  const state = useBackupState.getState();
  if (state.closing?.phase === 'backing-up') return;
  // A restore's staging database is thrown away at the next start; today's data is untouched until its swap.
  if (state.restoring || !schedule?.needsBackupAtQuit()) {
    closeWithoutBackup(api);
    return;
  }
  useBackupState.setState({ closing: { phase: 'backing-up' } });
  await whenIdle();
  // An automatic backup that was running may have covered the changes (its time is noted a moment later).
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (!schedule?.needsBackupAtQuit()) {
    closeWithoutBackup(api);
    return;
  }
  const made = await backUp(api, 'quit');
  if (!made.ok) {
    useBackupState.setState({ closing: { phase: 'failed', reason: made.reason } });
    return;
  }
  schedule?.noteQuitBackup(new Date(made.value.backup.createdAt));
  closeWithoutBackup(api);
}

/** Lets the window close now (the clerk chose not to wait, or nothing needs saving). */
export function closeWithoutBackup(api: DesktopApi): void {
  useBackupState.setState({ closing: null });
  void api.app.closeReady();
}

/** From start-up on, the window's close asks the page first (electron/closeGuard.ts); returns the unsubscribe. */
export function answerCloseRequests(api: DesktopApi): () => void {
  return api.events.on('app:closeRequested', () => void prepareToClose(api));
}
