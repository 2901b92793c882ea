// Purchases from a table, in two shapes:
//  (a) simple: one row per purchase — customer phone / name / number, date, amount, items, note;
//  (b) the UCI "Online Retail" shape — one row per invoice line (InvoiceNo, StockCode, Description,
//      Quantity, InvoiceDate, UnitPrice, CustomerID, Country), grouped into one purchase per invoice.
// Every row ends up in exactly one place of the report: imported, skipped (no customer) or bad.
import type { PhoneRegion } from '../customer';
import { MAX_MINOR_UNITS, parseMoney, type Currency } from '../money';
import { PHONE_ERRORS, validatePhone, type PhoneError } from '../phone';
import { PURCHASE_LIMITS, type PurchaseErrorCode, type PurchaseFields, type PurchaseLine } from '../purchase';
import { parseAmountSubFen, parseQuantity, SUB_FEN_SCALE, subFenToFen } from './amounts';
import { mergeOrderRows, ORDER_LINE_ERRORS, readItemRow, type OrderLineError } from './orderLines';
import { normalizeHeader } from './customerMapping';
import { impossibleInDateOrder, parseDateTimeToIso, type DateOrder } from './dates';
import type { TabularData } from './tabular';

/** Codes of the purchase import beyond the purchase form's (PURCHASE_ERROR_CODES) and the phone ones. */
export const PURCHASE_IMPORT_ERRORS = [
  /** Neither a phone, a name nor a customer number. */
  'customer-missing',
  'invoice-required',
  /** One invoice's lines name different customers. */
  'invoice-customer-mismatch',
  /** The date reads only in the other date order (13/12/2010 when month/day was chosen). */
  'date-order-impossible',
] as const;
export type PurchaseImportOwnError = (typeof PURCHASE_IMPORT_ERRORS)[number] | OrderLineError;
export type PurchaseImportErrorCode = PurchaseImportOwnError | PurchaseErrorCode | PhoneError;
export const ALL_PURCHASE_IMPORT_CODES: readonly PurchaseImportErrorCode[] = [
  ...PURCHASE_IMPORT_ERRORS,
  ...ORDER_LINE_ERRORS,
  'date-required', 'date-invalid', 'date-in-future', 'amount-required', 'amount-invalid', 'amount-too-large',
  'quantity-invalid', 'price-required', 'price-invalid', 'line-product-required', 'text-too-long',
  ...PHONE_ERRORS,
];

/** Rows imported with a change the user should know about. */
export const PURCHASE_IMPORT_WARNINGS = [
  /** A unit price with a fraction of a fen (0.001) was rounded to whole fen. */
  'price-rounded-to-fen',
] as const;
export type PurchaseImportWarning = (typeof PURCHASE_IMPORT_WARNINGS)[number];

/** Resolution of a purchase's customer against the store. */
export const PURCHASE_CUSTOMER_PROBLEMS = ['customer-not-found', 'customer-ambiguous'] as const;
export type PurchaseCustomerProblem = (typeof PURCHASE_CUSTOMER_PROBLEMS)[number];

export interface CustomerRef {
  /** The customer number in the other system (Online Retail's CustomerID, 会员编号). */
  externalId?: string;
  /** As in the file, and the normalized key to look up (Customer.phoneKeys). */
  phone?: string;
  phoneKey?: string;
  name?: string;
}

export interface PurchaseImportDraft {
  /** Every source row of this purchase (one for the simple shape, the invoice's lines otherwise). */
  rowNumbers: number[];
  /** The order or invoice number in the other system ('536365', 'C536379'), or null. */
  externalRef: string | null;
  customerRef: CustomerRef;
  /** Valid for the purchase repository (assertPurchaseFields): integer fen, lines summing to the subtotal. */
  fields: PurchaseFields;
  /** A cancellation invoice ("C…") or a negative total: recorded as a return without an original. */
  isReturn: boolean;
}

export interface RowProblem<C extends string> {
  rowNumber: number;
  code: C;
  /** The offending cell text. */
  value: string;
}

