import { describe, expect, it } from 'vitest';
import type { BackupEncryptionView } from '../../../shared/backup/api';
import type { ChainCheck } from '../../../shared/domain/auditChain';
import type { AppSecurity } from '../../../shared/ipc/contract';
import { newestBackupAt, securityRows, STALE_BACKUP_DAYS, type SecurityInputs, type SecurityRow } from './securityState';

const NOW = new Date(2026, 2, 15, 10, 0);
const PACKAGED: AppSecurity = {
  electron: { version: '45.6.0', packaged: true, contextIsolation: true, sandbox: true, contentSecurityPolicy: true, fuses: true, debugSwitchesRefused: true },
};
const INTACT: ChainCheck = { status: 'intact', count: 12, head: { seq: 12, hash: 'a'.repeat(64) } };
const BROKEN: ChainCheck = { status: 'broken', count: 12, problem: 'edited', seq: 4, entryId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' };
const KEY = { id: '0123456789abcdef', createdAt: '2026-03-01T08:00:00.000Z' };
const PASSWORD_ON: BackupEncryptionView = { state: 'on', recoveryKey: KEY, offAt: null, sheetShownAt: '2026-03-01T08:00:00.000Z' };
const ALL_ON: SecurityInputs = {
  pinSet: true,
  backups: { encryption: PASSWORD_ON, automatic: true },
  lastBackupAt: new Date(2026, 2, 15, 9, 0).toISOString(),
  chain: INTACT,
  security: PACKAGED,
  now: NOW,
};

const row = <I extends SecurityRow['id']>(input: Partial<SecurityInputs>, id: I) =>
  securityRows({ ...ALL_ON, ...input }).find((r): r is Extract<SecurityRow, { id: I }> => r.id === id)!;

describe('where each protection stands', () => {
  it('lists the six protections in order, all on for a packaged, set-up store (the disk: not the app to know)', () => {
    expect(securityRows(ALL_ON).map((r) => [r.id, r.level])).toEqual([
      ['pin', 'on'],
      ['backupEncryption', 'on'],
      ['automaticBackups', 'on'],
      ['auditChain', 'on'],
      ['diskEncryption', 'info'],
      ['electron', 'on'],
    ]);
  });

  it('says nothing is known before the answers are in, never "on"', () => {
    const rows = securityRows({ pinSet: null, backups: null, lastBackupAt: undefined, chain: null, security: null, now: NOW });
    expect(rows.map((r) => r.level)).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'info', 'unknown']);
  });

  it('warns when no owner PIN is set', () => {
    expect(row({ pinSet: false }, 'pin')).toEqual({ id: 'pin', level: 'warning', state: 'not-set' });
  });

  it.each<[string, BackupEncryptionView, SecurityRow['level'], string, string | null]>([
    ['a password and its sheet', PASSWORD_ON, 'on', 'on', null],
    ['automatic, its sheet printed', { state: 'automatic', recoveryKey: KEY, offAt: null, sheetShownAt: '2026-03-02T08:00:00.000Z' }, 'on', 'automatic', null],
    ['automatic, no sheet yet: only this PC opens them', { state: 'automatic', recoveryKey: KEY, offAt: null, sheetShownAt: null }, 'warning', 'print-sheet', null],
    ['turned off on purpose, dated', { state: 'off', recoveryKey: null, offAt: '2026-03-10T08:00:00.000Z', sheetShownAt: null }, 'warning', 'off', '2026-03-10T08:00:00.000Z'],
    ['nothing encrypts on this PC', { state: 'not-set-up', recoveryKey: null, offAt: null, sheetShownAt: null }, 'warning', 'not-set-up', null],
  ])('backup encryption: %s', (_what, encryption, level, state, offAt) => {
    expect(row({ backups: { encryption, automatic: true } }, 'backupEncryption')).toEqual({ id: 'backupEncryption', level, state, offAt });
  });

  it.each<[string, Partial<SecurityInputs>, SecurityRow['level'], string, string]>([
    ['automatic backups off', { backups: { encryption: PASSWORD_ON, automatic: false } }, 'warning', 'off', 'fresh'],
    ['no backup yet', { lastBackupAt: null }, 'warning', 'on', 'none'],
    [`the last backup ${STALE_BACKUP_DAYS + 1} days ago`, { lastBackupAt: new Date(2026, 2, 15 - STALE_BACKUP_DAYS - 1, 23, 0).toISOString() }, 'warning', 'on', 'stale'],
    [`the last backup ${STALE_BACKUP_DAYS} days ago`, { lastBackupAt: new Date(2026, 2, 15 - STALE_BACKUP_DAYS, 8, 0).toISOString() }, 'on', 'on', 'fresh'],
    ['the last backup tomorrow (a clock set back)', { lastBackupAt: new Date(2026, 2, 16, 9, 0).toISOString() }, 'warning', 'on', 'stale'],
    ['a last backup time that is not a time', { lastBackupAt: 'yesterday' }, 'warning', 'on', 'stale'],
    ['the folder not read yet', { lastBackupAt: undefined }, 'unknown', 'on', 'unknown'],
  ])('automatic backups: %s', (_what, input, level, state, last) => {
    expect(row(input, 'automaticBackups')).toMatchObject({ level, state, last });
  });

  it('warns on a broken audit chain, and says when it was not checked', () => {
    expect(row({ chain: BROKEN }, 'auditChain')).toMatchObject({ level: 'warning', state: 'broken', chain: BROKEN });
    expect(row({ chain: null }, 'auditChain')).toMatchObject({ level: 'unknown', state: 'not-checked' });
  });

  it("tells the browser mode and a development run apart from the installed app, and warns when a wall is down", () => {
    expect(row({ security: { electron: null } }, 'electron')).toMatchObject({ level: 'info', state: 'browser', facts: null });
    const development = { ...PACKAGED.electron!, packaged: false, fuses: false, debugSwitchesRefused: false };
    expect(row({ security: { electron: development } }, 'electron')).toMatchObject({ level: 'info', state: 'development' });
    for (const wall of ['contextIsolation', 'sandbox', 'contentSecurityPolicy'] as const) {
      expect(row({ security: { electron: { ...PACKAGED.electron!, [wall]: false } } }, 'electron')).toMatchObject({ level: 'warning', state: 'packaged' });
    }
  });
});

describe('the newest backup in the folder', () => {
  it('is the first readable one (the listing is newest first), or none', () => {
    expect(newestBackupAt({ entries: [] })).toBeNull();
    expect(newestBackupAt({ entries: [{ status: 'unreadable' }] })).toBeNull();
    expect(newestBackupAt({ entries: [{ status: 'unreadable' }, { status: 'ok', createdAt: '2026-03-15T01:00:00.000Z' }, { status: 'ok', createdAt: '2026-03-14T01:00:00.000Z' }] })).toBe(
      '2026-03-15T01:00:00.000Z',
    );
  });
});
