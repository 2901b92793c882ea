// Greetings: the occasions, templates with fields that fill per customer, how a customer is addressed, and
// which templates may be offered on a channel (a promotion only with marketing consent there).
import { differenceInCalendarDays } from 'date-fns';
import { pinyin } from 'pinyin-pro';
import { z } from 'zod';
import type { AppLocale } from '../ipc/contract';
import { assertNever, err, ok, type Result } from '../result';
import { isMarketing, mayContact, type ConsentChannel, type ContactPurpose, type CurrentConsent } from './consent';
import { nextBirthdayOccurrence } from './birthday';
import type { CustomerFields, CustomerPointsFields, Honorific } from './customer';
import type { ReminderKind } from './reminders';
import { SURNAME_READINGS } from './searchTokens';

export const GREETING_OCCASIONS = ['birthday', 'festival', 'call-back', 'points-expiring', 'win-back', 'promotion'] as const;
export type GreetingOccasion = (typeof GREETING_OCCASIONS)[number];

/** Why the store sends it: a birthday or holiday greeting and a service call are not marketing. */
export function greetingPurpose(occasion: GreetingOccasion): ContactPurpose {
  switch (occasion) {
    case 'birthday':
    case 'festival':
      return 'greeting';
    case 'call-back':
    case 'points-expiring':
      return 'service';
    case 'win-back':
    case 'promotion':
      return 'promotion';
    default:
      return assertNever(occasion, 'greeting occasion');
  }
}

export function isMarketingOccasion(occasion: GreetingOccasion): boolean {
  return isMarketing(greetingPurpose(occasion));
}

/** The occasions whose greeting may be sent on `channel` to a customer with `consent` (consent.ts decides). */
export function offeredOccasions(channel: ConsentChannel, consent: CurrentConsent): GreetingOccasion[] {
  return GREETING_OCCASIONS.filter((occasion) => mayContact(greetingPurpose(occasion), channel, consent));
}

/** The greeting a reminder of `kind` suggests. */
export function occasionOfReminder(kind: ReminderKind): GreetingOccasion {
  switch (kind) {
    case 'birthday':
      return 'birthday';
    case 'festival':
      return 'festival';
    case 'cadence':
    case 'follow-up':
    case 'survey-follow-up':
    case 'complaint':
      return 'call-back';
    case 'points':
      return 'points-expiring';
    default:
      return assertNever(kind, 'reminder kind');
  }
}

/** Days ahead a birthday makes the birthday greeting the one a customer page suggests. */
export const BIRTHDAY_SUGGESTION_DAYS = 7;

/**
 * The greeting a customer page suggests when no reminder says: the birthday when it is within a week, the
 * expiring points when some expire soon, else a call-back. `today` is the clock's now.
 */
export function suggestedOccasion(customer: Pick<CustomerFields, 'birthday'> & Pick<CustomerPointsFields, 'pointsExpiringSoon'>, today: Date): GreetingOccasion {
  if (customer.birthday && differenceInCalendarDays(nextBirthdayOccurrence(customer.birthday, today), today) <= BIRTHDAY_SUGGESTION_DAYS) return 'birthday';
  if (customer.pointsExpiringSoon > 0) return 'points-expiring';
  return 'call-back';
}

// ---- fields ------------------------------------------------------------------------------------

export const GREETING_FIELDS = ['name', 'tier', 'points', 'expiringPoints', 'expiryDate', 'festival', 'store'] as const;
export type GreetingField = (typeof GREETING_FIELDS)[number];
export type GreetingValues = Partial<Record<GreetingField, string>>;

/**
 * How a field is written in each language: `{称呼}`, `{稱呼}` and `{name}` are the same field, so a template
 * typed in any of them works in all three; the key itself (`{name}`) is the stored spelling.
 */
