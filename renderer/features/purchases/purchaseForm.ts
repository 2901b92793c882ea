// The purchase dialog's values: items or just a total, what the live total shows, and the draft the rules check.
import { parseMoney, type Currency } from '../../../shared/domain/money';
import {
  emptyPurchaseDraft,
  makeReturnDraft,
  purchaseDraftOf,
  type Purchase,
  type PurchaseDraft,
  type PurchaseFieldErrors,
  type PurchaseLineDraft,
} from '../../../shared/domain/purchase';

export type PurchaseEntryMode = 'items' | 'total';

export interface PurchaseFormValues {
  mode: PurchaseEntryMode;
  purchasedAt: string;
  lines: PurchaseLineDraft[];
  amount: string;
  discount: string;
  paymentNote: string;
  note: string;
}

export const blankLine = (): PurchaseLineDraft => ({ product: '', category: '', quantity: '', unitPrice: '' });

export function lineHasContent(l: PurchaseLineDraft): boolean {
  return [l.product, l.category, l.quantity, l.unitPrice].some((s) => s.trim() !== '');
}

/** The form's values from a draft; the items table always ends with one blank row to type into. */
export function formValuesOf(draft: PurchaseDraft, fallbackMode: PurchaseEntryMode): PurchaseFormValues {
  const lines = draft.lines.filter(lineHasContent);
  const mode: PurchaseEntryMode = lines.length > 0 ? 'items' : draft.amount.trim() !== '' ? 'total' : fallbackMode;
  return {
    mode,
    // Typed as "2026-11-23 14:30": the same in every language (see DateTimeField).
    purchasedAt: draft.purchasedAt.replace('T', ' '),
    lines: [...lines, blankLine()],
    amount: draft.amount,
    discount: draft.discount,
    paymentNote: draft.paymentNote,
    note: draft.note,
  };
}

export function newPurchaseValues(now: Date, mode: PurchaseEntryMode): PurchaseFormValues {
  return formValuesOf(emptyPurchaseDraft(now), mode);
}

export function editPurchaseValues(p: Purchase, currency: Currency): PurchaseFormValues {
  return formValuesOf(purchaseDraftOf(p, currency), 'items');
}

export function returnValues(original: Purchase, currency: Currency, now: Date): PurchaseFormValues {
  return formValuesOf(makeReturnDraft(original, { currency, now }), 'items');
}

/**
 * What the rules check. Only the chosen mode counts: items typed before switching to "total only"
 * are kept in the form (switching back brings them back) but do not make the purchase.
 */
export function draftFromValues(v: PurchaseFormValues, returnOf: string | null): PurchaseDraft {
  return {
    purchasedAt: v.purchasedAt,
    lines: v.mode === 'items' ? v.lines : [],
    amount: v.mode === 'total' ? v.amount : '',
    discount: v.discount,
    paymentNote: v.paymentNote,
    note: v.note,
    returnOf,
  };
}

function quantityOf(text: string): number | null {
  const t = text.normalize('NFKC').trim().replace(/^[-−]/, '');
  if (t === '') return 1;
  return /^\d{1,6}$/.test(t) ? Number(t) : null;
}

function moneyOf(text: string, currency: Currency): number | null {
  const parsed = parseMoney(text, currency);
  return parsed.ok ? Math.abs(parsed.value) : null;
}

/** One row's amount as typed (quantity × unit price), or null while it cannot be read. */
export function lineAmount(l: PurchaseLineDraft, currency: Currency): number | null {
  if (!lineHasContent(l) || l.unitPrice.trim() === '') return null;
  const q = quantityOf(l.quantity);
  const p = moneyOf(l.unitPrice, currency);
  return q === null || p === null ? null : q * p;
}

export interface LiveTotals {
  /** Magnitudes in minor units; null while some amount cannot be read. */
  subtotal: number | null;
  discount: number | null;
  total: number | null;
}

/** The running total the dialog shows as the clerk types, as positive magnitudes (a return shows them negated). */
export function liveTotals(v: PurchaseFormValues, currency: Currency): LiveTotals {
  let subtotal: number | null = 0;
  if (v.mode === 'items') {
    for (const l of v.lines) {
      // A row without a price yet is still being typed: it adds nothing, rather than blanking the total.
      if (!lineHasContent(l) || l.unitPrice.trim() === '') continue;
      const a = lineAmount(l, currency);
      subtotal = a === null || subtotal === null ? null : subtotal + a;
    }
  } else {
    subtotal = v.amount.trim() === '' ? 0 : moneyOf(v.amount, currency);
  }
  const discount = v.discount.trim() === '' ? 0 : moneyOf(v.discount, currency);
  const total = subtotal === null || discount === null ? null : subtotal - discount;
  return { subtotal, discount, total };
}

/**
 * The errors worth showing. An amount that cannot be read counts as nothing, so the rules also find
 * any discount "larger than the amount"; that follows from the first error and only adds noise.
 */
export function shownErrors(errors: PurchaseFieldErrors): PurchaseFieldErrors {
  const amountBad = Object.keys(errors).some((k) => k === 'amount' || k.startsWith('lines.'));
  if (!amountBad || errors.discount !== 'discount-too-large') return errors;
  const { discount: _noise, ...rest } = errors;
  return rest;
}

/** The errors the chosen mode shows, in the order of the fields, for the summary and first-focus. */
export function visibleErrorPaths(errors: PurchaseFieldErrors): string[] {
  const order = (path: string) => {
    if (path === 'purchasedAt') return 0;
    if (path.startsWith('lines.')) return 1 + Number(path.split('.')[1]) / 1000;
    const rest = ['amount', 'total', 'discount', 'paymentNote', 'note', 'returnOf'];
    return 2 + rest.indexOf(path);
  };
  return Object.keys(errors).sort((a, b) => order(a) - order(b));
}

const MODE_KEY = 'regulars.purchaseEntryMode';

/** The clerk's last choice of items or total only, remembered on this PC. */
export function savedEntryMode(): PurchaseEntryMode {
  try {
    return localStorage.getItem(MODE_KEY) === 'total' ? 'total' : 'items';
  } catch {
    return 'items';
  }
}

export function saveEntryMode(mode: PurchaseEntryMode): void {
  try {
    localStorage.setItem(MODE_KEY, mode);
  } catch {
    // A full or blocked storage only loses the preference.
  }
}
