// The form's values and how they convert to and from a customer draft and a stored customer.
import { CHANNELS, type ContactChannel, type Customer, type CustomerSource, type Gender } from '../../../shared/domain/customer';
import type { CustomerDraft } from '../../../shared/domain/customerValidation';

export type ConsentState = '' | 'granted' | 'declined';

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
  consents: Record<ContactChannel, { state: ConsentState; date: string }>;
  tags: string[];
  notes: string;
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
    consents: Object.fromEntries(CHANNELS.map((ch) => [ch, { state: '', date: '' }])) as CustomerFormValues['consents'],
    tags: [],
    notes: '',
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
    consents: Object.fromEntries(
      CHANNELS.map((ch) => {
        const consent = c.consents[ch];
        return [ch, consent ? { state: consent.granted ? 'granted' : 'declined', date: consent.date } : { state: '', date: '' }];
      }),
    ) as CustomerFormValues['consents'],
    tags: c.tags,
    notes: c.notes,
  };
}

export function draftFromFormValues(v: CustomerFormValues): CustomerDraft {
  const consents: CustomerDraft['consents'] = {};
  for (const ch of CHANNELS) {
    const consent = v.consents[ch];
    if (consent.state) consents[ch] = { granted: consent.state === 'granted', date: consent.date };
  }
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
    consents,
    tags: v.tags,
    notes: v.notes,
  };
}
