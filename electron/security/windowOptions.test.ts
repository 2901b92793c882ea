import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  DARK_BACKGROUND,
  LIGHT_BACKGROUND,
  META_CONTENT_SECURITY_POLICY,
  createMainWindowOptions,
  createScreenWindowOptions,
} from './windowOptions';

const preloadPath = '/opt/regulars/resources/app.asar/dist/electron/preload.cjs';

describe('createScreenWindowOptions', () => {
  const bounds = { x: 1920, y: 0, width: 1280, height: 800 };
  it('is full screen on its display, frameless, with the main window’s locked preferences and no developer tools', () => {
    const options = createScreenWindowOptions({ preloadPath: '/opt/regulars/dist/electron/preload-screen.cjs', bounds });
    expect(options).toMatchObject({ ...bounds, fullscreen: true, frame: false, show: false, resizable: false, movable: false, minimizable: false });
    const { scrollBounce: _a, devTools, preload, ...screen } = options.webPreferences ?? {};
    const { scrollBounce: _b, devTools: _c, preload: _d, ...main } = createMainWindowOptions({ preloadPath, isMac: false, darkBackground: false, allowDevTools: true }).webPreferences ?? {};
    expect(screen).toEqual(main);
    expect(devTools).toBe(false);
    expect(preload).toBe('/opt/regulars/dist/electron/preload-screen.cjs');
  });
  it('needs an absolute preload path', () => {
    expect(() => createScreenWindowOptions({ preloadPath: 'preload-screen.cjs', bounds })).toThrow();
  });
});

describe('createMainWindowOptions', () => {
  it('locks the renderer down', () => {
    const web = createMainWindowOptions({ preloadPath, isMac: false, darkBackground: false }).webPreferences;
    expect(web).toMatchObject({
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
      devTools: false,
    });
  });

  it('keeps the same security flags on every platform and theme', () => {
    const pick = (isMac: boolean, darkBackground: boolean) => {
      const web = createMainWindowOptions({ preloadPath, isMac, darkBackground }).webPreferences ?? {};
      const { scrollBounce: _scrollBounce, ...rest } = web;
      return rest;
    };
    expect(pick(true, true)).toEqual(pick(false, false));
  });

  it('sizes the window and waits for ready-to-show', () => {
    const options = createMainWindowOptions({ preloadPath, isMac: true, darkBackground: false });
    expect(options).toMatchObject({ width: 1280, height: 820, minWidth: 1024, minHeight: 680, show: false });
  });

  it('paints the background of the current theme', () => {
    expect(createMainWindowOptions({ preloadPath, isMac: false, darkBackground: true }).backgroundColor).toBe(DARK_BACKGROUND);
    expect(createMainWindowOptions({ preloadPath, isMac: false, darkBackground: false }).backgroundColor).toBe(LIGHT_BACKGROUND);
  });

  it('opens developer tools only when asked', () => {
    expect(createMainWindowOptions({ preloadPath, isMac: false, darkBackground: false, allowDevTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('refuses a relative preload path', () => {
    expect(() => createMainWindowOptions({ preloadPath: 'preload.cjs', isMac: false, darkBackground: false })).toThrow();
    expect(() => createMainWindowOptions({ preloadPath: '', isMac: false, darkBackground: false })).toThrow();
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the agreed strict policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('allows no inline code, eval, or remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:|wss?:/);
  });

  it.each(['index.html', 'screen.html'])('is the policy renderer/%s carries in <meta id="csp">', (page) => {
    const html = readFileSync(new URL(`../../renderer/${page}`, import.meta.url), 'utf8');
    const meta = /<meta\b[^>]*\bid="csp"[^>]*>/.exec(html)?.[0] ?? '';
    expect(meta).toMatch(/http-equiv="Content-Security-Policy"/);
    expect(/\bcontent="([^"]*)"/.exec(meta)?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
  });

  it('cannot be changed at runtime', () => {
    expect(Object.isFrozen(CSP_DIRECTIVES)).toBe(true);
  });
});
