// A customer's derived values: derived from their purchases (one status derivation for the incremental
// path and the full recomputation), kept apart from what people typed (the state row), and joined back
// for the screens. No pinyin or phone metadata here (customerRecord.ts builds the typed record's index
// fields with those), so reading customers loads neither.
import type { Customer, CustomerDerivedFields, CustomerRecord, CustomerState } from './customer';
import { CUSTOMER_DERIVED_KEYS } from './customer';
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
