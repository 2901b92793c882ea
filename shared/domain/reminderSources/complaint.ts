// Complaint reminders: a complaint still awaiting its resolution shows on the day it is due and stays, overdue, until resolved.
import { awaitsResolution } from '../complaint';
import type { Complaint } from '../complaintRecords';
import { reminderKey, timingOf, type DueReminder } from '../reminders';
import { dayOfDate } from './days';

export type ComplaintSource = Pick<Complaint, 'id' | 'customerId' | 'dueAt' | 'state' | 'category' | 'severity'>;

/** One reminder per complaint awaiting resolution whose due day (local) is `today` or past; resolved ones are not reminded of. */
export function complaintReminders(complaints: readonly ComplaintSource[], today: string): DueReminder[] {
  const out: DueReminder[] = [];
  for (const c of complaints) {
    if (!awaitsResolution(c.state)) continue;
    const dueDay = dayOfDate(new Date(c.dueAt));
    if (dueDay > today) continue;
    out.push({
      // The complaint and its due day: a reopened complaint's new due time is a new reminder.
      key: reminderKey('complaint', c.id, dueDay),
      kind: 'complaint',
      customerId: c.customerId,
      dueDay,
      showFrom: dueDay,
      timing: timingOf(dueDay, today),
      detail: { kind: 'complaint', complaintId: c.id, category: c.category, severity: c.severity, dueAt: c.dueAt },
    });
  }
  return out;
}
