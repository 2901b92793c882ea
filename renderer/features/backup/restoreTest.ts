// The restore test: now and then a fresh backup is restored into a scratch database and compared, record
// for record, with the data it was made from. The main process already read every backup back after
// writing it; this proves the whole way back, the app's own import included, and nothing is swapped.
import { z } from 'zod';
import type { BackupEntry } from '../../../shared/backup/api';
import { BackupReadError } from '../../../shared/backup/client';
import type { DesktopApi } from '../../../shared/ipc/contract';
import { restoredDatabaseName } from '../../db/activeDatabase';
import { CURRENT_SCHEMA_VERSION } from '../../db/backupSchemas';
import { BackupWorkerError, type BackupWorkerApi } from './backupWorkerClient';
import { stagePayload } from './stagePayload';

/** One restore test a day is enough to notice a backup that would not come back. */
export const RESTORE_TEST_EVERY_MS = 24 * 60 * 60_000;

export type RestoreTestOutcome =
  | { kind: 'passed'; rows: number }
  | { kind: 'failed'; reason: string }
  /** The store changed while the test ran: the comparison says nothing, and the test is tried another day. */
  | { kind: 'skipped' };

/** How long news of a write may take to arrive from another context (Dexie's BroadcastChannel). */
const CHANGE_NEWS_MS = 1_000;

export async function testRestore(
  deps: { api: DesktopApi['backup']; worker: BackupWorkerApi; newId: () => string; pause?: (ms: number) => Promise<void> },
  backup: Pick<BackupEntry, 'fileName'>,
  unchangedSinceBackup: () => boolean,
): Promise<RestoreTestOutcome> {
  const opened = await deps.api.open({ source: { fileName: backup.fileName }, appSchemaVersion: CURRENT_SCHEMA_VERSION });
  if (!opened.ok) return { kind: 'failed', reason: opened.reason };
  const { readId, preview } = opened.value;
  const name = restoredDatabaseName(deps.newId());
  try {
    await deps.worker.stagingBegin(name, { schemaVersion: preview.schemaVersion, counts: preview.counts, payloadFormat: preview.payloadFormat });
    await stagePayload(deps.api, deps.worker, name, readId);
    await deps.worker.stagingFinish(name, null);
    const comparison = await deps.worker.compareWith(name);
    // A write during the comparison may be announced a moment later: wait for it before calling a difference a failure.
    if (!comparison.equal) await (deps.pause ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms))))(CHANGE_NEWS_MS);
    if (!unchangedSinceBackup()) return { kind: 'skipped' };
    return comparison.equal ? { kind: 'passed', rows: comparison.rows } : { kind: 'failed', reason: 'restore-test-different' };
  } catch (error) {
    if (error instanceof BackupReadError || error instanceof BackupWorkerError) return { kind: 'failed', reason: error.reason };
    return { kind: 'failed', reason: 'restore-write-failed' };
  } finally {
    await deps.worker.stagingDiscard(name).catch(() => undefined);
    await deps.worker.dropStaged(name).catch(() => undefined);
  }
}

const MEMORY_KEY = 'regulars.restoreTest';

const recordSchema = z.object({
  at: z.string(),
  backupCreatedAt: z.string(),
  outcome: z.enum(['passed', 'failed']),
  reason: z.string().nullable(),
  rows: z.number().nullable(),
});
export type RestoreTestRecord = z.infer<typeof recordSchema>;

/** The last restore test on this PC (kept like the schedule's times: it belongs to this PC). */
export function lastRestoreTest(): RestoreTestRecord | null {
  try {
    const parsed = recordSchema.safeParse(JSON.parse(localStorage.getItem(MEMORY_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveRestoreTest(record: RestoreTestRecord): void {
  localStorage.setItem(MEMORY_KEY, JSON.stringify(record));
}

export function restoreTestDue(last: RestoreTestRecord | null, now: Date): boolean {
  if (!last) return true;
  const at = Date.parse(last.at);
  // A time after now is a clock that was put back: test again rather than trust it.
  return Number.isNaN(at) || at > now.getTime() || now.getTime() - at >= RESTORE_TEST_EVERY_MS;
}
