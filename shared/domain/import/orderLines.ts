// A till's export with one row per item: each row a line (quantity, unit price, amount), and the
// rows of one order number one purchase, total = the sum of its rows. Rows of one order that name
// different customers or times far apart are errors, and the order is left out whole.
import { MAX_MINOR_UNITS } from '../money';
import { PURCHASE_LIMITS, type PurchaseFields, type PurchaseLine } from '../purchase';
import { parseAmountSubFen, parseQuantity, SUB_FEN_SCALE, subFenToFen } from './amounts';
import type { CustomerRef } from './purchasesImport';

/** Row problems of an item row or of the order it belongs to. */
export const ORDER_LINE_ERRORS = [
  /** The amount is more than quantity × unit price (a discount is fine, a surcharge is not a line). */
  'line-amount-mismatch',
  /** Rows of one order name different customers. */
  'order-customer-mismatch',
  /** Rows of one order are more than an hour apart. */
  'order-date-mismatch',
  /** Another row of the same order has a problem, so the order is left out whole. */
  'order-has-bad-row',
] as const;
export type OrderLineError = (typeof ORDER_LINE_ERRORS)[number];

export type ItemRowError = OrderLineError | 'quantity-invalid' | 'price-invalid' | 'amount-invalid' | 'amount-required' | 'amount-too-large' | 'line-product-required' | 'text-too-long';

export interface ItemRowAmounts {
  line: PurchaseLine;
  /** quantity × unit price. */
  subtotalFen: number;
  /** What the row says was paid (the amount column), or the subtotal without one. */
  totalFen: number;
  /** The unit price had a fraction of a fen. */
  rounded: boolean;
}

/**
 * One item row as a line. The quantity defaults to 1; the unit price comes from its column, else
 * from the amount divided by the quantity (rounded up to whole fen, the remainder a discount so
 * the total stays exact); the amount, when given below quantity × price, leaves a discount.
 */
export function readItemRow(cells: { product: string; quantity: string; unitPrice: string; amount: string }): ItemRowAmounts | { code: ItemRowError; value: string } {
  const product = cells.product.trim().replace(/\s+/g, ' ');
  if (product === '') return { code: 'line-product-required', value: cells.product };
  if ([...product].length > PURCHASE_LIMITS.product) return { code: 'text-too-long', value: cells.product };
  const parsedQuantity = cells.quantity.trim() === '' ? 1 : parseQuantity(cells.quantity);
  if (parsedQuantity === null || parsedQuantity === 0 || Math.abs(parsedQuantity) > PURCHASE_LIMITS.quantity) {
    return { code: 'quantity-invalid', value: cells.quantity };
  }
  let quantity = parsedQuantity;

  let amountFen: number | null = null;
  if (cells.amount.trim() !== '') {
    const sub = parseAmountSubFen(cells.amount);
    if (sub === null) return { code: 'amount-invalid', value: cells.amount };
    amountFen = subFenToFen(sub);
  }
  let unitPriceFen: number;
  let rounded = false;
  if (cells.unitPrice.trim() !== '') {
    const sub = parseAmountSubFen(cells.unitPrice);
    if (sub === null || sub < 0) return { code: 'price-invalid', value: cells.unitPrice };
    unitPriceFen = subFenToFen(sub);
    rounded = sub % SUB_FEN_SCALE !== 0;
  } else if (amountFen !== null) {
    unitPriceFen = Math.ceil(Math.abs(amountFen) / Math.abs(quantity));
  } else {
    return { code: 'amount-required', value: '' };
  }
  // A returned item is written either as a negative amount or as a negative quantity: the line's
  // quantity and the amount both carry the sign.
  if (amountFen !== null && amountFen < 0 && quantity > 0) quantity = -quantity;
  if (amountFen !== null && amountFen > 0 && quantity < 0) amountFen = -amountFen;
  const subtotalFen = quantity * unitPriceFen;
  const totalFen = amountFen ?? subtotalFen;
  if (Math.abs(subtotalFen) > MAX_MINOR_UNITS) return { code: 'amount-too-large', value: cells.amount || cells.unitPrice };
  // The amount may be below quantity × price (a discount on the line), never above it.
  if (Math.abs(totalFen) > Math.abs(subtotalFen)) return { code: 'line-amount-mismatch', value: cells.amount };
  return { line: { product, category: '', quantity, unitPriceFen }, subtotalFen, totalFen, rounded };
}

