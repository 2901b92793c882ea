// Care reminders: what is due for whom and why, the marks a clerk leaves on one (done, snoozed, dismissed),
// and the key that makes each occurrence one reminder, so none comes back twice. Pure; the clock is passed in.
import { z } from 'zod';

/** Where a reminder comes from: each is one small source module (shared/domain/reminderSources/<kind>.ts). */
export const REMINDER_KINDS = ['birthday', 'festival', 'cadence', 'follow-up', 'points'] as const;
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

export const reminderMarkSchema = z.strictObject({
  key: z.string().min(1).max(200),
  /** '' for a store-wide reminder: IndexedDB does not index null, and erasure finds a customer's marks by this. */
  customerId: z.string().max(64),
  kind: z.enum(REMINDER_KINDS),
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
