// How the care screens and pop-ups word a reminder: its reason, in the user's language. Pure: `t` and the
// formatters come in, so the Today screen and the pop-up schedule say the same.
import type { DueReminder, ReminderKind } from '../../../shared/domain/reminders';
import { lunarMonthDayLabel } from '../../../shared/domain/birthday';
import { format } from 'date-fns';
import { dateOfDay, dayOfDate } from '../../../shared/domain/reminderSources/days';
import { assertNever } from '../../../shared/result';
import { answerText } from '../satisfaction/answerText';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface CareWords {
  t: Translate;
  locale: 'zh-CN' | 'zh-TW' | 'en';
  /** A yyyy-MM-dd day as the user reads dates. */
  day: (day: string) => string;
  count: (n: number) => string;
}

/** Whole days from `from` to `to` (yyyy-MM-dd), by the calendar. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateOfDay(to).getTime() - dateOfDay(from).getTime()) / 86_400_000);
}

export function kindLabel(t: Translate, kind: ReminderKind): string {
  return t(`care.kinds.${kind}`);
}

/** When, in words: "today", "in 3 days (12月8日)", "2 days ago (12月3日)". */
export function whenText(w: CareWords, dueDay: string, today: string): string {
  const days = daysBetween(today, dueDay);
  if (days === 0) return w.t('care.when.today');
  if (days > 0) return w.t('care.when.in', { count: days, days: w.count(days), date: w.day(dueDay) });
  return w.t('care.when.ago', { count: -days, days: w.count(-days), date: w.day(dueDay) });
}

/** Why the reminder is there, in a sentence a clerk reads aloud. */
export function reasonText(w: CareWords, r: DueReminder, today: string): string {
  const { t } = w;
  const d = r.detail;
  switch (d.kind) {
    case 'birthday': {
      const when = whenText(w, r.dueDay, today);
      const lunar = d.calendar === 'lunar' ? t('care.reason.lunar', { label: lunarMonthDayLabel(d, w.locale) }) : '';
      return d.turning === null ? t('care.reason.birthday', { when, lunar }) : t('care.reason.birthdayTurning', { when, lunar, age: d.turning });
    }
    case 'festival': {
      const name = t(`care.festivals.${d.festival}`, { defaultValue: d.festival });
      const when = whenText(w, r.dueDay, today);
      if (!d.holiday) return t('care.reason.festival', { name, when });
      const off = t('care.reason.daysOff', { from: w.day(d.holiday.from), to: w.day(d.holiday.to) });
      const work = d.holiday.makeUpWorkdays.length ? t('care.reason.makeUp', { days: d.holiday.makeUpWorkdays.map(w.day).join(t('care.listSeparator')) }) : '';
      return t('care.reason.holiday', { name, when, off, work });
    }
    case 'cadence': {
      const since = daysBetween(d.lastTouchDay, today);
      return t(d.overdue ? 'care.reason.cadenceOverdue' : 'care.reason.cadence', { cadence: d.cadenceDays, since: w.count(since), count: since, date: w.day(d.lastTouchDay) });
    }
    case 'follow-up':
      return d.summary.trim() ? t('care.reason.followUp', { when: whenText(w, r.dueDay, today), summary: d.summary.trim() }) : t('care.reason.followUpBare', { when: whenText(w, r.dueDay, today) });
    case 'points':
      return t('care.reason.points', { points: w.count(d.expiringPoints), count: d.expiringPoints, date: w.day(r.dueDay), balance: w.count(d.balance) });
    case 'survey-follow-up': {
      const due = new Date(d.dueAt);
      return t('care.reason.surveyFollowUp', { answer: answerText(t, d), due: `${w.day(dayOfDate(due))} ${format(due, 'HH:mm')}` });
    }
    case 'complaint':
      return t('complaints.reminder.reason', { severity: t(`complaints.severity.${d.severity}`), category: t(`complaints.category.${d.category}`), due: whenText(w, r.dueDay, today) });
    default:
      return assertNever(d, 'reminder detail');
  }
}
