// vCard 2.1 / 3.0 / 4.0 files (phone and mail-program exports) into import records.
//
// Handles folded lines (CRLF + space or tab), QUOTED-PRINTABLE with soft line breaks, CHARSET
// parameters (each value decoded from its own bytes), groups (item1.TEL), quoted parameter values,
// escaped , ; \n in 3.0/4.0 values, several cards per file and blank lines. PHOTO, LOGO, SOUND, KEY
// and every property not listed in `toRecord` are ignored.
//
// The record's rowNumber is the card's position in the file (1 = first card).
import { combineNames, emptyImportRecord, type ImportPhone, type ImportRecord } from './customerRecords';
import { decodeText, platformTextDecoder, type TextDecoderFactory } from './decode';

export const VCARD_WARNINGS = [
  /** A card without END:VCARD (kept; the file may have been cut off). */
  'vcard-unterminated',
  /** A CHARSET the platform does not know; the value was read in the file's own encoding. */
  'vcard-unknown-charset',
] as const;
export type VCardWarning = (typeof VCARD_WARNINGS)[number];

export interface VCardProperty {
  group: string;
  /** Upper case: TEL, EMAIL, X-GOOGLE TALK. */
  name: string;
  params: Record<string, string[]>;
  /** TYPE values and 2.1's bare parameters, lower case: cell, home, pref. */
  types: string[];
  /** Decoded text, before unescaping and splitting. */
  value: string;
}

export interface VCardParseResult {
  records: ImportRecord[];
  /** Cards as parsed properties, for a preview or tests. */
  cards: VCardProperty[][];
  warnings: { rowNumber: number; code: VCardWarning }[];
}

const IGNORED_VALUES = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);

function toBinaryString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return out;
}

function fromBinaryString(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** QUOTED-PRINTABLE to bytes. Characters above 0xFF (text input) are taken as UTF-8. */
function decodeQuotedPrintable(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const c = text.charCodeAt(i);
      if (c < 0x100) out.push(c);
      else out.push(...utf8Bytes(ch));
    }
  }
  return new Uint8Array(out);
}

/** The first ':' outside double quotes separates name and parameters from the value. */
function splitLine(line: string): { head: string; value: string } | null {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) return { head: line.slice(0, i), value: line.slice(i + 1) };
  }
  return null;
}

function splitOutsideQuotes(text: string, sep: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === sep && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function parseHead(head: string): Omit<VCardProperty, 'value'> {
  const [nameWithGroup = '', ...rawParams] = splitOutsideQuotes(head, ';');
  const dot = nameWithGroup.lastIndexOf('.');
  const group = dot >= 0 ? nameWithGroup.slice(0, dot) : '';
  const name = nameWithGroup.slice(dot + 1).trim().toUpperCase();
  const params: Record<string, string[]> = {};
  const types: string[] = [];
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    if (eq < 0) {
      // vCard 2.1: TEL;WORK;VOICE, and the bare encodings QUOTED-PRINTABLE / BASE64.
      const bare = raw.trim().toLowerCase();
      if (bare === 'quoted-printable' || bare === 'base64' || bare === '8bit' || bare === '7bit') (params.ENCODING ??= []).push(bare);
      else if (bare) types.push(bare);
      continue;
    }
    const key = raw.slice(0, eq).trim().toUpperCase();
    const values = splitOutsideQuotes(raw.slice(eq + 1), ',').map((v) => v.trim().replace(/^"(.*)"$/s, '$1'));
    // TYPE="voice,home" (a quoted list) is two types.
    const flat = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    (params[key] ??= []).push(...flat);
    if (key === 'TYPE') types.push(...flat.map((v) => v.toLowerCase()));
  }
  return { group, name, params, types };
}

const NORMALISE_CHARSET: Record<string, string> = { gbk: 'gb18030', gb2312: 'gb18030', 'gb-2312': 'gb18030', cp936: 'gb18030' };

/** Unescapes \n \, \; \\ (3.0/4.0; harmless for 2.1) in one component. */
function unescapeText(text: string): string {
  return text.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits a structured value (N, ADR, ORG) on unescaped separators, then unescapes each part. */
function splitStructured(value: string, sep: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && i + 1 < value.length) {
      current += ch + value[i + 1];
      i++;
    } else if (ch === sep) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => unescapeText(p).trim());
}

interface Source {
  /** Latin-1 view of the bytes (each char one byte), or already-decoded text. */
  text: string;
  binary: boolean;
  /** The encoding of values without a CHARSET parameter (binary input only). */
  defaultCharset: string;
}

