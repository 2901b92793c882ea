// Referral points: who earns what when a referred customer makes their first purchase, once per new customer.
import { err, ok, type Result } from '../result';
import { pointsEntry, type PointsEntry } from './pointsLedger';
import type { PointsRules } from './pointsRules';

export const REFERRAL_REFUSALS = [
  /** The rules give no referral points (award 'none', or 0 points for whoever would earn). */
  'referral-off',
  'no-referrer',
  'not-first-purchase',
  /** The referrer is the new customer, or a record merged with them. */
  'self-referral',
  /** The referrer is not (or no longer) a customer of the store: deleted, in the trash, erased. */
  'referrer-unknown',
  'already-awarded',
] as const;
export type ReferralRefusal = (typeof REFERRAL_REFUSALS)[number];

export interface ReferralFacts {
  newCustomerId: string;
  /** The new customer's referred-by field. */
  referredBy: string | null;
  /** Every id that is the new customer: their own and those merged with them. */
  sameCustomerIds: ReadonlySet<string>;
  /** The referrer is a customer now (not deleted, not in the trash). */
  referrerActive: boolean;
  /** This purchase is the new customer's first (non-voided) one. */
  isFirstPurchase: boolean;
  /** The referral entries already in the ledgers of the new customer (and their merged ids) and of the referrer. */
  entries: readonly Pick<PointsEntry, 'kind' | 'customerId' | 'referralCustomerId' | 'rule'>[];
}

export interface ReferralAward {
  role: 'referrer' | 'referred';
  /** Whose ledger the points go to. */
  customerId: string;
  /** The other customer of the referral. */
  referralCustomerId: string;
  points: number;
}

/** Whether any referral entry already rewards the new customer's referral (on either side, under any of their ids). */
export function referralAlreadyAwarded(entries: ReferralFacts['entries'], sameCustomerIds: ReadonlySet<string>): boolean {
  return entries.some(
    (e) =>
      e.kind === 'referral' &&
      ((e.rule === 'referred' && sameCustomerIds.has(e.customerId)) || (e.rule === 'referrer' && e.referralCustomerId !== null && sameCustomerIds.has(e.referralCustomerId))),
  );
}

/** Who earns what for a referred customer's first purchase (referrer, new customer or both, as the rules say), or why nobody does. */
export function referralAwards(rules: Pick<PointsRules, 'referral'>, facts: ReferralFacts): Result<ReferralAward[], ReferralRefusal> {
  const { referredBy, newCustomerId } = facts;
  if (referredBy === null || referredBy === '') return err('no-referrer');
  if (referredBy === newCustomerId || facts.sameCustomerIds.has(referredBy)) return err('self-referral');
  if (!facts.referrerActive) return err('referrer-unknown');
  if (!facts.isFirstPurchase) return err('not-first-purchase');
  const same = new Set(facts.sameCustomerIds).add(newCustomerId);
  if (referralAlreadyAwarded(facts.entries, same)) return err('already-awarded');
  const { award, referrerPoints, referredPoints } = rules.referral;
  const out: ReferralAward[] = [];
  if ((award === 'referrer' || award === 'both') && referrerPoints > 0) {
    out.push({ role: 'referrer', customerId: referredBy, referralCustomerId: newCustomerId, points: referrerPoints });
  }
  if ((award === 'referred' || award === 'both') && referredPoints > 0) {
    out.push({ role: 'referred', customerId: newCustomerId, referralCustomerId: referredBy, points: referredPoints });
  }
  return out.length === 0 ? err('referral-off') : ok(out);
}

/** The ledger entries of the awards, linked to the purchase that caused them. */
export function referralEntries(awards: readonly ReferralAward[], purchaseId: string, at: string, expiresAt: string | null, newId: () => string): PointsEntry[] {
  return awards.map((a) =>
    pointsEntry(
      { customerId: a.customerId, kind: 'referral', points: a.points, createdAt: at, expiresAt, purchaseId, referralCustomerId: a.referralCustomerId, rule: a.role },
      newId,
    ),
  );
}
