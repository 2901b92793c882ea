import fc from 'fast-check';
import { Lunar } from 'lunar-typescript';
import { describe, expect, it } from 'vitest';
import type { Birthday } from './customer';
import {
  batchExpiresAt,
  birthdayGiftDue,
  BIRTHDAY_GIFT_GRACE_DAYS,
  changeExpiryPolicy,
  DEFAULT_POINTS_RULES,
  earningEntries,
  expiryPolicyAt,
  inBirthdayWindow,
  pointsForPurchase,
  previewPointsRules,
  validatePointsRules,
  type PointsCustomerFacts,
  type PointsPurchaseFacts,
  type PointsRules,
} from './pointsRules';
import { DEFAULT_TIER_SCHEME } from './tiers';

const rules = (over: Partial<PointsRules> = {}): PointsRules => ({ ...structuredClone(DEFAULT_POINTS_RULES) as PointsRules, ...over });
// Friday 4 December 2026, local time (the tests hold in any time zone).
const FRI = new Date(2026, 11, 4, 15, 30);
const TUE = new Date(2026, 11, 8, 11);
const purchase = (totalFen: number, at = FRI, over: Partial<PointsPurchaseFacts> = {}): PointsPurchaseFacts => ({
  purchasedAt: at.toISOString(),
  lines: [],
  totalFen,
  paidWithPointsFen: 0,
  ...over,
});
const VIP: PointsCustomerFacts = { tierId: 'vip', tierMultiplier: 2, birthday: null, isFirstPurchase: false };
const PLAIN: PointsCustomerFacts = { tierId: 'potential', tierMultiplier: 1, birthday: null, isFirstPurchase: false };
const solar = (month: number, day: number): Birthday => ({ calendar: 'solar', year: 1990, month, day, leapMonth: false });

describe('validatePointsRules', () => {
  it('accepts the defaults as they are', () => {
    expect(validatePointsRules(rules())).toEqual({ ok: true, value: DEFAULT_POINTS_RULES });
  });

  it('names every problem once, in order', () => {
    const bad = rules({
      earn: { points: 0, perFen: 100, rounding: 'nearest' as 'down' },
      excludedCategories: ['  '],
      combine: 'sum' as 'highest',
      memberDay: { days: { kind: 'weekdays', days: [0, 8] }, multiplier: 0 },
      birthday: { window: 'year' as 'day', multiplier: 2 },
      welcomeBonus: -1,
      redeem: { points: 100, fen: 0, maxPercent: 101 },
      expiry: [{ kind: 'months', months: 0, from: '2026-01-01T00:00:00.000Z' }],
      negativeBalance: 'sometimes' as 'allow',
      referral: { award: 'both', referrerPoints: 1.5, referredPoints: 0 },
    });
    expect(validatePointsRules(bad)).toEqual({
      ok: false,
      reason: [
        'earn-rate-invalid',
        'rounding-invalid',
        'excluded-invalid',
        'combine-invalid',
        'multiplier-invalid',
        'member-days-invalid',
        'birthday-window-invalid',
        'bonus-invalid',
        'redeem-rate-invalid',
        'redeem-cap-invalid',
        'expiry-invalid',
        'negative-balance-invalid',
        'referral-invalid',
      ],
    });
    const twice = rules({ expiry: [{ kind: 'never', from: '2026-01-01T00:00:00.000Z' }, { kind: 'end-of-next-year', from: '2026-01-01T00:00:00Z' }] });
    expect(validatePointsRules(twice)).toEqual({ ok: false, reason: ['expiry-from-duplicate'] });
  });

  it('cleans what was typed, so equal rules are equal whatever the order they were typed or edited in', () => {
    const a = rules({
      excludedCategories: [' Tobacco ', 'gift  cards', 'tobacco'],
      memberDay: { days: { kind: 'month-days', days: [28, 8, 18, 8] }, multiplier: 2 },
      expiry: [
        { kind: 'end-of-next-year', from: '2026-06-01T00:00:00.000Z' },
        { kind: 'never', from: '1970-01-01T00:00:00.000Z' },
      ],
    });
    const b = rules({
      excludedCategories: ['gift cards', 'Tobacco'],
      memberDay: { days: { kind: 'month-days', days: [8, 18, 28] }, multiplier: 2 },
      expiry: [
        { kind: 'never', from: '1970-01-01T00:00:00.000Z' },
        { kind: 'end-of-next-year', from: '2026-06-01T00:00:00.000Z' },
      ],
    });
    const va = validatePointsRules(a);
    const vb = validatePointsRules(b);
    expect(va.ok && vb.ok).toBe(true);
    if (!va.ok || !vb.ok) return;
    expect(va.value.excludedCategories).toEqual(['Tobacco', 'gift cards']);
    expect(va.value.memberDay.days).toEqual({ kind: 'month-days', days: [8, 18, 28] });
    expect(new Set(va.value.excludedCategories.map((x) => x.toLowerCase()))).toEqual(new Set(vb.value.excludedCategories.map((x) => x.toLowerCase())));
    expect(va.value.expiry).toEqual(vb.value.expiry);
    const at = new Date(2026, 11, 18, 12);
    expect(pointsForPurchase(va.value, purchase(26_800, at), VIP, at)).toEqual(pointsForPurchase(vb.value, purchase(26_800, at), VIP, at));
  });
});

