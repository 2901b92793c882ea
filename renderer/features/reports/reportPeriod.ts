// The reports' period picker as data: a grain and how many periods back from today, the window of days it covers,
// how many months the satisfaction figures then need, and a period's key in the reader's words. Pure.
import { addPeriods, monthsBetween, periodOf, periodStart, type ReportGrain } from '../../../shared/domain/reports';
import { assertNever } from '../../../shared/result';

/** How many periods a grain offers, the first the default. */
export const REPORT_SPANS: Readonly<Record<ReportGrain, readonly number[]>> = {
  month: [12, 6, 3, 24],
  week: [13, 8, 4, 26],
  day: [30, 14, 7, 60],
};

export interface ReportChoice {
  grain: ReportGrain;
  /** Periods shown, the one holding today last. */
  span: number;
}

export const DEFAULT_REPORT_CHOICE: ReportChoice = { grain: 'month', span: REPORT_SPANS.month[0]! };

/** The days the choice covers: from the first day of the first period to today, both included. */
export function reportWindow(choice: ReportChoice, today: string): { fromDay: string; toDay: string } {
  const last = periodOf(today, choice.grain);
  return { fromDay: periodStart(addPeriods(last, choice.grain, -(choice.span - 1)), choice.grain), toDay: today };
}

/** The calendar months a window touches (the satisfaction figures count by month, ending with today's). */
export function monthsOfWindow(window: { fromDay: string; toDay: string }): number {
  return monthsBetween(window.fromDay.slice(0, 7), window.toDay.slice(0, 7)) + 1;
}

export interface PeriodWords {
  /** "2026年6月" / "Jun 2026" of a 'yyyy-MM'. */
  month: (month: string) => string;
  /** "6月15日" / "Jun 15" of a 'yyyy-MM-dd'. */
  day: (day: string) => string;
  /** "6月15日那周" / "Week of Jun 15" from the day's words. */
  week: (dayText: string) => string;
}

/** A period's key (periodOf) as the reader says it. */
export function periodLabel(key: string, grain: ReportGrain, words: PeriodWords): string {
  switch (grain) {
    case 'month':
      return words.month(key);
    case 'week':
      return words.week(words.day(key));
    case 'day':
      return words.day(key);
    default:
      return assertNever(grain);
  }
}
