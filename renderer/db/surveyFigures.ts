// The satisfaction figures of a period: its months' tally rows (version 16), the follow-ups still pending, and the
// last purchase of the customers followed up in time (shared/domain/surveyScores.ts counts).
import { customersToCheck, surveyFiguresOfTally, surveyPeriod, type SurveyFigures } from '../../shared/domain/surveyScores';
import type { RegularsDatabase } from './database';

/** CSAT, NPS and the loop for the month of `now` and the `months − 1` before it. */
export function readSurveyFigures(db: RegularsDatabase, now: Date, months: number): Promise<SurveyFigures> {
  const period = surveyPeriod(now, months);
  const nowIso = now.toISOString();
  return db.transaction('r', [db.surveyTally, db.surveyAnswers, db.customerState], async () => {
    const rows = await db.surveyTally.where('month').between(period.months[0]!.month, period.months[period.months.length - 1]!.month, true, true).toArray();
    // Pending: open follow-ups not yet due (the open index holds the due time), of answers given in the period.
    const open = await db.surveyAnswers.where('followUpOpen').aboveOrEqual(nowIso).toArray();
    const pending = open.filter((a) => a.answeredAt >= period.from && a.answeredAt < period.to).length;
    const ids = customersToCheck(rows);
    const states = ids.length ? await db.customerState.bulkGet(ids) : [];
    const lastPurchaseAt = new Map(states.flatMap((s) => (s ? [[s.id, s.lastPurchaseAt] as const] : [])));
    return surveyFiguresOfTally(rows, period, pending, lastPurchaseAt);
  });
}