export interface PurchaseImportReport {
  totalRows: number;
  /** Rows that became part of a purchase (a line, or a whole purchase in the simple shape). */
  importedRows: number;
  /** Purchases produced (invoices for Online Retail). */
  purchases: number;
  /** Of which returns (cancellations and negative totals). */
  returns: number;
  /** Rows without a customer: reported, not imported. */
  skippedNoCustomer: number;
  skippedNoCustomerRows: number[];
  /** Rows with an error; a row appears once (with its first problem). */
  badRows: RowProblem<PurchaseImportErrorCode>[];
  warnings: RowProblem<PurchaseImportWarning>[];
}

export interface PurchaseImportContext {
  currency: Currency;
  /** For the "not in the future" check, as the purchase form does. */
  now: Date;
  defaultRegion: PhoneRegion;
  /** How to read 12/1/2010. Default 'mdy' (the UCI file and English exports). */
  dateOrder?: DateOrder;
  /** A date that reads only in the other order is an error ('date-order-impossible'), not swapped. */
  strictDateOrder?: boolean;
}

export interface ExternalCustomerKey {
  externalId: string;
  country: string;
  /** The first row naming this customer. */
  firstRowNumber: number;
}

export interface PurchaseImportResult {
  format: PurchaseFormat;
  purchases: PurchaseImportDraft[];
  /**
   * Online Retail: every customer number the imported purchases use. Those the store does not know
   * yet are to be created, named from the code 'import.externalCustomerName' with { externalId }.
   */
  customers: ExternalCustomerKey[];
  report: PurchaseImportReport;
}

export const PURCHASE_FORMATS = ['simple', 'online-retail'] as const;
export type PurchaseFormat = (typeof PURCHASE_FORMATS)[number];

// ---- shape detection and the simple mapping -------------------------------------------------------

const ONLINE_RETAIL_COLUMNS = {
  invoice: ['invoiceno', 'invoice', 'invoicenumber'],
  stockCode: ['stockcode'],
  description: ['description'],
  quantity: ['quantity'],
  date: ['invoicedate'],
  price: ['unitprice', 'price'],
  customer: ['customerid', 'customer'],
  country: ['country'],
} as const;
type OnlineRetailColumn = keyof typeof ONLINE_RETAIL_COLUMNS;

function findColumns<K extends string>(headers: string[], spec: Record<K, readonly string[]>): Partial<Record<K, number>> {
  const keys = headers.map(normalizeHeader);
  const found: Partial<Record<K, number>> = {};
  for (const [field, names] of Object.entries(spec) as [K, readonly string[]][]) {
    const i = keys.findIndex((k) => names.includes(k));
    if (i >= 0) found[field] = i;
  }
  return found;
}

/** The Online Retail shape (also "Online Retail II": Invoice, Price, Customer ID) or the simple one. */
export function detectPurchaseFormat(headers: string[]): PurchaseFormat {
  const c = findColumns(headers, ONLINE_RETAIL_COLUMNS);
  return c.invoice !== undefined && c.stockCode !== undefined && c.quantity !== undefined && c.date !== undefined && c.price !== undefined
    ? 'online-retail'
    : 'simple';
}

export const PURCHASE_TARGETS = ['phone', 'name', 'externalId', 'date', 'amount', 'items', 'quantity', 'unitPrice', 'orderNo', 'note', 'ignore'] as const;
export type PurchaseTarget = (typeof PURCHASE_TARGETS)[number];
export type PurchaseColumnMapping = Record<number, PurchaseTarget>;

