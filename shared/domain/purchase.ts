// Purchases: the record, the form's validation, totals, voids, returns, and the product suggestion catalog.
import { err, ok, type Result } from '../result';
import { isInFuture, isStoredIso, nowForInput, parseEnteredDateTime, toDateTimeInput } from './dateTimeInput';
import { assertMinorUnits, MAX_MINOR_UNITS, minorUnitsToDecimal, parseMoney, type Currency } from './money';

export interface PurchaseLine {
  product: string;
  category: string;
  /** Integer; negative on a return. */
  quantity: number;
  /** Minor units, never negative: a return is a negative quantity at the original price. */
  unitPriceFen: number;
}

/** What the clerk edits. All amounts are integer minor units and keep totalFen = subtotalFen - discountFen. */
export interface PurchaseFields {
  /** ISO 8601 UTC, as toISOString gives it. */
  purchasedAt: string;
  lines: PurchaseLine[];
  /** Sum of the lines; the amount typed when there are no lines. Negative for a return. */
  subtotalFen: number;
  /** Same sign as the subtotal: a return gives back its share of the discount. */
  discountFen: number;
  totalFen: number;
  paymentNote: string;
  note: string;
}

export interface Purchase extends PurchaseFields {
  id: string;
  customerId: string;
  /** ISO time it was voided, or null. A voided purchase is kept and shown, but left out of every figure. */
  voidedAt: string | null;
  voidReason: string;
  /** Indexable twin of voidedAt. */
  isVoided: 0 | 1;
  /** The original purchase's id when this is a return. */
  returnOf: string | null;
  /** The import batch that created it, for undo; null when typed in. */
  importId: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * The part of the total paid with points, minor units (version 12 on); absent when none, as on most
   * purchases. The points taken are the purchase's redeem entry in the points ledger.
   */
  pointsPaidFen?: number;
  /**
   * The reward redeemed with this purchase (its redeem entry in the points ledger links both); absent when none.
   * `rewardFen`: what a voucher or percent off took off the total, absent when nothing. The customer paid
   * `totalFen − rewardFen − pointsPaidFen` otherwise, and only that earns points.
   */
  rewardId?: string;
  rewardFen?: number;
}

export const PURCHASE_ERROR_CODES = [
  'date-required',
  'date-invalid',
  'date-in-future',
  'amount-required',
  'amount-invalid',
  'amount-too-large',
  'quantity-invalid',
  'price-required',
  'price-invalid',
  'discount-invalid',
  'discount-too-large',
  'line-product-required',
  'text-too-long',
  'void-reason-required',
  'purchase-voided',
  'void-has-returns',
  'return-original-invalid',
  'return-before-original',
  'return-exceeds-original',
  'total-below-returns',
] as const;
export type PurchaseErrorCode = (typeof PURCHASE_ERROR_CODES)[number];

/** Field path ('purchasedAt', 'lines.2.unitPrice', 'amount', 'discount', 'total', 'returnOf', 'note') → code. */
export type PurchaseFieldErrors = Record<string, PurchaseErrorCode>;

export const PURCHASE_LIMITS = {
  product: 100,
  category: 50,
  paymentNote: 100,
  note: 2000,
  voidReason: 200,
  /** Per line, in either direction. */
  quantity: 99_999,
} as const;

/** As typed. On a return the clerk types what goes back as positive numbers (a minus sign is accepted too). */
export interface PurchaseLineDraft {
  product: string;
  category: string;
  /** Blank means 1. */
  quantity: string;
  unitPrice: string;
}

export interface PurchaseDraft {
  /** Local "yyyy-MM-ddTHH:mm" from a datetime-local input, or an ISO string. */
  purchasedAt: string;
  /** Rows left completely blank are ignored. */
  lines: PurchaseLineDraft[];
  /** Used only when no line has content: the amount before the discount. */
  amount: string;
  /** Blank means none. */
  discount: string;
  paymentNote: string;
  note: string;
  /** Set on a return: the original purchase's id. */
  returnOf: string | null;
}

export type ReturnOriginal = Pick<Purchase, 'id' | 'purchasedAt' | 'totalFen' | 'isVoided' | 'returnOf'>;

export interface PurchaseValidationContext {
  currency: Currency;
  now: Date;
  /** Required for a return draft: the purchase being returned. */
  original?: ReturnOriginal | null;
  /**
   * Given back already, as a positive amount. For a return: by the original's other (non-voided)
   * returns. For an original being edited: by its returns, which its new total must still cover.
   */
  returnedFen?: number;
}

