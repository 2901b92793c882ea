import { describe, expect, it } from 'vitest';
import { makeLine, makePurchase, makePurchaseFields } from '../../test/factories/purchase';
import {
  assertPurchaseFields,
  catalogFromPurchases,
  catalogKey,
  editedPurchaseRecord,
  emptyPurchaseDraft,
  isReturn,
  makeReturnDraft,
  newPurchaseRecord,
  noteCatalogLine,
  purchaseDraftOf,
  purchaseTotals,
  returnableFen,
  validatePurchaseDraft,
  validateVoidReason,
  voidedPurchaseRecord,
  type PurchaseDraft,
  type PurchaseLineDraft,
  type PurchaseValidationContext,
} from './purchase';

const NOW = new Date(2026, 2, 1, 15, 0);
const ctx: PurchaseValidationContext = { currency: 'CNY', now: NOW };
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();

const line = (product: string, quantity: string, unitPrice: string, category = ''): PurchaseLineDraft => ({ product, category, quantity, unitPrice });
const draft = (overrides: Partial<PurchaseDraft> = {}): PurchaseDraft => ({
  ...emptyPurchaseDraft(NOW),
  purchasedAt: '2026-03-01T14:30',
  lines: [],
  ...overrides,
});

describe('purchaseTotals', () => {
  it('sums quantity × unit price in fen and takes the discount off', () => {
    const lines = [makeLine({ quantity: 2, unitPriceFen: 16800 }), makeLine({ quantity: 1, unitPriceFen: 1550 })];
    expect(purchaseTotals(lines, 2000)).toEqual({ subtotalFen: 35150, discountFen: 2000, totalFen: 33150 });
    expect(purchaseTotals([], 0)).toEqual({ subtotalFen: 0, discountFen: 0, totalFen: 0 });
    expect(purchaseTotals([makeLine({ quantity: -1, unitPriceFen: 990 })], -90)).toEqual({ subtotalFen: -990, discountFen: -90, totalFen: -900 });
  });
});

