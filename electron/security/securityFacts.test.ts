import { describe, expect, it } from 'vitest';
import { electronSecurityFacts, isStrictPolicy } from './securityFacts';
import { CONTENT_SECURITY_POLICY, createMainWindowOptions } from './windowOptions';

const windowOptions = createMainWindowOptions({ preloadPath: '/app/preload.cjs', isMac: false, darkBackground: false });
const facts = (overrides: Partial<Parameters<typeof electronSecurityFacts>[0]> = {}) =>
  electronSecurityFacts({ electronVersion: '45.6.0', isPackaged: true, windowOptions, sandboxEverywhere: true, contentSecurityPolicy: CONTENT_SECURITY_POLICY, ...overrides }).electron;

describe('the Electron protections the settings show', () => {
  it('reads every wall as up from the options main really uses, in a packaged build', () => {
    expect(facts()).toEqual({
      version: '45.6.0',
      packaged: true,
      contextIsolation: true,
      sandbox: true,
      contentSecurityPolicy: true,
      fuses: true,
      debugSwitchesRefused: true,
    });
  });

  it('says a development run has no fuses and refuses no switch', () => {
    expect(facts({ isPackaged: false })).toMatchObject({ packaged: false, fuses: false, debugSwitchesRefused: false, sandbox: true });
  });

  it.each<[string, Parameters<typeof electronSecurityFacts>[0]['windowOptions'], Record<string, boolean>]>([
    ['context isolation off', { webPreferences: { ...windowOptions.webPreferences, contextIsolation: false } }, { contextIsolation: false }],
    ['Node in the page', { webPreferences: { ...windowOptions.webPreferences, nodeIntegration: true } }, { contextIsolation: false }],
    ['the sandbox off', { webPreferences: { ...windowOptions.webPreferences, sandbox: false } }, { sandbox: false }],
    ['no web preferences at all', {}, { contextIsolation: false, sandbox: false }],
  ])('says so when a wall is down: %s', (_what, options, expected) => {
    expect(facts({ windowOptions: options })).toMatchObject(expected);
  });

  it('says the sandbox is off when it is not enforced for every renderer', () => {
    expect(facts({ sandboxEverywhere: false })?.sandbox).toBe(false);
  });

  it('takes only a strict policy for one', () => {
    expect(isStrictPolicy(CONTENT_SECURITY_POLICY)).toBe(true);
    expect(isStrictPolicy("default-src 'self'; script-src 'self'; object-src 'none'")).toBe(true);
    for (const weak of [
      '',
      "default-src 'self'; object-src 'none'",
      "default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'",
      "default-src 'self'; script-src 'self' 'unsafe-eval'; object-src 'none'",
      "default-src 'self'; script-src 'self' https://cdn.example.com; object-src 'none'",
      "default-src *; script-src 'self'; object-src 'none'",
      "default-src 'self'; script-src 'self'",
      "default-src 'self'; script-src; object-src 'none'",
    ]) {
      expect(isStrictPolicy(weak), weak).toBe(false);
    }
  });
});
