// Live-query hooks of the import screen (apart from hooks.ts: the import repository brings the file
// parsers, which the customer list's first screen does not load).
import { useLiveQuery } from 'dexie-react-hooks';
import type { ImportBatch } from './database';
import { imports } from './index';

/** Every import, newest first, for the import screen's history and undo. */
export function useImportBatches(): ImportBatch[] | undefined {
  return useLiveQuery(() => imports.list(), []);
}
