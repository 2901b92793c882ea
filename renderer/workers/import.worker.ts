// The import worker: reads, checks, plans and writes imports off the UI thread (see importSession.ts).
// It opens the same IndexedDB database as the page; Dexie tells the page's live queries what changed.
import { localDayOf } from '../../shared/domain/customerFigures';
import { workerDatabaseName } from '../db/activeDatabase';
import { RegularsDatabase } from '../db/database';
import { createImportRepository, ImportCancelledError } from '../db/imports';
import { OWN_EXPORT_VOCABULARIES } from '../features/importExport/ownExportVocabularies';
import { createImportSession, EmptyFileError, RefusedFileError, UnreadableFileError } from './importSession';
import type { WorkerFailure, WorkerRequest, WorkerResponse } from './importProtocol';
import { followPageClock, workerClock } from './workerClock';

// The page names the worker after the database it uses (a restore may have moved it).
const db = new RegularsDatabase(workerDatabaseName());
const repo = createImportRepository(db, { now: workerClock, newId: () => crypto.randomUUID(), dayOf: localDayOf });
// exceljs is large: loaded only when an XLSX file is opened.
const session = createImportSession(db, repo, async (bytes, layout) => (await import('../features/importExport/xlsx')).readXlsx(bytes, layout), workerClock, OWN_EXPORT_VOCABULARIES);

let running: AbortController | null = null;

const post = (message: WorkerResponse) => (self as unknown as { postMessage: (m: WorkerResponse) => void }).postMessage(message);

function failureOf(error: unknown): WorkerFailure {
  if (error instanceof ImportCancelledError) return 'cancelled';
  if (error instanceof UnreadableFileError) return 'unreadable';
  if (error instanceof EmptyFileError) return 'empty';
  if (error instanceof RefusedFileError) return 'refused';
  // Dexie reports an abort caused by our own throw as the original error; anything else is a failure.
  return 'failed';
}

async function handle(request: Exclude<WorkerRequest, { type: 'cancel' }>): Promise<WorkerResponse> {
  const { id } = request;
  const progress = (p: Extract<WorkerResponse, { type: 'progress' }>['progress']) => post({ id, type: 'progress', progress: p });
  switch (request.type) {
    case 'load':
      return { id, type: 'loaded', file: await session.load(request.fileName, new Uint8Array(request.bytes), request.encoding, progress, request.layout, request.phoneLabels) };
    case 'previewCustomers':
      return { id, type: 'customerPreview', preview: await session.previewCustomers(request.options, progress) };
    case 'previewPurchases':
      return { id, type: 'purchasePreview', preview: await session.previewPurchases(request.options) };
    case 'importCustomers':
    case 'importPurchases': {
      running = new AbortController();
      const run = { signal: running.signal, onProgress: progress };
      try {
        const outcome =
          request.type === 'importCustomers'
            ? await session.importCustomers(request.options, run)
            : await session.importPurchases(request.options, request.externalNamePattern, run);
        return { id, type: 'imported', outcome };
      } finally {
        running = null;
      }
    }
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    running?.abort();
    return;
  }
  followPageClock(request);
  handle(request).then(post, (error: unknown) => {
    const refused = error instanceof RefusedFileError ? { refused: error.kind } : {};
    post({ id: request.id, type: 'failed', reason: failureOf(error), message: error instanceof Error ? error.message : String(error), ...refused });
  });
};
