// Phone numbers: validation and normalisation with libphonenumber, display formatting, search digits.
import { parsePhoneNumberFromString, validatePhoneNumberLength, type PhoneNumber } from 'libphonenumber-js/max';
import { assertNever, err, ok, type Result } from '../result';
import type { CustomerPhone, PhoneRegion } from './customer';
import { cleanPhoneInput } from './phoneInput';

export { cleanPhoneInput };

export const PHONE_ERRORS = [
  'phone-empty',
  'phone-bad-characters',
  'phone-too-short',
  'phone-too-long',
  'phone-invalid',
] as const;
export type PhoneError = (typeof PHONE_ERRORS)[number];

export type NormalizedPhone = Pick<CustomerPhone, 'normalized' | 'kind'>;

/** A number kept as typed (95588, 10086) must still look like a phone number. */
export const KEPT_MIN_DIGITS = 3;
export const KEPT_MAX_DIGITS = 20;

// Digits, one leading plus, and the separators people type between groups.
const ALLOWED = /^\+?[\d\s\-()./]*$/;

export function validatePhone(
  raw: string,
  defaultRegion: PhoneRegion,
  opts: { keepAsIs: boolean },
): Result<NormalizedPhone, PhoneError> {
  const text = cleanPhoneInput(raw);
  if (text === '') return err('phone-empty');
  if (!ALLOWED.test(text)) return err('phone-bad-characters');
  const digits = text.replace(/\D/g, '');
  if (digits === '') return err('phone-invalid');

  const parsed = parsePhoneNumberFromString(text, defaultRegion);
  if (parsed?.isValid()) return ok({ normalized: parsed.number, kind: 'validated' });

  if (opts.keepAsIs) {
    if (digits.length < KEPT_MIN_DIGITS) return err('phone-too-short');
    if (digits.length > KEPT_MAX_DIGITS) return err('phone-too-long');
    return ok({ normalized: digits, kind: 'kept' });
  }
  const reason = validatePhoneNumberLength(text, defaultRegion);
  switch (reason) {
    case 'TOO_SHORT':
      return err('phone-too-short');
    case 'TOO_LONG':
      return err('phone-too-long');
    case 'INVALID_LENGTH':
    case 'INVALID_COUNTRY':
    case 'NOT_A_NUMBER':
    case undefined:
      return err('phone-invalid');
    default:
      return assertNever(reason, 'phone length check');
  }
}

function parseValidated(p: NormalizedPhone): PhoneNumber | undefined {
  return p.kind === 'validated' ? parsePhoneNumberFromString(p.normalized) : undefined;
}

/** National format for numbers of the store's region ("138 1234 5678"), international otherwise. */
export function formatPhoneForDisplay(p: NormalizedPhone, region: PhoneRegion): string {
  const parsed = parseValidated(p);
  if (!parsed) return p.normalized;
  return parsed.country === region ? parsed.formatNational() : parsed.formatInternational();
}

/** The national significant number ("13812345678", "75588888888"); kept numbers as their digits. */
export function phoneDigitsForSearch(p: NormalizedPhone): string {
  return parseValidated(p)?.nationalNumber ?? p.normalized.replace(/\D/g, '');
}

export interface PhoneSearchDigits {
  /** National significant number: "13812345678", "75588888888". */
  significant: string;
  /** As dialled inside the number's own country, trunk prefix included: "075588888888". */
  nationalDial: string;
  /** E.164 without the plus: "8675588888888". */
  international: string;
}

/** Every digit form a clerk might type, from one parse (search indexing runs over 100,000 customers). */
export function phoneSearchDigits(p: NormalizedPhone): PhoneSearchDigits {
  const parsed = parseValidated(p);
  if (!parsed) {
    const digits = p.normalized.replace(/\D/g, '');
    return { significant: digits, nationalDial: digits, international: digits };
  }
  return {
    significant: parsed.nationalNumber,
    nationalDial: parsed.formatNational().replace(/\D/g, ''),
    international: parsed.number.slice(1),
  };
}
