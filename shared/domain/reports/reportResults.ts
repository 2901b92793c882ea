// What the reports worker answers for each report (the screens draw these), and the windows a report is compared with.
import { assertNever } from '../../result';
import { addMonthsToDay } from '../churn';
import { dayNumber } from '../customerFigures';
import type { LifecycleStage } from '../lifecycle';
import type { ChurnMonthRow, BoughtAgainRow, CohortRow, FrequencyBucket, NewReturningRow, RepurchaseRow } from './customers';
import type { PointsLiability, PointsMonth } from './loyalty';
import { addDaysToDay, addPeriods, periodOf, periodsBetween, periodStart, type ReportGrain } from './periods';
import type { SalesFigures, SalesPeriodRow } from './sales';
import type { ChurnRiskToday, RfmGrid, TierMovementRow } from './status';

/** Days from `fromDay` to `toDay`, both included ('yyyy-MM-dd'). */
export interface ReportWindow {
  fromDay: string;
  toDay: string;
}

/** What a screen asks for: the days shown, how they are grouped, and today (the day figures are judged at). */
export interface ReportRequest extends ReportWindow {
  grain: ReportGrain;
  /** Today in the store's time zone: repurchase windows still open, churn and cohorts are judged as of this day. */
  asOfDay: string;
}

/** A figure for the window asked, the window before it and the same window a year earlier. */
export interface Compared<T> {
  current: T;
  previous: T;
  lastYear: T;
  /** The windows `previous` and `lastYear` cover (comparisonWindows). */
  previousWindow: ReportWindow;
  lastYearWindow: ReportWindow;
}

/**
 * The window before and the same window a year earlier, each as many periods long as the window asked and cut the
 * same way: by month grain both ends move back by as many months as the window holds (a 31st becomes the last
 * day of a shorter month), by week 7 days per week, by day one day per day; a year earlier is 12 months back, or
 * 52 weeks for the week grain (the same weekdays, as samePeriodLastYear).
 */
export function comparisonWindows(window: ReportWindow, grain: ReportGrain): { previousWindow: ReportWindow; lastYearWindow: ReportWindow } {
  const n = Math.max(1, periodsBetween(window.fromDay, window.toDay, grain).length);
  const shiftMonths = (w: ReportWindow, months: number): ReportWindow => ({ fromDay: addMonthsToDay(w.fromDay, months), toDay: addMonthsToDay(w.toDay, months) });
  const shiftDays = (w: ReportWindow, days: number): ReportWindow => ({ fromDay: addDaysToDay(w.fromDay, days), toDay: addDaysToDay(w.toDay, days) });
  switch (grain) {
    case 'month':
      return { previousWindow: shiftMonths(window, -n), lastYearWindow: shiftMonths(window, -12) };
    case 'week':
      return { previousWindow: shiftDays(window, -7 * n), lastYearWindow: shiftDays(window, -364) };
    case 'day': {
      const days = dayNumber(window.toDay) - dayNumber(window.fromDay) + 1;
      return { previousWindow: shiftDays(window, -days), lastYearWindow: shiftMonths(window, -12) };
    }
    default:
      return assertNever(grain);
  }
}

/** A screen's default window: the `count` periods up to the one holding `today`, the last cut at today. */
export function lastPeriods(today: string, grain: ReportGrain, count: number): ReportWindow {
  return { fromDay: periodStart(addPeriods(periodOf(today, grain), grain, -(Math.max(1, count) - 1)), grain), toDay: today };
}

/** Sales: one row per period (each against its period before and a year before: salesReport), and the window's totals. */
export interface SalesReportResult {
  request: ReportRequest;
  rows: SalesPeriodRow[];
  totals: Compared<SalesFigures>;
}

/** A window's customer figures in one line. */
export interface CustomersSummary {
  /** Customers with a visit in the window. */
  active: number;
  /** Of them, those whose first visit ever is in the window. */
  newCustomers: number;
  returning: number;
  /** Customers whose first visit is in the window, whose 90-day repurchase is decided or pending (repurchaseRate). */
  firstTimers: number;
  repeated: number;
  pending: number;
  /** repeated ÷ (firstTimers − pending), 0–1; null when none is decided. */
  repurchaseRate: number | null;
}

/** Customers: new against returning, 90-day repurchase, bought again, cohorts and visit frequency over the window. */
export interface CustomersReportResult {
  request: ReportRequest;
  newVsReturning: NewReturningRow[];
  repurchase: RepurchaseRow[];
  boughtAgain: BoughtAgainRow[];
  /** Cohorts of the window's first month to asOfDay's month (cohortRetention): the heat map. */
  cohorts: CohortRow[];
  /** Customers by visits in the window's months (visitFrequency). */
  frequency: FrequencyBucket[];
  totals: Compared<CustomersSummary>;
}

/** Churn per month of the window by the lifecycle rules in force (churnByMonth), and the window's share against the two compared. */
export interface ChurnReportResult {
  request: ReportRequest;
  months: ChurnMonthRow[];
  /** Σ churned ÷ Σ base over the window's months; null when the base is 0. */
  totals: Compared<{ churned: number; base: number; cameBack: number; rate: number | null }>;
}

/** Tiers and stages: the spread today, the movement per month of the window, the RFM grid, and today's churn risk by level. */
export interface StatusReportResult {
  request: ReportRequest;
  /** 'tiers' (the owner's scheme) or 'rfm' (tier ids rfm:<segment>). */
  grouping: 'tiers' | 'rfm';
  /** Tier ids best first, as the movement counts up and down. */
  tierOrder: string[];
  tiers: { tierId: string; customers: number }[];
  stages: { stage: LifecycleStage; customers: number }[];
  /** One row per month of the window; churned and came back from the churn series. */
  movement: TierMovementRow[];
  rfm: RfmGrid;
  risk: ChurnRiskToday;
}

/** The points ledger's movement summed over a window. */
export type PointsTotals = Omit<PointsMonth, 'month'>;

/** Loyalty: points issued, redeemed, expired and adjusted per month with the balance, and the outstanding liability today. */
export interface LoyaltyReportResult {
  request: ReportRequest;
  months: (PointsMonth & { balanceAtEnd: number })[];
  totals: Compared<PointsTotals>;
  liability: PointsLiability;
}

/** The reports the worker computes, by name. */
export interface ReportResults {
  sales: SalesReportResult;
  customers: CustomersReportResult;
  churn: ChurnReportResult;
  status: StatusReportResult;
  loyalty: LoyaltyReportResult;
}

export type ReportName = keyof ReportResults;

export const REPORT_NAMES = ['sales', 'customers', 'churn', 'status', 'loyalty'] as const satisfies readonly ReportName[];
