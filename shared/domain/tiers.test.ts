import { describe, expect, it } from 'vitest';
import { addMonths, format, parseISO } from 'date-fns';
import type { FigureInput } from './customerFigures';
import {
  addMonthsToDay,
  DEFAULT_TIER_SCHEME,
  decideTierChange,
  isReviewDue,
  nextReviewDate,
  qualifyingTier,
  spendInWindow,
  tierDistribution,
  tierName,
  tierWindowFigures,
  TIER_SCHEME_ERRORS,
  validateTierScheme,
  windowStartDay,
  type TierScheme,
} from './tiers';

const scheme = DEFAULT_TIER_SCHEME as TierScheme;
let purchaseSeq = 0;
const buy = (day: string, fen: number, extra: Partial<FigureInput> = {}): FigureInput => ({
  id: `p-${++purchaseSeq}`,
  purchasedAt: `${day}T10:00:00.000Z`,
  totalFen: fen,
  isVoided: 0,
  returnOf: null,
  ...extra,
});
const clone = (): TierScheme => structuredClone(scheme);

describe('DEFAULT_TIER_SCHEME', () => {
  it('is valid, has VIP, regular, potential highest first, and an open floor', () => {
    expect(validateTierScheme(scheme)).toEqual({ ok: true, value: scheme });
    expect(scheme.tiers.map((t) => t.id)).toEqual(['vip', 'regular', 'potential']);
    expect(tierName(scheme.tiers[0]!, 'zh-CN')).toBe('贵宾');
    expect(tierName(scheme.tiers[2]!, 'zh-TW')).toBe('潛在');
    expect(scheme.windowMonths).toBe(12);
    expect(scheme.reviewEveryMonths).toBe(3);
  });
});

describe('validateTierScheme', () => {
  const codes = (s: TierScheme) => {
    const r = validateTierScheme(s);
    return r.ok ? [] : r.reason;
  };
  it('trims names and accepts an owner-typed name', () => {
    const s = clone();
    s.tiers[0]!.name = '  金卡  ';
    const r = validateTierScheme(s);
    expect(r.ok && tierName(r.value.tiers[0]!, 'en')).toBe('金卡');
  });
  it('reports each problem once, in code order', () => {
    const s = clone();
    s.windowMonths = 0;
    s.reviewEveryMonths = 1.5;
    s.tiers[1]!.id = 'vip';
    s.tiers[0]!.name = { 'zh-CN': '', 'zh-TW': 'x', en: 'x' };
    s.tiers[0]!.minSpendFen = 12.5;
    s.tiers[1]!.benefits.discountPercent = 101;
    expect(codes(s)).toEqual(['window-invalid', 'review-invalid', 'tier-id-duplicate', 'tier-name-empty', 'threshold-invalid', 'benefit-invalid']);
    expect(codes(s).every((c) => (TIER_SCHEME_ERRORS as readonly string[]).includes(c))).toBe(true);
  });
  it('needs tiers, an open floor, and tiers no laxer than the one below', () => {
    expect(codes({ ...clone(), tiers: [] })).toEqual(['tiers-empty']);
    const s = clone();
    s.tiers[2]!.minPurchases = 1;
    expect(codes(s)).toEqual(['floor-not-open']);
    const t = clone();
    t.tiers[0]!.minSpendFen = 50_000;
    expect(codes(t)).toEqual(['tiers-not-ordered']);
    const u = clone();
    u.tiers[1]!.maxDaysSinceLastPurchase = 90; // regular stricter on recency than VIP (180)
    expect(codes(u)).toEqual(['tiers-not-ordered']);
    const v = clone();
    v.tiers = Array.from({ length: 11 }, (_, i) => ({ ...structuredClone(scheme.tiers[2]!), id: `t${i}` }));
    expect(codes(v)).toEqual(['too-many-tiers']);
  });
  it('accepts a single floor tier', () => {
    expect(validateTierScheme({ ...clone(), tiers: [structuredClone(scheme.tiers[2]!)] }).ok).toBe(true);
  });
});

describe('window days', () => {
  it('adds months like date-fns addMonths, clamping the day', () => {
    for (const [day, n] of [['2024-02-29', -12], ['2024-02-29', 12], ['2024-01-31', 1], ['2023-11-30', 3], ['2024-03-31', -1], ['2025-12-15', 1], ['2024-02-29', 48]] as const) {
      expect(addMonthsToDay(day, n)).toBe(format(addMonths(parseISO(day), n), 'yyyy-MM-dd'));
    }
  });
  it('starts the day after asOf − window; leap days', () => {
    expect(windowStartDay('2025-02-28', 12)).toBe('2024-02-29');
    expect(windowStartDay('2025-03-01', 12)).toBe('2024-03-02');
    expect(windowStartDay('2024-02-29', 12)).toBe('2023-03-01');
    expect(windowStartDay('2024-03-01', 1)).toBe('2024-02-02');
    expect(windowStartDay('2024-03-31', 1)).toBe('2024-03-01');
  });
});

