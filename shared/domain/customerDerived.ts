// A customer's derived values: derived from their purchases (one status derivation for the incremental
// path and the full recomputation), kept apart from what people typed (the state row), and joined back
// for the screens. No pinyin or phone metadata here (customerRecord.ts builds the typed record's index
// fields with those), so reading customers loads neither.
import { contactFields, NO_CONTACT } from './careTouch';
import type { Customer, CustomerDerivedFields, CustomerPointsFields, CustomerPointsState, CustomerRecord, CustomerState } from './customer';
import { CUSTOMER_DERIVED_KEYS, CUSTOMER_POINTS_KEYS, NO_POINTS } from './customer';
import { customerFigureFields, localDayOf, ZERO_FIGURES, type DayOf, type FigureInput } from './customerFigures';
import {
  deriveCustomerStatus,
  initialStatusFields,
  statusFieldsOf,
  tierHistoryEntries,
  type CustomerStatus,
  type PreviousStatus,
  type StatusInput,
  type StatusSettings,
  type TierHistoryEntry,
} from './customerStatus';
import type { RfmCutPoints } from './rfm';
import { churnModelInputOf, type StoreChurnModel } from './churnModel/storeModel';
import { samePlainData } from '../plainData';

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
  /** The store's churn model (bookkeeping cache of the full recomputation); null or absent: today's rule. */
  churnFit?: StoreChurnModel | null;
  newId: () => string;
  /**
   * A digest of everything above but asOf's time and newId (renderer/db/derivation's derivationKey);
   * a record derived under it carries it, so a whole-store pass of the same day and key can keep the
   * record without reading its purchases. Absent: the record carries none.
   */
  derivationKey?: string;
}

/** A write that corrected mistaken purchases of one customer: the tier they would hold had the mistakes never been. */
export type StatusCorrection = NonNullable<StatusInput['correction']>;

/**
 * A customer's derived values (a joined Customer or a stored CustomerState alike) with figures and
 * status derived from all of their purchases (one deriveCustomerStatus call, for the incremental path
 * and the full recomputation alike), and the tier-history entries when the tier changed (a
 * correction's, then the decision's).
 * The record carries the context's derivation key, none when a correction was applied (a plain
 * derivation of it might differ). `valuesChanged`: a derived value changed; `changed`: the record
 * must be written (a value or its key changed). A writer that writes only on `changed` keeps every
 * stored key true to the values beside it.
 */
export function derivedCustomerRecord<T extends CustomerDerivedFields & { id: string; derivationKey?: string }>(
  c: T,
  purchases: readonly FigureInput[],
  ctx: StatusContext,
  correction: StatusCorrection | null = null,
): { record: T; changed: boolean; valuesChanged: boolean; history: TierHistoryEntry[] } {
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
    churnFit: ctx.churnFit ?? null,
  });
  // The contact log is not the status's input: its cache is carried over, the touch key follows the visits.
  const derived = derivedFieldsOf(status, ctx.dayOf(ctx.asOf.toISOString()), previous, ctx.applyDowngrades, c.lastContactAt ?? null);
  // Absent without a visit, as on a new customer's row (a row written before it existed lacks it too, visits or not).
  const modelInput = churnModelInputOf(purchases, ctx.dayOf);
  if (modelInput !== null) derived.churnModelInput = modelInput;
  let valuesChanged = false;
  for (const k of CUSTOMER_DERIVED_KEYS) {
    if (!samePlainData(c[k], derived[k])) {
      valuesChanged = true;
      break;
    }
  }
  const key = correction === null ? ctx.derivationKey : undefined;
  const changed = valuesChanged || c.derivationKey !== key;
  let record = c;
  if (changed) {
    // Spread once, then overwrite: a second spread into one literal is V8's slow path (a million customers).
    record = Object.assign({ ...c }, derived);
    if (modelInput === null) delete record.churnModelInput;
    if (key !== undefined || 'derivationKey' in c) record.derivationKey = key;
  }
  return { record, changed, valuesChanged, history: tierHistoryEntries(c.id, status, ctx.asOf.toISOString(), ctx.newId) };
}

/** The stored derived values of a derivation: customerFigureFields and statusFieldsOf in one object. */
function derivedFieldsOf(status: CustomerStatus, asOfDay: string, previous: PreviousStatus, applyDowngrades: boolean, lastContactAt: string | null): CustomerDerivedFields {
  const f = customerFigureFields(status.figures);
  // Fresh objects: the status and contact fields go onto the figures' object, one object, no spread copy.
  return Object.assign(f, statusFieldsOf(status, asOfDay, previous, applyDowngrades), contactFields(f.lastPurchaseAt, lastContactAt));
}

/** The stored record of a customer: the joined customer without the derived values (those go to its CustomerState). */
export function customerRecordOf(c: CustomerRecord | Customer): CustomerRecord {
  const record: Record<string, unknown> = { ...c };
  for (const k of CUSTOMER_DERIVED_KEYS) delete record[k];
  for (const k of CUSTOMER_POINTS_KEYS) delete record[k];
  delete record.derivationKey;
  // Consent left the record in version 9 (its history is a table of its own); a record kept from before
  // (an import batch's or a merge's snapshot put back) must not bring a stale answer back.
  delete record.consents;
  return record as unknown as CustomerRecord;
}

/** The stored derived row of a customer (its trash state mirrored, for the list's indexes; its derivation key when derived with one). */
export function customerStateOf(c: Customer & { derivationKey?: string }): CustomerState {
  const state: Record<string, unknown> = { id: c.id, isDeleted: c.isDeleted };
  for (const k of CUSTOMER_DERIVED_KEYS) if (c[k] !== undefined) state[k] = c[k];
  if (c.derivationKey !== undefined) state.derivationKey = c.derivationKey;
  return state as unknown as CustomerState;
}

/** The stored points row of a customer: their points, their trash state mirrored (a new customer's: none). */
export function customerPointsStateOf(c: Pick<Customer, 'id' | 'isDeleted'> & Partial<CustomerPointsFields>): CustomerPointsState {
  const row: CustomerPointsState = { id: c.id, isDeleted: c.isDeleted, ...NO_POINTS };
  if (c.pointsBalance !== undefined) row.pointsBalance = c.pointsBalance;
  if (c.pointsExpiringSoon !== undefined) row.pointsExpiringSoon = c.pointsExpiringSoon;
  if (c.pointsExpiringAt !== undefined) row.pointsExpiringAt = c.pointsExpiringAt;
  if (c.pointsNextExpiryAt !== undefined) row.pointsNextExpiryAt = c.pointsNextExpiryAt;
  return row;
}

/**
 * The customer the screens read: the record with its derived values and points. A record without a state
 * or points row (none is written so; kept for safety) reads as a customer without purchases in the floor
 * group, without points.
 */
export function joinCustomer(record: CustomerRecord, state: CustomerState | undefined, points: CustomerPointsState | undefined): Customer {
  const out: Customer = state
    ? (() => {
        const { id: _id, isDeleted: _isDeleted, derivationKey: _key, ...derived } = state;
        return { ...record, ...derived, ...NO_POINTS };
      })()
    : { ...record, ...customerFigureFields(ZERO_FIGURES), ...initialStatusFields(localDayOf(record.createdAt)), ...NO_CONTACT, ...NO_POINTS };
  if (points) {
    out.pointsBalance = points.pointsBalance;
    out.pointsExpiringSoon = points.pointsExpiringSoon;
    out.pointsExpiringAt = points.pointsExpiringAt;
    if (points.pointsNextExpiryAt !== undefined) out.pointsNextExpiryAt = points.pointsNextExpiryAt;
  }
  return out;
}