describe('pointsForPurchase', () => {
  it('a ¥268 purchase by a VIP on member day: 268 base × (2 tier × 1.5 member day) = 804 when multiplied, 536 with the highest', () => {
    const r = rules({ memberDay: { days: { kind: 'weekdays', days: [5] }, multiplier: 1.5 }, combine: 'multiply' });
    const e = pointsForPurchase(r, purchase(26_800), VIP, FRI);
    expect(e).toMatchObject({ paidFen: 26_800, eligibleFen: 26_800, excludedFen: 0, base: 268, multiplier: 3, earned: 804, total: 804, combine: 'multiply', bonuses: [] });
    expect(e.multipliers).toEqual([
      { source: 'tier', multiplier: 2, applies: true },
      { source: 'member-day', multiplier: 1.5, applies: true },
    ]);
    expect(pointsForPurchase({ ...r, combine: 'highest' }, purchase(26_800), VIP, FRI)).toMatchObject({ multiplier: 2, earned: 536 });
    // Not a member day (Tuesday): the tier alone.
    expect(pointsForPurchase(r, purchase(26_800, TUE), VIP, TUE)).toMatchObject({ multiplier: 2, earned: 536 });
    expect(pointsForPurchase({ ...r, tierMultiplier: false }, purchase(26_800), VIP, FRI)).toMatchObject({ multiplier: 1.5, earned: 402 });
  });

  it('member days of the month: the 8th, 18th and 28th', () => {
    const r = rules({ memberDay: { days: { kind: 'month-days', days: [8, 18, 28] }, multiplier: 2 } });
    expect(pointsForPurchase(r, purchase(10_000, TUE), PLAIN, TUE).earned).toBe(200);
    expect(pointsForPurchase(r, purchase(10_000, FRI), PLAIN, FRI).earned).toBe(100);
  });

  it('the base rate and its rounding: down by default, half-up and up as chosen', () => {
    const per = (rounding: PointsRules['earn']['rounding'], fen: number, perFen = 100) =>
      pointsForPurchase(rules({ earn: { points: 1, perFen, rounding } }), purchase(fen), PLAIN, FRI).earned;
    expect([per('down', 250), per('half-up', 250), per('up', 250)]).toEqual([2, 3, 3]);
    expect([per('down', 249), per('half-up', 249), per('up', 249)]).toEqual([2, 2, 3]);
    expect([per('down', 200), per('up', 200)]).toEqual([2, 2]);
    expect(per('down', 26_800, 1000)).toBe(26);
    expect(per('down', 99)).toBe(0);
  });

  it('multipliers are exact: 100 base at a 0.29 multiplier is 29 (floating point says 28.999…)', () => {
    expect(pointsForPurchase(rules(), purchase(10_000), { ...PLAIN, tierMultiplier: 0.29 }, FRI).earned).toBe(29);
    const three = rules({ memberDay: { days: { kind: 'weekdays', days: [5] }, multiplier: 1.1 }, birthday: { window: 'day', multiplier: 1.1 }, combine: 'multiply' });
    const e = pointsForPurchase(three, purchase(100_000), { ...PLAIN, tierMultiplier: 1.1, birthday: solar(12, 4) }, FRI);
    expect(e).toMatchObject({ base: 1000, earned: 1331 });
  });

  it('earns on what was paid: after the discount, less the part paid with points, less excluded lines', () => {
    const r = rules({ excludedCategories: ['tobacco'], excludedProducts: ['Gift Card'] });
    const lines = [
      { product: 'Tea', category: 'drinks', quantity: 2, unitPriceFen: 2_500 },
      { product: 'Cigarettes', category: ' Tobacco', quantity: 1, unitPriceFen: 4_000 },
      { product: 'gift card', category: 'cards', quantity: 1, unitPriceFen: 1_000 },
    ];
    // Subtotal 10,000, discount 2,000: the 5,000 of tea earns on 80 % of it.
    const e = pointsForPurchase(r, purchase(8_000, FRI, { lines }), PLAIN, FRI);
    expect(e).toMatchObject({ paidFen: 8_000, eligibleFen: 4_000, excludedFen: 4_000, earned: 40 });
    const withPoints = pointsForPurchase(r, purchase(8_000, FRI, { lines, paidWithPointsFen: 3_000 }), PLAIN, FRI);
    expect(withPoints).toMatchObject({ paidFen: 5_000, eligibleFen: 2_500, earned: 25 });
    const onlyExcluded = pointsForPurchase(r, purchase(4_000, FRI, { lines: [lines[1]!] }), PLAIN, FRI);
    expect(onlyExcluded).toMatchObject({ eligibleFen: 0, earned: 0 });
  });

  it('a return or an empty amount earns nothing, and no welcome bonus', () => {
    const r = rules({ welcomeBonus: 50 });
    expect(pointsForPurchase(r, purchase(-5_000), { ...PLAIN, isFirstPurchase: true }, FRI)).toMatchObject({ paidFen: 0, earned: 0, total: 0, bonuses: [] });
  });

  it('the welcome bonus comes with the first purchase, beside what it earns', () => {
    const r = rules({ welcomeBonus: 50 });
    const e = pointsForPurchase(r, purchase(12_345), { ...PLAIN, isFirstPurchase: true }, FRI);
    expect(e).toMatchObject({ earned: 123, bonuses: [{ source: 'welcome', points: 50 }], total: 173 });
    const entries = earningEntries(e, { customerId: 'c', purchaseId: 'p' }, FRI.toISOString(), (() => {
      let n = 0;
      return () => `id-${++n}`;
    })());
    expect(entries.map((x) => [x.kind, x.points, x.rule, x.purchaseId, x.expiresAt])).toEqual([
      ['earn', 123, 'purchase', 'p', null],
      ['bonus', 50, 'welcome', 'p', null],
    ]);
    expect(pointsForPurchase(r, purchase(12_345), PLAIN, FRI).total).toBe(123);
  });

  it('the birthday multiplies on the day, in the week or in the month, whichever the rules say', () => {
    const at = (window: PointsRules['birthday']['window'], b: Birthday, day: Date) =>
      pointsForPurchase(rules({ birthday: { window, multiplier: 3 } }), purchase(10_000, day), { ...PLAIN, birthday: b }, day).earned;
    expect(at('day', solar(12, 4), FRI)).toBe(300);
    expect(at('day', solar(12, 5), FRI)).toBe(100);
    // Sunday 6 December: its week is Monday 30 November to Sunday 6 December.
    expect(at('week', solar(12, 6), FRI)).toBe(300);
    expect(at('week', solar(11, 30), FRI)).toBe(300);
    expect(at('week', solar(12, 7), FRI)).toBe(100);
    expect(at('month', solar(12, 31), FRI)).toBe(300);
    expect(at('month', solar(11, 30), FRI)).toBe(100);
    expect(at('none', solar(12, 4), FRI)).toBe(100);
  });

  it('a lunar birthday counts on its solar date that year (中秋 2026 is 25 September)', () => {
    const midAutumn: Birthday = { calendar: 'lunar', year: 1988, month: 8, day: 15, leapMonth: false };
    const s = Lunar.fromYmd(2026, 8, 15).getSolar();
    const day = new Date(s.getYear(), s.getMonth() - 1, s.getDay(), 10);
    expect(inBirthdayWindow(midAutumn, 'day', day)).toBe(true);
    expect(inBirthdayWindow(midAutumn, 'day', new Date(2026, 7, 15, 10))).toBe(false);
    expect(inBirthdayWindow(midAutumn, 'month', new Date(2026, 8, 1, 10))).toBe(true);
    expect(inBirthdayWindow(midAutumn, 'month', new Date(2026, 7, 31, 10))).toBe(false);
    // 腊月二十 of lunar 2025 is 7 February 2026: a January purchase is not in its month, a February one is.
    const lateWinter: Birthday = { calendar: 'lunar', year: 1990, month: 12, day: 20, leapMonth: false };
    expect(inBirthdayWindow(lateWinter, 'month', new Date(2026, 1, 20, 10))).toBe(true);
    expect(inBirthdayWindow(lateWinter, 'month', new Date(2026, 0, 20, 10))).toBe(false);
  });
});

