// The app's own exports read back exactly: a customers or purchases file the export screen wrote (CSV or
// XLSX, in any of the three languages) is recognised by its headers and read column by column with the
// labels it was written with, so every field comes back as it was: "not given" genders, phones with
// their labels, year-less and lunar birthdays, consent per channel (the import's own answers), names starting with = or -,
// voided purchases and returns with their originals. Tables come in with the formula guard already
// taken off (unguardTable, which the import applies to every file).
import { CONSENT_CHANNELS, isConsentChannel, type ConsentAnswer, type ConsentChannel } from '../consent';
import { CHANNELS, type ContactChannel, type CustomerSource, type Gender } from '../customer';
import { validateCustomerDraft, type BirthdayDraft, type CustomerDraft, type PhoneDraft } from '../customerValidation';
import {
  CONSENT_COLUMN_OF,
  CUSTOMER_EXPORT_COLUMNS,
  LEGACY_CUSTOMER_EXPORT_COLUMNS,
  LIST_SEPARATOR,
  PURCHASE_EXPORT_COLUMNS,
  customerHeaderKey,
  purchaseHeaderKey,
  type CustomerExportColumn,
  type ExportValueKind,
  type LegacyCustomerExportColumn,
  type PurchaseExportColumn,
} from '../export/rows';
import { unguardFormula } from '../export/csv';
import type { ExportVocabulary } from '../export/vocabulary';
import { MAX_MINOR_UNITS, parseMoney } from '../money';
import { PURCHASE_LIMITS, type PurchaseLine } from '../purchase';
import { CONSENT_IMPORT_FIELD, parseConsentCell, parseGender, parseSource, type ImportContext, type ImportErrorField, type ImportRowError, type ImportedDraft, type RecordsToDraftsResult } from './customerRecords';
import { parseDateTimeToIso } from './dates';
import type { PurchaseImportContext, PurchaseImportDraft, PurchaseImportErrorCode, PurchaseImportResult, RowProblem } from './purchasesImport';
import type { TabularData } from './tabular';

export type OwnExportKind = 'customers' | 'purchases';

export interface OwnExportLayout<K extends OwnExportKind = OwnExportKind> {
  kind: K;
  /** The language the file was written in. */
  vocabulary: ExportVocabulary;
  /** Column name → index in the file. */
  columns: Partial<Record<K extends 'customers' ? CustomerExportColumn | LegacyCustomerExportColumn : PurchaseExportColumn, number>>;
}

// Columns without which a file is not taken for the app's own export (later columns may be missing in
// files written by earlier versions: consents, lines).
const CUSTOMER_REQUIRED: readonly CustomerExportColumn[] = ['id', 'name', 'gender', 'phone', 'otherPhones', 'birthday', 'birthdayCalendar', 'referredBy', 'preferredChannel'];
const PURCHASE_REQUIRED: readonly PurchaseExportColumn[] = ['id', 'purchasedAt', 'customerId', 'subtotal', 'discount', 'total', 'returnOf', 'voided', 'voidReason'];

function layoutOf<C extends string>(headers: readonly string[], columns: readonly C[], headerKey: (c: C) => string, required: readonly C[], v: ExportVocabulary) {
  const at = new Map(headers.map((h, i) => [h.trim(), i] as const));
  const found: Partial<Record<C, number>> = {};
  for (const c of columns) {
    const i = at.get((v.texts[headerKey(c)] ?? '').trim());
    if (i !== undefined) found[c] = i;
  }
  return required.every((c) => found[c] !== undefined) ? found : null;
}

/** Which of the app's exports this header row is, in which language; null for any other file. */
export function recognizeOwnExport(headers: readonly string[], vocabularies: readonly ExportVocabulary[]): OwnExportLayout | null {
  for (const vocabulary of vocabularies) {
    const purchases = layoutOf(headers, PURCHASE_EXPORT_COLUMNS, purchaseHeaderKey, PURCHASE_REQUIRED, vocabulary);
    if (purchases) return { kind: 'purchases', vocabulary, columns: purchases };
    const customers = layoutOf(headers, [...CUSTOMER_EXPORT_COLUMNS, ...LEGACY_CUSTOMER_EXPORT_COLUMNS], customerHeaderKey, CUSTOMER_REQUIRED, vocabulary);
    if (customers) return { kind: 'customers', vocabulary, columns: customers };
  }
  return null;
}

/** Every cell of a table with the formula guard taken off. */
export function unguardTable<T extends TabularData>(table: T): T {
  return { ...table, headers: table.headers.map(unguardFormula), rows: table.rows.map((r) => r.map(unguardFormula)) };
}

