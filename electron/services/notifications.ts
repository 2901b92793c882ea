// Desktop notifications: raises one with worded text, and its click brings the window up on the page it is
// about (a customer, a list, the backups). Backups use it today, reminders next. The OS comes in as parameters.
import { desktopNoticeSchema, type DesktopNotice } from '../../shared/ipc/notices';
import { err, ok, type Result } from '../../shared/result';
import type { PageEvents } from '../ipc/pageEvents';

/** What the service needs of Electron's Notification (a stand-in in the browser mode and tests). */
export interface OsNotification {
  on(event: 'click', listener: () => void): unknown;
  /** The OS did not show it: since Electron 42 an unsigned macOS build gets this instead of a notification. */
  on(event: 'failed', listener: () => void): unknown;
  show(): void;
}
export interface OsNotificationClass {
  new (options: { title: string; body: string }): OsNotification;
  isSupported(): boolean;
}

/** What a click does to the app's window. */
export interface NoticeWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

export interface NotificationServiceDeps {
  Notification: OsNotificationClass;
  /** The app's window; main opens a new one if it was closed (macOS keeps running without one). null: none can be had. */
  window: () => NoticeWindow | null;
  events: PageEvents;
  logError?: (message: string) => void;
}

export type NoticeFailure = 'notice-invalid' | 'notices-unsupported';

export interface NotificationService {
  notify(notice: DesktopNotice): Result<null, NoticeFailure>;
}

// Electron drops a notification's click when the object is garbage-collected, so the shown ones are held until
// clicked. Not released on 'close': Windows sends it when the toast moves to the Action Center, where it can
// still be clicked. A cap keeps notifications nobody touches from piling up.
const MAX_HELD = 50;

export function createNotificationService(deps: NotificationServiceDeps): NotificationService {
  const logError = deps.logError ?? ((message: string) => console.error(message));
  const held = new Set<OsNotification>();

  const bringUp = (target: DesktopNotice['target']) => {
    const window = deps.window();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    deps.events.send('app:navigate', { target });
  };

  return {
    notify(notice) {
      const parsed = desktopNoticeSchema.safeParse(notice);
      if (!parsed.success) {
        // The paths only: the text can carry a customer's name.
        logError(`[notifications] refused a notice (${[...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(notice)'))].join(', ')})`);
        return err('notice-invalid');
      }
      if (!deps.Notification.isSupported()) return err('notices-unsupported');
      const { title, body, target } = parsed.data;
      const notification = new deps.Notification({ title, body });
      notification.on('click', () => {
        held.delete(notification);
        bringUp(target);
      });
      notification.on('failed', () => {
        // Nothing on screen to click: let it go. Neither the text nor the OS's message is logged (it can carry a name).
        held.delete(notification);
        logError('[notifications] the operating system did not show a notification');
      });
      held.add(notification);
      if (held.size > MAX_HELD) held.delete(held.values().next().value as OsNotification);
      notification.show();
      return ok(null);
    },
  };
}
