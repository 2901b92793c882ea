// The rewards catalogue the owner keeps, whether a customer can redeem a reward now, and paying part of a purchase with points.
import { format } from 'date-fns';
import { assertNever, err, ok, type Result } from '../result';
import { pointsEntry, type PointsEntry } from './pointsLedger';
import type { PointsRules } from './pointsRules';
import { isIntIn } from './ranges';

export const REWARD_KINDS = ['gift', 'voucher', 'percent-off', 'free-service'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];

export interface Reward {
  /** UUID. */
  id: string;
  /** As the owner typed it (shown as is, in every language). */
  name: string;
  kind: RewardKind;
  /** Points it costs, > 0. */
  pointsCost: number;
  /** gift: units left, or null when not counted; null for the other kinds. */
  stock: number | null;
  /** voucher: the amount it takes off a purchase, minor units; null otherwise. */
  voucherFen: number | null;
  /** percent-off: whole percent off a purchase (1–100); null otherwise. */
  percentOff: number | null;
  /** yyyy-MM-dd, local days, inclusive; null: open. */
  validFrom: string | null;
  validTo: string | null;
  /** Tier ids that may redeem it; empty: every tier. */
  tiersAllowed: string[];
  /** false: withdrawn from the catalogue (kept, for the history that names it). */
  active: boolean;
}

export const REWARD_LIMITS = {
  maxNameLength: 60,
  maxPointsCost: 100_000_000,
  maxStock: 1_000_000,
  maxVoucherFen: 100_000_000,
  maxTiers: 10,
} as const;

