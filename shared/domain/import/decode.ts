// Imported files as text: a byte-order mark first, then UTF-8, GB18030 (what Chinese Excel writes when
// it saves "CSV" in the system code page; GBK is a subset of GB18030) or Big5 (Taiwan and Hong Kong),
// chosen by how the decoded text reads (textScore.ts), not only by whether it decodes: short GBK files
// are often valid UTF-8 too.
//
// TextDecoder exists in browsers, workers and Node, but shared/ compiles without DOM or Node types,
// so it is reached through globalThis with the small structural type below.

import { plausibilityScore } from './textScore';

export const TEXT_ENCODINGS = ['utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];
/** The encodings a file without a byte-order mark is weighed in, in order of preference on a tie. */
export const WEIGHED_ENCODINGS = ['utf-8', 'gb18030', 'big5'] as const satisfies readonly TextEncodingName[];

export interface TextDecoderLike {
  decode(input?: Uint8Array): string;
}
export type TextDecoderFactory = (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => TextDecoderLike;

type TextDecoderCtor = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => TextDecoderLike;

/** The platform's TextDecoder; throws RangeError for a label it does not know (as TextDecoder does). */
export const platformTextDecoder: TextDecoderFactory = (label, options) => {
  const Ctor = (globalThis as unknown as { TextDecoder?: TextDecoderCtor }).TextDecoder;
  if (!Ctor) throw new Error('TextDecoder is not available');
  return new Ctor(label, options);
};

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** The bytes began with a byte-order mark (it is never part of `text`). */
  hadBom: boolean;
  /** Byte sequences that could not be read and became U+FFFD (the preview can warn about them). */
  replacements: number;
  /** How the encoding was chosen: a BOM or the UTF-16 byte pattern, the text's reading, or the user. */
  chosenBy: 'bom' | 'pattern' | 'text' | 'user';
  /** Another encoding read the file nearly as well: the preview asks the user to check the names. */
  uncertain: boolean;
}

const BOMS: { encoding: TextEncodingName; bytes: number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

function bomOf(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  for (const bom of BOMS) {
    if (bytes.length >= bom.bytes.length && bom.bytes.every((b, i) => bytes[i] === b)) {
      return { encoding: bom.encoding, length: bom.bytes.length };
    }
  }
  return null;
}

/**
 * UTF-16 without a BOM (rare, but some tools write it): text in the Latin and CJK ranges leaves
 * many zero bytes on one side of each pair. Looks at the first 4 KB.
 */
function guessBomlessUtf16(bytes: Uint8Array): TextEncodingName | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Strict UTF-8, or null when the bytes are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array, makeDecoder: TextDecoderFactory): string | null {
  try {
    return makeDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

export interface EncodingWeighing {
  encoding: TextEncodingName;
  score: number;
}

/**
 * The weighed encodings, best first, for bytes without a BOM. Valid UTF-8 gets one point per
 * non-ASCII character on top of its reading, the weight of a strict decode succeeding by chance.
 */
export function weighEncodings(bytes: Uint8Array, makeDecoder: TextDecoderFactory = platformTextDecoder): EncodingWeighing[] {
  const strict = strictUtf8(bytes, makeDecoder);
  const weighed = WEIGHED_ENCODINGS.map((encoding, order) => {
    const text = encoding === 'utf-8' && strict !== null ? strict : makeDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(bytes);
    let score = plausibilityScore(text, makeDecoder);
    if (encoding === 'utf-8' && strict !== null) score += nonAsciiCount(strict);
    return { encoding, score, order };
  });
  weighed.sort((a, b) => b.score - a.score || a.order - b.order);
  return weighed.map(({ encoding, score }) => ({ encoding, score }));
}

/** Nothing reads well, or a runner-up comes within a quarter of the winner: the user should look. */
function isUncertain(weighed: EncodingWeighing[]): boolean {
  const [best, second] = weighed;
  if (!best || !second) return false;
  if (best.score <= 0) return true;
  return second.score > 0 && best.score - second.score < Math.max(4, best.score * 0.25);
}

/**
 * Decodes an imported file. With `override` the bytes are decoded as that encoding (a BOM of the
 * same encoding is dropped); without it: BOM → UTF-16 without BOM (zero-byte pattern) → pure ASCII →
 * the best reading of UTF-8, GB18030 and Big5 (weighEncodings). Invalid sequences in the chosen
 * encoding become U+FFFD, counted in `replacements`, rather than failing.
 */
export function decodeText(
  bytes: Uint8Array,
  override?: TextEncodingName,
  makeDecoder: TextDecoderFactory = platformTextDecoder,
): DecodedText {
  const bom = bomOf(bytes);
  const decode = (encoding: TextEncodingName): string => {
    const body = bom && bom.encoding === encoding ? bytes.subarray(bom.length) : bytes;
    return makeDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(body);
  };
  const result = (encoding: TextEncodingName, chosenBy: DecodedText['chosenBy'], uncertain = false): DecodedText => {
    const text = decode(encoding);
    return { text, encoding, hadBom: bom !== null, replacements: countReplacements(text), chosenBy, uncertain };
  };

  if (override) return result(override, 'user');
  if (bom) return result(bom.encoding, 'bom');
  const utf16 = guessBomlessUtf16(bytes);
  if (utf16) return result(utf16, 'pattern');
  if (bytes.every((b) => b < 0x80)) return result('utf-8', 'text');
  const weighed = weighEncodings(bytes, makeDecoder);
  return result(weighed[0]!.encoding, 'text', isUncertain(weighed));
}

function nonAsciiCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80 && (text.charCodeAt(i) & 0xfc00) !== 0xdc00) n++;
  return n;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}
