// XLSX in and out through exceljs (its browser build under Vite, the Node one in tests). The row
// logic stays in shared/: cells become text by shared/domain/import/cells, and the result is the
// same TabularData the CSV path gives (found under any title, on the sheet that holds data), so
// mapping and validation do not care where rows came from.
import ExcelJS from 'exceljs';
import { cellText } from '../../../shared/domain/import/cells';
import { layOutWorkbook, type LayoutChoice, type SheetRow, type SheetRows, type WorkbookTable } from '../../../shared/domain/import/layout';
import { guardApostrophes, type CsvCell } from '../../../shared/domain/export/csv';

export type XlsxTable = WorkbookTable;

/**
 * Every worksheet's non-blank rows as text, with the sheet's own row numbers (what Excel shows).
 * Numbers keep what the cell shows: a phone typed as text stays text with its leading zero; a
 * number formatted "00000000000" is zero-padded; dates become yyyy-MM-dd (with the time when there
 * is one). A merged cell's text is kept once, in its top-left cell: a title merged across the
 * columns is one cell, as it looks, not a row of copies that would pass for a header.
 */
export async function readXlsxSheets(data: ArrayBuffer | Uint8Array): Promise<SheetRows[]> {
  const workbook = new ExcelJS.Workbook();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  // exceljs's types say Buffer; both its builds accept any ArrayBuffer view (JSZip underneath).
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map((sheet) => {
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.isMerged && cell.master.address !== cell.address ? '' : cellText(cell.value, cell.numFmt);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= '';
      if (cells.every((c) => c.trim() === '')) return;
      rows.push({ number: row.number, cells });
    });
    return { name: sheet.name, rows };
  });
}

/**
 * A workbook's table as a header row and rows of text: the sheet that holds data (or the one
 * chosen) and its header row, found under any title (or the one chosen); see layOutWorkbook.
 */
export async function readXlsx(data: ArrayBuffer | Uint8Array, choice: LayoutChoice = {}): Promise<XlsxTable> {
  return layOutWorkbook(await readXlsxSheets(data), choice);
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
 * cell is never evaluated, so no formula neutralisation is needed here; only text already starting with
 * '= gets one more apostrophe, see guardApostrophes), numbers as numbers.
 */
export async function writeXlsx(sheets: readonly XlsxSheet[]): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Regulars';
  const taken = new Set<string>();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(safeSheetName(s.name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(s.headers).font = { bold: true };
    for (const row of s.rows) {
      sheet.addRow(row.map((v) => (v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? null : typeof v === 'string' ? guardApostrophes(v) : v)));
    }
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