describe('validatePurchaseDraft', () => {
  it('turns typed lines into integer fen with totals, quantity defaulting to 1', () => {
    const r = validatePurchaseDraft(
      draft({
        lines: [line(' 西湖龙井  100g ', '2', '168', ' 绿茶 '), line('', '', '', ''), line('茶巾', '', '¥15.5')],
        discount: '11.5',
        paymentNote: ' 微信支付 ',
        note: ' 送礼 ',
      }),
      ctx,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        purchasedAt: local(2026, 3, 1, 14, 30),
        lines: [
          { product: '西湖龙井 100g', category: '绿茶', quantity: 2, unitPriceFen: 16800 },
          { product: '茶巾', category: '', quantity: 1, unitPriceFen: 1550 },
        ],
        subtotalFen: 35150,
        discountFen: 1150,
        totalFen: 34000,
        paymentNote: '微信支付',
        note: '送礼',
      },
    });
  });

  it('takes just a total when no line has content, full-width digits too', () => {
    const r = validatePurchaseDraft(draft({ lines: [line('', '', '')], amount: '１２８．００', discount: '' }), ctx);
    expect(r.ok && r.value).toMatchObject({ lines: [], subtotalFen: 12800, discountFen: 0, totalFen: 12800 });
  });

  it('names every bad field by its path', () => {
    const r = validatePurchaseDraft(
      draft({
        purchasedAt: '2026-02-30T10:00',
        lines: [line('', '1', '10'), line('A', '0', '10'), line('B', '1.5', '10'), line('C', '-1', '10'), line('D', '1', ''), line('E', '1', '1.234'), line('F', '1', '-3')],
      }),
      ctx,
    );
    expect(r).toEqual({
      ok: false,
      reason: {
        purchasedAt: 'date-invalid',
        'lines.0.product': 'line-product-required',
        'lines.1.quantity': 'quantity-invalid',
        'lines.2.quantity': 'quantity-invalid',
        'lines.3.quantity': 'quantity-invalid',
        'lines.4.unitPrice': 'price-required',
        'lines.5.unitPrice': 'price-invalid',
        'lines.6.unitPrice': 'price-invalid',
      },
    });
  });

  it('requires an amount, refuses bad amounts and discounts', () => {
    expect(validatePurchaseDraft(draft(), ctx)).toEqual({ ok: false, reason: { amount: 'amount-required' } });
    expect(validatePurchaseDraft(draft({ amount: 'abc' }), ctx)).toEqual({ ok: false, reason: { amount: 'amount-invalid' } });
    expect(validatePurchaseDraft(draft({ amount: '-5' }), ctx)).toEqual({ ok: false, reason: { amount: 'amount-invalid' } });
    expect(validatePurchaseDraft(draft({ amount: '10000000000' }), ctx)).toEqual({ ok: false, reason: { amount: 'amount-too-large' } });
    expect(validatePurchaseDraft(draft({ amount: '100', discount: '100.01' }), ctx)).toEqual({ ok: false, reason: { discount: 'discount-too-large' } });
    expect(validatePurchaseDraft(draft({ amount: '100', discount: '-1' }), ctx)).toEqual({ ok: false, reason: { discount: 'discount-invalid' } });
    expect(validatePurchaseDraft(draft({ amount: '100', discount: '100' }), ctx).ok).toBe(true);
    expect(validatePurchaseDraft(draft({ lines: [line('紫砂壶', '99999', '999999')] }), ctx)).toEqual({
      ok: false,
      reason: { 'lines.0.unitPrice': 'amount-too-large' },
    });
    expect(validatePurchaseDraft(draft({ lines: [line('a', '1', '999999999.99'), line('b', '1', '0.01')] }), ctx)).toEqual({
      ok: false,
      reason: { total: 'amount-too-large' },
    });
  });

  it('refuses a time more than a few minutes ahead, and a missing or impossible one', () => {
    expect(validatePurchaseDraft(draft({ amount: '1', purchasedAt: '2026-03-01T15:04' }), ctx).ok).toBe(true);
    expect(validatePurchaseDraft(draft({ amount: '1', purchasedAt: '2026-03-01T15:06' }), ctx)).toEqual({ ok: false, reason: { purchasedAt: 'date-in-future' } });
    expect(validatePurchaseDraft(draft({ amount: '1', purchasedAt: '' }), ctx)).toEqual({ ok: false, reason: { purchasedAt: 'date-required' } });
    expect(validatePurchaseDraft(draft({ amount: '1', purchasedAt: '1899-12-31T10:00' }), ctx)).toEqual({ ok: false, reason: { purchasedAt: 'date-invalid' } });
    expect(validatePurchaseDraft(draft({ amount: '1', purchasedAt: '2024-02-29T10:00' }), ctx).ok).toBe(true);
    expect(validatePurchaseDraft(draft({ amount: '1', purchasedAt: '2025-02-29T10:00' }), ctx).ok).toBe(false);
    const iso = validatePurchaseDraft(draft({ amount: '1', purchasedAt: '2026-02-01T02:00:00Z' }), ctx);
    expect(iso.ok && iso.value.purchasedAt).toBe('2026-02-01T02:00:00.000Z');
  });

  it('uses the currency’s digits: yen have no decimals', () => {
    const jpy = { ...ctx, currency: 'JPY' as const };
    expect(validatePurchaseDraft(draft({ amount: '1,500' }), jpy)).toMatchObject({ ok: true, value: { totalFen: 1500 } });
    expect(validatePurchaseDraft(draft({ amount: '15.5' }), jpy)).toEqual({ ok: false, reason: { amount: 'amount-invalid' } });
  });

  it('checks text lengths', () => {
    const r = validatePurchaseDraft(draft({ lines: [line('x'.repeat(101), '1', '1', 'y'.repeat(51))], note: 'z'.repeat(2001), paymentNote: 'p'.repeat(101) }), ctx);
    expect(r).toEqual({
      ok: false,
      reason: { 'lines.0.product': 'text-too-long', 'lines.0.category': 'text-too-long', note: 'text-too-long', paymentNote: 'text-too-long' },
    });
  });
});

