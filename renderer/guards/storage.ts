// The browser storage the database lives in: asked to be persistent (not cleared when the disk runs low),
// and watched for a full disk, which the app then reports in a blocking warning.
import { isStorageFullError } from '../db/backupStaging';
import { systemClock } from '../platform/systemClock';
import { useStorageState } from './storageState';

/** Less room than this for the database counts as a full disk: the next import or restore would fail. */
export const FULL_HEADROOM_BYTES = 64 * 1024 * 1024;

/** navigator.storage.persist's answer; null where there is no such API. */
export async function requestPersistentStorage(): Promise<boolean | null> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage?.persist) return null;
  try {
    const persisted = (await storage.persisted?.()) || (await storage.persist());
    useStorageState.setState({ storagePersisted: persisted });
    return persisted;
  } catch {
    return null;
  }
}

/** Bytes the database may still grow by (quota minus usage); null when the browser does not say. */
export async function storageHeadroom(): Promise<number | null> {
  try {
    const estimate = await navigator.storage?.estimate?.();
    if (!estimate || typeof estimate.quota !== 'number' || typeof estimate.usage !== 'number') return null;
    return Math.max(0, estimate.quota - estimate.usage);
  } catch {
    return null;
  }
}

/** 'write-failed': a write was refused for lack of space; 'almost-full': the browser says there is almost no room. */
export function markStorageFull(cause: 'write-failed' | 'almost-full', freeBytes: number | null = null): void {
  const current = useStorageState.getState().storageFull;
  useStorageState.setState({
    storageFull: {
      since: current?.since ?? systemClock().toISOString(),
      freeBytes: freeBytes ?? current?.freeBytes ?? null,
      cause: current?.cause === 'write-failed' ? 'write-failed' : cause,
    },
  });
}

/**
 * Looks at the room left. Marks the disk full when there is almost none; clears the mark only when asked
 * (`clearIfRoom`), i.e. when the owner says they made room, so a warning never vanishes on its own mid-work.
 */
export async function checkStorage(clearIfRoom = false): Promise<'full' | 'room' | 'unknown'> {
  const headroom = await storageHeadroom();
  if (headroom === null) {
    if (clearIfRoom) useStorageState.setState({ storageFull: null });
    return 'unknown';
  }
  if (headroom < FULL_HEADROOM_BYTES) {
    markStorageFull('almost-full', headroom);
    return 'full';
  }
  if (clearIfRoom) useStorageState.setState({ storageFull: null });
  return 'room';
}

/** A quota error that reached the page unhandled (a write on a screen, a worker's answer) also marks it. */
export function watchPageForFullStorage(): () => void {
  const onRejection = (event: PromiseRejectionEvent) => {
    if (isStorageFullError(event.reason)) markStorageFull('write-failed');
  };
  const onError = (event: ErrorEvent) => {
    if (isStorageFullError(event.error)) markStorageFull('write-failed');
  };
  window.addEventListener('unhandledrejection', onRejection);
  window.addEventListener('error', onError);
  return () => {
    window.removeEventListener('unhandledrejection', onRejection);
    window.removeEventListener('error', onError);
  };
}
