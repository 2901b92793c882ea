// The customer-facing screen's service over a stand-in BrowserWindow and screen, and its channels through the
// real IPC handler: the window is locked down and refuses every navigation, one session at a time, only the
// screen page asks the screen's channels (and nothing else), hostile payloads and unknown sessions are refused.
import type { BrowserWindowConstructorOptions } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScreenOpenRequest } from '../../shared/ipc/surveyScreen';
import { createIpcHandler } from '../ipc/handlers';
import type { PreventableEvent } from '../security/screenGuard';
import { createWebServices } from './index';
import { createJsonFile } from './ownerSession/jsonFile';
import { createSurveyScreenService, SURVEY_SCREEN_FILE, type DisplayInfo, type ScreenOs, type ScreenRectangle, type ScreenWindow, type SurveyScreenService } from './surveyScreen';

class FakeScreenWindow implements ScreenWindow {
  readonly loaded: string[] = [];
  readonly sent: [string, unknown][] = [];
  readonly boundsSet: ScreenRectangle[] = [];
  fullScreen = false;
  shown = 0;
  menuRemoved = false;
  destroyed = false;
  private readonly listeners = new Map<string, ((event: PreventableEvent) => void)[]>();
  private readonly closedListeners: (() => void)[] = [];
  private readyListeners: (() => void)[] = [];
  private openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    this.fullScreen = options.fullscreen === true;
  }

  readonly webContents = {
    on: (event: string, listener: (event: PreventableEvent) => void) => {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this.webContents;
    },
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: 'deny' }) => {
      this.openHandler = handler;
    },
    send: (channel: string, ...args: unknown[]) => void this.sent.push([channel, args[0]]),
  };

  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  setBounds(bounds: ScreenRectangle): void {
    this.boundsSet.push(bounds);
  }
  setFullScreen(flag: boolean): void {
    this.fullScreen = flag;
  }
  removeMenu(): void {
    this.menuRemoved = true;
  }
  show(): void {
    this.shown++;
  }
  focus(): void {}
  close(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const listener of this.closedListeners) listener();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  on(_event: 'closed', listener: () => void): this {
    this.closedListeners.push(listener);
    return this;
  }
  once(_event: 'ready-to-show', listener: () => void): this {
    this.readyListeners.push(listener);
    return this;
  }

  /** The page is ready to show. */
  ready(): void {
    const due = this.readyListeners;
    this.readyListeners = [];
    for (const listener of due) listener();
  }

  /** The page (or the customer) tries a navigation of this kind; true when it went ahead. */
  tryNavigation(kind: 'will-navigate' | 'will-redirect' | 'will-frame-navigate' | 'will-attach-webview'): boolean {
    let prevented = false;
    const event = { preventDefault: () => void (prevented = true) };
    for (const listener of this.listeners.get(kind) ?? []) listener(event);
    return !prevented;
  }

  /** window.open or a target=_blank link: what the window's handler answers (allowed when none is set). */
  tryOpen(url: string): 'allow' | 'deny' {
    return this.openHandler ? this.openHandler({ url }).action : 'allow';
  }
}

function display(id: number, x: number, label = `Display ${id}`): DisplayInfo {
  return { id, label, bounds: { x, y: 0, width: 1920, height: 1080 } };
}

function fakeScreen(displays: DisplayInfo[], primaryId: number): ScreenOs {
  return {
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => displays.find((d) => d.id === primaryId) ?? (displays[0] as DisplayInfo),
  };
}

const SCREEN_URL = 'regulars://app/screen.html';
const PRELOAD = path.resolve('/opt/regulars/dist/electron/preload-screen.cjs');
const NOW = Date.parse('2026-12-05T03:00:00.000Z');
const SESSION = '0b6c3c0e-7d3e-4a57-9a55-3a1f1c2b9d01';
const OTHER_SESSION = '5d4f0c7a-2c59-4d8e-8f0e-6f7a8b9c0d12';
const CUSTOMER = '7e1c2d3b-4a5f-4e6d-9c8b-1a2b3c4d5e6f';

