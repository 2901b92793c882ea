// The import worker: reads, checks, plans and writes imports off the UI thread (see importSession.ts).
// It opens the same IndexedDB database as the page; Dexie tells the page's live queries what changed.
import { localDayOf } from '../../shared/domain/customerFigures';
import { workerDatabaseName } from '../db/activeDatabase';
import { RegularsDatabase } from '../db/database';
import { createImportRepository, ImportCancelledError } from '../db/imports';
import { OWN_EXPORT_VOCABULARIES } from '../features/importExport/ownExportVocabularies';
import { importContract, type ImportFailure } from './importProtocol';
import { createImportSession, EmptyFileError, OpeningPointsRefusedError, RefusedFileError, UnreadableFileError } from './importSession';
import { serve } from './rpc';
import { workerClock } from './workerClock';

// The page names the worker after the database it uses (a restore may have moved it).
const db = new RegularsDatabase(workerDatabaseName());
const repo = createImportRepository(db, { now: workerClock, newId: () => crypto.randomUUID(), dayOf: localDayOf });
// exceljs is large: loaded only when an XLSX file is opened.
const session = createImportSession(db, repo, async (bytes, layout) => (await import('../features/importExport/xlsx')).readXlsx(bytes, layout), workerClock, OWN_EXPORT_VOCABULARIES);

function failureOf(error: unknown): ImportFailure {
  if (error instanceof ImportCancelledError) return 'cancelled';
  if (error instanceof UnreadableFileError) return 'unreadable';
  if (error instanceof EmptyFileError) return 'empty';
  if (error instanceof RefusedFileError) return 'refused';
  if (error instanceof OpeningPointsRefusedError) return 'points-invalid';
  // Dexie reports an abort caused by our own throw as the original error; anything else is a failure.
  return 'failed';
}

serve(
  importContract,
  {
    load: async ({ fileName, bytes, encoding, layout, phoneLabels }, { progress }) => session.load(fileName, new Uint8Array(bytes), encoding, progress, layout, phoneLabels),
    previewCustomers: async ({ options }, { progress }) => session.previewCustomers(options, progress),
    previewPurchases: async ({ options }) => session.previewPurchases(options),
    importCustomers: async ({ options }, { progress, signal }) => session.importCustomers(options, { signal, onProgress: progress }),
    importPurchases: async ({ options, externalNamePattern }, { progress, signal }) =>
      session.importPurchases(options, externalNamePattern, { signal, onProgress: progress }),
  },
  { failure: (error) => ({ reason: failureOf(error), detail: error instanceof RefusedFileError ? { refused: error.kind } : undefined }) },
);
