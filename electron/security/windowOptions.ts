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

export function createMainWindowOptions(input: MainWindowInput): BrowserWindowConstructorOptions {
  const { preloadPath, isMac, darkBackground, allowDevTools = false } = input;
  if (!path.isAbsolute(preloadPath)) throw new Error('preloadPath must be absolute');
  return {
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 680,
    // Shown on ready-to-show, so the clerk never sees a blank white flash.
    show: false,
    backgroundColor: darkBackground ? DARK_BACKGROUND : LIGHT_BACKGROUND,
    autoHideMenuBar: false,
    webPreferences: {
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
      devTools: allowDevTools,
      // Rubber-band scrolling is what Mac users expect; elsewhere it feels broken.
      scrollBounce: isMac,
    },
  };
}

