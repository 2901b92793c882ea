// Report periods (day, week, month) as keys over 'yyyy-MM-dd' calendar days, with the period before and the same period a year earlier.
import { assertNever } from '../../result';
import { addMonthsToDay } from '../churn';
import { dayNumber } from '../customerFigures';

export const REPORT_GRAINS = ['day', 'week', 'month'] as const;
export type ReportGrain = (typeof REPORT_GRAINS)[number];

const DAY_MS = 86_400_000;

/** The 'yyyy-MM-dd' of a day number (days since 1970-01-01, as dayNumber gives). */
export function dayOfNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** 'yyyy-MM-dd' moved by whole days. */
export function addDaysToDay(day: string, days: number): string {
  return dayOfNumber(dayNumber(day) + days);
}

/** 'yyyy-MM' of a 'yyyy-MM-dd' day. */
export const monthOfDay = (day: string): string => day.slice(0, 7);

/** 'yyyy-MM' moved by whole months. */
export function addMonthsToMonth(month: string, months: number): string {
  return addMonthsToDay(`${month}-01`, months).slice(0, 7);
}

/** Whole months from `from` to `to` ('yyyy-MM'), negative when `to` is earlier. */
export function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}

/** The Monday of a day's week (weeks run Monday to Sunday, as calendars in China do). */
export function weekOfDay(day: string): string {
  const n = dayNumber(day);
  // 1970-01-01 was a Thursday: day number 0 is weekday 3 counted from Monday.
  return dayOfNumber(n - ((((n + 3) % 7) + 7) % 7));
}

/**
 * The key of the period a day falls in: the day itself, the Monday of its week, or 'yyyy-MM'.
 * Keys of one grain sort as strings in time order.
 */
export function periodOf(day: string, grain: ReportGrain): string {
  switch (grain) {
    case 'day':
      return day;
    case 'week':
      return weekOfDay(day);
    case 'month':
      return monthOfDay(day);
    default:
      return assertNever(grain);
  }
}

/** The first day of a period. */
export function periodStart(key: string, grain: ReportGrain): string {
  return grain === 'month' ? `${key}-01` : key;
}

/** The period `steps` periods after (negative: before) `key`. */
export function addPeriods(key: string, grain: ReportGrain, steps: number): string {
  switch (grain) {
    case 'day':
      return addDaysToDay(key, steps);
    case 'week':
      return addDaysToDay(key, 7 * steps);
    case 'month':
      return addMonthsToMonth(key, steps);
    default:
      return assertNever(grain);
  }
}

/** The last day of a period. */
export function periodEnd(key: string, grain: ReportGrain): string {
  return addDaysToDay(periodStart(addPeriods(key, grain, 1), grain), -1);
}

/**
 * The same period a year earlier: the same calendar day (29 February → 28 February) or month; for a week, the
 * week 52 weeks before, so that it holds the same weekdays (a week-on-week comparison of shop days).
 */
export function samePeriodLastYear(key: string, grain: ReportGrain): string {
  switch (grain) {
    case 'day':
      return addMonthsToDay(key, -12);
    case 'week':
      return addPeriods(key, 'week', -52);
    case 'month':
      return addMonthsToMonth(key, -12);
    default:
      return assertNever(grain);
  }
}

/** The keys of every period that holds a day of [fromDay, toDay], oldest first; empty when toDay < fromDay. */
export function periodsBetween(fromDay: string, toDay: string, grain: ReportGrain): string[] {
  if (toDay < fromDay) return [];
  const out: string[] = [];
  const last = periodOf(toDay, grain);
  for (let key = periodOf(fromDay, grain); key <= last; key = addPeriods(key, grain, 1)) out.push(key);
  return out;
}

/** The change from `base` to `value` in percent (−25 is a quarter down); null when the base is 0 or either is unknown. */
export function percentChange(value: number | null, base: number | null): number | null {
  if (value === null || base === null || base === 0) return null;
  return ((value - base) / Math.abs(base)) * 100;
}

/** part / whole as a share 0–1; null when the whole is 0. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
