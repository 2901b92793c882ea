// The browser mode's stand-in for Electron IPC: an HTTP endpoint on the dev server that admits only
// the app's own page on this machine, then runs the same IPC handler as the desktop app.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FailureReason } from '../../shared/ipc/contract';
import { err, type Result } from '../../shared/result';
import { createIpcHandler } from '../ipc/handlers';
import type { MainServices } from '../services/types';

export const BRIDGE_PATH = '/__regulars/invoke';
export const TOKEN_HEADER = 'x-regulars-token';
export const MAX_BODY_BYTES = 1024 * 1024;

export interface BridgeRequestHead {
  method: string | undefined;
  remoteAddress: string | undefined;
  /** Node's IncomingHttpHeaders: lower-case names. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

export interface BridgeRequest extends BridgeRequestHead {
  /** The raw body, or its first MAX_BODY_BYTES + 1 bytes when it was longer (see readLimitedBody). */
  body: Uint8Array | string | undefined;
}

export interface BridgeResponse {
  status: number;
  /** Always a Result, so the renderer's transport can return it as is whatever the status. */
  json: Result<unknown, FailureReason>;
}

export interface BridgeOptions {
  token: string;
  services: MainServices;
  maxBodyBytes?: number;
  logError?: (message: string) => void;
}

const LOOPBACK_ADDRESSES: ReadonlySet<string> = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\]):([1-9][0-9]{0,4})$/;
const ENVELOPE_KEYS: ReadonlySet<string> = new Set(['channel', 'payload']);

const reject = (status: number, reason: FailureReason): BridgeResponse => ({ status, json: err(reason) });

function single(value: string | string[] | undefined): string | undefined | null {
  if (Array.isArray(value)) return null; // a repeated header is never legitimate here
  return value;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time: hashing first makes the comparison independent of where the strings differ, and of length. */
export function tokensMatch(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The dev server's own origin, derived from a Host header naming the loopback interface; null otherwise. */
export function loopbackOriginFromHost(host: string | undefined | null): string | null {
  if (typeof host !== 'string') return null;
  const match = LOOPBACK_HOST.exec(host.toLowerCase());
  if (!match || Number(match[2]) > 65_535) return null;
  return `http://${host.toLowerCase()}`;
}

type HeadCheck = { ok: false; response: BridgeResponse } | { ok: true; origin: string };

/**
 * Everything that can be decided before reading the body; the middleware calls it first so that an
 * unauthenticated client cannot make the server buffer a megabyte.
 */
export function checkBridgeHead(head: BridgeRequestHead, token: string, maxBodyBytes = MAX_BODY_BYTES): HeadCheck {
  const fail = (status: number, reason: FailureReason): HeadCheck => ({ ok: false, response: reject(status, reason) });
  if (head.method !== 'POST') return fail(405, 'invalid-request');
  if (head.remoteAddress === undefined || !LOOPBACK_ADDRESSES.has(head.remoteAddress)) return fail(403, 'untrusted-sender');

  // A DNS-rebinding page reaches 127.0.0.1 under its own host name; only loopback names are the app.
  const origin = loopbackOriginFromHost(single(head.headers.host));
  if (origin === null) return fail(403, 'untrusted-sender');
  const requestOrigin = single(head.headers.origin);
  if (requestOrigin === null || (requestOrigin !== undefined && requestOrigin !== origin)) return fail(403, 'untrusted-sender');
  const fetchSite = single(head.headers['sec-fetch-site']);
  if (fetchSite === null || (fetchSite !== undefined && fetchSite !== 'same-origin')) return fail(403, 'untrusted-sender');

  const given = single(head.headers[TOKEN_HEADER]);
  if (typeof given !== 'string' || given === '' || !tokensMatch(given, token)) return fail(401, 'untrusted-sender');

  const contentType = single(head.headers['content-type']);
  if (typeof contentType !== 'string' || contentType.split(';', 1)[0]?.trim().toLowerCase() !== 'application/json') {
    return fail(415, 'invalid-request');
  }
  const length = single(head.headers['content-length']);
  if (length === null) return fail(400, 'invalid-request');
  if (length !== undefined) {
    if (!/^[0-9]{1,15}$/.test(length)) return fail(400, 'invalid-request');
    if (Number(length) > maxBodyBytes) return fail(413, 'invalid-request');
  }
  return { ok: true, origin };
}

function parseEnvelope(body: Uint8Array | string | undefined): { channel: unknown; payload: unknown } | null {
  if (body === undefined) return null;
  let text: string;
  try {
    text = typeof body === 'string' ? body : new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return null;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  if (!Object.keys(parsed).every((key) => ENVELOPE_KEYS.has(key))) return null;
  const envelope = parsed as Record<string, unknown>;
  return {
    channel: Object.hasOwn(envelope, 'channel') ? envelope.channel : undefined,
    payload: Object.hasOwn(envelope, 'payload') ? envelope.payload : undefined,
  };
}

function byteLength(body: Uint8Array | string | undefined): number {
  if (body === undefined) return 0;
  return typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength;
}

/** One POST {channel, payload} with the token header → the handler's Result. Never throws. */
export function createBridgeRequestHandler(options: BridgeOptions): (request: BridgeRequest) => Promise<BridgeResponse> {
  const { token, services, maxBodyBytes = MAX_BODY_BYTES } = options;
  if (!/^[0-9a-f]{32,}$/.test(token)) throw new Error('the bridge token must be at least 16 random bytes, hex');
  const logError = options.logError ?? ((message: string) => console.error(message));

  return async (request) => {
    const head = checkBridgeHead(request, token, maxBodyBytes);
    if (!head.ok) return head.response;
    if (byteLength(request.body) > maxBodyBytes) return reject(413, 'invalid-request');
    const envelope = parseEnvelope(request.body);
    if (envelope === null) return reject(400, 'invalid-request');
    const senderUrl = single(request.headers.origin) ?? head.origin; // a token-bearing tool without Origin speaks for the server's own page
    const handler = createIpcHandler(services, { trustedOrigins: [head.origin], logError });
    try {
      return { status: 200, json: await handler({ channel: envelope.channel, payload: envelope.payload, senderUrl }) };
    } catch {
      return reject(500, 'internal-error');
    }
  };
}

/**
 * Reads a request body, stopping once it passes `limit`: the result then holds limit + 1 bytes,
 * which the bridge refuses with 413.
 */
export function readLimitedBody(stream: NodeJS.ReadableStream, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, rejectPromise) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      action();
    };
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      chunks.push(buffer);
      size += buffer.length;
      if (size > limit) {
        stream.pause();
        settle(() => resolve(Buffer.concat(chunks).subarray(0, limit + 1)));
      }
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks)));
    const onError = (error: unknown) => settle(() => rejectPromise(error));
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}
