import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POINTS_RULES, type PointsRules } from './pointsRules';
import { canRedeem, pointsPayment, redeemEntry, rewardDiscountFen, validateReward, type Reward } from './rewards';

const TIERS = ['vip', 'regular', 'potential'];
const NOW = new Date(2026, 11, 4, 15);
const reward = (over: Partial<Reward> = {}): Reward => ({
  id: 'r1',
  name: 'Tea mug',
  kind: 'gift',
  pointsCost: 500,
  stock: 3,
  voucherFen: null,
  percentOff: null,
  validFrom: null,
  validTo: null,
  tiersAllowed: [],
  active: true,
  ...over,
});
const customer = { tierId: 'regular', isDeleted: 0 as const };
const rate = (points: number, fen: number, maxPercent: number): Pick<PointsRules, 'redeem'> => ({ redeem: { points, fen, maxPercent } });

describe('validateReward', () => {
  it('accepts each kind and clears the fields its kind does not use', () => {
    expect(validateReward(reward({ name: '  Tea   mug ' }), TIERS)).toEqual({ ok: true, value: reward() });
    expect(validateReward(reward({ stock: null }), TIERS).ok).toBe(true);
    const voucher = validateReward(reward({ kind: 'voucher', voucherFen: 2_000, stock: 5, percentOff: 10 }), TIERS);
    expect(voucher).toEqual({ ok: true, value: reward({ kind: 'voucher', voucherFen: 2_000, stock: null }) });
    expect(validateReward(reward({ kind: 'percent-off', percentOff: 15, stock: null }), TIERS).ok).toBe(true);
    expect(validateReward(reward({ kind: 'free-service', stock: null, tiersAllowed: ['vip', 'vip'] }), TIERS)).toMatchObject({ ok: true, value: { tiersAllowed: ['vip'] } });
  });

  it('names every problem, in order', () => {
    expect(validateReward(reward({ name: ' ', pointsCost: 0, stock: -1, validFrom: '2026-02-30', tiersAllowed: ['gold'] }), TIERS)).toEqual({
      ok: false,
      reason: ['reward-name-empty', 'points-cost-invalid', 'stock-invalid', 'valid-dates-invalid', 'tiers-invalid'],
    });
    expect(validateReward(reward({ name: 'x'.repeat(61), kind: 'voucher', voucherFen: 0 }), TIERS)).toEqual({ ok: false, reason: ['reward-name-too-long', 'voucher-amount-invalid'] });
    expect(validateReward(reward({ kind: 'percent-off', percentOff: 12.5 }), TIERS)).toEqual({ ok: false, reason: ['percent-invalid'] });
    expect(validateReward(reward({ kind: 'cake' as 'gift' }), TIERS)).toEqual({ ok: false, reason: ['reward-kind-invalid'] });
    expect(validateReward(reward({ validFrom: '2026-12-31', validTo: '2026-12-01' }), TIERS)).toEqual({ ok: false, reason: ['valid-dates-order'] });
  });
});

describe('canRedeem', () => {
  it('yes with enough points, on a valid day, for an allowed tier, with stock', () => {
    expect(canRedeem(reward(), customer, 500, NOW)).toEqual({ ok: true, value: null });
    expect(canRedeem(reward({ validFrom: '2026-12-04', validTo: '2026-12-04' }), customer, 500, NOW).ok).toBe(true);
    expect(canRedeem(reward({ tiersAllowed: ['regular', 'vip'] }), customer, 500, NOW).ok).toBe(true);
  });
  it('or the first reason not', () => {
    const no = (r: Partial<Reward>, balance = 500, c: { tierId: string | null; isDeleted: 0 | 1 } = customer) => {
      const res = canRedeem(reward(r), c, balance, NOW);
      return res.ok ? null : res.reason;
    };
    expect(no({ active: false })).toBe('reward-inactive');
    expect(no({ validFrom: '2026-12-05' })).toBe('reward-not-yet-valid');
    expect(no({ validTo: '2026-12-03' })).toBe('reward-expired');
    expect(no({}, 500, { tierId: 'regular', isDeleted: 1 })).toBe('customer-deleted');
    expect(no({ tiersAllowed: ['vip'] })).toBe('tier-not-allowed');
    expect(no({ tiersAllowed: ['vip'] }, 500, { tierId: null, isDeleted: 0 })).toBe('tier-not-allowed');
    expect(no({ stock: 0 })).toBe('out-of-stock');
    expect(no({ kind: 'voucher', stock: 0, voucherFen: 100 })).toBeNull();
    expect(no({}, 499)).toBe('insufficient-points');
    expect(no({ active: false, stock: 0 }, 0)).toBe('reward-inactive');
  });
});

