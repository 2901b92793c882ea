// Satisfaction per month: CSAT and NPS are surveyScores' figures; what is added here is the complaint figures month by month.
import { complaintFigures, type ComplaintFigures } from '../complaint';
import type { Complaint } from '../complaintRecords';
import type { DayOf } from '../customerFigures';
import type { CustomerMonth } from './aggregates';
import { monthOfDay } from './periods';

export { scoreFigures, surveyFigures, surveyPeriod, type ScoreFigures, type SurveyFigures } from '../surveyScores';

/** Customers served per month: the customers with a visit that month (from the customer-month rows). */
export function customersServedByMonth(months: Iterable<Pick<CustomerMonth, 'month' | 'purchases'>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of months) if (m.purchases > 0) out.set(m.month, (out.get(m.month) ?? 0) + 1);
  return out;
}

/**
 * complaintFigures for each month of `months`: the complaints received that month (by `dayOf` of receivedAt) against
 * the customers served that month, as of `now` (a complaint not resolved and past due is decided late).
 */
export function complaintsByMonth(
  complaints: Iterable<Pick<Complaint, 'receivedAt' | 'dueAt' | 'resolvedAt'>>,
  servedByMonth: ReadonlyMap<string, number>,
  months: readonly string[],
  now: Date,
  dayOf: DayOf,
): (ComplaintFigures & { month: string })[] {
  const received = new Map<string, Pick<Complaint, 'receivedAt' | 'dueAt' | 'resolvedAt'>[]>(months.map((m) => [m, []]));
  for (const c of complaints) received.get(monthOfDay(dayOf(c.receivedAt)))?.push(c);
  return months.map((month) => ({ month, ...complaintFigures(received.get(month)!, servedByMonth.get(month) ?? 0, now) }));
}
