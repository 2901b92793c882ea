// Builds the services behind the IPC handler: once for Electron (main.ts) and once for the browser
// mode and end-to-end tests, which have no Electron but must run the same handler code.
import { pbkdf2, randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { PIN_HASH_BYTES } from '../../shared/domain/ownerPin';
import type { AppLocale, AppSecurity } from '../../shared/ipc/contract';
import { err } from '../../shared/result';
import { pickMenuLocale } from '../menu';
import { createAppInfoService, createAppSecurityService } from './appInfoService';
import { createBackupService, type BackupDialogs, type BackupNotice, type BackupServiceOptions, type SecretProtector } from './backup';
import { backupNotification } from './backup/notices';
import { createExportFileService } from './exportFileService';
import { createLinkService } from './linkService';
import type { NotificationService } from './notifications';
import { createOwnerSessionService } from './ownerSession';
import { createJsonFile } from './ownerSession/jsonFile';
import type { ReminderTimers } from './reminderScheduler';
import { createRemindersService, REMINDER_PREFS_FILE, REMINDER_SCHEDULE_FILE, REMINDERS_SHOWN_FILE, type LoginItem } from './reminders';
import type { ReminderPrefsView } from '../../shared/ipc/reminderSchedule';
import { createSurveyScreenService, SURVEY_SCREEN_FILE, type SurveyScreenDeps } from './surveyScreen';
import type { MainServices } from './types';

export type { MainServices } from './types';
export { createAppInfoService } from './appInfoService';
export { createLinkService } from './linkService';
export { createBackupService } from './backup';

export const APP_NAME = 'Regulars';
/** The owner PIN's salted hash and the wrong-PIN count, a file of this PC (ownerSession/). */
export const OWNER_PIN_FILE = 'owner-pin.json';
const pbkdf2Async = promisify(pbkdf2);

export interface MainServicesInput {
  name: string;
  version: string;
  systemLocale: string;
  /** Absolute; backups and other files live under it. */
  dataFolder: string;
  platform: string;
  shell: 'desktop' | 'web';
  /** Electron's protections as main set them up; `{ electron: null }` outside Electron. */
  security: AppSecurity;
  openExternal: (url: string) => Promise<void>;
  backup: BackupOsInput;
  /** Desktop notifications (./notifications.ts): backups raise theirs through it. */
  notifications: NotificationService;
  /** The language main words its own notices in: the OS's, like the menu and the dialogs (the page may be gone). */
  noticeLocale: AppLocale;
  /** The page answered a close request: the window may close now. */
  onCloseReady: () => void;
  /** Care pop-ups: what this shell can do with them, its login item and the timers the scheduler checks by. */
  reminders: RemindersOsInput;
  /** Desktop: the OS save dialog for an export (absolute path, or null when cancelled). Absent: <dataFolder>/exports. */
  chooseExportPath?: (fileName: string) => Promise<string | null>;
  /** The customer-facing survey screen's window factory, displays and page; absent: no windows (the browser mode). */
  surveyScreen?: SurveyScreenOsInput;
}

/** What the customer-facing screen needs from the shell: Electron's BrowserWindow and screen, or the harness's stand-ins. */
export type SurveyScreenOsInput = Pick<SurveyScreenDeps, 'createWindow' | 'screen' | 'screenUrl' | 'preloadPath' | 'tellApp' | 'log'>;

const NO_SCREEN: SurveyScreenOsInput = { createWindow: null, screen: null, screenUrl: 'about:blank', preloadPath: path.resolve('/'), tellApp: () => undefined };

/** What the backup service needs from the shell (Electron, or the browser mode's stand-ins). */
export interface BackupOsInput {
  /** Browser mode: a backup notice is written to the log as well (a tab has no desktop notifications). */
  logNotice?: (notice: BackupNotice) => void;
  dialogs: BackupDialogs | null;
  /** Reveals the folder (and `item` in it), never opens anything: see BackupServiceOptions.showFolder. */
  showFolder: (folder: string, item: string | null) => Promise<void>;
  protector: SecretProtector | null;
  /** Tests only: the file system, clock and limits the service runs on. */
  overrides?: Partial<Pick<BackupServiceOptions, 'fs' | 'random' | 'now' | 'elapsed' | 'sleep' | 'log' | 'limits'>>;
}

/** What the care pop-ups need from the shell (Electron, or the browser mode's stand-ins). */
export interface RemindersOsInput {
  supports: ReminderPrefsView['supports'];
  loginItem: LoginItem | null;
  /** Node's timers by default (unref'd: they keep no process alive); the e2e harness runs its own. */
  timers?: ReminderTimers;
  /** console.error by default; never given a reminder's text. */
  log?: (line: string) => void;
}

const NODE_TIMERS: ReminderTimers = {
  setTimer: (run, ms) => setTimeout(run, ms).unref(),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** The schedule holds up to 14 days of worded pop-ups: more than the 64 KiB other small files are allowed. */
const SCHEDULE_FILE_MAX_BYTES = 4 * 1024 * 1024;

export function createMainServices(input: MainServicesInput): MainServices {
  if (!path.isAbsolute(input.dataFolder)) throw new Error('dataFolder must be an absolute path');
  const { openExternal, backup, onCloseReady, chooseExportPath, notifications, noticeLocale, security, reminders, surveyScreen, ...info } = input;
  // The wall clock main reads for backups reads the owner's idle minutes and the pop-ups' times too (the harness's in tests).
  const now = () => (backup.overrides?.now ?? (() => new Date()))().getTime();
  const notify = (notice: BackupNotice) => {
    backup.logNotice?.(notice);
    notifications.notify(backupNotification(noticeLocale, notice));
  };
  return {
    appInfo: createAppInfoService(info),
    appSecurity: createAppSecurityService(security),
    openExternal: createLinkService({ openExternal }),
    backup: createBackupService({
      appVersion: input.version,
      dataFolder: input.dataFolder,
      notify,
      dialogs: backup.dialogs,
      showFolder: backup.showFolder,
      protector: backup.protector,
      ...backup.overrides,
    }),
    exportFiles: createExportFileService({ chooseSavePath: chooseExportPath, folder: path.join(input.dataFolder, 'exports') }),
    session: createOwnerSessionService({
      file: createJsonFile(path.join(input.dataFolder, OWNER_PIN_FILE)),
      now,
      derive: async (pin, salt, iterations) => new Uint8Array(await pbkdf2Async(pin, salt, iterations, PIN_HASH_BYTES, 'sha256')),
      randomBytes: (length) => new Uint8Array(randomBytes(length)),
    }),
    reminders: createRemindersService({
      notify: (notice) => notifications.notify(notice),
      timers: reminders.timers ?? NODE_TIMERS,
      now,
      scheduleFile: createJsonFile(path.join(input.dataFolder, REMINDER_SCHEDULE_FILE), SCHEDULE_FILE_MAX_BYTES),
      shownFile: createJsonFile(path.join(input.dataFolder, REMINDERS_SHOWN_FILE), SCHEDULE_FILE_MAX_BYTES),
      prefsFile: createJsonFile(path.join(input.dataFolder, REMINDER_PREFS_FILE)),
      loginItem: reminders.loginItem,
      supports: reminders.supports,
      log: reminders.log ?? ((line) => console.error(line)),
    }),
    surveyScreen: createSurveyScreenService({
      ...(surveyScreen ?? NO_SCREEN),
      now,
      choiceFile: createJsonFile(path.join(input.dataFolder, SURVEY_SCREEN_FILE)),
    }),
    closeReady: onCloseReady,
  };
}

export interface WebServicesInput {
  /** Absolute, and already created by the caller (a temp folder in tests, ~/.regulars-web for dev:web). */
  dataFolder: string;
  version: string;
  systemLocale: string;
  platform?: string;
  /** Where "open externally" lines (and backup failures, and "show the backup folder") go; console.log by default. */
  log?: (line: string) => void;
  /** Tests only: see BackupOsInput.overrides. */
  backupOverrides?: BackupOsInput['overrides'];
  /** The e2e harness's notifications (a recording stand-in whose clicks reach the page); none by default. */
  notifications?: NotificationService;
  /** Tests only: the timers the pop-up scheduler checks by (the e2e harness advances it itself). */
  reminderTimers?: ReminderTimers;
  /** The e2e harness's customer screen (a second page); none by default: a browser tab opens no windows. */
  surveyScreen?: SurveyScreenOsInput;
}

/** A browser tab has no desktop notifications. */
const NO_NOTIFICATIONS: NotificationService = { notify: () => err('notices-unsupported') };

/**
 * Services for the browser mode and e2e tests. There is no OS hand-off for links in a browser
 * tab: an allowed link is logged and reported as opened, a disallowed one is refused as on desktop.
 * Backups are real files in <dataFolder>/backups; there are no OS pickers, a failure notification and
 * "show the folder" are logged (the e2e harness also records the notification, and its click reaches the page), and the backup password is kept in memory only. Export files are
 * written to <dataFolder>/exports without a save dialog.
 */
export function createWebServices(input: WebServicesInput): MainServices {
  const log = input.log ?? ((line: string) => console.log(line));
  return createMainServices({
    name: APP_NAME,
    version: input.version,
    systemLocale: input.systemLocale,
    dataFolder: input.dataFolder,
    platform: input.platform ?? process.platform,
    shell: 'web',
    security: { electron: null },
    openExternal: async (url) => log(`open externally: ${url}`),
    notifications: input.notifications ?? NO_NOTIFICATIONS,
    noticeLocale: pickMenuLocale(input.systemLocale),
    backup: {
      logNotice: (notice) => log(`backup failed: ${notice.reason}`),
      dialogs: null,
      showFolder: async (folder) => log(`backup folder: ${folder}`),
      protector: null,
      overrides: input.backupOverrides,
    },
    // A browser tab has no tray and cannot start with the OS; pop-ups only where the harness records them.
    reminders: {
      supports: { notifications: input.notifications !== undefined, tray: false, openAtLogin: false },
      loginItem: null,
      timers: input.reminderTimers,
      log,
    },
    surveyScreen: input.surveyScreen,
    // No window to close in a browser tab; the answer is logged so tests see it came.
    onCloseReady: () => log('window may close'),
  });
}
