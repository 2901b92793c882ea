// Survey follow-ups: an unhappy answer (a detractor or a low CSAT) is followed up by its due time; shown from the
// answer on, overdue once its due day has passed, until the follow-up is done.
import { reminderKey, timingOf, type DueReminder } from '../reminders';
import type { SurveyAnswer } from '../surveyRecords';
import { dayOfDate } from './days';

export type SurveyFollowUpSource = Pick<SurveyAnswer, 'id' | 'customerId' | 'answeredAt' | 'csat' | 'nps' | 'choices' | 'why' | 'followUpDueAt' | 'followUpDoneAt' | 'complaintId'>;

/** One reminder per open follow-up answered by `today`; its due day is the local day of its due time. */
export function surveyFollowUpReminders(answers: readonly SurveyFollowUpSource[], today: string): DueReminder[] {
  const out: DueReminder[] = [];
  for (const a of answers) {
    if (a.followUpDueAt === null || a.followUpDoneAt !== null) continue;
    const showFrom = dayOfDate(new Date(a.answeredAt));
    if (showFrom > today) continue;
    const dueDay = dayOfDate(new Date(a.followUpDueAt));
    out.push({
      // The answer, not the customer: two unhappy answers are two follow-ups.
      key: reminderKey('survey-follow-up', a.id, dueDay),
      kind: 'survey-follow-up',
      customerId: a.customerId,
      dueDay,
      showFrom,
      timing: timingOf(dueDay, today),
      detail: { kind: 'survey-follow-up', answerId: a.id, answeredAt: a.answeredAt, csat: a.csat, nps: a.nps, choices: [...a.choices], why: a.why, dueAt: a.followUpDueAt, complaintId: a.complaintId },
    });
  }
  return out;
}