/** A purchase draft as far as merging needs it (see PurchaseImportDraft). */
export interface OrderDraft {
  rowNumbers: number[];
  externalRef: string | null;
  customerRef: CustomerRef;
  fields: PurchaseFields;
  isReturn: boolean;
}

/** Rows of one order more than this apart are not one visit. */
const ORDER_SPAN_MS = 60 * 60_000;

function customerKey(ref: CustomerRef): string {
  return [ref.externalId ?? '', ref.phoneKey ?? '', ref.name ?? ''].join('|');
}

/**
 * Drafts of one row each, merged by order number (drafts without one stay alone): the lines in row
 * order, subtotal, discount and total summed, the earliest time, the notes joined. An order whose
 * rows name different customers or times more than an hour apart, or one of whose rows is bad
 * (`badOrders`), is left out whole, every row named.
 */
export function mergeOrderRows(
  drafts: readonly OrderDraft[],
  badOrders: ReadonlySet<string>,
): { purchases: OrderDraft[]; bad: { rowNumber: number; code: OrderLineError; value: string }[] } {
  const byOrder = new Map<string, OrderDraft[]>();
  const order: (OrderDraft | string)[] = [];
  for (const d of drafts) {
    const key = d.externalRef;
    if (!key) {
      order.push(d);
      continue;
    }
    const list = byOrder.get(key);
    if (list) list.push(d);
    else {
      byOrder.set(key, [d]);
      order.push(key);
    }
  }
  const purchases: OrderDraft[] = [];
  const bad: { rowNumber: number; code: OrderLineError; value: string }[] = [];
  for (const entry of order) {
    if (typeof entry !== 'string') {
      purchases.push(entry);
      continue;
    }
    const rows = byOrder.get(entry)!;
    const first = rows[0]!;
    const problem = new Map<OrderDraft, { code: OrderLineError; value: string }>();
    const firstAt = new Date(first.fields.purchasedAt).getTime();
    for (const r of rows.slice(1)) {
      if (customerKey(r.customerRef) !== customerKey(first.customerRef)) {
        problem.set(r, { code: 'order-customer-mismatch', value: [r.customerRef.externalId, r.customerRef.phone, r.customerRef.name].filter(Boolean).join(' · ') });
      } else if (Math.abs(new Date(r.fields.purchasedAt).getTime() - firstAt) > ORDER_SPAN_MS) {
        problem.set(r, { code: 'order-date-mismatch', value: r.fields.purchasedAt });
      }
    }
    if (problem.size > 0 || badOrders.has(entry)) {
      for (const r of rows) {
        const p = problem.get(r) ?? { code: 'order-has-bad-row' as const, value: entry };
        for (const rowNumber of r.rowNumbers) bad.push({ rowNumber, ...p });
      }
      continue;
    }
    if (rows.length === 1) {
      purchases.push(first);
      continue;
    }
    let subtotalFen = 0;
    let discountFen = 0;
    let purchasedAt = first.fields.purchasedAt;
    const notes: string[] = [];
    for (const r of rows) {
      subtotalFen += r.fields.subtotalFen;
      discountFen += r.fields.discountFen;
      if (r.fields.purchasedAt < purchasedAt) purchasedAt = r.fields.purchasedAt;
      if (r.fields.note && !notes.includes(r.fields.note)) notes.push(r.fields.note);
    }
    const totalFen = subtotalFen - discountFen;
    // Sales and refunds in one order with discounts that do not net out: not one purchase the store can hold.
    if (Math.abs(discountFen) > Math.abs(subtotalFen) || (discountFen !== 0 && Math.sign(discountFen) !== Math.sign(subtotalFen))) {
      for (const r of rows) for (const rowNumber of r.rowNumbers) bad.push({ rowNumber, code: 'line-amount-mismatch', value: entry });
      continue;
    }
    purchases.push({
      rowNumbers: rows.flatMap((r) => r.rowNumbers),
      externalRef: entry,
      customerRef: first.customerRef,
      fields: { purchasedAt, lines: rows.flatMap((r) => r.fields.lines), subtotalFen, discountFen, totalFen, paymentNote: '', note: notes.join('\n') },
      isReturn: totalFen < 0,
    });
  }
  return { purchases, bad };
}
