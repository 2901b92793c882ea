// One import, as the worker runs it: the file read once and kept, previews computed on request, and
// the write through the import repository. No DOM: it runs in a worker (and in tests, in Node).
import {
  decodeText,
  findFileCurrencies,
  foreignCurrencies,
  normalizeHeader,
  detectPurchaseFormat,
  importPurchases,
  isRefusedFileKind,
  parseDelimited,
  parseVCards,
  vcardPhoneLabel,
  type VCardPhoneLabel,
  recordsToDrafts,
  removeInvisibleFromRecords,
  removeInvisibleFromTable,
  rowsToDrafts,
  sampleColumn,
  samplesInOtherEncodings,
  sampleValues,
  suggestMapping,
  suggestPurchaseMapping,
  unwrapExcelTextFormulas,
  tableToRecords,
  sniffFileKind,
  weighDateOrder,
  type ImportCandidate,
  type ImportRecord,
  type ColumnMapping,
  type DecodedText,
  type InvisibleRemoval,
  type LayoutChoice,
  type RecordsToDraftsResult,
  type RefusedFileKind,
  type TabularData,
  type OwnExportLayout,
  ownCustomerDrafts,
  ownPurchases,
  recognizeOwnExport,
  unguardTable,
  type TextEncodingName,
  type WorkbookTable,
} from '../../shared/domain/import';
import type { Clock } from '../../shared/clock';
import type { ExportVocabulary } from '../../shared/domain/export/vocabulary';
import type { ImportRepository, ImportRunOptions } from '../db/imports';
import type { RegularsDatabase } from '../db/database';
import {
  EXTERNAL_ID_MARK,
  PREVIEW_LIST_LIMIT,
  type CustomerOptions,
  type CustomerPreview,
  type DateOrderHint,
  type DuplicateRow,
  type FileSource,
  type ImportOutcome,
  type LoadedFile,
  type PurchaseOptions,
  type PurchaseCurrencyCheck,
  type PurchasePreview,
} from './importProtocol';

/** Rows validated per step, so progress can be reported on large files. */
const CHECK_CHUNK = 2_000;

export type CheckProgress = (p: { phase: 'reading' | 'checking'; done: number; total: number }) => void;

export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

/** Not a table or text at all (a picture, a PDF, an old .xls…): refused before anything is read. */
export class RefusedFileError extends Error {
  constructor(readonly kind: RefusedFileKind) {
    super(`Not a spreadsheet or text file (${kind})`);
    this.name = 'RefusedFileError';
  }
}

/** The file's amounts look like another currency than the store's and the clerk has not confirmed. */
export class CurrencyNotConfirmedError extends Error {
  constructor() {
    super('The amounts look like another currency than the store’s; nothing was imported');
    this.name = 'CurrencyNotConfirmedError';
  }
}

/** An opening-points value is wrong: nothing is imported until it is corrected (or the column ignored). */
export class OpeningPointsRefusedError extends Error {
  constructor() {
    super('An opening-points value is not a whole number of points; nothing was imported');
    this.name = 'OpeningPointsRefusedError';
  }
}

export class EmptyFileError extends Error {
  constructor() {
    super('The file holds no rows');
    this.name = 'EmptyFileError';
  }
}

type Parsed =
  | { source: 'delimited' | 'xlsx'; table: TabularData }
  | { source: 'vcard'; records: ImportRecord[] };

/** What to read the file as, from its bytes; a file that is no table is refused here. */
function sourceOf(fileName: string, bytes: Uint8Array): FileSource {
  const kind = sniffFileKind(bytes, fileName);
  if (isRefusedFileKind(kind)) throw new RefusedFileError(kind);
  if (kind === 'xlsx') return 'xlsx';
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'vcf' || ext === 'vcard') return 'vcard';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 200)).replace(/^\uFEFF/, '').trimStart();
  if (/^BEGIN:VCARD/i.test(head)) return 'vcard';
  return 'delimited';
}