const PURCHASE_ALIASES: Record<Exclude<PurchaseTarget, 'ignore'>, string[]> = {
  phone: ['手机', '手机号', '手机号码', '电话', '联系电话', '电话号码', '客户手机', '会员手机', '手機', '電話', '聯絡電話',
    'Phone', 'Mobile', 'Phone Number', 'Telephone', 'Customer Phone'],
  name: ['姓名', '客户', '客户名称', '客户姓名', '会员', '会员姓名', '顾客', '名字', '客戶', '客戶名稱', '會員',
    'Name', 'Customer', 'Customer Name', 'Client', 'Member'],
  externalId: ['客户编号', '会员编号', '会员号', '会员卡号', '卡号', '客戶編號', '會員編號', 'Customer ID', 'CustomerID',
    'Member ID', 'Client ID', 'Customer No', 'Customer Number'],
  date: ['日期', '时间', '消费日期', '消费时间', '购买日期', '购买时间', '下单时间', '交易时间', '交易日期', '日期时间', '時間',
    '消費日期', 'Date', 'Time', 'Purchase Date', 'Order Date', 'Date/Time', 'Transaction Date', 'Created At'],
  amount: ['金额', '消费金额', '实付金额', '实收金额', '总额', '总金额', '合计', '总价', '实付', '实收', '金額', '消費金額',
    '總額', 'Amount', 'Total', 'Sum', 'Paid', 'Total Amount', 'Grand Total', 'Net Total'],
  items: ['商品', '商品名称', '项目', '品名', '明细', '购买商品', '消费项目', '产品', '產品', '項目', 'Items', 'Item',
    'Products', 'Product', 'Description'],
  quantity: ['数量', '件数', '购买数量', '销售数量', '商品数量', '數量', '購買數量', 'Qty', 'Quantity', 'Units'],
  unitPrice: ['单价', '售价', '零售价', '销售单价', '商品单价', '單價', '售價', 'Unit Price', 'Price', 'Price Each', 'Unit Cost'],
  orderNo: ['订单号', '单号', '流水号', '小票号', '订单编号', '訂單號', '單號', 'Order No', 'Order ID', 'Order Number',
    'Receipt No', 'Receipt Number', 'Invoice', 'Invoice No', 'Transaction ID'],
  note: ['备注', '備註', '说明', 'Note', 'Notes', 'Memo', 'Comment'],
};
const PURCHASE_ALIAS_MAP = new Map<string, PurchaseTarget>(
  Object.entries(PURCHASE_ALIASES).flatMap(([t, names]) => names.map((n) => [normalizeHeader(n), t as PurchaseTarget] as const)),
);

/** Whether a header names a purchase column of either shape (used to find the header row under a title). */
export function isKnownPurchaseHeader(header: string): boolean {
  const key = normalizeHeader(header);
  return PURCHASE_ALIAS_MAP.has(key) || Object.values(ONLINE_RETAIL_COLUMNS).some((names) => (names as readonly string[]).includes(key));
}

/** First column per target from the headers; every other column 'ignore'. */
export function suggestPurchaseMapping(headers: string[]): PurchaseColumnMapping {
  const taken = new Set<PurchaseTarget>();
  const mapping: PurchaseColumnMapping = {};
  headers.forEach((h, i) => {
    const t = PURCHASE_ALIAS_MAP.get(normalizeHeader(h));
    mapping[i] = t && !taken.has(t) ? t : 'ignore';
    if (t) taken.add(t);
  });
  return mapping;
}

/** "绿茶 x2, 红茶" → [{ product: '绿茶', quantity: 2 }, { product: '红茶', quantity: 1 }]. */
export function parseItemsText(text: string): { product: string; quantity: number }[] {
  return text
    .split(/[,，;；、|\r\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = /^(.*?)\s*[x×*＊Xｘ]\s*(\d{1,5})$/.exec(s);
      return m && m[1]!.trim() ? { product: m[1]!.trim(), quantity: Number(m[2]) } : { product: s, quantity: 1 };
    });
}

function emptyReport(totalRows: number): PurchaseImportReport {
  return { totalRows, importedRows: 0, purchases: 0, returns: 0, skippedNoCustomer: 0, skippedNoCustomerRows: [], badRows: [], warnings: [] };
}

function readDate(text: string, ctx: PurchaseImportContext): { iso: string } | { code: PurchaseImportErrorCode } {
  if (text.trim() === '') return { code: 'date-required' };
  const opts = { dateOrder: ctx.dateOrder ?? 'mdy', today: ctx.now, strictOrder: ctx.strictDateOrder === true } as const;
  const iso = parseDateTimeToIso(text, opts);
  if (!iso) return { code: opts.strictOrder && impossibleInDateOrder(text, opts) ? 'date-order-impossible' : 'date-invalid' };
  if (new Date(iso).getTime() > ctx.now.getTime() + 5 * 60_000) return { code: 'date-in-future' };
  return { iso };
}

/**
 * (a) The simple shape: one purchase per row, or, for a till's export with one row per item (a
 * quantity or unit price column, or an order number on several rows), one line per row and one
 * purchase per order number (see orderLines.ts).
 */
