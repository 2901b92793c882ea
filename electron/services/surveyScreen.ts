// The customer-facing survey screen in main: one window, full screen on the display the clerk chose (remembered),
// one session at a time, the answer held for the main window until it says it is recorded. The OS (the window
// factory, the displays, the clock, the file the choice is kept in) comes in as parameters.
import type { BrowserWindowConstructorOptions } from 'electron';
import { z } from 'zod';
import type { FailureReason } from '../../shared/ipc/contract';
import { createPageEvents } from '../ipc/pageEvents';
import {
  SCREEN_OUTBOX_MAX,
  answerFitsQuestions,
  type ScreenAnswer,
  type ScreenAnswered,
  type ScreenDisplay,
  type ScreenDisplays,
  type ScreenOpenRequest,
  type ScreenSession,
  type ScreenStatus,
} from '../../shared/ipc/surveyScreen';
import { err, ok, type Result } from '../../shared/result';
import { guardScreenContents, type GuardedContents } from '../security/screenGuard';
import { createScreenWindowOptions } from '../security/windowOptions';
import type { JsonFile } from './ownerSession/jsonFile';

/** The remembered display, a file of this PC. */
export const SURVEY_SCREEN_FILE = 'survey-screen.json';

export interface ScreenRectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the service reads of Electron's Display. */
export interface DisplayInfo {
  id: number;
  label?: string;
  bounds: ScreenRectangle;
  internal?: boolean;
}

/** Electron's `screen`, as far as the service needs it. */
export interface ScreenOs {
  getAllDisplays(): DisplayInfo[];
  getPrimaryDisplay(): DisplayInfo;
}

