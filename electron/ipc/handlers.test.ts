import { describe, expect, it, vi } from 'vitest';
import { createDesktopApi, type AppInfo, type AppSecurity, type FailureReason } from '../../shared/ipc/contract';
import { err, ok, type Result } from '../../shared/result';
import type { MainServices } from '../services/types';
import { createIpcHandler, describeError, isPlainPayload, type IpcRequest } from './handlers';

const APP = 'regulars://app';
const SENDER = 'regulars://app/index.html';
const INFO: AppInfo = {
  name: 'Regulars',
  version: '0.1.0',
  systemLocale: 'zh-Hans-CN',
  dataFolder: '/home/clerk/.config/Regulars',
  platform: 'win32',
  shell: 'desktop',
};
const SECURITY: AppSecurity = {
  electron: { version: '45.6.0', packaged: true, contextIsolation: true, sandbox: true, contentSecurityPolicy: true, fuses: true, debugSwitchesRefused: true },
};

/** A backup service that must not be reached by the tests that use it. */
function unusedBackup(): MainServices['backup'] {
  return new Proxy({} as MainServices['backup'], {
    get: (_target, name) => () => {
      throw new Error(`backup.${String(name)} was not expected here`);
    },
  });
}

/** An export file service that must not be reached by the tests that use it. */
function unusedExportFiles(): MainServices['exportFiles'] {
  return new Proxy({} as MainServices['exportFiles'], {
    get: (_target, name) => () => {
      throw new Error(`exportFiles.${String(name)} was not expected here`);
    },
  });
}

/** An owner session that must not be reached by the tests that use it. */
function unusedSession(): MainServices['session'] {
  return new Proxy({} as MainServices['session'], {
    get: (_target, name) => () => {
      throw new Error(`session.${String(name)} was not expected here`);
    },
  });
}

/** A reminders service that must not be reached by the tests that use it. */
function unusedReminders(): MainServices['reminders'] {
  return new Proxy({} as MainServices['reminders'], {
    get: (_target, name) => () => {
      throw new Error(`reminders.${String(name)} was not expected here`);
    },
  });
}

/** A customer-screen service that must not be reached by the tests that use it. */
function unusedSurveyScreen(): MainServices['surveyScreen'] {
  return new Proxy({} as MainServices['surveyScreen'], {
    get: (_target, name) => () => {
      throw new Error(`surveyScreen.${String(name)} was not expected here`);
    },
  });
}

function setup(overrides: Partial<MainServices> = {}) {
  const opened: string[] = [];
  const closeAnswers: number[] = [];
  const services: MainServices = {
    backup: unusedBackup(),
    exportFiles: unusedExportFiles(),
    session: unusedSession(),
    reminders: unusedReminders(),
    surveyScreen: unusedSurveyScreen(),
    closeReady: () => void closeAnswers.push(Date.now()),
    appInfo: () => INFO,
    appSecurity: () => SECURITY,
    openExternal: async (url) => {
      opened.push(url);
      return ok(null);
    },
    ...overrides,
  };
  const logs: string[] = [];
  const handler = createIpcHandler(services, { trustedOrigins: [APP], logError: (line) => logs.push(line) });
  const call = (request: Partial<IpcRequest>) => handler({ channel: undefined, payload: undefined, senderUrl: SENDER, ...request });
  return { handler, call, opened, logs, closeAnswers };
}