export const FIELD_NAMES: Readonly<Record<GreetingField, Readonly<Record<AppLocale, string>>>> = {
  name: { 'zh-CN': '称呼', 'zh-TW': '稱呼', en: 'name' },
  tier: { 'zh-CN': '等级', 'zh-TW': '等級', en: 'tier' },
  points: { 'zh-CN': '积分', 'zh-TW': '積分', en: 'points' },
  expiringPoints: { 'zh-CN': '到期积分', 'zh-TW': '到期積分', en: 'expiring points' },
  expiryDate: { 'zh-CN': '到期日', 'zh-TW': '到期日', en: 'expiry date' },
  festival: { 'zh-CN': '节日', 'zh-TW': '節日', en: 'festival' },
  store: { 'zh-CN': '店名', 'zh-TW': '店名', en: 'store' },
};

const COMMON_FIELDS: readonly GreetingField[] = ['name', 'tier', 'points', 'store'];

/** The fields a template for `occasion` may use: the festival only at a festival, the expiry only when points expire. */
export function fieldsFor(occasion: GreetingOccasion): GreetingField[] {
  switch (occasion) {
    case 'festival':
      return [...COMMON_FIELDS, 'festival'];
    case 'points-expiring':
      return [...COMMON_FIELDS, 'expiringPoints', 'expiryDate'];
    case 'birthday':
    case 'call-back':
    case 'win-back':
    case 'promotion':
      return [...COMMON_FIELDS];
    default:
      return assertNever(occasion, 'greeting occasion');
  }
}

const fieldKey = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

const FIELD_BY_NAME: ReadonlyMap<string, GreetingField> = new Map(
  GREETING_FIELDS.flatMap((field) => [field, ...Object.values(FIELD_NAMES[field])].map((name) => [fieldKey(name), field] as const)),
);

/** The field a `{…}` names, in any language's spelling, or null. */
export function fieldNamed(text: string): GreetingField | null {
  return FIELD_BY_NAME.get(fieldKey(text)) ?? null;
}

// ---- templates ---------------------------------------------------------------------------------

/** Longest template, in characters: its greeting becomes a contact's summary (at most 500). */
export const MAX_TEMPLATE_LENGTH = 300;

export type TemplatePart = { text: string } | { field: GreetingField };

export type TemplateError =
  | { code: 'empty' }
  | { code: 'too-long'; max: number }
  /** A `{…}` that names no field; `field` is what was written inside. */
  | { code: 'unknown-field'; field: string }
  /** A field this occasion has nothing to fill with ({festival} in a birthday greeting). */
  | { code: 'field-not-for-occasion'; field: GreetingField }
  /** A `{` without its `}`, or a `}` without its `{`. */
  | { code: 'unmatched-brace' };

// Full-width braces are what a Chinese input method types; they mean the same.
const asciiBraces = (text: string) => text.replace(/｛/g, '{').replace(/｝/g, '}');

/** A template's text and fields in order, or the first thing wrong with it. */
export function parseTemplate(template: string, occasion?: GreetingOccasion): Result<TemplatePart[], TemplateError> {
  const source = asciiBraces(template);
  if (source.trim() === '') return err({ code: 'empty' });
  if ([...source.trim()].length > MAX_TEMPLATE_LENGTH) return err({ code: 'too-long', max: MAX_TEMPLATE_LENGTH });
  const allowed = occasion ? fieldsFor(occasion) : GREETING_FIELDS;
  const parts: TemplatePart[] = [];
  let rest = source.trim();
  while (rest !== '') {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (close !== -1 && (open === -1 || close < open)) return err({ code: 'unmatched-brace' });
    if (open === -1) {
      parts.push({ text: rest });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open) });
    const end = rest.indexOf('}', open);
    if (end === -1) return err({ code: 'unmatched-brace' });
    const inner = rest.slice(open + 1, end);
    if (inner.includes('{')) return err({ code: 'unmatched-brace' });
    const field = fieldNamed(inner);
    if (field === null) return err({ code: 'unknown-field', field: inner.trim() });
    if (!allowed.includes(field)) return err({ code: 'field-not-for-occasion', field });
    parts.push({ field });
    rest = rest.slice(end + 1);
  }
  return ok(parts);
}

/** The template as stored: trimmed, each field by its key (`{name}`), or why it cannot be. */
export function validateTemplate(template: string, occasion: GreetingOccasion): Result<string, TemplateError> {
  const parsed = parseTemplate(template, occasion);
  return parsed.ok ? ok(joinParts(parsed.value, (field) => `{${field}}`)) : parsed;
}

