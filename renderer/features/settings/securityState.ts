// Where each protection of the store's data stands, decided from what the app knows (main's answers, the backup
// settings, the last audit check); the security section of the settings words and shows it.
import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { BackupEncryptionView } from '../../../shared/backup/api';
import { encryptionConcern } from '../../../shared/backup/protection';
import type { ChainCheck } from '../../../shared/domain/auditChain';
import type { AppSecurity } from '../../../shared/ipc/contract';
import { assertNever } from '../../../shared/result';

/** on: in place; warning: missing or failing, the owner should act; info: a fact the app cannot check; unknown: not read yet. */
export type ProtectionLevel = 'on' | 'warning' | 'info' | 'unknown';

/** A last backup older than this many days is a warning: a week's work would be lost with the PC. */
export const STALE_BACKUP_DAYS = 7;

export interface SecurityInputs {
  /** Whether an owner PIN exists (main's or the store's copy); null until known. */
  pinSet: boolean | null;
  /** From main's backup settings; null until read. */
  backups: { encryption: BackupEncryptionView; automatic: boolean } | null;
  /** The newest backup in the folder (ISO); null when there is none; undefined until read. */
  lastBackupAt: string | null | undefined;
  /** The audit trail's chain as last checked (now, or at the last backup); null when not checked yet. */
  chain: ChainCheck | null;
  /** Main's facts; null until read. */
  security: AppSecurity | null;
  now: Date;
}

export type SecurityRow =
  | { id: 'pin'; level: ProtectionLevel; state: 'set' | 'not-set' | 'unknown' }
  | { id: 'backupEncryption'; level: ProtectionLevel; state: 'on' | 'automatic' | 'print-sheet' | 'off' | 'not-set-up' | 'unknown'; offAt: string | null }
  | { id: 'automaticBackups'; level: ProtectionLevel; state: 'on' | 'off' | 'unknown'; last: 'none' | 'fresh' | 'stale' | 'unknown'; lastAt: string | null }
  | { id: 'auditChain'; level: ProtectionLevel; state: 'intact' | 'broken' | 'not-checked'; chain: ChainCheck | null }
  | { id: 'diskEncryption'; level: ProtectionLevel }
  | { id: 'electron'; level: ProtectionLevel; state: 'packaged' | 'development' | 'browser' | 'unknown'; facts: NonNullable<AppSecurity['electron']> | null };

export function securityRows(input: SecurityInputs): SecurityRow[] {
  return [pinRow(input), encryptionRow(input), automaticRow(input), chainRow(input), { id: 'diskEncryption', level: 'info' }, electronRow(input)];
}

function pinRow({ pinSet }: SecurityInputs): SecurityRow {
  if (pinSet === null) return { id: 'pin', level: 'unknown', state: 'unknown' };
  return pinSet ? { id: 'pin', level: 'on', state: 'set' } : { id: 'pin', level: 'warning', state: 'not-set' };
}

/** On with a password, automatic with its sheet printed: protected. Automatic without the sheet: only this PC opens them. */
function encryptionRow({ backups }: SecurityInputs): SecurityRow {
  if (backups === null) return { id: 'backupEncryption', level: 'unknown', state: 'unknown', offAt: null };
  const { encryption } = backups;
  const concern = encryptionConcern(encryption);
  switch (concern) {
    case 'none':
      return { id: 'backupEncryption', level: 'on', state: encryption.state === 'automatic' ? 'automatic' : 'on', offAt: null };
    case 'print-sheet':
    case 'not-set-up':
      return { id: 'backupEncryption', level: 'warning', state: concern, offAt: null };
    case 'off':
      return { id: 'backupEncryption', level: 'warning', state: 'off', offAt: encryption.offAt };
    default:
      return assertNever(concern, 'encryption concern');
  }
}

function automaticRow({ backups, lastBackupAt, now }: SecurityInputs): SecurityRow {
  const last = lastBackupAt === undefined ? 'unknown' : lastBackupAt === null ? 'none' : isStale(lastBackupAt, now) ? 'stale' : 'fresh';
  const state = backups === null ? 'unknown' : backups.automatic ? 'on' : 'off';
  const level: ProtectionLevel = state === 'off' || last === 'none' || last === 'stale' ? 'warning' : state === 'unknown' || last === 'unknown' ? 'unknown' : 'on';
  return { id: 'automaticBackups', level, state, last, lastAt: lastBackupAt ?? null };
}

/** A time that does not parse, or lies ahead (a clock set back), counts as stale: it proves no recent backup. */
function isStale(iso: string, now: Date): boolean {
  const at = parseISO(iso);
  if (Number.isNaN(at.getTime())) return true;
  const days = differenceInCalendarDays(now, at);
  return days < 0 || days > STALE_BACKUP_DAYS;
}

function chainRow({ chain }: SecurityInputs): SecurityRow {
  if (chain === null) return { id: 'auditChain', level: 'unknown', state: 'not-checked', chain };
  return chain.status === 'intact' ? { id: 'auditChain', level: 'on', state: 'intact', chain } : { id: 'auditChain', level: 'warning', state: 'broken', chain };
}

function electronRow({ security }: SecurityInputs): SecurityRow {
  if (security === null) return { id: 'electron', level: 'unknown', state: 'unknown', facts: null };
  const facts = security.electron;
  if (facts === null) return { id: 'electron', level: 'info', state: 'browser', facts };
  const walls = facts.contextIsolation && facts.sandbox && facts.contentSecurityPolicy;
  if (!walls) return { id: 'electron', level: 'warning', state: facts.packaged ? 'packaged' : 'development', facts };
  // A development run has no fuses and refuses no switch: a fact about this run, not a fault.
  return { id: 'electron', level: facts.packaged ? 'on' : 'info', state: facts.packaged ? 'packaged' : 'development', facts };
}

/** The newest readable backup's time in a folder listing (newest first), or null when it holds none. */
export function newestBackupAt(listing: { entries: readonly ({ status: 'ok'; createdAt: string } | { status: 'unreadable' })[] }): string | null {
  const newest = listing.entries.find((entry): entry is { status: 'ok'; createdAt: string } => entry.status === 'ok');
  return newest?.createdAt ?? null;
}
