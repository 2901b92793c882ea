// Customer search, the query side: what the clerk typed as terms, folded as the stored tokens are, and the
// check of a record's tokens against them. No pinyin and no phone metadata (searchTokens.ts builds the
// tokens with those), so the customer list's first screen loads without them.
import { cleanPhoneInput } from './phoneInput';

/** Tokens and query terms are cut at this many characters (a prefix match still works). */
export const MAX_TOKEN_LENGTH = 40;

// Characters that separate words in names and queries; they never end up inside a token. Dots stay
// inside words ("dr.", and e-mail addresses in queries) and split them only into extra parts.
export const SEPARATOR = /[\s·・•‧,，、;；()[\]{}【】「」《》"“”]/u;
export const SEPARATORS = /[\s·・•‧,，、;；()[\]{}【】「」《》"“”]+/u;

/** Full-width → half-width, diacritics stripped (ü → u, é → e), lower-case. */
export function foldText(text: string): string {
  return text.normalize('NFKC').normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase();
}

// Digits with the separators people type inside phone numbers: "138 1234", "(0755) 8888-8888", "+86 138".
const PHONE_LIKE = /^\+?[\d\s\-()./]*\d[\d\s\-()./]*$/;

/** The query as search terms: folded like the tokens, phone-like input joined into one digit run. */
export function normalizeSearchQuery(q: string): string[] {
  const text = foldText(q).trim();
  if (!text) return [];
  const phone = cleanPhoneInput(text);
  if (PHONE_LIKE.test(phone)) return [[...phone.replace(/\D/g, '')].slice(0, MAX_TOKEN_LENGTH).join('')];
  const terms = text
    .split(SEPARATORS)
    .filter((t) => t !== '')
    .map((t) => [...t].slice(0, MAX_TOKEN_LENGTH).join(''));
  return [...new Set(terms)];
}

/** True when every term is a prefix of at least one token (no terms: everything matches). */
export function matchesAllTerms(tokens: readonly string[], terms: readonly string[]): boolean {
  return terms.every((term) => tokens.some((token) => token.startsWith(term)));
}
