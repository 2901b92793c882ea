// The export worker: reads the store and builds CSV or XLSX files off the UI thread (see buildExport.ts).
// It opens the same IndexedDB database as the page, read-only in practice.
import { workerDatabaseName } from '../db/activeDatabase';
import { RegularsDatabase } from '../db/database';
import { createExportReader } from '../db/exportData';
import { buildExport } from '../features/export/buildExport';
import { exportContract } from './exportProtocol';
import { serve, transferring } from './rpc';

// The page names the worker after the database it uses (a restore may have moved it).
const reader = createExportReader(new RegularsDatabase(workerDatabaseName()));

serve(
  exportContract,
  {
    build: async ({ job }, { progress }) => {
      // exceljs is large: loaded only when a workbook is written.
      const writeXlsx = async (sheets: Parameters<typeof import('../features/importExport/xlsx').writeXlsx>[0]) =>
        (await import('../features/importExport/xlsx')).writeXlsx(sheets);
      const built = await buildExport(reader, job, writeXlsx, progress);
      const buffer = (built.bytes.buffer.byteLength === built.bytes.byteLength ? built.bytes.buffer : built.bytes.slice().buffer) as ArrayBuffer;
      return transferring({ bytes: buffer, rows: built.rows }, [buffer]);
    },
  },
  { failure: () => 'failed' },
);
