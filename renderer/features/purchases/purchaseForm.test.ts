// The purchase dialog's values: modes, the live total, what the rules see, and a round trip through an edit.
import { describe, expect, it } from 'vitest';
import { newPurchaseRecord, validatePurchaseDraft, type Purchase, type PurchaseFields } from '../../../shared/domain/purchase';
import {
  blankLine,
  draftFromValues,
  editPurchaseValues,
  lineAmount,
  liveTotals,
  newPurchaseValues,
  returnValues,
  shownErrors,
  visibleErrorPaths,
  type PurchaseFormValues,
} from './purchaseForm';

const now = new Date(2026, 10, 23, 15, 30);

function purchase(fields: Partial<PurchaseFields> = {}): Purchase {
  const base: PurchaseFields = {
    purchasedAt: new Date(2026, 10, 20, 10, 0).toISOString(),
    lines: [
      { product: '西湖龙井 100g', category: '绿茶', quantity: 2, unitPriceFen: 16800 },
      { product: '白瓷盖碗', category: '茶具', quantity: 1, unitPriceFen: 6800 },
    ],
    subtotalFen: 40400,
    discountFen: 2000,
    totalFen: 38400,
    paymentNote: '微信支付',
    note: '第一行\n第二行',
  };
  return newPurchaseRecord({ ...base, ...fields }, { id: 'p1', customerId: 'c1', now });
}

const values = (over: Partial<PurchaseFormValues>): PurchaseFormValues => ({ ...newPurchaseValues(now, 'items'), ...over });

describe('purchase form values', () => {
  it('starts a new purchase now, in the remembered mode, with one blank row', () => {
    const v = newPurchaseValues(now, 'total');
    expect(v.mode).toBe('total');
    expect(v.purchasedAt).toBe('2026-11-23 15:30');
    expect(v.lines).toEqual([blankLine()]);
  });

  it('opens an itemized purchase in items mode with a blank row after its lines, and a total-only one in total mode', () => {
    const itemized = editPurchaseValues(purchase(), 'CNY');
    expect(itemized.mode).toBe('items');
    expect(itemized.lines).toHaveLength(3);
    expect(itemized.lines[2]).toEqual(blankLine());
    expect(itemized.discount).toBe('20.00');

    const totalOnly = editPurchaseValues(purchase({ lines: [], subtotalFen: 50000, discountFen: 0, totalFen: 50000 }), 'CNY');
    expect(totalOnly.mode).toBe('total');
    expect(totalOnly.amount).toBe('500.00');
  });

  it('saves an unchanged edit as exactly the stored purchase (the note keeps its line break)', () => {
    const p = purchase();
    const result = validatePurchaseDraft(draftFromValues(editPurchaseValues(p, 'CNY'), null), { currency: 'CNY', now });
    expect(result.ok && result.value).toEqual({
      purchasedAt: p.purchasedAt,
      lines: p.lines,
      subtotalFen: p.subtotalFen,
      discountFen: p.discountFen,
      totalFen: p.totalFen,
      paymentNote: p.paymentNote,
      note: p.note,
    });
  });

  it('lets the rules see only the chosen mode; the other keeps what was typed', () => {
    const v = values({ mode: 'total', amount: '88', lines: [{ product: '茶巾', category: '', quantity: '', unitPrice: '15' }, blankLine()] });
    const draft = draftFromValues(v, null);
    expect(draft.lines).toEqual([]);
    expect(draft.amount).toBe('88');
    expect(v.lines[0]!.product).toBe('茶巾');
    expect(draftFromValues({ ...v, mode: 'items' }, null).amount).toBe('');
  });

  it('prefills a return with the original, dated now, as positive numbers the rules store negative', () => {
    const original = purchase();
    const v = returnValues(original, 'CNY', now);
    expect(v.purchasedAt).toBe('2026-11-23 15:30');
    expect(v.lines[0]).toMatchObject({ product: '西湖龙井 100g', quantity: '2', unitPrice: '168.00' });
    expect(v.note).toBe('');
    const one = { ...v, lines: [{ ...v.lines[0]!, quantity: '1' }], discount: '' };
    const result = validatePurchaseDraft(draftFromValues(one, original.id), { currency: 'CNY', now, original, returnedFen: 0 });
    expect(result.ok && result.value.totalFen).toBe(-16800);
  });
});

describe('the live total', () => {
  it('adds quantity × price per row; a blank quantity is one', () => {
    expect(lineAmount({ product: 'a', category: '', quantity: '3', unitPrice: '12.5' }, 'CNY')).toBe(3750);
    expect(lineAmount({ product: 'a', category: '', quantity: '', unitPrice: '１２' }, 'CNY')).toBe(1200);
    expect(lineAmount({ product: 'a', category: '', quantity: 'x', unitPrice: '12' }, 'CNY')).toBeNull();
  });

  it('ignores a row still being typed (no price yet) but blanks the total for a price it cannot read', () => {
    const lines = [
      { product: '龙井', category: '', quantity: '2', unitPrice: '168' },
      { product: '普洱', category: '', quantity: '', unitPrice: '' },
    ];
    expect(liveTotals(values({ lines, discount: '20' }), 'CNY')).toEqual({ subtotal: 33600, discount: 2000, total: 31600 });
    expect(liveTotals(values({ lines: [...lines, { product: 'x', category: '', quantity: '', unitPrice: '12块5' }] }), 'CNY').total).toBeNull();
  });

  it('reads the amount in total mode, and shows nothing for a bad discount', () => {
    expect(liveTotals(values({ mode: 'total', amount: '1,288.5', discount: '8.5' }), 'CNY')).toEqual({ subtotal: 128850, discount: 850, total: 128000 });
    expect(liveTotals(values({ mode: 'total', amount: '100', discount: 'abc' }), 'CNY').total).toBeNull();
    expect(liveTotals(values({ mode: 'total', amount: '1200', discount: '' }), 'JPY').total).toBe(1200);
  });
});

describe('errors shown', () => {
  it('drops a "discount too large" that only follows from an unreadable amount', () => {
    expect(shownErrors({ amount: 'amount-invalid', discount: 'discount-too-large' })).toEqual({ amount: 'amount-invalid' });
    expect(shownErrors({ 'lines.0.unitPrice': 'price-invalid', discount: 'discount-too-large' })).toEqual({ 'lines.0.unitPrice': 'price-invalid' });
    expect(shownErrors({ discount: 'discount-too-large' })).toEqual({ discount: 'discount-too-large' });
  });

  it('orders the errors as the fields are laid out', () => {
    expect(visibleErrorPaths({ note: 'text-too-long', 'lines.10.product': 'line-product-required', purchasedAt: 'date-invalid', 'lines.2.unitPrice': 'price-required', discount: 'discount-invalid' })).toEqual([
      'purchasedAt',
      'lines.2.unitPrice',
      'lines.10.product',
      'discount',
      'note',
    ]);
  });
});
