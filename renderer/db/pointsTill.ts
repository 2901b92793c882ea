// What the purchase dialog shows of a customer's points, read in one transaction: what they may spend, the rules in
// force, and the facts the earning reads (the same function the purchase write reads them with), so the preview is what is written.
import type { StatusSettings } from '../../shared/domain/customerStatus';
import { derivePointsLedger, pointsSummary, type PointsSummary } from '../../shared/domain/pointsLedger';
import { pointsForPurchase, type PointsCustomerFacts, type PointsEarning, type PointsRules } from '../../shared/domain/pointsRules';
import type { PurchaseFields } from '../../shared/domain/purchase';
import { pointsPayment, type PointsPayment, type RedeemingCustomer } from '../../shared/domain/rewards';
import type { RegularsDatabase } from './database';
import { ledgerRange, POINTS_SOON_DAYS } from './derivation/points';
import { customerPointsFacts, readPointsRules } from './pointsEarning';
import { createSettingsRepository } from './settings';

export interface TillPointsRead {
  summary: PointsSummary;
  rules: PointsRules;
  /** What the earning reads of the customer for a new purchase. */
  facts: PointsCustomerFacts;
  customer: RedeemingCustomer;
  /** The grouping in force, to name the customer's tier. */
  status: StatusSettings;
}

export function createTillPointsReader(db: RegularsDatabase, deps: { now: () => Date }) {
  const settings = createSettingsRepository(db);
  return {
    /** The customer's points at the till now; null when the customer is not found. */
    async read(customerId: string): Promise<TillPointsRead | null> {
      return db.transaction('r', [db.pointsLedger, db.settings, db.customers, db.customerState, db.purchases], async () => {
        const record = await db.customers.get(customerId);
        if (!record) return null;
        const entries = await ledgerRange(db, customerId).toArray();
        const rules = await readPointsRules(db);
        const { referredBy: _referredBy, ...facts } = await customerPointsFacts(db, customerId, null);
        const status = await settings.statusRules();
        return {
          summary: pointsSummary(derivePointsLedger(entries), deps.now(), POINTS_SOON_DAYS),
          rules,
          facts,
          customer: { tierId: facts.tierId, isDeleted: record.isDeleted },
          status,
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
