import { describe, expect, it, vi } from 'vitest';
import { err, ok } from '../../shared/result';
import { createAppInfoService, createLinkService, createMainServices, createWebServices } from './index';

describe('createAppInfoService', () => {
  const input = {
    name: 'Regulars', version: '0.1.0', systemLocale: 'zh-Hant-TW', dataFolder: 'C:\\Users\\clerk\\AppData\\Roaming\\Regulars',
    platform: 'win32', shell: 'desktop' as const,
  };

  it('reports what it was given', () => {
    expect(createAppInfoService(input)()).toEqual(input);
  });

  it('hands out copies, so a caller cannot change the next answer', () => {
    const service = createAppInfoService(input);
    const first = service();
    first.version = '9.9.9';
    expect(service().version).toBe('0.1.0');
  });

  it('fails at start-up on a malformed input', () => {
    expect(() => createAppInfoService({ ...input, shell: 'mobile' as 'web' })).toThrow();
  });
});

describe('createLinkService', () => {
  it('opens the canonical form of an allowed URL', async () => {
    const openExternal = vi.fn(async () => undefined);
    const open = createLinkService({ openExternal });
    expect(await open('HTTPS://Example.com')).toEqual(ok(null));
    expect(openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it('opens a greeting as a text message or an e-mail, with its body', async () => {
    const openExternal = vi.fn(async () => undefined);
    const open = createLinkService({ openExternal });
    const body = encodeURIComponent('张女士，生日快乐！');
    expect(await open(`sms:+8613812345678?body=${body}`)).toEqual(ok(null));
    expect(await open(`mailto:a@example.com?subject=${body}&body=${body}`)).toEqual(ok(null));
    expect(openExternal.mock.calls).toEqual([[`sms:+8613812345678?body=${body}`], [`mailto:a@example.com?subject=${body}&body=${body}`]]);
  });

  it.each(['file:///C:/Windows/System32/calc.exe', 'javascript:alert(1)', 'smb://x/y', 'https://u:p@example.com', '', 'tel:+8613812345678', 'sms:+8613812345678?body=x&attach=/etc/passwd'])(
    'refuses %j without touching the OS',
    async (url) => {
      const openExternal = vi.fn(async () => undefined);
      expect(await createLinkService({ openExternal })(url)).toEqual(err('url-not-allowed'));
      expect(openExternal).not.toHaveBeenCalled();
    },
  );

  it('reports an OS failure as unavailable, without the URL in the log', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const open = createLinkService({ openExternal: async () => { throw new Error('no browser for https://example.com/secret'); } });
      expect(await open('https://example.com/secret')).toEqual(err('unavailable'));
      expect(JSON.stringify(spy.mock.calls)).not.toContain('secret');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('createMainServices / createWebServices', () => {
  it('builds web services that report the web shell', () => {
    const services = createWebServices({ dataFolder: '/tmp/regulars-e2e', version: '0.1.0', systemLocale: 'en-US', platform: 'linux', log: () => undefined });
    expect(services.appInfo()).toEqual({
      name: 'Regulars', version: '0.1.0', systemLocale: 'en-US', dataFolder: '/tmp/regulars-e2e', platform: 'linux', shell: 'web',
    });
    // No Electron, none of its walls: the settings say so rather than show them as up.
    expect(services.appSecurity()).toEqual({ electron: null });
  });

  it('logs allowed links in web mode and refuses the rest', async () => {
    const lines: string[] = [];
    const services = createWebServices({ dataFolder: '/tmp/x', version: '0.1.0', systemLocale: 'en', log: (line) => lines.push(line) });
    expect(await services.openExternal('https://example.com')).toEqual(ok(null));
    expect(await services.openExternal('file:///etc/passwd')).toEqual(err('url-not-allowed'));
    expect(lines).toEqual(['open externally: https://example.com/']);
  });

  it('insists on an absolute data folder', () => {
    expect(() => createWebServices({ dataFolder: 'relative/data', version: '0.1.0', systemLocale: 'en' })).toThrow();
    expect(() =>
      createMainServices({
        name: 'Regulars', version: '0.1.0', systemLocale: 'en', dataFolder: '', platform: 'darwin', shell: 'desktop',
        security: { electron: null },
        openExternal: async () => undefined,
        backup: { dialogs: null, showFolder: async () => undefined, protector: null },
        notifications: { notify: () => ({ ok: true, value: null }) },
        noticeLocale: 'en',
        reminders: { supports: { notifications: true, tray: true, openAtLogin: true }, loginItem: null },
        onCloseReady: () => undefined,
      }),
    ).toThrow();
  });
});
