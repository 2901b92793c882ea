// The e2e harness: each test gets a fresh browser context (its own IndexedDB) and a fresh data folder,
// and the page talks to the real main-process handlers through a Playwright binding. Time is fixed: the
// page's clock starts at `now` (E2E_NOW, fixedClock.ts) before the app loads, and runs on from there
// (page.clock.runFor / fastForward move it on); the main process reads the page's clock. Main's events
// reach the page through the real typed sender and the page's own subscription (window.__regularsMainEvent).
// The care pop-up scheduler runs on main's clock too, checked when a test says (the `reminders` fixture).
// The customer-facing survey screen opens as a second page of the context, on the same bridge (`customerScreen`).
import { test as base, expect, type BrowserContext } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DesktopNotice } from '../../shared/ipc/notices';
import type { Result } from '../../shared/result';
import { createIpcHandler } from '../../electron/ipc/handlers';
import { createPageEvents } from '../../electron/ipc/pageEvents';
import { createWebServices, type MainServices } from '../../electron/services';
import { createNotificationService, type NoticeFailure, type NotificationService } from '../../electron/services/notifications';
import { followingClock } from '../../shared/clock';
import { e2eNow } from './fixedClock';
import { appPages, harnessScreenOs, type HarnessScreen } from './harnessScreen';
import { AppPage } from './pages/AppPage';

/** A desktop notification the harness's main process raised; `click` plays the clerk clicking it. */
export interface ShownNotice {
  title: string;
  body: string;
  /** Resolves once main's answer (the window up, app:navigate) has reached the page. */
  click(): Promise<void>;
}

export interface HarnessNotices {
  shown: ShownNotice[];
  /** How often a click brought the window up (shown and focused). */
  windowShown: number;
  /** Main raising a notice of its own (a reminder, later): the real notification service. */
  raise(notice: DesktopNotice): Result<null, NoticeFailure>;
}

/** The notification service over a recording stand-in for Electron's Notification, its clicks delivered to the context's pages. */
function harnessNotifications(context: BrowserContext, notices: HarnessNotices): NotificationService {
  const deliveries: Promise<unknown>[] = [];
  const events = createPageEvents({
    deliver: (event, payload) => {
      for (const page of appPages(context)) {
        deliveries.push(
          page.evaluate(([name, data]) => {
            if (!window.__regularsMainEvent) throw new Error('the page has no main-process events yet');
            window.__regularsMainEvent(name, data);
          }, [event, payload] as const),
        );
      }
    },
  });
  class RecordedNotification {
    static isSupported = () => true;
    private readonly clicks: (() => void)[] = [];
    constructor(private readonly options: { title: string; body: string }) {}
    on(event: 'click' | 'failed', listener: () => void) {
      // The harness's stand-in always shows its notices: nothing ever fails.
      if (event === 'click') this.clicks.push(listener);
      return this;
    }
    show() {
      const clicks = this.clicks;
      notices.shown.push({
        ...this.options,
        click: async () => {
          for (const listener of clicks) listener();
          await Promise.all(deliveries.splice(0));
        },
      });
    }
  }
  const appWindow = {
    isMinimized: () => false,
    restore: () => undefined,
    show: () => void notices.windowShown++,
    focus: () => undefined,
  };
  const service = createNotificationService({ Notification: RecordedNotification, window: () => appWindow, events });
  notices.raise = (notice) => service.notify(notice);
  return service;
}

/** Main's care pop-up scheduler, driven by the test rather than by a timer. */
export interface HarnessReminders {
  /** Main re-plans from the page's clock now (as its minute's check, or a resume from sleep, would). */
  check(): Promise<void>;
  /** Main starts again over the same data folder (the app restarted): a new scheduler reads what the old one kept. */
  restart(): Promise<void>;
}

interface Fixtures {
  /** When the test starts, as the page's clock reads then (E2E_NOW, or fixedClock.ts's default). */
  now: Date;
  /** The OS language the main process reports; drives the first-launch language. */
  systemLocale: string;
  dataFolder: string;
  /** Every "open externally" the main process was asked to do. */
  openedLinks: string[];
  /** What the backup service logged in place of OS notices ("backup failed: …", "backup folder: …"), and "window may close". */
  backupLog: string[];
  /** A channel put here waits for its promise before main handles it (to look at the page meanwhile). */
  ipcHolds: Map<string, Promise<void>>;
  /** Desktop notifications main raised (a backup failure, …), to read and click. */
  notices: HarnessNotices;
  /** The care pop-up scheduler's checks and a restart of main. */
  reminders: HarnessReminders;
  /**
   * Whether the schedule the app sends main reaches it. Off by default: a test about something else would get the
   * day's care digest among its notices (a festival within the week of the fixed clock).
   */
  carePopups: boolean;
  /** The customer-facing survey screen main opens: a second page in the same context (harnessScreen.ts). */
  customerScreen: HarnessScreen;
  app: AppPage;
}

