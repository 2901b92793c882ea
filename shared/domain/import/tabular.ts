// The one shape every tabular import source (CSV, TSV, XLSX) is turned into before mapping.

export interface TabularData {
  /** The header row's cells, trimmed; '' for a column without a header. */
  headers: string[];
  /** Data rows as raw strings, each exactly headers.length long; blank rows are left out. */
  rows: string[][];
  /** The row number the user sees in Excel for each entry of `rows` (the header is row 1). */
  rowNumbers: number[];
}