/** The template with its fields spelled in `locale`'s words ({称呼}), for the editor. Unchanged when it does not parse. */
export function templateInLocale(template: string, locale: AppLocale): string {
  const parsed = parseTemplate(template);
  return parsed.ok ? joinParts(parsed.value, (field) => `{${FIELD_NAMES[field][locale]}}`) : template;
}

/** Fills a template: each field with its value ('' when none is given). A template that does not parse is returned as it is. */
export function fillGreeting(template: string, values: GreetingValues): string {
  const parsed = parseTemplate(template);
  return parsed.ok ? joinParts(parsed.value, (field) => values[field] ?? '') : template;
}

function joinParts(parts: readonly TemplatePart[], field: (f: GreetingField) => string): string {
  return parts.map((p) => ('field' in p ? field(p.field) : p.text)).join('');
}

// ---- the store's templates (the setting `greetings`) -------------------------------------------

const templateSchema = (occasion: GreetingOccasion) =>
  z
    .string()
    .nullable()
    .transform((value, ctx) => {
      if (value === null) return null;
      const checked = validateTemplate(value, occasion);
      if (!checked.ok) {
        ctx.addIssue({ code: 'custom', message: `greeting-${checked.reason.code}` });
        return z.NEVER;
      }
      return checked.value;
    });

export const MAX_STORE_NAME_LENGTH = 40;

export const greetingSettingsSchema = z.strictObject({
  /** The name greetings sign with ({store}); '' until the owner gives one (the screen says "our store" then). */
  storeName: z.string().trim().max(MAX_STORE_NAME_LENGTH),
  /** Per occasion: the owner's template, or null for the default in the language on screen. */
  templates: z.strictObject(Object.fromEntries(GREETING_OCCASIONS.map((o) => [o, templateSchema(o)])) as Record<GreetingOccasion, ReturnType<typeof templateSchema>>),
});
export type GreetingSettings = z.infer<typeof greetingSettingsSchema>;

export const DEFAULT_GREETING_SETTINGS: Readonly<GreetingSettings> = Object.freeze({
  storeName: '',
  templates: Object.freeze(Object.fromEntries(GREETING_OCCASIONS.map((o) => [o, null])) as Record<GreetingOccasion, string | null>),
});

/** The template in force for `occasion`: the owner's, else `defaultTemplate` (the language's default). */
export function templateFor(settings: GreetingSettings, occasion: GreetingOccasion, defaultTemplate: string): string {
  return settings.templates[occasion] ?? defaultTemplate;
}

// ---- the form of address -----------------------------------------------------------------------

/** Two-character surnames (复姓), Simplified and Traditional: the rest of the name is the given name. */
const COMPOUND_SURNAMES: ReadonlySet<string> = new Set(
  (
    '欧阳 歐陽 司马 司馬 上官 夏侯 诸葛 諸葛 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 令狐 慕容 长孙 長孫 宇文 司徒 司空 轩辕 軒轅 ' +
    '端木 独孤 獨孤 南宫 南宮 西门 西門 东门 東門 东郭 東郭 百里 呼延 万俟 萬俟 闻人 聞人 赫连 赫連 澹台 澹臺 公羊 公冶 宗政 ' +
    '濮阳 濮陽 淳于 单于 單于 太叔 申屠 仲孙 仲孫 钟离 鍾離 鲜于 鮮于 闾丘 閭丘 亓官 司寇 子车 子車 颛孙 顓孫 巫马 巫馬 公西 ' +
    '漆雕 乐正 樂正 壤驷 壤駟 公良 拓跋 夹谷 夾谷 宰父 谷梁 穀梁 段干 微生 羊舌 梁丘 左丘 第五 归海 歸海 ' +
    '张简 張簡 范姜 张廖 張廖'
  ).split(' '),
);

const HAN = /\p{Script=Han}/u;
const NAME_DOT = /[·•・.]/u;

interface NameParts {
  surname: string;
  given: string;
  /** Written in Chinese characters (else in Latin letters, words in the Western order). */
  han: boolean;
}

