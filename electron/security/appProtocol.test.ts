import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appResponseHeaders, contentTypeFor, resolveAppFile, type PathApi } from './appProtocol';
import { CONTENT_SECURITY_POLICY } from './windowOptions';

const platforms: { name: string; api: PathApi; root: string }[] = [
  { name: 'posix', api: path.posix, root: '/opt/Regulars/resources/app.asar/dist/renderer' },
  { name: 'win32', api: path.win32, root: 'C:\\Program Files\\Regulars\\resources\\app.asar\\dist\\renderer' },
];

describe.each(platforms)('resolveAppFile ($name)', ({ api, root }) => {
  const resolve = (url: string) => resolveAppFile(url, root, api);
  const inside = (...segments: string[]) => ({ ok: true, filePath: api.join(root, ...segments) });

  it('serves files under the root', () => {
    expect(resolve('regulars://app/index.html')).toEqual(inside('index.html'));
    expect(resolve('regulars://app/assets/index-Ab12_x.js')).toEqual(inside('assets', 'index-Ab12_x.js'));
    expect(resolve('regulars://app/assets/a.css?v=1#x')).toEqual(inside('assets', 'a.css'));
    expect(resolve('regulars://app/fonts/%E6%80%9D%E6%BA%90.woff2')).toEqual(inside('fonts', '思源.woff2'));
    expect(resolve('regulars://app/a%20b.png')).toEqual(inside('a b.png'));
  });

  it('serves index.html for the root', () => {
    expect(resolve('regulars://app/')).toEqual(inside('index.html'));
    expect(resolve('regulars://app/?x=1')).toEqual(inside('index.html'));
    expect(resolve('regulars://app/#/customers')).toEqual(inside('index.html'));
  });

  it('collapses empty segments without leaving the root', () => {
    expect(resolve('regulars://app//etc//passwd')).toEqual(inside('etc', 'passwd'));
  });

  it.each([
    'regulars://app/../secret.txt',
    'regulars://app/assets/../../secret.txt',
    'regulars://app/..',
    'regulars://app/.',
    'regulars://app/./index.html',
    'regulars://app/%2e%2e/secret.txt',
    'regulars://app/%2E%2E/%2e%2E/etc/passwd',
    'regulars://app/.%2e/secret.txt',
    'regulars://app/..%2fsecret.txt',
    'regulars://app/..%2Fsecret.txt',
    'regulars://app/assets%2f..%2f..%2fsecret.txt',
    'regulars://app/..\\secret.txt',
    'regulars://app/assets\\..\\..\\secret.txt',
    'regulars://app/..%5csecret.txt',
    'regulars://app/..%5Csecret.txt',
    'regulars://app/%2fetc%2fpasswd',
    'regulars://app/C:%5CWindows%5Cwin.ini',
    'regulars://app/C:/Windows/win.ini',
    'regulars://app/c%3a/Windows/win.ini',
    'regulars://app/%5c%5cserver%5cshare%5cx',
    'regulars://app/index.html%00.png',
    'regulars://app/index.html%00',
    'regulars://app/a\u0000b',
    'regulars://app/index.html::$DATA',
    'regulars://app/index.html.',
    'regulars://app/index.html%20',
    'regulars://app/CON',
    'regulars://app/nul.txt',
    'regulars://app/assets/com1.js',
    'regulars://app/LPT1',
    'regulars://app/%E0%A4%A',
    'regulars://app/%',
    'regulars://app/*.js',
  ])('refuses %j', (url) => {
    const result = resolve(url);
    expect(result.ok).toBe(false);
  });

  it.each([
    'regulars://evil/index.html',
    'regulars://app.evil/index.html',
    'regulars://APP/index.html',
    'regulars://app:1/index.html',
    'regulars://app',
    'regulars:app/index.html',
    'http://app/index.html',
    'file:///etc/passwd',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    '',
  ])('refuses foreign URL %j with 403', (url) => {
    expect(resolve(url)).toEqual({ ok: false, status: 403 });
  });

  it('refuses overlong URLs', () => {
    expect(resolve(`regulars://app/${'a'.repeat(5000)}`)).toEqual({ ok: false, status: 400 });
  });

  it('never returns a path outside the root', () => {
    const nasty = ['..', '%2e%2e', '.%2e', '%2e.', '..%2f', '..%5c', '%00', '\\', 'a', '%2f', 'C:', '%3a'];
    for (const a of nasty) {
      for (const b of nasty) {
        const result = resolve(`regulars://app/${a}/${b}/x`);
        if (result.ok) {
          const relative = api.relative(root, result.filePath);
          expect(relative.startsWith('..') || api.isAbsolute(relative)).toBe(false);
        }
      }
    }
  });
});

describe('resolveAppFile', () => {
  it('insists on an absolute root', () => {
    expect(() => resolveAppFile('regulars://app/index.html', 'dist/renderer', path.posix)).toThrow();
  });
});

describe('response headers', () => {
  it('carry the CSP and no-sniff on every response', () => {
    for (const file of ['/r/index.html', '/r/a.js', null]) {
      const headers = appResponseHeaders(file);
      expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
    }
  });

  it('name the content type by extension, defaulting to a download-only type', () => {
    expect(contentTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/r/assets/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/r/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/r/x.wasm')).toBe('application/wasm');
    expect(contentTypeFor('/r/unknown.xyz')).toBe('application/octet-stream');
    expect(contentTypeFor('/r/constructor')).toBe('application/octet-stream');
    expect(contentTypeFor('/r/x.__proto__')).toBe('application/octet-stream');
  });
});