describe('returns', () => {
  const original = makePurchase({
    id: 'orig',
    purchasedAt: local(2026, 2, 20, 11),
    lines: [makeLine({ product: '铁观音', quantity: 2, unitPriceFen: 9800 }), makeLine({ product: '茶巾', quantity: 1, unitPriceFen: 1500 })],
    discountFen: 1100,
  });
  const returnCtx = (returnedFen = 0): PurchaseValidationContext => ({ ...ctx, original, returnedFen });

  it('makes a return draft of the whole original that validates to its negative', () => {
    const d = makeReturnDraft(original, ctx);
    expect(d.returnOf).toBe('orig');
    expect(d.lines).toEqual([line('铁观音', '2', '98.00', '绿茶'), line('茶巾', '1', '15.00', '绿茶')]);
    expect(d.discount).toBe('11.00');
    const r = validatePurchaseDraft(d, returnCtx());
    expect(r.ok && r.value).toMatchObject({
      lines: [{ quantity: -2, unitPriceFen: 9800 }, { quantity: -1, unitPriceFen: 1500 }],
      subtotalFen: -21100,
      discountFen: -1100,
      totalFen: -20000,
    });
    expect(original.totalFen).toBe(20000);
  });

  it('accepts a minus sign as typed, and refuses more than what is left', () => {
    const partial = { ...makeReturnDraft(original, ctx), lines: [line('铁观音', '-1', '98')], discount: '' };
    expect(validatePurchaseDraft(partial, returnCtx()).ok && validatePurchaseDraft(partial, returnCtx())).toMatchObject({ value: { totalFen: -9800 } });
    expect(validatePurchaseDraft(partial, returnCtx(10200)).ok).toBe(true);
    expect(validatePurchaseDraft(partial, returnCtx(10201))).toEqual({ ok: false, reason: { total: 'return-exceeds-original' } });
    expect(returnableFen(original, [makePurchase({ totalFen: -9800 }), makePurchase({ totalFen: -500, isVoided: 1 })])).toBe(10200);
  });

  it('refuses a return of a voided purchase, of a return, of a missing original, or dated before it', () => {
    const d = makeReturnDraft(original, ctx);
    expect(validatePurchaseDraft(d, { ...ctx, original: { ...original, isVoided: 1 } })).toEqual({ ok: false, reason: { returnOf: 'return-original-invalid' } });
    expect(validatePurchaseDraft(d, { ...ctx, original: { ...original, returnOf: 'x' } })).toEqual({ ok: false, reason: { returnOf: 'return-original-invalid' } });
    expect(validatePurchaseDraft(d, ctx)).toEqual({ ok: false, reason: { returnOf: 'return-original-invalid' } });
    expect(validatePurchaseDraft({ ...d, purchasedAt: '2026-02-20T10:59' }, returnCtx())).toEqual({ ok: false, reason: { purchasedAt: 'return-before-original' } });
  });

  it('refuses editing an original below what its returns gave back', () => {
    const d = { ...purchaseDraftOf(original, 'CNY'), discount: '', lines: [line('铁观音', '1', '98')] };
    expect(validatePurchaseDraft(d, { ...ctx, returnedFen: 9800 }).ok).toBe(true);
    expect(validatePurchaseDraft(d, { ...ctx, returnedFen: 9801 })).toEqual({ ok: false, reason: { total: 'total-below-returns' } });
  });

  it('treats tied and untied negative purchases as returns', () => {
    expect(isReturn({ returnOf: null, totalFen: 100 })).toBe(false);
    expect(isReturn({ returnOf: null, totalFen: 0 })).toBe(false);
    expect(isReturn({ returnOf: 'x', totalFen: -100 })).toBe(true);
    expect(isReturn({ returnOf: null, totalFen: -100 })).toBe(true);
  });
});