const length = (s: string) => [...s].length;
const cleanText = (s: string) => s.trim().replace(/\s+/g, ' ');

export function purchaseTotals(lines: readonly PurchaseLine[], discountFen: number): Pick<PurchaseFields, 'subtotalFen' | 'discountFen' | 'totalFen'> {
  let subtotalFen = 0;
  for (const line of lines) subtotalFen += line.quantity * line.unitPriceFen;
  return { subtotalFen, discountFen, totalFen: subtotalFen - discountFen };
}

/** A negative purchase is a return even without a link (imported cancellations cannot name their original). */
export function isReturn(p: Pick<Purchase, 'returnOf' | 'totalFen'>): boolean {
  return p.returnOf !== null || p.totalFen < 0;
}

/** What can still be returned of `original`: its total less what its non-voided returns gave back. */
export function returnableFen(original: Pick<Purchase, 'totalFen'>, returns: readonly Pick<Purchase, 'totalFen' | 'isVoided'>[]): number {
  return original.totalFen - returnedFen(returns);
}

/** What non-voided returns gave back, as a positive amount. */
export function returnedFen(returns: readonly Pick<Purchase, 'totalFen' | 'isVoided'>[]): number {
  let sum = 0;
  for (const r of returns) if (r.isVoided === 0) sum -= r.totalFen;
  return sum;
}

function parseQuantity(text: string): number | 'blank' | 'bad' {
  const t = text.normalize('NFKC').trim().replace(/^−/, '-');
  if (t === '') return 'blank';
  if (!/^-?\d{1,6}$/.test(t)) return 'bad';
  return Number(t);
}

function lineHasContent(l: PurchaseLineDraft): boolean {
  return [l.product, l.category, l.quantity, l.unitPrice].some((s) => s.trim() !== '');
}

export function validatePurchaseDraft(draft: PurchaseDraft, ctx: PurchaseValidationContext): Result<PurchaseFields, PurchaseFieldErrors> {
  const errors: PurchaseFieldErrors = {};
  const isReturnDraft = draft.returnOf !== null;
  // A return is typed as magnitudes and stored negative; a sale takes only non-negative amounts.
  const sign = isReturnDraft ? -1 : 1;
  const magnitude = (n: number) => (isReturnDraft ? Math.abs(n) : n);

  const at = parseEnteredDateTime(draft.purchasedAt);
  if (draft.purchasedAt.trim() === '') errors.purchasedAt = 'date-required';
  else if (!at) errors.purchasedAt = 'date-invalid';
  else if (isInFuture(at, ctx.now)) errors.purchasedAt = 'date-in-future';

  const lines: PurchaseLine[] = [];
  draft.lines.forEach((l, i) => {
    if (!lineHasContent(l)) return;
    const product = cleanText(l.product);
    const category = cleanText(l.category);
    if (product === '') errors[`lines.${i}.product`] = 'line-product-required';
    else if (length(product) > PURCHASE_LIMITS.product) errors[`lines.${i}.product`] = 'text-too-long';
    if (length(category) > PURCHASE_LIMITS.category) errors[`lines.${i}.category`] = 'text-too-long';

    const q = parseQuantity(l.quantity);
    let quantity = 0;
    if (q === 'blank') quantity = 1;
    else if (q === 'bad' || magnitude(q) < 1 || magnitude(q) > PURCHASE_LIMITS.quantity) errors[`lines.${i}.quantity`] = 'quantity-invalid';
    else quantity = magnitude(q);

    let unitPriceFen = 0;
    if (l.unitPrice.trim() === '') errors[`lines.${i}.unitPrice`] = 'price-required';
    else {
      const p = parseMoney(l.unitPrice, ctx.currency);
      if (!p.ok) errors[`lines.${i}.unitPrice`] = p.reason === 'money-too-large' ? 'amount-too-large' : 'price-invalid';
      else if (magnitude(p.value) < 0) errors[`lines.${i}.unitPrice`] = 'price-invalid';
      else unitPriceFen = magnitude(p.value);
    }
    if (quantity * unitPriceFen > MAX_MINOR_UNITS) errors[`lines.${i}.unitPrice`] = 'amount-too-large';
    lines.push({ product, category, quantity: sign * quantity, unitPriceFen });
  });

  let subtotalFen = 0;
  if (lines.length > 0) {
    subtotalFen = purchaseTotals(lines, 0).subtotalFen;
    const lineErrors = Object.keys(errors).some((k) => k.startsWith('lines.'));
    if (!lineErrors && Math.abs(subtotalFen) > MAX_MINOR_UNITS) errors.total = 'amount-too-large';
  } else if (draft.amount.trim() === '') {
    errors.amount = 'amount-required';
  } else {
    const a = parseMoney(draft.amount, ctx.currency);
    if (!a.ok) errors.amount = a.reason === 'money-too-large' ? 'amount-too-large' : 'amount-invalid';
    else if (magnitude(a.value) < 0) errors.amount = 'amount-invalid';
    else subtotalFen = sign * magnitude(a.value);
  }

  let discountFen = 0;
  if (draft.discount.trim() !== '') {
    const d = parseMoney(draft.discount, ctx.currency);
    if (!d.ok || magnitude(d.value) < 0) errors.discount = 'discount-invalid';
    else if (magnitude(d.value) > Math.abs(subtotalFen)) errors.discount = 'discount-too-large';
    else discountFen = sign * magnitude(d.value);
  }
  const totalFen = subtotalFen - discountFen;

  const paymentNote = cleanText(draft.paymentNote);
  if (length(paymentNote) > PURCHASE_LIMITS.paymentNote) errors.paymentNote = 'text-too-long';
  const note = draft.note.trim();
  if (length(note) > PURCHASE_LIMITS.note) errors.note = 'text-too-long';

  const amountsOk = !Object.keys(errors).some((k) => k.startsWith('lines.') || k === 'amount' || k === 'discount' || k === 'total');
  const already = Math.max(0, ctx.returnedFen ?? 0);
  if (isReturnDraft) {
    const original = ctx.original;
    if (!original || original.id !== draft.returnOf || original.isVoided === 1 || original.returnOf !== null || original.totalFen <= 0) {
      errors.returnOf = 'return-original-invalid';
    } else {
      if (at && at.toISOString() < original.purchasedAt) errors.purchasedAt ??= 'return-before-original';
      if (amountsOk && totalFen === 0) errors.total = 'amount-required';
      else if (amountsOk && -totalFen > original.totalFen - already) errors.total = 'return-exceeds-original';
    }
  } else if (amountsOk && totalFen < already) {
    errors.total = 'total-below-returns';
  }

  if (Object.keys(errors).length > 0 || !at) return err(errors);
  return ok({ purchasedAt: at.toISOString(), lines, subtotalFen, discountFen, totalFen, paymentNote, note });
}

