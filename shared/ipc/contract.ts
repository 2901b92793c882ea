// The IPC contract, declared once: channel names, request/response schemas, and the typed API
// that preload exposes and that tests and the web mode build over their own transports.
import { z } from 'zod';
import {
  backupAppendRequestSchema,
  backupAppendResponseSchema,
  backupBeginRequestSchema,
  backupBeginResponseSchema,
  backupChosenFileSchema,
  backupChosenFolderSchema,
  backupCommitResponseSchema,
  backupConfigureRequestSchema,
  backupInspectRequestSchema,
  backupListingSchema,
  backupOpenResponseSchema,
  backupPasswordRequestSchema,
  backupPreviewSchema,
  backupReadRequestSchema,
  backupReadResponseSchema,
  backupReceiveAppendRequestSchema,
  backupReceiveAppendResponseSchema,
  backupReceiveBeginRequestSchema,
  backupReceiveBeginResponseSchema,
  backupReceiveEndRequestSchema,
  backupReceiveEndResponseSchema,
  backupSessionRequestSchema,
  backupSettingsViewSchema,
  backupSetUpEncryptionRequestSchema,
  backupSetUpEncryptionResponseSchema,
  type BackupBeginRequest,
  type BackupConfigureRequest,
  type BackupInspectRequest,
} from '../backup/api';
import { base64ToBytes, bytesToBase64 } from '../backup/base64';
import { BACKUP_REFUSALS, BACKUP_SERVICE_FAILURES, BACKUP_WRITE_FAILURES, MAX_CHUNK_BYTES } from '../backup/format';
import type { OwnerPinRecord } from '../domain/ownerPin';
import type { Action } from '../domain/permissions';
import { err, ok, type Result } from '../result';
import type { ErasureEntry } from '../domain/erasure';
import { erasureListSchema, erasureRecordRequestSchema, erasureRecordResponseSchema } from './erasures';
import {
  EXPORT_FILE_FAILURES,
  exportAppendRequestSchema,
  exportAppendResponseSchema,
  exportBeginRequestSchema,
  exportBeginResponseSchema,
  exportCommitResponseSchema,
  exportSessionRequestSchema,
} from './exportFiles';
import { reminderPrefsSchema, reminderPrefsViewSchema, reminderScheduleSchema, type ReminderPrefs, type ReminderSchedule } from './reminderSchedule';
import { adoptPinRequestSchema, sessionStateSchema, setPinRequestSchema, setPinResponseSchema, unlockRequestSchema, unlockResponseSchema } from './session';
import { subscribeToMainEvent, type EventTransport, type MainEvent, type MainEventListener } from './events';
import {
  SURVEY_SCREEN_FAILURES,
  screenDisplaysSchema,
  screenOpenRequestSchema,
  screenOpenResponseSchema,
  screenSessionRequestSchema,
  screenSessionSchema,
  screenStatusSchema,
  screenSubmitRequestSchema,
  type ScreenAnswer,
  type ScreenOpenRequest,
} from './surveyScreen';

