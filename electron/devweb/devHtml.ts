// index.html as the dev server hands it out in browser mode: the bridge token, and a CSP relaxed
// just enough for Vite's hot reload (inline preamble script, injected <style>, the HMR WebSocket).
import { CSP_DIRECTIVES, serializeCsp } from '../security/windowOptions';

export const TOKEN_META_NAME = 'regulars-web-token';

export const DEV_CONTENT_SECURITY_POLICY = serializeCsp(
  Object.fromEntries(
    Object.entries({
      ...CSP_DIRECTIVES,
      'script-src': ["'self'", "'unsafe-inline'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'connect-src': ["'self'", 'ws://127.0.0.1:*', 'ws://localhost:*'],
    }).filter(([name]) => name !== 'frame-ancestors'),
  ),
);

// Any CSP meta goes, not only id="csp": two policies are both enforced, and the stricter one would block HMR.
const CSP_META = /<meta\b[^>]*\b(?:id\s*=\s*(["'])csp\1|http-equiv\s*=\s*(["'])content-security-policy\2)[^>]*>/gi;
const HEAD_OPEN = /<head\b[^>]*>/i;

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Replaces the CSP meta (or adds one when the page has none) and adds the token meta, both at the top of <head>. */
export function prepareDevIndexHtml(html: string, token: string): string {
  const tags =
    `<meta id="csp" http-equiv="Content-Security-Policy" content="${escapeAttribute(DEV_CONTENT_SECURITY_POLICY)}">` +
    `<meta name="${TOKEN_META_NAME}" content="${escapeAttribute(token)}">`;
  const withoutCsp = html.replace(CSP_META, '');
  const head = HEAD_OPEN.exec(withoutCsp);
  if (!head) return tags + withoutCsp;
  const at = head.index + head[0].length;
  return withoutCsp.slice(0, at) + tags + withoutCsp.slice(at);
}
