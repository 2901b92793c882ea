// The customer form's raw input checked and normalised into CustomerFields, or an error code per field path.
import { err, ok, type Result } from '../result';
import { BIRTHDAY_ERRORS, validateBirthday } from './birthday';
import {
  CHANNELS,
  GENDERS,
  HONORIFICS,
  SOURCES,
  type Birthday,
  type CustomerFields,
  type CustomerPhone,
  type PhoneRegion,
} from './customer';
import { EMAIL_ERRORS, validateEmail } from './email';
import { PHONE_ERRORS, cleanPhoneInput, validatePhone } from './phone';

export interface PhoneDraft {
  raw: string;
  label: string;
  primary: boolean;
  /** The clerk ticked "keep as typed" for a number libphonenumber rejects (95588). */
  keepAsIs: boolean;
}

/** As typed; an empty year means the customer did not say. All three empty means no birthday. */
export interface BirthdayDraft {
  calendar: 'solar' | 'lunar';
  year: string;
  month: string;
  day: string;
  leapMonth: boolean;
}

export interface CustomerDraft extends Omit<CustomerFields, 'phones' | 'birthday'> {
  phones: PhoneDraft[];
  birthday: BirthdayDraft | null;
}

/** Every code a validator in this module (or the phone, e-mail and birthday ones it uses) can return. */
export const ALL_ERROR_CODES = [
  'name-required',
  'name-too-long',
  ...PHONE_ERRORS,
  'phone-duplicate',
  ...EMAIL_ERRORS,
  ...BIRTHDAY_ERRORS,
  'tag-too-long',
  'notes-too-long',
  'text-too-long',
  'choice-invalid',
] as const;
export type CustomerErrorCode = (typeof ALL_ERROR_CODES)[number];

/** Field path ('name', 'phones.1.raw', 'tags.0', 'birthday') → error code. */
export type FieldErrors = Record<string, CustomerErrorCode>;

/** Longest accepted values, in characters (code points); the form can use them as maxLength. */
export const FIELD_LIMITS = {
  name: 80,
  phoneLabel: 20,
  company: 100,
  title: 50,
  city: 50,
  address: 200,
  addressAs: 20,
  tag: 30,
  notes: 5000,
} as const;

const length = (s: string) => [...s].length;

function choice<T extends string>(value: T | null | '', allowed: readonly T[]): { ok: boolean; value: T | null } {
  if (value === null || value === '' || value === undefined) return { ok: true, value: null };
  return allowed.includes(value) ? { ok: true, value } : { ok: false, value: null };
}

function parseBirthdayNumber(text: string, maxDigits: number): number | null | 'bad' {
  const t = text.normalize('NFKC').trim();
  if (t === '') return null;
  return new RegExp(`^\\d{1,${maxDigits}}$`).test(t) ? Number(t) : 'bad';
}

export function validateCustomerDraft(
  draft: CustomerDraft,
  ctx: { defaultRegion: PhoneRegion; today: Date },
): Result<CustomerFields, FieldErrors> {
  const errors: FieldErrors = {};

  const name = draft.name.trim().replace(/\s+/g, ' ');
  if (name === '') errors.name = 'name-required';
  else if (length(name) > FIELD_LIMITS.name) errors.name = 'name-too-long';

  const gender = choice(draft.gender, GENDERS);
  if (!gender.ok) errors.gender = 'choice-invalid';
  const source = choice(draft.source, SOURCES);
  if (!source.ok) errors.source = 'choice-invalid';
  const preferredChannel = choice(draft.preferredChannel, CHANNELS);
  if (!preferredChannel.ok) errors.preferredChannel = 'choice-invalid';
  const honorific = choice(draft.honorific ?? null, HONORIFICS);
  if (!honorific.ok) errors.honorific = 'choice-invalid';

  // Phones: empty rows are dropped; paths keep the row's index in the form.
  const phones: CustomerPhone[] = [];
  const seen = new Set<string>();
  draft.phones.forEach((p, i) => {
    if (cleanPhoneInput(p.raw) === '') return;
    const label = p.label.trim();
    if (length(label) > FIELD_LIMITS.phoneLabel) errors[`phones.${i}.label`] = 'text-too-long';
    const r = validatePhone(p.raw, ctx.defaultRegion, { keepAsIs: p.keepAsIs });
    if (!r.ok) {
      errors[`phones.${i}.raw`] = r.reason;
      return;
    }
    if (seen.has(r.value.normalized)) {
      errors[`phones.${i}.raw`] = 'phone-duplicate';
      return;
    }
    seen.add(r.value.normalized);
    phones.push({ raw: p.raw.trim(), normalized: r.value.normalized, kind: r.value.kind, label, primary: p.primary === true });
  });
  // Exactly one primary: the first one marked, or the first number when none is.
  const primaryIndex = Math.max(0, phones.findIndex((p) => p.primary));
  phones.forEach((p, i) => (p.primary = i === primaryIndex));

  const email = validateEmail(draft.email);
  if (!email.ok) errors.email = email.reason;

  let birthday: Birthday | null = null;
  if (draft.birthday) {
    const year = parseBirthdayNumber(draft.birthday.year, 4);
    const month = parseBirthdayNumber(draft.birthday.month, 2);
    const day = parseBirthdayNumber(draft.birthday.day, 2);
    if (year === null && month === null && day === null) {
      birthday = null;
    } else if (year === 'bad' || month === 'bad' || day === 'bad' || month === null || day === null) {
      errors.birthday = 'birthday-invalid-date';
    } else {
      const r = validateBirthday(
        { calendar: draft.birthday.calendar, year, month, day, leapMonth: draft.birthday.leapMonth },
        ctx.today,
      );
      if (r.ok) birthday = r.value;
      else errors.birthday = r.reason;
    }
  }

  const text = (key: 'company' | 'title' | 'city' | 'address' | 'addressAs'): string => {
    const value = (draft[key] ?? '').trim();
    if (length(value) > FIELD_LIMITS[key]) errors[key] = 'text-too-long';
    return value;
  };
  const company = text('company');
  const title = text('title');
  const city = text('city');
  const address = text('address');
  const addressAs = text('addressAs');

  const notes = draft.notes.trim();
  if (length(notes) > FIELD_LIMITS.notes) errors.notes = 'notes-too-long';

  // Tags: trimmed, empty ones dropped, the first spelling kept when two differ only in case.
  const tags: string[] = [];
  const tagKeys = new Set<string>();
  draft.tags.forEach((raw, i) => {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag === '') return;
    if (length(tag) > FIELD_LIMITS.tag) {
      errors[`tags.${i}`] = 'tag-too-long';
      return;
    }
    const key = tag.toLowerCase();
    if (tagKeys.has(key)) return;
    tagKeys.add(key);
    tags.push(tag);
  });

  const referredBy = draft.referredBy?.trim() || null;

  if (Object.keys(errors).length > 0) return err(errors);
  return ok({
    name,
    gender: gender.value ?? 'unspecified',
    phones,
    email: email.ok ? email.value : '',
    birthday,
    company,
    title,
    city,
    address,
    source: source.value,
    referredBy,
    preferredChannel: preferredChannel.value,
    tags,
    notes,
    addressAs,
    honorific: honorific.value,
  });
}
