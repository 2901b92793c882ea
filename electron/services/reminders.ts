// The care pop-ups' service behind reminders:*: the owner's pop-up preferences (a file of this PC, applied to the
// OS's login items) and the scheduler that raises the page's schedule. The OS comes in as parameters.
import { z } from 'zod';
import type { FailureReason } from '../../shared/ipc/contract';
import {
  DEFAULT_REMINDER_PREFS,
  reminderPrefsSchema,
  type ReminderPrefs,
  type ReminderPrefsView,
  type ReminderSchedule,
} from '../../shared/ipc/reminderSchedule';
import { ok, type Result } from '../../shared/result';
import type { JsonFile } from './ownerSession/jsonFile';
import { createReminderScheduler, type ReminderScheduler, type ReminderSchedulerDeps } from './reminderScheduler';

/** Starting with the OS: Electron's app.setLoginItemSettings behind it (hidden in the tray). */
export interface LoginItem {
  set(openAtLogin: boolean): void;
}

export interface RemindersDeps extends Omit<ReminderSchedulerDeps, 'prefs'> {
  prefsFile: JsonFile;
  /** null where the app cannot start with the OS (the browser mode). */
  loginItem: LoginItem | null;
  /** What this shell can do, for the settings to say what does not apply here. */
  supports: ReminderPrefsView['supports'];
}

export interface RemindersService extends Pick<ReminderScheduler, 'check' | 'stop' | 'todayCount' | 'onCount'> {
  /** Reads the preferences, then starts the scheduler. */
  start(): Promise<void>;
  schedule(schedule: ReminderSchedule): Promise<Result<null, FailureReason>>;
  prefs(): Promise<Result<ReminderPrefsView, FailureReason>>;
  setPrefs(prefs: ReminderPrefs): Promise<Result<ReminderPrefsView, FailureReason>>;
  /** The preferences as they stand (the defaults until read): main asks whether closing the window keeps the tray. */
  current(): ReminderPrefs;
}

export const REMINDER_PREFS_FILE = 'reminder-prefs.json';
export const REMINDER_SCHEDULE_FILE = 'reminder-schedule.json';
export const REMINDERS_SHOWN_FILE = 'reminders-shown.json';

const prefsFileSchema = z.object({ version: z.literal(1), prefs: reminderPrefsSchema });

export function createRemindersService(deps: RemindersDeps): RemindersService {
  const { prefsFile, loginItem, supports, log } = deps;
  let prefs: ReminderPrefs = { ...DEFAULT_REMINDER_PREFS };
  let loading: Promise<void> | null = null;
  const scheduler = createReminderScheduler({ ...deps, prefs: () => prefs });

  const load = () =>
    (loading ??= (async () => {
      try {
        const raw = await prefsFile.read();
        const parsed = prefsFileSchema.safeParse(raw);
        if (parsed.success) prefs = parsed.data.prefs;
        else if (raw !== null) log('[reminders] the pop-up preferences could not be read: the defaults hold');
      } catch {
        log('[reminders] the pop-up preferences could not be read: the defaults hold');
      }
    })());

  const view = (): ReminderPrefsView => ({ prefs, supports });

  return {
    async start() {
      await load();
      // Kept in step with the OS: an update or a reinstall may have moved the app the login item starts.
      if (loginItem && prefs.openAtLogin) loginItem.set(true);
      await scheduler.start();
    },
    stop: () => scheduler.stop(),
    check: () => scheduler.check(),
    todayCount: () => scheduler.todayCount(),
    onCount: (listener) => scheduler.onCount(listener),
    current: () => prefs,
    async schedule(schedule) {
      await load();
      await scheduler.setSchedule(schedule);
      return ok(null);
    },
    async prefs() {
      await load();
      return ok(view());
    },
    async setPrefs(next) {
      await load();
      await prefsFile.write({ version: 1, prefs: next });
      const before = prefs;
      prefs = next;
      if (loginItem && next.openAtLogin !== before.openAtLogin) loginItem.set(next.openAtLogin);
      // A new digest time or quiet hours may make something due now.
      await scheduler.check();
      return ok(view());
    },
  };
}
