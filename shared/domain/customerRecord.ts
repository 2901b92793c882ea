// Builds the stored customer record from what the clerk edited: ids, times and the index fields.
import type { Customer, CustomerDerivedFields, CustomerFields, CustomerRecord, CustomerState } from './customer';
import { CUSTOMER_DERIVED_KEYS, primaryPhone } from './customer';
import { customerFigureFields, localDayOf, ZERO_FIGURES, type DayOf, type FigureInput } from './customerFigures';
import {
  deriveCustomerStatus,
  initialStatusFields,
  statusFieldsOf,
  tierHistoryEntries,
  type PreviousStatus,
  type StatusInput,
  type StatusSettings,
  type TierHistoryEntry,
} from './customerStatus';
import type { RfmCutPoints } from './rfm';
import { buildSearchTokens, nameSortKey } from './searchTokens';
import { phoneDigitsForSearch } from './phone';

export type CustomerIndexFields = Pick<Customer, 'searchTokens' | 'phoneKeys' | 'emailKey' | 'nameSort' | 'phoneSort' | 'tagsSort'>;

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
  };
}

/** What the status derivation of a customer needs besides their purchases. */
export interface StatusContext {
  settings: StatusSettings;
  storeMedianGapDays: number | null;
  asOf: Date;
  dayOf: DayOf;
  /** The store's RFM cut points (settings cache); null before the first full recomputation. */
  rfmCutPoints: RfmCutPoints | null;
  /** True only when the owner applies the tier review: pending downgrades take effect. */
  applyDowngrades: boolean;
  newId: () => string;
}

/** A write that corrected mistaken purchases of one customer: the tier they would hold had the mistakes never been. */
export type StatusCorrection = NonNullable<StatusInput['correction']>;

/**
 * A customer's derived values (a joined Customer or a stored CustomerState alike) with figures and
 * status derived from all of their purchases (one deriveCustomerStatus call, for the incremental path
 * and the full recomputation alike), whether anything stored changed, and the tier-history entries
 * when the tier changed (a correction's, then the decision's).
 */
export function derivedCustomerRecord<T extends CustomerDerivedFields & { id: string }>(
  c: T,
  purchases: readonly FigureInput[],
  ctx: StatusContext,
  correction: StatusCorrection | null = null,
): { record: T; changed: boolean; history: TierHistoryEntry[] } {
  const previous: PreviousStatus = { tierId: c.tierId ?? null, stage: c.lifecycleStage ?? null, lastReviewAt: c.lastTierReviewAt ?? null };
  const status = deriveCustomerStatus({
    ...ctx.settings,
    purchases,
    previous,
    asOf: ctx.asOf,
    dayOf: ctx.dayOf,
    storeMedianGapDays: ctx.storeMedianGapDays,
    rfmCutPoints: ctx.rfmCutPoints,
    applyDowngrades: ctx.applyDowngrades,
    correction,
  });
  const asOfDay = ctx.dayOf(ctx.asOf.toISOString());
  const derived = { ...customerFigureFields(status.figures), ...statusFieldsOf(status, asOfDay, previous, ctx.applyDowngrades) };
  const changed = (Object.keys(derived) as (keyof typeof derived)[]).some((k) => JSON.stringify(c[k]) !== JSON.stringify(derived[k]));
  return { record: changed ? { ...c, ...derived } : c, changed, history: tierHistoryEntries(c.id, status, ctx.asOf.toISOString(), ctx.newId) };
}

/** The stored record of a customer: the joined customer without the derived values (those go to its CustomerState). */
export function customerRecordOf(c: CustomerRecord | Customer): CustomerRecord {
  const record: Record<string, unknown> = { ...c };
  for (const k of CUSTOMER_DERIVED_KEYS) delete record[k];
  return record as unknown as CustomerRecord;
}

/** The stored derived row of a customer (its trash state mirrored, for the list's indexes). */
export function customerStateOf(c: Customer): CustomerState {
  const state: Record<string, unknown> = { id: c.id, isDeleted: c.isDeleted };
  for (const k of CUSTOMER_DERIVED_KEYS) if (c[k] !== undefined) state[k] = c[k];
  return state as unknown as CustomerState;
}

/**
 * The customer the screens read: the record with its derived values. A record without a state row
 * (none is written so; kept for safety) reads as a customer without purchases in the floor group.
 */
export function joinCustomer(record: CustomerRecord, state: CustomerState | undefined): Customer {
  if (!state) return { ...record, ...customerFigureFields(ZERO_FIGURES), ...initialStatusFields(localDayOf(record.createdAt)) };
  const { id: _id, isDeleted: _isDeleted, ...derived } = state;
  return { ...record, ...derived };
}

/** Only the editable fields are taken from `fields`: a stale whole record passed in cannot overwrite the figures. */
export function editedCustomerRecord<T extends CustomerRecord>(existing: T, fields: CustomerFields, now: Date): T {
  const indexFields = deriveCustomerIndexFields(fields);
  // A customer in the trash stays out of search until restored.
  if (existing.isDeleted) indexFields.searchTokens = [];
  return { ...existing, ...customerFieldsOf(fields), updatedAt: now.toISOString(), ...indexFields };
}

/** The editable fields of a stored record (or of anything carrying them), e.g. to fill the edit form. */
export function customerFieldsOf(c: CustomerFields): CustomerFields {
  return {
    name: c.name, gender: c.gender, phones: c.phones, email: c.email, birthday: c.birthday, company: c.company,
    title: c.title, city: c.city, address: c.address, source: c.source, referredBy: c.referredBy,
    preferredChannel: c.preferredChannel, consents: c.consents, tags: c.tags, notes: c.notes,
  };
}
