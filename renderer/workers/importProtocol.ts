// The import worker's declaration (served by import.worker.ts, asked by features/import/importClient.ts) and
// what it answers. The worker keeps the parsed file; the screen sends choices and gets back previews, progress
// and the outcome.
import type { PhoneRegion } from '../../shared/domain/customer';
import type { Currency } from '../../shared/domain/money';
import type {
  ColumnMapping,
  CurrencyEvidence,
  DateOrder,
  ForeignPhone,
  ForeignPhoneChoice,
  DateOrderEvidence,
  DecodedText,
  Delimiter,
  EncodingSample,
  ImportErrorField,
  ImportPlan,
  InvisibleRemoval,
  ImportPolicy,
  ImportRowError,
  LayoutChoice,
  MatchKind,
  PurchaseColumnMapping,
  PurchaseCustomerProblem,
  PurchaseFormat,
  PurchaseImportErrorCode,
  PurchaseImportWarning,
  RefusedFileKind,
  RowProblem,
  SheetRow,
  SheetSummary,
  TextEncodingName,
  VCardPhoneLabel,
} from '../../shared/domain/import';
import type { ImportProgress, OpeningPointsPlan, PurchaseImportSummary } from '../db/imports';
import { cancellableMethod, declareWorker, detailOf, method } from './rpc';

export type ImportKind = 'customers' | 'purchases';
export type FileSource = 'delimited' | 'xlsx' | 'vcard';

/** The longest list of rows a preview carries; the counts are always complete. */
export const PREVIEW_LIST_LIMIT = 500;

export interface LoadedFile {
  fileName: string;
  source: FileSource;
  /** Text files: the encoding used (detected or chosen) and what the decode saw. */
  encoding: TextEncodingName | null;
  hadBom: boolean;
  replacements: number;
  /** How the encoding was chosen, and whether another encoding read the file nearly as well. */
  encodingChosenBy: DecodedText['chosenBy'] | null;
  encodingUncertain: boolean;
  /** The first names (or other non-ASCII text) as read, and as each other encoding reads them. */
  encodingSample: string[];
  encodingAlternatives: EncodingSample[];
  delimiter: Delimiter | null;
  sheetName: string | null;
  /** Workbooks: every sheet, so the clerk can pick another. */
  sheets: SheetSummary[];
  /** Tables: the header row (as Excel numbers it) and the first rows, any of which can be the header. */
  headerRowNumber: number;
  leadingRows: SheetRow[];
  headers: string[];
  /** The first few data rows, for samples beside each column. */
  samples: string[][];
  /** Data rows (cards for a vCard file). */
  rowCount: number;
  warnings: { rowNumber: number; code: string }[];
  /** Cells that held control or zero-width characters (removed), the first PREVIEW_LIST_LIMIT of them. */
  invisible: InvisibleRemoval[];
  invisibleCount: number;
  customerMapping: ColumnMapping;
  purchaseMapping: PurchaseColumnMapping;
  purchaseFormat: PurchaseFormat;
  /** The app's own customers or purchases export: read column by column as written, the mapping unused. */
  ownExport: 'customers' | 'purchases' | null;
}

/** What the file's dates say about their order (weighDateOrder). */
export type DateOrderHint = DateOrderEvidence;

export interface CustomerOptions {
  mapping: ColumnMapping;
  policy: ImportPolicy;
  defaultRegion: PhoneRegion;
  dateOrder: DateOrder;
  /** Keep numbers that are no valid phone number (95588) as typed, like the form's "keep as typed". */
  keepInvalidPhones?: boolean;
  /** Numbers that do not look like the region's: kept as typed (the default), country code added, or read as local. */
  foreignPhones?: ForeignPhoneChoice;
}

export interface PurchaseOptions {
  mapping: PurchaseColumnMapping;
  /** The store's currency: amounts are read in it, never converted. */
  currency: Currency;
  /** The clerk confirmed importing amounts the file marks as another currency, as they are. */
  currencyAcknowledged?: boolean;
  defaultRegion: PhoneRegion;
  dateOrder: DateOrder;
}

export interface DuplicateRow {
  rowNumber: number;
  name: string;
  match: { kind: MatchKind; customerId: string; name: string } | null;
  duplicateOf: { kind: MatchKind; rowNumber: number } | null;
  action: 'create' | 'update' | 'skip';
}

