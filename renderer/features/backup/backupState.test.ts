import { describe, expect, it } from 'vitest';
import { automaticBackupNote, type BackupUiState } from './backupState';

const AT = '2026-12-03T08:00:00.000Z';
const state = (lastFailure: BackupUiState['lastFailure'], rest: Partial<Pick<BackupUiState, 'dismissedFailureAt' | 'running'>> = {}) => ({
  lastFailure,
  dismissedFailureAt: null,
  running: null,
  ...rest,
});

describe('automaticBackupNote', () => {
  it('says an automatic backup put off because the store kept changing is postponed, not failed', () => {
    expect(automaticBackupNote(state({ reason: 'export-busy', trigger: 'automatic', at: AT }))).toEqual({ kind: 'postponed', reason: 'export-busy', at: AT });
    expect(automaticBackupNote(state({ reason: 'backup-busy', trigger: 'automatic', at: AT }))?.kind).toBe('postponed');
  });

  it('keeps real failures red: a full disk, a missing folder, a database that cannot be read', () => {
    for (const reason of ['backup-disk-full', 'backup-folder-missing', 'export-failed', 'backup-verify-failed']) {
      expect(automaticBackupNote(state({ reason, trigger: 'automatic', at: AT }))?.kind, reason).toBe('failed');
    }
  });

  it('shows nothing for a backup someone asked for, one the owner dismissed, or while a backup runs', () => {
    expect(automaticBackupNote(state(null))).toBeNull();
    expect(automaticBackupNote(state({ reason: 'backup-disk-full', trigger: 'manual', at: AT }))).toBeNull();
    expect(automaticBackupNote(state({ reason: 'export-busy', trigger: 'quit', at: AT }))).toBeNull();
    expect(automaticBackupNote(state({ reason: 'export-busy', trigger: 'automatic', at: AT }, { dismissedFailureAt: AT }))).toBeNull();
    expect(automaticBackupNote(state({ reason: 'backup-disk-full', trigger: 'automatic', at: AT }, { running: { trigger: 'automatic', phase: 'reading', fraction: 0 } }))).toBeNull();
  });
});
