// The customer file: the record shape and the closed vocabularies it uses.
import type { ChurnLevel, CustomerChurnReason } from './churn';
import type { ChurnModelInput } from './churnModel/storeModel';
import type { CustomerFigures } from './customerFigures';
import type { LifecycleStage } from './lifecycle';
import type { TierDecision } from './tiers';

export const GENDERS = ['female', 'male', 'other', 'unspecified'] as const;
export type Gender = (typeof GENDERS)[number];

/**
 * The title a greeting addresses a customer by (张女士, Mr Wang), or 'given-name' for one the store calls by
 * their given name (friends). Absent: worked out from gender (greetings.ts, formOfAddress).
 */
export const HONORIFICS = ['ms', 'mr', 'miss', 'given-name'] as const;
export type Honorific = (typeof HONORIFICS)[number];

export const SOURCES = ['walk-in', 'referral', 'online', 'event', 'other'] as const;
export type CustomerSource = (typeof SOURCES)[number];

export const CHANNELS = ['phone', 'sms', 'wechat', 'email', 'visit'] as const;
export type ContactChannel = (typeof CHANNELS)[number];

/** Regions offered as the default for phone numbers typed without a country code. */
export const PHONE_REGIONS = ['CN', 'HK', 'TW', 'MO', 'SG', 'MY', 'US', 'GB', 'AU', 'CA', 'JP', 'KR'] as const;
export type PhoneRegion = (typeof PHONE_REGIONS)[number];

export interface CustomerPhone {
  /** As the clerk typed it. */
  raw: string;
  /** E.164 (+8613812345678) when validated; the bare digits when kept deliberately. */
  normalized: string;
  /** 'validated': libphonenumber accepted it. 'kept': the clerk chose to keep a number it rejects (95588). */
  kind: 'validated' | 'kept';
  label: string;
  primary: boolean;
}

export interface Birthday {
  calendar: 'solar' | 'lunar';
  /** null when the customer did not give the year. */
  year: number | null;
  month: number;
  day: number;
  /** Lunar leap month (闰月); always false for solar birthdays. */
  leapMonth: boolean;
}

/**
 * What the clerk edits: everything on a customer except ids, times and derived fields. Marketing consent
 * is not here: it is a history of its own (consent.ts, the consentEvents and consentState tables).
 */
export interface CustomerFields {
  name: string;
  gender: Gender;
  phones: CustomerPhone[];
  email: string;
  birthday: Birthday | null;
  company: string;
  title: string;
  city: string;
  address: string;
  source: CustomerSource | null;
  referredBy: string | null;
  preferredChannel: ContactChannel | null;
  tags: string[];
  notes: string;
  /**
   * How the store addresses them when the clerk set it (小美姐, 王总); '' or absent: worked out from the
   * name, honorific and gender. Absent on records saved before it existed (not indexed: no database version).
   */
  addressAs?: string;
  /** The title greetings use; null or absent: from gender. */
  honorific?: Honorific | null;
}

/**
 * The customer's derived status: tier, lifecycle stage and churn risk, written with the figures in the
 * same transaction as every purchase write (deriveCustomerStatus), and by the full recomputation when
 * the rules change and at the daily rollover.
 */
export interface CustomerStatusFields {
  /** The tier held now (a pending downgrade keeps it until the review). */
  tierId: string;
  lifecycleStage: LifecycleStage;
  churnLevel: ChurnLevel;
  /** Why churnLevel was given (code and params, for the UI to word): today's rule's or the churn model's. */
  churnReason: CustomerChurnReason;
  /** The churn list's sort key, whole fen: the model's expected spend lost in 90 days, or (today's rule) net spend over the last 12 months. */
  valueAtRiskFen: number;
  /** yyyy-MM-dd: the day the status was derived as of. */
  statusAsOf: string;
  /** yyyy-MM-dd of the last tier review that applied this customer's downgrades; null when never. */
  lastTierReviewAt: string | null;
  /** The tier a waiting downgrade would move to at the review; null when none is waiting. */
  pendingTierId: string | null;
  /**
   * RFM scores as "RFM" digits ("545"), against the store's cut points of the last full
   * recomputation; null without purchases. Absent on records written before version 4.
   */
  rfmScore?: string | null;
  /** Why the pending downgrade (code and params, for the review screen to word); absent before version 4. */
  pendingTierReason?: TierDecision['reason'] | null;
}

