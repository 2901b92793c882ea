// UI state of backups: the backup under way and its progress, the last outcome, the restore test. Never a
// database row; the backup list comes from the main process. (The owner's PIN session is renderer/session's,
// the disk's state renderer/guards'.)
import { create } from 'zustand';
import type { BackupSettingsView } from '../../../shared/backup/api';
import type { BackupTrigger } from '../../../shared/backup/format';
import { backupShortfall, type BackupShortfall } from '../../../shared/domain/backupOutcome';
import type { BackupProgress } from './runBackup';
import { lastRestoreTest, type RestoreTestRecord } from './restoreTest';
import type { ChainCheck } from '../../../shared/domain/auditChain';

export interface BackupUiState {
  /** A backup being written now, and how far it is. */
  running: ({ trigger: BackupTrigger } & BackupProgress) | null;
  /** A restore is under way: no backup starts meanwhile. */
  restoring: boolean;
  /** The last backup that failed and was not followed by one that succeeded (the banner shows automatic ones). */
  lastFailure: { reason: string; trigger: BackupTrigger; at: string } | null;
  lastSuccess: { fileName: string; createdAt: string; trigger: BackupTrigger; removed: number } | null;
  /** Bumped after anything that changes the backup folder, so lists read it again. */
  listingVersion: number;
  /** The main process's backup settings, as last read. */
  settings: BackupSettingsView | null;
  /** When the next automatic backup is due (ISO), or null when none will be. */
  nextAutomaticAt: string | null;
  /** The last automatic failure the owner dismissed, so the banner does not come back for it. */
  dismissedFailureAt: string | null;
  /** A backup file the backup screen should offer to restore when it opens (undoing a restore). */
  pendingRestore: string | null;
  /** The last restore test (a backup restored into a scratch database and compared), and whether one runs. */
  restoreTest: RestoreTestRecord | null;
  testingRestore: boolean;
  /** The audit trail's hash chain as the last backup found it; null before the first backup of this session. */
  auditChain: ChainCheck | null;
  /** The window is closing and waits for the backup at quit; 'failed' keeps the reason until the clerk decides. */
  closing: { phase: 'backing-up' } | { phase: 'failed'; reason: string } | null;
}

export const useBackupState = create<BackupUiState>(() => ({
  running: null,
  restoring: false,
  lastFailure: null,
  lastSuccess: null,
  listingVersion: 0,
  settings: null,
  nextAutomaticAt: null,
  dismissedFailureAt: null,
  pendingRestore: null,
  // Start-up reads it (loadRestoreTestMemory) before the app is shown.
  restoreTest: null,
  testingRestore: false,
  auditChain: null,
  closing: null,
}));

/**
 * What the note above every screen says about the last automatic backup that was not made: a quiet
 * "postponed, will try again" when the app will make it by itself, a red failure when the owner must act;
 * null while a backup runs, after the owner dismissed it, or for a backup someone asked for (the screen says it).
 */
export function automaticBackupNote(
  state: Pick<BackupUiState, 'lastFailure' | 'dismissedFailureAt' | 'running'>,
): { kind: BackupShortfall; reason: string; at: string } | null {
  const failure = state.lastFailure;
  if (failure === null || failure.trigger !== 'automatic' || failure.at === state.dismissedFailureAt || state.running !== null) return null;
  return { kind: backupShortfall(failure.reason), reason: failure.reason, at: failure.at };
}

/** The last restore test this PC remembers; start-up calls it once, before the app is shown (see main.tsx). */
export function loadRestoreTestMemory(): void {
  useBackupState.setState({ restoreTest: lastRestoreTest() });
}
