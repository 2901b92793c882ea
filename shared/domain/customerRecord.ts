// Builds the stored customer record from what the clerk edited: ids, times and the index fields.
import type { Customer, CustomerFields, CustomerRecord } from './customer';
import { NO_POINTS, primaryPhone } from './customer';
import { customerFigureFields, localDayOf, ZERO_FIGURES } from './customerFigures';
import { initialStatusFields, type StatusSettings } from './customerStatus';
import { NO_CONTACT } from './careTouch';
import { birthdayIndexKey } from './reminderSources/birthday';
import { buildSearchTokens, nameSortKey } from './searchTokens';
import { phoneDigitsForSearch } from './phone';

// Deriving and joining the state row needs no pinyin or phone metadata: it lives in customerDerived.ts
// (the list's first screen reads joined customers), re-exported here for the writers.
export { customerPointsStateOf, customerRecordOf, customerStateOf, derivedCustomerRecord, joinCustomer, type StatusContext, type StatusCorrection } from './customerDerived';

export type CustomerIndexFields = Pick<Customer, 'searchTokens' | 'phoneKeys' | 'emailKey' | 'nameSort' | 'phoneSort' | 'tagsSort' | 'birthdayKey'>;

export function deriveCustomerIndexFields(fields: CustomerFields): CustomerIndexFields {
  const primary = primaryPhone(fields);
  return {
    searchTokens: buildSearchTokens({ name: fields.name, phones: fields.phones, email: fields.email, company: fields.company }),
    phoneKeys: [...new Set(fields.phones.map((p) => p.normalized))],
    emailKey: fields.email.trim().toLowerCase(),
    nameSort: nameSortKey(fields.name),
    // A customer without a phone sorts last: '~' comes after every digit.
    phoneSort: primary ? phoneDigitsForSearch(primary) : '~',
    tagsSort: fields.tags.length ? fields.tags.map((t) => t.toLowerCase()).sort().join(' ') : '~',
    // Absent without a birthday (not undefined: a stored undefined is no key either, but a spread would keep an old one).
    ...(fields.birthday ? { birthdayKey: birthdayIndexKey(fields.birthday) } : {}),
  };
}

/** `status`: the rules in force, for the group a customer without purchases starts in (the defaults' floor tier when absent). */
export function newCustomerRecord(fields: CustomerFields, id: string, now: Date, createdAt?: string, status?: Pick<StatusSettings, 'grouping' | 'scheme'>): Customer {
  const at = createdAt ?? now.toISOString();
  return {
    ...customerFieldsOf(fields),
    id,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    isDeleted: 0,
    ...deriveCustomerIndexFields(fields),
    // A new customer has no purchases yet; the purchase repository keeps these up to date.
    ...customerFigureFields(ZERO_FIGURES),
    // ...and these: the floor group, a prospect, no risk.
    ...initialStatusFields(localDayOf(at), status),
    // ...and no contact logged: the contact log's writes keep these.
    ...NO_CONTACT,
    // ...and no points: the points ledger's writes keep these.
    ...NO_POINTS,
  };
}

/** Only the editable fields are taken from `fields`: a stale whole record passed in cannot overwrite the figures. */
export function editedCustomerRecord<T extends CustomerRecord>(existing: T, fields: CustomerFields, now: Date): T {
  const indexFields = deriveCustomerIndexFields(fields);
  // A customer in the trash stays out of search until restored.
  if (existing.isDeleted) indexFields.searchTokens = [];
  const edited = { ...existing, ...customerFieldsOf(fields), updatedAt: now.toISOString(), ...indexFields };
  // A birthday taken away takes its index key along.
  if (indexFields.birthdayKey === undefined) delete edited.birthdayKey;
  return edited;
}

/** The editable fields of a stored record (or of anything carrying them), e.g. to fill the edit form. */
export function customerFieldsOf(c: CustomerFields): CustomerFields {
  return {
    name: c.name, gender: c.gender, phones: c.phones, email: c.email, birthday: c.birthday, company: c.company,
    title: c.title, city: c.city, address: c.address, source: c.source, referredBy: c.referredBy,
    preferredChannel: c.preferredChannel, tags: c.tags, notes: c.notes,
    // Only when given: a caller that does not know them (a merge, an import) leaves the stored ones as they are.
    ...(c.addressAs !== undefined && { addressAs: c.addressAs }),
    ...(c.honorific !== undefined && { honorific: c.honorific }),
  };
}
