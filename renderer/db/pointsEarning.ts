// What a purchase write does to points, inside its transaction: a reward redeemed and paying with points (checked
// against the balance there), the earning and welcome bonus, referral awards, and settling a purchase's points (and a
// gift's stock on a void) after an edit, void or return. Loaded when a purchase is first written, not with the first screen (the earning rules read lunar birthdays).
import Dexie from 'dexie';
import { DEFAULT_POINTS_RULES, batchExpiresAt, earningEntries, pointsForPurchase, validatePointsRules, type PointsCustomerFacts, type PointsRules } from '../../shared/domain/pointsRules';
import { derivePointsLedger, pointsEntry, pointsSummary, purchaseReversalEntries, type PointsEntry } from '../../shared/domain/pointsLedger';
import { canRedeem, pointsPayment, redeemEntry, rewardDiscountFen, type PointsPayment, type RedeemRefusal, type Reward } from '../../shared/domain/rewards';
import { referralAwards, referralEntries } from '../../shared/domain/referral';
import { personIds } from '../../shared/domain/erasure';
import { returnedFen, type Purchase } from '../../shared/domain/purchase';
import { groupBenefits } from '../../shared/domain/statusGroups';
import type { RegularsDatabase } from './database';
import { createSettingsRepository } from './settings';
import { ledgerRange } from './derivation/points';

/** The settings row that holds the owner's points rules (the defaults when absent). */
export const POINTS_RULES_KEY = 'pointsRules';

/** Why a points write is refused: a code for the screens to word. */
export type PointsRefusal =
  | RedeemRefusal
  | 'points-invalid'
  /** Paying with points: more than the per-purchase cap of the amount. */
  | 'points-over-cap'
  | 'adjust-reason-required'
  | 'reward-not-found'
  | 'customer-not-found'
  | 'rules-invalid'
  | 'reward-invalid';

export class PointsRefusedError extends Error {
  /** `about`: whether the reward chosen was refused, or the points asked for (the codes overlap: 'insufficient-points'). */
  constructor(
    readonly code: PointsRefusal,
    readonly about: 'points' | 'reward' = 'points',
  ) {
    super(`Points refused: ${code}`);
    this.name = 'PointsRefusedError';
  }
}

export interface EarningDeps {
  now: () => Date;
  newId: () => string;
}

/** The rules as stored, cleaned; the defaults when none are stored, or (`unreadable`) when the stored ones no longer validate. */
export function pointsRulesFrom(value: unknown): { rules: PointsRules; unreadable: boolean } {
  const defaults = structuredClone(DEFAULT_POINTS_RULES) as PointsRules;
  if (value === undefined || value === null) return { rules: defaults, unreadable: false };
  if (typeof value !== 'object') return { rules: defaults, unreadable: true };
  try {
    const checked = validatePointsRules(value as PointsRules);
    return checked.ok ? { rules: checked.value, unreadable: false } : { rules: defaults, unreadable: true };
  } catch {
    return { rules: defaults, unreadable: true };
  }
}

/** The owner's points rules in force (inside a transaction holding settings, or on its own). */
export async function readPointsRules(db: RegularsDatabase): Promise<PointsRules> {
  return pointsRulesFrom((await db.settings.get(POINTS_RULES_KEY))?.value).rules;
}

/** What the customer may spend now: the balance less points past their expiry (pointsSummary's available). */
export async function availablePoints(db: RegularsDatabase, customerId: string, now: Date): Promise<number> {
  return pointsSummary(derivePointsLedger(await ledgerRange(db, customerId).toArray()), now).available;
}

/** A reward redeemed with a purchase: the catalogue's record as it stood at the write, and what it took off the amount. */
export interface PurchaseReward {
  reward: Reward;
  /** What a voucher or percent off takes off the purchase's total (0 for a gift or a free service). */
  fen: number;
}

/**
 * A reward redeemed with a purchase of `totalFen`, checked inside the write by canRedeem against the catalogue
 * and the customer as they are now (withdrawn, out of its dates, not for their tier, out of stock, too few points:
 * refused with the code, the dialog having shown the catalogue as it was). null when no reward is asked for.
 */
