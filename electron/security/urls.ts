// URL policy for the main process: which links may leave the app, which navigations stay in it,
// and which senders may call IPC. Pure functions over WHATWG URL, so they are unit-tested in Node.

export const APP_PROTOCOL = 'regulars';
/** The packaged app's origin. The renderer's IndexedDB lives under it, so it must never change. */
export const APP_ORIGIN = `${APP_PROTOCOL}://app`;
export const MAX_URL_LENGTH = 2048;

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'sms:']);
// Mail clients have honoured extra mailto fields such as attach= (file exfiltration); allow only RFC 6068 basics.
const MAILTO_FIELDS = new Set(['to', 'cc', 'bcc', 'subject', 'body']);
// A text message (RFC 5724): one number, digits with an optional leading +, and at most a body: a greeting to send.
const SMS_RECIPIENT = /^\+?[0-9]{3,20}$/;
// The URL parser silently strips or tolerates these, which is how look-alike links are built.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\\]/u;

function parse(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  if (FORBIDDEN_CHARACTERS.test(raw)) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** `protocol//host` compared as text: Node gives non-special schemes such as regulars: an opaque "null" origin. */
function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

function normalizeOrigin(origin: string): string | null {
  const url = parse(origin);
  if (!url || url.username !== '' || url.password !== '') return null;
  if (url.host === '') return null;
  return originOf(url);
}

/**
 * The canonical form of a link that may be handed to the operating system, or null when it may not.
 * Callers pass the returned string on, never the raw input.
 */
export function normalizeExternalUrl(raw: unknown): string | null {
  const url = parse(raw);
  if (!url || !EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.username !== '' || url.password !== '') return null;
  const text = raw as string;
  if (url.protocol === 'mailto:') {
    const hasRecipient = url.pathname.includes('@');
    if (!/^mailto:/i.test(text) || (!hasRecipient && url.search === '')) return null;
    for (const key of url.searchParams.keys()) {
      if (!MAILTO_FIELDS.has(key.toLowerCase())) return null;
    }
  } else if (url.protocol === 'sms:') {
    if (!/^sms:/i.test(text) || !SMS_RECIPIENT.test(url.pathname)) return null;
    for (const key of url.searchParams.keys()) {
      if (key !== 'body') return null;
    }
  } else {
    // Demand the plain "http://host" spelling: "http:evil.com" and friends parse, but only to mislead.
    if (!/^https?:\/\/[^/?#]/i.test(text)) return null;
    if (url.hostname === '') return null;
  }
  return url.href.length <= MAX_URL_LENGTH ? url.href : null;
}

export function isAllowedExternalUrl(url: unknown): boolean {
  return normalizeExternalUrl(url) !== null;
}

/** True only for URLs on exactly the app origin (scheme, host and port), without credentials. */
export function isAppUrl(url: unknown, appOrigin: string): boolean {
  const expected = normalizeOrigin(appOrigin);
  const parsed = parse(url);
  if (!expected || !parsed) return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return originOf(parsed) === expected;
}

/** The IPC sender check: the calling frame's URL must sit on one of the trusted origins. */
export function isTrustedSenderUrl(senderUrl: unknown, trustedOrigins: readonly string[]): boolean {
  return trustedOrigins.some((origin) => isAppUrl(senderUrl, origin));
}

/** The customer-facing survey screen's page, on whichever origin serves the app. */
export const SCREEN_PAGE_PATH = '/screen.html';

/**
 * Whether a sender is the customer-facing screen's page (its path, whatever its query or fragment). The
 * screen's channels are answered for it alone, and every other channel is refused to it.
 */
export function isScreenPageUrl(senderUrl: unknown): boolean {
  const url = parse(senderUrl);
  return url !== null && url.pathname === SCREEN_PAGE_PATH;
}
