// The satisfaction figures of a period: the answers given in it, read once through `answeredAt`, and the last
// purchase of the few customers whose follow-up was done in time (shared/domain/surveyScores.ts counts).
import { customersToCheck, surveyFigures, surveyPeriod, type SurveyFigures } from '../../shared/domain/surveyScores';
import type { RegularsDatabase } from './database';

/** CSAT, NPS and the loop for the month of `now` and the `months − 1` before it. */
export function readSurveyFigures(db: RegularsDatabase, now: Date, months: number): Promise<SurveyFigures> {
  const period = surveyPeriod(now, months);
  return db.transaction('r', [db.surveyAnswers, db.customerState], async () => {
    const answers = await db.surveyAnswers.where('answeredAt').between(period.from, period.to, true, false).toArray();
    const ids = customersToCheck(answers, period);
    const states = ids.length ? await db.customerState.bulkGet(ids) : [];
    const lastPurchaseAt = new Map(states.flatMap((s) => (s ? [[s.id, s.lastPurchaseAt] as const] : [])));
    return surveyFigures(answers, period, now, lastPurchaseAt);
  });
}
