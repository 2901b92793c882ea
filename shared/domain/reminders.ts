// Care reminders: what is due for whom and why, the marks a clerk leaves on one (done, snoozed, dismissed),
// and the key that makes each occurrence one reminder, so none comes back twice. Pure; the clock is passed in.
import { addDays, addHours, setHours, startOfDay } from 'date-fns';
import { z } from 'zod';
import { assertNever } from '../result';
import type { SurveyChoice } from './surveyRecords';
import type { ComplaintCategory, ComplaintSeverity } from './complaintRecords';

/** Where a reminder comes from: each is one small source module (shared/domain/reminderSources/<kind>.ts). */
export const REMINDER_KINDS = ['birthday', 'festival', 'cadence', 'follow-up', 'points', 'survey-follow-up', 'complaint'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** How a due day stands against today: still ahead (within its lead time), today, or past. */
export const REMINDER_TIMINGS = ['upcoming', 'today', 'overdue'] as const;
export type ReminderTiming = (typeof REMINDER_TIMINGS)[number];

/** What each kind carries beside the customer, for the reason in words and the greeting. */
export type ReminderDetail =
  | {
      kind: 'birthday';
      calendar: 'solar' | 'lunar';
      /** The birthday as given (lunar month/day for a lunar one), for "八月十五 (农历)". */
      month: number;
      day: number;
      leapMonth: boolean;
      /** The age they turn on dueDay, or null when the year is unknown. */
      turning: number | null;
    }
  | {
      kind: 'festival';
      /** A festival of the lunar calendar or a public holiday (see festivals.ts). */
      festival: string;
      /** The day off's first and last day when it is a public holiday, else null. */
      holiday: { from: string; to: string; makeUpWorkdays: string[] } | null;
    }
  | {
      kind: 'cadence';
      /** The tier's (or group's) cadence in days, and the last contact or visit it counts from (yyyy-MM-dd). */
      cadenceDays: number;
      lastTouchDay: string;
      /** Past the overdue threshold, not just due. */
      overdue: boolean;
    }
  | {
      kind: 'follow-up';
      /** The contact-log entry that promised it, and what was said then. */
      interactionId: string;
      summary: string;
    }
  | {
      kind: 'points';
      /** Points that expire on dueDay or sooner within 30 days, and the balance. */
      expiringPoints: number;
      balance: number;
    }
  | {
      kind: 'survey-follow-up';
      /** The unhappy survey answer to follow up, what it said, and when the follow-up is due (ISO). */
      answerId: string;
      answeredAt: string;
      csat: number | null;
      nps: number | null;
      choices: SurveyChoice[];
      why: string;
      dueAt: string;
      /** The complaint opened from the answer, or null. */
      complaintId: string | null;
    }
  | {
      kind: 'complaint';
      /** A complaint awaiting its resolution, due on dueDay (its time: dueAt). */
      complaintId: string;
      category: ComplaintCategory;
      severity: ComplaintSeverity;
      dueAt: string;
    };

/** One reminder as the Today screen and the pop-up schedule see it. */
export interface DueReminder {
  /** Stable per occurrence (see reminderKey): a mark on it never applies to another one. */
  key: string;
  kind: ReminderKind;
  /** The customer it is about; null for a store-wide one (a festival). */
  customerId: string | null;
  /** The occasion's or due date's day, yyyy-MM-dd in the store's time zone. */
  dueDay: string;
  /** The first day it shows (dueDay less the owner's lead time for the kind). */
  showFrom: string;
  timing: ReminderTiming;
  detail: ReminderDetail;
}

/** What the clerk did with a reminder. A snooze holds until `until`; done and dismissed hold for good. */
export const REMINDER_MARK_STATUSES = ['done', 'snoozed', 'dismissed'] as const;
export type ReminderMarkStatus = (typeof REMINDER_MARK_STATUSES)[number];

/**
 * What a mark can be on: a reminder of a kind above, or a customer on the churn-risk list (snoozed off it for a
 * while; its key is churnRiskMarkKey, one per customer, a new snooze replacing the last).
 */
export const MARK_KINDS = [...REMINDER_KINDS, 'churn-risk'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

export function churnRiskMarkKey(customerId: string): string {
  return `churn-risk:${customerId}`;
}

export const reminderMarkSchema = z.strictObject({
  key: z.string().min(1).max(200),
  /** '' for a store-wide reminder: IndexedDB does not index null, and erasure finds a customer's marks by this. */
  customerId: z.string().max(64),
  kind: z.enum(MARK_KINDS),
  status: z.enum(REMINDER_MARK_STATUSES),
  /** ISO time the mark was made. */
  at: z.string(),
  /** ISO time a snooze ends; absent otherwise. */
  until: z.string().optional(),
});
export type ReminderMark = z.infer<typeof reminderMarkSchema>;

/** The snooze choices: an hour from now, tomorrow morning, a week from today's morning. */
export const SNOOZE_CHOICES = ['hour', 'tomorrow', 'next-week'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

// ---- rules over reminders ---------------------------------------------------------------------

/** One key per occurrence: the kind, what it is about (customer, contact-log entry or festival id) and its day. */
export function reminderKey(kind: ReminderKind, subject: string, dueDay: string): string {
  return `${kind}:${subject}:${dueDay}`;
}

/** yyyy-MM-dd days compare as strings. */
export function timingOf(dueDay: string, today: string): ReminderTiming {
  if (dueDay > today) return 'upcoming';
  return dueDay === today ? 'today' : 'overdue';
}

/**
 * The reminders a clerk still has to see: done and dismissed ones never again, snoozed ones once their
 * snooze has ended (a snooze without an end, which no code writes, hides nothing rather than lose a reminder).
 */
export function applyMarks(reminders: readonly DueReminder[], marks: ReadonlyMap<string, ReminderMark>, now: Date): DueReminder[] {
  const t = now.getTime();
  return reminders.filter((r) => {
    const mark = marks.get(r.key);
    if (!mark) return true;
    switch (mark.status) {
      case 'done':
      case 'dismissed':
        return false;
      case 'snoozed':
        return mark.until === undefined || !(Date.parse(mark.until) > t);
      default:
        return assertNever(mark.status, 'reminder mark status');
    }
  });
}

/** The morning hour a "tomorrow" or "next week" snooze ends at. */
export const SNOOZE_MORNING_HOUR = 9;

/**
 * When a snooze ends: an hour of real time from now; or 09:00 on the next (or seventh next) local calendar
 * day, counted in calendar days so a daylight-saving change in between moves nothing.
 */
export function snoozeUntil(choice: SnoozeChoice, now: Date): Date {
  switch (choice) {
    case 'hour':
      return addHours(now, 1);
    case 'tomorrow':
      return setHours(addDays(startOfDay(now), 1), SNOOZE_MORNING_HOUR);
    case 'next-week':
      return setHours(addDays(startOfDay(now), 7), SNOOZE_MORNING_HOUR);
    default:
      return assertNever(choice, 'snooze choice');
  }
}

const TIMING_ORDER: Readonly<Record<ReminderTiming, number>> = { overdue: 0, today: 1, upcoming: 2 };

/** Overdue first, then today's, then upcoming; by due day within each; equal ones keep their order. */
export function sortReminders(reminders: readonly DueReminder[]): DueReminder[] {
  return [...reminders].sort((a, b) => TIMING_ORDER[a.timing] - TIMING_ORDER[b.timing] || (a.dueDay < b.dueDay ? -1 : a.dueDay > b.dueDay ? 1 : 0));
}

/** How many of each kind, every kind present (the navigation's counts). */
export function countByKind(reminders: Iterable<Pick<DueReminder, 'kind'>>): Record<ReminderKind, number> {
  const counts = Object.fromEntries(REMINDER_KINDS.map((k) => [k, 0])) as Record<ReminderKind, number>;
  for (const r of reminders) counts[r.kind] += 1;
  return counts;
}