/**
 * A customer's stored record (the `customers` table, version 7 on): what people typed, its ids and
 * times, and the keys the list and the duplicate check read from it. Nothing derived from other
 * records lives here: those values are in CustomerState, so a purchase or a recomputation never
 * rewrites this record and its index entries.
 */
export interface CustomerRecord extends CustomerFields {
  id: string;
  /** ISO 8601 UTC. */
  createdAt: string;
  updatedAt: string;
  /** ISO time it was moved to the trash, or null. */
  deletedAt: string | null;
  /** 0 active, 1 in the trash: an indexable twin of deletedAt (IndexedDB does not index null). */
  isDeleted: 0 | 1;
  /** Lower-case tokens; a prefix match on any of them is a search hit (the customerSearch row is made from them). */
  searchTokens: string[];
  /** Normalized phone numbers, for the duplicate check. */
  phoneKeys: string[];
  /** Lower-case email, '' when none, for the duplicate check. */
  emailKey: string;
  /** Sort keys kept on the record so the list sorts through indexes. */
  nameSort: string;
  phoneSort: string;
  tagsSort: string;
  /**
   * The customer's number in another system when an import created them from one (Online Retail's
   * CustomerID, 会员编号), so a later import finds them again. Absent otherwise (not '': IndexedDB
   * leaves a missing key out of the index).
   */
  externalKey?: string;
  /**
   * The birthday's day as the reminders index it ('S-MM-DD', 'L-MM-DD', 'L-MM-DD-leap'; reminderSources/birthday.ts),
   * absent without a birthday, so the coming days' birthdays are one index read (version 14 on).
   */
  birthdayKey?: string;
  /** When the customer said they do not want to answer satisfaction surveys (ISO); absent while they have not. Not indexed. */
  surveysDeclinedAt?: string;
}

/**
 * Every value derived per customer from other records: the figures (a cache of the purchases) and the
 * status (tier, stage, risk). The derivation module (renderer/db/derivation) writes them, in the same
 * transaction as the write they follow from; a full recomputation gives the same values.
 *
 * Values the coming features derive per customer join this type, each as one field (and, when a list
 * sorts or filters by it, one `[isDeleted+<field>]` index on the customerState table, added by the
 * version that adds the field), unless its writes are many and its own (the points, version 13: a
 * narrow row of their own, CustomerPointsState), open complaints (from complaints), the next reminder's day
 * (from reminders), the last satisfaction score (from survey answers). A null is no index key, so "none"
 * of a value that a list filters on is stored as a value the index holds (0, '') beside it, as
 * lastPurchaseSort does.
 */
export interface CustomerDerivedFields extends CustomerFigures, CustomerStatusFields {
  /** lastPurchaseAt, or '' when none (IndexedDB does not index null): the list's "last visit" sort key. */
  lastPurchaseSort: string;
  /**
   * The time of the customer's latest logged contact (ISO), or null: a cache of their contact log, written
   * with every contact write (renderer/db/derivation/care.ts); the status derivation carries it over.
   */
  lastContactAt: string | null;
  /**
   * The later of the last visit and the last logged contact, '' when neither: what a call-back cadence
   * counts from. `[isDeleted+tierId+lastTouchSort]` lists, per tier, who is due (shared/domain/careTouch.ts).
   */
  lastTouchSort: string;
  /**
   * What the store-wide churn fit reads of the customer (first and last visit day, visit days, repeat
   * spend), so the rollover fits from the state rows; absent without a visit, and on rows written before it
   * existed (not indexed: no database version; the rollover after DERIVATION_RULES_VERSION 3 writes it).
   */
  churnModelInput?: ChurnModelInput;
}

/**
 * A customer's points, derived from their ledger (renderer/db/derivation/points.ts) in the same transaction
 * as the entries, onto their pointsState row.
 */
