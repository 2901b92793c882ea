// The store's bookkeeping (what the app keeps for itself, not what the owner chose): each key declared once
// with its schema and what stands in when its row is missing or no longer fits.
import { z } from 'zod';
import { isRfmCutPoints, type RfmCutPoints } from './rfm';
import { storeChurnModelSchema, type StoreChurnModel } from './churnModel/storeModel';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

interface Declaration<T> {
  schema: z.ZodType<T>;
  /** The value before the app first wrote one. */
  missing: T;
  /** The value when the stored one does not fit the schema (the key is then listed as unreadable). */
  damaged: T;
  /** A derivation cache: when it is damaged the next full recomputation is due at once (it rewrites it). */
  cache?: true;
}

function declare<T>(schema: z.ZodType<T>, fallback: Omit<Declaration<T>, 'schema'>): Declaration<T> {
  return { schema, ...fallback };
}

export const BOOKKEEPING = {
  /**
   * How the store was started on first launch; null until the owner chose. A damaged row still says the
   * store was started (nothing reads how, only whether), so it stands in as 'empty' and the welcome screen
   * never offers to fill a store that has data.
   */
  startedAs: declare<'empty' | 'demo' | null>(z.enum(['empty', 'demo']), { missing: null, damaged: 'empty' }),
  /** Cache: the store's median gap between visits, written by the full status recomputation; null when none. */
  storeMedianGapDays: declare<number | null>(z.number().finite().positive().nullable(), { missing: null, damaged: null, cache: true }),
  /** Cache: the store's RFM cut points, written by the full status recomputation; null before the first. */
  rfmCutPoints: declare<RfmCutPoints | null>(z.custom<RfmCutPoints>(isRfmCutPoints).nullable(), { missing: null, damaged: null, cache: true }),
  /**
   * Cache: the store's churn model (its parameters, the day fitted, customers and repeat buyers counted, the
   * high level's cut-off; or why it could not be fitted), written by the full status recomputation; null before the first.
   */
  churnModel: declare<StoreChurnModel | null>(storeChurnModelSchema.nullable(), { missing: null, damaged: null, cache: true }),
  /** 'yyyy-MM-dd' of the last full status recomputation (the daily rollover runs one when this is not today). */
  statusRecomputedOn: declare<string | null>(day.nullable(), { missing: null, damaged: null }),
  /** DERIVATION_RULES_VERSION of the last full status recomputation; 0 before the first (or from an app older than the marker). */
  derivationRulesVersion: declare<number>(z.number().int().nonnegative(), { missing: 0, damaged: 0 }),
  /** 'yyyy-MM-dd' of the last tier review the owner applied; null when none yet (the first review is due). */
  lastTierReviewAt: declare<string | null>(day.nullable(), { missing: null, damaged: null }),
  /** Written and deleted again in a restore's last transaction, so that transaction commits durably; never kept. */
  restoreCommit: declare<true | null>(z.literal(true), { missing: null, damaged: null }),
} as const;

export type BookkeepingKey = keyof typeof BOOKKEEPING;
export type Bookkeeping = { [K in BookkeepingKey]: (typeof BOOKKEEPING)[K] extends Declaration<infer T> ? T : never };
export const BOOKKEEPING_KEYS = Object.keys(BOOKKEEPING) as BookkeepingKey[];

export interface BookkeepingRead {
  values: Bookkeeping;
  /** Keys whose stored value did not fit: their declared `damaged` value stands in. */
  unreadable: BookkeepingKey[];
}

export function isBookkeepingKey(key: string): key is BookkeepingKey {
  return Object.hasOwn(BOOKKEEPING, key);
}

/** The stored value checked against its key's schema; throws (an undeclared key, a value that does not fit). */
export function checkedBookkeepingValue<K extends BookkeepingKey>(key: K, value: Bookkeeping[K]): Bookkeeping[K] {
  if (!isBookkeepingKey(key)) throw new Error(`bookkeeping: no key ${String(key)}`);
  const parsed = (BOOKKEEPING[key].schema as z.ZodType<Bookkeeping[K]>).safeParse(value);
  if (!parsed.success) throw new Error(`bookkeeping: ${key} cannot be ${JSON.stringify(value)}`);
  return parsed.data;
}

/**
 * The declared keys' rows (as read, undefined when missing) over their fallbacks. A damaged derivation
 * cache also makes statusRecomputedOn null: the next rollover (at start-up) recomputes it rather than
 * derive customers from a cache nobody can read.
 */
export function readBookkeepingRows(rows: readonly ({ key: string; value: unknown } | undefined)[]): BookkeepingRead {
  const values: Record<string, unknown> = Object.fromEntries(BOOKKEEPING_KEYS.map((key) => [key, BOOKKEEPING[key].missing]));
  const unreadable: BookkeepingKey[] = [];
  let cacheDamaged = false;
  for (const row of rows) {
    if (row === undefined || !isBookkeepingKey(row.key)) continue;
    const declared: Declaration<unknown> = BOOKKEEPING[row.key];
    const parsed = declared.schema.safeParse(row.value);
    if (parsed.success) {
      values[row.key] = parsed.data;
    } else {
      values[row.key] = declared.damaged;
      unreadable.push(row.key);
      if (declared.cache) cacheDamaged = true;
    }
  }
  if (cacheDamaged) values.statusRecomputedOn = null;
  return { values: values as Bookkeeping, unreadable };
}

/**
 * Whether the store's figures and status need a full recomputation: none yet today (risk and stage age
 * with the days), or the last one applied older derivation rules than this app's.
 */
export function statusRecomputationDue(
  bookkeeping: Pick<Bookkeeping, 'statusRecomputedOn' | 'derivationRulesVersion'>,
  today: string,
  rulesVersion: number,
): boolean {
  return bookkeeping.statusRecomputedOn !== today || bookkeeping.derivationRulesVersion !== rulesVersion;
}
