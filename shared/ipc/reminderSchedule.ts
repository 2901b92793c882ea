// The care pop-ups' channels (reminders:*): the schedule the page hands main for the coming days, worded in the
// clerk's language, and the owner's pop-up preferences main keeps (digest time, quiet hours, tray, start at login).
import { z } from 'zod';
import { routeSchema } from '../route';

const text = (max: number) => z.string().max(max).refine((value) => value.trim() !== '', 'blank');

/** How many days ahead a schedule may reach, and how many timed pop-ups a day may hold (the IPC payload's bounds). */
export const MAX_SCHEDULE_DAYS = 14;
export const MAX_TIMED_PER_DAY = 50;

/** A time of day on the wall clock, 'HH:mm' (00:00–23:59). */
export const clockTimeSchema = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/);
export type ClockTime = z.infer<typeof clockTimeSchema>;

/** Minutes since midnight of an 'HH:mm'. */
export function clockMinutes(time: ClockTime): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** An IANA time zone the runtime knows ('Asia/Shanghai'); a made-up one is refused, never guessed at. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone');

const daySchema = z.iso.date();
const instantSchema = z.iso.datetime({ offset: true });

/** The day's digest: one pop-up at the owner's digest time saying how much is due today. */
export const reminderDigestSchema = z.strictObject({
  title: text(120),
  body: text(500),
  /** What is due that day; the tray menu shows it. */
  count: z.int().min(1).max(1_000_000),
  target: routeSchema,
});

/** A pop-up at its own time (a promised call at 15:00, a snooze's end). */
export const timedReminderSchema = z.strictObject({
  /** Names one occurrence (a snooze's new end is a new key): a key shown once is never shown again. */
  key: z.string().min(1).max(200),
  at: instantSchema,
  title: text(120),
  body: text(500),
  target: routeSchema,
});

export const reminderDaySchema = z.strictObject({
  /** yyyy-MM-dd in the schedule's time zone. */
  day: daySchema,
  digest: reminderDigestSchema.nullable(),
  timed: z.array(timedReminderSchema).max(MAX_TIMED_PER_DAY),
});

export const reminderScheduleSchema = z
  .strictObject({
    generatedAt: instantSchema,
    /** The zone the page counted its days in (the clerk's); main reads the wall clock in it. */
    timeZone: timeZoneSchema,
    days: z.array(reminderDaySchema).max(MAX_SCHEDULE_DAYS),
  })
  .refine((schedule) => new Set(schedule.days.map((day) => day.day)).size === schedule.days.length, { path: ['days'], message: 'a day twice' })
  .refine((schedule) => {
    const keys = schedule.days.flatMap((day) => day.timed.map((item) => item.key));
    return new Set(keys).size === keys.length;
  }, { path: ['days'], message: 'a key twice' });
export type ReminderSchedule = z.infer<typeof reminderScheduleSchema>;
export type ReminderDay = z.infer<typeof reminderDaySchema>;
export type TimedReminder = z.infer<typeof timedReminderSchema>;

/** The owner's pop-up preferences, kept by main in a file of this PC. */
export const reminderPrefsSchema = z.strictObject({
  /** When the day's digest pops up. */
  digestAt: clockTimeSchema,
  /** No pop-up in these hours (they may run past midnight); one due in them waits until they end. null: none. */
  quietHours: z
    .strictObject({ from: clockTimeSchema, to: clockTimeSchema })
    .refine((hours) => hours.from !== hours.to, 'empty quiet hours')
    .nullable(),
  /** Pop-ups at their own time besides the digest. */
  timedPopups: z.boolean(),
  /** Closing the window leaves the app running in the tray (pop-ups go on). */
  closeToTray: z.boolean(),
  /** The app starts with the OS, hidden in the tray. */
  openAtLogin: z.boolean(),
});
export type ReminderPrefs = z.infer<typeof reminderPrefsSchema>;

export const DEFAULT_REMINDER_PREFS: Readonly<ReminderPrefs> = Object.freeze({
  digestAt: '09:00',
  quietHours: Object.freeze({ from: '21:00', to: '08:00' }),
  timedPopups: true,
  closeToTray: true,
  openAtLogin: false,
});

/** The preferences with what this shell can do with them: the browser mode has no pop-ups, tray or login item. */
export const reminderPrefsViewSchema = z.strictObject({
  prefs: reminderPrefsSchema,
  supports: z.strictObject({
    notifications: z.boolean(),
    tray: z.boolean(),
    openAtLogin: z.boolean(),
  }),
});
export type ReminderPrefsView = z.infer<typeof reminderPrefsViewSchema>;
