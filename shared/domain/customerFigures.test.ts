import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { makePurchase } from '../../test/factories/purchase';
import {
  computeCustomerFigures,
  customerFigureFields,
  dayNumber,
  figuresOf,
  fullyReturnedIds,
  groupPurchasesByCustomer,
  localDayOf,
  rememberingDayOf,
  sameFigures,
  utcDayOf,
  ZERO_FIGURES,
  type FigureInput,
} from './customerFigures';

let purchaseSeq = 0;
const p = (purchasedAt: string, totalFen = 1000, extra: Partial<FigureInput> = {}): FigureInput => ({ id: `p-${++purchaseSeq}`, purchasedAt, totalFen, isVoided: 0, returnOf: null, ...extra });
const figures = (list: FigureInput[]) => computeCustomerFigures(list, utcDayOf);

describe('computeCustomerFigures', () => {
  it('gives zero figures without purchases', () => {
    expect(figures([])).toEqual(ZERO_FIGURES);
    expect(ZERO_FIGURES).toEqual({ totalSpentFen: 0, purchaseCount: 0, firstPurchaseAt: null, lastPurchaseAt: null, averageGapDays: null, medianGapDays: null });
  });

  it('has no gaps with one purchase', () => {
    expect(figures([p('2026-01-05T10:00:00.000Z', 12345)])).toEqual({
      totalSpentFen: 12345,
      purchaseCount: 1,
      firstPurchaseAt: '2026-01-05T10:00:00.000Z',
      lastPurchaseAt: '2026-01-05T10:00:00.000Z',
      averageGapDays: null,
      medianGapDays: null,
    });
  });

  it('counts several purchases on one day as one visit for the gaps, but each as a purchase', () => {
    const f = figures([p('2026-01-05T10:00:00.000Z'), p('2026-01-05T15:00:00.000Z'), p('2026-01-05T23:59:59.999Z')]);
    expect(f).toMatchObject({ purchaseCount: 3, totalSpentFen: 3000, averageGapDays: null, medianGapDays: null });
    const g = figures([p('2026-01-01T10:00:00.000Z'), p('2026-01-01T11:00:00.000Z'), p('2026-01-11T10:00:00.000Z')]);
    expect(g).toMatchObject({ purchaseCount: 3, averageGapDays: 10, medianGapDays: 10 });
  });

  it('takes the median of an odd count as the middle gap, of an even count as the mean of the middle two', () => {
    // Gaps 1, 2, 10 → median 2; average (13 days / 3 gaps) = 4.333… → 4.3.
    const odd = figures([p('2026-01-01T00:00:00.000Z'), p('2026-01-02T00:00:00.000Z'), p('2026-01-04T00:00:00.000Z'), p('2026-01-14T00:00:00.000Z')]);
    expect(odd).toMatchObject({ averageGapDays: 4.3, medianGapDays: 2 });
    // Gaps 1, 2 → median 1.5, average 1.5.
    const even = figures([p('2026-01-04T00:00:00.000Z'), p('2026-01-01T00:00:00.000Z'), p('2026-01-02T00:00:00.000Z')]);
    expect(even).toMatchObject({ averageGapDays: 1.5, medianGapDays: 1.5, firstPurchaseAt: '2026-01-01T00:00:00.000Z', lastPurchaseAt: '2026-01-04T00:00:00.000Z' });
    // Gaps 3, 4, 10, 20 → median (4 + 10) / 2 = 7; average 37 / 4 = 9.25 → 9.3 (rounded half up).
    const four = figures(['2026-01-01', '2026-01-04', '2026-01-08', '2026-01-18', '2026-02-07'].map((d) => p(`${d}T09:00:00.000Z`)));
    expect(four).toMatchObject({ averageGapDays: 9.3, medianGapDays: 7 });
  });

  it('leaves voided purchases out of everything', () => {
    const f = figures([p('2026-01-01T00:00:00.000Z', 500), p('2026-03-01T00:00:00.000Z', 99999, { isVoided: 1 }), p('2026-01-11T00:00:00.000Z', 700)]);
    expect(f).toEqual({ ...f, totalSpentFen: 1200, purchaseCount: 2, lastPurchaseAt: '2026-01-11T00:00:00.000Z', averageGapDays: 10, medianGapDays: 10 });
    expect(figures([p('2026-01-01T00:00:00.000Z', 500, { isVoided: 1 })])).toEqual(ZERO_FIGURES);
  });

  it('subtracts returns from total spent without counting them as purchases or visits', () => {
    const f = figures([
      p('2026-01-01T00:00:00.000Z', 10000),
      p('2026-01-20T00:00:00.000Z', -3000, { returnOf: 'x' }),
      p('2026-01-25T00:00:00.000Z', -500),
      p('2026-01-30T00:00:00.000Z', -9999, { returnOf: 'x', isVoided: 1 }),
    ]);
    expect(f).toEqual({
      totalSpentFen: 6500,
      purchaseCount: 1,
      firstPurchaseAt: '2026-01-01T00:00:00.000Z',
      lastPurchaseAt: '2026-01-01T00:00:00.000Z',
      averageGapDays: null,
      medianGapDays: null,
    });
    // Only returns (an import of cancellations): a negative total, nothing else.
    expect(figures([p('2026-01-25T00:00:00.000Z', -500)])).toEqual({ ...ZERO_FIGURES, totalSpentFen: -500 });
  });

  it('does not count a purchase returned in full as a visit: not in the count, first/last visit or gaps', () => {
    const a = p('2026-01-01T10:00:00.000Z', 10_000);
    const b = p('2026-01-11T10:00:00.000Z', 6_000);
    const c = p('2026-01-31T10:00:00.000Z', 4_000);
    // b returned in two parts that add up to all of it; c's last visit goes with it.
    const bBack1 = p('2026-01-12T10:00:00.000Z', -2_000, { returnOf: b.id });
    const bBack2 = p('2026-01-20T10:00:00.000Z', -4_000, { returnOf: b.id });
    const cBack = p('2026-02-01T10:00:00.000Z', -4_000, { returnOf: c.id });
    expect(figures([a, b, c, bBack1, bBack2, cBack])).toEqual({
      totalSpentFen: 10_000,
      purchaseCount: 1,
      firstPurchaseAt: a.purchasedAt,
      lastPurchaseAt: a.purchasedAt,
      averageGapDays: null,
      medianGapDays: null,
    });
    // A partial return leaves the visit (c given back 3,999 of 4,000).
    const cPart = { ...cBack, totalFen: -3_999 };
    expect(figures([a, b, c, bBack1, bBack2, cPart])).toMatchObject({ totalSpentFen: 10_001, purchaseCount: 2, lastPurchaseAt: c.purchasedAt, averageGapDays: 30 });
    // A voided return gives nothing back: b is a visit again, between a and c.
    expect(figures([a, b, c, bBack1, { ...bBack2, isVoided: 1 }, cBack])).toMatchObject({ purchaseCount: 2, firstPurchaseAt: a.purchasedAt, lastPurchaseAt: b.purchasedAt, averageGapDays: 10 });
    // Everything returned: no visit at all, the money nets to zero.
    expect(figures([b, bBack1, bBack2])).toEqual(ZERO_FIGURES);
  });

  it('names the purchases returned in full; untied returns and zero totals are never one', () => {
    const a = p('2026-01-01T10:00:00.000Z', 5_000);
    const free = p('2026-01-02T10:00:00.000Z', 0);
    const untied = p('2026-01-03T10:00:00.000Z', -5_000);
    const aBack = p('2026-01-05T10:00:00.000Z', -5_000, { returnOf: a.id });
    expect([...fullyReturnedIds([a, free, untied])]).toEqual([]);
    expect([...fullyReturnedIds([a, free, untied, aBack])]).toEqual([a.id]);
    // Only the returns the caller counts (e.g. dated by a day) give back.
    expect([...fullyReturnedIds([a, aBack], (r) => r.purchasedAt < '2026-01-04')]).toEqual([]);
    // A voided original is no visit anyway and is not named.
    expect([...fullyReturnedIds([{ ...a, isVoided: 1 }, aBack])]).toEqual([]);
  });

  it('counts calendar days across a leap day, month and year ends', () => {
    const f = figures([p('2024-02-28T12:00:00.000Z'), p('2024-02-29T12:00:00.000Z'), p('2024-03-01T12:00:00.000Z'), p('2025-03-01T12:00:00.000Z')]);
    expect(f).toMatchObject({ averageGapDays: Math.round((367 / 3) * 10) / 10, medianGapDays: 1 });
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(dayNumber('2025-03-01') - dayNumber('2025-02-28')).toBe(1);
    expect(dayNumber('2026-01-01') - dayNumber('2025-12-31')).toBe(1);
    expect(dayNumber('1970-01-01')).toBe(0);
  });

  it('lets the caller decide which day a time falls on', () => {
    // 23:30 UTC on the 1st and 00:30 UTC on the 2nd are the same day in UTC-3, different days in UTC.
    const list = [p('2026-01-01T23:30:00.000Z'), p('2026-01-02T00:30:00.000Z'), p('2026-01-12T12:00:00.000Z')];
    expect(figures(list)).toMatchObject({ averageGapDays: 5.5, medianGapDays: 5.5 });
    const minusThree = (iso: string) => new Date(Date.parse(iso) - 3 * 3_600_000).toISOString().slice(0, 10);
    expect(computeCustomerFigures(list, minusThree)).toMatchObject({ averageGapDays: 11, medianGapDays: 11 });
  });

  it('does not depend on the order of its input', () => {
    const list = Array.from({ length: 40 }, (_, i) => p(new Date(Date.UTC(2024, 0, 1) + ((i * 7919) % 400) * 86_400_000 + i * 1000).toISOString(), 100 + i));
    const reversed = [...list].reverse();
    expect(figures(reversed)).toEqual(figures(list));
  });
});

