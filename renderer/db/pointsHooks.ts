// Live-query hooks of loyalty points (kept apart from hooks.ts, which the customer screens own).
import { useLiveQuery } from 'dexie-react-hooks';
import type { PointsEntry } from '../../shared/domain/pointsLedger';
import type { PointsRules } from '../../shared/domain/pointsRules';
import { customerReads, purchases } from './appRepositories';
import { points } from './index';

/** What a customer's points section shows: the whole ledger, the names its entries point to, and the rules in force. */
export interface CustomerPointsData {
  customerId: string;
  entries: PointsEntry[];
  names: {
    rewards: Map<string, string>;
    customers: Map<string, string>;
    purchases: Map<string, { purchasedAt: string; totalFen: number }>;
  };
  negativeBalance: PointsRules['negativeBalance'];
}

/** A customer's points, kept current as entries are written; undefined while loading. */
export function useCustomerPoints(customerId: string): CustomerPointsData | undefined {
  return useLiveQuery(async () => {
    const [entries, rewards, { rules }] = await Promise.all([points.history(customerId), points.rewards(), points.rules()]);
    // The customer's purchases in one range read; an entry of a purchase elsewhere (moved by a merge) is looked up alone.
    const own = await purchases.listForCustomer(customerId);
    const byId = new Map(own.map((p) => [p.id, { purchasedAt: p.purchasedAt, totalFen: p.totalFen }]));
    const missing = [...new Set(entries.flatMap((e) => (e.purchaseId !== null && !byId.has(e.purchaseId) ? [e.purchaseId] : [])))];
    for (const p of await Promise.all(missing.map((id) => purchases.get(id)))) if (p) byId.set(p.id, { purchasedAt: p.purchasedAt, totalFen: p.totalFen });
    const partnerIds = [...new Set(entries.flatMap((e) => (e.referralCustomerId !== null ? [e.referralCustomerId] : [])))];
    const partners = partnerIds.length ? await customerReads.getMany(partnerIds) : [];
    return {
      customerId,
      entries,
      names: {
        rewards: new Map(rewards.map((r) => [r.id, r.name])),
        customers: new Map(partners.flatMap((c) => (c ? [[c.id, c.name] as const] : []))),
        purchases: byId,
      },
      negativeBalance: rules.negativeBalance,
    };
  }, [customerId]);
}
