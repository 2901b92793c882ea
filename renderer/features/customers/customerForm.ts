// The form's values and how they convert to and from a customer draft and a stored customer.
import { CONSENT_CHANNELS, type ClerkConsentSource, type ConsentAnswer, type ConsentChannel } from '../../../shared/domain/consent';
import type { ContactChannel, Customer, CustomerSource, Gender, Honorific } from '../../../shared/domain/customer';
import type { CustomerDraft } from '../../../shared/domain/customerValidation';

export interface CustomerFormValues {
  name: string;
  gender: Gender;
  phones: { raw: string; label: string; keepAsIs: boolean }[];
  /** Index into phones of the primary number. */
  primaryPhone: number;
  email: string;
  birthdayCalendar: '' | 'solar' | 'lunar';
  birthdayYear: string;
  birthdayMonth: string;
  birthdayDay: string;
  birthdayLeapMonth: boolean;
  company: string;
  title: string;
  city: string;
  address: string;
  source: CustomerSource | '';
  referredBy: string | null;
  preferredChannel: ContactChannel | '';
  /** New customers only: the channels the customer agrees to be offered things on, and where they said so. */
  consents: Record<ConsentChannel, boolean>;
  consentSource: ClerkConsentSource;
  tags: string[];
  notes: string;
  /** The preferred form of address; '' for the one worked out from the name. */
  addressAs: string;
  /** '' for "from gender". */
  honorific: Honorific | '';
}

export function emptyFormValues(): CustomerFormValues {
  return {
    name: '',
    gender: 'unspecified',
    phones: [{ raw: '', label: '', keepAsIs: false }],
    primaryPhone: 0,
    email: '',
    birthdayCalendar: '',
    birthdayYear: '',
    birthdayMonth: '',
    birthdayDay: '',
    birthdayLeapMonth: false,
    company: '',
    title: '',
    city: '',
    address: '',
    source: '',
    referredBy: null,
    preferredChannel: '',
    consents: Object.fromEntries(CONSENT_CHANNELS.map((ch) => [ch, false])) as CustomerFormValues['consents'],
    consentSource: 'in-store',
    tags: [],
    notes: '',
    addressAs: '',
    honorific: '',
  };
}

export function formValuesFromCustomer(c: Customer): CustomerFormValues {
  const base = emptyFormValues();
  const primary = c.phones.findIndex((p) => p.primary);
  return {
    ...base,
    name: c.name,
    gender: c.gender,
    phones: c.phones.length ? c.phones.map((p) => ({ raw: p.raw, label: p.label, keepAsIs: p.kind === 'kept' })) : base.phones,
    primaryPhone: primary < 0 ? 0 : primary,
    email: c.email,
    birthdayCalendar: c.birthday?.calendar ?? '',
    birthdayYear: c.birthday?.year ? String(c.birthday.year) : '',
    birthdayMonth: c.birthday ? String(c.birthday.month) : '',
    birthdayDay: c.birthday ? String(c.birthday.day) : '',
    birthdayLeapMonth: c.birthday?.leapMonth ?? false,
    company: c.company,
    title: c.title,
    city: c.city,
    address: c.address,
    source: c.source ?? '',
    referredBy: c.referredBy,
    preferredChannel: c.preferredChannel ?? '',
    tags: c.tags,
    notes: c.notes,
    addressAs: c.addressAs ?? '',
    honorific: c.honorific ?? '',
  };
}

export function draftFromFormValues(v: CustomerFormValues): CustomerDraft {
  return {
    name: v.name,
    gender: v.gender,
    phones: v.phones.map((p, i) => ({ raw: p.raw, label: p.label, keepAsIs: p.keepAsIs, primary: i === v.primaryPhone })),
    email: v.email,
    birthday: v.birthdayCalendar
      ? { calendar: v.birthdayCalendar, year: v.birthdayYear, month: v.birthdayMonth, day: v.birthdayDay, leapMonth: v.birthdayCalendar === 'lunar' && v.birthdayLeapMonth }
      : null,
    company: v.company,
    title: v.title,
    city: v.city,
    address: v.address,
    source: v.source || null,
    referredBy: v.referredBy,
    preferredChannel: v.preferredChannel || null,
    tags: v.tags,
    notes: v.notes,
    addressAs: v.addressAs,
    honorific: v.honorific || null,
  };
}

/** The new-customer form's consent: a grant for each channel ticked, from the source chosen. */
export function consentFromFormValues(v: Pick<CustomerFormValues, 'consents' | 'consentSource'>): { answers: ConsentAnswer[]; source: ClerkConsentSource } {
  return { answers: CONSENT_CHANNELS.filter((ch) => v.consents[ch]).map((channel) => ({ channel, granted: true })), source: v.consentSource };
}