export interface CustomerPreview {
  /** Data rows in the file (non-blank). */
  rows: number;
  validRows: number;
  invalidRows: number;
  emptyRows: number;
  errors: ImportRowError[];
  errorCount: number;
  counts: ImportPlan['counts'];
  /** Existing customers the import changes (update policy), and those it matches without a change. */
  updateChanged: number;
  duplicates: DuplicateRow[];
  duplicateCount: number;
  dateOrder: DateOrderHint;
  /** Numbers that do not look like the region's, the first PREVIEW_LIST_LIMIT of them. */
  foreignPhones?: ForeignPhone[];
  foreignPhoneCount?: number;
  /** Rows of erased customers (own export), the first PREVIEW_LIST_LIMIT of them; counts.erased says how many. */
  erased: { rowNumber: number; name: string; erasedAt: string }[];
  /**
   * When a column is mapped to opening points: what they give, and how many values are wrong (any refuses the whole
   * import: a balance is never left out as a bad row is).
   */
  openingPoints?: OpeningPointsPlan & { invalid: number; policy: ImportPolicy };
}

export interface PurchasePreview {
  summary: PurchaseImportSummary;
  badRows: RowProblem<PurchaseImportErrorCode>[];
  warnings: RowProblem<PurchaseImportWarning>[];
  warningCount: number;
  notFound: { rowNumbers: number[]; code: PurchaseCustomerProblem; customer: string }[];
  noCustomerRows: number[];
  /** Purchases of erased customers, the first PREVIEW_LIST_LIMIT of them; summary.erasedRows counts their rows. */
  erased: { rowNumbers: number[]; customer: string; erasedAt: string }[];
  dateOrder: DateOrderHint;
  currency: PurchaseCurrencyCheck;
}

/** The currency the amounts are read in, what the file says, and what of that differs from the store's. */
export interface PurchaseCurrencyCheck {
  store: Currency;
  found: CurrencyEvidence[];
  foreign: CurrencyEvidence[];
}

export type ImportOutcome =
  | { kind: 'customers'; batchId: string; counts: Record<string, number> }
  | { kind: 'purchases'; batchId: string; counts: Record<string, number>; summary: PurchaseImportSummary };

/** Reading the file and checking its rows; the import itself tells its phases (ImportProgress). */
export type FileProgress = { phase: 'reading' | 'checking'; done: number; total: number };
export type ImportWorkerProgress = ImportProgress | FileProgress;

/** 'refused': a file that is not a table (a picture, a PDF, an old .xls); the failure's detail names its kind. */
/** 'points-invalid': an opening-points value is not a whole number of points; the whole import waits for it. */
export const IMPORT_FAILURES = ['cancelled', 'unreadable', 'empty', 'refused', 'points-invalid', 'failed'] as const;
export type ImportFailure = (typeof IMPORT_FAILURES)[number];

export interface LoadRequest {
  fileName: string;
  /** Copied, not transferred: the screen keeps the file to read it again in another encoding or layout. */
  bytes: ArrayBuffer;
  encoding: TextEncodingName | null;
  layout?: LayoutChoice;
  phoneLabels?: Partial<Record<VCardPhoneLabel, string>>;
}

export const importContract = declareWorker({
  name: 'import',
  methods: {
    load: method<LoadRequest, LoadedFile, FileProgress>(),
    previewCustomers: method<{ options: CustomerOptions }, CustomerPreview, FileProgress>(),
    previewPurchases: method<{ options: PurchaseOptions }, PurchasePreview>(),
    /** Cancelled before the transaction commits, the whole import is rolled back ('cancelled'); after, it stands. */
    importCustomers: cancellableMethod<{ options: CustomerOptions }, ImportOutcome, ImportProgress>(),
    importPurchases: cancellableMethod<{ options: PurchaseOptions; externalNamePattern: string }, ImportOutcome, ImportProgress>(),
  },
  failures: IMPORT_FAILURES,
  detail: detailOf<{ refused: RefusedFileKind }>(),
});

/** Replaced by the customer number in the translated import.externalCustomerName. */
export const EXTERNAL_ID_MARK = '\u0001';

export type { ImportErrorField };