describe('spendInWindow and tierWindowFigures', () => {
  it('no purchases', () => {
    expect(spendInWindow([], '2025-01-01', 12)).toBe(0);
    expect(tierWindowFigures([], '2025-01-01', 12)).toEqual({ spendFen: 0, purchaseCount: 0, daysSinceLast: null });
    expect(qualifyingTier(scheme, tierWindowFigures([], '2025-01-01', 12))).toBe('potential');
  });
  it('one purchase, on asOf itself', () => {
    expect(tierWindowFigures([buy('2025-01-01', 1234)], '2025-01-01', 12)).toEqual({ spendFen: 1234, purchaseCount: 1, daysSinceLast: 0 });
  });
  it('leaves voids out and subtracts returns (voided returns do not)', () => {
    const ps = [
      buy('2024-06-01', 100_000),
      buy('2024-06-02', 50_000, { isVoided: 1 }),
      buy('2024-06-03', -30_000, { returnOf: 'a' }),
      buy('2024-06-04', -10_000, { returnOf: 'a', isVoided: 1 }),
    ];
    expect(tierWindowFigures(ps, '2024-12-31', 12)).toEqual({ spendFen: 70_000, purchaseCount: 1, daysSinceLast: dayDiff('2024-06-01', '2024-12-31') });
  });
  it('a return inside the window of a purchase before it still subtracts; purchases after asOf are ignored', () => {
    const ps = [buy('2023-01-10', 80_000), buy('2024-02-01', -20_000, { returnOf: 'x' }), buy('2025-01-01', 99_999)];
    expect(tierWindowFigures(ps, '2024-12-31', 12)).toEqual({ spendFen: -20_000, purchaseCount: 0, daysSinceLast: dayDiff('2023-01-10', '2024-12-31') });
  });
  it('a purchase returned in full by asOf is no purchase and no visit; returned later, it still was one then', () => {
    const old = buy('2025-06-01', 30_000);
    const big = buy('2026-02-01', 50_000);
    const back = buy('2026-02-10', -50_000, { returnOf: big.id });
    expect(tierWindowFigures([old, big, back], '2026-03-01', 12)).toEqual({ spendFen: 30_000, purchaseCount: 1, daysSinceLast: 273 });
    // Before the return was dated, the purchase was a visit.
    expect(tierWindowFigures([old, big, back], '2026-02-05', 12)).toEqual({ spendFen: 80_000, purchaseCount: 2, daysSinceLast: 4 });
    // Half given back: still a visit.
    expect(tierWindowFigures([old, big, { ...back, totalFen: -25_000 }], '2026-03-01', 12)).toEqual({ spendFen: 55_000, purchaseCount: 2, daysSinceLast: 28 });
  });

  it('several purchases on one day all count', () => {
    const ps = [buy('2024-05-05', 1), buy('2024-05-05', 2), { ...buy('2024-05-05', 3), purchasedAt: '2024-05-05T23:59:59.999Z' }];
    expect(tierWindowFigures(ps, '2024-05-05', 12)).toEqual({ spendFen: 6, purchaseCount: 3, daysSinceLast: 0 });
  });
  it('leap-day boundaries', () => {
    const leap = [buy('2024-02-29', 500)];
    expect(spendInWindow(leap, '2025-02-28', 12)).toBe(500);
    expect(spendInWindow(leap, '2025-03-01', 12)).toBe(0);
    const edge = [buy('2023-02-28', 7), buy('2023-03-01', 11)];
    expect(spendInWindow(edge, '2024-02-29', 12)).toBe(11);
    expect(spendInWindow(edge, '2024-02-28', 12)).toBe(11);
    expect(spendInWindow(edge, '2024-02-27', 12)).toBe(18);
  });
  it('uses the given day function', () => {
    const late = [{ ...buy('2024-01-01', 9), purchasedAt: '2023-12-31T20:00:00.000Z' }];
    const plus8 = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(spendInWindow(late, '2024-12-31', 12)).toBe(0); // UTC day 2023-12-31 is before 2024-01-01
    expect(spendInWindow(late, '2024-12-31', 12, plus8)).toBe(9);
  });
});

function dayDiff(a: string, b: string) {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}