describe('records', () => {
  it('builds, edits and voids records without letting fields overwrite ids or the void state', () => {
    const fields = makePurchaseFields();
    const p = newPurchaseRecord(fields, { id: 'p1', customerId: 'c1', now: NOW });
    expect(p).toMatchObject({ id: 'p1', customerId: 'c1', isVoided: 0, voidedAt: null, returnOf: null, importId: null, createdAt: NOW.toISOString() });
    const later = new Date(NOW.getTime() + 60_000);
    const edited = editedPurchaseRecord(p, { ...p, id: 'other', isVoided: 1, note: '改' } as typeof p, later);
    expect(edited).toMatchObject({ id: 'p1', isVoided: 0, note: '改', createdAt: p.createdAt, updatedAt: later.toISOString() });
    const voided = voidedPurchaseRecord(edited, '录入错误', later);
    expect(voided).toMatchObject({ isVoided: 1, voidedAt: later.toISOString(), voidReason: '录入错误' });
  });

  it('round-trips a stored purchase through the edit form', () => {
    const p = makePurchase({ purchasedAt: local(2026, 1, 2, 9, 5), lines: [makeLine({ quantity: 3, unitPriceFen: 1234 })], discountFen: 202 });
    const r = validatePurchaseDraft(purchaseDraftOf(p, 'CNY'), ctx);
    expect(r.ok && r.value).toEqual({
      purchasedAt: p.purchasedAt,
      lines: p.lines,
      subtotalFen: p.subtotalFen,
      discountFen: p.discountFen,
      totalFen: p.totalFen,
      paymentNote: p.paymentNote,
      note: p.note,
    });
    const totalOnly = makePurchase({ totalFen: 5000 });
    expect(purchaseDraftOf(totalOnly, 'CNY')).toMatchObject({ lines: [], amount: '50.00', discount: '' });
  });

  it('guards repositories against inconsistent fields', () => {
    expect(() => assertPurchaseFields(makePurchaseFields())).not.toThrow();
    expect(() => assertPurchaseFields(makePurchaseFields({ totalFen: -500 }))).not.toThrow();
    expect(() => assertPurchaseFields({ ...makePurchaseFields(), totalFen: 1 })).toThrow(/totalFen/);
    expect(() => assertPurchaseFields({ ...makePurchaseFields(), subtotalFen: 1, totalFen: 1 })).toThrow(/sum of the lines/);
    expect(() => assertPurchaseFields({ ...makePurchaseFields({ totalFen: 100 }), subtotalFen: 100.5, totalFen: 100.5 })).toThrow(TypeError);
    expect(() => assertPurchaseFields(makePurchaseFields({ purchasedAt: '2026-01-15' }))).toThrow(/ISO/);
    expect(() => assertPurchaseFields(makePurchaseFields({ totalFen: 100, discountFen: -10 }))).toThrow(/sign/);
  });

  it('needs a reason to void', () => {
    expect(validateVoidReason('  录入错误 ')).toEqual({ ok: true, value: '录入错误' });
    expect(validateVoidReason('  ')).toEqual({ ok: false, reason: 'void-reason-required' });
    expect(validateVoidReason('x'.repeat(201))).toEqual({ ok: false, reason: 'text-too-long' });
  });
});

describe('catalog', () => {
  it('learns products from sale lines: latest spelling, category and price win, uses counted', () => {
    const purchases = [
      makePurchase({ purchasedAt: '2026-01-01T00:00:00.000Z', lines: [makeLine({ product: 'Longjing', category: '绿茶', unitPriceFen: 100 })] }),
      makePurchase({ purchasedAt: '2026-02-01T00:00:00.000Z', lines: [makeLine({ product: 'LONGJING ', category: '', unitPriceFen: 120 })] }),
      makePurchase({ purchasedAt: '2025-12-01T00:00:00.000Z', lines: [makeLine({ product: 'longjing', category: 'Old', unitPriceFen: 90 })] }),
      makePurchase({ purchasedAt: '2026-03-01T00:00:00.000Z', lines: [makeLine({ product: 'Longjing', quantity: -1, unitPriceFen: 999 })] }),
      makePurchase({ purchasedAt: '2026-03-01T00:00:00.000Z', isVoided: 1, lines: [makeLine({ product: 'Voided' })] }),
    ];
    const catalog = catalogFromPurchases(purchases);
    expect([...catalog.values()]).toEqual([
      { key: 'longjing', product: 'LONGJING', category: '绿茶', lastUnitPriceFen: 120, count: 3, lastUsedAt: '2026-02-01T00:00:00.000Z' },
    ]);
    expect(catalogKey(' ＡＢ  c ')).toBe('ab c');
    expect(noteCatalogLine(undefined, makeLine({ product: ' 茶 ' }), 'x')).toMatchObject({ key: '茶', product: '茶', count: 1 });
  });
});
