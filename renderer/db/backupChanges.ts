// When the store's data changes, from any context: the page, the import worker or the status worker.
// Dexie announces every committed write ('storagemutated') to every context of the origin, so one
// listener on the page hears them all; the automatic backups wait for these to stop.
import Dexie, { type ObservabilitySet } from 'dexie';

/** Calls `listener` after each committed write to database `name`. Returns the unsubscribe. */
export function onDatabaseChange(name: string, listener: () => void): () => void {
  const prefix = `idb://${name}/`;
  const handler = (parts: ObservabilitySet) => {
    // A restore's staging database and other databases announce their writes on the same channel.
    if (Object.keys(parts).some((part) => part.startsWith(prefix))) listener();
  };
  Dexie.on.storagemutated.subscribe(handler);
  return () => Dexie.on.storagemutated.unsubscribe(handler);
}
