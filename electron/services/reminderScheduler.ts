// Care pop-ups from main: keeps the schedule the page handed over on disk and raises each day's digest and the
// timed reminders when due, never in quiet hours and never twice (a shown-log on disk). The OS comes in as parameters.
import { addDays, format, parseISO } from 'date-fns';
import { z } from 'zod';
import type { DesktopNotice } from '../../shared/ipc/notices';
import {
  clockMinutes,
  reminderScheduleSchema,
  type ReminderPrefs,
  type ReminderSchedule,
} from '../../shared/ipc/reminderSchedule';
import type { Result } from '../../shared/result';
import type { JsonFile } from './ownerSession/jsonFile';

export interface ReminderTimers {
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface ReminderSchedulerDeps {
  /** Raises a worded notice; its click brings the window up on the target (./notifications.ts). */
  notify(notice: DesktopNotice): Result<null, string>;
  timers: ReminderTimers;
  /** Epoch ms: the wall clock, which may jump (sleep, a clock change); every check re-plans from it. */
  now(): number;
  /** The schedule the page sent last, and which pop-ups were shown (both survive a restart). */
  scheduleFile: JsonFile;
  shownFile: JsonFile;
  /** The owner's digest time, quiet hours and timed pop-ups on or off, as they stand now. */
  prefs(): ReminderPrefs;
  /** Never receives a reminder's text (it can carry a customer's name). */
  log(line: string): void;
}

export interface ReminderScheduler {
  /** Reads the schedule and the shown-log, shows what is due, and checks again every minute. */
  start(): Promise<void>;
  stop(): void;
  /** Re-plans from the clock now: at a resume from sleep, a clock change, changed preferences, the test harness. */
  check(): Promise<void>;
  /** Keeps the page's new schedule (on disk) in place of the old, and shows what is due in it now. */
  setSchedule(schedule: ReminderSchedule): Promise<void>;
  /** Today's digest count (the tray shows it); 0 without a digest for today. */
  todayCount(): number;
  /** Called with today's count when it changes (a new schedule, a new day). Returns the unsubscribe. */
  onCount(listener: (count: number) => void): () => void;
}

/** The most a check waits: a clock moved back or forward is noticed within a minute. */
export const CHECK_EVERY_MS = 60_000;
/** Shown-log entries are kept this many days after the day they were shown on (a shown one is spent after its day). */
export const SHOWN_LOG_DAYS = 7;

const scheduleFileSchema = z.object({ version: z.literal(1), schedule: z.unknown() });
const shownFileSchema = z.object({ version: z.literal(1), shown: z.record(z.string().max(220), z.iso.date()) });

/** A moment on the wall clock of a time zone: its day and minutes since midnight. */
export interface WallTime {
  day: string;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `timeZone` at `ms`, as the clerk there reads it. */
export function wallTimeAt(ms: number, timeZone: string): WallTime {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(ms).map((part) => [part.type, part.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

const nextDay = (day: string) => format(addDays(parseISO(day), 1), 'yyyy-MM-dd');
const isBefore = (a: WallTime, b: WallTime) => a.day < b.day || (a.day === b.day && a.minute < b.minute);

export function inQuietHours(minute: number, quiet: ReminderPrefs['quietHours']): boolean {
  if (!quiet) return false;
  const from = clockMinutes(quiet.from);
  const to = clockMinutes(quiet.to);
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** When a pop-up due at `due` may show: then, or when the quiet hours it falls in end (the next morning, past midnight). */
export function showTime(due: WallTime, quiet: ReminderPrefs['quietHours']): WallTime {
  if (!quiet || !inQuietHours(due.minute, quiet)) return due;
  const from = clockMinutes(quiet.from);
  const to = clockMinutes(quiet.to);
  return from > to && due.minute >= from ? { day: nextDay(due.day), minute: to } : { day: due.day, minute: to };
}

/** One pop-up the schedule asks for, with the shown-log's name for it. */
interface Planned {
  id: string;
  due: WallTime;
  notice: DesktopNotice;
}

/**
 * What the schedule asks to show at `now`: due, past its quiet hours, and still on the day it came to show on
 * (a digest slept through until the next day is spent; that day has its own). Digest first, then by time.
 */
export function dueAt(schedule: ReminderSchedule, prefs: ReminderPrefs, nowMs: number, shown: ReadonlySet<string>): Planned[] {
  const now = wallTimeAt(nowMs, schedule.timeZone);
  if (inQuietHours(now.minute, prefs.quietHours)) return [];
  const planned: Planned[] = [];
  const digestMinute = clockMinutes(prefs.digestAt);
  for (const day of schedule.days) {
    if (day.digest) {
      const { title, body, target } = day.digest;
      planned.push({ id: `digest:${day.day}`, due: { day: day.day, minute: digestMinute }, notice: { title, body, target } });
    }
  }
  if (prefs.timedPopups) {
    const timed = schedule.days.flatMap((day) => day.timed).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    for (const { key, at, title, body, target } of timed) {
      planned.push({ id: `timed:${key}`, due: wallTimeAt(Date.parse(at), schedule.timeZone), notice: { title, body, target } });
    }
  }
  return planned.filter((item) => {
    if (shown.has(item.id)) return false;
    const show = showTime(item.due, prefs.quietHours);
    return !isBefore(now, show) && now.day === show.day;
  });
}

export function createReminderScheduler(deps: ReminderSchedulerDeps): ReminderScheduler {
  const { timers, now, log } = deps;
  let schedule: ReminderSchedule | null = null;
  // Shown-log: id → the day (in the schedule's zone) it was shown on, for pruning.
  let shown = new Map<string, string>();
  let started = false;
  let loaded = false;
  let timer: unknown = null;
  let lastCount = 0;
  const listeners = new Set<(count: number) => void>();
  // One check at a time: a tick and a resume racing must not both show the same pop-up.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  // Once, before anything reads or replaces them: a schedule sent early must not show against an empty log.
  async function load(): Promise<void> {
    if (loaded) return;
    loaded = true;
    try {
      const raw = await deps.scheduleFile.read();
      const file = scheduleFileSchema.safeParse(raw);
      const parsed = file.success ? reminderScheduleSchema.safeParse(file.data.schedule) : null;
      schedule = parsed?.success ? parsed.data : null;
      if (raw !== null && !parsed?.success) log('[reminders] the kept schedule could not be read: none until the page sends one');
    } catch {
      log('[reminders] the kept schedule could not be read: none until the page sends one');
    }
    try {
      const raw = await deps.shownFile.read();
      const file = shownFileSchema.safeParse(raw);
      shown = new Map(file.success ? Object.entries(file.data.shown) : []);
      if (raw !== null && !file.success) log('[reminders] the shown-log could not be read: starting a new one');
    } catch {
      log('[reminders] the shown-log could not be read: starting a new one');
    }
  }

  function todayCount(): number {
    if (!schedule) return 0;
    const today = wallTimeAt(now(), schedule.timeZone).day;
    return schedule.days.find((day) => day.day === today)?.digest?.count ?? 0;
  }

  function tellCount(): void {
    const count = todayCount();
    if (count === lastCount) return;
    lastCount = count;
    for (const listener of listeners) listener(count);
  }

  async function saveShown(today: string): Promise<void> {
    const oldest = format(addDays(parseISO(today), -SHOWN_LOG_DAYS), 'yyyy-MM-dd');
    for (const [id, day] of shown) if (day < oldest) shown.delete(id);
    try {
      await deps.shownFile.write({ version: 1, shown: Object.fromEntries(shown) });
    } catch {
      log('[reminders] the shown-log could not be written');
    }
  }

  async function showDue(): Promise<void> {
    await load();
    if (!schedule) return;
    const at = now();
    const due = dueAt(schedule, deps.prefs(), at, new Set(shown.keys()));
    if (due.length === 0) return;
    const today = wallTimeAt(at, schedule.timeZone).day;
    // Written down before it shows: a crash in between loses a pop-up rather than repeating one.
    for (const item of due) shown.set(item.id, today);
    await saveShown(today);
    for (const item of due) {
      const raised = deps.notify(item.notice);
      if (!raised.ok) log(`[reminders] a pop-up was not shown (${raised.reason})`);
    }
  }

  function arm(): void {
    if (!started) return;
    if (timer !== null) timers.clearTimer(timer);
    // At the next minute's turn, so a 09:00 pop-up comes at 09:00; never later than a minute from now.
    const wait = CHECK_EVERY_MS - (((now() % CHECK_EVERY_MS) + CHECK_EVERY_MS) % CHECK_EVERY_MS);
    timer = timers.setTimer(() => {
      timer = null;
      void check();
    }, Math.min(Math.max(wait, 1), CHECK_EVERY_MS));
  }

  function check(): Promise<void> {
    return serial(async () => {
      try {
        await showDue();
      } catch (error) {
        log(`[reminders] a check failed (${error instanceof Error ? error.name : typeof error})`);
      } finally {
        tellCount();
        arm();
      }
    });
  }

  return {
    async start() {
      if (started) return;
      started = true;
      await check();
    },
    stop() {
      started = false;
      if (timer !== null) timers.clearTimer(timer);
      timer = null;
    },
    check,
    async setSchedule(next) {
      await serial(async () => {
        await load();
        schedule = next;
        try {
          await deps.scheduleFile.write({ version: 1, schedule: next });
        } catch {
          log('[reminders] the schedule could not be kept on disk: it holds until the app closes');
        }
      });
      await check();
    },
    todayCount,
    onCount(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
