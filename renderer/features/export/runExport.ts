// One export from start to file: read in bulk (with progress), build the rows, translate the headers,
// write CSV or XLSX, and hand the file to the browser's download.
import type { TFunction } from 'i18next';
import type { PhoneRegion } from '../../../shared/domain/customer';
import {
  customerExportRows,
  interactionExportRows,
  purchaseExportRows,
  purchaseLineExportRows,
  toCsv,
  type ExportTable,
} from '../../../shared/domain/export';
import type { Currency } from '../../../shared/domain/money';
import { customers, exportData } from '../../db';
import type { CustomerListQuery } from '../../db/customers';
import { downloadFile, exportFileName, exportOptions, MIME, nextFrame } from './exportFiles';

export const EXPORT_KINDS = ['customers', 'purchases', 'interactions'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export type ExportFormat = 'csv' | 'xlsx';
export type ExportScope = 'all' | 'list';
export type PurchaseRowShape = 'purchases' | 'lines';

export interface ExportRequest {
  kind: ExportKind;
  format: ExportFormat;
  /** Customers only: every active customer, or the ids the customer list shows now. */
  scope: ExportScope;
  listQuery: CustomerListQuery;
  purchaseRows: PurchaseRowShape;
  currency: Currency;
  region: PhoneRegion;
}

export type ExportPhase = { phase: 'reading'; done: number; total: number } | { phase: 'writing' };

export interface ExportOutcome {
  fileName: string;
  rows: number;
}

/** Tables with amounts get a last column naming the currency, so the numbers cannot be misread. */
function withCurrency(table: ExportTable, currency: Currency): ExportTable {
  return { headers: [...table.headers, 'export.currency'], rows: table.rows.map((r) => [...r, currency]) };
}

async function buildTable(req: ExportRequest, t: TFunction, onPhase: (p: ExportPhase) => void): Promise<{ table: ExportTable; fileKey: string }> {
  const opts = exportOptions(t, req.currency, req.region);
  const reading = (p: { done: number; total: number }) => onPhase({ phase: 'reading', ...p });
  if (req.kind === 'customers') {
    const rows =
      req.scope === 'all' ? await exportData.allActiveCustomers(reading) : await exportData.customersByIds((await customers.listIds(req.listQuery)).ids, reading);
    return { table: withCurrency(customerExportRows(rows, opts), req.currency), fileKey: 'customers' };
  }
  const names = await exportData.customerNames();
  const nameOf = (id: string) => names.get(id);
  if (req.kind === 'purchases') {
    const rows = await exportData.allPurchases(reading);
    return req.purchaseRows === 'lines'
      ? { table: withCurrency(purchaseLineExportRows(rows, nameOf, opts), req.currency), fileKey: 'purchaseLines' }
      : { table: withCurrency(purchaseExportRows(rows, nameOf, opts), req.currency), fileKey: 'purchases' };
  }
  const rows = await exportData.allInteractions(reading);
  return { table: interactionExportRows(rows, nameOf, opts), fileKey: 'interactions' };
}

export async function runExport(req: ExportRequest, t: TFunction, onPhase: (p: ExportPhase) => void): Promise<ExportOutcome> {
  const { table, fileKey } = await buildTable(req, t, onPhase);
  onPhase({ phase: 'writing' });
  await nextFrame();
  const headers = table.headers.map((key) => t(key));
  const what = t(`exportScreen.files.${fileKey}`);
  const fileName = exportFileName(t, what, req.format);
  if (req.format === 'csv') {
    downloadFile(toCsv(headers, table.rows), fileName, MIME.csv);
  } else {
    // exceljs is large: loaded only when someone writes a workbook.
    const { writeXlsx } = await import('../importExport/xlsx');
    downloadFile(await writeXlsx([{ name: what, headers, rows: table.rows }]), fileName, MIME.xlsx);
  }
  return { fileName, rows: table.rows.length };
}