/** A label back to its code, in the file's language (or the code itself); undefined when unknown. */
function codeReader(v: ExportVocabulary) {
  const maps = new Map<ExportValueKind, Map<string, string>>();
  for (const [kind, labels] of Object.entries(v.labels) as [ExportValueKind, Record<string, string>][]) {
    const m = new Map<string, string>();
    for (const [code, label] of Object.entries(labels)) {
      m.set(code.toLowerCase(), code);
      m.set(label.trim().toLowerCase(), code);
    }
    maps.set(kind, m);
  }
  return (kind: ExportValueKind, text: string): string | undefined => maps.get(kind)?.get(text.trim().toLowerCase());
}

/** "138 1234 5678 (店里)" → number and label (phoneCellText's form). */
export function splitPhoneCell(text: string): { number: string; label: string } {
  const m = /^(.*?\S) \((.*)\)$/s.exec(text.trim());
  return m ? { number: m[1]!, label: m[2]! } : { number: text.trim(), label: '' };
}

const BIRTHDAY = /^(\d{4}|-)-(\d{2})-(\d{2})$/;
/** Earlier versions' consents cell, "channel: answer yyyy-MM-dd" per channel (labels may hold spaces). */
const CONSENT = /^(.+?): (.+) (\d{4}-\d{2}-\d{2})$/;

/** The customers of an own export: one validated draft per row, with the customer's id in the file. */
export interface OwnCustomerResult extends RecordsToDraftsResult {
  /** Row number → the id the row carries (kept for the new customer when the store has no such id). */
  ids: Map<number, string>;
}