/** Splits a name into surname and given name: 欧阳娜娜 → 欧阳 + 娜娜, Mary Smith → Smith + Mary. */
export function nameParts(name: string): NameParts {
  const clean = name.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (HAN.test(clean)) {
    // A transliterated name (迪丽热巴·迪力木拉提) is addressed by its first part.
    if (NAME_DOT.test(clean)) {
      const first = clean.split(NAME_DOT)[0]!.trim() || clean;
      return { surname: first, given: first, han: true };
    }
    const compact = clean.replace(/ /g, '');
    const chars = [...compact];
    const length = chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
    const surname = chars.slice(0, length).join('');
    const given = chars.slice(length).join('');
    return { surname, given: given || compact, han: true };
  }
  const words = clean.split(' ');
  return { surname: words[words.length - 1] ?? clean, given: words[0] ?? clean, han: false };
}

/** A Chinese surname in pinyin for an English greeting: 欧阳 → Ouyang, 吕 → Lü. */
export function surnameInPinyin(surname: string): string {
  const syllables = pinyin(surname, { mode: 'surname', toneType: 'none', type: 'array' }).map((s, i) => (i === 0 ? (SURNAME_READINGS[[...surname][0] ?? ''] ?? s) : s));
  const joined = syllables.join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

const TITLE_WORDS: Readonly<Record<Exclude<Honorific, 'given-name'>, Readonly<Record<AppLocale, string>>>> = {
  ms: { 'zh-CN': '女士', 'zh-TW': '女士', en: 'Ms' },
  mr: { 'zh-CN': '先生', 'zh-TW': '先生', en: 'Mr' },
  miss: { 'zh-CN': '小姐', 'zh-TW': '小姐', en: 'Miss' },
};

/** The honorific a customer is addressed with: the clerk's choice, else from gender; null when neither says. */
export function honorificOf(customer: Pick<CustomerFields, 'gender' | 'honorific'>): Honorific | null {
  if (customer.honorific) return customer.honorific;
  switch (customer.gender) {
    case 'female':
      return 'ms';
    case 'male':
      return 'mr';
    case 'other':
    case 'unspecified':
      return null;
    default:
      return assertNever(customer.gender, 'gender');
  }
}

/**
 * How a greeting addresses the customer: the clerk's preferred form when set; else surname and title
 * (张女士, 欧阳先生; in English Ms Zhang); the given name for friends; the full name when nothing says
 * more (in English, a Western name's given name).
 */
export function formOfAddress(customer: Pick<CustomerFields, 'name' | 'gender' | 'addressAs' | 'honorific'>, locale: AppLocale): string {
  const preferred = customer.addressAs?.trim();
  if (preferred) return preferred;
  const name = customer.name.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (name === '') return '';
  const parts = nameParts(name);
  const honorific = honorificOf(customer);
  if (honorific === 'given-name') return parts.given;
  if (honorific === null) return locale === 'en' && !parts.han ? parts.given : name;
  const title = TITLE_WORDS[honorific][locale];
  if (locale === 'en') return `${title} ${parts.han && !NAME_DOT.test(name) ? surnameInPinyin(parts.surname) : parts.surname}`;
  return `${parts.surname}${title}`;
}

// ---- sending -----------------------------------------------------------------------------------

/** The longest link main hands the OS (electron/security/urls.ts). */
const MAX_LINK_LENGTH = 2048;

/** An sms: link that opens a text of `body` to `phone` (E.164, or the digits as kept), or null when it cannot be one. */
export function smsLink(phone: string, body: string): string | null {
  const number = phone.replace(/[\s()-]/g, '');
  if (!/^\+?[0-9]{3,20}$/.test(number)) return null;
  const link = `sms:${number}?body=${encodeURIComponent(body)}`;
  return link.length <= MAX_LINK_LENGTH ? link : null;
}

/** A mailto: link that opens an e-mail of `body` to `email`, or null when it cannot be one. */
export function mailtoLink(email: string, subject: string, body: string): string | null {
  const to = email.trim();
  if (!/^[^\s@?&#/\\]+@[^\s@?&#/\\]+$/.test(to)) return null;
  const link = `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return link.length <= MAX_LINK_LENGTH ? link : null;
}
