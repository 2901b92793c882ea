import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../security/windowOptions';
import { DEV_CONTENT_SECURITY_POLICY, TOKEN_META_NAME, prepareDevIndexHtml } from './devHtml';

const TOKEN = 'ab'.repeat(24);
const page = (head: string) => `<!doctype html><html lang="zh-CN"><head>${head}<title>熟客</title></head><body><div id="root"></div></body></html>`;

describe('DEV_CONTENT_SECURITY_POLICY', () => {
  it('relaxes only what Vite needs', () => {
    expect(DEV_CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'unsafe-inline'");
    expect(DEV_CONTENT_SECURITY_POLICY).toContain("style-src 'self' 'unsafe-inline'");
    expect(DEV_CONTENT_SECURITY_POLICY).toContain("connect-src 'self' ws://127.0.0.1:* ws://localhost:*");
    expect(DEV_CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(DEV_CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(DEV_CONTENT_SECURITY_POLICY).not.toContain('https:');
  });

  it('leaves the production policies strict', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(META_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });
});

describe('prepareDevIndexHtml', () => {
  const cspMetas = (html: string) => html.match(/<meta[^>]*Content-Security-Policy[^>]*>/gi) ?? [];

  it('replaces the CSP meta and adds the token at the top of <head>', () => {
    const html = prepareDevIndexHtml(page(`<meta charset="utf-8"><meta id="csp" http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}">`), TOKEN);
    expect(cspMetas(html)).toHaveLength(1);
    expect(html).toContain(`content="${DEV_CONTENT_SECURITY_POLICY}"`);
    expect(html).toContain(`<meta name="${TOKEN_META_NAME}" content="${TOKEN}">`);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<title>'));
    expect(html.startsWith('<!doctype html><html lang="zh-CN"><head><meta id="csp"')).toBe(true);
  });

  it('handles attribute order, quotes and a CSP meta without the id', () => {
    for (const meta of [
      `<meta content="default-src 'self'" http-equiv="Content-Security-Policy" id="csp" />`,
      `<meta id='csp' http-equiv='Content-Security-Policy' content="default-src 'self'">`,
      `<meta http-equiv="content-security-policy" content="default-src 'self'">`,
    ]) {
      const html = prepareDevIndexHtml(page(meta), TOKEN);
      expect(cspMetas(html)).toHaveLength(1);
      expect(html).not.toContain(`content="default-src 'self'"`);
    }
  });

  it('adds a policy when the page has none, with or without <head>', () => {
    expect(cspMetas(prepareDevIndexHtml(page(''), TOKEN))).toHaveLength(1);
    const bare = prepareDevIndexHtml('<div id="root"></div>', TOKEN);
    expect(bare.startsWith('<meta id="csp"')).toBe(true);
  });

  it('escapes the token', () => {
    expect(prepareDevIndexHtml(page(''), '"><script>x</script>')).not.toContain('<script>x');
  });
});