export function importSimplePurchases(table: TabularData, mapping: PurchaseColumnMapping, ctx: PurchaseImportContext): PurchaseImportResult {
  const col = (t: PurchaseTarget) => {
    const entry = Object.entries(mapping).find(([, v]) => v === t);
    return entry ? Number(entry[0]) : undefined;
  };
  const columns = Object.fromEntries(PURCHASE_TARGETS.map((t) => [t, col(t)])) as Record<PurchaseTarget, number | undefined>;
  const report = emptyReport(table.rows.length);
  const drafts: PurchaseImportDraft[] = [];
  const itemRows = columns.quantity !== undefined || columns.unitPrice !== undefined || orderNumbersRepeat(table, columns.orderNo);
  const badOrders = new Set<string>();
  // A customer's phone is on each of their rows: each number is checked once.
  const phones = new Map<string, ReturnType<typeof validatePhone>>();
  const checkedPhone = (phone: string) => {
    let p = phones.get(phone);
    if (!p) phones.set(phone, (p = validatePhone(phone, ctx.defaultRegion, { keepAsIs: true })));
    return p;
  };

  table.rows.forEach((row, r) => {
    const rowNumber = table.rowNumbers[r] ?? r + 2;
    const cell = (t: PurchaseTarget) => (columns[t] === undefined ? '' : (row[columns[t]!] ?? '').trim());
    const orderNo = cell('orderNo');
    const bad = (code: PurchaseImportErrorCode, value: string) => {
      report.badRows.push({ rowNumber, code, value });
      if (orderNo) badOrders.add(orderNo);
    };

    const ref: CustomerRef = {};
    const phone = cell('phone');
    if (phone) {
      const p = checkedPhone(phone);
      if (!p.ok) return bad(p.reason, phone);
      ref.phone = phone;
      ref.phoneKey = p.value.normalized;
    }
    if (cell('name')) ref.name = cell('name').replace(/\s+/g, ' ');
    if (cell('externalId')) ref.externalId = normalizeExternalId(cell('externalId')) ?? undefined;
    if (!ref.phoneKey && !ref.name && !ref.externalId) {
      report.skippedNoCustomer++;
      report.skippedNoCustomerRows.push(rowNumber);
      return;
    }

    const date = readDate(cell('date'), ctx);
    if ('code' in date) return bad(date.code, cell('date'));
    const note = cell('note');
    if ([...note].length > PURCHASE_LIMITS.note) return bad('text-too-long', note);

    let amounts: Pick<PurchaseFields, 'lines' | 'subtotalFen' | 'discountFen' | 'totalFen' | 'note'>;
    if (itemRows) {
      // One item per row; "绿茶 x2" in the item cell counts when there is no quantity column.
      const item = columns.quantity === undefined ? parseItemsText(cell('items')) : [];
      const single = item.length === 1 ? item[0]! : null;
      const read = readItemRow({
        product: single ? single.product : cell('items'),
        quantity: columns.quantity !== undefined ? cell('quantity') : single ? String(single.quantity) : '',
        unitPrice: cell('unitPrice'),
        amount: cell('amount'),
      });
      if ('code' in read) return bad(read.code, read.value);
      if (read.rounded) report.warnings.push({ rowNumber, code: 'price-rounded-to-fen', value: cell('unitPrice') });
      amounts = { lines: [read.line], subtotalFen: read.subtotalFen, discountFen: read.subtotalFen - read.totalFen, totalFen: read.totalFen, note };
    } else {
      const whole = readWholePurchase(cell('amount'), cell('items'), note, ctx);
      if ('code' in whole) return bad(whole.code, cell('amount'));
      amounts = whole;
    }

    drafts.push({
      rowNumbers: [rowNumber],
      externalRef: orderNo || null,
      customerRef: ref,
      fields: { purchasedAt: date.iso, paymentNote: '', ...amounts },
      isReturn: amounts.totalFen < 0,
    });
    report.importedRows++;
  });

  const merged = mergeOrderRows(drafts, badOrders);
  for (const b of merged.bad) report.badRows.push(b);
  report.badRows.sort((a, b) => a.rowNumber - b.rowNumber);
  // Rows of orders left out were counted as imported; each is now named once among the bad rows.
  report.importedRows -= merged.bad.length;
  const purchases = merged.purchases as PurchaseImportDraft[];
  report.purchases = purchases.length;
  report.returns = purchases.filter((p) => p.isReturn).length;
  return { format: 'simple', purchases, customers: [], report };
}

