// A report chart's files: its data as CSV or XLSX (its picture, PNG, is the canvas's); saved by renderer/ui/saveFile.
import { toCsv } from '../../../../shared/domain/export/csv';
import type { ChartTable } from './chartModel';

export const CHART_FILE_KINDS = ['csv', 'xlsx', 'png'] as const;
export type ChartFileKind = (typeof CHART_FILE_KINDS)[number];

/** The file's bytes: the table as CSV (with its BOM, formulas neutralised) or as a one-sheet workbook. */
export async function tableFile(table: ChartTable, kind: 'csv' | 'xlsx', sheetName: string): Promise<Uint8Array> {
  if (kind === 'csv') return new TextEncoder().encode(toCsv(table.headers, table.rows));
  // exceljs is large: loaded with the first workbook asked for.
  const { writeXlsx } = await import('../../importExport/xlsx');
  return new Uint8Array(await writeXlsx([{ name: sheetName, headers: table.headers, rows: table.rows }]));
}
