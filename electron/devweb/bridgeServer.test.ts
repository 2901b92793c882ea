import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { err, ok } from '../../shared/result';
import { createWebServices } from '../services';
import {
  MAX_BODY_BYTES,
  TOKEN_HEADER,
  createBridgeRequestHandler,
  loopbackOriginFromHost,
  readLimitedBody,
  tokensMatch,
  type BridgeRequest,
} from './bridgeServer';

const TOKEN = 'a1'.repeat(24);
const ORIGIN = 'http://127.0.0.1:5173';

function setup() {
  const opened: string[] = [];
  const services = createWebServices({
    dataFolder: '/tmp/regulars-web-test',
    version: '0.1.0',
    systemLocale: 'zh-CN',
    platform: 'linux',
    log: (line) => opened.push(line),
  });
  const logs: string[] = [];
  const bridge = createBridgeRequestHandler({ token: TOKEN, services, logError: (line) => logs.push(line) });
  const request = (overrides: Partial<BridgeRequest> & { headers?: Record<string, string | string[] | undefined> } = {}) => {
    const body = overrides.body ?? JSON.stringify({ channel: 'app:info' });
    return bridge({
      method: 'POST',
      remoteAddress: '127.0.0.1',
      ...overrides,
      body,
      headers: {
        host: '127.0.0.1:5173',
        origin: ORIGIN,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
        [TOKEN_HEADER]: TOKEN,
        ...overrides.headers,
      },
    });
  };
  return { request, opened, logs };
}

describe('bridge: good calls', () => {
  it('answers app:info', async () => {
    const { request } = setup();
    const response = await request();
    expect(response.status).toBe(200);
    expect(response.json).toEqual(
      ok({ name: 'Regulars', version: '0.1.0', systemLocale: 'zh-CN', dataFolder: '/tmp/regulars-web-test', platform: 'linux', shell: 'web' }),
    );
  });

  it('runs link:open through the same policy as the desktop', async () => {
    const { request, opened } = setup();
    const good = await request({ body: JSON.stringify({ channel: 'link:open', payload: { url: 'https://example.com' } }) });
    expect(good).toEqual({ status: 200, json: ok(null) });
    const bad = await request({ body: JSON.stringify({ channel: 'link:open', payload: { url: 'file:///etc/passwd' } }) });
    expect(bad).toEqual({ status: 200, json: err('url-not-allowed') });
    expect(opened).toEqual(['open externally: https://example.com/']);
  });

  it('accepts localhost, IPv6 loopback, a charset and a byte body', async () => {
    const { request } = setup();
    expect((await request({ headers: { host: 'localhost:5173', origin: 'http://localhost:5173' } })).status).toBe(200);
    expect((await request({ remoteAddress: '::1' })).status).toBe(200);
    expect((await request({ remoteAddress: '::ffff:127.0.0.1' })).status).toBe(200);
    expect((await request({ headers: { 'content-type': 'application/json; charset=utf-8' } })).status).toBe(200);
    expect((await request({ body: Buffer.from(JSON.stringify({ channel: 'app:info' })) })).status).toBe(200);
  });

  it('accepts a token-bearing tool that sends no Origin or fetch metadata', async () => {
    const { request } = setup();
    expect((await request({ headers: { origin: undefined, 'sec-fetch-site': undefined } })).status).toBe(200);
  });

  it('returns the handler refusals as results', async () => {
    const { request } = setup();
    expect(await request({ body: JSON.stringify({ channel: 'app:nope' }) })).toEqual({ status: 200, json: err('unknown-channel') });
    expect(await request({ body: JSON.stringify({ channel: 'app:info', payload: null }) })).toEqual({ status: 200, json: err('invalid-request') });
    expect(await request({ body: JSON.stringify({ channel: '__proto__' }) })).toEqual({ status: 200, json: err('unknown-channel') });
  });
});