export interface CustomerPointsFields {
  /** The sum of the ledger (may be below zero when the owner allows it): the list's points column (`[isDeleted+pointsBalance]`). */
  pointsBalance: number;
  /** Points that expire within 30 days of when they were derived (the daily rollover derives again every customer with some). */
  pointsExpiringSoon: number;
  /** The earliest expiry among those (ISO), or null. */
  pointsExpiringAt: string | null;
  /**
   * The earliest expiry of a batch that still holds points, due ones included (ISO). Absent when none, so
   * only customers with points that expire have an entry in its index: the rollover's list of whom to see.
   */
  pointsNextExpiryAt?: string;
}

/** A customer without points: what a new state row starts with. */
export const NO_POINTS: Readonly<CustomerPointsFields> = Object.freeze({ pointsBalance: 0, pointsExpiringSoon: 0, pointsExpiringAt: null });

/** The keys of CustomerPointsFields, each once. */
const POINTS_KEY_SET: Record<keyof CustomerPointsFields, true> = { pointsBalance: true, pointsExpiringSoon: true, pointsExpiringAt: true, pointsNextExpiryAt: true };
export const CUSTOMER_POINTS_KEYS = Object.keys(POINTS_KEY_SET) as readonly (keyof CustomerPointsFields)[];

/** The keys of CustomerDerivedFields, each once (the compiler holds the list to the type). */
const DERIVED_KEY_SET: Record<keyof CustomerDerivedFields, true> = {
  totalSpentFen: true,
  purchaseCount: true,
  firstPurchaseAt: true,
  lastPurchaseAt: true,
  averageGapDays: true,
  medianGapDays: true,
  lastPurchaseSort: true,
  lastContactAt: true,
  lastTouchSort: true,
  churnModelInput: true,
  tierId: true,
  lifecycleStage: true,
  churnLevel: true,
  churnReason: true,
  valueAtRiskFen: true,
  statusAsOf: true,
  lastTierReviewAt: true,
  pendingTierId: true,
  rfmScore: true,
  pendingTierReason: true,
};
export const CUSTOMER_DERIVED_KEYS = Object.keys(DERIVED_KEY_SET) as readonly (keyof CustomerDerivedFields)[];

/**
 * A customer's derived values as stored (the `customerState` table, version 7 on; id = the customer's).
 * isDeleted mirrors the customer record's, so the list's sort and filter indexes over derived values
 * (`[isDeleted+totalSpentFen]`, `[isDeleted+tierId]`…) leave the trash out as the record's own do.
 */
export interface CustomerState extends CustomerDerivedFields {
  id: string;
  isDeleted: 0 | 1;
  /**
   * The key of the derivation that wrote the row (renderer/db/derivation: rules, store-wide caches,
   * time zone), so that a whole-store pass of the same day and key may keep the row without reading
   * its purchases. Absent when the row was written otherwise (it is then derived in full).
   */
  derivationKey?: string;
}

/**
 * A customer's points as stored (the `pointsState` table, version 13 on; id = the customer's): a narrow row
 * of its own, because every points entry rewrites it and a wide state row with its many indexes is slow to
 * rewrite. isDeleted mirrors the record's, for the list's `[isDeleted+pointsBalance]`.
 */
export interface CustomerPointsState extends CustomerPointsFields {
  id: string;
  isDeleted: 0 | 1;
}

/** A customer as the screens read it: the record joined with its derived state and its points. */
export interface Customer extends CustomerRecord, CustomerDerivedFields, CustomerPointsFields {}

export function primaryPhone(c: Pick<CustomerFields, 'phones'>): CustomerPhone | undefined {
  return c.phones.find((p) => p.primary) ?? c.phones[0];
}

export function emptyCustomerFields(): CustomerFields {
  return {
    name: '',
    gender: 'unspecified',
    phones: [],
    email: '',
    birthday: null,
    company: '',
    title: '',
    city: '',
    address: '',
    source: null,
    referredBy: null,
    preferredChannel: null,
    tags: [],
    notes: '',
    addressAs: '',
    honorific: null,
  };
}
