// XLSX in and out through exceljs (its browser build under Vite, the Node one in tests). The row
// logic stays in shared/: cells become text by shared/domain/import/cells, and the result is the
// same TabularData the CSV path gives, so mapping and validation do not care where rows came from.
import ExcelJS from 'exceljs';
import { cellText } from '../../../shared/domain/import/cells';
import type { TabularData } from '../../../shared/domain/import/tabular';
import type { CsvCell } from '../../../shared/domain/export/csv';

export interface XlsxTable extends TabularData {
  sheetName: string;
}

/**
 * The first worksheet as a header row and rows of text. Row numbers are the sheet's own (what Excel
 * shows); blank rows are left out but counted. Numbers keep what the cell shows: a phone typed as
 * text stays text with its leading zero; a number formatted "00000000000" is zero-padded; dates
 * become yyyy-MM-dd (with the time when there is one).
 */
export async function readXlsx(data: ArrayBuffer | Uint8Array): Promise<XlsxTable> {
  const workbook = new ExcelJS.Workbook();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  // exceljs's types say Buffer; both its builds accept any ArrayBuffer view (JSZip underneath).
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { sheetName: '', headers: [], rows: [], rowNumbers: [] };

  const records: { number: number; cells: string[] }[] = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value, cell.numFmt);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    if (cells.every((c) => c.trim() === '')) return;
    width = Math.max(width, cells.length);
    records.push({ number: row.number, cells });
  });
  const pad = (cells: string[]) => (cells.length >= width ? cells : [...cells, ...Array<string>(width - cells.length).fill('')]);
  const [header, ...rest] = records;
  return {
    sheetName: sheet.name,
    headers: header ? pad(header.cells).map((h) => h.trim()) : [],
    rows: rest.map((r) => pad(r.cells)),
    rowNumbers: rest.map((r) => r.number),
  };
}

export interface XlsxSheet {
  /** Excel allows 31 characters and no []:*?/\ — the name is cleaned. */
  name: string;
  headers: string[];
  rows: readonly (readonly CsvCell[])[];
}

/** Excel's limits on sheet names. */
export function safeSheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * A workbook with one sheet per table: a bold, frozen header row; text cells as text (an XLSX text
 * cell is never evaluated, so no formula neutralisation is needed here), numbers as numbers.
 */
export async function writeXlsx(sheets: readonly XlsxSheet[]): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Regulars';
  const taken = new Set<string>();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(safeSheetName(s.name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(s.headers).font = { bold: true };
    for (const row of s.rows) sheet.addRow(row.map((v) => (v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? null : v)));
    // Widths from the longest text in each column (CJK characters count double), within reason.
    s.headers.forEach((h, i) => {
      let longest = displayWidth(h);
      for (const row of s.rows.slice(0, 1000)) longest = Math.max(longest, displayWidth(String(row[i] ?? '')));
      sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, longest + 2));
    });
  }
  // A Node Buffer in tests, an ArrayBuffer-like in the browser build.
  const out = (await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer | Uint8Array;
  const view = out instanceof ArrayBuffer ? new Uint8Array(out) : new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  return view.slice().buffer;
}

function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text.split('\n')[0] ?? '') w += /[\u1100-\uFFFF]/.test(ch) ? 2 : 1;
  return w;
}
