import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  DARK_BACKGROUND,
  LIGHT_BACKGROUND,
  META_CONTENT_SECURITY_POLICY,
  createMainWindowOptions,
} from './windowOptions';

const preloadPath = '/opt/regulars/resources/app.asar/dist/electron/preload.cjs';

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

  it('is the policy renderer/index.html carries in <meta id="csp">', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta\b[^>]*\bid="csp"[^>]*>/.exec(html)?.[0] ?? '';
    expect(meta).toMatch(/http-equiv="Content-Security-Policy"/);
    expect(/\bcontent="([^"]*)"/.exec(meta)?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
  });

  it('cannot be changed at runtime', () => {
    expect(Object.isFrozen(CSP_DIRECTIVES)).toBe(true);
  });
});