export const test = base.extend<Fixtures>({
  now: [e2eNow(), { option: true }],
  carePopups: [false, { option: true }],
  systemLocale: ['zh-CN', { option: true }],
  // The browser speaks the same language as the OS, as on a real PC (date inputs follow it).
  locale: async ({ systemLocale }, use) => {
    await use(systemLocale);
  },
  // eslint-disable-next-line no-empty-pattern
  dataFolder: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'regulars-e2e-'));
    await use(dir);
    // A backup main was still finishing when the test ended can add a file while the folder is removed
    // (ENOTEMPTY, seen as a flaky backup.spec): removing again after a pause is what the retries are for.
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  },
  // eslint-disable-next-line no-empty-pattern
  openedLinks: async ({}, use) => {
    await use([]);
  },
  // eslint-disable-next-line no-empty-pattern
  backupLog: async ({}, use) => {
    await use([]);
  },
  // eslint-disable-next-line no-empty-pattern
  ipcHolds: async ({}, use) => {
    await use(new Map());
  },
  // eslint-disable-next-line no-empty-pattern
  notices: async ({}, use) => {
    await use({ shown: [], windowShown: 0, raise: () => ({ ok: false, reason: 'notices-unsupported' }) });
  },
  // eslint-disable-next-line no-empty-pattern
  customerScreen: async ({}, use) => {
    await use({ opened: 0, options: null, refused: [], page: () => Promise.reject(new Error('the harness has not started main yet')) });
  },
  // eslint-disable-next-line no-empty-pattern
  reminders: async ({}, use) => {
    const unset = () => Promise.reject(new Error('the harness has not started main yet'));
    await use({ check: unset, restart: unset });
  },
  context: async ({ context, now, dataFolder, systemLocale, baseURL, openedLinks, backupLog, ipcHolds, notices, reminders, carePopups, customerScreen }, use) => {
    // Fake timers with time flowing from `now`; the app's timers (automatic backups, the daily rollover)
    // run as time passes, and a test moves time on with page.clock.runFor or fastForward.
    await context.clock.install({ time: now });
    // Main's clock is the page's: every call carries the page's time (see the init script below).
    const pageClock = followingClock(now, () => performance.now());
    const notifications = harnessNotifications(context, notices);
    // Main tells the app's page (never the customer screen) that the screen's session or answers changed.
    const appEvents = createPageEvents({
      deliver: (event, payload) => {
        for (const page of appPages(context)) {
          void page
            .evaluate(([name, data]) => window.__regularsMainEvent?.(name, data), [event, payload] as const)
            .catch(() => undefined);
        }
      },
    });
    const surveyScreen = harnessScreenOs(context, baseURL ?? 'http://127.0.0.1', customerScreen, () => void appEvents.send('surveyScreen:changed', undefined));
    const startMain = (): MainServices => {
      const started = createWebServices({
        dataFolder,
        version: '0.1.0-e2e',
        systemLocale,
        backupOverrides: { now: pageClock.clock },
        notifications,
        // No timer: the pop-up scheduler checks when the test says, on the page's clock.
        reminderTimers: { setTimer: () => null, clearTimer: () => undefined },
        surveyScreen,
        // Backup lines ("backup failed: …", "backup folder: …") are the backup service's, not links; the scheduler's are neither.
        log: (line) =>
          line.startsWith('[reminders]')
            ? undefined
            : line.startsWith('backup ') || line.startsWith('window ')
              ? backupLog.push(line)
              : openedLinks.push(line.replace(/^open externally: /, '')),
      });
      void started.reminders.start();
      return started;
    };
    const trustedOrigins = [new URL(baseURL ?? 'http://127.0.0.1').origin];
    let services = startMain();
    let handler = createIpcHandler(services, { trustedOrigins });
    const tellPageTime = async () => {
      const page = context.pages()[0];
      // eslint-disable-next-line no-restricted-syntax -- the page's clock is the test's fixed one
      if (page) pageClock.tell(await page.evaluate(() => Date.now()));
    };
    reminders.check = async () => {
      await tellPageTime();
      await services.reminders.check();
    };
    reminders.restart = async () => {
      services.reminders.stop();
      services = startMain();
      handler = createIpcHandler(services, { trustedOrigins });
      await tellPageTime();
      await services.reminders.check();
    };
    await context.exposeBinding('__regularsInvokeAt', async (source, pageNow: unknown, channel: unknown, payload: unknown) => {
      if (typeof pageNow === 'number') pageClock.tell(pageNow);
      const hold = typeof channel === 'string' ? ipcHolds.get(channel) : undefined;
      if (hold) await hold;
      if (!carePopups && channel === 'reminders:schedule') return { ok: true, value: null };
      return handler({ channel, payload, senderUrl: source.frame.url() });
    });
    await context.addInitScript(() => {
      const w = window as unknown as { __regularsInvoke: unknown; __regularsInvokeAt: (at: number, channel: unknown, payload: unknown) => Promise<unknown> };
      // Date is the page's fixed clock (installed above) by the time anything calls: main follows it.
      // eslint-disable-next-line no-restricted-syntax -- the page's clock is the test's fixed one
      w.__regularsInvoke = (channel: unknown, payload: unknown) => w.__regularsInvokeAt(Date.now(), channel, payload);
    });
    await use(context);
  },
  app: async ({ page }, use) => {
    await use(new AppPage(page));
  },
});

export { expect };
