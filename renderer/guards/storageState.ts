// What the browser said about the storage the database lives in: UI state for the disk-full guard and the
// backup screen's note, never a database row.
import { create } from 'zustand';

export interface StorageState {
  /** navigator.storage.persist's answer; null when the browser has no such thing. */
  storagePersisted: boolean | null;
  /** The disk or quota is full: a write failed for lack of space, or the estimate says there is almost none. */
  storageFull: { since: string; freeBytes: number | null; cause: 'write-failed' | 'almost-full' } | null;
}

export const useStorageState = create<StorageState>(() => ({ storagePersisted: null, storageFull: null }));
