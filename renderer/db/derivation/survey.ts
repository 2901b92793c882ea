// Each customer's latest survey answer on their surveyState row, derived from their answers in the transaction that
// wrote them (the survey scope; a merge's and a removal's with the customer scope).
import Dexie from 'dexie';
import { sameSurveyState, surveyStateOf } from '../../../shared/domain/survey';
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
