// The main window's construction options and the Content-Security-Policy, kept pure so tests pin them down.
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';

/** Directive by directive, so the dev server can relax a few without retyping the rest. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
});

export function serializeCsp(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** Sent as a header by the regulars:// protocol. */
export const CONTENT_SECURITY_POLICY = serializeCsp(CSP_DIRECTIVES);

/** For renderer/index.html's <meta id="csp">: the same policy minus frame-ancestors, which browsers ignore (with a warning) in a meta tag. */
export const META_CONTENT_SECURITY_POLICY = serializeCsp(
  Object.fromEntries(Object.entries(CSP_DIRECTIVES).filter(([name]) => name !== 'frame-ancestors')),
);

export const LIGHT_BACKGROUND = '#ffffff';
export const DARK_BACKGROUND = '#111827';

export interface MainWindowInput {
  /** Absolute path of the bundled preload script. */
  preloadPath: string;
  isMac: boolean;
  darkBackground: boolean;
  /** Developer tools exist only in unpackaged builds. */
  allowDevTools?: boolean;
}

/** The web preferences every window of the app runs with: isolated, sandboxed, no Node. */
function lockedWebPreferences(preloadPath: string, devTools: boolean, scrollBounce: boolean): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  if (!path.isAbsolute(preloadPath)) throw new Error('preloadPath must be absolute');
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    enableWebSQL: false,
    devTools,
    scrollBounce,
  };
}

export interface ScreenWindowInput {
  /** Absolute path of the screen's own preload (electron/preloadScreen.ts), which offers the screen's channels only. */
  preloadPath: string;
  /** The chosen display's bounds, in screen coordinates. */
  bounds: { x: number; y: number; width: number; height: number };
}

/**
 * The customer-facing survey screen: full screen on its display, no frame, menu or developer tools (a customer
 * stands at it), the same locked web preferences as the main window.
 */
export function createScreenWindowOptions(input: ScreenWindowInput): BrowserWindowConstructorOptions {
  const { x, y, width, height } = input.bounds;
  return {
    x,
    y,
    width,
    height,
    fullscreen: true,
    frame: false,
    show: false,
    autoHideMenuBar: true,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    skipTaskbar: true,
    title: 'Regulars',
    backgroundColor: LIGHT_BACKGROUND,
    webPreferences: lockedWebPreferences(input.preloadPath, false, false),
  };
}

export function createMainWindowOptions(input: MainWindowInput): BrowserWindowConstructorOptions {
  const { preloadPath, isMac, darkBackground, allowDevTools = false } = input;
  return {
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 680,
    // Shown on ready-to-show, so the clerk never sees a blank white flash.
    show: false,
    backgroundColor: darkBackground ? DARK_BACKGROUND : LIGHT_BACKGROUND,
    autoHideMenuBar: false,
    // Rubber-band scrolling is what Mac users expect; elsewhere it feels broken.
    webPreferences: lockedWebPreferences(preloadPath, allowDevTools, isMac),
  };
}

