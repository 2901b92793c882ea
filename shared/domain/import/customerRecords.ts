// One imported customer, whatever the source (a CSV/XLSX row or a vCard), checked by the same
// rules as the customer form (validateCustomerDraft).
import {
  validateCustomerDraft,
  type BirthdayDraft,
  type CustomerDraft,
  type CustomerErrorCode,
  type PhoneDraft,
} from '../customerValidation';
import { CONSENT_CHANNELS, type ConsentAnswer, type ConsentChannel } from '../consent';
import { emptyCustomerFields, type CustomerFields, type CustomerSource, type Gender, type PhoneRegion } from '../customer';
import { cleanPhoneInput } from '../phone';
import { foreignLookingPhone, type ForeignPhoneChoice, type ForeignPhoneGuess } from './foreignPhones';
import { asLunarText, impossibleInDateOrder, parseBirthdayText, type DateOrder } from './dates';

/** Codes the import adds to the form's codes (ALL_ERROR_CODES in customerValidation). */
export const IMPORT_ROW_ERRORS = [
  /** The cell holds 1.38123E+10: Excel turned the phone number into a number and lost digits. */
  'phone-scientific-notation',
  /** The date reads only in the other date order (13/12/2010 when month/day was chosen). */
  'date-order-impossible',
  /** A consent cell that says neither yes nor no (是/否, 同意/拒绝/撤回, yes/no, 1/0…). */
  'consent-invalid',
  /** Opening points (points brought from another system): letters or other text that is no number. */
  'points-invalid',
  /** Opening points with a fraction (12.5): points are whole. */
  'points-fraction',
  'points-negative',
  /** More than OPENING_POINTS_MAX: a typing mistake or another column's number (a phone, an amount in fen). */
  'points-too-large',
] as const;
export type ImportRowErrorCode = (typeof IMPORT_ROW_ERRORS)[number];
export type ImportErrorCode = CustomerErrorCode | ImportRowErrorCode;

/** Rows left out without being errors. */
export const IMPORT_SKIP_REASONS = ['row-no-mapped-data'] as const;
export type ImportSkipReason = (typeof IMPORT_SKIP_REASONS)[number];

/** The target field an error belongs to (the column the user mapped), not the form's field path. */
export type ImportErrorField =
  | 'name' | 'phone' | 'gender' | 'birthday' | 'email' | 'company' | 'title' | 'city' | 'address' | 'tags' | 'notes' | 'source'
  | 'openingPoints' | ConsentImportField;

/** The import's consent column of each channel (a target field of the mapping, and where a bad value is named). */
export const CONSENT_IMPORT_FIELD = {
  sms: 'consentSms',
  phone: 'consentPhone',
  wechat: 'consentWechat',
  email: 'consentEmail',
} as const satisfies Record<ConsentChannel, string>;
export type ConsentImportField = (typeof CONSENT_IMPORT_FIELD)[ConsentChannel];

export interface ImportRowError {
  rowNumber: number;
  field: ImportErrorField;
  code: ImportErrorCode;
  /** The offending text as it was in the file, for the preview. */
  value: string;
  /** The source column (tabular imports), when one column is to blame. */
  column?: number;
}

export interface ImportPhone {
  raw: string;
  label: string;
  /** The source marked it as preferred (vCard PREF); otherwise the first phone becomes primary. */
  primary: boolean;
  column?: number;
}

/** Raw text per customer field, as read from one row or card. */
export interface ImportRecord {
  rowNumber: number;
  name: string;
  firstName: string;
  lastName: string;
  phones: ImportPhone[];
  /** The first is the customer's e-mail; any others are kept in the notes. */
  emails: { value: string; column?: number }[];
  gender: string;
  birthday: string;
  /** A birthday column known to hold lunar dates (农历生日). */
  lunarBirthday: string;
  company: string;
  title: string;
  city: string;
  address: string;
  tags: string[];
  notes: string[];
  source: string;
  /** Consent cells by channel, as written (absent: no such column, or empty). */
  consents: Partial<Record<ConsentChannel, string>>;
  /** Points the customer brings from another system, as written ('' when none). */
  openingPoints: string;
  /** Column per field, for pointing errors at a column. */
  columns?: Partial<Record<ImportErrorField, number>>;
}

