// The rows of the customer, purchase and contact exports, and one customer's complete data (a data
// subject's request). Headers are i18n KEYS (the renderer translates them); values that are codes
// (gender, source, channel…) go through a `label` callback the renderer provides, by default the
// code itself. Money is written as a number in currency units (exact: from the integer minor units
// via their decimal text), times as local "yyyy-MM-dd HH:mm".
import { format } from 'date-fns';
import { consentFromHistory, sortConsentHistory, type ChannelConsent, type ConsentChannel, type ConsentEvent, type CurrentConsent } from '../consent';
import type { Birthday, Customer, CustomerFields, PhoneRegion } from '../customer';
import type { Interaction } from '../interaction';
import { minorUnitsToDecimal, type Currency } from '../money';
import { formatPhoneForDisplay } from '../phone';
import type { Purchase } from '../purchase';
import type { AuditEntry } from '../auditChain';
import type { TierHistoryEntry } from '../customerStatus';
import type { PointsEntry } from '../pointsLedger';
import type { SurveyAnswer } from '../surveyRecords';
import type { Complaint } from '../complaintRecords';
import { toCsv, type CsvCell } from './csv';

export interface ExportTable {
  /** i18n keys, one per column. */
  headers: string[];
  rows: CsvCell[][];
}

/** The vocabularies whose codes appear as values. */
export const EXPORT_VALUE_KINDS = ['gender', 'source', 'channel', 'direction', 'calendar', 'yesNo', 'consent', 'consentSource', 'pointsKind', 'pointsRule', 'erasedCustomer'] as const;
export type ExportValueKind = (typeof EXPORT_VALUE_KINDS)[number];

export interface ExportOptions {
  currency: Currency;
  /** Phones of this region in national format, others international. */
  region: PhoneRegion;
  /** A code's display text: label('gender', 'male') → '男'. Default: the code. */
  label?: (kind: ExportValueKind, code: string) => string;
  /** ISO time → cell text. Default local 'yyyy-MM-dd HH:mm'. */
  formatTime?: (iso: string) => string;
}