describe('expiry', () => {
  const earned = new Date(2026, 4, 15, 14, 20);
  it('never, N months (through that day), or the end of the year after', () => {
    expect(batchExpiresAt(rules(), earned)).toBeNull();
    expect(batchExpiresAt(rules({ expiry: [{ kind: 'months', months: 6, from: '1970-01-01T00:00:00.000Z' }] }), earned)).toBe(new Date(2026, 10, 16).toISOString());
    expect(batchExpiresAt(rules({ expiry: [{ kind: 'end-of-next-year', from: '1970-01-01T00:00:00.000Z' }] }), earned)).toBe(new Date(2028, 0, 1).toISOString());
    expect(batchExpiresAt(rules({ expiry: [{ kind: 'months', months: 1, from: '1970-01-01T00:00:00.000Z' }] }), new Date(2026, 0, 31, 9))).toBe(new Date(2026, 2, 1).toISOString());
  });

  it('a policy change applies to points earned from its date on; points earned before keep the old policy', () => {
    const changeAt = new Date(2026, 6, 1, 9);
    const changed = changeExpiryPolicy(rules(), { kind: 'end-of-next-year' }, changeAt);
    expect(changed.expiry).toEqual([
      { kind: 'never', from: '1970-01-01T00:00:00.000Z' },
      { kind: 'end-of-next-year', from: changeAt.toISOString() },
    ]);
    expect(batchExpiresAt(changed, earned)).toBeNull();
    expect(batchExpiresAt(changed, new Date(2026, 6, 1, 10))).toBe(new Date(2028, 0, 1).toISOString());
    expect(expiryPolicyAt(changed, new Date(2026, 5, 30))).toEqual({ kind: 'never', from: '1970-01-01T00:00:00.000Z' });
    // A later change made earlier (the owner changed their mind the same day) replaces the planned one.
    const again = changeExpiryPolicy(changed, { kind: 'months', months: 12 }, new Date(2026, 5, 1));
    expect(again.expiry.map((v) => v.kind)).toEqual(['never', 'months']);
    expect(validatePointsRules(again).ok).toBe(true);
  });

  it('the earning carries the expiry of the policy in effect when the points are earned', () => {
    const r = rules({ expiry: [{ kind: 'end-of-next-year', from: '1970-01-01T00:00:00.000Z' }] });
    expect(pointsForPurchase(r, purchase(10_000), PLAIN, FRI).expiresAt).toBe(new Date(2028, 0, 1).toISOString());
  });
});

