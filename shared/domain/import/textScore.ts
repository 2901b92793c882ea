// How much decoded text looks like what a Chinese store's file holds: common Chinese characters,
// words in one script, no replacement characters, controls or private-use code points. Used to choose
// between encodings whose bytes all decode (GBK bytes are sometimes valid UTF-8, and Big5 bytes are
// nearly always valid GBK).
//
// "Common" Chinese characters are not a hand-written list: they are GB2312's level-1 characters (the
// 3,755 most used simplified characters) and Big5's 5,401 "frequently used" characters, read out of
// the platform's own decoders once.
import { assertNever } from '../../result';
import type { TextDecoderFactory } from './decode';

let commonHanSet: Set<number> | null = null;

const HAN = /\p{Script=Han}/u;

function addRange(set: Set<number>, decoder: { decode(b: Uint8Array): string }, leads: [number, number], trails: [number, number][]) {
  for (let lead = leads[0]; lead <= leads[1]; lead++) {
    for (const [from, to] of trails) {
      for (let trail = from; trail <= to; trail++) {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && HAN.test(ch)) set.add(ch.charCodeAt(0));
      }
    }
  }
}

/** The code points of common Chinese characters, simplified and traditional. */
export function commonHanCharacters(makeDecoder: TextDecoderFactory): Set<number> {
  if (commonHanSet) return commonHanSet;
  const set = new Set<number>();
  // GB2312 level 1: rows 16–55 (lead bytes B0–D7), ordered by pinyin.
  addRange(set, makeDecoder('gb18030', { fatal: false, ignoreBOM: true }), [0xb0, 0xd7], [[0xa1, 0xfe]]);
  // Big5 frequently used characters: A440–C67E.
  const big5 = makeDecoder('big5', { fatal: false, ignoreBOM: true });
  addRange(set, big5, [0xa4, 0xc5], [[0x40, 0x7e], [0xa1, 0xfe]]);
  addRange(set, big5, [0xc6, 0xc6], [[0x40, 0x7e]]);
  commonHanSet = set;
  return set;
}

type CharClass = 'ascii' | 'space' | 'common-han' | 'rare-han' | 'cjk-punct' | 'letter' | 'mark' | 'bad' | 'currency' | 'symbol';

const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff5e\u2018\u2019\u201c\u201d\u2026\u00b7\u2014]/u;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const CURRENCY = /\p{Sc}/u;
/** A price sign's weight: more than the common character its bytes read as in GBK or Big5. */
const PRICE_SIGN = 3;
const DIGIT = /[0-9]/;

function classify(ch: string, code: number, common: Set<number>): CharClass {
  if (code < 0x80) return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d ? 'space' : 'ascii';
  if (code === 0xfffd || (code >= 0x80 && code <= 0x9f) || (code >= 0xe000 && code <= 0xf8ff)) return 'bad';
  if (HAN.test(ch)) return common.has(code) ? 'common-han' : 'rare-han';
  if (CJK_PUNCT.test(ch)) return 'cjk-punct';
  if (MARK.test(ch)) return 'mark';
  if (LETTER.test(ch)) return 'letter';
  if (CURRENCY.test(ch)) return 'currency';
  return 'symbol';
}

const SCRIPTS = ['Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Hiragana', 'Katakana', 'Hangul', 'Thai'].map(
  (script) => [script, new RegExp(`\\p{Script=${script}}`, 'u')] as const,
);

function scriptOf(ch: string): string {
  for (const [script, pattern] of SCRIPTS) if (pattern.test(ch)) return script;
  return 'other';
}

// The letters people's names and addresses use in those scripts; the rest (Cyrillic Ҷ, Latin ƶ, IPA)
// is what GBK or Big5 bytes read as UTF-8 look like.
const EVERYDAY_LETTER = /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f\u0386-\u03ce\u0401-\u045f\u05d0-\u05ea\u0621-\u064a\u3041-\u30ff\uac00-\ud7a3]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** One script, everyday letters, and no capital after a small letter (Müller, Иванов; not ҶСӢ or ÕÅÈý). */
function isPlausibleWord(word: string[], hasAsciiLetter: boolean): boolean {
  const scripts = new Set(word.map(scriptOf));
  if (scripts.has('other') || !(scripts.size === 1 || (scripts.size === 2 && hasAsciiLetter && scripts.has('Latin')))) return false;
  if (!word.every((ch) => EVERYDAY_LETTER.test(ch))) return false;
  let sawLower = false;
  for (const ch of word) {
    if (UPPER.test(ch) && sawLower) return false;
    if (LOWER.test(ch)) sawLower = true;
  }
  return true;
}

/**
 * A score for decoded text, higher for text that reads as a person would have typed it. Only the
 * first `limit` characters are looked at. Comparable between decodings of the same bytes.
 */
export function plausibilityScore(text: string, makeDecoder: TextDecoderFactory, limit = 200_000): number {
  const common = commonHanCharacters(makeDecoder);
  let score = 0;
  // A "word": letters and marks between other characters. Non-Chinese letters count for the text
  // only when their word is in one script (Müller, Иванов), not a mix (the signature of mojibake).
  let word: string[] = [];
  let wordHasAsciiLetter = false;
  const endWord = () => {
    if (word.length > 0) score += isPlausibleWord(word, wordHasAsciiLetter) ? 0.5 * word.length : -1.5 * word.length;
    word = [];
    wordHasAsciiLetter = false;
  };
  // A Chinese character glued to a Latin letter (Jos茅 is José's UTF-8 read as GBK) counts nothing.
  let previousAsciiLetter = false;
  let pendingCommonHan = false;
  // A currency sign beside a digit is a price as typed (£12.50, 12€); UTF-8's £ read as GBK is 拢, a
  // common character, so without this a short price list reads as GBK.
  let pendingCurrency = false;
  let previousDigit = false;
  let count = 0;
  for (const ch of text) {
    if (++count > limit) break;
    const code = ch.codePointAt(0)!;
    const cls = classify(ch, code, common);
    const asciiLetter = cls === 'ascii' && /[A-Za-z]/.test(ch);
    if (pendingCommonHan && !asciiLetter) score += 2;
    pendingCommonHan = false;
    const digit = DIGIT.test(ch);
    if (pendingCurrency) score += digit ? PRICE_SIGN : -1;
    pendingCurrency = false;
    switch (cls) {
      case 'ascii':
        if (asciiLetter) wordHasAsciiLetter = true;
        else endWord();
        break;
      case 'space':
        endWord();
        break;
      case 'common-han':
        endWord();
        pendingCommonHan = !previousAsciiLetter;
        break;
      case 'rare-han':
        endWord();
        score -= 1;
        break;
      case 'cjk-punct':
        endWord();
        score += 0.5;
        break;
      case 'letter':
      case 'mark':
        word.push(ch);
        break;
      case 'bad':
        endWord();
        score -= 4;
        break;
      case 'currency':
        endWord();
        if (previousDigit) score += PRICE_SIGN;
        else pendingCurrency = true;
        break;
      case 'symbol':
        endWord();
        score -= 1;
        break;
      default:
        assertNever(cls, 'character class');
    }
    previousAsciiLetter = asciiLetter;
    previousDigit = digit;
  }
  if (pendingCommonHan) score += 2;
  if (pendingCurrency) score -= 1;
  endWord();
  return score;
}
