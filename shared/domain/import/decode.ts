// Imported files as text: a byte-order mark first, then a strict UTF-8 decode, then GB18030 — what
// Chinese Excel writes when it saves "CSV" in the system code page (GBK is a subset of GB18030).
//
// TextDecoder exists in browsers, workers and Node, but shared/ compiles without DOM or Node types,
// so it is reached through globalThis with the small structural type below.

export const TEXT_ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

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

/**
 * Decodes an imported file. With `override` the bytes are decoded as that encoding (a BOM of the
 * same encoding is dropped); without it: BOM → UTF-16 without BOM (zero-byte pattern) → strict
 * UTF-8 → (nearly all valid UTF-8 → UTF-8) → GB18030. Invalid sequences in the chosen encoding
 * become U+FFFD, counted in `replacements`, rather than failing.
 */
export function decodeText(
  bytes: Uint8Array,
  override?: TextEncodingName,
  makeDecoder: TextDecoderFactory = platformTextDecoder,
): DecodedText {
  const bom = bomOf(bytes);
  const decode = (encoding: TextEncodingName, fatal: boolean): string => {
    const body = bom && bom.encoding === encoding ? bytes.subarray(bom.length) : bytes;
    return makeDecoder(encoding, { fatal, ignoreBOM: true }).decode(body);
  };
  const result = (encoding: TextEncodingName, text: string, replacements = countReplacements(text)): DecodedText =>
    ({ text, encoding, hadBom: bom !== null, replacements });

  if (override) return result(override, decode(override, false));
  if (bom) return result(bom.encoding, decode(bom.encoding, false));
  const utf16 = guessBomlessUtf16(bytes);
  if (utf16) return result(utf16, decode(utf16, false));
  try {
    return result('utf-8', decode('utf-8', true), 0);
  } catch {
    // Mostly good UTF-8 with a stray byte or a cut-off last character stays UTF-8: read as GB18030
    // it would turn every Chinese character into nonsense. GBK text read as UTF-8 fails nearly everywhere.
    const lossy = decode('utf-8', false);
    let bad = 0;
    let good = 0;
    for (let i = 0; i < lossy.length; i++) {
      const c = lossy.charCodeAt(i);
      if (c === 0xfffd) bad++;
      else if (c >= 0x80) good++;
    }
    if (good >= 20 * bad) return result('utf-8', lossy, bad);
    return result('gb18030', decode('gb18030', false));
  }
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}
