// Loyalty figures: points issued, redeemed, expired and adjusted per month, and the outstanding points as a liability in money.
import { assertNever } from '../../result';
import type { CustomerPointsFields } from '../customer';
import type { DayOf } from '../customerFigures';
import type { PointsEntry } from '../pointsLedger';
import type { PointsRules } from '../pointsRules';
import { monthOfDay } from './periods';

/**
 * The ledger's movement in one month, every entry in exactly one column, so that
 * issued − redeemed − expired + adjusted = the month's change of the store's total balance:
 * - issued: earn, bonus and referral entries, less the earned points taken back by reversals (returns, voids, edits);
 * - redeemed: points spent (redeem), less those given back by reversals of the spent side;
 * - expired: expire entries (written off by the rollover), as a positive number;
 * - adjusted: the owner's adjustments, opening balances brought in by an import, and reversal write-offs (signed).
 */
export interface PointsMonth {
  /** 'yyyy-MM'. */
  month: string;
  issued: number;
  redeemed: number;
  expired: number;
  adjusted: number;
}

const emptyMonth = (month: string): PointsMonth => ({ month, issued: 0, redeemed: 0, expired: 0, adjusted: 0 });

/** Adds one entry to its month's row. */
export function addPointsEntry(row: PointsMonth, e: Pick<PointsEntry, 'kind' | 'points' | 'reverses'>): void {
  switch (e.kind) {
    case 'earn':
    case 'bonus':
    case 'referral':
      row.issued += e.points;
      return;
    case 'redeem':
      row.redeemed -= e.points;
      return;
    case 'expire':
      row.expired -= e.points;
      return;
    case 'reverse':
      if (e.reverses === 'spent') row.redeemed -= e.points;
      else row.issued += e.points;
      return;
    case 'adjust':
    case 'opening':
      row.adjusted += e.points;
      return;
    default:
      assertNever(e.kind);
  }
}

/** The month rows of ledger entries of any customers (months by `dayOf` of createdAt), oldest first. */
export function buildPointsMonths(entries: Iterable<Pick<PointsEntry, 'kind' | 'points' | 'reverses' | 'createdAt'>>, dayOf: DayOf): PointsMonth[] {
  const rows = new Map<string, PointsMonth>();
  for (const e of entries) {
    const month = monthOfDay(dayOf(e.createdAt));
    let row = rows.get(month);
    if (!row) rows.set(month, (row = emptyMonth(month)));
    addPointsEntry(row, e);
  }
  return [...rows.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
}

/** One row per month of `months` (a month without entries reads as zeros), each with the store's total balance at its end (every earlier row of `rows` counted). */
export function pointsReport(rows: readonly PointsMonth[], months: readonly string[]): (PointsMonth & { balanceAtEnd: number })[] {
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  let balance = 0;
  for (const r of rows) if (months.length > 0 && r.month < months[0]!) balance += r.issued - r.redeemed - r.expired + r.adjusted;
  return months.map((month) => {
    const r = byMonth.get(month) ?? emptyMonth(month);
    balance += r.issued - r.redeemed - r.expired + r.adjusted;
    return { ...r, balanceAtEnd: balance };
  });
}

export interface PointsLiability {
  /** Σ of positive balances of active customers: what they can still spend (a negative balance is owed to the store, not set against others'). */
  outstandingPoints: number;
  /** outstandingPoints at the redemption rate (redeem.points points pay redeem.fen), rounded to whole fen. */
  liabilityFen: number;
  /** Of the outstanding, points that expire within the next 30 days (pointsExpiringSoon). */
  expiringSoonPoints: number;
  customersWithPoints: number;
}

/** The outstanding points of the customers' points rows, and what they are worth at the owner's redemption rate. */
export function pointsLiability(rows: Iterable<Pick<CustomerPointsFields, 'pointsBalance' | 'pointsExpiringSoon'> & { isDeleted: 0 | 1 }>, rules: Pick<PointsRules, 'redeem'>): PointsLiability {
  let outstandingPoints = 0;
  let expiringSoonPoints = 0;
  let customersWithPoints = 0;
  for (const r of rows) {
    if (r.isDeleted === 1 || r.pointsBalance <= 0) continue;
    outstandingPoints += r.pointsBalance;
    expiringSoonPoints += Math.min(r.pointsExpiringSoon, r.pointsBalance);
    customersWithPoints += 1;
  }
  return { outstandingPoints, liabilityFen: pointsToFen(outstandingPoints, rules), expiringSoonPoints, customersWithPoints };
}

/** Points in fen at the redemption rate, rounded half up (integer arithmetic while the product is a safe integer). */
export function pointsToFen(points: number, rules: Pick<PointsRules, 'redeem'>): number {
  const { points: per, fen } = rules.redeem;
  return Math.floor((points * fen * 2 + per) / (2 * per));
}

/** A month row with nothing in it (the store's months keep no such row). */
export const isEmptyPointsMonth = (m: PointsMonth): boolean => m.issued === 0 && m.redeemed === 0 && m.expired === 0 && m.adjusted === 0;

/**
 * The store's month rows after entries were added and others deleted (entries moved to another customer are both, and
 * cancel): `stored` (the rows of every month either touches, as read) with each month's difference, and which months'
 * rows go. Entries are never edited otherwise: the kind, points and time of an entry never change.
 */
export function pointsMonthsAfter(
  stored: ReadonlyMap<string, PointsMonth>,
  added: Iterable<Pick<PointsEntry, 'kind' | 'points' | 'reverses' | 'createdAt'>>,
  removed: Iterable<Pick<PointsEntry, 'kind' | 'points' | 'reverses' | 'createdAt'>>,
  dayOf: DayOf,
): { put: PointsMonth[]; remove: string[] } {
  const rows = new Map<string, PointsMonth>();
  const rowOf = (createdAt: string) => {
    const month = monthOfDay(dayOf(createdAt));
    let row = rows.get(month);
    if (!row) rows.set(month, (row = { ...(stored.get(month) ?? emptyMonth(month)) }));
    return row;
  };
  for (const e of added) addPointsEntry(rowOf(e.createdAt), e);
  for (const e of removed) addPointsEntry(rowOf(e.createdAt), { ...e, points: -e.points });
  const put: PointsMonth[] = [];
  const remove: string[] = [];
  for (const row of [...rows.values()].sort((a, b) => (a.month < b.month ? -1 : 1))) {
    if (!isEmptyPointsMonth(row)) put.push(row);
    else if (stored.has(row.month)) remove.push(row.month);
  }
  return { put, remove };
}
