// The e2e harness's customer screen: Electron's BrowserWindow played by a second Playwright page in the same
// context (the same bridge to the real handlers), with the real guard's listeners applied to what the page tries:
// a navigation of the main frame or a subframe, and a window it opens. Two displays stand in for Electron's screen.
import type { BrowserContext, Page, Route } from '@playwright/test';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { PreventableEvent } from '../../electron/security/screenGuard';
import { isScreenPageUrl } from '../../electron/security/urls';
import type { SurveyScreenOsInput } from '../../electron/services';
import type { DisplayInfo, ScreenRectangle, ScreenWindow } from '../../electron/services/surveyScreen';

export const HARNESS_DISPLAYS: DisplayInfo[] = [
  { id: 1, label: 'Built-in display', bounds: { x: 0, y: 0, width: 1280, height: 820 } },
  { id: 2, label: 'Counter display', bounds: { x: 1280, y: 0, width: 1280, height: 820 } },
];

/** What a test sees of the customer screen. */
export interface HarnessScreen {
  /** The screen window's page, once main has opened it (waits for it). */
  page(): Promise<Page>;
  /** How many screen windows main has opened. */
  opened: number;
  /** The window options main opened the latest with. */
  options: BrowserWindowConstructorOptions | null;
  /** What the guard refused ('will-navigate', 'window-open', …), in order. */
  refused: string[];
}

type NavigationListener = (event: PreventableEvent) => void;

class HarnessScreenWindow implements ScreenWindow {
  private readonly listeners = new Map<string, NavigationListener[]>();
  private readonly closedListeners: (() => void)[] = [];
  private openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  private destroyed = false;
  /** The next main-frame navigation is main's own loadURL: Electron emits no will-navigate for it. */
  private loading = false;
  readonly page: Promise<Page>;

  constructor(context: BrowserContext) {
    this.page = context.newPage().then(async (page) => {
      await page.route('**/*', (route) => this.route(page, route));
      page.on('popup', (popup) => {
        const action = this.openHandler ? this.openHandler({ url: popup.url() }).action : 'allow';
        if (action === 'deny') void popup.close();
      });
      page.on('close', () => this.markClosed());
      return page;
    });
  }

  private async route(page: Page, route: Route): Promise<void> {
    const request = route.request();
    if (!request.isNavigationRequest()) return route.continue();
    const mainFrame = request.frame() === page.mainFrame();
    if (mainFrame && this.loading) {
      this.loading = false;
      return route.continue();
    }
    // A reload of the same page is no navigation to Electron either.
    if (mainFrame && request.url().split('#')[0] === page.url().split('#')[0]) return route.continue();
    let prevented = false;
    const event = { preventDefault: () => void (prevented = true) };
    for (const listener of this.listeners.get(mainFrame ? 'will-navigate' : 'will-frame-navigate') ?? []) listener(event);
    // ERR_ABORTED leaves the page as it was (no error page), as a prevented navigation does in Electron.
    return prevented ? route.abort('aborted') : route.continue();
  }

  private markClosed(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const listener of this.closedListeners) listener();
  }

  readonly webContents = {
    on: (event: string, listener: NavigationListener) => {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this.webContents;
    },
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: 'deny' }) => {
      this.openHandler = handler;
    },
    send: (channel: string, ...args: unknown[]) => {
      void this.page.then((page) =>
        page
          .evaluate(([name, payload]) => (window as unknown as { __regularsMainEvent?: (e: string, p: unknown) => void }).__regularsMainEvent?.(name, payload), [
            channel,
            args[0],
          ] as const)
          .catch(() => undefined),
      );
    },
  };

  async loadURL(url: string): Promise<void> {
    const page = await this.page;
    this.loading = true;
    await page.goto(url);
  }
  setBounds(_bounds: ScreenRectangle): void {}
  setFullScreen(_flag: boolean): void {}
  removeMenu(): void {}
  show(): void {}
  focus(): void {}
  close(): void {
    void this.page.then((page) => page.close());
    this.markClosed();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  on(_event: 'closed', listener: () => void): this {
    this.closedListeners.push(listener);
    return this;
  }
  once(_event: 'ready-to-show', listener: () => void): this {
    void this.page.then(() => listener());
    return this;
  }
}

/** The pages of the app (not the customer screen), where main's events for the app go. */
export function appPages(context: BrowserContext): Page[] {
  return context.pages().filter((page) => !isScreenPageUrl(page.url()));
}

/** The customer screen's OS for the harness's main: windows are pages of `context`; the app is told through its pages. */
export function harnessScreenOs(context: BrowserContext, baseURL: string, screen: HarnessScreen, tellApp: () => void): SurveyScreenOsInput {
  let latest: HarnessScreenWindow | null = null;
  const waiters: ((page: Page) => void)[] = [];
  screen.page = () =>
    latest
      ? latest.page
      : new Promise<Page>((resolve) => {
          waiters.push(resolve);
        });
  return {
    createWindow: (options) => {
      const window = new HarnessScreenWindow(context);
      latest = window;
      screen.opened++;
      screen.options = options;
      void window.page.then((page) => waiters.splice(0).forEach((resolve) => resolve(page)));
      const on = window.webContents.on;
      // What the guard refuses is recorded: the listener prevents, then says which.
      window.webContents.on = (event: string, listener: NavigationListener) =>
        on(event, (navigation) => {
          let prevented = false;
          listener({ preventDefault: () => ((prevented = true), navigation.preventDefault()) });
          if (prevented) screen.refused.push(event);
        });
      const setHandler = window.webContents.setWindowOpenHandler;
      window.webContents.setWindowOpenHandler = (handler) =>
        setHandler((details) => {
          const answer = handler(details);
          if (answer.action === 'deny') screen.refused.push('window-open');
          return answer;
        });
      return window;
    },
    screen: { getAllDisplays: () => HARNESS_DISPLAYS, getPrimaryDisplay: () => HARNESS_DISPLAYS[0] as DisplayInfo },
    screenUrl: new URL('/screen.html', baseURL).href,
    preloadPath: '/regulars/dist/electron/preload-screen.cjs',
    tellApp,
    // What the guard refused is in `screen.refused`; nothing else of main's screen log matters to a test.
    log: () => undefined,
  };
}
