// The pop-up schedule the page hands main: each coming day's digest (how much is due, opening Today) and the
// reminders coming back from a snooze at their time. Worded here, in the clerk's language.
import type { ReminderSchedule } from '../../../shared/ipc/reminderSchedule';
import { MAX_TIMED_PER_DAY } from '../../../shared/ipc/reminderSchedule';
import { REMINDER_KINDS } from '../../../shared/domain/reminders';
import type { CareSummary } from './careClient';
import { kindLabel, type CareWords } from './careText';

export function buildSchedule(summary: CareSummary, w: CareWords, now: Date, timeZone: string): ReminderSchedule {
  const { t } = w;
  const todayParts = REMINDER_KINDS.filter((k) => summary.byKind[k] > 0).map((k) => t('care.digest.part', { kind: kindLabel(t, k), count: summary.byKind[k] }));
  return {
    generatedAt: now.toISOString(),
    timeZone,
    days: summary.days.map((d, i) => ({
      day: d.day,
      digest:
        d.count > 0
          ? {
              title: t('care.digest.title', { count: d.count }),
              body: i === 0 && todayParts.length ? todayParts.join(t('care.listSeparator')) : t('care.digest.body', { count: d.count }),
              count: d.count,
              target: { name: 'today' as const },
            }
          : null,
      timed: d.snoozesEnding.slice(0, MAX_TIMED_PER_DAY).map((s) => ({
        key: `${s.key}@${s.until}`,
        at: s.until,
        title: t('care.digest.snoozeBack', { kind: kindLabel(t, s.kind) }),
        body: t('care.digest.snoozeBackBody'),
        target: s.customerId ? { name: 'customer' as const, id: s.customerId } : { name: 'today' as const },
      })),
    })),
  };
}
