// Whether a backup that was not made is a failure to tell the owner about, or only put off: the app makes it
// later by itself and nothing is at risk. One decision for the page's banner and main's desktop notification.

/**
 * 'export-busy': the store kept changing while the backup read it (the clerk was busy at the till);
 * 'backup-busy': another backup or a restore was under way. Either way the schedule tries again.
 */
export const POSTPONING_REASONS = ['export-busy', 'backup-busy'] as const;

export type BackupShortfall = 'postponed' | 'failed';

export function backupShortfall(reason: string): BackupShortfall {
  return (POSTPONING_REASONS as readonly string[]).includes(reason) ? 'postponed' : 'failed';
}

/** Main raises a desktop notification only for a real failure; a postponement is not news. */
export function notifiesOwner(reason: string): boolean {
  return backupShortfall(reason) === 'failed';
}