describe('qualifyingTier', () => {
  it('needs every threshold of a tier', () => {
    expect(qualifyingTier(scheme, { spendFen: 500_000, purchaseCount: 6, daysSinceLast: 180 })).toBe('vip');
    expect(qualifyingTier(scheme, { spendFen: 500_000, purchaseCount: 6, daysSinceLast: 181 })).toBe('regular');
    expect(qualifyingTier(scheme, { spendFen: 499_999, purchaseCount: 60, daysSinceLast: 1 })).toBe('regular');
    expect(qualifyingTier(scheme, { spendFen: 900_000, purchaseCount: 1, daysSinceLast: 1 })).toBe('potential');
    expect(qualifyingTier(scheme, { spendFen: -5, purchaseCount: 0, daysSinceLast: null })).toBe('potential');
  });
  it('a recency threshold is never met without a purchase', () => {
    const s = clone();
    s.tiers[0]!.minSpendFen = 0;
    s.tiers[0]!.minPurchases = 0;
    expect(qualifyingTier(s, { spendFen: 0, purchaseCount: 0, daysSinceLast: null })).not.toBe('vip');
  });
});

describe('decideTierChange', () => {
  const base = { scheme, asOf: '2025-01-01' };
  it('assigns a first tier at once', () => {
    expect(decideTierChange({ ...base, current: null, qualifying: 'potential', reviewDue: false })).toMatchObject({ next: 'potential', change: 'upgrade', reason: { code: 'tier-assigned' } });
  });
  it('upgrades at once, review or not', () => {
    const d = decideTierChange({ ...base, current: 'regular', qualifying: 'vip', reviewDue: false, figures: { spendFen: 600_000, purchaseCount: 7, daysSinceLast: 3 } });
    expect(d).toEqual({
      next: 'vip',
      change: 'upgrade',
      reason: {
        code: 'tier-upgrade',
        params: { from: 'regular', to: 'vip', asOf: '2025-01-01', windowMonths: 12, minSpendFen: 500_000, minPurchases: 6, maxDays: 180, spendFen: 600_000, purchaseCount: 7, daysSinceLast: 3 },
      },
    });
  });
  it('keeps the tier when it still qualifies', () => {
    expect(decideTierChange({ ...base, current: 'vip', qualifying: 'vip', reviewDue: true })).toMatchObject({ next: 'vip', change: 'none', reason: { code: 'tier-kept' } });
  });
  it('holds a downgrade until the review, then applies it', () => {
    const pending = decideTierChange({ ...base, current: 'vip', qualifying: 'potential', reviewDue: false, figures: { spendFen: 0, purchaseCount: 0, daysSinceLast: null } });
    expect(pending).toMatchObject({ next: 'potential', change: 'downgrade-pending', reason: { code: 'tier-downgrade-pending', params: { from: 'vip', to: 'potential', minSpendFen: 500_000, daysSinceLast: -1 } } });
    expect(decideTierChange({ ...base, current: 'vip', qualifying: 'regular', reviewDue: true })).toMatchObject({ next: 'regular', change: 'downgrade', reason: { code: 'tier-downgrade' } });
  });
  it('moves off a removed tier at once', () => {
    expect(decideTierChange({ ...base, current: 'gold', qualifying: 'regular', reviewDue: false })).toMatchObject({ next: 'regular', change: 'upgrade', reason: { code: 'tier-removed' } });
    expect(decideTierChange({ ...base, current: 'gold', qualifying: 'potential', reviewDue: false })).toMatchObject({ next: 'potential', change: 'downgrade', reason: { code: 'tier-removed' } });
  });
  it('refuses a qualifying tier outside the scheme', () => {
    expect(() => decideTierChange({ ...base, current: 'vip', qualifying: 'nope', reviewDue: false })).toThrow(TypeError);
  });
});

describe('review dates', () => {
  it('steps by months, clamping month ends and leap days', () => {
    expect(nextReviewDate('2024-01-01', 3)).toBe('2024-04-01');
    expect(nextReviewDate('2023-11-30', 3)).toBe('2024-02-29');
    expect(nextReviewDate('2024-11-30', 3)).toBe('2025-02-28');
    expect(nextReviewDate('2024-02-29', 12)).toBe('2025-02-28');
  });
  it('is due when never reviewed or on/after the next date', () => {
    expect(isReviewDue(null, 3, '2025-01-01')).toBe(true);
    expect(isReviewDue('2024-10-01', 3, '2024-12-31')).toBe(false);
    expect(isReviewDue('2024-10-01', 3, '2025-01-01')).toBe(true);
  });
});

describe('tierDistribution', () => {
  it('counts every tier, zero when empty, and sums to the customers', () => {
    const figures = [
      { spendFen: 0, purchaseCount: 0, daysSinceLast: null },
      { spendFen: 150_000, purchaseCount: 3, daysSinceLast: 10 },
      { spendFen: 150_000, purchaseCount: 1, daysSinceLast: 10 },
    ];
    expect(tierDistribution(scheme, figures)).toEqual({ vip: 0, regular: 1, potential: 2 });
    expect(tierDistribution(scheme, [])).toEqual({ vip: 0, regular: 0, potential: 0 });
    const looser = clone();
    looser.tiers[1]!.minPurchases = 1;
    expect(tierDistribution(looser, figures)).toEqual({ vip: 0, regular: 2, potential: 1 });
  });
});