describe('rewardDiscountFen', () => {
  it('a voucher up to the amount, a percentage rounded down, nothing for gifts and services', () => {
    expect(rewardDiscountFen(reward({ kind: 'voucher', voucherFen: 2_000 }), 5_000)).toBe(2_000);
    expect(rewardDiscountFen(reward({ kind: 'voucher', voucherFen: 2_000 }), 1_500)).toBe(1_500);
    expect(rewardDiscountFen(reward({ kind: 'percent-off', percentOff: 15 }), 999)).toBe(149);
    expect(rewardDiscountFen(reward(), 5_000)).toBe(0);
    expect(rewardDiscountFen(reward({ kind: 'free-service' }), 5_000)).toBe(0);
    expect(rewardDiscountFen(reward({ kind: 'voucher', voucherFen: 2_000 }), -100)).toBe(0);
  });
});

describe('pointsPayment', () => {
  it('100 points pay ¥1, at most half the amount; partial use of the balance', () => {
    const r = DEFAULT_POINTS_RULES;
    expect(pointsPayment(r, 26_800, 5_000, 3_000)).toEqual({ points: 3_000, fen: 3_000, maxPoints: 5_000, maxFen: 5_000, limitedBy: 'none' });
    expect(pointsPayment(r, 26_800, 50_000, 20_000)).toEqual({ points: 13_400, fen: 13_400, maxPoints: 13_400, maxFen: 13_400, limitedBy: 'cap' });
    expect(pointsPayment(r, 26_800, 1_200, 3_000)).toEqual({ points: 1_200, fen: 1_200, maxPoints: 1_200, maxFen: 1_200, limitedBy: 'balance' });
    expect(pointsPayment(r, 26_800, 0, 100)).toMatchObject({ points: 0, fen: 0, limitedBy: 'balance' });
    expect(pointsPayment(r, 26_800, -40, 100)).toMatchObject({ points: 0, fen: 0 });
    expect(pointsPayment(rate(100, 100, 0), 26_800, 5_000, 100)).toMatchObject({ points: 0, fen: 0, limitedBy: 'cap' });
  });
  it('never takes a point the fen did not need: 1,000 points per ¥1 buys whole fen only', () => {
    expect(pointsPayment(rate(1_000, 100, 100), 10_000, 10_000, 15)).toEqual({ points: 10, fen: 1, maxPoints: 10_000, maxFen: 1_000, limitedBy: 'none' });
    expect(pointsPayment(rate(1, 10, 50), 999, 1_000, 1_000)).toEqual({ points: 50, fen: 499, maxPoints: 50, maxFen: 499, limitedBy: 'cap' });
  });
  it('points used never exceed what was asked or held, fen never exceed the cap, and the fen pay for the points', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: -100, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (points, fen, maxPercent, amount, balance, asked) => {
          const p = pointsPayment(rate(points, fen, maxPercent), amount, balance, asked);
          expect(p.points).toBeLessThanOrEqual(Math.max(0, Math.min(asked, balance)));
          expect(p.fen).toBeLessThanOrEqual(Math.floor((amount * maxPercent) / 100));
          expect(p.fen).toBeLessThanOrEqual(p.maxFen);
          // The points are worth at least the fen, and one point fewer would not be.
          expect(p.points * fen).toBeGreaterThanOrEqual(p.fen * points);
          if (p.points > 0) expect((p.points - 1) * fen).toBeLessThan(p.fen * points);
        },
      ),
    );
  });
});

describe('redeemEntry', () => {
  it('a debit linked to the reward or the purchase; a non-positive or fractional amount is a programming error', () => {
    const e = redeemEntry({ customerId: 'c', points: 500, at: '2026-12-04T07:00:00.000Z', purchaseId: null, rewardId: 'r1' }, () => 'id-1');
    expect(e).toMatchObject({ id: 'id-1', kind: 'redeem', points: -500, rewardId: 'r1', purchaseId: null, expiresAt: null });
    expect(() => redeemEntry({ customerId: 'c', points: 0, at: '2026-12-04T07:00:00.000Z', purchaseId: 'p', rewardId: null }, () => 'x')).toThrow(RangeError);
    expect(() => redeemEntry({ customerId: 'c', points: 1.5, at: '2026-12-04T07:00:00.000Z', purchaseId: 'p', rewardId: null }, () => 'x')).toThrow(RangeError);
  });
});