export async function checkPurchaseReward(db: RegularsDatabase, customerId: string, rewardId: string | null, totalFen: number, now: Date): Promise<PurchaseReward | null> {
  if (rewardId === null) return null;
  const reward = await db.rewards.get(rewardId);
  if (!reward) throw new PointsRefusedError('reward-not-found', 'reward');
  const record = await db.customers.get(customerId);
  if (!record) throw new PointsRefusedError('customer-not-found');
  const tierId = (await db.customerState.get(customerId))?.tierId ?? null;
  const allowed = canRedeem(reward, { tierId, isDeleted: record.isDeleted }, await availablePoints(db, customerId, now), now);
  if (!allowed.ok) throw new PointsRefusedError(allowed.reason, 'reward');
  return { reward, fen: rewardDiscountFen(reward, totalFen) };
}

/**
 * Paying part of a purchase of `totalFen` with `requested` points, checked against what the customer may
 * spend inside the write: refused when the points are not there or the cap holds them below what was asked
 * (the till showed the limits; a change since is said, not silently paid less). null when nothing is paid so.
 * With a reward (`reward`), the points pay part of what its discount leaves, from the balance its cost leaves.
 */
export async function checkPointsPayment(
  db: RegularsDatabase,
  rules: PointsRules,
  customerId: string,
  totalFen: number,
  requested: number,
  now: Date,
  reward: PurchaseReward | null = null,
): Promise<PointsPayment | null> {
  if (requested === 0) return null;
  if (!Number.isSafeInteger(requested) || requested < 0) throw new PointsRefusedError('points-invalid');
  const balance = Math.max(0, (await availablePoints(db, customerId, now)) - (reward?.reward.pointsCost ?? 0));
  const pay = pointsPayment(rules, totalFen - (reward?.fen ?? 0), balance, requested);
  // Fewer points than asked is refused; exactly the points asked is paid even where the cap rounds the fen down
  // (at a rate of more than a fen a point, the most the till offers may buy a fen past the cap, which is not paid).
  if (pay.points < requested) throw new PointsRefusedError(pay.limitedBy === 'balance' ? 'insufficient-points' : 'points-over-cap');
  if (pay.fen === 0) throw new PointsRefusedError('points-over-cap');
  return pay;
}

/**
 * The customer as the earning rules read them: the tier's multiplier (of the grouping in force), birthday,
 * first purchase (none other than `purchaseId`, not voided, not a return). The purchase dialog's preview
 * reads the same (purchaseId null) before the purchase exists, so what it shows is what is written.
 */
export async function customerPointsFacts(db: RegularsDatabase, customerId: string, purchaseId: string | null): Promise<PointsCustomerFacts & { referredBy: string | null }> {
  const record = await db.customers.get(customerId);
  const state = await db.customerState.get(customerId);
  const status = await createSettingsRepository(db).statusRules();
  const tierId = state?.tierId ?? null;
  // Any earlier purchase answers "not the first": the walk stops at the first one, not at the customer's last.
  const another = await db.purchases
    .where('[customerId+purchasedAt]')
    .between([customerId, Dexie.minKey], [customerId, Dexie.maxKey], true, true)
    .filter((p: Purchase) => p.id !== purchaseId && p.isVoided === 0 && p.returnOf === null && p.totalFen > 0)
    .first();
  return {
    tierId,
    tierMultiplier: tierId === null ? 1 : (groupBenefits(status, tierId)?.pointsMultiplier ?? 1),
    birthday: record?.birthday ?? null,
    isFirstPurchase: another === undefined,
    referredBy: record?.referredBy ?? null,
  };
}

/** The merges naming a customer, from the audit trail's customer index (as erasure reads them). */
function mergesOf(db: RegularsDatabase) {
  return async (id: string) => (await db.auditLog.where('customerIds').equals(id).toArray()).filter((e) => e.kind === 'customers.merge');
}

/** The part of a purchase's total that points paid, or a reward took off: it earns nothing. */
export function paidWithPointsFen(p: Pick<Purchase, 'pointsPaidFen' | 'rewardFen'>): number {
  return (p.pointsPaidFen ?? 0) + (p.rewardFen ?? 0);
}

