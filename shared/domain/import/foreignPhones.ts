// Numbers from abroad written without their country code (a Toronto number in a vCard: 416 535 5341).
// Some are valid numbers of the store's region only by accident of their digits (0416 is Jinzhou's area
// code), and would be stored as a Chinese landline without a word. A number is suspect when it is not
// written the way its own region writes it: here, without the trunk prefix (0) that the region's
// landlines are dialled with. The guess of where it is from: the regions where exactly those digits are
// a number written nationally.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { PHONE_REGIONS, type PhoneRegion } from '../customer';
import { cleanPhoneInput } from '../phone';

/** What the clerk chose for such numbers: kept as typed, the guessed country code added, or read as local. */
export const FOREIGN_PHONE_CHOICES = ['keep', 'add-code', 'local'] as const;
export type ForeignPhoneChoice = (typeof FOREIGN_PHONE_CHOICES)[number];

export interface ForeignPhoneGuess {
  /** Where the digits are a number written as that region writes it, or null when nowhere among the app's regions. */
  region: PhoneRegion | null;
  /** That number with its country code (E.164), or null. */
  international: string | null;
}

const digitsOf = (text: string) => text.replace(/\D/g, '');

/** Null when the number is written as a number of `region` (or with a country code); else the guess. */
export function foreignLookingPhone(raw: string, region: PhoneRegion): ForeignPhoneGuess | null {
  const text = cleanPhoneInput(raw);
  if (text.startsWith('+') || text.startsWith('00')) return null;
  const local = parsePhoneNumberFromString(text, region);
  if (!local?.isValid()) return null;
  const typed = digitsOf(text);
  if (digitsOf(local.formatNational()) === typed) return null;
  for (const other of PHONE_REGIONS) {
    if (other === region) continue;
    const p = parsePhoneNumberFromString(text, other);
    if (p?.isValid() && p.country === other && digitsOf(p.formatNational()) === typed) return { region: other, international: p.number };
  }
  return { region: null, international: null };
}