export function validateVoidReason(text: string): Result<string, 'void-reason-required' | 'text-too-long'> {
  const reason = cleanText(text);
  if (reason === '') return err('void-reason-required');
  if (length(reason) > PURCHASE_LIMITS.voidReason) return err('text-too-long');
  return ok(reason);
}

/**
 * Guards the repositories against fields no validator produced (imports, merges, bugs): integer
 * minor units within bounds, consistent totals, a stored ISO time. Throws a TypeError naming the problem.
 */
export function assertPurchaseFields(f: PurchaseFields): void {
  if (!isStoredIso(f.purchasedAt)) throw new TypeError(`purchasedAt must be an ISO UTC time, got ${f.purchasedAt}`);
  for (const [name, value] of [['subtotalFen', f.subtotalFen], ['discountFen', f.discountFen], ['totalFen', f.totalFen]] as const) {
    assertMinorUnits(value, name);
    if (Math.abs(value) > MAX_MINOR_UNITS) throw new TypeError(`${name} is beyond the limit`);
  }
  if (f.totalFen !== f.subtotalFen - f.discountFen) throw new TypeError('totalFen must equal subtotalFen - discountFen');
  if (Math.abs(f.discountFen) > Math.abs(f.subtotalFen) || (f.discountFen !== 0 && Math.sign(f.discountFen) !== Math.sign(f.subtotalFen))) {
    throw new TypeError('discountFen must have the subtotal’s sign and not exceed it');
  }
  for (const l of f.lines) {
    if (!Number.isSafeInteger(l.quantity)) throw new TypeError('quantity must be an integer');
    assertMinorUnits(l.unitPriceFen, 'unitPriceFen');
  }
  if (f.lines.length > 0 && purchaseTotals(f.lines, 0).subtotalFen !== f.subtotalFen) throw new TypeError('subtotalFen must be the sum of the lines');
}

export function newPurchaseRecord(
  fields: PurchaseFields,
  meta: { id: string; customerId: string; now: Date; returnOf?: string | null; importId?: string | null },
): Purchase {
  const at = meta.now.toISOString();
  return {
    ...purchaseFieldsOf(fields),
    id: meta.id,
    customerId: meta.customerId,
    voidedAt: null,
    voidReason: '',
    isVoided: 0,
    returnOf: meta.returnOf ?? null,
    importId: meta.importId ?? null,
    createdAt: at,
    updatedAt: at,
  };
}

