// Items 7 and 10: a backup as the app makes one (the backup worker reads the database in slices, the real
// main-process service, over the bench's bridge, compresses, hashes, writes and verifies the file) and a
// restore's import (main checks the file as it is read; the worker fills a staging database, which is
// opened at today's version and counted), each against dexie-export-import's export and import of the
// same database; and purchases recorded while a backup runs, as a clerk would.
import Dexie from 'dexie';
import { exportDB, importDB } from 'dexie-export-import';
import { CURRENT_SCHEMA_VERSION } from '../../../renderer/db/backupSchemas';
import { database } from '../../../renderer/db/database';
import { purchases } from '../../../renderer/db';
import { backupWorker } from '../../../renderer/features/backup/backupWorkerClient';
import { restoreBackup } from '../../../renderer/features/backup/restoreBackup';
import { runBackup } from '../../../renderer/features/backup/runBackup';
import { resolveDesktopApi } from '../../../renderer/platform/desktopApi';
import type { BackupRun, PairedSample, PurchasesDuringBackup, RawBackupRun } from '../protocol';
import { probeCustomers } from './customerPage';
import { longTasksBetween, settle } from './longTasks';
import { deleteRawPuts, rawPut, saleFields } from './recording';
import { paired } from './timing';

/** How often the clerk records a purchase while the backup runs: a busy counter. */
const PURCHASE_EVERY_MS = 1_000;
const RAW_IMPORT_DB = 'bench-raw-import';

let lastBackupFile: string | null = null;
let rawExport: Blob | null = null;

const api = () => resolveDesktopApi().backup;
const total = (counts: Record<string, number>) => Object.values(counts).reduce((s, n) => s + n, 0);

/** "Back up now": runBackup, the function the backup screen and the schedule call. */
export async function appBackup(): Promise<BackupRun> {
  const start = performance.now();
  const made = await runBackup(api(), backupWorker(), 'manual');
  const end = performance.now();
  if (!made.ok) throw new Error(`the backup failed: ${made.reason}`);
  await settle();
  const { backup } = made.value;
  lastBackupFile = backup.fileName;
  return { ms: end - start, records: total(backup.counts), payloadBytes: backup.payloadBytes, fileBytes: backup.sizeBytes, checkMs: 0, longTasks: longTasksBetween(start, end) };
}

/** The restore of the backup just made, up to the swap: main's check for the preview, then restoreBackup. */
export async function appRestore(): Promise<BackupRun> {
  if (!lastBackupFile) throw new Error('make a backup first');
  const source = { fileName: lastBackupFile };
  const checkStart = performance.now();
  const preview = await api().inspect({ source, appSchemaVersion: CURRENT_SCHEMA_VERSION });
  const checkMs = performance.now() - checkStart;
  if (!preview.ok) throw new Error(`the backup was refused: ${preview.reason}`);
  const worker = backupWorker();
  const start = performance.now();
  // 'empty' skips the safety backup (that is one more appBackup) and the pointer is left alone: the bench
  // goes on with today's database, and the restored copy is dropped.
  const restored = await restoreBackup(
    { api: api(), erasures: resolveDesktopApi().erasures, worker, newId: () => crypto.randomUUID(), now: () => new Date(), writePointer: async () => undefined },
    { source, preview: preview.value, mode: 'empty', carry: null },
  );
  const end = performance.now();
  if (!restored.ok) throw new Error(`the restore failed: ${restored.reason.reason}`);
  await settle();
  await worker.dropStaged(restored.value.database);
  return {
    ms: end - start,
    records: total(preview.value.counts),
    payloadBytes: preview.value.payloadBytes,
    fileBytes: 0,
    checkMs,
    longTasks: longTasksBetween(start, end),
  };
}

/** dexie-export-import's exportDB of the same database, to a Blob in memory. */
export async function rawBackup(): Promise<RawBackupRun> {
  rawExport = null;
  const start = performance.now();
  rawExport = await exportDB(database());
  return { ms: performance.now() - start, bytes: rawExport.size };
}

/** dexie-export-import's importDB of that export, into a database of its own (deleted afterwards). */
export async function rawRestore(): Promise<RawBackupRun> {
  if (!rawExport) throw new Error('make the raw export first');
  await Dexie.delete(RAW_IMPORT_DB);
  const start = performance.now();
  const imported = await importDB(rawExport, { name: RAW_IMPORT_DB });
  const ms = performance.now() - start;
  const bytes = rawExport.size;
  imported.close();
  rawExport = null;
  await Dexie.delete(RAW_IMPORT_DB);
  return { ms, bytes };
}

/**
 * A backup runs while the clerk records a purchase every PURCHASE_EVERY_MS (purchases.record, as the
 * purchase dialog saves), each paired with a plain put issued at the same moment: how long each waits.
 */
export async function purchasesDuringBackup(): Promise<PurchasesDuringBackup> {
  const ids = await probeCustomers(40, 0);
  const rawIds: string[] = [];
  const samples: PairedSample[] = [];
  let finished = false;
  const start = performance.now();
  const backup = runBackup(api(), backupWorker(), 'manual').finally(() => (finished = true));
  let order = 0;
  while (!finished) {
    const id = ids[order % ids.length]!;
    const n = 1_000_000 + order;
    samples.push(
      await paired(
        order++,
        'record a purchase during a backup',
        id,
        async () => {
          await purchases.record(id, saleFields(n));
          return { hits: 1 };
        },
        async () => rawIds.push(await rawPut(n)),
      ),
    );
    if (!finished) await Promise.race([backup, new Promise((resolve) => setTimeout(resolve, PURCHASE_EVERY_MS))]);
  }
  const made = await backup;
  const backupMs = performance.now() - start;
  await deleteRawPuts(rawIds);
  // A large store that kept changing is left for later rather than hold the purchases (backupExport.ts).
  if (!made.ok && made.reason !== 'export-busy') throw new Error(`the backup failed: ${made.reason}`);
  return { samples, backupMs, outcome: made.ok ? 'written' : 'export-busy' };
}