function prepareSource(input: Uint8Array | string, makeDecoder: TextDecoderFactory): Source {
  if (typeof input === 'string') return { text: input.replace(/^\uFEFF/, ''), binary: false, defaultCharset: 'utf-8' };
  const decoded = decodeText(input, undefined, makeDecoder);
  // UTF-16 files are rare for vCards; decode them whole and continue as text.
  if (decoded.encoding === 'utf-16le' || decoded.encoding === 'utf-16be') return { text: decoded.text, binary: false, defaultCharset: 'utf-8' };
  const bomLength = decoded.hadBom ? 3 : 0;
  return { text: toBinaryString(input.subarray(bomLength)), binary: true, defaultCharset: decoded.encoding };
}

export interface VCardOptions {
  makeDecoder?: TextDecoderFactory;
  /**
   * The phone label stored for a TEL's first TYPE (lower case: cell, home, work, fax, pager, other,
   * main, iphone…; '' when none). Default: the type word itself.
   */
  phoneLabel?: (type: string) => string;
}

/** Parses every card in a vCard file. Never throws on malformed content; it keeps what it can read. */
export function parseVCards(input: Uint8Array | string, opts: VCardOptions = {}): VCardParseResult {
  const makeDecoder = opts.makeDecoder ?? platformTextDecoder;
  const source = prepareSource(input, makeDecoder);
  const warnings: VCardParseResult['warnings'] = [];
  const cards: VCardProperty[][] = [];
  let current: VCardProperty[] | null = null;
  const unknownCharsetCards = new Set<number>();

  const decodeValue = (raw: string, params: Record<string, string[]>): string => {
    const encoding = (params.ENCODING ?? []).map((e) => e.toLowerCase());
    const qp = encoding.includes('quoted-printable');
    if (!source.binary && !qp) return raw;
    const bytes = qp ? decodeQuotedPrintable(raw) : fromBinaryString(raw);
    const declared = params.CHARSET?.[0]?.toLowerCase();
    const charset = declared ? (NORMALISE_CHARSET[declared] ?? declared) : source.binary ? source.defaultCharset : 'utf-8';
    try {
      return makeDecoder(charset, { fatal: false, ignoreBOM: true }).decode(bytes);
    } catch {
      unknownCharsetCards.add(cards.length);
      return makeDecoder(source.defaultCharset, { fatal: false, ignoreBOM: true }).decode(bytes);
    }
  };

  const handleLine = (line: string) => {
    const split = splitLine(line);
    if (!split) return;
    const head = parseHead(split.head);
    if (head.name === 'BEGIN' && split.value.trim().toUpperCase() === 'VCARD') {
      if (current) {
        warnings.push({ rowNumber: cards.length, code: 'vcard-unterminated' });
      }
      current = [];
      cards.push(current);
      return;
    }
    if (head.name === 'END' && split.value.trim().toUpperCase() === 'VCARD') {
      current = null;
      return;
    }
    if (!current || IGNORED_VALUES.has(head.name)) return;
    current.push({ ...head, value: decodeValue(split.value, head.params) });
  };

  // Unfolding: a line starting with space or tab continues the previous one; a QUOTED-PRINTABLE
  // line ending in '=' continues on the next line whatever it starts with (a soft line break).
  const lines = source.text.split(/\r\n|\n|\r/);
  let logical: string | null = null;
  let logicalIsQp = false;
  const flush = () => {
    if (logical !== null) handleLine(logical);
    logical = null;
  };
  for (const line of lines) {
    if (logical !== null && logicalIsQp && logical.endsWith('=') && !/^(BEGIN|END):VCARD\s*$/i.test(line)) {
      logical = logical.slice(0, -1) + line;
      continue;
    }
    if (logical !== null && (line.startsWith(' ') || line.startsWith('\t'))) {
      logical += line.slice(1);
      continue;
    }
    flush();
    if (line.trim() === '') continue;
    logical = line;
    const colon = splitLine(line);
    logicalIsQp = colon !== null && /(^|;)\s*(encoding\s*=\s*)?quoted-printable\s*(;|$)/i.test(colon.head);
  }
  flush();
  if (current) warnings.push({ rowNumber: cards.length, code: 'vcard-unterminated' });
  for (const card of unknownCharsetCards) warnings.push({ rowNumber: card, code: 'vcard-unknown-charset' });
  warnings.sort((a, b) => a.rowNumber - b.rowNumber || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  return { records: cards.map((c, i) => toRecord(c, i + 1, opts.phoneLabel)), cards, warnings };
}

const HAN = /\p{Script=Han}/u;

function prefRank(p: VCardProperty): number {
  const pref = p.params.PREF?.[0];
  if (pref && /^\d+$/.test(pref)) return Number(pref);
  return p.types.includes('pref') ? 1 : 101;
}

function byPreference<T extends VCardProperty>(props: T[]): T[] {
  return props.map((p, i) => ({ p, i })).sort((a, b) => prefRank(a.p) - prefRank(b.p) || a.i - b.i).map((x) => x.p);
}

const NON_LABEL_TYPES = new Set(['pref', 'voice', 'internet', 'x400', 'msg', 'text', 'uri']);

function phoneText(p: VCardProperty): string {
  let v = unescapeText(p.value).trim();
  if (/^tel:/i.test(v)) v = v.slice(4);
  // tel:+1-555-555-5555;ext=5555 — the extension cannot be stored with the number.
  return v.replace(/;.*$/, '').trim();
}

/** Builds the import record of one card: name, phones, e-mails, birthday, company, title, address, notes, tags, gender. */
export function toRecord(card: VCardProperty[], rowNumber: number, phoneLabel: (type: string) => string = (t) => t): ImportRecord {
  const record = emptyImportRecord(rowNumber);
  const all = (name: string) => card.filter((p) => p.name === name);
  const text = (name: string) => {
    const p = all(name).find((x) => unescapeText(x.value).trim() !== '');
    return p ? unescapeText(p.value).trim() : '';
  };

  // Name: N when it is Chinese (surname first, no space), else FN, else N, else the organisation.
  const n = all('N')[0];
  const [family = '', given = '', additional = ''] = n ? splitStructured(n.value, ';') : [];
  const fromN = HAN.test(family + given) ? `${family}${additional}${given}` : combineNames([given, additional].filter(Boolean).join(' '), family);
  const fn = text('FN');
  const org = all('ORG')[0];
  const company = org ? (splitStructured(org.value, ';').find(Boolean) ?? '') : '';
  record.name = (HAN.test(family + given) ? fromN : fn || fromN) || company;

  // Phones: the preferred one first (it becomes primary), else the first mobile.
  const tels = byPreference(all('TEL')).filter((p) => phoneText(p) !== '');
  const preferred = tels.findIndex((p) => prefRank(p) <= 100);
  const mobile = tels.findIndex((p) => p.types.includes('cell') || p.types.includes('mobile') || p.types.includes('iphone'));
  const primaryIndex = preferred >= 0 ? preferred : Math.max(0, mobile);
  record.phones = tels.map((p, i): ImportPhone => ({
    raw: phoneText(p),
    label: phoneLabel(p.types.find((t) => !NON_LABEL_TYPES.has(t)) ?? ''),
    primary: i === primaryIndex,
  }));

  record.emails = byPreference(all('EMAIL'))
    .map((p) => unescapeText(p.value).trim().replace(/^mailto:/i, ''))
    .filter(Boolean)
    .map((value) => ({ value }));

  // BDAY: Apple writes year 1604 with X-APPLE-OMIT-YEAR when the year is unknown.
  const bday = all('BDAY').find((p) => p.value.trim() !== '');
  if (bday) {
    const value = bday.value.trim();
    const omit = bday.params['X-APPLE-OMIT-YEAR']?.[0];
    record.birthday = omit && value.startsWith(omit) ? `--${value.slice(omit.length).replace(/^-/, '').replace(/-/, '').slice(0, 4)}` : value;
  }

  record.company = company;
  record.title = text('TITLE');

  // ADR: the preferred one, else home, else the first; city = locality, address = street (+ extended).
  const adrs = all('ADR').map((p) => ({ p, parts: splitStructured(p.value, ';') })).filter((a) => a.parts.some(Boolean));
  const adr = adrs.find((a) => prefRank(a.p) <= 100) ?? adrs.find((a) => a.p.types.includes('home')) ?? adrs[0];
  if (adr) {
    const [, extended = '', street = '', locality = ''] = adr.parts;
    record.city = locality;
    record.address = [street, extended].filter(Boolean).join(' ');
  }

  record.notes = all('NOTE').map((p) => unescapeText(p.value).trim()).filter(Boolean);
  record.tags = all('CATEGORIES').flatMap((p) => splitStructured(p.value, ',')).filter(Boolean);

  // GENDER (4.0): M, F, O, N, U with optional text; X-GENDER from some exporters.
  const gender = all('GENDER')[0] ?? all('X-GENDER')[0];
  if (gender) record.gender = splitStructured(gender.value, ';')[0] ?? '';
  return record;
}

/** The app's own phone labels a vCard TYPE becomes (worded in the clerk's language by the page). */
export const VCARD_PHONE_LABELS = ['mobile', 'home', 'work', 'fax', 'pager', 'main', 'other'] as const;
export type VCardPhoneLabel = (typeof VCARD_PHONE_LABELS)[number];

const TYPE_TO_LABEL: Record<string, VCardPhoneLabel> = {
  cell: 'mobile', mobile: 'mobile', iphone: 'mobile', 'x-mobile': 'mobile',
  home: 'home', work: 'work', fax: 'fax', pager: 'pager', main: 'main', 'x-main': 'main', company: 'work', 'x-work': 'work',
};

/** A TEL's type word (cell, home, x-custom…) as one of the app's labels; any other word is "other". */
export function vcardPhoneLabel(type: string): VCardPhoneLabel {
  return TYPE_TO_LABEL[type.toLowerCase()] ?? 'other';
}