describe('birthdayGiftDue', () => {
  const r = rules({ birthdayGift: 88 });
  const gift = (rule: string) => ({ kind: 'bonus' as const, rule: rule as `birthday-gift:${string}` });
  it('on the birthday, or up to BIRTHDAY_GIFT_GRACE_DAYS after when the rollover did not run, once per birthday', () => {
    const due = birthdayGiftDue(r, solar(12, 4), [], new Date(2026, 11, 4, 8));
    expect(due).toEqual({ points: 88, rule: 'birthday-gift:2026-12-04', expiresAt: null });
    expect(BIRTHDAY_GIFT_GRACE_DAYS).toBe(14);
    expect(birthdayGiftDue(r, solar(12, 4), [], new Date(2026, 11, 18, 8))).toMatchObject({ rule: 'birthday-gift:2026-12-04' });
    expect(birthdayGiftDue(r, solar(12, 4), [], new Date(2026, 11, 19, 8))).toBeNull();
    expect(birthdayGiftDue(r, solar(12, 4), [], new Date(2026, 11, 3, 23))).toBeNull();
    expect(birthdayGiftDue(r, solar(12, 4), [gift('birthday-gift:2026-12-04')], new Date(2026, 11, 5))).toBeNull();
    expect(birthdayGiftDue(r, solar(12, 4), [gift('birthday-gift:2025-12-04')], new Date(2026, 11, 5))).not.toBeNull();
    expect(birthdayGiftDue(rules(), solar(12, 4), [], new Date(2026, 11, 4, 8))).toBeNull();
    expect(birthdayGiftDue(r, null, [], new Date(2026, 11, 4, 8))).toBeNull();
  });

  it('crosses the new year: a 30 December birthday is still given on 2 January', () => {
    expect(birthdayGiftDue(r, solar(12, 30), [], new Date(2027, 0, 2, 8))).toMatchObject({ rule: 'birthday-gift:2026-12-30' });
  });

  it('gives 29 February on the 28th in other years, and on the 29th in a leap year', () => {
    expect(birthdayGiftDue(r, solar(2, 29), [], new Date(2027, 1, 28, 8))).toMatchObject({ rule: 'birthday-gift:2027-02-28' });
    expect(birthdayGiftDue(r, solar(2, 29), [], new Date(2028, 1, 28, 8))).toBeNull();
    expect(birthdayGiftDue(r, solar(2, 29), [], new Date(2028, 1, 29, 8))).toMatchObject({ rule: 'birthday-gift:2028-02-29' });
  });

  it('gives a lunar birthday on its solar date that year', () => {
    // 八月十五 (the Mid-Autumn day) fell on 25 September 2026.
    const lunar: Birthday = { calendar: 'lunar', year: 1988, month: 8, day: 15, leapMonth: false };
    const solarDay = Lunar.fromYmd(2026, 8, 15).getSolar();
    const day = new Date(solarDay.getYear(), solarDay.getMonth() - 1, solarDay.getDay(), 9);
    expect(birthdayGiftDue(r, lunar, [], day)).toMatchObject({ rule: `birthday-gift:${solarDay.toYmd()}` });
    expect(birthdayGiftDue(r, lunar, [], new Date(day.getTime() - 86_400_000))).toBeNull();
  });

  it('never twice in a year: a birthday edited after its gift, nor a birthday before the customer was in the store', () => {
    expect(birthdayGiftDue(r, solar(12, 6), [gift('birthday-gift:2026-12-04')], new Date(2026, 11, 6, 8))).toBeNull();
    expect(birthdayGiftDue(r, solar(12, 6), [gift('birthday-gift:2025-12-04')], new Date(2026, 11, 6, 8))).not.toBeNull();
    expect(birthdayGiftDue(r, solar(12, 4), [], new Date(2026, 11, 10, 8), new Date(2026, 11, 4, 20).toISOString())).not.toBeNull();
    expect(birthdayGiftDue(r, solar(12, 4), [], new Date(2026, 11, 10, 8), new Date(2026, 11, 5, 9).toISOString())).toBeNull();
  });

  it('run on any days of two years, gives each birthday once, on the first run within the grace, and none without one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.array(fc.boolean(), { minLength: 730, maxLength: 730 }), (month, day, runs) => {
        const entries: { kind: 'bonus'; rule: `birthday-gift:${string}` }[] = [];
        const givenOn = new Map<string, number>();
        runs.forEach((runsToday, i) => {
          if (!runsToday) return;
          const due = birthdayGiftDue(r, solar(month, day), entries, new Date(2026, 0, 1 + i, 9));
          if (!due) return;
          entries.push({ kind: 'bonus', rule: due.rule });
          givenOn.set(due.rule, i);
        });
        const expected = new Map<string, number>();
        for (const year of [2025, 2026, 2027]) {
          const birthday = Math.round((new Date(year, month - 1, day).getTime() - new Date(2026, 0, 1).getTime()) / 86_400_000);
          const first = runs.findIndex((ran, i) => ran && i >= birthday && i <= birthday + BIRTHDAY_GIFT_GRACE_DAYS);
          if (first >= 0) expected.set(`birthday-gift:${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, first);
        }
        expect(entries).toHaveLength(givenOn.size);
        expect(givenOn).toEqual(expected);
      }),
    );
  });
});

describe('previewPointsRules', () => {
  it('every tier on an ordinary day, on the next member day, on a birthday and with a first purchase', () => {
    const r = rules({ memberDay: { days: { kind: 'weekdays', days: [5] }, multiplier: 1.5 }, combine: 'multiply', welcomeBonus: 20 });
    const rows = previewPointsRules(r, DEFAULT_TIER_SCHEME, FRI);
    expect(rows).toHaveLength(3 * 4);
    const vipMemberDay = rows.find((x) => x.tierId === 'vip' && x.occasion === 'member-day')!;
    expect(vipMemberDay).toMatchObject({ amountFen: 26_800, earning: { earned: 804 } });
    expect(new Date(vipMemberDay.at).getDay()).toBe(5);
    const ordinary = rows.find((x) => x.tierId === 'potential' && x.occasion === 'ordinary-day')!;
    expect(new Date(ordinary.at).getDay()).not.toBe(5);
    expect(ordinary.earning.earned).toBe(268);
    expect(rows.find((x) => x.tierId === 'potential' && x.occasion === 'birthday')!.earning.earned).toBe(536);
    expect(rows.find((x) => x.tierId === 'regular' && x.occasion === 'first-purchase')!.earning).toMatchObject({ earned: 402, total: 422 });
    expect(previewPointsRules(rules({ birthday: { window: 'none', multiplier: 2 } }), DEFAULT_TIER_SCHEME, FRI, [10_000, 26_800]).map((x) => x.occasion)).toEqual(Array(6).fill('ordinary-day'));
  });
});

describe('pointsForPurchase properties', () => {
  const line = fc.record({
    product: fc.constantFrom('Tea', 'Cigarettes', 'Mug'),
    category: fc.constantFrom('drinks', 'tobacco', 'home'),
    quantity: fc.integer({ min: 1, max: 20 }),
    unitPriceFen: fc.integer({ min: 0, max: 100_000 }),
  });
  const multiplier = fc.integer({ min: 1_000, max: 5_000 }).map((n) => n / 1000);
  const earnRules = fc.record({
    points: fc.integer({ min: 1, max: 20 }),
    perFen: fc.integer({ min: 1, max: 10_000 }),
    rounding: fc.constantFrom('down' as const, 'half-up' as const, 'up' as const),
  });

  it('the order of the lines and of the excluded lists does not matter; paying more never earns less', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), earnRules, fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 1_000 }), (lines, earn, discountPercent, extra) => {
        const subtotal = lines.reduce((s, l) => s + l.quantity * l.unitPriceFen, 0);
        const total = subtotal - Math.floor((subtotal * discountPercent) / 100);
        const a = rules({ earn, excludedCategories: ['tobacco', 'nothing'], excludedProducts: ['Mug'] });
        const b = rules({ earn, excludedCategories: ['nothing', 'tobacco'], excludedProducts: ['mug'] });
        const x = pointsForPurchase(a, purchase(total, FRI, { lines }), VIP, FRI);
        expect(pointsForPurchase(b, purchase(total, FRI, { lines: [...lines].reverse() }), VIP, FRI)).toEqual(x);
        expect(pointsForPurchase(a, purchase(total + extra, FRI, { lines }), VIP, FRI).earned).toBeGreaterThanOrEqual(x.earned);
        expect(x.eligibleFen).toBeGreaterThanOrEqual(0);
        expect(x.eligibleFen).toBeLessThanOrEqual(x.paidFen);
      }),
    );
  });

  it('with multipliers of at least 1, multiplying earns at least the highest, which earns at least the base', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), earnRules, multiplier, multiplier, multiplier, (fen, earn, tier, memberDay, birthday) => {
        const r = rules({ earn, memberDay: { days: { kind: 'weekdays', days: [5] }, multiplier: memberDay }, birthday: { window: 'day', multiplier: birthday } });
        const who = { ...PLAIN, tierMultiplier: tier, birthday: solar(12, 4) };
        const highest = pointsForPurchase({ ...r, combine: 'highest' }, purchase(fen), who, FRI);
        const multiplied = pointsForPurchase({ ...r, combine: 'multiply' }, purchase(fen), who, FRI);
        expect(highest.earned).toBeGreaterThanOrEqual(highest.base);
        expect(multiplied.earned).toBeGreaterThanOrEqual(highest.earned);
        expect(highest.multiplier).toBe(Math.max(tier, memberDay, birthday));
        expect(Number.isSafeInteger(multiplied.earned)).toBe(true);
      }),
    );
  });
});