export function emptyImportRecord(rowNumber: number): ImportRecord {
  return {
    rowNumber, name: '', firstName: '', lastName: '', phones: [], emails: [], gender: '', birthday: '', lunarBirthday: '',
    company: '', title: '', city: '', address: '', tags: [], notes: [], source: '', consents: {}, openingPoints: '',
  };
}

export interface ImportContext {
  defaultRegion: PhoneRegion;
  today: Date;
  /** How to read 05/06/1990. Default 'mdy' (English exports); a part above 12 decides by itself, unless strict. */
  dateOrder?: DateOrder;
  /** A date that reads only in the other order is an error ('date-order-impossible'), not swapped. */
  strictDateOrder?: boolean;
  /** Keep numbers libphonenumber rejects (95588, 400 numbers) as typed, like the form's "keep" tick. */
  keepInvalidPhones?: boolean;
  /**
   * Numbers valid in the region only by accident of their digits (foreignPhones.ts): kept as typed,
   * given the guessed country code, or read as local. Unset: not looked for.
   */
  foreignPhones?: ForeignPhoneChoice;
}

/** A number that does not look like one of the store's region, and what was guessed for it. */
export interface ForeignPhone extends ForeignPhoneGuess {
  rowNumber: number;
  raw: string;
  column?: number;
}

export interface ImportedDraft {
  rowNumber: number;
  draft: CustomerDraft;
  fields: CustomerFields;
  /** The row's marketing-consent answers (recorded with source 'import', at the import); absent when none. */
  consents?: ConsentAnswer[];
  foreignPhones?: ForeignPhone[];
  /** Points brought from another system (a whole number above 0); absent when none. */
  openingPoints?: number;
}

export interface RecordsToDraftsResult {
  drafts: ImportedDraft[];
  errors: ImportRowError[];
  skipped: { rowNumber: number; code: ImportSkipReason }[];
  /** Numbers of valid rows that do not look like the region's (only when ctx.foreignPhones is set). */
  foreignPhones?: ForeignPhone[];
}

// ---- value readers -----------------------------------------------------------------------------

const HAN = /\p{Script=Han}/u;

/** 张 + 三 → 张三 (surname first, no space) when either part is Chinese; John + Doe → "John Doe". */
export function combineNames(first: string, last: string): string {
  const f = first.trim();
  const l = last.trim();
  if (HAN.test(f) || HAN.test(l)) return `${l}${f}`;
  return [f, l].filter(Boolean).join(' ');
}

const GENDER_WORDS: Record<string, Gender> = {
  男: 'male', 男性: 'male', 男士: 'male', 先生: 'male', m: 'male', male: 'male', man: 'male', men: 'male', 1: 'male', 男生: 'male',
  女: 'female', 女性: 'female', 女士: 'female', 小姐: 'female', f: 'female', female: 'female', woman: 'female', women: 'female', w: 'female', 2: 'female', 女生: 'female',
  其他: 'other', 其它: 'other', o: 'other', other: 'other', x: 'other', nonbinary: 'other', 'non-binary': 'other', diverse: 'other',
  未知: 'unspecified', 保密: 'unspecified', 不详: 'unspecified', 不詳: 'unspecified', 未填: 'unspecified', u: 'unspecified', n: 'unspecified',
  unknown: 'unspecified', unspecified: 'unspecified', none: 'unspecified', '-': 'unspecified',
  // GB/T 2261.1: 0 unknown, 1 male, 2 female, 9 not stated.
  0: 'unspecified', 9: 'unspecified',
};

/** '' → null; 男/女/M/F/Male/Female/…; anything else 'invalid'. */
export function parseGender(text: string): Gender | null | 'invalid' {
  const key = text.normalize('NFKC').trim().toLowerCase();
  if (key === '') return null;
  return GENDER_WORDS[key] ?? 'invalid';
}

const SOURCE_WORDS: [RegExp, CustomerSource][] = [
  [/^(walk-?in|in[- ]?store|store|shop|offline|到店|进店|進店|门店|門店|路过|路過|自然到店|线下|線下)$/, 'walk-in'],
  [/(referr|refer|word of mouth|介绍|介紹|推荐|推薦|转介|轉介|老客|朋友)/, 'referral'],
  [/(online|web|internet|social|wechat|weibo|taobao|instagram|facebook|网|網|线上|線上|微信|淘宝|淘寶|抖音|小红书|小紅書|美团|美團|点评|點評)/, 'online'],
  [/(event|exhibition|fair|promotion|campaign|活动|活動|展会|展會|促销|促銷)/, 'event'],
];