describe('createIpcHandler: good calls', () => {
  it('answers app:info', async () => {
    const { call } = setup();
    expect(await call({ channel: 'app:info' })).toEqual(ok(INFO));
  });

  it('answers app:security, and refuses it with a payload or from another origin', async () => {
    const { call } = setup();
    expect(await call({ channel: 'app:security' })).toEqual(ok(SECURITY));
    for (const payload of [null, {}, { electron: null }, 'x']) expect(await call({ channel: 'app:security', payload })).toEqual(err('invalid-request'));
    expect(await call({ channel: 'app:security', senderUrl: 'https://evil.com/' })).toEqual(err('untrusted-sender'));
  });

  it('refuses to hand the page security facts that are not what the contract says', async () => {
    const { call, logs } = setup({ appSecurity: () => ({ electron: { ...SECURITY.electron!, sandbox: 'yes' } }) as unknown as AppSecurity });
    expect(await call({ channel: 'app:security' })).toEqual(err('internal-error'));
    expect(logs).toHaveLength(1);
  });

  it('passes the page\'s close answer on, and nothing that carries a payload', async () => {
    const { call, closeAnswers } = setup();
    expect(await call({ channel: 'app:closeReady', payload: { now: true } })).toEqual(err('invalid-request'));
    expect(closeAnswers).toHaveLength(0);
    expect(await call({ channel: 'app:closeReady' })).toEqual(ok(null));
    expect(closeAnswers).toHaveLength(1);
  });

  it('opens an allowed link', async () => {
    const { call, opened } = setup();
    expect(await call({ channel: 'link:open', payload: { url: 'https://example.com' } })).toEqual(ok(null));
    expect(opened).toEqual(['https://example.com']);
  });

  it('passes a service refusal through', async () => {
    const { call } = setup({ openExternal: async () => err('url-not-allowed') });
    expect(await call({ channel: 'link:open', payload: { url: 'file:///etc/passwd' } })).toEqual(err('url-not-allowed'));
  });

  it('works end to end under createDesktopApi', async () => {
    const { handler } = setup();
    const api = createDesktopApi((channel, payload) => handler({ channel, payload, senderUrl: SENDER }));
    expect(await api.app.info()).toEqual(ok(INFO));
    expect(await api.links.openExternal('https://example.com/')).toEqual(ok(null));
  });
});

describe('createIpcHandler: senders', () => {
  it.each([
    undefined, null, '', 42, {}, ['regulars://app/'], 'https://evil.com/', 'regulars://app.evil.com/index.html',
    'regulars://evil/index.html', 'file:///index.html', 'about:blank', 'data:text/html,hi', 'http://127.0.0.1:5173/',
    'devtools://devtools/bundled/inspector.html', 'regulars://user@app/',
  ])('refuses sender %j', async (senderUrl) => {
    const { call, opened } = setup();
    expect(await call({ channel: 'link:open', payload: { url: 'https://example.com' }, senderUrl })).toEqual(err('untrusted-sender'));
    expect(opened).toEqual([]);
  });

  it('checks the sender before anything else', async () => {
    const { call } = setup();
    expect(await call({ channel: 'nope', payload: Symbol('x'), senderUrl: 'https://evil.com' })).toEqual(err('untrusted-sender'));
  });

  it('ignores later changes to the trusted list', async () => {
    const trusted = [APP];
    const handler = createIpcHandler({ appInfo: () => INFO, appSecurity: () => SECURITY, openExternal: async () => ok(null), backup: unusedBackup(), exportFiles: unusedExportFiles(), session: unusedSession(), reminders: unusedReminders(), surveyScreen: unusedSurveyScreen(), closeReady: () => undefined }, { trustedOrigins: trusted });
    trusted.push('https://evil.com');
    expect(await handler({ channel: 'app:info', payload: undefined, senderUrl: 'https://evil.com/' })).toEqual(err('untrusted-sender'));
  });
});

describe('createIpcHandler: channels', () => {
  it.each([
    'app:info ', ' app:info', 'APP:INFO', 'app:Info', 'app:', 'app', 'link:open\u0000', '__proto__', 'toString', 'constructor',
    'hasOwnProperty', 'valueOf', '', undefined, null, 1, ['app:info'], { toString: () => 'app:info' }, Symbol('app:info'),
  ])('refuses channel %j', async (channel) => {
    const { call } = setup();
    expect(await call({ channel })).toEqual(err('unknown-channel'));
  });
});

