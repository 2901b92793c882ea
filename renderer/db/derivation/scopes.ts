// The tables each kind of write must hold, declared once; every write transaction of the store is opened here.
import type { Table } from 'dexie';
import type { RegularsDatabase } from '../database';

/** The name of a table of the database. */
export type TableName = { [K in keyof RegularsDatabase]: RegularsDatabase[K] extends Table ? K : never }[keyof RegularsDatabase];

/**
 * What a write of each kind must include, so the values derived from it and its audit entry are written in
 * the same transaction (a test runs every write path and fails when one leaves a table out or writes no entry).
 *
 * A coming ledger is a kind here and nothing more elsewhere, with its table in WRITE_KIND_OF_TABLE.
 */
export const WRITE_SCOPES = {
  /**
   * A purchase recorded, edited, voided, returned, moved or deleted: its customer's figures and status
   * are derived again (rules read from settings, store-wide caches from bookkeeping; a tier change goes
   * to tierHistory), and their report entries with the store's sales days (./reports.ts: visitBuckets, salesDays);
   * the store's status counts take the state rows' change (./statusCounts.ts).
   */
  purchase: ['purchases', 'customerState', 'statusCounts', 'settings', 'bookkeeping', 'tierHistory', 'visitBuckets', 'salesDays', 'auditLog'],
  /**
   * A customer created, edited, trashed, restored or deleted: its search row, its state row (created
   * with it, its isDeleted mirrored, deleted with it), settings for the rules a new customer starts
   * under, the consent tables and the points (a new customer's answers and points row, its isDeleted
   * mirrored; a customer deleted for good, merged away or undone by an import takes their answers, points
   * row and entries along, the marks on their reminders and their places in campaigns); the status counts
   * take the state rows added, moved and removed.
   */
  customer: [
    'customers',
    'customerSearch',
    'customerState',
    'statusCounts',
    'settings',
    'consentEvents',
    'consentState',
    'pointsEntries',
    'pointsState',
    'pointsMonths',
    'reminderMarks',
    'surveyAnswers',
    'surveyState',
    'surveyTally',
    'complaints',
    'campaigns',
    'campaignMembers',
    'auditLog',
  ],
  /**
   * Points entries written (renderer/db/points.ts; a purchase's with the purchase scope too): each customer's
   * points are derived again from their ledger onto their points row; the rules are read from settings, the
   * tier (for earning) from the state row; the store's points per month take the entries added or deleted
   * (./reports.ts notePointsEntries).
   */
  points: ['pointsEntries', 'pointsState', 'pointsMonths', 'customerState', 'settings', 'auditLog'],
  /** The rewards catalogue changed, or a gift's stock taken by a redemption (with the points scope). */
  rewards: ['rewards', 'auditLog'],
  /** A marketing-consent answer: the customer's current consent is derived again with it. */
  consent: ['consentEvents', 'consentState', 'auditLog'],
  /**
   * A contact logged, edited, marked done, moved or removed: its customer's latest contact (and the cadence's
   * touch key) is derived again onto their state row (./care.ts).
   */
  contact: ['interactions', 'customerState', 'auditLog'],
  /**
   * A survey answer recorded or its follow-up closed: the customer's latest answer is derived again onto their
   * surveyState row, and its month's tally (./survey.ts); the tier is read from the state row.
   */
  survey: ['surveyAnswers', 'surveyState', 'surveyTally', 'customerState', 'auditLog'],
  /**
   * A complaint opened, moved, resolved or closed (one opened from a survey answer with the survey scope too, a
   * compensation in points with the points scope).
   */
  complaint: ['complaints', 'auditLog'],
  /** A campaign started or ended, or a member marked (with the contact scope: the mark logs a contact). */
  campaign: ['campaigns', 'campaignMembers', 'auditLog'],
  /** A segment saved, its conditions replaced, renamed or deleted (renderer/db/savedSegments.ts): no campaign is touched. */
  segment: ['savedSegments', 'auditLog'],
  /** A care reminder marked done, snoozed or dismissed (renderer/db/reminders.ts). */
  reminder: ['reminderMarks', 'auditLog'],
  /** The owner's configuration changed (rules, region, currency; a new version of the survey, with `surveys`). */
  settings: ['settings', 'auditLog'],
  /** A PIN set, changed or removed. */
  pin: ['pins', 'auditLog'],
  /** An import batch written or undone. */
  import: ['imports', 'auditLog'],
  /** A customer erased (renderer/db/erasure.ts): the register's entries. */
  erasure: ['erasures', 'auditLog'],
  /** An entry alone: a backup made, an export saved, the tier review applied (renderer/db/audit.ts). */
  audit: ['auditLog'],
} as const satisfies Record<string, readonly TableName[]>;

export type WriteKind = keyof typeof WRITE_SCOPES;

/**
 * The kind of write a change to each source table is: a transaction that changes the table must hold that
 * kind's scope, and (every scope holding the audit log) write an audit entry (renderer/db/audit.ts).
 */
export const WRITE_KIND_OF_TABLE: Readonly<Partial<Record<TableName, WriteKind>>> = {
  purchases: 'purchase',
  customers: 'customer',
  consentEvents: 'consent',
  interactions: 'contact',
  reminderMarks: 'reminder',
  settings: 'settings',
  pins: 'pin',
  imports: 'import',
  erasures: 'erasure',
  pointsEntries: 'points',
  rewards: 'rewards',
  surveyAnswers: 'survey',
  surveys: 'settings',
  complaints: 'complaint',
  campaigns: 'campaign',
  campaignMembers: 'campaign',
  savedSegments: 'segment',
};

/** The tables of these kinds of write and the extra ones named, each once. */
export function scopeOf(kinds: readonly WriteKind[], extra: readonly TableName[] = []): TableName[] {
  return [...new Set<TableName>([...kinds.flatMap((k) => WRITE_SCOPES[k]), ...extra])];
}

/**
 * A read-write transaction over the scopes of `kinds` plus `extra` (tables the write also reads or
 * writes that derive nothing: catalog, or a table it only reads). Nested inside a transaction
 * that holds them, it joins that one.
 */
export function writeTransaction<T>(db: RegularsDatabase, kinds: readonly WriteKind[], extra: readonly TableName[], fn: () => Promise<T>): Promise<T> {
  return db.transaction('rw', scopeOf(kinds, extra), fn);
}