describe('day helpers', () => {
  it('localDayOf agrees with date-fns format in this machine’s time zone', () => {
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 3_600_000 * 7 + 60_000 * 13) {
      const iso = new Date(t).toISOString();
      expect(localDayOf(iso)).toBe(format(parseISO(iso), 'yyyy-MM-dd'));
    }
  });

  it('dayNumber differences agree with differenceInCalendarDays', () => {
    const days = ['2023-12-31', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-31', '2024-10-27', '2024-11-03', '2025-01-01'];
    for (const a of days) for (const b of days) expect(dayNumber(b) - dayNumber(a)).toBe(differenceInCalendarDays(parseISO(b), parseISO(a)));
  });
});

describe('groupPurchasesByCustomer and the stored fields', () => {
  it('groups in input order', () => {
    const a1 = makePurchase({ customerId: 'a' });
    const b1 = makePurchase({ customerId: 'b' });
    const a2 = makePurchase({ customerId: 'a' });
    expect([...groupPurchasesByCustomer([a1, b1, a2])]).toEqual([['a', [a1, a2]], ['b', [b1]]]);
  });

  it('stores the last purchase as a sort key, empty when there is none', () => {
    expect(customerFigureFields(ZERO_FIGURES).lastPurchaseSort).toBe('');
    const f = figures([p('2026-01-05T10:00:00.000Z')]);
    expect(customerFigureFields(f).lastPurchaseSort).toBe('2026-01-05T10:00:00.000Z');
    expect(figuresOf(customerFigureFields(f))).toEqual(f);
    expect(sameFigures(f, { ...f })).toBe(true);
    expect(sameFigures(f, { ...f, medianGapDays: 1 })).toBe(false);
  });
});

describe('rememberingDayOf', () => {
  it('gives the day dayOf gives, asking dayOf once per time', () => {
    const asked: string[] = [];
    const days = rememberingDayOf((iso) => {
      asked.push(iso);
      return utcDayOf(iso);
    });
    expect(days('2026-06-14T23:59:59.999Z')).toBe('2026-06-14');
    expect(days('2026-06-15T00:00:00.000Z')).toBe('2026-06-15');
    expect(days('2026-06-14T23:59:59.999Z')).toBe('2026-06-14');
    expect(asked).toEqual(['2026-06-14T23:59:59.999Z', '2026-06-15T00:00:00.000Z']);
  });
});