/** Local time to the minute, with seconds only when it has them (imported purchases often do). */
const defaultTime = (iso: string) => {
  const d = new Date(iso);
  return format(d, d.getSeconds() === 0 ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd HH:mm:ss');
};

function helpers(opts: ExportOptions) {
  const label = opts.label ?? ((_: ExportValueKind, code: string) => code);
  const time = (iso: string | null | undefined) => (iso ? (opts.formatTime ?? defaultTime)(iso) : '');
  const money = (minor: number) => Number(minorUnitsToDecimal(minor, opts.currency));
  const yesNo = (b: boolean) => label('yesNo', b ? 'yes' : 'no');
  return { label, time, money, yesNo };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 1990-05-17; --05-17 without a year (the ISO 8601 / vCard spelling, which the import reads back). */
export function birthdayText(b: Birthday | null): string {
  if (!b) return '';
  return `${b.year === null ? '-' : String(b.year).padStart(4, '0')}-${pad2(b.month)}-${pad2(b.day)}`;
}

function birthdayCalendar(b: Birthday | null): string {
  if (!b) return '';
  return b.calendar === 'lunar' ? (b.leapMonth ? 'lunar-leap' : 'lunar') : 'solar';
}

/** "138 1234 5678 (店里)": a phone with its label in brackets at the end, as the import reads it back. */
export function phoneCellText(number: string, label: string): string {
  return label ? `${number} (${label})` : number;
}

/** Separates phones in the other-phones cell (and, in files of earlier versions, consents in theirs). */
export const LIST_SEPARATOR = '; ';

/** The customer export's column of each consent channel. */
export const CONSENT_COLUMN_OF: Readonly<Record<ConsentChannel, 'consentSms' | 'consentPhone' | 'consentWechat' | 'consentEmail'>> = {
  sms: 'consentSms',
  phone: 'consentPhone',
  wechat: 'consentWechat',
  email: 'consentEmail',
};

/** The local day of an answer's time. */
export const consentDay = (at: string) => format(new Date(at), 'yyyy-MM-dd');

/** "同意 2026-06-15 (店内)": a channel's standing, since when and from what source; '' when never asked. */
export function consentCellText(c: ChannelConsent | undefined, label: (kind: ExportValueKind, code: string) => string): string {
  return c ? `${label('consent', c.state)} ${consentDay(c.at)} (${label('consentSource', c.source)})` : '';
}

// ---- customers --------------------------------------------------------------------------------------

export const CUSTOMER_EXPORT_COLUMNS = [
  'id', 'name', 'gender', 'phone', 'otherPhones', 'email', 'birthday', 'birthdayCalendar', 'company', 'title', 'city',
  'address', 'source', 'referredBy', 'preferredChannel', 'consentSms', 'consentPhone', 'consentWechat', 'consentEmail', 'tags', 'notes', 'totalSpent', 'purchaseCount', 'firstPurchaseAt',
  'lastPurchaseAt', 'createdAt', 'updatedAt',
] as const;
export type CustomerExportColumn = (typeof CUSTOMER_EXPORT_COLUMNS)[number];

/** 'export.customer.name' etc. */
export const customerHeaderKey = (c: CustomerExportColumn | LegacyCustomerExportColumn) => `export.customer.${c}`;

/** Columns earlier versions wrote and the import still reads: every consent in one cell ("短信: 是 2025-01-02; …"). */
export const LEGACY_CUSTOMER_EXPORT_COLUMNS = ['consents'] as const;
export type LegacyCustomerExportColumn = (typeof LEGACY_CUSTOMER_EXPORT_COLUMNS)[number];

/** Customer figures are optional so that a list without them (or an older record) still exports; consent: the current consent (consentState). */
export type ExportableCustomer = CustomerFields & Pick<Customer, 'id' | 'createdAt' | 'updatedAt'> & Partial<Pick<Customer,
  'totalSpentFen' | 'purchaseCount' | 'firstPurchaseAt' | 'lastPurchaseAt'>> & { consent?: CurrentConsent };

export function customerExportRows(customers: readonly ExportableCustomer[], opts: ExportOptions): ExportTable {
  const { label, time, money } = helpers(opts);
  const phone = (p: CustomerFields['phones'][number]) => phoneCellText(formatPhoneForDisplay(p, opts.region), p.label);
  const rows = customers.map((c): CsvCell[] => {
    const primary = c.phones.find((p) => p.primary) ?? c.phones[0];
    const values: Record<CustomerExportColumn, CsvCell> = {
      id: c.id,
      name: c.name,
      gender: label('gender', c.gender),
      phone: primary ? phone(primary) : '',
      otherPhones: c.phones.filter((p) => p !== primary).map(phone).join(LIST_SEPARATOR),
      email: c.email,
      birthday: birthdayText(c.birthday),
      birthdayCalendar: c.birthday ? label('calendar', birthdayCalendar(c.birthday)) : '',
      company: c.company,
      title: c.title,
      city: c.city,
      address: c.address,
      source: c.source ? label('source', c.source) : '',
      referredBy: c.referredBy ?? '',
      preferredChannel: c.preferredChannel ? label('channel', c.preferredChannel) : '',
      consentSms: consentCellText(c.consent?.sms, label),
      consentPhone: consentCellText(c.consent?.phone, label),
      consentWechat: consentCellText(c.consent?.wechat, label),
      consentEmail: consentCellText(c.consent?.email, label),
      tags: c.tags.join(', '),
      notes: c.notes,
      totalSpent: c.totalSpentFen === undefined ? null : money(c.totalSpentFen),
      purchaseCount: c.purchaseCount ?? null,
      firstPurchaseAt: time(c.firstPurchaseAt),
      lastPurchaseAt: time(c.lastPurchaseAt),
      createdAt: time(c.createdAt),
      updatedAt: time(c.updatedAt),
    };
    return CUSTOMER_EXPORT_COLUMNS.map((col) => values[col]);
  });
  return { headers: CUSTOMER_EXPORT_COLUMNS.map(customerHeaderKey), rows };
}

// ---- purchases --------------------------------------------------------------------------------------

export const PURCHASE_EXPORT_COLUMNS = [
  'id', 'purchasedAt', 'customerId', 'customerName', 'items', 'subtotal', 'discount', 'total', 'isReturn', 'returnOf', 'voided',
  'voidReason', 'paymentNote', 'note', 'lines',
] as const;
export type PurchaseExportColumn = (typeof PURCHASE_EXPORT_COLUMNS)[number];
export const purchaseHeaderKey = (c: PurchaseExportColumn) => `export.purchase.${c}`;

export const PURCHASE_LINE_EXPORT_COLUMNS = ['purchaseId', 'purchasedAt', 'customerId', 'customerName', 'product', 'category', 'quantity', 'unitPrice', 'lineTotal', 'voided'] as const;
export type PurchaseLineExportColumn = (typeof PURCHASE_LINE_EXPORT_COLUMNS)[number];
export const purchaseLineHeaderKey = (c: PurchaseLineExportColumn) => `export.purchaseLine.${c}`;

/** Customer names for the id columns; an unknown id gives ''. */
export type CustomerNameOf = (customerId: string) => string | undefined;

/**
 * The line items exactly, for the import to read back: JSON, one object per line with the unit price
 * in currency units as decimal text ([{"product":"龙井","category":"茶","quantity":2,"unitPrice":"64.00"}]).
 */
export function linesText(p: Pick<Purchase, 'lines'>, currency: Currency): string {
  if (p.lines.length === 0) return '';
  return JSON.stringify(p.lines.map((l) => ({ product: l.product, category: l.category, quantity: l.quantity, unitPrice: minorUnitsToDecimal(l.unitPriceFen, currency) })));
}

/** "龙井 ×2; 红茶 ×1" */
export function itemsSummary(p: Pick<Purchase, 'lines'>): string {
  return p.lines.map((l) => (l.quantity === 1 ? l.product : `${l.product} ×${l.quantity}`)).join('; ');
}

export function purchaseExportRows(purchases: readonly Purchase[], nameOf: CustomerNameOf, opts: ExportOptions): ExportTable {
  const { time, money, yesNo } = helpers(opts);
  const rows = purchases.map((p): CsvCell[] => {
    const values: Record<PurchaseExportColumn, CsvCell> = {
      id: p.id,
      purchasedAt: time(p.purchasedAt),
      customerId: p.customerId,
      customerName: nameOf(p.customerId) ?? '',
      items: itemsSummary(p),
      subtotal: money(p.subtotalFen),
      discount: money(p.discountFen),
      total: money(p.totalFen),
      isReturn: yesNo(p.returnOf !== null || p.totalFen < 0),
      returnOf: p.returnOf ?? '',
      voided: yesNo(p.isVoided === 1),
      voidReason: p.voidReason,
      paymentNote: p.paymentNote,
      note: p.note,
      lines: linesText(p, opts.currency),
    };
    return PURCHASE_EXPORT_COLUMNS.map((col) => values[col]);
  });
  return { headers: PURCHASE_EXPORT_COLUMNS.map(purchaseHeaderKey), rows };
}

/** One row per purchase line, for analysis in a spreadsheet. */
export function purchaseLineExportRows(purchases: readonly Purchase[], nameOf: CustomerNameOf, opts: ExportOptions): ExportTable {
  const { time, money, yesNo } = helpers(opts);
  const rows = purchases.flatMap((p) => p.lines.map((l): CsvCell[] => {
    const values: Record<PurchaseLineExportColumn, CsvCell> = {
      purchaseId: p.id,
      purchasedAt: time(p.purchasedAt),
      customerId: p.customerId,
      customerName: nameOf(p.customerId) ?? '',
      product: l.product,
      category: l.category,
      quantity: l.quantity,
      unitPrice: money(l.unitPriceFen),
      lineTotal: money(l.quantity * l.unitPriceFen),
      voided: yesNo(p.isVoided === 1),
    };
    return PURCHASE_LINE_EXPORT_COLUMNS.map((col) => values[col]);
  }));
  return { headers: PURCHASE_LINE_EXPORT_COLUMNS.map(purchaseLineHeaderKey), rows };
}

// ---- contacts ---------------------------------------------------------------------------------------

export const INTERACTION_EXPORT_COLUMNS = ['id', 'at', 'customerId', 'customerName', 'channel', 'direction', 'summary', 'outcome', 'followUpDate', 'followUpDone'] as const;
export type InteractionExportColumn = (typeof INTERACTION_EXPORT_COLUMNS)[number];
export const interactionHeaderKey = (c: InteractionExportColumn) => `export.interaction.${c}`;

export function interactionExportRows(interactions: readonly Interaction[], nameOf: CustomerNameOf, opts: ExportOptions): ExportTable {
  const { label, time, yesNo } = helpers(opts);
  const rows = interactions.map((i): CsvCell[] => {
    const values: Record<InteractionExportColumn, CsvCell> = {
      id: i.id,
      at: time(i.at),
      customerId: i.customerId,
      customerName: nameOf(i.customerId) ?? '',
      channel: label('channel', i.channel),
      direction: label('direction', i.direction),
      summary: i.summary,
      outcome: i.outcome,
      followUpDate: i.followUpDate ?? '',
      followUpDone: i.followUpDate ? yesNo(i.followUpDone) : '',
    };
    return INTERACTION_EXPORT_COLUMNS.map((col) => values[col]);
  });
  return { headers: INTERACTION_EXPORT_COLUMNS.map(interactionHeaderKey), rows };
}

// ---- one customer's complete data -------------------------------------------------------------------

export const CUSTOMER_DATA_PACKAGE_FORMAT = 'regulars.customer-data';
/** 2: the tier history and the audit trail's entries about the customer joined the package. */
export const CUSTOMER_DATA_PACKAGE_VERSION = 2;

/**
 * Everything the store holds about one customer, as plain JSON: the profile (with its derived
 * figures, without internal search and sort keys), every purchase (voided ones included, marked)
 * and every contact. Money stays in integer minor units with the currency named.
 */
export interface CustomerDataPackage {
  format: typeof CUSTOMER_DATA_PACKAGE_FORMAT;
  version: typeof CUSTOMER_DATA_PACKAGE_VERSION;
  exportedAt: string;
  currency: Currency;
  customer: Omit<Customer, 'searchTokens' | 'phoneKeys' | 'emailKey' | 'nameSort' | 'phoneSort' | 'tagsSort' | 'lastPurchaseSort' | 'isDeleted'> & { consent: CurrentConsent };
  purchases: Purchase[];
  interactions: Interaction[];
  /** Every marketing-consent answer, oldest first. */
  consentHistory: ConsentEvent[];
  /** Every tier change, oldest first. */
  tierHistory: TierHistoryEntry[];
  /** What the audit trail recorded about the customer (who, what, when; ids and facts), oldest first. */
  auditTrail: PackagedAuditEntry[];
  /** Their points entries, their survey answers and their complaints (with every step), oldest first. */
  pointsEntries: PointsEntry[];
  surveyAnswers: SurveyAnswer[];
  complaints: Complaint[];
}

/** An audit entry as the package gives it: the chain's hashes and a merge's snapshot (other records) left out. */
export type PackagedAuditEntry = Pick<AuditEntry, 'id' | 'seq' | 'at' | 'actor' | 'kind' | 'facts' | 'refs'>;

/**
 * Internal index fields, left out of the package (they repeat the profile's data in search form), and the
 * empty `consents` field a record from before version 9 may still carry (consent is the history's).
 */
const INTERNAL_KEYS = new Set(['searchTokens', 'phoneKeys', 'emailKey', 'nameSort', 'phoneSort', 'tagsSort', 'lastPurchaseSort', 'isDeleted', 'consents']);

export function customerDataPackage(
  customer: Customer,
  purchases: readonly Purchase[],
  interactions: readonly Interaction[],
  ctx: {
    now: Date;
    currency: Currency;
    consentHistory?: readonly ConsentEvent[];
    tierHistory?: readonly TierHistoryEntry[];
    auditTrail?: readonly AuditEntry[];
    pointsEntries?: readonly PointsEntry[];
    surveyAnswers?: readonly SurveyAnswer[];
    complaints?: readonly Complaint[];
  },
): CustomerDataPackage {
  const history = sortConsentHistory((ctx.consentHistory ?? []).filter((e) => e.customerId === customer.id));
  const profile = {
    ...Object.fromEntries(Object.entries(customer).filter(([k]) => !INTERNAL_KEYS.has(k))),
    consent: consentFromHistory(history),
  } as CustomerDataPackage['customer'];
  const own = <T extends { customerId: string }>(list: readonly T[]) => list.filter((x) => x.customerId === customer.id);
  const byTime = <T,>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  // A deep copy through JSON: the package is exactly what JSON.stringify will write.
  return JSON.parse(JSON.stringify({
    format: CUSTOMER_DATA_PACKAGE_FORMAT,
    version: CUSTOMER_DATA_PACKAGE_VERSION,
    exportedAt: ctx.now.toISOString(),
    currency: ctx.currency,
    customer: profile,
    purchases: [...own(purchases)].sort(byTime((p: Purchase) => p.purchasedAt)),
    interactions: [...own(interactions)].sort(byTime((i: Interaction) => i.at)),
    consentHistory: history,
    tierHistory: [...own(ctx.tierHistory ?? [])].sort(byTime((h: TierHistoryEntry) => h.at)),
    auditTrail: (ctx.auditTrail ?? [])
      .filter((e) => e.customerIds.includes(customer.id))
      .sort((a, b) => a.seq - b.seq)
      .map(({ id, seq, at, actor, kind, facts, refs }): PackagedAuditEntry => ({ id, seq, at, actor, kind, facts, refs })),
    pointsEntries: [...own(ctx.pointsEntries ?? [])].sort(byTime((e: PointsEntry) => e.createdAt)),
    surveyAnswers: [...own(ctx.surveyAnswers ?? [])].sort(byTime((a: SurveyAnswer) => a.answeredAt)),
    complaints: [...own(ctx.complaints ?? [])].sort(byTime((c: Complaint) => c.receivedAt)),
  })) as CustomerDataPackage;
}

/** Section titles of the package's CSV form (i18n keys). */
export const PACKAGE_SECTION_KEYS = {
  profile: 'export.section.profile',
  purchases: 'export.section.purchases',
  purchaseLines: 'export.section.purchaseLines',
  interactions: 'export.section.interactions',
  field: 'export.section.field',
  consent: 'export.section.consent',
  value: 'export.section.value',
} as const;

/**
 * The package as one CSV a spreadsheet opens: the profile as field/value rows, then the purchases,
 * their lines and the contacts as tables, each section under a title row and separated by an empty
 * row. `t` translates the i18n keys (headers and section titles); default: the key.
 */
export function customerDataPackageCsv(pkg: CustomerDataPackage, opts: ExportOptions & { t?: (key: string) => string }): string {
  const t = opts.t ?? ((k: string) => k);
  const o = { ...opts, currency: pkg.currency };
  const nameOf: CustomerNameOf = () => pkg.customer.name;
  const customer = customerExportRows([pkg.customer as unknown as ExportableCustomer], o);
  const tables: [string, ExportTable][] = [
    [PACKAGE_SECTION_KEYS.purchases, purchaseExportRows(pkg.purchases, nameOf, o)],
    [PACKAGE_SECTION_KEYS.purchaseLines, purchaseLineExportRows(pkg.purchases, nameOf, o)],
    [PACKAGE_SECTION_KEYS.interactions, interactionExportRows(pkg.interactions, nameOf, o)],
  ];
  const label = opts.label ?? ((_kind: ExportValueKind, code: string) => code);
  // Every answer of the history, oldest first: the section, the channel, yes or no, when, from what source.
  const consents = (pkg.consentHistory ?? []).map((e): CsvCell[] => [
    t(PACKAGE_SECTION_KEYS.consent), label('channel', e.channel), label('yesNo', e.granted ? 'yes' : 'no'), (opts.formatTime ?? defaultTime)(e.at), label('consentSource', e.source),
  ]);
  const rows: CsvCell[][] = [
    [t(PACKAGE_SECTION_KEYS.profile)],
    [t(PACKAGE_SECTION_KEYS.field), t(PACKAGE_SECTION_KEYS.value)],
    ...customer.headers.map((h, i) => [t(h), customer.rows[0]![i]]),
    ...consents,
  ];
  for (const [title, table] of tables) {
    rows.push([], [t(title)], table.headers.map(t), ...table.rows);
  }
  const [head, ...rest] = rows;
  return toCsv(head!.map(String), rest);
}
