// The export worker: reads the store and builds CSV or XLSX files off the UI thread (see buildExport.ts).
// It opens the same IndexedDB database as the page, read-only in practice.
import { assertNever } from '../../shared/result';
import { workerDatabaseName } from '../db/activeDatabase';
import { RegularsDatabase } from '../db/database';
import { createExportReader } from '../db/exportData';
import { buildExport } from '../features/export/buildExport';
import type { ExportWorkerRequest, ExportWorkerResponse } from './exportProtocol';

// The page names the worker after the database it uses (a restore may have moved it).
const reader = createExportReader(new RegularsDatabase(workerDatabaseName()));

const post = (message: ExportWorkerResponse, transfer: Transferable[] = []) =>
  (self as unknown as { postMessage: (m: ExportWorkerResponse, t: Transferable[]) => void }).postMessage(message, transfer);

async function handle(request: ExportWorkerRequest): Promise<void> {
  const { id } = request;
  switch (request.type) {
    case 'build': {
      // exceljs is large: loaded only when a workbook is written.
      const writeXlsx = async (sheets: Parameters<typeof import('../features/importExport/xlsx').writeXlsx>[0]) =>
        (await import('../features/importExport/xlsx')).writeXlsx(sheets);
      const built = await buildExport(reader, request.job, writeXlsx, (phase) => post({ id, type: 'progress', phase }));
      const buffer = built.bytes.buffer.byteLength === built.bytes.byteLength ? built.bytes.buffer : built.bytes.slice().buffer;
      post({ id, type: 'built', bytes: buffer as ArrayBuffer, rows: built.rows }, [buffer as ArrayBuffer]);
      return;
    }
    default:
      return assertNever(request.type, 'export worker request');
  }
}

self.onmessage = (event: MessageEvent<ExportWorkerRequest>) => {
  const request = event.data;
  handle(request).catch((error: unknown) => post({ id: request.id, type: 'failed', message: error instanceof Error ? error.message : String(error) }));
};
