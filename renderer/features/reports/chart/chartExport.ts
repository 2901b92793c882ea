// Saving a report chart's data (CSV, XLSX) or picture (PNG) through the app's export path: main asks where (the OS
// save dialog on desktop; <dataFolder>/exports in the browser mode and the tests), the bytes go in pieces, and the
// chart says "saved" only once main's commit answered.
import { format } from 'date-fns';
import { toCsv } from '../../../../shared/domain/export/csv';
import type { DesktopApi } from '../../../../shared/ipc/contract';
import { saveExportFile } from '../../../../shared/ipc/exportFiles';
import { safeFileName } from '../../export/exportFiles';
import type { ChartTable } from './chartModel';

export const CHART_FILE_KINDS = ['csv', 'xlsx', 'png'] as const;
export type ChartFileKind = (typeof CHART_FILE_KINDS)[number];

export type ChartSaveOutcome =
  | { state: 'saved'; fileName: string; path: string }
  | { state: 'cancelled' }
  /** `reason`: an IPC failure code (errors.<reason>), or 'build-failed' when the file could not be made. */
  | { state: 'failed'; reason: string };

/** 熟客-营业额-2026-12-05.png */
export function chartFileName(appName: string, title: string, kind: ChartFileKind, now: Date): string {
  return `${safeFileName(`${appName}-${title}-${format(now, 'yyyy-MM-dd')}`)}.${kind}`;
}

/** The file's bytes: the table as CSV (with its BOM, formulas neutralised) or as a one-sheet workbook. */
export async function tableFile(table: ChartTable, kind: 'csv' | 'xlsx', sheetName: string): Promise<Uint8Array> {
  if (kind === 'csv') return new TextEncoder().encode(toCsv(table.headers, table.rows));
  // exceljs is large: loaded with the first workbook asked for.
  const { writeXlsx } = await import('../../importExport/xlsx');
  return new Uint8Array(await writeXlsx([{ name: sheetName, headers: table.headers, rows: table.rows }]));
}

/** Asks main where, makes the bytes, sends them; a failure aborts what was begun, so no half file is left. */
export async function saveChartFile(api: DesktopApi['exportFile'], fileName: string, make: () => Promise<Uint8Array>): Promise<ChartSaveOutcome> {
  const begun = await api.begin(fileName, false);
  if (!begun.ok) return { state: 'failed', reason: begun.reason };
  if (begun.value === null) return { state: 'cancelled' };
  let bytes: Uint8Array;
  try {
    bytes = await make();
  } catch (error) {
    console.error(error);
    await api.abort(begun.value.sessionId);
    return { state: 'failed', reason: 'build-failed' };
  }
  const saved = await saveExportFile(api, begun.value, bytes);
  return saved.ok ? { state: 'saved', fileName: saved.value.fileName, path: saved.value.path } : { state: 'failed', reason: saved.reason };
}