export const REWARD_ERRORS = [
  'reward-name-empty',
  'reward-name-too-long',
  'reward-kind-invalid',
  'points-cost-invalid',
  'stock-invalid',
  'voucher-amount-invalid',
  'percent-invalid',
  'valid-dates-invalid',
  /** validFrom after validTo. */
  'valid-dates-order',
  'tiers-invalid',
] as const;
export type RewardError = (typeof REWARD_ERRORS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
function isDay(s: unknown): s is string {
  if (typeof s !== 'string' || !DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00.000Z`);
  return Number.isFinite(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Checks a reward the owner edited. On success, gives it back with the name trimmed, the fields its
 * kind does not use set to null, and tier ids deduplicated. On failure, every distinct problem in
 * REWARD_ERRORS order. `tierIds`: the tiers of the scheme, which tiersAllowed must name.
 */
export function validateReward(r: Reward, tierIds: readonly string[]): Result<Reward, RewardError[]> {
  const found = new Set<RewardError>();
  const name = typeof r.name === 'string' ? r.name.replace(/\s+/g, ' ').trim() : '';
  if (name === '') found.add('reward-name-empty');
  else if ([...name].length > REWARD_LIMITS.maxNameLength) found.add('reward-name-too-long');
  const kindOk = (REWARD_KINDS as readonly string[]).includes(r.kind);
  if (!kindOk) found.add('reward-kind-invalid');
  if (!isIntIn(r.pointsCost, 1, REWARD_LIMITS.maxPointsCost)) found.add('points-cost-invalid');
  if (r.kind === 'gift' && !(r.stock === null || isIntIn(r.stock, 0, REWARD_LIMITS.maxStock))) found.add('stock-invalid');
  if (r.kind === 'voucher' && !isIntIn(r.voucherFen, 1, REWARD_LIMITS.maxVoucherFen)) found.add('voucher-amount-invalid');
  if (r.kind === 'percent-off' && !isIntIn(r.percentOff, 1, 100)) found.add('percent-invalid');
  const fromOk = r.validFrom === null || isDay(r.validFrom);
  const toOk = r.validTo === null || isDay(r.validTo);
  if (!fromOk || !toOk) found.add('valid-dates-invalid');
  else if (r.validFrom !== null && r.validTo !== null && r.validFrom > r.validTo) found.add('valid-dates-order');
  const known = new Set(tierIds);
  if (!Array.isArray(r.tiersAllowed) || r.tiersAllowed.length > REWARD_LIMITS.maxTiers || !r.tiersAllowed.every((t) => known.has(t))) found.add('tiers-invalid');
  if (found.size > 0) return err(REWARD_ERRORS.filter((c) => found.has(c)));
  return ok({
    id: r.id,
    name,
    kind: r.kind,
    pointsCost: r.pointsCost,
    stock: r.kind === 'gift' ? r.stock : null,
    voucherFen: r.kind === 'voucher' ? r.voucherFen : null,
    percentOff: r.kind === 'percent-off' ? r.percentOff : null,
    validFrom: r.validFrom,
    validTo: r.validTo,
    tiersAllowed: [...new Set(r.tiersAllowed)],
    active: r.active,
  });
}

export const REDEEM_REFUSALS = [
  'reward-inactive',
  'reward-not-yet-valid',
  'reward-expired',
  'customer-deleted',
  'tier-not-allowed',
  'out-of-stock',
  'insufficient-points',
] as const;
export type RedeemRefusal = (typeof REDEEM_REFUSALS)[number];

export interface RedeemingCustomer {
  tierId: string | null;
  isDeleted: 0 | 1;
}

/**
 * Whether the customer can redeem the reward at `now` (validity by the local day), or the first reason
 * not, in REDEEM_REFUSALS order. `balance`: the points they may spend now (pointsSummary's available).
 */
export function canRedeem(reward: Reward, customer: RedeemingCustomer, balance: number, now: Date): Result<null, RedeemRefusal> {
  const today = format(now, 'yyyy-MM-dd');
  if (!reward.active) return err('reward-inactive');
  if (reward.validFrom !== null && today < reward.validFrom) return err('reward-not-yet-valid');
  if (reward.validTo !== null && today > reward.validTo) return err('reward-expired');
  if (customer.isDeleted === 1) return err('customer-deleted');
  if (reward.tiersAllowed.length > 0 && (customer.tierId === null || !reward.tiersAllowed.includes(customer.tierId))) return err('tier-not-allowed');
  if (reward.kind === 'gift' && reward.stock !== null && reward.stock <= 0) return err('out-of-stock');
  if (balance < reward.pointsCost) return err('insufficient-points');
  return ok(null);
}

/** What a voucher or percent-off reward takes off an amount (never more than the amount; percent rounded down); 0 for gifts and services. */
export function rewardDiscountFen(reward: Pick<Reward, 'kind' | 'voucherFen' | 'percentOff'>, amountFen: number): number {
  if (amountFen <= 0) return 0;
  switch (reward.kind) {
    case 'voucher':
      return Math.min(reward.voucherFen ?? 0, amountFen);
    case 'percent-off':
      return Math.floor((amountFen * (reward.percentOff ?? 0)) / 100);
    case 'gift':
    case 'free-service':
      return 0;
    default:
      return assertNever(reward.kind, 'reward kind');
  }
}

export type PointsPaymentLimit = 'none' | 'balance' | 'cap';

export interface PointsPayment {
  /** Points taken: the fewest that cover `fen`. */
  points: number;
  /** Minor units the points pay. */
  fen: number;
  /** The most this purchase could take: under the cap and within the balance. */
  maxPoints: number;
  maxFen: number;
  /** What held the payment below the points asked for: the balance, or the per-purchase cap. */
  limitedBy: PointsPaymentLimit;
}

/**
 * Paying part of `amountFen` with points at the owner's rate, at most maxPercent % of the amount
 * (rounded down to a whole minor unit), within the balance; any part of the request may be used.
 * Points never buy a fraction of a minor unit, and no point is taken beyond what the fen cost.
 */
export function pointsPayment(rules: Pick<PointsRules, 'redeem'>, amountFen: number, balance: number, requestedPoints: number): PointsPayment {
  const { points: ratePoints, fen: rateFen, maxPercent } = rules.redeem;
  const capFen = amountFen > 0 ? Math.floor((amountFen * maxPercent) / 100) : 0;
  // BigInt: a large balance times the rate can pass 2^53.
  const fenFor = (p: number) => Number((BigInt(Math.max(0, p)) * BigInt(rateFen)) / BigInt(ratePoints));
  const pointsFor = (f: number) => Number((BigInt(f) * BigInt(ratePoints) + BigInt(rateFen) - 1n) / BigInt(rateFen));
  const maxFen = Math.min(capFen, fenFor(balance));
  const usable = Math.min(Math.max(0, Math.floor(requestedPoints)), Math.max(0, Math.floor(balance)));
  const fen = Math.min(fenFor(usable), capFen);
  const limitedBy: PointsPaymentLimit = fenFor(usable) > capFen ? 'cap' : requestedPoints > balance ? 'balance' : 'none';
  return { points: pointsFor(fen), fen, maxPoints: pointsFor(maxFen), maxFen, limitedBy };
}

/** The redeem entry of a reward or of paying with points (linked to the purchase when at the till). */
export function redeemEntry(
  spend: { customerId: string; points: number; at: string; purchaseId: string | null; rewardId: string | null },
  newId: () => string,
): PointsEntry {
  if (!Number.isSafeInteger(spend.points) || spend.points <= 0) throw new RangeError(`points to redeem must be a positive integer, got ${String(spend.points)}`);
  return pointsEntry({ customerId: spend.customerId, kind: 'redeem', points: -spend.points, createdAt: spend.at, purchaseId: spend.purchaseId, rewardId: spend.rewardId }, newId);
}
