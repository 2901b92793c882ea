// Where the table is in a sheet: the header row under a title (or a merged title cell, or notes),
// and, in a workbook, the sheet that holds data rather than instructions. The clerk can override both.
import { isKnownCustomerHeader } from './customerMapping';
import { isKnownPurchaseHeader } from './purchasesImport';
import type { TabularData } from './tabular';

/** One non-blank row of a sheet or text file, with the row number Excel shows for it. */
export interface SheetRow {
  number: number;
  cells: string[];
}

export interface SheetRows {
  name: string;
  rows: SheetRow[];
}

/** How a table was found, for the preview's "header row" and "sheet" choices. */
export interface TableLayout {
  /** The row number (as Excel shows it) of the header row. */
  headerRowNumber: number;
  /** The first rows of the sheet, any of which the clerk can pick as the header. */
  leadingRows: SheetRow[];
}

export interface SheetSummary {
  name: string;
  /** Non-blank rows, the header included. */
  rowCount: number;
  looksLikeData: boolean;
}

export interface LayoutChoice {
  /** A sheet by name; the first sheet that looks like data when absent or unknown. */
  sheet?: string | null;
  /** A row number; the detected header row when absent or not one of the sheet's rows. */
  headerRow?: number | null;
}

/** Rows looked at for the header; a title block longer than this is not expected. */
const HEADER_SEARCH_ROWS = 30;
/** Rows offered to the clerk as possible headers. */
export const LEADING_ROWS = 10;
/** Cells of a leading row kept for the picker. */
const LEADING_CELLS = 12;

const filled = (cells: readonly string[]) => cells.filter((c) => c.trim() !== '').length;

/** How many cells of a row are headers the import knows (customer or purchase columns). */
export function headerScore(cells: readonly string[]): number {
  return cells.filter((c) => c.trim() !== '' && (isKnownCustomerHeader(c) || isKnownPurchaseHeader(c))).length;
}

/**
 * The index (in `rows`) of the header row: among the first rows, the one with the most known
 * headers, the earliest on a tie; a row with a single filled cell (a title, merged or not) is a
 * header only in a one-column sheet. Without known headers, the first row with two or more cells.
 */
export function findHeaderRow(rows: readonly SheetRow[]): number {
  const head = rows.slice(0, HEADER_SEARCH_ROWS);
  const wide = head.some((r) => filled(r.cells) >= 2);
  let best = -1;
  let bestScore = 0;
  head.forEach((r, i) => {
    if (wide && filled(r.cells) < 2) return;
    const score = headerScore(r.cells);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  if (best >= 0) return best;
  const firstWide = head.findIndex((r) => filled(r.cells) >= 2);
  return firstWide >= 0 ? firstWide : 0;
}

/** The table under a header row (detected, or the clerk's `headerRow` by row number). */
export function layOutRows(rows: readonly SheetRow[], headerRow?: number | null): TabularData & TableLayout {
  const chosen = headerRow == null ? -1 : rows.findIndex((r) => r.number === headerRow);
  const headerIndex = chosen >= 0 ? chosen : findHeaderRow(rows);
  const header = rows[headerIndex];
  const body = rows.slice(headerIndex + 1);
  let width = header?.cells.length ?? 0;
  for (const r of body) width = Math.max(width, r.cells.length);
  const pad = (cells: string[]) => (cells.length >= width ? cells : [...cells, ...Array<string>(width - cells.length).fill('')]);
  return {
    headers: header ? pad(header.cells.map((h) => h.trim())) : [],
    rows: body.map((r) => pad(r.cells)),
    rowNumbers: body.map((r) => r.number),
    headerRowNumber: header?.number ?? 1,
    leadingRows: rows.slice(0, LEADING_ROWS).map((r) => ({ number: r.number, cells: r.cells.slice(0, LEADING_CELLS) })),
  };
}

/** A sheet holds a table: a header of two or more cells with a row of two or more cells under it. */
function sheetLooksLikeData(sheet: SheetRows): boolean {
  const i = findHeaderRow(sheet.rows);
  const header = sheet.rows[i];
  return !!header && filled(header.cells) >= 2 && sheet.rows.slice(i + 1).some((r) => filled(r.cells) >= 2);
}

/**
 * The sheet to read: the clerk's choice, else the first with known headers and data under them,
 * else the first that looks like a table (an instructions sheet of prose is passed over), else the first.
 */
export function chooseSheet(sheets: readonly SheetRows[], choice?: string | null): number {
  const named = choice == null ? -1 : sheets.findIndex((s) => s.name === choice);
  if (named >= 0) return named;
  const known = sheets.findIndex((s) => sheetLooksLikeData(s) && headerScore(s.rows[findHeaderRow(s.rows)]?.cells ?? []) > 0);
  if (known >= 0) return known;
  const data = sheets.findIndex(sheetLooksLikeData);
  return data >= 0 ? data : 0;
}

export interface WorkbookTable extends TabularData, TableLayout {
  sheetName: string;
  sheets: SheetSummary[];
}

/** A workbook's table: the sheet and header row chosen (or detected), with what the clerk can choose from. */
export function layOutWorkbook(sheets: readonly SheetRows[], choice: LayoutChoice = {}): WorkbookTable {
  const summaries = sheets.map((s) => ({ name: s.name, rowCount: s.rows.length, looksLikeData: sheetLooksLikeData(s) }));
  if (sheets.length === 0) return { sheetName: '', sheets: summaries, headers: [], rows: [], rowNumbers: [], headerRowNumber: 1, leadingRows: [] };
  const sheet = sheets[chooseSheet(sheets, choice.sheet)]!;
  return { sheetName: sheet.name, sheets: summaries, ...layOutRows(sheet.rows, choice.headerRow) };
}
