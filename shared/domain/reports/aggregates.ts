// The small pre-aggregated rows the reports read (sales per day, each customer's month), and how raw purchases make them.
import { fullyReturnedIds, isVisit, type DayOf, type FigureInput } from '../customerFigures';
import type { Purchase } from '../purchase';
import { monthOfDay } from './periods';

/** What the aggregates read of a purchase: the figures' fields, the customer, and how it was paid. */
export type ReportPurchase = FigureInput & Pick<Purchase, 'customerId' | 'paymentNote'> & Partial<Pick<Purchase, 'pointsPaidFen' | 'rewardFen'>>;

/** The payment method of a purchase's money part: the payment note as typed, trimmed ('' when none was noted). */
export const paymentMethodOf = (p: Pick<Purchase, 'paymentNote'>): string => p.paymentNote.trim();

/**
 * The store's sales of one calendar day. Voided purchases are left out; a return counts on its own day.
 * revenueFen = Σ totalFen of that day's purchases and returns (so it may be negative), the customers' total spent.
 * purchases = that day's visits (isVisit: not a return, not returned in full).
 * The revenue is split by what paid it: `pointsFen` (paid with points), `rewardFen` (taken off by a reward), and
 * the rest by payment method (`byMethodFen`, keyed by paymentMethodOf: cash, card, WeChat, as the clerk notes it),
 * so that Σ byMethodFen + pointsFen + rewardFen = revenueFen.
 */
export interface SalesDay {
  /** 'yyyy-MM-dd' in the store's time zone. */
  day: string;
  revenueFen: number;
  purchases: number;
  pointsFen: number;
  rewardFen: number;
  byMethodFen: Record<string, number>;
}

/** One customer's visits in one calendar month. */
export interface CustomerMonth {
  customerId: string;
  /** 'yyyy-MM'. */
  month: string;
  /** Visits (isVisit) that month. */
  purchases: number;
  /** Net spend that month: purchases less returns, each on its own day. */
  revenueFen: number;
  /** The days of the month (1–31) with a visit, ascending, each once: a customer's visit days, which gaps and churn need. */
  days: number[];
}

const emptyDay = (day: string): SalesDay => ({ day, revenueFen: 0, purchases: 0, pointsFen: 0, rewardFen: 0, byMethodFen: {} });

/** Purchases of any customers, any order; fully returned purchases are found across them by id. */
export function buildSalesDays(purchases: readonly ReportPurchase[], dayOf: DayOf): SalesDay[] {
  const fullyReturned = fullyReturnedIds(purchases);
  const days = new Map<string, SalesDay>();
  for (const p of purchases) {
    if (p.isVoided === 1) continue;
    const day = dayOf(p.purchasedAt);
    let row = days.get(day);
    if (!row) days.set(day, (row = emptyDay(day)));
    const points = p.pointsPaidFen ?? 0;
    const reward = p.rewardFen ?? 0;
    const method = paymentMethodOf(p);
    row.revenueFen += p.totalFen;
    row.pointsFen += points;
    row.rewardFen += reward;
    row.byMethodFen[method] = (row.byMethodFen[method] ?? 0) + p.totalFen - points - reward;
    if (isVisit(p, fullyReturned)) row.purchases += 1;
  }
  return [...days.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** The customer-month rows of purchases of any customers, any order, sorted by customer then month. */
export function buildCustomerMonths(purchases: readonly ReportPurchase[], dayOf: DayOf): CustomerMonth[] {
  const fullyReturned = fullyReturnedIds(purchases);
  const rows = new Map<string, CustomerMonth & { daySet: Set<number> }>();
  for (const p of purchases) {
    if (p.isVoided === 1) continue;
    const day = dayOf(p.purchasedAt);
    const month = monthOfDay(day);
    const key = `${p.customerId}\u0000${month}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { customerId: p.customerId, month, purchases: 0, revenueFen: 0, days: [], daySet: new Set() }));
    row.revenueFen += p.totalFen;
    if (!isVisit(p, fullyReturned)) continue;
    row.purchases += 1;
    row.daySet.add(Number(day.slice(8, 10)));
  }
  const out: CustomerMonth[] = [];
  for (const { daySet, ...row } of rows.values()) out.push({ ...row, days: [...daySet].sort((a, b) => a - b) });
  return out.sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

/** Each customer's visit days ('yyyy-MM-dd', ascending, each once) from their month rows; customers without a visit are left out. */
export function visitDaysByCustomer(months: Iterable<CustomerMonth>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of months) {
    if (m.days.length === 0) continue;
    let days = out.get(m.customerId);
    if (!days) out.set(m.customerId, (days = []));
    for (const d of m.days) days.push(`${m.month}-${d < 10 ? '0' : ''}${d}`);
  }
  for (const days of out.values()) days.sort();
  return out;
}
