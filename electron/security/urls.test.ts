import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, MAX_URL_LENGTH, isAllowedExternalUrl, isAppUrl, isTrustedSenderUrl, normalizeExternalUrl } from './urls';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://example.com',
    'https://example.com/path?q=1#frag',
    'http://example.com:8080/a',
    'HTTPS://EXAMPLE.COM/',
    'https://例子.测试/路径',
    'http://192.168.1.1/',
    'mailto:someone@example.com',
    'mailto:someone@example.com?subject=Hello&body=Hi%20there',
    'mailto:?to=a@example.com&subject=x',
    'sms:+8613812345678',
    'sms:95588',
    'SMS:+8613812345678?body=%E5%BC%A0%E5%A5%B3%E5%A3%AB%EF%BC%8C%E7%94%9F%E6%97%A5%E5%BF%AB%E4%B9%90',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    // Dangerous or unknown schemes, in any case.
    'file:///etc/passwd',
    'FILE:///C:/Windows/System32/calc.exe',
    'file://server/share/x.exe',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'ms-officecmd:{}',
    'search-ms:query=x',
    'blob:https://example.com/uuid',
    'chrome://settings',
    'about:blank',
    'ftp://example.com/',
    'ws://example.com/',
    'regulars://app/index.html',
    'tel:+8613800000000',
    'myapp://do-something',
    'x-github-client://openRepo',
    // Credentials and malformed hosts.
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'https://:pass@example.com/',
    'http://',
    'https://',
    'http:///path',
    'http:example.com',
    'https:/example.com',
    'http:\\\\example.com',
    'https://example.com\\@evil.com',
    // Whitespace and control-character tricks the parser would strip.
    ' https://example.com',
    'https://example.com ',
    '\u0000https://example.com',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    'https://exa\u200bmple.com',
    'https://example.com/\u202egnp.exe',
    '\ufeffhttps://example.com',
    'https://example.com/\u00a0',
    'https://example.com/\u3000',
    // mailto abuse.
    'mailto:',
    'mailto:nobody',
    'mailto:a@example.com?attach=/etc/passwd',
    'mailto:a@example.com?ATTACH=C:\\secret.txt',
    'mailto:a@example.com?attachment=~/.ssh/id_rsa',
    // sms: one number and a body, nothing else.
    'sms:',
    'sms:?body=hi',
    'sms:+86138abc',
    'sms:+8613812345678,+8613900000000',
    'sms://+8613812345678',
    'sms:+8613812345678?body=hi&attach=/etc/passwd',
    'sms:+8613812345678?body=hi there',
    'sms:12',
    // Not a URL at all.
    '',
    'example.com',
    '//example.com',
    '/relative',
  ])('rejects %j', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('rejects non-strings', () => {
    for (const value of [undefined, null, 1, {}, [], ['https://example.com'], { href: 'https://example.com' }]) {
      expect(isAllowedExternalUrl(value)).toBe(false);
    }
  });

  it('rejects URLs longer than the limit, and accepts one at it', () => {
    const base = 'https://example.com/';
    expect(isAllowedExternalUrl(base + 'a'.repeat(MAX_URL_LENGTH - base.length))).toBe(true);
    expect(isAllowedExternalUrl(base + 'a'.repeat(MAX_URL_LENGTH - base.length + 1))).toBe(false);
    expect(isAllowedExternalUrl(`https://example.com/${'a'.repeat(100_000)}`)).toBe(false);
  });

  it('rejects a URL whose canonical form outgrows the limit', () => {
    const base = 'https://example.com/';
    // Each "é" becomes "%C3%A9" when canonicalised.
    expect(isAllowedExternalUrl(base + 'é'.repeat(1000))).toBe(false);
  });

  it('returns the canonical spelling to hand to the OS', () => {
    expect(normalizeExternalUrl('HTTPS://Example.COM')).toBe('https://example.com/');
    expect(normalizeExternalUrl('https://例子.测试/')).toBe('https://xn--fsqu00a.xn--0zwm56d/');
    expect(normalizeExternalUrl('https://example.com/a b')).toBeNull();
    expect(normalizeExternalUrl('sms:+8613812345678?body=%E4%BD%A0%E5%A5%BD')).toBe('sms:+8613812345678?body=%E4%BD%A0%E5%A5%BD');
  });
});

describe('isAppUrl', () => {
  it.each([
    'regulars://app/index.html',
    'regulars://app/',
    'regulars://app/assets/main.js?x=1#y',
  ])('accepts %s', (url) => {
    expect(isAppUrl(url, APP_ORIGIN)).toBe(true);
  });

  it.each([
    'regulars://app.evil.com/index.html',
    'regulars://regulars-app.evil.com/',
    'regulars://app.evil/',
    'regulars://evil.app/',
    'regulars://app:8080/',
    'regulars://APP/index.html',
    'regulars://user@app/',
    'regulars://user:pw@app/',
    'regulars:app/index.html',
    'regulars:/app/index.html',
    'regulars:///app/index.html',
    'regularsx://app/',
    'http://app/',
    'https://app/',
    'file:///app/index.html',
    'javascript:alert(1)',
    'about:blank',
    ' regulars://app/',
    'regulars://app\u0000/',
    'regulars://app\\evil/',
    '',
  ])('rejects %j', (url) => {
    expect(isAppUrl(url, APP_ORIGIN)).toBe(false);
  });

  it('matches a dev-server origin exactly, port included', () => {
    const origin = 'http://127.0.0.1:5173';
    expect(isAppUrl('http://127.0.0.1:5173/', origin)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:5173/#/customers', origin)).toBe(true);
    expect(isAppUrl('http://127.0.0.1.evil.com:5173/', origin)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5174/', origin)).toBe(false);
    expect(isAppUrl('https://127.0.0.1:5173/', origin)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', origin)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173@evil.com/', origin)).toBe(false);
    expect(isAppUrl('http://evil.com#@127.0.0.1:5173/', origin)).toBe(false);
    expect(isAppUrl('http://evil.com/?http://127.0.0.1:5173/', origin)).toBe(false);
  });

  it('fails closed on a broken app origin', () => {
    expect(isAppUrl('regulars://app/', '')).toBe(false);
    expect(isAppUrl('regulars://app/', 'not a url')).toBe(false);
    expect(isAppUrl('regulars:app', 'regulars:app')).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isAppUrl(undefined, APP_ORIGIN)).toBe(false);
    expect(isAppUrl(null, APP_ORIGIN)).toBe(false);
    expect(isAppUrl({ toString: () => 'regulars://app/' }, APP_ORIGIN)).toBe(false);
  });
});

describe('isTrustedSenderUrl', () => {
  const trusted = [APP_ORIGIN, 'http://127.0.0.1:5173'];

  it('accepts frames on a trusted origin', () => {
    expect(isTrustedSenderUrl('regulars://app/index.html', trusted)).toBe(true);
    expect(isTrustedSenderUrl('http://127.0.0.1:5173/', trusted)).toBe(true);
  });

  it('rejects everything else', () => {
    for (const sender of [
      undefined, null, '', 'about:blank', 'about:srcdoc', 'data:text/html,x', 'file:///index.html',
      'https://evil.com/', 'regulars://app.evil.com/', 'http://localhost:5173/', 'http://127.0.0.1.evil.com:5173/',
      'chrome-error://chromewebdata/', 'devtools://devtools/bundled/inspector.html', 42, {},
    ]) {
      expect(isTrustedSenderUrl(sender, trusted)).toBe(false);
    }
  });

  it('trusts nobody when no origin is configured', () => {
    expect(isTrustedSenderUrl('regulars://app/index.html', [])).toBe(false);
  });
});
