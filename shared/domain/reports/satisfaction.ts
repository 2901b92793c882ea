// Satisfaction over the report's window: CSAT and NPS are surveyScores' figures; what is added here is the complaint
// figures per period of the window's grain (day, week or month) and over the whole window.
import { complaintFigures, type ComplaintFigures } from '../complaint';
import type { Complaint } from '../complaintRecords';
import type { DayOf } from '../customerFigures';
import type { NewReturningRow } from './customers';
import { periodEnd, periodOf, periodsBetween, type ReportGrain } from './periods';

export { scoreFigures, surveyFigures, surveyPeriod, type ScoreFigures, type SurveyFigures } from '../surveyScores';

/** What complaintFigures reads of a complaint. */
type ComplaintTimes = Pick<Complaint, 'receivedAt' | 'dueAt' | 'resolvedAt'>;

/**
 * The customers served in each period: the customers with a visit in it, as newVsReturning counts them (`active`)
 * for any grain, and customersSummary for a whole window. One definition for the complaint rate, the month's as the
 * week's or the day's: a customer who came twice in a period is served once in it.
 */
export function customersServedByPeriod(rows: Iterable<Pick<NewReturningRow, 'period' | 'active'>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.period, (out.get(r.period) ?? 0) + r.active);
  return out;
}

export interface ComplaintPeriodRow extends ComplaintFigures {
  /** periodOf's key of the grain. */
  period: string;
  /** The period goes on after the window's last day (this week or month so far). */
  partial: boolean;
}

/**
 * complaintFigures for each period of [fromDay, toDay] by `grain`: the complaints received in it (by `dayOf` of
 * receivedAt) against the customers served in it (customersServedByPeriod; null when they are not known: the rate
 * is then null too), as of `now` (a complaint not resolved and past due is decided late).
 */
export function complaintsByPeriod(
  complaints: Iterable<ComplaintTimes>,
  served: ReadonlyMap<string, number> | null,
  window: { fromDay: string; toDay: string; grain: ReportGrain },
  now: Date,
  dayOf: DayOf,
): ComplaintPeriodRow[] {
  const { fromDay, toDay, grain } = window;
  const received = new Map<string, ComplaintTimes[]>(periodsBetween(fromDay, toDay, grain).map((p) => [p, []]));
  for (const c of complaints) {
    const day = dayOf(c.receivedAt);
    if (day >= fromDay && day <= toDay) received.get(periodOf(day, grain))?.push(c);
  }
  return [...received].map(([period, rows]) => {
    const figures = complaintFigures(rows, served?.get(period) ?? 0, now);
    return { ...figures, ratePer100: served === null ? null : figures.ratePer100, period, partial: periodEnd(period, grain) > toDay };
  });
}

/**
 * complaintFigures over the whole window: the complaints received from fromDay to toDay against `served`, the
 * customers with a visit in the window (customersSummary's `active`; null when not known: the rate is then null).
 */
export function complaintsOfWindow(complaints: Iterable<ComplaintTimes>, served: number | null, window: { fromDay: string; toDay: string }, now: Date, dayOf: DayOf): ComplaintFigures {
  const inWindow: ComplaintTimes[] = [];
  for (const c of complaints) {
    const day = dayOf(c.receivedAt);
    if (day >= window.fromDay && day <= window.toDay) inWindow.push(c);
  }
  const figures = complaintFigures(inWindow, served ?? 0, now);
  return served === null ? { ...figures, ratePer100: null } : figures;
}