/**
 * The entries a new purchase writes: the reward redeemed with it and the points it was paid with, what it earns
 * on what was paid otherwise (and the welcome bonus on the customer's first purchase), and the referral awards of
 * a referred customer's first purchase. An imported purchase (history from another system) and a return earn nothing.
 */
export async function newPurchaseEntries(
  db: RegularsDatabase,
  deps: EarningDeps,
  rules: PointsRules,
  purchase: Purchase,
  payment: PointsPayment | null,
  reward: PurchaseReward | null = null,
): Promise<PointsEntry[]> {
  const now = deps.now();
  const at = now.toISOString();
  const out: PointsEntry[] = [];
  if (reward) out.push(redeemEntry({ customerId: purchase.customerId, points: reward.reward.pointsCost, at, purchaseId: purchase.id, rewardId: reward.reward.id }, deps.newId));
  if (payment) out.push(redeemEntry({ customerId: purchase.customerId, points: payment.points, at, purchaseId: purchase.id, rewardId: null }, deps.newId));
  if (purchase.importId !== null || purchase.returnOf !== null || purchase.totalFen <= 0) return out;
  const facts = await customerPointsFacts(db, purchase.customerId, purchase.id);
  const earning = pointsForPurchase(rules, { purchasedAt: purchase.purchasedAt, lines: purchase.lines, totalFen: purchase.totalFen, paidWithPointsFen: paidWithPointsFen(purchase) }, facts, now);
  out.push(...earningEntries(earning, { customerId: purchase.customerId, purchaseId: purchase.id }, at, deps.newId));
  if (facts.isFirstPurchase && facts.referredBy !== null && rules.referral.award !== 'none') {
    const sameIds = new Set(await personIds(purchase.customerId, mergesOf(db)));
    const referrer = await db.customers.get(facts.referredBy);
    const ledgers = [...(await ledgerRange(db, purchase.customerId).toArray()), ...(await ledgerRange(db, facts.referredBy).toArray())];
    const awards = referralAwards(rules, {
      newCustomerId: purchase.customerId,
      referredBy: facts.referredBy,
      sameCustomerIds: sameIds,
      referrerActive: referrer !== undefined && referrer.isDeleted === 0,
      isFirstPurchase: true,
      entries: ledgers.filter((e) => e.kind === 'referral'),
    });
    if (awards.ok) out.push(...referralEntries(awards.value, purchase.id, at, batchExpiresAt(rules, now), deps.newId));
  }
  return out;
}

/**
 * An edited purchase earns what its new amount earns under the rules in force, once: the difference from
 * what it earned so far is written (an earn entry, or a correction that lowers it; see purchasePoints).
 * Only a purchase that took part in points (has entries) is earned again: one recorded before points
 * existed does not start earning by a correction.
 */
export async function reEarnEntries(db: RegularsDatabase, deps: EarningDeps, rules: PointsRules, after: Purchase): Promise<PointsEntry[]> {
  if (after.importId !== null || after.returnOf !== null) return [];
  const linked = (await db.pointsEntries.where('purchaseId').equals(after.id).toArray()).filter((e) => e.customerId === after.customerId);
  if (linked.length === 0) return [];
  let current = 0;
  for (const e of linked) if (e.kind === 'earn' || (e.kind === 'reverse' && e.reverses === 'earned' && e.rule === 'purchase')) current += e.points;
  const now = deps.now();
  const facts = await customerPointsFacts(db, after.customerId, after.id);
  const target =
    after.totalFen > 0
      ? pointsForPurchase(rules, { purchasedAt: after.purchasedAt, lines: after.lines, totalFen: after.totalFen, paidWithPointsFen: paidWithPointsFen(after) }, { ...facts, isFirstPurchase: false }, now).earned
      : 0;
  const delta = target - current;
  if (delta === 0) return [];
  const common = { customerId: after.customerId, purchaseId: after.id, createdAt: now.toISOString(), rule: 'purchase' as const };
  return [
    delta > 0
      ? pointsEntry({ ...common, kind: 'earn', points: delta, expiresAt: batchExpiresAt(rules, now) }, deps.newId)
      : pointsEntry({ ...common, kind: 'reverse', points: delta, reverses: 'earned' }, deps.newId),
  ];
}

