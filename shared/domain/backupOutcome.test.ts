import { describe, expect, it } from 'vitest';
import { BACKUP_REFUSALS, BACKUP_SERVICE_FAILURES, BACKUP_WRITE_FAILURES } from '../backup/format';
import { backupShortfall, notifiesOwner } from './backupOutcome';

describe('backupShortfall', () => {
  it('calls a backup put off because the store kept changing, or another one ran, postponed', () => {
    expect(backupShortfall('export-busy')).toBe('postponed');
    expect(backupShortfall('backup-busy')).toBe('postponed');
    expect(notifiesOwner('export-busy')).toBe(false);
    expect(notifiesOwner('backup-busy')).toBe(false);
  });

  it('keeps every real failure a failure: disk, folder, permission, verification, an unreadable database', () => {
    const real = [...BACKUP_WRITE_FAILURES, ...BACKUP_REFUSALS, ...BACKUP_SERVICE_FAILURES.filter((r) => r !== 'backup-busy'), 'export-failed', 'internal-error', ''];
    expect(real.length).toBeGreaterThan(10);
    for (const reason of real) {
      expect(backupShortfall(reason), reason).toBe('failed');
      expect(notifiesOwner(reason), reason).toBe(true);
    }
  });
});
