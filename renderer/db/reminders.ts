// The care reminders' marks: the only code that reads and writes reminderMarks. A mark is made once per reminder
// key; done and dismissed hold for good, a snooze until its time (shared/domain/reminders.ts applies them).
import { churnRiskMarkKey, type DueReminder, type MarkKind, type ReminderMark } from '../../shared/domain/reminders';
import type { InteractionFields } from '../../shared/domain/interaction';
import { assertInteractionFields, followUpMarked, newInteractionRecord } from '../../shared/domain/interaction';
import { CustomerNotFoundError, type RepositoryDeps } from './customerList';
import type { RegularsDatabase } from './database';
import { refreshContacts, refreshSurveyDerived, writeTransaction } from './derivation';
import { recordAudit } from './audit';

export type MarkedReminder = Pick<DueReminder, 'key' | 'customerId'> & { kind: MarkKind; detail?: DueReminder['detail'] };

export function createReminderRepository(db: RegularsDatabase, deps: RepositoryDeps) {
  /** Writes the mark and its audit entry; inside a transaction holding WRITE_SCOPES.reminder. */
  async function putMark(reminder: MarkedReminder, status: ReminderMark['status'], until?: Date): Promise<ReminderMark> {
    const mark: ReminderMark = { key: reminder.key, customerId: reminder.customerId ?? '', kind: reminder.kind, status, at: deps.now().toISOString() };
    if (until) mark.until = until.toISOString();
    await db.reminderMarks.put(mark);
    await recordAudit(db, deps, { kind: 'reminder.mark', customerIds: reminder.customerId ? [reminder.customerId] : [], facts: { kind: reminder.kind, status } });
    return mark;
  }

  /**
   * A follow-up reminder's promise is kept with it: its contact's follow-up is marked done too; a survey follow-up's
   * answer is closed (done now, out of the index of open ones). Inside a transaction holding WRITE_SCOPES.contact
   * and .survey.
   */
  async function closeFollowUp(reminder: MarkedReminder): Promise<void> {
    if (reminder.detail?.kind === 'survey-follow-up') {
      const answer = await db.surveyAnswers.get(reminder.detail.answerId);
      if (!answer || answer.followUpDoneAt !== null) return;
      const at = deps.now().toISOString();
      const { followUpOpen: _open, ...rest } = answer;
      await db.surveyAnswers.put({ ...rest, followUpDoneAt: at, updatedAt: at });
      await refreshSurveyDerived(db, [answer]);
      await recordAudit(db, deps, { kind: 'contact.followUp', customerIds: [answer.customerId], refs: [answer.id], facts: { done: true, of: 'survey' } });
      return;
    }
    if (reminder.detail?.kind !== 'follow-up') return;
    const promised = await db.interactions.get(reminder.detail.interactionId);
    if (!promised || promised.followUpDone) return;
    await db.interactions.put(followUpMarked(promised, true, deps.now()));
    await recordAudit(db, deps, { kind: 'contact.followUp', customerIds: [promised.customerId], refs: [promised.id], facts: { done: true } });
  }

  function snooze(reminder: MarkedReminder, until: Date): Promise<ReminderMark> {
    if (!(until.getTime() > deps.now().getTime())) throw new RangeError('reminders: a snooze must end in the future');
    return writeTransaction(db, ['reminder'], [], () => putMark(reminder, 'snoozed', until));
  }

  return {
    /** Every mark, for the due computation (few: one per reminder handled). */
    all(): Promise<ReminderMark[]> {
      return db.reminderMarks.toArray();
    },

    /** Done without a contact to log (a festival's reminder, or a greeting sent and logged already). */
    done(reminder: MarkedReminder): Promise<ReminderMark> {
      return writeTransaction(db, ['reminder', 'contact', 'survey'], [], async () => {
        await closeFollowUp(reminder);
        return putMark(reminder, 'done');
      });
    },

    /**
     * Done by a contact: the contact is logged on the customer (restarting their cadence) and the reminder
     * marked done, in one transaction. Returns the contact's id.
     */
    async doneWithContact(reminder: MarkedReminder, contact: InteractionFields): Promise<{ mark: ReminderMark; interactionId: string }> {
      assertInteractionFields(contact);
      const customerId = reminder.customerId;
      if (customerId === null) throw new Error('reminders: a store-wide reminder has no customer to log a contact with');
      return writeTransaction(db, ['reminder', 'contact', 'survey'], ['customers'], async () => {
        if (!(await db.customers.get(customerId))) throw new CustomerNotFoundError(customerId);
        const record = newInteractionRecord(contact, { id: deps.newId(), customerId, now: deps.now() });
        await db.interactions.add(record);
        await refreshContacts(db, [customerId]);
        await recordAudit(db, deps, { kind: 'contact.record', customerIds: [customerId], refs: [record.id], facts: { channel: record.channel, at: record.at } });
        await closeFollowUp(reminder);
        return { mark: await putMark(reminder, 'done'), interactionId: record.id };
      });
    },

    snooze,

    /** Takes a customer off the churn-risk list until `until` (the list shows them again then). */
    snoozeChurnRisk(customerId: string, until: Date): Promise<ReminderMark> {
      return snooze({ key: churnRiskMarkKey(customerId), kind: 'churn-risk', customerId }, until);
    },

    dismiss(reminder: MarkedReminder): Promise<ReminderMark> {
      return writeTransaction(db, ['reminder'], [], () => putMark(reminder, 'dismissed'));
    },

    /** Takes a mark back (the clerk's undo): the reminder shows again while it is due. */
    unmark(key: string): Promise<void> {
      return writeTransaction(db, ['reminder'], [], async () => {
        const mark = await db.reminderMarks.get(key);
        if (!mark) return;
        await db.reminderMarks.delete(key);
        await recordAudit(db, deps, { kind: 'reminder.mark', customerIds: mark.customerId ? [mark.customerId] : [], facts: { kind: mark.kind, status: 'unmarked' } });
      });
    },
  };
}

export type ReminderRepository = ReturnType<typeof createReminderRepository>;