/** What the preview shows of a text file's encoding: how it was chosen, the names as read, the other readings. */
export function describeEncoding(bytes: Uint8Array, decoded: DecodedText, table: TabularData, mapping: ColumnMapping): Partial<LoadedFile> {
  const nameColumn = Object.entries(mapping).find(([, target]) => target === 'name')?.[0];
  const column = sampleColumn(table, nameColumn === undefined ? undefined : Number(nameColumn));
  return {
    encoding: decoded.encoding,
    hadBom: decoded.hadBom,
    replacements: decoded.replacements,
    encodingChosenBy: decoded.chosenBy,
    encodingUncertain: decoded.uncertain,
    encodingSample: sampleValues(table, column),
    encodingAlternatives: samplesInOtherEncodings(bytes, decoded.encoding, column),
  };
}

function noteInvisible(file: LoadedFile, removals: InvisibleRemoval[]) {
  file.invisible = removals.slice(0, PREVIEW_LIST_LIMIT);
  file.invisibleCount = removals.length;
}

export function createImportSession(
  db: RegularsDatabase,
  repo: ImportRepository,
  readXlsx: (bytes: Uint8Array, layout: LayoutChoice) => Promise<WorkbookTable>,
  /** Today for the checks (no birthday in the future, two-digit years); the repository has its own for what it writes. */
  clock: Clock,
  /** The export's words in each language, to recognise the app's own exports (OWN_EXPORT_VOCABULARIES). */
  ownVocabularies: readonly ExportVocabulary[] = [],
) {
  let parsed: Parsed | null = null;
  let own: OwnExportLayout | null = null;
  let fileName = '';
  let lastDrafts: { key: string; result: RecordsToDraftsResult & { ids?: Map<number, string> }; rows: number } | null = null;
  // The purchases the preview read, kept for the import with the same options (as lastDrafts for customers).
  let lastPurchases: { key: string; result: ReturnType<typeof importPurchases> } | null = null;

  function requireParsed(): Parsed {
    if (!parsed) throw new Error('No file loaded');
    return parsed;
  }

  function checkCustomers(options: CustomerOptions, onProgress?: CheckProgress): { result: RecordsToDraftsResult; rows: number } {
    const key = JSON.stringify([options.mapping, options.defaultRegion, options.dateOrder, options.keepInvalidPhones === true, options.foreignPhones ?? 'keep']);
    if (lastDrafts?.key === key) return lastDrafts;
    const p = requireParsed();
    const ctx = { defaultRegion: options.defaultRegion, today: clock(), dateOrder: options.dateOrder, strictDateOrder: true, keepInvalidPhones: options.keepInvalidPhones === true, foreignPhones: options.foreignPhones ?? 'keep' };
    const result: RecordsToDraftsResult & { ids: Map<number, string> } = { drafts: [], errors: [], skipped: [], ids: new Map() };
    const add = (r: RecordsToDraftsResult & { ids?: Map<number, string> }) => {
      for (const d of r.drafts) result.drafts.push(d);
      for (const e of r.errors) result.errors.push(e);
      for (const s of r.skipped) result.skipped.push(s);
      for (const [row, id] of r.ids ?? []) result.ids.set(row, id);
      for (const f of r.foreignPhones ?? []) (result.foreignPhones ??= []).push(f);
    };
    let rows: number;
    if (p.source === 'vcard') {
      rows = p.records.length;
      for (let i = 0; i < rows; i += CHECK_CHUNK) {
        add(recordsToDrafts(p.records.slice(i, i + CHECK_CHUNK), ctx));
        onProgress?.({ phase: 'checking', done: Math.min(rows, i + CHECK_CHUNK), total: rows });
      }
    } else {
      const { table } = p;
      rows = table.rows.length;
      for (let i = 0; i < rows; i += CHECK_CHUNK) {
        const part = { headers: table.headers, rows: table.rows.slice(i, i + CHECK_CHUNK), rowNumbers: table.rowNumbers.slice(i, i + CHECK_CHUNK) };
        add(own?.kind === 'customers' ? ownCustomerDrafts(part, own as OwnExportLayout<'customers'>, ctx) : rowsToDrafts(part, options.mapping, ctx));
        onProgress?.({ phase: 'checking', done: Math.min(rows, i + CHECK_CHUNK), total: rows });
      }
    }
    lastDrafts = { key, result, rows };
    return lastDrafts;
  }

  function customerDateHint(options: CustomerOptions): DateOrderHint {
    const p = requireParsed();
    if (p.source === 'vcard') return weighDateOrder(p.records.map((r) => r.birthday));
    return weighDateOrder(tableToRecords(p.table, options.mapping).map((r) => r.birthday || r.lunarBirthday));
  }

  /** What the file says about its amounts' currency, against the store's (issue 12 item 15). */
  function purchaseCurrency(options: PurchaseOptions): PurchaseCurrencyCheck {
    const p = requireParsed();
    if (p.source === 'vcard') return { store: options.currency, found: [], foreign: [] };
    const { table } = p;
    const format = detectPurchaseFormat(table.headers);
    const moneyColumns =
      format === 'online-retail'
        ? table.headers.map((h, i) => (['unitprice', 'price'].includes(normalizeHeader(h)) ? i : -1)).filter((i) => i >= 0)
        : Object.entries(options.mapping).filter(([, t]) => t === 'amount' || t === 'unitPrice').map(([i]) => Number(i));
    const found = findFileCurrencies({ table, moneyColumns, format });
    return { store: options.currency, found: found.slice(0, PREVIEW_LIST_LIMIT), foreign: foreignCurrencies(found, options.currency).slice(0, PREVIEW_LIST_LIMIT) };
  }

  function purchaseResult(options: PurchaseOptions) {
    const p = requireParsed();
    if (p.source === 'vcard') throw new UnreadableFileError('A vCard file holds no purchases');
    const key = JSON.stringify([options.mapping, options.currency, options.defaultRegion, options.dateOrder]);
    if (lastPurchases?.key === key) return lastPurchases.result;
    const ctx = { currency: options.currency, now: clock(), defaultRegion: options.defaultRegion, dateOrder: options.dateOrder, strictDateOrder: true };
    const result = own?.kind === 'purchases' ? ownPurchases(p.table, own as OwnExportLayout<'purchases'>, ctx) : importPurchases(p.table, ctx, options.mapping);
    lastPurchases = { key, result };
    return result;
  }

  function purchaseDateHint(options: PurchaseOptions): DateOrderHint {
    const p = requireParsed();
    if (p.source === 'vcard') return weighDateOrder([]);
    const { table } = p;
    let column: number | undefined;
    if (detectPurchaseFormat(table.headers) === 'online-retail') {
      column = table.headers.findIndex((h) => h.toLowerCase().replace(/\s/g, '') === 'invoicedate');
    } else {
      const entry = Object.entries(options.mapping).find(([, t]) => t === 'date');
      column = entry ? Number(entry[0]) : undefined;
    }
    if (column === undefined || column < 0) return weighDateOrder([]);
    return weighDateOrder(table.rows.map((r) => r[column] ?? ''));
  }

  const candidatesOf = (r: RecordsToDraftsResult & { ids?: Map<number, string> }) =>
    r.drafts.map((d): ImportCandidate => {
      const id = r.ids?.get(d.rowNumber);
      const candidate: ImportCandidate = id ? { rowNumber: d.rowNumber, fields: d.fields, id } : { rowNumber: d.rowNumber, fields: d.fields };
      if (d.consents) candidate.consents = d.consents;
      if (d.openingPoints) candidate.openingPoints = d.openingPoints;
      return candidate;
    });
  const invalidRowsOf = (r: RecordsToDraftsResult) => new Set(r.errors.map((e) => e.rowNumber)).size;
  const pointsErrorsOf = (r: RecordsToDraftsResult) => r.errors.filter((e) => e.field === 'openingPoints').length;
  // The app's own export brings no points (its ledger is exported apart); a vCard has no such column.
  const mapsOpeningPoints = (options: CustomerOptions) =>
    parsed?.source !== 'vcard' && own?.kind !== 'customers' && Object.values(options.mapping).includes('openingPoints');

  return {
    async load(name: string, bytes: Uint8Array, encoding: TextEncodingName | null, onProgress?: CheckProgress, layout: LayoutChoice = {}, phoneLabels: Partial<Record<VCardPhoneLabel, string>> = {}): Promise<LoadedFile> {
      fileName = name;
      lastDrafts = null;
      lastPurchases = null;
      parsed = null;
      own = null;
      onProgress?.({ phase: 'reading', done: 0, total: bytes.length });
      const source = sourceOf(name, bytes);
      const file: LoadedFile = {
        fileName: name,
        source,
        encoding: null,
        hadBom: false,
        replacements: 0,
        encodingChosenBy: null,
        encodingUncertain: false,
        encodingSample: [],
        encodingAlternatives: [],
        delimiter: null,
        sheetName: null,
        sheets: [],
        headerRowNumber: 1,
        leadingRows: [],
        headers: [],
        samples: [],
        rowCount: 0,
        warnings: [],
        invisible: [],
        invisibleCount: 0,
        customerMapping: {},
        purchaseMapping: {},
        purchaseFormat: 'simple',
        ownExport: null,
      };
      if (source === 'vcard') {
        const r = parseVCards(bytes, { phoneLabel: (type) => (type ? (phoneLabels[vcardPhoneLabel(type)] ?? '') : '') });
        const cleaned = removeInvisibleFromRecords(r.records);
        noteInvisible(file, cleaned.removals);
        parsed = { source, records: cleaned.records };
        file.rowCount = r.records.length;
        file.warnings = r.warnings;
      } else {
        let table: TabularData;
        if (source === 'xlsx') {
          try {
            const x = await readXlsx(bytes, layout);
            table = x;
            file.sheetName = x.sheetName;
            file.sheets = x.sheets;
            file.headerRowNumber = x.headerRowNumber;
            file.leadingRows = x.leadingRows;
          } catch (e) {
            throw new UnreadableFileError(e instanceof Error ? e.message : String(e));
          }
        } else {
          const decoded = decodeText(bytes, encoding ?? undefined);
          const d = parseDelimited(decoded.text, { headerRow: layout.headerRow });
          table = d;
          file.headerRowNumber = d.headerRowNumber;
          file.leadingRows = d.leadingRows;
          Object.assign(file, describeEncoding(bytes, decoded, d, suggestMapping(d.headers)));
          file.delimiter = d.delimiter;
          file.warnings = d.warnings;
        }
        const cleaned = removeInvisibleFromTable(table);
        noteInvisible(file, cleaned.removals);
        // The formula guard (a leading ' before = + - @) is the app's own and Excel's habit: taken off.
        table = unguardTable(unwrapExcelTextFormulas(cleaned.table));
        own = recognizeOwnExport(table.headers, ownVocabularies);
        file.ownExport = own?.kind ?? null;
        parsed = { source, table };
        file.headers = table.headers;
        file.samples = table.rows.slice(0, 5);
        file.rowCount = table.rows.length;
        file.customerMapping = suggestMapping(table.headers);
        file.purchaseMapping = suggestPurchaseMapping(table.headers);
        file.purchaseFormat = detectPurchaseFormat(table.headers);
      }
      onProgress?.({ phase: 'reading', done: bytes.length, total: bytes.length });
      // Once the clerk has chosen a sheet or header row, an empty result is shown (to choose again).
      const chosen = layout.sheet != null || layout.headerRow != null;
      if (file.rowCount === 0 && !chosen) throw new EmptyFileError();
      return file;
    },

    async previewCustomers(options: CustomerOptions, onProgress?: CheckProgress): Promise<CustomerPreview> {
      const { result, rows } = checkCustomers(options, onProgress);
      const plan = await repo.planCustomers(candidatesOf(result), options.policy);
      const interesting = plan.rows.filter((r) => r.match || r.duplicateOf);
      const listed = interesting.slice(0, PREVIEW_LIST_LIMIT);
      const matchIds = [...new Set(listed.map((r) => r.match?.customerId).filter((x): x is string => !!x))];
      const matched = new Map((await db.customers.bulkGet(matchIds)).filter((c) => !!c).map((c) => [c!.id, c!.name]));
      const nameOfRow = new Map(result.drafts.map((d) => [d.rowNumber, d.fields.name]));
      const duplicates: DuplicateRow[] = listed.map((r) => ({
        rowNumber: r.rowNumber,
        name: nameOfRow.get(r.rowNumber) ?? '',
        match: r.match ? { ...r.match, name: matched.get(r.match.customerId) ?? '' } : null,
        duplicateOf: r.duplicateOf,
        action: r.action,
      }));
      return {
        rows,
        validRows: result.drafts.length,
        invalidRows: invalidRowsOf(result),
        emptyRows: result.skipped.length,
        errors: result.errors.slice(0, PREVIEW_LIST_LIMIT),
        errorCount: result.errors.length,
        counts: plan.counts,
        updateChanged: plan.counts.updateChanged,
        duplicates,
        duplicateCount: interesting.length,
        dateOrder: customerDateHint(options),
        foreignPhones: (result.foreignPhones ?? []).slice(0, PREVIEW_LIST_LIMIT),
        foreignPhoneCount: result.foreignPhones?.length ?? 0,
        erased: plan.erased.slice(0, PREVIEW_LIST_LIMIT).map((e) => ({ ...e, name: nameOfRow.get(e.rowNumber) ?? '' })),
        ...(mapsOpeningPoints(options) ? { openingPoints: { ...(await repo.planOpeningPoints(plan)), invalid: pointsErrorsOf(result), policy: options.policy } } : {}),
      };
    },

    async previewPurchases(options: PurchaseOptions): Promise<PurchasePreview> {
      const result = purchaseResult(options);
      const currency = purchaseCurrency(options);
      const plan = await repo.planPurchases(result);
      const customerText = (ref: { externalId?: string; phone?: string; name?: string }) =>
        [ref.externalId, ref.phone, ref.name].filter(Boolean).join(' · ');
      return {
        summary: plan.summary,
        badRows: result.report.badRows.slice(0, PREVIEW_LIST_LIMIT),
        warnings: result.report.warnings.slice(0, PREVIEW_LIST_LIMIT),
        warningCount: result.report.warnings.length,
        notFound: plan.unresolved.slice(0, PREVIEW_LIST_LIMIT).map((u) => ({
          rowNumbers: u.purchase.rowNumbers,
          code: u.code,
          customer: customerText(u.purchase.customerRef),
        })),
        noCustomerRows: result.report.skippedNoCustomerRows.slice(0, PREVIEW_LIST_LIMIT),
        erased: plan.erased.slice(0, PREVIEW_LIST_LIMIT).map((e) => ({
          rowNumbers: e.purchase.rowNumbers,
          // An own export names the customer by id and name: the name says more to the clerk.
          customer: e.purchase.customerRef.name ?? customerText(e.purchase.customerRef),
          erasedAt: e.erasedAt,
        })),
        dateOrder: purchaseDateHint(options),
        currency,
      };
    },

    async importCustomers(options: CustomerOptions, run: ImportRunOptions): Promise<ImportOutcome> {
      const { result } = checkCustomers(options);
      // A bad row is left out; a bad balance is not: every customer's points or none.
      if (pointsErrorsOf(result) > 0) throw new OpeningPointsRefusedError();
      const r = await repo.importCustomers(
        {
          fileName,
          candidates: candidatesOf(result),
          policy: options.policy,
          invalidRows: invalidRowsOf(result),
          emptyRows: result.skipped.length,
        },
        run,
      );
      return { kind: 'customers', batchId: r.batchId, counts: r.counts };
    },

    async importPurchases(options: PurchaseOptions, externalNamePattern: string, run: ImportRunOptions): Promise<ImportOutcome> {
      // Amounts in another currency are written only once the clerk has said so, never silently.
      if (purchaseCurrency(options).foreign.length > 0 && !options.currencyAcknowledged) throw new CurrencyNotConfirmedError();
      const result = purchaseResult(options);
      const r = await repo.importPurchases(
        { fileName, result, externalCustomerName: (id) => externalNamePattern.split(EXTERNAL_ID_MARK).join(id) },
        run,
      );
      return { kind: 'purchases', batchId: r.batchId, counts: r.counts, summary: r.plan.summary };
    },
  };
}

export type ImportSession = ReturnType<typeof createImportSession>;