/** What the service uses of a BrowserWindow (Electron's, or the e2e harness's stand-in over a second page). */
export interface ScreenWindow {
  webContents: GuardedContents & { send(channel: string, ...args: unknown[]): void };
  loadURL(url: string): Promise<void>;
  setBounds(bounds: ScreenRectangle): void;
  setFullScreen(flag: boolean): void;
  removeMenu(): void;
  show(): void;
  focus(): void;
  close(): void;
  isDestroyed(): boolean;
  on(event: 'closed', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
}

export interface SurveyScreenDeps {
  /** Electron's `new BrowserWindow(options)`; null where there are no windows (the browser mode). */
  createWindow: ((options: BrowserWindowConstructorOptions) => ScreenWindow) | null;
  screen: ScreenOs | null;
  /** The screen page's address (regulars://app/screen.html; the harness's server in e2e tests). */
  screenUrl: string;
  /** Absolute path of the screen's own preload. */
  preloadPath: string;
  now: () => number;
  /** Where the chosen display is remembered. */
  choiceFile: JsonFile;
  /** Tells the main window `surveyScreen:changed`. */
  tellApp: () => void;
  /** console.error by default; never given an answer's contents. */
  log?: (line: string) => void;
}

export interface SurveyScreenService {
  displays(): Promise<Result<ScreenDisplays, FailureReason>>;
  open(request: ScreenOpenRequest): Promise<Result<{ displayId: number }, FailureReason>>;
  close(): Result<null, FailureReason>;
  status(): Result<ScreenStatus, FailureReason>;
  recorded(sessionId: string): Result<null, FailureReason>;
  /** The screen window's calls. */
  session(): Result<ScreenSession, FailureReason>;
  submit(sessionId: string, answer: ScreenAnswer): Result<null, FailureReason>;
}

const choiceFileSchema = z.strictObject({ version: z.literal(1), displayId: z.int().min(0).max(2 ** 32) });

/** Sessions already answered or cancelled, so a late or replayed submit for one is refused rather than taken as unknown. */
const FINISHED_KEPT = 20;

export function createSurveyScreenService(deps: SurveyScreenDeps): SurveyScreenService {
  const log = deps.log ?? ((line: string) => console.error(line));
  let window: ScreenWindow | null = null;
  let waiting: (ScreenOpenRequest & { displayId: number }) | null = null;
  let language: ScreenOpenRequest['language'] = 'zh-CN';
  const answered: ScreenAnswered[] = [];
  const finished: string[] = [];

  const finish = (sessionId: string) => {
    finished.push(sessionId);
    if (finished.length > FINISHED_KEPT) finished.shift();
  };

  const tellScreen = (target: ScreenWindow) => {
    const events = createPageEvents({ deliver: (event, payload) => target.webContents.send(event, payload), logError: log });
    events.send('surveyScreen:updated', undefined);
  };

  const describe = (display: DisplayInfo, primaryId: number, index: number): ScreenDisplay => ({
    id: display.id,
    label: (display.label ?? '').trim().slice(0, 200) || `${index + 1}`,
    width: Math.max(0, Math.round(display.bounds.width)),
    height: Math.max(0, Math.round(display.bounds.height)),
    primary: display.id === primaryId,
  });

  const currentDisplays = (): { all: DisplayInfo[]; primaryId: number } | null => {
    if (!deps.screen) return null;
    const all = deps.screen.getAllDisplays().filter((display) => Number.isInteger(display.id) && display.id >= 0);
    // With every display unplugged there may be no primary one either.
    const primary = deps.screen.getPrimaryDisplay() as DisplayInfo | undefined;
    return { all, primaryId: primary?.id ?? -1 };
  };

  const remembered = async (): Promise<number | null> => {
    try {
      const parsed = choiceFileSchema.safeParse(await deps.choiceFile.read());
      return parsed.success ? parsed.data.displayId : null;
    } catch {
      return null;
    }
  };

  const remember = async (displayId: number) => {
    try {
      await deps.choiceFile.write({ version: 1, displayId });
    } catch {
      log('[surveyScreen] could not remember the chosen display');
    }
  };

  const showOn = (display: DisplayInfo): ScreenWindow => {
    const createWindow = deps.createWindow as NonNullable<SurveyScreenDeps['createWindow']>;
    if (window && !window.isDestroyed()) {
      const existing = window;
      existing.setFullScreen(false);
      existing.setBounds(display.bounds);
      existing.setFullScreen(true);
      existing.show();
      tellScreen(existing);
      return existing;
    }
    const created = createWindow(createScreenWindowOptions({ preloadPath: deps.preloadPath, bounds: display.bounds }));
    window = created;
    guardScreenContents(created.webContents, (what) => log(`[surveyScreen] refused ${what} in the customer screen`));
    created.removeMenu();
    created.once('ready-to-show', () => {
      created.show();
      created.focus();
    });
    created.on('closed', () => {
      if (window !== created) return;
      window = null;
      // Closed by the OS, a key or an unplugged display: whoever was asked is asked no more.
      if (waiting) {
        finish(waiting.sessionId);
        waiting = null;
      }
      deps.tellApp();
    });
    created.loadURL(deps.screenUrl).catch(() => log('[surveyScreen] the customer screen failed to load'));
    return created;
  };

  return {
    async displays() {
      const found = currentDisplays();
      if (!found || !deps.createWindow) return ok({ displays: [], chosenId: null, available: false });
      const chosen = await remembered();
      return ok({
        displays: found.all.map((display, index) => describe(display, found.primaryId, index)),
        chosenId: chosen !== null && found.all.some((display) => display.id === chosen) ? chosen : null,
        available: true,
      });
    },

    async open(request) {
      const found = currentDisplays();
      if (!found || !deps.createWindow) return err('unavailable');
      if (waiting) return err('screen-busy');
      if (finished.includes(request.sessionId) || answered.some((entry) => entry.sessionId === request.sessionId)) return err('invalid-request');
      let display: DisplayInfo | undefined;
      if (request.displayId !== null) {
        display = found.all.find((candidate) => candidate.id === request.displayId);
        if (!display) return err('screen-no-display');
      } else {
        const chosen = await remembered();
        display =
          found.all.find((candidate) => candidate.id === chosen) ??
          found.all.find((candidate) => candidate.id !== found.primaryId) ??
          found.all.find((candidate) => candidate.id === found.primaryId) ??
          found.all[0];
        if (!display) return err('screen-no-display');
      }
      // Checked again after the wait: another open may have come in meanwhile.
      if (waiting) return err('screen-busy');
      waiting = { ...request, displayId: display.id };
      language = request.language;
      if (request.displayId !== null) await remember(display.id);
      showOn(display);
      deps.tellApp();
      return ok({ displayId: display.id });
    },

    close() {
      const closing = window;
      // Nothing up and nobody asked: nothing changes, and the main window is not told so.
      if (!waiting && (!closing || closing.isDestroyed())) return ok(null);
      if (waiting) {
        finish(waiting.sessionId);
        waiting = null;
      }
      window = null;
      if (closing && !closing.isDestroyed()) closing.close();
      deps.tellApp();
      return ok(null);
    },

    status() {
      return ok({
        waiting: waiting ? { sessionId: waiting.sessionId, customerId: waiting.context.customerId, displayId: waiting.displayId } : null,
        windowOpen: window !== null && !window.isDestroyed(),
        answered: answered.map((entry) => ({ ...entry, context: { ...entry.context }, answer: { ...entry.answer, choices: [...entry.answer.choices] } })),
      });
    },

    recorded(sessionId) {
      const index = answered.findIndex((entry) => entry.sessionId === sessionId);
      if (index === -1) return err('screen-unknown-session');
      answered.splice(index, 1);
      deps.tellApp();
      return ok(null);
    },

    session() {
      if (!waiting) return ok({ state: 'idle', language });
      return ok({ state: 'asking', sessionId: waiting.sessionId, language: waiting.language, questions: waiting.questions });
    },

    submit(sessionId, answer) {
      if (!waiting || waiting.sessionId !== sessionId) return err('screen-unknown-session');
      if (!answerFitsQuestions(answer, waiting.questions)) return err('invalid-request');
      if (answered.length >= SCREEN_OUTBOX_MAX) return err('screen-busy');
      answered.push({
        sessionId,
        context: { ...waiting.context },
        answer: { csat: answer.csat, nps: answer.nps, choices: [...answer.choices], why: answer.why.trim() },
        answeredAt: new Date(deps.now()).toISOString(),
      });
      finish(sessionId);
      waiting = null;
      deps.tellApp();
      return ok(null);
    },
  };
}