/** Whether some order number is on more than one row: the rows are then items of orders. */
function orderNumbersRepeat(table: TabularData, column: number | undefined): boolean {
  if (column === undefined) return false;
  const seen = new Set<string>();
  for (const row of table.rows) {
    const v = (row[column] ?? '').trim();
    if (v === '') continue;
    if (seen.has(v)) return true;
    seen.add(v);
  }
  return false;
}

/**
 * A row that is a whole purchase. Its items become a line only when that is exact (one product,
 * the amount divisible by its quantity); otherwise they are kept as the purchase's note.
 */
function readWholePurchase(
  amountText: string,
  itemsText: string,
  note: string,
  ctx: PurchaseImportContext,
): Pick<PurchaseFields, 'lines' | 'subtotalFen' | 'discountFen' | 'totalFen' | 'note'> | { code: PurchaseImportErrorCode } {
  if (amountText === '') return { code: 'amount-required' };
  const amount = parseMoney(amountText.replace(/^\((.*)\)$/, '-$1'), ctx.currency);
  if (!amount.ok) return { code: amount.reason === 'money-too-large' ? 'amount-too-large' : 'amount-invalid' };
  const items = parseItemsText(itemsText);
  const totalFen = amount.value;
  let lines: PurchaseLine[] = [];
  const noteParts = [note];
  const single = items.length === 1 ? items[0]! : null;
  if (single && totalFen !== 0 && totalFen % single.quantity === 0 && [...single.product].length <= PURCHASE_LIMITS.product
    && single.quantity <= PURCHASE_LIMITS.quantity) {
    const quantity = totalFen < 0 ? -single.quantity : single.quantity;
    lines = [{ product: single.product, category: '', quantity, unitPriceFen: Math.abs(totalFen / single.quantity) }];
  } else if (itemsText) {
    noteParts.unshift(itemsText);
  }
  return { lines, subtotalFen: totalFen, discountFen: 0, totalFen, note: noteParts.filter(Boolean).join('\n') };
}

// ---- (b) Online Retail ---------------------------------------------------------------------------

const MISSING_IDS = new Set(['', '0', 'nan', 'none', 'null', 'n/a', 'na', '#n/a', '-']);

/** "17850.0" → "17850"; "", "0.0", "nan" → null (no customer). */
export function normalizeExternalId(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  const id = /^\d+\.0+$/.test(t) ? t.replace(/\.0+$/, '') : t;
  if (MISSING_IDS.has(id.toLowerCase()) || /^0+$/.test(id)) return null;
  return id;
}

interface PendingInvoice {
  invoice: string;
  customer: string;
  rowNumbers: number[];
  lines: PurchaseLine[];
  earliest: string;
}

