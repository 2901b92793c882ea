// Follow-up reminders: a call-back promised in the contact log, shown ahead by the owner's lead time and overdue until done.
import type { CareSettings } from '../careSettings';
import type { Interaction } from '../interaction';
import { reminderKey, timingOf, type DueReminder } from '../reminders';
import { shiftDay } from './days';

export type FollowUpSource = Pick<Interaction, 'id' | 'customerId' | 'followUpDate' | 'followUpDone' | 'summary'>;

/**
 * A promised follow-up stops being reminded this many days after its date: one three months late is no longer the
 * call that was promised (it stays open on the customer's timeline), and hundreds of stale ones would bury this
 * week's. The call-back cadence reminds of the customer meanwhile.
 */
export const FOLLOW_UP_GIVE_UP_DAYS = 90;

/** The earliest follow-up date still reminded of on `today` (yyyy-MM-dd): what is due reads from there. */
export function followUpOldestDay(today: string): string {
  return shiftDay(today, -FOLLOW_UP_GIVE_UP_DAYS);
}

/**
 * One reminder per open follow-up whose date is at most daysBefore.followUp ahead; past ones stay, overdue, until
 * done or FOLLOW_UP_GIVE_UP_DAYS late.
 */
export function followUpReminders(interactions: readonly FollowUpSource[], today: string, settings: CareSettings): DueReminder[] {
  const lead = settings.daysBefore.followUp;
  const last = shiftDay(today, lead);
  const oldest = followUpOldestDay(today);
  const out: DueReminder[] = [];
  for (const i of interactions) {
    if (i.followUpDone || i.followUpDate === null || i.followUpDate > last || i.followUpDate < oldest) continue;
    out.push({
      // The contact-log entry, not the customer: two promises on one day are two reminders.
      key: reminderKey('follow-up', i.id, i.followUpDate),
      kind: 'follow-up',
      customerId: i.customerId,
      dueDay: i.followUpDate,
      showFrom: shiftDay(i.followUpDate, -lead),
      timing: timingOf(i.followUpDate, today),
      detail: { kind: 'follow-up', interactionId: i.id, summary: i.summary },
    });
  }
  return out;
}
