// How the backup screens word things: sizes, table names, kinds of backup and failure reasons. Pure: `t`
// and the locale come in, so every screen (and the start-up recovery, outside the app) says the same.
import { BACKUP_TRIGGERS } from '../../../shared/backup/format';
import { FAILURE_REASONS } from '../../../shared/ipc/contract';
import { RESTORE_FAILURES } from '../../db/backupStaging';
import { formatCount } from '../../i18n/numbers';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The app's tables, in the order a person reads them (customers first, what the app derives last). Every
 * table of every database version is here with words in each language (backupText.test.ts holds them to it).
 */
export const TABLE_ORDER = ['customers', 'purchases', 'interactions', 'tierHistory', 'consentEvents', 'pointsEntries', 'pointsLedger', 'rewards', 'reminderMarks', 'surveyAnswers', 'complaints', 'surveys', 'campaigns', 'campaignMembers', 'savedSegments', 'catalog', 'imports', 'auditLog', 'erasures', 'settings', 'pins', 'bookkeeping', 'customerSearch', 'customerState', 'pointsState', 'consentState', 'surveyState', 'surveyTally', 'salesDays', 'visitBuckets', 'pointsMonths', 'statusCounts'] as const;

/** Reasons the renderer adds to the main process's own (errors.<reason>): backup.failures.<reason>. */
export const RENDERER_FAILURES = [
  'export-failed',
  'export-busy',
  ...RESTORE_FAILURES,
  'restore-safety-failed',
  'restore-file-changed',
  'restore-switch-failed',
  'restore-cancelled',
  'restore-test-different',
  // What the restore dialog finds wrong with a typed recovery key before asking main (shared/backup/recoveryKey.ts).
  'recovery-key-incomplete',
  'recovery-key-mistyped',
] as const;

export function failureText(t: Translate, reason: string): string {
  if ((RENDERER_FAILURES as readonly string[]).includes(reason)) return t(`backup.failures.${reason}`);
  if ((FAILURE_REASONS as readonly string[]).includes(reason)) return t(`errors.${reason}`);
  return t('errors.internal-error');
}

export function tableLabel(t: Translate, table: string): string {
  // A table this build does not know (a newer version's) has no words of its own: described, its name as data.
  return (TABLE_ORDER as readonly string[]).includes(table) ? t(`backup.tables.${table}`) : t('backup.tables.other', { name: table });
}

/** Tables in reading order: the known ones first, any others after, by name. */
export function orderedTables(names: Iterable<string>): string[] {
  const all = [...new Set(names)];
  const known = TABLE_ORDER.filter((name) => all.includes(name));
  return [...known, ...all.filter((name) => !(TABLE_ORDER as readonly string[]).includes(name)).sort()];
}

export function triggerLabel(t: Translate, trigger: string): string {
  return (BACKUP_TRIGGERS as readonly string[]).includes(trigger) ? t(`backup.triggers.${trigger}`) : t('backup.triggers.other');
}

/** "customers 240 · purchases 1,803": the main tables, for a line in the list. */
export function countsSummary(t: Translate, counts: Record<string, number>, locale: string, tables: readonly string[] = ['customers', 'purchases', 'interactions']): string {
  return tables
    .filter((table) => counts[table] !== undefined)
    .map((table) => t('backup.countOf', { table: tableLabel(t, table), count: counts[table], n: formatCount(counts[table]!, locale) }))
    .join(' · ');
}