/** (b) Online Retail lines grouped into one purchase per invoice; "C" invoices and negative totals are returns. */
export function importOnlineRetail(table: TabularData, ctx: PurchaseImportContext): PurchaseImportResult {
  const c = findColumns(table.headers, ONLINE_RETAIL_COLUMNS) as Partial<Record<OnlineRetailColumn, number>>;
  const report = emptyReport(table.rows.length);
  const invoices = new Map<string, PendingInvoice>();
  const customers = new Map<string, ExternalCustomerKey>();

  table.rows.forEach((row, r) => {
    const rowNumber = table.rowNumbers[r] ?? r + 2;
    const cell = (k: OnlineRetailColumn) => (c[k] === undefined ? '' : (row[c[k]!] ?? '').trim());
    const bad = (code: PurchaseImportErrorCode, value: string) => report.badRows.push({ rowNumber, code, value });

    // No customer first: such rows are reported as skipped whatever else is wrong with them.
    const customer = normalizeExternalId(cell('customer'));
    if (customer === null) {
      report.skippedNoCustomer++;
      report.skippedNoCustomerRows.push(rowNumber);
      return;
    }
    const invoice = cell('invoice');
    if (invoice === '') return bad('invoice-required', invoice);
    const quantity = parseQuantity(cell('quantity'));
    if (quantity === null || quantity === 0 || Math.abs(quantity) > PURCHASE_LIMITS.quantity) return bad('quantity-invalid', cell('quantity'));
    const priceText = cell('price');
    if (priceText === '') return bad('price-required', priceText);
    const priceSub = parseAmountSubFen(priceText);
    if (priceSub === null || priceSub < 0) return bad('price-invalid', priceText);
    const unitPriceFen = subFenToFen(priceSub);
    if (Math.abs(quantity * unitPriceFen) > MAX_MINOR_UNITS) return bad('amount-too-large', priceText);
    const date = readDate(cell('date'), ctx);
    if ('code' in date) return bad(date.code, cell('date'));
    const product = (cell('description') || cell('stockCode')).replace(/\s+/g, ' ');
    if (product === '') return bad('line-product-required', product);
    if ([...product].length > PURCHASE_LIMITS.product) return bad('text-too-long', product);

    let pending = invoices.get(invoice);
    if (pending && pending.customer !== customer) return bad('invoice-customer-mismatch', cell('customer'));
    if (!pending) {
      pending = { invoice, customer, rowNumbers: [], lines: [], earliest: date.iso };
      invoices.set(invoice, pending);
    }
    pending.rowNumbers.push(rowNumber);
    pending.lines.push({ product, category: '', quantity, unitPriceFen });
    if (date.iso < pending.earliest) pending.earliest = date.iso;
    if (priceSub % SUB_FEN_SCALE !== 0) report.warnings.push({ rowNumber, code: 'price-rounded-to-fen', value: priceText });
    if (!customers.has(customer)) customers.set(customer, { externalId: customer, country: cell('country'), firstRowNumber: rowNumber });
    report.importedRows++;
  });

  const purchases: PurchaseImportDraft[] = [];
  for (const inv of invoices.values()) {
    let subtotalFen = 0;
    for (const l of inv.lines) subtotalFen += l.quantity * l.unitPriceFen;
    purchases.push({
      rowNumbers: inv.rowNumbers,
      externalRef: inv.invoice,
      customerRef: { externalId: inv.customer },
      fields: { purchasedAt: inv.earliest, lines: inv.lines, subtotalFen, discountFen: 0, totalFen: subtotalFen, paymentNote: '', note: '' },
      isReturn: /^c/i.test(inv.invoice) || subtotalFen < 0,
    });
  }
  report.purchases = purchases.length;
  report.returns = purchases.filter((p) => p.isReturn).length;
  return { format: 'online-retail', purchases, customers: [...customers.values()], report };
}

/** Imports either shape; the simple one needs a mapping (suggestPurchaseMapping gives a first one). */
export function importPurchases(table: TabularData, ctx: PurchaseImportContext, mapping?: PurchaseColumnMapping): PurchaseImportResult {
  return detectPurchaseFormat(table.headers) === 'online-retail'
    ? importOnlineRetail(table, ctx)
    : importSimplePurchases(table, mapping ?? suggestPurchaseMapping(table.headers), ctx);
}

export interface PurchaseCustomerLookup {
  byExternalId?: (externalId: string) => string | undefined;
  byPhone: (phoneKey: string) => string | undefined;
  /** Every active customer with exactly this name. */
  byName: (name: string) => string[];
}

/**
 * The store's customer for each purchase: by customer number, then phone, then an unambiguous name.
 * Purchases that cannot be placed are returned with the reason, so the preview can list their rows.
 */
export function resolvePurchaseCustomers(
  purchases: PurchaseImportDraft[],
  lookup: PurchaseCustomerLookup,
): { resolved: { purchase: PurchaseImportDraft; customerId: string }[]; unresolved: { purchase: PurchaseImportDraft; code: PurchaseCustomerProblem }[] } {
  const resolved: { purchase: PurchaseImportDraft; customerId: string }[] = [];
  const unresolved: { purchase: PurchaseImportDraft; code: PurchaseCustomerProblem }[] = [];
  for (const purchase of purchases) {
    const ref = purchase.customerRef;
    let id = ref.externalId ? lookup.byExternalId?.(ref.externalId) : undefined;
    id ??= ref.phoneKey ? lookup.byPhone(ref.phoneKey) : undefined;
    if (!id && ref.name) {
      const ids = lookup.byName(ref.name);
      if (ids.length > 1) {
        unresolved.push({ purchase, code: 'customer-ambiguous' });
        continue;
      }
      id = ids[0];
    }
    if (id) resolved.push({ purchase, customerId: id });
    else unresolved.push({ purchase, code: 'customer-not-found' });
  }
  return { resolved, unresolved };
}
