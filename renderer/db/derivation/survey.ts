// What survey answers derive, in the transaction that wrote them (the survey scope; a merge's and a removal's with
// the customer scope): each customer's latest answer on their surveyState row, and each month's tally.
import Dexie from 'dexie';
import { addMonths } from 'date-fns';
import { sameSurveyState, surveyStateOf } from '../../../shared/domain/survey';
import type { SurveyAnswer } from '../../../shared/domain/surveyRecords';
import { sameSurveyTally, surveyMonthOf, surveyTallyRows, type SurveyTallyRow } from '../../../shared/domain/surveyScores';
import type { RegularsDatabase } from '../database';

/** The answers of one customer, in time order. */
export function answersRange(db: RegularsDatabase, customerId: string) {
  return db.surveyAnswers.where('[customerId+answeredAt]').between([customerId, Dexie.minKey], [customerId, Dexie.maxKey], true, true);
}

/** Derives these customers' surveyState rows again from their answers: written when changed, deleted when they have none. */
export async function refreshSurveyState(db: RegularsDatabase, customerIds: readonly string[]): Promise<void> {
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) return;
  const [states, current] = await Dexie.Promise.all([db.customerState.bulkGet(ids), db.surveyState.bulkGet(ids)]);
  const put = [];
  const gone: string[] = [];
  for (const [i, id] of ids.entries()) {
    const row = surveyStateOf(id, states[i]?.isDeleted ?? 0, await answersRange(db, id).toArray());
    if (row === null) {
      if (current[i]) gone.push(id);
    } else if (!sameSurveyState(row, current[i])) put.push(row);
  }
  if (put.length) await db.surveyState.bulkPut(put);
  if (gone.length) await db.surveyState.bulkDelete(gone);
}

/** Derives these local months' (yyyy-MM) tally rows again from the answers given in them: written when changed, deleted when gone. */
export async function refreshSurveyTally(db: RegularsDatabase, months: readonly string[]): Promise<void> {
  for (const month of new Set(months)) {
    const start = new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1);
    const [answers, current] = await Dexie.Promise.all([
      db.surveyAnswers.where('answeredAt').between(start.toISOString(), addMonths(start, 1).toISOString(), true, false).toArray(),
      db.surveyTally.where('month').equals(month).toArray(),
    ]);
    const rows = surveyTallyRows(answers);
    const before = new Map(current.map((r) => [r.id, r]));
    const put: SurveyTallyRow[] = rows.filter((r) => {
      const was = before.get(r.id);
      before.delete(r.id);
      return !was || !sameSurveyTally(r, was);
    });
    if (put.length) await db.surveyTally.bulkPut(put);
    if (before.size) await db.surveyTally.bulkDelete([...before.keys()]);
  }
}

/**
 * Everything survey answers derive, again, after these answers were written, moved or removed (pass a moved or
 * edited answer as it was and as it is): their customers' surveyState rows and their months' tally.
 */
export async function refreshSurveyDerived(db: RegularsDatabase, answers: readonly Pick<SurveyAnswer, 'customerId' | 'answeredAt'>[]): Promise<void> {
  await refreshSurveyState(db, answers.map((a) => a.customerId));
  await refreshSurveyTally(db, answers.map((a) => surveyMonthOf(a.answeredAt)));
}