/** `table` as unguardTable gives it. */
export function ownCustomerDrafts(table: TabularData, layout: OwnExportLayout<'customers'>, ctx: ImportContext): OwnCustomerResult {
  const code = codeReader(layout.vocabulary);
  const result: OwnCustomerResult = { drafts: [], errors: [], skipped: [], ids: new Map() };
  table.rows.forEach((row, r) => {
    const rowNumber = table.rowNumbers[r] ?? r + 2;
    const cell = (c: CustomerExportColumn | LegacyCustomerExportColumn) => {
      const i = layout.columns[c];
      return i === undefined ? '' : (row[i] ?? '');
    };
    const errors: ImportRowError[] = [];
    const fail = (field: ImportErrorField, errorCode: ImportRowError['code'], value: string) => {
      const column = field === 'phone' ? layout.columns.phone : layout.columns[field as CustomerExportColumn];
      errors.push(column === undefined ? { rowNumber, field, code: errorCode, value } : { rowNumber, field, code: errorCode, value, column });
    };

    if (row.every((c) => c.trim() === '')) {
      result.skipped.push({ rowNumber, code: 'row-no-mapped-data' });
      return;
    }

    const genderText = cell('gender');
    let gender: Gender = 'unspecified';
    if (genderText.trim() !== '') {
      const g = (code('gender', genderText) as Gender | undefined) ?? parseGender(genderText);
      if (g === null || g === 'invalid') fail('gender', 'choice-invalid', genderText);
      else gender = g;
    }

    const phones: PhoneDraft[] = [];
    const primary = cell('phone').trim();
    if (primary) phones.push({ raw: splitPhoneCell(primary).number, label: splitPhoneCell(primary).label, primary: true, keepAsIs: true });
    for (const part of cell('otherPhones').split(LIST_SEPARATOR.trim())) {
      if (part.trim() === '') continue;
      const p = splitPhoneCell(part);
      phones.push({ raw: p.number, label: p.label, primary: false, keepAsIs: true });
    }

    let birthday: BirthdayDraft | null = null;
    const birthdayText = cell('birthday').trim();
    if (birthdayText) {
      const m = BIRTHDAY.exec(birthdayText);
      const calendar = code('calendar', cell('birthdayCalendar')) ?? 'solar';
      if (!m) fail('birthday', 'birthday-invalid-date', birthdayText);
      else {
        birthday = {
          calendar: calendar === 'solar' ? 'solar' : 'lunar',
          year: m[1] === '-' ? '' : m[1]!,
          month: m[2]!,
          day: m[3]!,
          leapMonth: calendar === 'lunar-leap',
        };
      }
    }

    const sourceText = cell('source');
    const source = sourceText.trim() === '' ? null : ((code('source', sourceText) as CustomerSource | undefined) ?? parseSource(sourceText));

    const channelText = cell('preferredChannel');
    let preferredChannel: ContactChannel | null = null;
    if (channelText.trim() !== '') {
      const c = code('channel', channelText);
      if (c && (CHANNELS as readonly string[]).includes(c)) preferredChannel = c as ContactChannel;
      else fail('notes', 'choice-invalid', channelText);
    }

    // Consent: a column per channel, or (files of earlier versions) every channel in one cell. Recorded
    // as answers of the import, at the import.
    const answers = new Map<ConsentChannel, boolean>();
    for (const part of cell('consents').split(LIST_SEPARATOR.trim())) {
      if (part.trim() === '') continue;
      const m = CONSENT.exec(part.trim());
      const channel = m ? code('channel', m[1]!) : undefined;
      const answer = m ? code('yesNo', m[2]!) : undefined;
      if (!m || !answer || !(CHANNELS as readonly string[]).includes(channel ?? '')) {
        fail('notes', 'choice-invalid', part.trim());
        continue;
      }
      // 'visit' was never a marketing channel: an answer for it is not carried.
      if (isConsentChannel(channel)) answers.set(channel, answer === 'yes');
    }
    for (const channel of CONSENT_CHANNELS) {
      const text = cell(CONSENT_COLUMN_OF[channel]);
      if (text.trim() === '') continue;
      const state = code('consent', text.trim().replace(/\s+\(.*\)$/, '').replace(/\s+\d{4}-\d{2}-\d{2}$/, ''));
      const answer = state ? state === 'granted' : parseConsentCell(text);
      if (answer === 'invalid' || answer === null) fail(CONSENT_IMPORT_FIELD[channel], 'consent-invalid', text);
      else answers.set(channel, answer);
    }
    const consents: ConsentAnswer[] = CONSENT_CHANNELS.flatMap((channel) => (answers.has(channel) ? [{ channel, granted: answers.get(channel)! }] : []));

    const draft: CustomerDraft = {
      name: cell('name'),
      gender,
      phones,
      email: cell('email').trim(),
      birthday,
      company: cell('company'),
      title: cell('title'),
      city: cell('city'),
      address: cell('address'),
      source,
      referredBy: cell('referredBy').trim() || null,
      preferredChannel,
      tags: cell('tags').split(',').map((t) => t.trim()).filter(Boolean),
      notes: cell('notes'),
    };
    const checked = validateCustomerDraft(draft, { defaultRegion: ctx.defaultRegion, today: ctx.today });
    if (!checked.ok) {
      for (const [path, errorCode] of Object.entries(checked.reason)) {
        const [head, index] = path.split('.');
        if (head === 'phones') fail('phone', errorCode, phones[Number(index)]?.raw ?? '');
        else if (head === 'tags') fail('tags', errorCode, draft.tags[Number(index)] ?? '');
        else if (head === 'preferredChannel' || head === 'referredBy') fail('notes', errorCode, path);
        else if (head === 'birthday') fail('birthday', errorCode, birthdayText);
        else {
          const value = (draft as unknown as Record<string, unknown>)[head!];
          fail(head as ImportErrorField, errorCode, typeof value === 'string' ? value : '');
        }
      }
    }
    if (errors.length > 0 || !checked.ok) {
      result.errors.push(...errors);
      return;
    }
    const drafted: ImportedDraft = { rowNumber, draft, fields: checked.value };
    if (consents.length > 0) drafted.consents = consents;
    result.drafts.push(drafted);
    const id = cell('id').trim();
    if (id) result.ids.set(rowNumber, id);
  });
  return result;
}

// ---- purchases ----------------------------------------------------------------------------------

/** What an own purchases export adds to a purchase draft. */
export interface OwnPurchaseExtras {
  /** The customer's id in the store the file came from (the same store, or customers imported with their ids). */
  customerId: string;
  /** Voided in the file: imported voided, with its reason. */
  voided: { reason: string } | null;
  /** The purchase number of the original, for a return. */
  returnOfRef: string | null;
}

export type OwnPurchaseDraft = PurchaseImportDraft & { own: OwnPurchaseExtras };

interface ExactLine {
  product: unknown;
  category: unknown;
  quantity: unknown;
  unitPrice: unknown;
}

