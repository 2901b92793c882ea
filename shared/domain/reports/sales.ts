// Sales figures per day, week or month (revenue, purchases, average ticket) against the period before and the same period last year.
import type { SalesDay } from './aggregates';
import { dayNumber } from '../customerFigures';
import { addDaysToDay, addPeriods, dayOfNumber, percentChange, periodEnd, periodOf, periodsBetween, periodStart, samePeriodLastYear, type ReportGrain } from './periods';

export interface SalesFigures {
  revenueFen: number;
  purchases: number;
  /** revenueFen ÷ purchases, rounded to whole fen; null without purchases. */
  averageTicketFen: number | null;
  pointsFen: number;
  rewardFen: number;
  byMethodFen: Record<string, number>;
}

/** Percent changes (percentChange: null when the base is 0 or unknown). */
export interface SalesChange {
  revenue: number | null;
  purchases: number | null;
  averageTicket: number | null;
}

export interface SalesPeriodRow extends SalesFigures {
  /** The period's key (periodOf). */
  period: string;
  /** The period is cut at the report's last day (and so are the two compared with it). */
  partial: boolean;
  previousPeriod: string;
  previous: SalesFigures;
  lastYearPeriod: string;
  lastYear: SalesFigures;
  vsPrevious: SalesChange;
  vsLastYear: SalesChange;
}

export const averageTicket = (revenueFen: number, purchases: number): number | null => (purchases === 0 ? null : Math.round(revenueFen / purchases));

function figuresOf(t: Omit<SalesFigures, 'averageTicketFen'> | undefined): SalesFigures {
  if (!t) return { revenueFen: 0, purchases: 0, averageTicketFen: null, pointsFen: 0, rewardFen: 0, byMethodFen: {} };
  return { ...t, byMethodFen: { ...t.byMethodFen }, averageTicketFen: averageTicket(t.revenueFen, t.purchases) };
}

const change = (now: SalesFigures, base: SalesFigures): SalesChange => ({
  revenue: percentChange(now.revenueFen, base.revenueFen),
  purchases: percentChange(now.purchases, base.purchases),
  averageTicket: percentChange(now.averageTicketFen, base.averageTicketFen),
});

/** Sales days summed by period. */
export function salesByPeriod(days: Iterable<SalesDay>, grain: ReportGrain): Map<string, SalesFigures> {
  const sums = new Map<string, Omit<SalesFigures, 'averageTicketFen'>>();
  for (const d of days) {
    const key = periodOf(d.day, grain);
    let s = sums.get(key);
    if (!s) sums.set(key, (s = { revenueFen: 0, purchases: 0, pointsFen: 0, rewardFen: 0, byMethodFen: {} }));
    s.revenueFen += d.revenueFen;
    s.purchases += d.purchases;
    s.pointsFen += d.pointsFen;
    s.rewardFen += d.rewardFen;
    for (const [method, fen] of Object.entries(d.byMethodFen)) s.byMethodFen[method] = (s.byMethodFen[method] ?? 0) + fen;
  }
  const out = new Map<string, SalesFigures>();
  for (const [key, s] of sums) out.set(key, figuresOf(s));
  return out;
}

/** The first day a sales report from `fromDay` needs: the earlier of the first period's previous one and its same period last year. */
export function salesDaysNeeded(fromDay: string, grain: ReportGrain): string {
  const first = periodOf(fromDay, grain);
  return [periodStart(addPeriods(first, grain, -1), grain), periodStart(samePeriodLastYear(first, grain), grain)].sort()[0]!;
}

/**
 * One row per period holding a day of [fromDay, toDay], oldest first, each with the period before it and the same
 * period a year earlier (samePeriodLastYear). Periods are whole, but for the last one when toDay cuts it (this
 * month so far): it counts its days up to toDay, and so do the two it is compared with (as many days from their
 * start), so that a month half gone is not set against a whole one. `days` must cover salesDaysNeeded(fromDay,
 * grain) to toDay; a day without a row had no sales.
 */
export function salesReport(days: readonly SalesDay[], fromDay: string, toDay: string, grain: ReportGrain): SalesPeriodRow[] {
  const byDay = new Map<string, SalesDay>();
  for (const d of days) byDay.set(d.day, d);
  const sum = (key: string, dayCount: number | null): SalesFigures => {
    const start = periodStart(key, grain);
    const whole = periodEnd(key, grain);
    const cut = dayCount === null ? whole : addDaysToDay(start, dayCount - 1);
    // A shorter month compared with the 31st is whole.
    const end = cut < whole ? cut : whole;
    const picked: SalesDay[] = [];
    for (let n = dayNumber(start), last = dayNumber(end); n <= last; n++) {
      const d = byDay.get(dayOfNumber(n));
      if (d) picked.push(d);
    }
    return salesByPeriod(picked, grain).get(key) ?? figuresOf(undefined);
  };
  return periodsBetween(fromDay, toDay, grain).map((period) => {
    const cut = periodEnd(period, grain) > toDay ? dayNumber(toDay) - dayNumber(periodStart(period, grain)) + 1 : null;
    const previousPeriod = addPeriods(period, grain, -1);
    const lastYearPeriod = samePeriodLastYear(period, grain);
    const now = sum(period, cut);
    const previous = sum(previousPeriod, cut);
    const lastYear = sum(lastYearPeriod, cut);
    return { period, partial: cut !== null, ...now, previousPeriod, previous, lastYearPeriod, lastYear, vsPrevious: change(now, previous), vsLastYear: change(now, lastYear) };
  });
}

/** The sales of the days of [fromDay, toDay] summed into one figure (a window's total). */
export function salesTotal(days: Iterable<SalesDay>, fromDay: string, toDay: string): SalesFigures {
  const picked: SalesDay[] = [];
  for (const d of days) if (d.day >= fromDay && d.day <= toDay) picked.push({ ...d, day: fromDay });
  return salesByPeriod(picked, 'day').get(fromDay) ?? figuresOf(undefined);
}
