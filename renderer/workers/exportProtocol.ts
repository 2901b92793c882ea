// Messages between the export screen and the export worker (export.worker.ts): the worker reads the
// store and builds the CSV or XLSX file off the UI thread; the page saves it through main.
import type { BuildPhase, ExportJob } from '../features/export/buildExport';

export type ExportWorkerRequest = { id: number; type: 'build'; job: ExportJob };

export type ExportWorkerResponse =
  | { id: number; type: 'progress'; phase: BuildPhase }
  /** The file's bytes (transferred, not copied) and its data rows. */
  | { id: number; type: 'built'; bytes: ArrayBuffer; rows: number }
  | { id: number; type: 'failed'; message: string };