/** '' → null; common words for the five sources; any other text → 'other' (a source is never a reason to reject a row). */
export function parseSource(text: string): CustomerSource | null {
  const key = text.normalize('NFKC').trim().toLowerCase();
  if (key === '') return null;
  for (const [pattern, source] of SOURCE_WORDS) if (pattern.test(key)) return source;
  return 'other';
}

/** Tags: split on , ， ; ； | 、 new lines and Google's " ::: "; Google's system groups ("* myContacts") dropped. */
export function splitTags(text: string): string[] {
  return text
    .split(/:::|[,，;；|、\r\n]/)
    .map((t) => t.trim())
    .filter((t) => t !== '' && !/^\*\s/.test(t));
}

/**
 * Several numbers in one cell: split on ::: , ， ; ； 、 | and new lines; a slash only separates
 * when both sides are long enough to be numbers themselves (0755/8888 8888 stays one number).
 */
export function splitPhones(text: string): string[] {
  return text
    .split(/:::|[,，;；、|\r\n]/)
    .flatMap((part) => {
      const pieces = part.split('/');
      return pieces.length > 1 && pieces.every((p) => p.replace(/\D/g, '').length >= 7) ? pieces : [part];
    })
    .map((p) => p.trim())
    .filter(Boolean);
}

const CONSENT_YES = new Set(['是', '同意', '已同意', '允许', '允許', '接受', '订阅', '訂閱', '已订阅', '已訂閱', 'yes', 'y', 'true', '1', '✓', '√', '✔', 'granted', 'agreed', 'opt-in', 'optin', 'opted in', 'subscribed']);
const CONSENT_NO = new Set([
  '否', '不同意', '拒绝', '拒絕', '撤回', '已撤回', '不允许', '不允許', '不接受', '退订', '退訂', '已退订', '已退訂', 'no', 'n', 'false', '0', '✗', '×', '✘',
  'declined', 'withdrawn', 'refused', 'opt-out', 'optout', 'opted out', 'unsubscribed',
]);

/**
 * A consent cell: '' → null (no answer); yes or no in the common spellings → true/false; anything else
 * 'invalid'. The app's own export writes "同意 2026-06-15 (店内)": the date and source after the answer
 * are read past (an imported answer is dated at the import, from the source 'import').
 */
export function parseConsentCell(text: string): boolean | null | 'invalid' {
  const key = text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/\s+\(.*\)$/, '')
    .replace(/\s+\d{4}-\d{2}-\d{2}$/, '')
    .trim();
  if (key === '') return null;
  if (CONSENT_YES.has(key)) return true;
  if (CONSENT_NO.has(key)) return false;
  return 'invalid';
}

const SCIENTIFIC = /^[+-]?\d(?:\.\d+)?e\+?\d+$/i;

/** The most opening points one customer may bring: more is a mistake, not a balance. */
export const OPENING_POINTS_MAX = 10_000_000;

/**
 * An opening-points cell: '' (or 0) → null, no entry; a whole number, with or without thousands
 * separators (1,200 / 1 200) and with a zero fraction as spreadsheets write it (1200.00), → the
 * number; anything else is the code of what is wrong (never read as something else).
 */
export function parseOpeningPoints(text: string): number | null | Extract<ImportRowErrorCode, `points-${string}`> {
  const s = text.normalize('NFKC').trim().replace(/(\d)[ ,'](?=\d{3}(?:\D|$))/g, '$1');
  if (s === '') return null;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === '' && !m[3])) return 'points-invalid';
  const [, sign, whole, fraction = ''] = m;
  const zero = /^0*$/.test(whole!) && /^0*$/.test(fraction);
  if (zero) return null;
  if (sign === '-') return 'points-negative';
  if (/[1-9]/.test(fraction)) return 'points-fraction';
  const value = Number(whole);
  return value > OPENING_POINTS_MAX ? 'points-too-large' : value;
}

// ---- records → drafts ----------------------------------------------------------------------------

function fieldOfPath(path: string): ImportErrorField {
  const head = path.split('.')[0]!;
  if (head === 'phones') return 'phone';
  if (head === 'preferredChannel' || head === 'referredBy') return 'notes';
  return head as ImportErrorField;
}

