// What the purchase dialog shows of a customer's points, read in one transaction: what they may spend, the rules in
// force, the rewards on offer, and the facts the earning reads (the same function the purchase write reads them with),
// so the preview is what is written; and what an edit or a return would do to points, by the write's own functions.
import type { StatusSettings } from '../../shared/domain/customerStatus';
import { derivePointsLedger, pointsSummary, type PointsEntry, type PointsSummary } from '../../shared/domain/pointsLedger';
import { pointsForPurchase, type PointsCustomerFacts, type PointsEarning, type PointsRules } from '../../shared/domain/pointsRules';
import { editedPurchaseRecord, newPurchaseRecord, type Purchase, type PurchaseFields } from '../../shared/domain/purchase';
import { pointsPayment, type PointsPayment, type RedeemingCustomer, type Reward } from '../../shared/domain/rewards';
import type { RegularsDatabase } from './database';
import { ledgerRange, POINTS_SOON_DAYS } from './derivation/points';
import { customerPointsFacts, editEntries, readPointsRules, returnEntries } from './pointsEarning';
import { createSettingsRepository } from './settings';

export interface TillPointsRead {
  summary: PointsSummary;
  rules: PointsRules;
  /** What the earning reads of the customer for a new purchase. */
  facts: PointsCustomerFacts;
  customer: RedeemingCustomer;
  /** The grouping in force, to name the customer's tier. */
  status: StatusSettings;
  /** The catalogue's rewards not withdrawn, by name (whether this customer may redeem each is canRedeem's). */
  rewards: Reward[];
}

/** What a change to a purchase does to the customer's points, as the entries it writes add up. */
export interface PointsChange {
  /** Signed: points the purchase earns more (> 0), or that are taken back (< 0). */
  earned: number;
  /** Signed: points spent on the purchase (paying with points, a reward) given back (> 0), or taken again (< 0). */
  spent: number;
  /** Of those, what comes back for the reward redeemed with it. */
  reward: number;
  /** Written off so the balance stops at zero (the owner's choice). */
  writtenOff: number;
}

/** The entries of one write added up for the dialog to say. */
export function pointsChangeOf(entries: readonly PointsEntry[]): PointsChange {
  const change: PointsChange = { earned: 0, spent: 0, reward: 0, writtenOff: 0 };
  for (const e of entries) {
    if (e.kind === 'earn' || e.kind === 'bonus' || (e.kind === 'reverse' && e.reverses === 'earned')) change.earned += e.points;
    else if (e.kind === 'reverse' && e.reverses === 'spent') {
      change.spent += e.points;
      if (e.rewardId !== null) change.reward += e.points;
    } else if (e.kind === 'adjust' && e.rule === 'reversal-write-off') change.writtenOff += e.points;
  }
  return change;
}

/** Edits and returns, previewed: the purchase as it would be stored (as the write makes it), not stored. */
export type PointsChangeRequest =
  | { kind: 'edit'; purchaseId: string; fields: PurchaseFields }
  | { kind: 'return'; originalId: string; fields: PurchaseFields };

export function createTillPointsReader(db: RegularsDatabase, deps: { now: () => Date }) {
  const settings = createSettingsRepository(db);
  // The preview's entries are added up and dropped: their ids are never stored.
  const previewDeps = { now: deps.now, newId: () => 'preview' };
  return {
    /**
     * What saving an edit or a return would do to the customer's points: the write's own functions
     * (editEntries, returnEntries) run on the purchase as the write would store it, in a read transaction.
     * null when the purchase is not found; a change of nothing when the purchase took no part in points.
     */
    async previewChange(request: PointsChangeRequest): Promise<PointsChange | null> {
      return db.transaction('r', [db.pointsEntries, db.settings, db.customers, db.customerState, db.purchases], async () => {
        const rules = await readPointsRules(db);
        const now = deps.now();
        if (request.kind === 'edit') {
          const existing = await db.purchases.get(request.purchaseId);
          if (!existing || existing.isVoided === 1) return null;
          return pointsChangeOf(await editEntries(db, previewDeps, rules, editedPurchaseRecord(existing, request.fields, now)));
        }
        const original = await db.purchases.get(request.originalId);
        if (!original) return null;
        const ret: Purchase = newPurchaseRecord(request.fields, { id: 'preview', customerId: original.customerId, now, returnOf: original.id });
        return pointsChangeOf(await returnEntries(db, previewDeps, rules, original, ret));
      });
    },

    /** The customer's points at the till now; null when the customer is not found. */
    async read(customerId: string): Promise<TillPointsRead | null> {
      return db.transaction('r', [db.pointsEntries, db.settings, db.customers, db.customerState, db.pointsState, db.purchases, db.rewards], async () => {
        const record = await db.customers.get(customerId);
        if (!record) return null;
        const entries = await ledgerRange(db, customerId).toArray();
        const rules = await readPointsRules(db);
        const { referredBy: _referredBy, ...facts } = await customerPointsFacts(db, customerId, null);
        const status = await settings.statusRules();
        const rewards = (await db.rewards.toArray()).filter((r) => r.active).sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
        return {
          summary: pointsSummary(derivePointsLedger(entries), deps.now(), POINTS_SOON_DAYS),
          rules,
          facts,
          customer: { tierId: facts.tierId, isDeleted: record.isDeleted },
          status,
          rewards,
        };
      });
    },
  };
}

/** Paying part of a purchase of `amountFen` with the points asked for, as the purchase write will check it. */
export function tillPayment(read: Pick<TillPointsRead, 'rules' | 'summary'>, amountFen: number, requestedPoints: number): PointsPayment {
  return pointsPayment(read.rules, amountFen, Math.max(0, read.summary.available), requestedPoints);
}

/** What a new purchase of these fields earns, paid `paidWithPointsFen` with points: the purchase write's own calculation. */
export function tillEarning(read: Pick<TillPointsRead, 'rules' | 'facts'>, fields: Pick<PurchaseFields, 'purchasedAt' | 'lines' | 'totalFen'>, paidWithPointsFen: number, now: Date): PointsEarning {
  return pointsForPurchase(read.rules, { purchasedAt: fields.purchasedAt, lines: fields.lines, totalFen: fields.totalFen, paidWithPointsFen }, read.facts, now);
}