function readLines(text: string, ctx: PurchaseImportContext): PurchaseLine[] | null {
  if (text.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const lines: PurchaseLine[] = [];
  for (const item of parsed as ExactLine[]) {
    if (typeof item !== 'object' || item === null) return null;
    const { product, category, quantity, unitPrice } = item;
    if (typeof product !== 'string' || product.trim() === '' || [...product].length > PURCHASE_LIMITS.product) return null;
    if (typeof category !== 'string' || [...category].length > PURCHASE_LIMITS.category) return null;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity === 0 || Math.abs(quantity) > PURCHASE_LIMITS.quantity) return null;
    const price = typeof unitPrice === 'string' ? parseMoney(unitPrice, ctx.currency) : null;
    if (!price?.ok || price.value < 0) return null;
    lines.push({ product, category, quantity, unitPriceFen: price.value });
  }
  return lines;
}

/** The purchases of an own export, one per row: the purchase number becomes the order number. `table` as unguardTable gives it. */
export function ownPurchases(table: TabularData, layout: OwnExportLayout<'purchases'>, ctx: PurchaseImportContext): PurchaseImportResult & { purchases: OwnPurchaseDraft[] } {
  const code = codeReader(layout.vocabulary);
  const purchases: OwnPurchaseDraft[] = [];
  const badRows: RowProblem<PurchaseImportErrorCode>[] = [];
  const seen = new Set<string>();
  table.rows.forEach((row, r) => {
    const rowNumber = table.rowNumbers[r] ?? r + 2;
    const cell = (c: PurchaseExportColumn) => {
      const i = layout.columns[c];
      return i === undefined ? '' : (row[i] ?? '').trim();
    };
    const bad = (errorCode: PurchaseImportErrorCode, value: string) => badRows.push({ rowNumber, code: errorCode, value });
    const ref = cell('id');
    if (ref === '' || seen.has(ref)) return bad('invoice-required', ref);
    const customerId = cell('customerId');
    if (customerId === '') return bad('customer-missing', customerId);
    const iso = parseDateTimeToIso(cell('purchasedAt'), { dateOrder: 'mdy', today: ctx.now });
    if (!iso) return bad(cell('purchasedAt') === '' ? 'date-required' : 'date-invalid', cell('purchasedAt'));
    if (new Date(iso).getTime() > ctx.now.getTime() + 5 * 60_000) return bad('date-in-future', cell('purchasedAt'));
    const money = (c: PurchaseExportColumn) => {
      const m = parseMoney(cell(c), ctx.currency);
      return m.ok && Math.abs(m.value) <= MAX_MINOR_UNITS ? m.value : null;
    };
    const subtotalFen = money('subtotal');
    const discountFen = cell('discount') === '' ? 0 : money('discount');
    const totalFen = money('total');
    if (subtotalFen === null) return bad('amount-invalid', cell('subtotal'));
    if (discountFen === null) return bad('amount-invalid', cell('discount'));
    if (totalFen === null || totalFen !== subtotalFen - discountFen) return bad('amount-invalid', cell('total'));
    const lines = readLines(cell('lines'), ctx);
    if (lines === null) return bad('price-invalid', cell('lines'));
    if (lines.length > 0 && lines.reduce((sum, l) => sum + l.quantity * l.unitPriceFen, 0) !== subtotalFen) return bad('amount-invalid', cell('lines'));
    for (const [column, limit] of [['paymentNote', PURCHASE_LIMITS.paymentNote], ['note', PURCHASE_LIMITS.note], ['voidReason', PURCHASE_LIMITS.voidReason]] as const) {
      if ([...cell(column)].length > limit) return bad('text-too-long', cell(column));
    }
    const voided = code('yesNo', cell('voided')) === 'yes';
    const returnOfRef = cell('returnOf') || null;
    seen.add(ref);
    purchases.push({
      rowNumbers: [rowNumber],
      externalRef: ref,
      customerRef: { externalId: customerId, ...(cell('customerName') ? { name: cell('customerName') } : {}) },
      fields: { purchasedAt: iso, lines, subtotalFen, discountFen, totalFen, paymentNote: cell('paymentNote'), note: cell('note') },
      isReturn: returnOfRef !== null || totalFen < 0,
      own: { customerId, voided: voided ? { reason: cell('voidReason') } : null, returnOfRef },
    });
  });
  const report = {
    totalRows: table.rows.length,
    importedRows: purchases.length,
    purchases: purchases.length,
    returns: purchases.filter((p) => p.isReturn).length,
    skippedNoCustomer: 0,
    skippedNoCustomerRows: [],
    badRows,
    warnings: [],
  };
  return { format: 'simple', purchases, customers: [], report };
}

/** The own-export extras of a purchase draft, when it came from one. */
export function ownPurchaseExtras(p: PurchaseImportDraft): OwnPurchaseExtras | undefined {
  return (p as Partial<OwnPurchaseDraft>).own;
}