function hasData(r: ImportRecord): boolean {
  return [r.name, r.firstName, r.lastName, r.gender, r.birthday, r.lunarBirthday, r.company, r.title, r.city, r.address, r.source]
    .some((v) => v.trim() !== '')
    || r.phones.some((p) => p.raw.trim() !== '')
    || r.emails.some((e) => e.value.trim() !== '')
    || r.tags.some((t) => t.trim() !== '')
    || r.notes.some((n) => n.trim() !== '')
    || Object.values(r.consents).some((c) => c.trim() !== '')
    || r.openingPoints.trim() !== '';
}

/** Builds the form draft for one record, validates it, and names each problem by field, value and column. */
export function recordToDraft(
  record: ImportRecord,
  ctx: ImportContext,
): { ok: true; value: ImportedDraft } | { ok: false; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const rowNumber = record.rowNumber;
  const column = (field: ImportErrorField) => record.columns?.[field];
  const fail = (field: ImportErrorField, code: ImportErrorCode, value: string, col = column(field)) =>
    errors.push(col === undefined ? { rowNumber, field, code, value } : { rowNumber, field, code, value, column: col });

  const name = record.name.trim() || combineNames(record.firstName, record.lastName);

  // Phones: one draft per number. A number repeated in two columns is kept once: the validator's
  // 'phone-duplicate' is not an error here (see below). Identical text is dropped up front.
  let phoneDrafts: PhoneDraft[] = [];
  const foreign: ForeignPhone[] = [];
  const keptAsTyped = new Set<string>();
  let phoneSources: ImportPhone[] = [];
  const seenText = new Set<string>();
  for (const p of record.phones) {
    for (const raw0 of splitPhones(p.raw)) {
      // 13812345678.0: a number column saved by pandas or an old export.
      const raw = /^\+?\d+\.0+$/.test(raw0) ? raw0.replace(/\.0+$/, '') : raw0;
      const cleaned = cleanPhoneInput(raw);
      if (SCIENTIFIC.test(cleaned)) {
        fail('phone', 'phone-scientific-notation', raw, p.column);
        continue;
      }
      if (seenText.has(cleaned.replace(/[\s\-().]/g, ''))) continue;
      seenText.add(cleaned.replace(/[\s\-().]/g, ''));
      const guess = ctx.foreignPhones ? foreignLookingPhone(raw, ctx.defaultRegion) : null;
      if (guess) foreign.push(p.column === undefined ? { rowNumber, raw, ...guess } : { rowNumber, raw, ...guess, column: p.column });
      const withCode = guess && ctx.foreignPhones === 'add-code' && guess.international;
      if (guess && !withCode && ctx.foreignPhones !== 'local') keptAsTyped.add(cleanPhoneInput(raw));
      phoneDrafts.push({ raw: withCode || raw, label: p.label.trim().slice(0, 20), primary: p.primary, keepAsIs: ctx.keepInvalidPhones === true });
      phoneSources.push(p);
    }
  }

  // E-mails: the first is the customer's; further distinct ones go to the notes so nothing is lost.
  const emails = record.emails.map((e) => ({ ...e, value: e.value.trim() })).filter((e) => e.value !== '');
  const extraEmails = emails.slice(1).map((e) => e.value).filter((v, i, all) =>
    v.toLowerCase() !== emails[0]!.value.toLowerCase() && all.findIndex((x) => x.toLowerCase() === v.toLowerCase()) === i);

  let gender: Gender = 'unspecified';
  const g = parseGender(record.gender);
  if (g === 'invalid') fail('gender', 'choice-invalid', record.gender);
  else if (g) gender = g;

  let birthday: BirthdayDraft | null = null;
  const lunarText = record.lunarBirthday.trim();
  const birthdayText = lunarText || record.birthday.trim();
  if (birthdayText) {
    const dateOpts = { dateOrder: ctx.dateOrder ?? 'mdy', today: ctx.today, strictOrder: ctx.strictDateOrder === true } as const;
    // A column headed 农历生日 holds lunar dates whether or not each one says 农历 (八月十五, 1990年闰五月初三).
    const b = parseBirthdayText(lunarText ? asLunarText(lunarText) : birthdayText, dateOpts);
    if (b === 'invalid') fail('birthday', dateOpts.strictOrder && impossibleInDateOrder(birthdayText, dateOpts) ? 'date-order-impossible' : 'birthday-invalid-date', birthdayText);
    else if (b) birthday = lunarText ? { ...b, calendar: 'lunar' } : b;
  }

  const consents: ConsentAnswer[] = [];
  for (const channel of CONSENT_CHANNELS) {
    const text = record.consents[channel] ?? '';
    const answer = parseConsentCell(text);
    if (answer === 'invalid') fail(CONSENT_IMPORT_FIELD[channel], 'consent-invalid', text);
    else if (answer !== null) consents.push({ channel, granted: answer });
  }

  const points = parseOpeningPoints(record.openingPoints);
  if (typeof points === 'string') fail('openingPoints', points, record.openingPoints);

  const notes = [...record.notes.map((n) => n.trim()).filter(Boolean), ...extraEmails].join('\n');
  const { phones: _p, birthday: _b, ...base } = emptyCustomerFields();
  const draft: CustomerDraft = {
    ...base,
    name,
    gender,
    phones: phoneDrafts,
    email: emails[0]?.value ?? '',
    birthday,
    company: record.company.trim(),
    title: record.title.trim(),
    city: record.city.trim(),
    address: record.address.trim(),
    source: parseSource(record.source),
    tags: record.tags.flatMap(splitTags),
    notes,
  };

  let checked = validateCustomerDraft(draft, { defaultRegion: ctx.defaultRegion, today: ctx.today });
  if (!checked.ok) {
    // The same number written two ways (138 1234 5678 / +8613812345678): drop the later copies and check again.
    const duplicates = new Set(Object.entries(checked.reason).filter(([, code]) => code === 'phone-duplicate').map(([path]) => Number(path.split('.')[1])));
    if (duplicates.size > 0) {
      phoneDrafts = phoneDrafts.filter((_, i) => !duplicates.has(i));
      phoneSources = phoneSources.filter((_, i) => !duplicates.has(i));
      draft.phones = phoneDrafts;
      checked = validateCustomerDraft(draft, { defaultRegion: ctx.defaultRegion, today: ctx.today });
    }
  }
  if (!checked.ok) {
    for (const [path, code] of Object.entries(checked.reason)) {
      const field = fieldOfPath(path);
      const parts = path.split('.');
      if (field === 'phone') {
        const i = Number(parts[1]);
        fail('phone', code, phoneDrafts[i]?.raw ?? '', phoneSources[i]?.column);
      } else if (field === 'tags') {
        fail('tags', code, draft.tags[Number(parts[1])] ?? '');
      } else if (field === 'name') {
        fail('name', code, name);
      } else if (field === 'birthday') {
        fail('birthday', code, birthdayText);
      } else {
        const value = (draft as unknown as Record<string, unknown>)[field];
        fail(field, code, typeof value === 'string' ? value : '');
      }
    }
  }
  if (errors.length > 0 || !checked.ok) return { ok: false, errors };
  // Kept as typed: stored as its digits, never as the region's number the digits happen to make.
  const fields: CustomerFields = keptAsTyped.size === 0 ? checked.value : {
    ...checked.value,
    phones: checked.value.phones.map((ph) => (keptAsTyped.has(cleanPhoneInput(ph.raw)) ? { ...ph, normalized: ph.raw.replace(/\D/g, ''), kind: 'kept' } : ph)),
  };
  const value: ImportedDraft = { rowNumber, draft, fields };
  if (consents.length > 0) value.consents = consents;
  if (typeof points === 'number') value.openingPoints = points;
  if (foreign.length > 0) value.foreignPhones = foreign;
  return { ok: true, value };
}

/** Every record through recordToDraft; records without any mapped data are skipped, not errors. */
export function recordsToDrafts(records: ImportRecord[], ctx: ImportContext): RecordsToDraftsResult {
  const result: RecordsToDraftsResult = { drafts: [], errors: [], skipped: [] };
  for (const record of records) {
    if (!hasData(record)) {
      result.skipped.push({ rowNumber: record.rowNumber, code: 'row-no-mapped-data' });
      continue;
    }
    const r = recordToDraft(record, ctx);
    if (r.ok) {
      result.drafts.push(r.value);
      if (r.value.foreignPhones) (result.foreignPhones ??= []).push(...r.value.foreignPhones);
    }
    else result.errors.push(...r.errors);
  }
  return result;
}
