// One export from the database to the file's bytes: read in bulk (with progress), build the rows,
// translate the headers with the vocabulary the page sent, write CSV or XLSX. No DOM: it runs in the
// export worker (renderer/workers/export.worker.ts), and in tests in Node.
import type { PhoneRegion } from '../../../shared/domain/customer';
import {
  customerExportRows,
  interactionExportRows,
  pointsLedgerExportRows,
  purchaseExportRows,
  purchaseLineExportRows,
  toCsv,
  type ExportOptions,
  type ExportTable,
} from '../../../shared/domain/export';
import { CURRENCY_HEADER_KEY, vocabularyLabel, vocabularyText, type ExportVocabulary } from '../../../shared/domain/export/vocabulary';
import type { Currency } from '../../../shared/domain/money';
import type { ExportReader } from '../../db/exportData';

export const EXPORT_KINDS = ['customers', 'purchases', 'interactions', 'points'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export type ExportFormat = 'csv' | 'xlsx';
export type ExportScope = 'all' | 'list';
export type PurchaseRowShape = 'purchases' | 'lines';

/** What the worker is asked to build: everything it needs, as plain data. */
export interface ExportJob {
  kind: ExportKind;
  format: ExportFormat;
  /** Customers only: every active customer, or these ids in this order (the list as shown). */
  customerIds: string[] | null;
  purchaseRows: PurchaseRowShape;
  currency: Currency;
  region: PhoneRegion;
  /** The headers and labels in the clerk's language. */
  vocabulary: ExportVocabulary;
  /** The XLSX sheet's name (the file's "what"). */
  sheetName: string;
}

export type BuildPhase = { phase: 'reading'; done: number; total: number } | { phase: 'writing' };

export interface BuiltExport {
  bytes: Uint8Array;
  rows: number;
}

/** Tables with amounts get a last column naming the currency, so the numbers cannot be misread. */
function withCurrency(table: ExportTable, currency: Currency): ExportTable {
  return { headers: [...table.headers, CURRENCY_HEADER_KEY], rows: table.rows.map((r) => [...r, currency]) };
}

async function buildTable(reader: ExportReader, job: ExportJob, onPhase: (p: BuildPhase) => void): Promise<ExportTable> {
  const opts: ExportOptions = { currency: job.currency, region: job.region, label: vocabularyLabel(job.vocabulary) };
  const reading = (p: { done: number; total: number }) => onPhase({ phase: 'reading', ...p });
  if (job.kind === 'customers') {
    const rows = job.customerIds === null ? await reader.allActiveCustomers(reading) : await reader.customersByIds(job.customerIds, reading);
    return withCurrency(customerExportRows(rows, opts), job.currency);
  }
  const names = await reader.customerNames();
  const nameOf = (id: string) => names.get(id);
  if (job.kind === 'purchases') {
    const rows = await reader.allPurchases(reading);
    return withCurrency(job.purchaseRows === 'lines' ? purchaseLineExportRows(rows, nameOf, opts) : purchaseExportRows(rows, nameOf, opts), job.currency);
  }
  if (job.kind === 'points') {
    const [entries, rewards] = await Promise.all([reader.allPointsEntries(reading), reader.rewardNames()]);
    return pointsLedgerExportRows(entries, { customerName: nameOf, rewardName: (id) => rewards.get(id) }, opts);
  }
  return interactionExportRows(await reader.allInteractions(reading), nameOf, opts);
}

/**
 * Builds the file. `writeXlsx` is passed in (exceljs's browser build in the worker, the Node one in
 * tests) so this module does not load exceljs for a CSV.
 */
export async function buildExport(
  reader: ExportReader,
  job: ExportJob,
  writeXlsx: (sheets: { name: string; headers: string[]; rows: ExportTable['rows'] }[]) => Promise<ArrayBuffer>,
  onPhase: (p: BuildPhase) => void,
): Promise<BuiltExport> {
  const table = await buildTable(reader, job, onPhase);
  onPhase({ phase: 'writing' });
  const headers = table.headers.map(vocabularyText(job.vocabulary));
  const bytes =
    job.format === 'csv'
      ? new TextEncoder().encode(toCsv(headers, table.rows))
      : new Uint8Array(await writeXlsx([{ name: job.sheetName, headers, rows: table.rows }]));
  return { bytes, rows: table.rows.length };
}
