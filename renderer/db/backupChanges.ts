// When the store's data changes, from any context: the page, the import worker or the status worker.
// Dexie announces every committed write ('storagemutated') to every context of the origin, so one
// listener on the page hears them all; the automatic backups wait for these to stop.
import Dexie, { type ObservabilitySet } from 'dexie';

/**
 * Calls `listener` after each committed write to database `name`. Returns the unsubscribe. A write to the
 * audit log alone is no change: every write of data writes its entry with it, and an entry alone (a backup
 * made, an export saved) must not call for another backup.
 */
export function onDatabaseChange(name: string, listener: () => void): () => void {
  const prefix = `idb://${name}/`;
  const auditLog = `${prefix}auditLog/`;
  const handler = (parts: ObservabilitySet) => {
    // A restore's staging database and other databases announce their writes on the same channel.
    if (Object.keys(parts).some((part) => part.startsWith(prefix) && !part.startsWith(auditLog))) listener();
  };
  Dexie.on.storagemutated.subscribe(handler);
  return () => Dexie.on.storagemutated.unsubscribe(handler);
}
