// Bytes ⇄ base64 for backup chunks on the wire: every transport (Electron IPC, the dev bridge's JSON, a
// Playwright binding) carries strings the same way, so payload pieces cross IPC as canonical base64.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Padded, and the bits the padding leaves over are zero, so each byte string has exactly one spelling. */
export const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?$/;

const DECODE = new Int16Array(128).fill(-1);
for (let index = 0; index < ALPHABET.length; index++) DECODE[ALPHABET.charCodeAt(index)] = index;

/** The native methods (Chromium 140+, Node 25+) where present: no types for them in ES2023 yet. */
interface NativeBase64 {
  toBase64?: (this: Uint8Array) => string;
}
interface NativeBase64Constructor {
  fromBase64?: (text: string) => Uint8Array;
}
const nativeToBase64 = (Uint8Array.prototype as NativeBase64).toBase64;
const nativeFromBase64 = (Uint8Array as unknown as NativeBase64Constructor).fromBase64;

/** Canonical padded base64 (RFC 4648 §4). */
export function isCanonicalBase64(text: string): boolean {
  return text.length % 4 === 0 && CANONICAL_BASE64.test(text);
}

export function bytesToBase64(bytes: Uint8Array, useNative = true): string {
  if (useNative && nativeToBase64) return nativeToBase64.call(bytes);
  const parts: string[] = [];
  // Build the string in slices: one concatenation per byte would make a 512 KiB chunk crawl.
  const SLICE = 3 * 4096;
  for (let start = 0; start < bytes.length; start += SLICE) {
    const end = Math.min(start + SLICE, bytes.length);
    let piece = '';
    let index = start;
    for (; index + 2 < end; index += 3) {
      const triple = ((bytes[index] as number) << 16) | ((bytes[index + 1] as number) << 8) | (bytes[index + 2] as number);
      piece += ALPHABET[triple >> 18]! + ALPHABET[(triple >> 12) & 63]! + ALPHABET[(triple >> 6) & 63]! + ALPHABET[triple & 63]!;
    }
    const left = end - index;
    if (left === 1) {
      const single = bytes[index] as number;
      piece += `${ALPHABET[single >> 2]!}${ALPHABET[(single & 3) << 4]!}==`;
    } else if (left === 2) {
      const pair = ((bytes[index] as number) << 8) | (bytes[index + 1] as number);
      piece += `${ALPHABET[pair >> 10]!}${ALPHABET[(pair >> 4) & 63]!}${ALPHABET[(pair & 15) << 2]!}=`;
    }
    parts.push(piece);
  }
  return parts.join('');
}

/** The bytes of canonical base64; null for anything else (other alphabets, missing padding, whitespace). */
export function base64ToBytes(text: string, useNative = true): Uint8Array | null {
  if (!isCanonicalBase64(text)) return null;
  if (useNative && nativeFromBase64) return nativeFromBase64(text);
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let at = 0;
  for (let index = 0; index < text.length; index += 4) {
    const a = DECODE[text.charCodeAt(index)] as number;
    const b = DECODE[text.charCodeAt(index + 1)] as number;
    const c = text[index + 2] === '=' ? 0 : (DECODE[text.charCodeAt(index + 2)] as number);
    const d = text[index + 3] === '=' ? 0 : (DECODE[text.charCodeAt(index + 3)] as number);
    const quad = (a << 18) | (b << 12) | (c << 6) | d;
    out[at++] = quad >> 16;
    if (at < out.length) out[at++] = (quad >> 8) & 255;
    if (at < out.length) out[at++] = quad & 255;
  }
  return out;
}