/** A return as a write is about to leave it (a new one, or one edited), for settling before it is stored. */
export type ReturnChange = Pick<Purchase, 'id' | 'totalFen' | 'isVoided'>;

/**
 * The entries that bring an original purchase's points to what its state asks (voided, or the share its
 * non-voided returns gave back): purchaseReversalEntries over the customer's whole ledger, so asking again
 * writes nothing. `pending`: entries this write adds before these (an edit's), not stored yet. `change`: a
 * return counted as given instead of as stored (the dialog's preview, before the write).
 */
export async function settleEntries(
  db: RegularsDatabase,
  deps: EarningDeps,
  rules: PointsRules,
  original: Purchase,
  pending: readonly PointsEntry[] = [],
  change: ReturnChange | null = null,
): Promise<PointsEntry[]> {
  const linked = await db.pointsEntries.where('purchaseId').equals(original.id).count();
  if (linked === 0 && pending.length === 0) return [];
  const now = deps.now();
  const ledger = [...(await ledgerRange(db, original.customerId).toArray()), ...pending];
  const stored: ReturnChange[] = await db.purchases.where('returnOf').equals(original.id).toArray();
  const returns = change ? [...stored.filter((r) => r.id !== change.id), change] : stored;
  return purchaseReversalEntries(
    ledger,
    { purchaseId: original.id, totalFen: original.totalFen, returnedFen: returnedFen(returns), voided: original.isVoided === 1 },
    { customerId: original.customerId, at: now.toISOString(), allowNegative: rules.negativeBalance === 'allow', restoredExpiresAt: batchExpiresAt(rules, now), newId: deps.newId },
  );
}

/**
 * A voided purchase gives back the gifts redeemed with it: one unit to the stock of each (counted) gift its redeem
 * entries name. A reward no longer in the catalogue, or not counted, has no stock to give back to.
 * Returns the rewards whose stock went back up.
 */
export async function giveBackGiftStock(db: RegularsDatabase, purchase: Pick<Purchase, 'id' | 'customerId'>): Promise<Reward[]> {
  const redeemed = (await db.pointsEntries.where('purchaseId').equals(purchase.id).toArray()).filter((e) => e.kind === 'redeem' && e.rewardId !== null && e.customerId === purchase.customerId);
  const units = new Map<string, number>();
  for (const e of redeemed) units.set(e.rewardId!, (units.get(e.rewardId!) ?? 0) + 1);
  const back: Reward[] = [];
  for (const [id, n] of units) {
    const reward = await db.rewards.get(id);
    if (!reward || reward.kind !== 'gift' || reward.stock === null) continue;
    const updated = { ...reward, stock: reward.stock + n };
    await db.rewards.put(updated);
    back.push(updated);
  }
  return back;
}

/** A purchase or return as an edit leaves it, counted as a return of its original where it is one. */
function asReturnChange(p: Purchase): ReturnChange {
  return { id: p.id, totalFen: p.totalFen, isVoided: p.isVoided };
}

/**
 * The points entries an edit writes, `after` being the purchase as edited: a return settles its original again;
 * a purchase earns what its new amount earns (the difference from before, once), then its returns' share is
 * settled on that. The purchase dialog's preview calls it before the edit is stored, the write after.
 */
export async function editEntries(db: RegularsDatabase, deps: EarningDeps, rules: PointsRules, after: Purchase): Promise<PointsEntry[]> {
  if (after.returnOf !== null) {
    const original = await db.purchases.get(after.returnOf);
    return original ? settleEntries(db, deps, rules, original, [], asReturnChange(after)) : [];
  }
  const reEarned = await reEarnEntries(db, deps, rules, after);
  return [...reEarned, ...(await settleEntries(db, deps, rules, after, reEarned))];
}

/** The points entries a new return of `original` writes: its share of what the original earned and spent (preview and write alike). */
export function returnEntries(db: RegularsDatabase, deps: EarningDeps, rules: PointsRules, original: Purchase, ret: Purchase): Promise<PointsEntry[]> {
  return settleEntries(db, deps, rules, original, [], asReturnChange(ret));
}
