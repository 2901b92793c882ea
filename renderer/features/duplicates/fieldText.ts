// How the duplicate finder and the merge dialog show a customer's values, in the user's language.
import type { TFunction } from 'i18next';
import { lunarMonthDayLabel } from '../../../shared/domain/birthday';
import type { Birthday, CustomerFields, PhoneRegion } from '../../../shared/domain/customer';
import type { PickedField } from '../../../shared/domain/duplicates';
import { formatPhoneForDisplay } from '../../../shared/domain/phone';
import { assertNever } from '../../../shared/result';
import { currentLocale, formatLongDate, formatMonthDay } from '../../i18n';

export function birthdayLabel(b: Birthday | null, t: TFunction): string {
  if (!b) return '';
  if (b.calendar === 'lunar') {
    const label = lunarMonthDayLabel(b, currentLocale());
    return b.year ? t('birthday.lunarWithYear', { label, year: b.year }) : t('birthday.lunarNoYear', { label });
  }
  return b.year ? formatLongDate(new Date(b.year, b.month - 1, b.day)) : formatMonthDay(b.month, b.day);
}

export function phonesLabel(phones: CustomerFields['phones'], region: PhoneRegion): string[] {
  return phones.map((p) => formatPhoneForDisplay(p, region) + (p.label ? ` (${p.label})` : ''));
}

/** A picked field's value as text ('' when empty); referrers by name through `nameOf`. */
export function pickedFieldText(field: PickedField, c: CustomerFields, t: TFunction, nameOf: (id: string) => string | undefined): string {
  switch (field) {
    case 'gender':
      return c.gender === 'unspecified' ? '' : t(`gender.${c.gender}`);
    case 'birthday':
      return birthdayLabel(c.birthday, t);
    case 'source':
      return c.source ? t(`sources.${c.source}`) : '';
    case 'preferredChannel':
      return c.preferredChannel ? t(`channels.${c.preferredChannel}`) : '';
    case 'referredBy':
      return c.referredBy ? (nameOf(c.referredBy) ?? t('customer.referrerMissing')) : '';
    case 'name':
    case 'company':
    case 'title':
    case 'email':
    case 'city':
    case 'address':
    case 'notes':
      return c[field];
    default:
      return assertNever(field, 'picked field');
  }
}

/** Whether a field has something in it (the default pick skips empty values). */
export function hasValue(field: PickedField, c: CustomerFields): boolean {
  const v = c[field];
  if (field === 'gender') return v !== 'unspecified';
  return v !== null && v !== '';
}