export function editedPurchaseRecord(existing: Purchase, fields: PurchaseFields, now: Date): Purchase {
  return { ...existing, ...purchaseFieldsOf(fields), updatedAt: now.toISOString() };
}

export function voidedPurchaseRecord(existing: Purchase, reason: string, now: Date): Purchase {
  const at = now.toISOString();
  return { ...existing, voidedAt: at, voidReason: reason, isVoided: 1, updatedAt: at };
}

/** Only the editable fields, so a whole record passed as fields cannot overwrite ids or the void state. */
export function purchaseFieldsOf(p: PurchaseFields): PurchaseFields {
  return {
    purchasedAt: p.purchasedAt,
    lines: p.lines.map((l) => ({ product: l.product, category: l.category, quantity: l.quantity, unitPriceFen: l.unitPriceFen })),
    subtotalFen: p.subtotalFen,
    discountFen: p.discountFen,
    totalFen: p.totalFen,
    paymentNote: p.paymentNote,
    note: p.note,
  };
}

export function emptyPurchaseDraft(now: Date): PurchaseDraft {
  return {
    purchasedAt: nowForInput(now),
    lines: [{ product: '', category: '', quantity: '', unitPrice: '' }],
    amount: '',
    discount: '',
    paymentNote: '',
    note: '',
    returnOf: null,
  };
}

/** A stored purchase back into the form (a return shows what went back as positive numbers). */
export function purchaseDraftOf(p: Purchase, currency: Currency): PurchaseDraft {
  const money = (n: number) => minorUnitsToDecimal(Math.abs(n), currency);
  return {
    purchasedAt: toDateTimeInput(p.purchasedAt),
    lines: p.lines.map((l) => ({ product: l.product, category: l.category, quantity: String(Math.abs(l.quantity)), unitPrice: money(l.unitPriceFen) })),
    amount: p.lines.length === 0 ? money(p.subtotalFen) : '',
    discount: p.discountFen === 0 ? '' : money(p.discountFen),
    paymentNote: p.paymentNote,
    note: p.note,
    returnOf: p.returnOf,
  };
}

/** A return of the whole original, dated now, for the clerk to trim to what actually comes back. */
export function makeReturnDraft(original: Purchase, ctx: { currency: Currency; now: Date }): PurchaseDraft {
  return { ...purchaseDraftOf(original, ctx.currency), purchasedAt: nowForInput(ctx.now), note: '', returnOf: original.id };
}

// ---- the product catalog: suggestions learnt from purchase lines --------------------------------

export interface CatalogEntry {
  /** The product name folded to lower case: one entry per product however it was capitalised. */
  key: string;
  /** The spelling and category of the most recent use. */
  product: string;
  category: string;
  lastUnitPriceFen: number;
  /** How many sale lines named it. */
  count: number;
  lastUsedAt: string;
}

export function catalogKey(product: string): string {
  return cleanText(product).normalize('NFKC').toLowerCase();
}

/**
 * The catalog entry after one more sale line at `at`. Lines on returns are not passed in: they
 * repeat a product without being a new choice of it. The catalog is a suggestion cache, rebuildable
 * from the purchases; voids and edits do not take uses back.
 */
export function noteCatalogLine(entry: CatalogEntry | undefined, line: PurchaseLine, at: string): CatalogEntry {
  const product = cleanText(line.product);
  if (!entry) return { key: catalogKey(product), product, category: line.category, lastUnitPriceFen: line.unitPriceFen, count: 1, lastUsedAt: at };
  const newer = at >= entry.lastUsedAt;
  return newer
    ? { key: entry.key, product, category: line.category || entry.category, lastUnitPriceFen: line.unitPriceFen, count: entry.count + 1, lastUsedAt: at }
    : { ...entry, category: entry.category || line.category, count: entry.count + 1 };
}

/** The catalog entries that `purchases` give, merged into `existing` (keyed by catalogKey). */
export function catalogFromPurchases(
  purchases: readonly Pick<Purchase, 'lines' | 'purchasedAt' | 'returnOf' | 'totalFen' | 'isVoided'>[],
  existing: Map<string, CatalogEntry> = new Map(),
): Map<string, CatalogEntry> {
  for (const p of purchases) {
    if (p.isVoided === 1 || isReturn(p)) continue;
    for (const line of p.lines) {
      if (line.quantity <= 0 || cleanText(line.product) === '') continue;
      const key = catalogKey(line.product);
      existing.set(key, noteCatalogLine(existing.get(key), line, p.purchasedAt));
    }
  }
  return existing;
}
