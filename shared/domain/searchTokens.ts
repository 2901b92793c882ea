// Customer search: the prefix-searchable tokens stored on each customer, query normalisation, name sort keys.
import { pinyin } from 'pinyin-pro';
import { phoneSearchDigits, type NormalizedPhone } from './phone';
import { foldText, MAX_TOKEN_LENGTH, SEPARATOR, SEPARATORS } from './searchQuery';

// The query side lives in searchQuery.ts (no pinyin, no phone metadata: the list's first screen uses it).
export { foldText, matchesAllTerms, MAX_TOKEN_LENGTH, normalizeSearchQuery } from './searchQuery';

export interface SearchTokenInput {
  name: string;
  phones: NormalizedPhone[];
  email: string;
  company?: string;
}

// Each token is one entry in the customers table's multiEntry index, so at 100,000 customers every
// token costs write time and disk: name and company suffixes stop after 12 segments, only the first
// 4 phones are indexed, tokens are cut at 40 characters (queries are cut the same way, so a prefix
// match still works), and 128 tokens is a hard ceiling for pasted junk.
export const MAX_SEARCH_TOKENS = 128;
const MAX_SEGMENTS = 12;
const MAX_PHONES = 4;

const WORD_PUNCTUATION = /[-'’.]+/;
// Scripts written without spaces: every character starts a new segment.
const PER_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const HAN = /\p{Script=Han}/u;

const PINYIN_OPTIONS = { mode: 'surname', surname: 'head', toneType: 'none', type: 'array', v: true } as const;

/** Surname readings pinyin-pro's surname mode still gets wrong (checked with pinyin-pro 3.29). */
export const SURNAME_READINGS: Readonly<Record<string, string>> = { 种: 'chong', 秘: 'bi', 洗: 'xian', 藏: 'zang' };

interface Segmented {
  /** The text without separators. */
  compact: string;
  /** Offsets in `compact` where a segment (a CJK character or a word) starts. */
  starts: number[];
  words: string[];
}

function segment(folded: string): Segmented {
  let compact = '';
  const starts: number[] = [];
  const words: string[] = [];
  let word = '';
  const flush = () => {
    if (word) words.push(word);
    word = '';
  };
  for (const ch of folded) {
    if (SEPARATOR.test(ch)) {
      flush();
    } else if (PER_CHARACTER.test(ch)) {
      flush();
      starts.push(compact.length);
      compact += ch;
    } else {
      if (!word) starts.push(compact.length);
      word += ch;
      compact += ch;
    }
  }
  flush();
  return { compact, starts, words };
}

/** Syllables of the Han characters in `name`, surnames read as surnames (单 shan, 曾 zeng). */
function nameSyllables(name: string): string[] {
  const text = name.normalize('NFKC').trim();
  if (!HAN.test(text)) return [];
  const syllables = pinyin(text, { ...PINYIN_OPTIONS, nonZh: 'removed' })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter((s) => s !== '');
  return withSurnameReading(text, syllables);
}

function withSurnameReading(name: string, syllables: string[]): string[] {
  const reading = SURNAME_READINGS[name[0] ?? ''];
  if (reading && syllables.length > 0) syllables[0] = reading;
  return syllables;
}

function suffixesAt(text: string, starts: readonly number[]): string[] {
  return starts.slice(0, MAX_SEGMENTS).map((i) => text.slice(i));
}

function pinyinTokens(syllables: string[]): string[] {
  const syl = syllables.slice(0, MAX_SEGMENTS);
  const initials = syl.map((s) => s[0] ?? '');
  const full = syl.map((_, i) => syl.slice(i).join(''));
  const init = initials.map((_, i) => initials.slice(i).join(''));
  // pinyin-pro writes ü as v (lv for 吕, as typed on a pinyin keyboard); people also type u.
  const withU = full.filter((t) => t.includes('v')).map((t) => t.replace(/v/g, 'u'));
  return [...full, ...init, ...withU];
}

function nameTokens(name: string): string[] {
  const { compact, starts, words } = segment(foldText(name));
  if (!compact) return [];
  const parts = words.flatMap((w) => (WORD_PUNCTUATION.test(w) ? w.split(WORD_PUNCTUATION) : []));
  return [compact, ...words, ...parts, ...pinyinTokens(nameSyllables(name)), ...suffixesAt(compact, starts)];
}

function phoneTokens(phones: readonly NormalizedPhone[]): string[] {
  return phones.slice(0, MAX_PHONES).flatMap((p) => {
    const { significant, nationalDial, international } = phoneSearchDigits(p);
    const suffixes = [...significant].map((_, i) => significant.slice(i));
    return [international, nationalDial, ...suffixes];
  });
}

function emailTokens(email: string): string[] {
  const e = foldText(email).trim();
  if (!e) return [];
  const at = e.lastIndexOf('@');
  return at < 0 ? [e] : [e, e.slice(0, at), e.slice(at + 1)];
}

function companyTokens(company: string): string[] {
  const { compact, starts, words } = segment(foldText(company));
  return compact ? [compact, ...words, ...suffixesAt(compact, starts)] : [];
}

/**
 * Lower-case, de-duplicated tokens: a customer is a hit when every query term is a prefix of some
 * token. Covers any part of the name (三丰), its pinyin and initials from any syllable (zhangsan,
 * san, zs), any run of phone digits (as a prefix of a suffix), the e-mail and its parts, the company.
 */
export function buildSearchTokens(input: SearchTokenInput): string[] {
  const all = [
    ...nameTokens(input.name),
    ...phoneTokens(input.phones),
    ...emailTokens(input.email),
    ...companyTokens(input.company ?? ''),
  ];
  const out = new Set<string>();
  for (const token of all) {
    if (out.size >= MAX_SEARCH_TOKENS) break;
    const t = [...token].slice(0, MAX_TOKEN_LENGTH).join('');
    if (t) out.add(t);
  }
  return [...out];
}

/**
 * A key that sorts names the way a Chinese clerk expects: Chinese names by pinyin, syllables
 * separated by spaces so 湛 (zhan) sorts before 张 (zhang); other names folded to lower case.
 */
export function nameSortKey(name: string): string {
  const folded = foldText(name).trim();
  if (!HAN.test(folded)) return folded.split(SEPARATORS).filter((w) => w !== '').join(' ');
  const parts = pinyin(folded, { ...PINYIN_OPTIONS, nonZh: 'consecutive' })
    .flatMap((part) => part.split(SEPARATORS))
    .filter((part) => part !== '');
  return withSurnameReading(folded, parts).join(' ');
}