export const APP_LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type AppLocale = (typeof APP_LOCALES)[number];

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** The operating system's preferred language, as the OS reports it (e.g. "zh-Hant-TW", "en-US"). */
  systemLocale: z.string(),
  dataFolder: z.string(),
  platform: z.string(),
  /** 'desktop' inside Electron; 'web' in the browser mode (npm run dev:web) and in end-to-end tests. */
  shell: z.enum(['desktop', 'web']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** The walls Electron puts around the page, as main set them up (the settings' security section shows them). */
export const appSecuritySchema = z.strictObject({
  /** null outside Electron (the browser mode, end-to-end tests): none of these walls is there. */
  electron: z
    .strictObject({
      /** Electron's version, e.g. "45.6.0". */
      version: z.string().max(64),
      /** Installed from a package (electron-builder) rather than run from the sources. */
      packaged: z.boolean(),
      contextIsolation: z.boolean(),
      sandbox: z.boolean(),
      /** The strict Content-Security-Policy on every app response. */
      contentSecurityPolicy: z.boolean(),
      /** Fuses are baked in by electron-builder: a development run has Electron's defaults. */
      fuses: z.boolean(),
      /** A packaged build refuses to start with a debugger's switch (electron/security/launchSwitches.ts). */
      debugSwitchesRefused: z.boolean(),
    })
    .nullable(),
});
export type AppSecurity = z.infer<typeof appSecuritySchema>;

export const openExternalRequestSchema = z.object({ url: z.string().min(1).max(2048) }).strict();
export type OpenExternalRequest = z.infer<typeof openExternalRequestSchema>;

/** Every channel: `noun:verb`, its request schema and its response value schema. */
export const contract = {
  'app:info': { request: z.undefined(), response: appInfoSchema },
  'app:security': { request: z.undefined(), response: appSecuritySchema },
  'link:open': { request: openExternalRequestSchema, response: z.null() },
  // The page's answer to the event 'app:closeRequested': it has done what it must before closing (a backup at quit).
  'app:closeReady': { request: z.undefined(), response: z.null() },
  // Backups (docs/BACKUP_FORMAT.md). Writing: begin → append pieces in order → commit (or abort).
  'backup:begin': { request: backupBeginRequestSchema, response: backupBeginResponseSchema },
  'backup:append': { request: backupAppendRequestSchema, response: backupAppendResponseSchema },
  'backup:commit': { request: backupSessionRequestSchema, response: backupCommitResponseSchema },
  'backup:abort': { request: backupSessionRequestSchema, response: z.null() },
  'backup:list': { request: z.undefined(), response: backupListingSchema },
  // Restoring: inspect (full check, for the preview) → open (full check again, keeps the file) → read pieces → close.
  'backup:inspect': { request: backupInspectRequestSchema, response: backupPreviewSchema },
  'backup:open': { request: backupInspectRequestSchema, response: backupOpenResponseSchema },
  'backup:read': { request: backupReadRequestSchema, response: backupReadResponseSchema },
  'backup:close': { request: backupReadRequestSchema, response: z.null() },
  'backup:reset': { request: z.undefined(), response: z.null() },
  'backup:getSettings': { request: z.undefined(), response: backupSettingsViewSchema },
  'backup:configure': { request: backupConfigureRequestSchema, response: backupSettingsViewSchema },
  'backup:setPassword': { request: backupPasswordRequestSchema, response: backupSettingsViewSchema },
  'backup:setUpEncryption': { request: backupSetUpEncryptionRequestSchema, response: backupSetUpEncryptionResponseSchema },
  // Automatic encryption: the recovery key this PC holds, for its printed sheet.
  'backup:recoverySheet': { request: z.undefined(), response: backupSetUpEncryptionResponseSchema },
  'backup:chooseFolder': { request: z.undefined(), response: backupChosenFolderSchema },
  'backup:chooseFile': { request: z.undefined(), response: backupChosenFileSchema },
  // Browser mode's file picker: the picked file's bytes → a copy main checks and restores like any file.
  'backup:receiveBegin': { request: backupReceiveBeginRequestSchema, response: backupReceiveBeginResponseSchema },
  'backup:receiveAppend': { request: backupReceiveAppendRequestSchema, response: backupReceiveAppendResponseSchema },
  'backup:receiveEnd': { request: backupReceiveEndRequestSchema, response: backupReceiveEndResponseSchema },
  'backup:showFolder': { request: z.undefined(), response: z.null() },
  // Export files (shared/ipc/exportFiles.ts): begin (desktop: a save dialog) → append pieces in order → commit (or abort).
  'export:begin': { request: exportBeginRequestSchema, response: exportBeginResponseSchema },
  'export:append': { request: exportAppendRequestSchema, response: exportAppendResponseSchema },
  'export:commit': { request: exportSessionRequestSchema, response: exportCommitResponseSchema },
  'export:abort': { request: exportSessionRequestSchema, response: z.null() },
  // The erasure register's copy in main (shared/ipc/erasures.ts): entries only ever added; the list is ids and dates.
  'erasures:record': { request: erasureRecordRequestSchema, response: erasureRecordResponseSchema },
  'erasures:list': { request: z.undefined(), response: erasureListSchema },
  // The owner session (shared/ipc/session.ts): main checks the PIN and knows who is at the keyboard.
  'session:state': { request: z.undefined(), response: sessionStateSchema },
  'session:unlock': { request: unlockRequestSchema, response: unlockResponseSchema },
  'session:setPin': { request: setPinRequestSchema, response: setPinResponseSchema },
  'session:adoptPin': { request: adoptPinRequestSchema, response: sessionStateSchema },
  'session:lock': { request: z.undefined(), response: sessionStateSchema },
  'session:touch': { request: z.undefined(), response: sessionStateSchema },
  // Care pop-ups (shared/ipc/reminderSchedule.ts): the page hands main the coming days' schedule, worded; main raises it.
  'reminders:schedule': { request: reminderScheduleSchema, response: z.null() },
  'reminders:prefs': { request: z.undefined(), response: reminderPrefsViewSchema },
  'reminders:setPrefs': { request: reminderPrefsSchema, response: reminderPrefsViewSchema },
  // The customer-facing survey screen (shared/ipc/surveyScreen.ts). The main window: the displays, open a session on
  // one, close the screen, what it shows and the answers given there (pulled, then said recorded).
  'surveyScreen:displays': { request: z.undefined(), response: screenDisplaysSchema },
  'surveyScreen:open': { request: screenOpenRequestSchema, response: screenOpenResponseSchema },
  'surveyScreen:close': { request: z.undefined(), response: z.null() },
  'surveyScreen:status': { request: z.undefined(), response: screenStatusSchema },
  'surveyScreen:recorded': { request: screenSessionRequestSchema, response: z.null() },
  // The screen window, and nothing else: its questions, and the customer's answer.
  'surveyScreen:session': { request: z.undefined(), response: screenSessionSchema },
  'surveyScreen:submit': { request: screenSubmitRequestSchema, response: z.null() },
} as const;

export type Channel = keyof typeof contract;

/**
 * Channels main refuses without an owner session, with the action each request performs (the permission
 * matrix in shared/domain/permissions.ts decides who may). A restore's reads need the owner only for a
 * file the owner chose; the backups in main's own folder are read by the clerk's daily restore test too.
 */
export const ownerChannels: { readonly [C in Channel]?: (request: z.infer<(typeof contract)[C]['request']>) => Action | null } = {
  'backup:configure': () => 'backup.settings',
  'backup:chooseFolder': () => 'backup.settings',
  'backup:setPassword': () => 'backup.password',
  'backup:setUpEncryption': () => 'backup.password',
  'backup:recoverySheet': () => 'backup.password',
  'backup:chooseFile': () => 'backup.restore',
  'backup:receiveBegin': () => 'backup.restore',
  'backup:inspect': (request) => ('handle' in request.source ? 'backup.restore' : null),
  'backup:open': (request) => ('handle' in request.source ? 'backup.restore' : null),
  'export:begin': (request) => (request.everything ? 'export.everything' : null),
  // Main's register erases whoever it names at every restore: only the owner, who erases, adds to it.
  'erasures:record': () => 'customers.erase',
  // Start at login and the tray change how this PC runs the app, like the store's other settings.
  'reminders:setPrefs': () => 'store.settings',
};

/** The owner action this request performs, or null when anyone may make it. */
export function ownerActionOf<C extends Channel>(channel: C, request: RequestOf<C>): Action | null {
  const rule = ownerChannels[channel] as ((request: RequestOf<C>) => Action | null) | undefined;
  return rule ? rule(request) : null;
}
export const CHANNELS = Object.keys(contract) as Channel[];

/**
 * The only channels the customer-facing screen may call, and the only ones only it may call: main refuses the
 * rest from it (and these from any other page), whatever its preload offers.
 */
export const SCREEN_CHANNELS = ['surveyScreen:session', 'surveyScreen:submit'] as const satisfies readonly Channel[];
export type ScreenChannel = (typeof SCREEN_CHANNELS)[number];
export function isScreenChannel(channel: Channel): channel is ScreenChannel {
  return (SCREEN_CHANNELS as readonly Channel[]).includes(channel);
}
export type RequestOf<C extends Channel> = z.infer<(typeof contract)[C]['request']>;
export type ResponseOf<C extends Channel> = z.infer<(typeof contract)[C]['response']>;

/**
 * Reasons a request can fail. The renderer translates each one (errors.<reason>),
 * so they are codes, never sentences.
 */
export const FAILURE_REASONS = [
  'invalid-request',
  'unknown-channel',
  'untrusted-sender',
  'url-not-allowed',
  'unavailable',
  'internal-error',
  'owner-required',
  ...BACKUP_REFUSALS,
  ...BACKUP_WRITE_FAILURES,
  ...BACKUP_SERVICE_FAILURES,
  ...EXPORT_FILE_FAILURES,
  ...SURVEY_SCREEN_FAILURES,
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

const resultSchemaCache = new Map<Channel, z.ZodType>();
function resultSchema(channel: Channel): z.ZodType {
  let schema = resultSchemaCache.get(channel);
  if (!schema) {
    schema = z.union([
      z.object({ ok: z.literal(true), value: contract[channel].response }),
      z.object({ ok: z.literal(false), reason: z.string() }),
    ]);
    resultSchemaCache.set(channel, schema);
  }
  return schema;
}

/** A transport: Electron's ipcRenderer.invoke, an HTTP call in web mode, a Playwright binding in tests. */
export type Invoke = (channel: Channel, payload: unknown) => Promise<unknown>;

export type DesktopApi = ReturnType<typeof createDesktopApi>;

/** A typed call over a transport; the response is checked against the channel's result schema. */
function caller(invoke: Invoke) {
  return async function call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
    let raw: unknown;
    try {
      raw = await invoke(channel, payload);
    } catch {
      return { ok: false, reason: 'unavailable' };
    }
    const parsed = resultSchema(channel).safeParse(raw);
    if (!parsed.success) return { ok: false, reason: 'internal-error' };
    return parsed.data as Result<ResponseOf<C>>;
  };
}

export type ScreenApi = ReturnType<typeof createScreenApi>;

/** The customer-facing screen's whole API (its preload exposes this and nothing else): its session, its answer, one event. */
export function createScreenApi(invoke: Invoke, events?: EventTransport) {
  const call = caller(invoke);
  return {
    session: () => call('surveyScreen:session', undefined),
    submit: (sessionId: string, answer: ScreenAnswer) => call('surveyScreen:submit', { sessionId, answer }),
    /** Main has a new session (or none) for the screen: ask for it again. */
    onUpdated: (listener: () => void): (() => void) => subscribeToMainEvent(events, 'surveyScreen:updated', () => listener()),
  };
}

/** The one typed API over any transport. Responses are checked too: a broken transport fails loudly. */
export function createDesktopApi(invoke: Invoke, events?: EventTransport) {
  const call = caller(invoke);
  return {
    /**
     * What main tells the page unasked (shared/ipc/events.ts), each payload checked before the listener sees
     * it. A transport without events (the browser mode) never calls back. Returns the unsubscribe.
     */
    events: {
      on: <E extends MainEvent>(event: E, listener: MainEventListener<E>): (() => void) => subscribeToMainEvent(events, event, listener),
    },
    app: {
      info: () => call('app:info', undefined),
      security: () => call('app:security', undefined),
      closeReady: () => call('app:closeReady', undefined),
    },
    links: {
      openExternal: (url: string) => call('link:open', { url }),
    },
    /** See shared/backup/client.ts for writing and reading a whole payload over these. */
    backup: {
      begin: (request: BackupBeginRequest) => call('backup:begin', request),
      /** Up to MAX_CHUNK_BYTES at `offset` (the bytes sent so far); base64 on the wire, so every transport carries it. */
      append: async (sessionId: string, offset: number, bytes: Uint8Array): Promise<Result<ResponseOf<'backup:append'>>> => {
        if (bytes.length === 0 || bytes.length > MAX_CHUNK_BYTES) return err('invalid-request');
        return call('backup:append', { sessionId, offset, data: bytesToBase64(bytes) });
      },
      commit: (sessionId: string) => call('backup:commit', { sessionId }),
      abort: (sessionId: string) => call('backup:abort', { sessionId }),
      list: () => call('backup:list', undefined),
      inspect: (request: BackupInspectRequest) => call('backup:inspect', request),
      open: (request: BackupInspectRequest) => call('backup:open', request),
      read: async (readId: string): Promise<Result<{ offset: number; data: Uint8Array; done: boolean }>> => {
        const piece = await call('backup:read', { readId });
        if (!piece.ok) return piece;
        const data = base64ToBytes(piece.value.data);
        return data === null ? err('internal-error') : ok({ offset: piece.value.offset, data, done: piece.value.done });
      },
      close: (readId: string) => call('backup:close', { readId }),
      reset: () => call('backup:reset', undefined),
      getSettings: () => call('backup:getSettings', undefined),
      configure: (request: BackupConfigureRequest) => call('backup:configure', request),
      /** A string sets or changes the password; null turns encryption off (main records the date). */
      setPassword: (password: string | null) => call('backup:setPassword', { password }),
      /** Sets the password and makes a new recovery key; its text comes back this once, for the printed sheet. */
      setUpEncryption: (password: string) => call('backup:setUpEncryption', { password }),
      /** While encryption is automatic: the recovery key this PC holds, for its printed sheet (owner only). */
      recoverySheet: () => call('backup:recoverySheet', undefined),
      /** The OS folder picker (desktop only; 'unavailable' in the browser mode). null when cancelled. */
      chooseFolder: () => call('backup:chooseFolder', undefined),
      /** The OS file picker for "restore from a file" (desktop only). null when cancelled. */
      chooseFile: () => call('backup:chooseFile', undefined),
      /** Browser mode: a file the owner picked in the browser, sent in pieces; see sendBackupFile in shared/backup/client.ts. */
      receiveBegin: (fileName: string, sizeBytes: number) => call('backup:receiveBegin', { fileName, sizeBytes }),
      receiveAppend: async (receiveId: string, offset: number, bytes: Uint8Array): Promise<Result<ResponseOf<'backup:receiveAppend'>>> => {
        if (bytes.length === 0 || bytes.length > MAX_CHUNK_BYTES) return err('invalid-request');
        return call('backup:receiveAppend', { receiveId, offset, data: bytesToBase64(bytes) });
      },
      receiveEnd: (receiveId: string) => call('backup:receiveEnd', { receiveId }),
      /** Opens the backup folder in Explorer or Finder. */
      showFolder: () => call('backup:showFolder', undefined),
    },
    /** See saveExportFile in shared/ipc/exportFiles.ts for sending a whole file. */
    exportFile: {
      /** Desktop: the OS save dialog, proposing `fileName`; null when the clerk cancelled it. `everything`: see exportBeginRequestSchema. */
      begin: (fileName: string, everything: boolean) => call('export:begin', { fileName, everything }),
      append: async (sessionId: string, offset: number, bytes: Uint8Array): Promise<Result<ResponseOf<'export:append'>>> => {
        if (bytes.length === 0 || bytes.length > MAX_CHUNK_BYTES) return err('invalid-request');
        return call('export:append', { sessionId, offset, data: bytesToBase64(bytes) });
      },
      commit: (sessionId: string) => call('export:commit', { sessionId }),
      abort: (sessionId: string) => call('export:abort', { sessionId }),
    },
    /** Main's copy of the erasure register; see syncErasureRegister in renderer/features/customers/erasureRegisterSync.ts. */
    erasures: {
      /** At most MAX_ERASURES_PER_RECORD entries; the owner only. */
      record: (entries: readonly ErasureEntry[]) => call('erasures:record', { entries: [...entries] }),
      list: () => call('erasures:list', undefined),
    },
    session: {
      state: () => call('session:state', undefined),
      unlock: (pin: string) => call('session:unlock', { pin }),
      setPin: (pin: string, confirmation: string) => call('session:setPin', { pin, confirmation }),
      adoptPin: (record: OwnerPinRecord) => call('session:adoptPin', { record }),
      lock: () => call('session:lock', undefined),
      touch: () => call('session:touch', undefined),
    },
    /** Care pop-ups: main raises the schedule the page sends (again whenever what is due changes). */
    reminders: {
      schedule: (schedule: ReminderSchedule) => call('reminders:schedule', schedule),
      prefs: () => call('reminders:prefs', undefined),
      /** The owner only. */
      setPrefs: (prefs: ReminderPrefs) => call('reminders:setPrefs', prefs),
    },
    /** The customer-facing survey screen (shared/ipc/surveyScreen.ts); main tells the page `surveyScreen:changed`. */
    surveyScreen: {
      displays: () => call('surveyScreen:displays', undefined),
      open: (request: ScreenOpenRequest) => call('surveyScreen:open', request),
      /** Ends a waiting session and closes the screen window. */
      close: () => call('surveyScreen:close', undefined),
      status: () => call('surveyScreen:status', undefined),
      /** The answer of `sessionId` is in the database: main forgets it. */
      recorded: (sessionId: string) => call('surveyScreen:recorded', { sessionId }),
    },
  };
}