const request = (overrides: Partial<ScreenOpenRequest> = {}): ScreenOpenRequest => ({
  sessionId: SESSION,
  displayId: 2,
  language: 'en',
  questions: { csat: true, nps: true, choice: true, choiceOptions: ['service', 'price'], why: true },
  context: { customerId: CUSTOMER, purchaseId: null, surveyId: 'survey-1', surveyVersion: 3 },
  ...overrides,
});

let folder: string;
let windows: FakeScreenWindow[];
let told: number;
let logs: string[];
let displays: DisplayInfo[];

function service(overrides: { createWindow?: null; screen?: ScreenOs | null } = {}): SurveyScreenService {
  return createSurveyScreenService({
    createWindow:
      overrides.createWindow === null
        ? null
        : (options) => {
            const created = new FakeScreenWindow(options);
            windows.push(created);
            return created;
          },
    screen: overrides.screen === undefined ? fakeScreen(displays, 1) : overrides.screen,
    screenUrl: SCREEN_URL,
    preloadPath: PRELOAD,
    now: () => NOW,
    choiceFile: createJsonFile(path.join(folder, SURVEY_SCREEN_FILE)),
    tellApp: () => void told++,
    log: (line) => void logs.push(line),
  });
}

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'survey-screen-'));
  windows = [];
  told = 0;
  logs = [];
  displays = [display(1, 0, 'Built-in'), display(2, 1920, 'Counter screen')];
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const lastWindow = () => windows.at(-1) as FakeScreenWindow;