describe('createIpcHandler: payloads', () => {
  const pollution = [
    JSON.parse('{"__proto__": {"polluted": true}, "url": "https://example.com"}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}, "url": "https://example.com"}'),
    JSON.parse('{"url": "https://example.com", "prototype": 1}'),
  ];

  it.each([
    ['null', null],
    ['a number', 42],
    ['NaN', Number.NaN],
    ['a string', 'https://example.com'],
    ['an array', ['https://example.com']],
    ['an empty object', {}],
    ['a number url', { url: 42 }],
    ['a null url', { url: null }],
    ['an empty url', { url: '' }],
    ['an oversized url', { url: `https://example.com/${'a'.repeat(3000)}` }],
    ['a huge string', { url: 'a'.repeat(2_000_000) }],
    ['an extra key', { url: 'https://example.com', extra: 1 }],
    ['__proto__ pollution', pollution[0]],
    ['constructor pollution', pollution[1]],
    ['an unknown prototype key', pollution[2]],
    ['a class instance', new URL('https://example.com')],
    ['an inherited url', Object.create({ url: 'https://example.com' })],
    ['a symbol key', { url: 'https://example.com', [Symbol('x')]: 1 }],
    ['a function', () => 'https://example.com'],
    ['a bigint', 1n],
    ['a Map', new Map([['url', 'https://example.com']])],
    ['a Date', new Date()],
    ['a deep tree', Array.from({ length: 100 }).reduce<unknown>((inner) => ({ inner }), { url: 'x' })],
    ['a wide array', { url: 'https://example.com', list: Array.from({ length: 50_000 }, () => 0) }],
  ])('refuses link:open with %s', async (_name, payload) => {
    const { call, opened } = setup();
    expect(await call({ channel: 'link:open', payload })).toEqual(err('invalid-request'));
    expect(opened).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([null, 0, false, '', {}, [], { x: 1 }])('refuses app:info with payload %j', async (payload) => {
    const { call } = setup();
    expect(await call({ channel: 'app:info', payload })).toEqual(err('invalid-request'));
  });

  it('refuses a request that is not an object', async () => {
    const { handler } = setup();
    expect(await handler(null as unknown as IpcRequest)).toEqual(err('invalid-request'));
    expect(await handler('app:info' as unknown as IpcRequest)).toEqual(err('invalid-request'));
  });

  it('does not follow getters on the request payload', async () => {
    const { call } = setup();
    const payload = {};
    Object.defineProperty(payload, 'url', { enumerable: true, get: () => { throw new Error('boom'); } });
    const result = await call({ channel: 'link:open', payload });
    expect(result.ok).toBe(false);
  });
});

describe('createIpcHandler: failing services', () => {
  it('turns a throwing service into internal-error, without logging the payload', async () => {
    const secret = 'https://example.com/?phone=13800000000';
    const { call, logs } = setup({
      openExternal: async (url) => {
        throw new Error(`cannot open ${url}`);
      },
    });
    expect(await call({ channel: 'link:open', payload: { url: secret } })).toEqual(err('internal-error'));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain('link:open');
    expect(logs.join('\n')).not.toContain('13800000000');
  });

  it('survives a synchronous throw and a thrown non-error', async () => {
    const { call } = setup({
      appInfo: () => {
        throw 'plain string';
      },
    });
    expect(await call({ channel: 'app:info' })).toEqual(err('internal-error'));
  });

  it('refuses a value outside the contract', async () => {
    const { call, logs } = setup({ appInfo: () => ({ ...INFO, shell: 'other' }) as unknown as AppInfo });
    expect(await call({ channel: 'app:info' })).toEqual(err('internal-error'));
    expect(logs).toHaveLength(1);
  });

  it('strips fields the contract does not know', async () => {
    const { call } = setup({ appInfo: () => ({ ...INFO, secretToken: 'x' }) as AppInfo });
    const result = await call({ channel: 'app:info' });
    expect(result).toEqual(ok(INFO));
  });

  it('refuses an unknown failure reason and a non-result', async () => {
    const unknown = setup({ openExternal: async () => err('disk-on-fire' as FailureReason) });
    expect(await unknown.call({ channel: 'link:open', payload: { url: 'https://example.com' } })).toEqual(err('internal-error'));
    const broken = setup({ openExternal: async () => undefined as unknown as Result<null, FailureReason> });
    expect(await broken.call({ channel: 'link:open', payload: { url: 'https://example.com' } })).toEqual(err('internal-error'));
  });

  it('logs to console.error by default', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const handler = createIpcHandler(
        { appInfo: () => { throw new Error('x'); }, appSecurity: () => SECURITY, openExternal: async () => ok(null), backup: unusedBackup(), exportFiles: unusedExportFiles(), session: unusedSession(), reminders: unusedReminders(), surveyScreen: unusedSurveyScreen(), closeReady: () => undefined },
        { trustedOrigins: [APP] },
      );
      expect(await handler({ channel: 'app:info', payload: undefined, senderUrl: SENDER })).toEqual(err('internal-error'));
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('helpers', () => {
  it('isPlainPayload accepts JSON-like data', () => {
    expect(isPlainPayload(undefined)).toBe(true);
    expect(isPlainPayload({ a: [1, 'b', null, true, { c: Object.create(null) }] })).toBe(true);
  });

  it('describeError keeps the name and frames, never the message', () => {
    const text = describeError(new TypeError('secret 13800000000'));
    expect(text.startsWith('TypeError')).toBe(true);
    expect(text).not.toContain('13800000000');
    expect(describeError('secret')).toBe('string');
  });
});