describe('bridge: refusals', () => {
  it.each([
    ['a missing token', { [TOKEN_HEADER]: undefined }],
    ['an empty token', { [TOKEN_HEADER]: '' }],
    ['a wrong token', { [TOKEN_HEADER]: 'b2'.repeat(24) }],
    ['a token prefix', { [TOKEN_HEADER]: TOKEN.slice(0, 47) }],
    ['a token with a suffix', { [TOKEN_HEADER]: `${TOKEN}0` }],
    ['an upper-cased token', { [TOKEN_HEADER]: TOKEN.toUpperCase() }],
    ['a repeated token header', { [TOKEN_HEADER]: [TOKEN, TOKEN] }],
  ])('refuses %s with 401', async (_name, headers) => {
    const { request } = setup();
    expect(await request({ headers })).toEqual({ status: 401, json: err('untrusted-sender') });
  });

  it.each(['192.168.1.20', '10.0.0.1', '127.0.0.2', '::ffff:192.168.1.20', '0.0.0.0', '', undefined])(
    'refuses remote address %j with 403',
    async (remoteAddress) => {
      const { request } = setup();
      expect(await request({ remoteAddress })).toEqual({ status: 403, json: err('untrusted-sender') });
    },
  );

  it.each([
    ['a rebinding host', { host: 'evil.com:5173' }],
    ['a look-alike host', { host: '127.0.0.1.evil.com:5173', origin: 'http://127.0.0.1.evil.com:5173' }],
    ['a host without port', { host: '127.0.0.1', origin: 'http://127.0.0.1' }],
    ['no host', { host: undefined }],
    ['a foreign origin', { origin: 'https://evil.com' }],
    ['another local port', { origin: 'http://127.0.0.1:3000' }],
    ['localhost vs 127.0.0.1', { origin: 'http://localhost:5173' }],
    ['the null origin', { origin: 'null' }],
    ['two origins', { origin: [ORIGIN, ORIGIN] }],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
    ['a same-site fetch', { 'sec-fetch-site': 'same-site' }],
  ])('refuses %s with 403', async (_name, headers) => {
    const { request } = setup();
    expect(await request({ headers })).toEqual({ status: 403, json: err('untrusted-sender') });
  });

  it.each(['GET', 'HEAD', 'PUT', 'OPTIONS', 'post', undefined])('refuses method %j with 405', async (method) => {
    const { request } = setup();
    expect(await request({ method })).toEqual({ status: 405, json: err('invalid-request') });
  });

  it.each([undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx'])(
    'refuses content type %j with 415',
    async (contentType) => {
      const { request } = setup();
      expect(await request({ headers: { 'content-type': contentType } })).toEqual({ status: 415, json: err('invalid-request') });
    },
  );

  it.each([
    ['not JSON', '{channel: app:info}'],
    ['truncated JSON', '{"channel": "app:in'],
    ['empty', ''],
    ['a JSON string', '"app:info"'],
    ['a JSON array', '["app:info"]'],
    ['JSON null', 'null'],
    ['an extra key', '{"channel":"app:info","senderUrl":"regulars://app/"}'],
    ['a __proto__ key', '{"channel":"app:info","__proto__":{"polluted":true}}'],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
  ])('refuses %s with 400', async (_name, body) => {
    const { request } = setup();
    expect(await request({ body })).toEqual({ status: 400, json: err('invalid-request') });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an oversized body with 413, by declared length or by actual size', async () => {
    const { request } = setup();
    const big = JSON.stringify({ channel: 'link:open', payload: { url: 'https://example.com/' + 'a'.repeat(MAX_BODY_BYTES) } });
    expect(await request({ body: big })).toEqual({ status: 413, json: err('invalid-request') });
    expect(await request({ headers: { 'content-length': String(MAX_BODY_BYTES + 1) } })).toEqual({ status: 413, json: err('invalid-request') });
    expect((await request({ headers: { 'content-length': '-1' } })).status).toBe(400);
    expect((await request({ headers: { 'content-length': '1e9' } })).status).toBe(400);
  });

  it('does not need the body to refuse a bad head', async () => {
    const { request } = setup();
    expect(await request({ body: 'not json', headers: { [TOKEN_HEADER]: 'nope' } })).toEqual({ status: 401, json: err('untrusted-sender') });
  });
});

describe('bridge helpers', () => {
  it('insists on a long random token', () => {
    const services = createWebServices({ dataFolder: '/tmp/x', version: '0.1.0', systemLocale: 'en', log: () => undefined });
    expect(() => createBridgeRequestHandler({ token: '', services })).toThrow();
    expect(() => createBridgeRequestHandler({ token: 'secret', services })).toThrow();
  });

  it('compares tokens of any length', () => {
    expect(tokensMatch(TOKEN, TOKEN)).toBe(true);
    expect(tokensMatch('', TOKEN)).toBe(false);
    expect(tokensMatch('x'.repeat(10_000), TOKEN)).toBe(false);
  });

  it('derives the origin only from loopback hosts', () => {
    expect(loopbackOriginFromHost('127.0.0.1:5173')).toBe('http://127.0.0.1:5173');
    expect(loopbackOriginFromHost('LOCALHOST:5173')).toBe('http://localhost:5173');
    expect(loopbackOriginFromHost('[::1]:5173')).toBe('http://[::1]:5173');
    for (const host of ['127.0.0.1:0', '127.0.0.1:65536', '127.0.0.1:05173', 'localhost.evil:5173', 'evil.localhost:5173', '127.0.0.1:5173 ', '', undefined, null]) {
      expect(loopbackOriginFromHost(host)).toBeNull();
    }
  });

  it('reads a body up to the limit, and stops one byte past it', async () => {
    expect((await readLimitedBody(Readable.from([Buffer.from('ab'), 'cd']), 10)).toString()).toBe('abcd');
    const over = await readLimitedBody(Readable.from(Array.from({ length: 100 }, () => Buffer.alloc(1000, 1))), 2500);
    expect(over.length).toBe(2501);
  });

  it('passes a stream error on', async () => {
    const broken = new Readable({
      read() {
        this.destroy(new Error('socket hang up'));
      },
    });
    await expect(readLimitedBody(broken, 10)).rejects.toThrow('socket hang up');
  });
});