describe('the screen window', () => {
  it('opens full screen on the chosen display, locked down, with the screen preload, and loads the screen page only', async () => {
    const screen = service();
    expect(await screen.open(request())).toEqual({ ok: true, value: { displayId: 2 } });
    const window = lastWindow();
    expect(window.options).toMatchObject({ x: 1920, y: 0, width: 1920, height: 1080, fullscreen: true, frame: false, show: false });
    expect(window.options.webPreferences).toMatchObject({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect(window.loaded).toEqual([SCREEN_URL]);
    expect(window.menuRemoved).toBe(true);
    window.ready();
    expect(window.shown).toBe(1);
    expect(told).toBe(1);
  });

  it('refuses every navigation, redirect, subframe navigation, webview and new window', async () => {
    const screen = service();
    await screen.open(request());
    const window = lastWindow();
    for (const kind of ['will-navigate', 'will-redirect', 'will-frame-navigate', 'will-attach-webview'] as const) {
      expect(window.tryNavigation(kind)).toBe(false);
    }
    for (const url of ['regulars://app/index.html#/customers', 'https://example.com', 'mailto:a@b.c', 'javascript:alert(1)', '']) {
      expect(window.tryOpen(url)).toBe('deny');
    }
    expect(logs.filter((line) => line.includes('refused'))).toHaveLength(9);
  });

  it('lists the displays with the remembered choice, and remembers the one the clerk picks', async () => {
    const screen = service();
    expect(await screen.displays()).toEqual({
      ok: true,
      value: {
        displays: [
          { id: 1, label: 'Built-in', width: 1920, height: 1080, primary: true },
          { id: 2, label: 'Counter screen', width: 1920, height: 1080, primary: false },
        ],
        chosenId: null,
        available: true,
      },
    });
    await screen.open(request({ displayId: 1 }));
    expect(((await screen.displays()) as { value: { chosenId: number } }).value.chosenId).toBe(1);
    // A new start of main reads the same file.
    expect(((await service().displays()) as { value: { chosenId: number } }).value.chosenId).toBe(1);
  });

  it('without a choice goes to the remembered display, else one that is not the clerk’s', async () => {
    expect(await service().open(request({ displayId: null }))).toEqual({ ok: true, value: { displayId: 2 } });
    await writeFile(path.join(folder, SURVEY_SCREEN_FILE), JSON.stringify({ version: 1, displayId: 1 }));
    expect(await service().open(request({ displayId: null }))).toEqual({ ok: true, value: { displayId: 1 } });
    // The remembered display unplugged: another one.
    await writeFile(path.join(folder, SURVEY_SCREEN_FILE), JSON.stringify({ version: 1, displayId: 9 }));
    expect(await service().open(request({ displayId: null }))).toEqual({ ok: true, value: { displayId: 2 } });
    // A broken file is no choice.
    await writeFile(path.join(folder, SURVEY_SCREEN_FILE), '{"version":1,"displayId":"2; rm -rf /"}');
    expect(await service().open(request({ displayId: null }))).toEqual({ ok: true, value: { displayId: 2 } });
    displays = [display(1, 0)];
    expect(await service().open(request({ displayId: null }))).toEqual({ ok: true, value: { displayId: 1 } });
  });

  it('refuses a display that is not there, and opens nothing without windows or displays', async () => {
    const screen = service();
    expect(await screen.open(request({ displayId: 7 }))).toEqual({ ok: false, reason: 'screen-no-display' });
    expect(windows).toHaveLength(0);
    displays = [];
    expect(await service().open(request({ displayId: null }))).toEqual({ ok: false, reason: 'screen-no-display' });
    expect(await service({ createWindow: null }).open(request())).toEqual({ ok: false, reason: 'unavailable' });
    expect(await service({ screen: null }).displays()).toEqual({ ok: true, value: { displays: [], chosenId: null, available: false } });
  });
});

describe('one session at a time', () => {
  it('refuses a second session while one waits, and a session id used before', async () => {
    const screen = service();
    await screen.open(request());
    expect(await screen.open(request({ sessionId: OTHER_SESSION }))).toEqual({ ok: false, reason: 'screen-busy' });
    expect(windows).toHaveLength(1);
    screen.close();
    expect(await screen.open(request())).toEqual({ ok: false, reason: 'invalid-request' });
  });

  it('tells the screen only what the customer sees', async () => {
    const screen = service();
    expect(screen.session()).toEqual({ ok: true, value: { state: 'idle', language: 'zh-CN' } });
    await screen.open(request());
    const session = screen.session();
    expect(session).toEqual({
      ok: true,
      value: { state: 'asking', sessionId: SESSION, language: 'en', questions: request().questions },
    });
    expect(JSON.stringify(session)).not.toContain(CUSTOMER);
    expect(JSON.stringify(session)).not.toContain('survey-1');
  });

  it('takes the answer once, holds it for the main window until recorded, and goes idle', async () => {
    const screen = service();
    await screen.open(request());
    told = 0;
    const answer = { csat: 2, nps: 4, choices: ['price' as const], why: '  too slow  ' };
    expect(screen.submit(SESSION, answer)).toEqual({ ok: true, value: null });
    expect(told).toBe(1);
    expect(screen.submit(SESSION, answer)).toEqual({ ok: false, reason: 'screen-unknown-session' });
    expect(screen.session()).toEqual({ ok: true, value: { state: 'idle', language: 'en' } });
    const status = screen.status();
    expect(status).toEqual({
      ok: true,
      value: {
        waiting: null,
        windowOpen: true,
        answered: [{ sessionId: SESSION, context: request().context, answer: { ...answer, why: 'too slow' }, answeredAt: '2026-12-05T03:00:00.000Z' }],
      },
    });
    // Pulled again after a reload: still there until the page says it is recorded.
    expect((screen.status() as { value: { answered: unknown[] } }).value.answered).toHaveLength(1);
    expect(screen.recorded(SESSION)).toEqual({ ok: true, value: null });
    expect(screen.recorded(SESSION)).toEqual({ ok: false, reason: 'screen-unknown-session' });
    expect((screen.status() as { value: { answered: unknown[] } }).value.answered).toEqual([]);
  });

  it('refuses a submit for an unknown, cancelled or other session', async () => {
    const screen = service();
    const answer = { csat: 5, nps: null, choices: [], why: '' };
    expect(screen.submit(SESSION, answer)).toEqual({ ok: false, reason: 'screen-unknown-session' });
    await screen.open(request());
    expect(screen.submit(OTHER_SESSION, answer)).toEqual({ ok: false, reason: 'screen-unknown-session' });
    screen.close();
    expect(lastWindow().destroyed).toBe(true);
    expect(screen.submit(SESSION, answer)).toEqual({ ok: false, reason: 'screen-unknown-session' });
    expect((screen.status() as { value: { answered: unknown[] } }).value.answered).toEqual([]);
  });

  it('refuses an answer that does not fit the questions asked', async () => {
    const screen = service();
    await screen.open(request({ questions: { csat: true, nps: false, choice: true, choiceOptions: ['service'], why: false } }));
    const refused = [
      { csat: null, nps: null, choices: [], why: '' },
      { csat: 4, nps: 9, choices: [], why: '' },
      { csat: 4, nps: null, choices: ['price' as const], why: '' },
      { csat: 4, nps: null, choices: ['service' as const, 'service' as const], why: '' },
      { csat: 4, nps: null, choices: [], why: 'not asked' },
    ];
    for (const answer of refused) expect(screen.submit(SESSION, answer)).toEqual({ ok: false, reason: 'invalid-request' });
    expect(screen.submit(SESSION, { csat: 4, nps: null, choices: ['service'], why: '' })).toEqual({ ok: true, value: null });
  });

  it('ends the session when the OS closes the window, and opens the next one in a new window', async () => {
    const screen = service();
    await screen.open(request());
    told = 0;
    lastWindow().close();
    expect(told).toBe(1);
    expect(screen.status()).toEqual({ ok: true, value: { waiting: null, windowOpen: false, answered: [] } });
    expect(screen.submit(SESSION, { csat: 5, nps: null, choices: [], why: '' })).toEqual({ ok: false, reason: 'screen-unknown-session' });
    await screen.open(request({ sessionId: OTHER_SESSION }));
    expect(windows).toHaveLength(2);
  });

  it('shows the next session in the window already up, moved to the display asked, and tells its page', async () => {
    const screen = service();
    await screen.open(request());
    screen.submit(SESSION, { csat: 5, nps: 10, choices: [], why: '' });
    await screen.open(request({ sessionId: OTHER_SESSION, displayId: 1 }));
    const window = lastWindow();
    expect(windows).toHaveLength(1);
    expect(window.boundsSet.at(-1)).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    expect(window.fullScreen).toBe(true);
    expect(window.sent).toEqual([['surveyScreen:updated', undefined]]);
  });
});

describe('the screen channels through the IPC handler', () => {
  const APP = 'http://127.0.0.1:4000';
  let call: (channel: string, payload: unknown, sender?: string) => Promise<unknown>;

  beforeEach(() => {
    const services = createWebServices({
      dataFolder: folder,
      version: '0.1.0-test',
      systemLocale: 'en-US',
      log: () => undefined,
      surveyScreen: {
        createWindow: (options) => {
          const created = new FakeScreenWindow(options);
          windows.push(created);
          return created;
        },
        screen: fakeScreen(displays, 1),
        screenUrl: `${APP}/screen.html`,
        preloadPath: PRELOAD,
        tellApp: () => void told++,
      },
    });
    const handler = createIpcHandler(services, { trustedOrigins: [APP], logError: () => undefined });
    call = (channel, payload, sender = `${APP}/index.html#/customers`) => handler({ channel, payload, senderUrl: sender });
  });

  const SCREEN_PAGE = `${APP}/screen.html`;

  it('runs a session from the main window to the screen and back', async () => {
    expect(await call('surveyScreen:open', request())).toEqual({ ok: true, value: { displayId: 2 } });
    expect(await call('surveyScreen:session', undefined, SCREEN_PAGE)).toMatchObject({ ok: true, value: { state: 'asking', sessionId: SESSION } });
    expect(await call('surveyScreen:submit', { sessionId: SESSION, answer: { csat: 1, nps: 0, choices: [], why: '' } }, SCREEN_PAGE)).toEqual({ ok: true, value: null });
    expect(await call('surveyScreen:status', undefined)).toMatchObject({ ok: true, value: { answered: [{ sessionId: SESSION, answer: { csat: 1, nps: 0 } }] } });
    expect(await call('surveyScreen:recorded', { sessionId: SESSION })).toEqual({ ok: true, value: null });
  });

  it('answers the screen page its two channels only, and those to no other page', async () => {
    await call('surveyScreen:open', request());
    for (const channel of ['app:info', 'backup:list', 'session:state', 'surveyScreen:status', 'surveyScreen:open', 'surveyScreen:close', 'surveyScreen:recorded', 'link:open', 'erasures:list']) {
      expect(await call(channel, undefined, SCREEN_PAGE)).toEqual({ ok: false, reason: 'untrusted-sender' });
      expect(await call(channel, undefined, `${SCREEN_PAGE}?x=1#/customers`)).toEqual({ ok: false, reason: 'untrusted-sender' });
    }
    for (const sender of [`${APP}/`, `${APP}/index.html`, `${APP}/index.html#/screen.html`, `${APP}/screen.html.evil`, 'https://evil.example/screen.html', 'http://127.0.0.1:4001/screen.html']) {
      expect(await call('surveyScreen:session', undefined, sender)).toEqual({ ok: false, reason: 'untrusted-sender' });
      expect(await call('surveyScreen:submit', { sessionId: SESSION, answer: { csat: 1, nps: null, choices: [], why: '' } }, sender)).toEqual({ ok: false, reason: 'untrusted-sender' });
    }
    expect(await call('surveyScreen:status', undefined)).toMatchObject({ ok: true, value: { waiting: { sessionId: SESSION }, answered: [] } });
  });

  it('refuses hostile payloads before the service', async () => {
    await call('surveyScreen:open', request());
    const answer = { csat: 3, nps: 7, choices: ['service'], why: 'ok' };
    const hostileSubmits: unknown[] = [
      undefined,
      'yes',
      { sessionId: SESSION },
      { sessionId: SESSION, answer: { ...answer, csat: 6 } },
      { sessionId: SESSION, answer: { ...answer, csat: 0 } },
      { sessionId: SESSION, answer: { ...answer, nps: 3.5 } },
      { sessionId: SESSION, answer: { ...answer, nps: 11 } },
      { sessionId: SESSION, answer: { ...answer, nps: '10' } },
      { sessionId: SESSION, answer: { ...answer, choices: ['free stuff'] } },
      { sessionId: SESSION, answer: { ...answer, choices: ['service', 'price', 'range', 'waiting', 'service'] } },
      { sessionId: SESSION, answer: { ...answer, why: 'x'.repeat(1001) } },
      { sessionId: SESSION, answer: { ...answer, customerId: CUSTOMER } },
      { sessionId: SESSION, answer, customerId: CUSTOMER },
      { sessionId: 'not-a-uuid', answer },
      { sessionId: SESSION, answer: JSON.parse('{"csat":3,"nps":7,"choices":[],"why":"","__proto__":{"admin":true}}') },
    ];
    for (const payload of hostileSubmits) {
      expect(await call('surveyScreen:submit', payload, SCREEN_PAGE)).toEqual({ ok: false, reason: 'invalid-request' });
    }
    expect(await call('surveyScreen:session', { sessionId: SESSION }, SCREEN_PAGE)).toEqual({ ok: false, reason: 'invalid-request' });
    expect(await call('surveyScreen:status', undefined)).toMatchObject({ ok: true, value: { waiting: { sessionId: SESSION }, answered: [] } });

    await call('surveyScreen:close', undefined);
    const hostileOpens: unknown[] = [
      { ...request({ sessionId: OTHER_SESSION }), customerName: '张三' },
      { ...request({ sessionId: OTHER_SESSION }), context: { ...request().context, name: '张三' } },
      request({ sessionId: OTHER_SESSION, questions: { csat: false, nps: false, choice: false, choiceOptions: [], why: false } }),
      request({ sessionId: OTHER_SESSION, questions: { csat: true, nps: true, choice: true, choiceOptions: ['price', 'price'], why: true } }),
      { ...request({ sessionId: OTHER_SESSION }), language: 'fr' },
      { ...request({ sessionId: OTHER_SESSION }), displayId: -1 },
      { ...request({ sessionId: OTHER_SESSION }), displayId: 1.5 },
    ];
    for (const payload of hostileOpens) expect(await call('surveyScreen:open', payload)).toEqual({ ok: false, reason: 'invalid-request' });
    expect(windows).toHaveLength(1);
  });
});
