// The one Dexie class. It holds the whole version history: a shipped version is never edited;
// each change is a new version with an upgrade function and a test that opens the previous one.
// Versions 1-5 are written out below; from version 6 on each version's upgrade (and from 7 on its
// whole schema) is a file of its own in ./migrations, with its test beside it, imported here.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Clock } from '../../shared/clock';
import type { CustomerPointsState, CustomerRecord, CustomerState } from '../../shared/domain/customer';
import { storeMedianGap } from '../../shared/domain/churn';
import { localDayOf, type FigureInput } from '../../shared/domain/customerFigures';
import { DEFAULT_STATUS_SETTINGS, deriveCustomerStatus, type TierHistoryEntry } from '../../shared/domain/customerStatus';
import type { Interaction } from '../../shared/domain/interaction';
import type { CatalogEntry, Purchase } from '../../shared/domain/purchase';
import type { ConsentEvent, ConsentStateRow } from '../../shared/domain/consent';
import { systemClock } from '../platform/systemClock';
import { DATABASE_NAME } from './activeDatabase';
import type { PinRow } from './pins';
import { upgradeToV6, V6_NEW_TABLES } from './migrations/v6';
import { SCHEMA_V7, upgradeToV7 } from './migrations/v7';
import { SCHEMA_V8 } from './migrations/v8';
import { SCHEMA_V9, upgradeToV9 } from './migrations/v9';
import { SCHEMA_V10, upgradeToV10 } from './migrations/v10';
import { SCHEMA_V11 } from './migrations/v11';
import { SCHEMA_V12, upgradeToV12 } from './migrations/v12';
import { REMOVED_IN_V13, SCHEMA_V13, upgradeToV13 } from './migrations/v13';
import { SCHEMA_V14, upgradeToV14 } from './migrations/v14';
import { SCHEMA_V15, upgradeToV15 } from './migrations/v15';
import { SCHEMA_V16, upgradeToV16 } from './migrations/v16';
import { SCHEMA_V17, upgradeToV17 } from './migrations/v17';
import { SCHEMA_V18 } from './migrations/v18';
import { SCHEMA_V19 } from './migrations/v19';
import { SCHEMA_V20, upgradeToV20 } from './migrations/v20';
import type { AuditEntry } from '../../shared/domain/auditChain';
import type { ErasureEntry } from '../../shared/domain/erasure';
import type { PointsEntry, PointsEntryKey } from '../../shared/domain/pointsLedger';
import type { Reward } from '../../shared/domain/rewards';
import type { StatusCountRow } from '../../shared/domain/reports/statusCounts';
import type { ReminderMark } from '../../shared/domain/reminders';
import type { SurveyAnswer, SurveyStateRow, SurveyVersion } from '../../shared/domain/surveyRecords';
import type { SurveyTallyRow } from '../../shared/domain/surveyScores';
import type { Campaign, CampaignMember } from '../../shared/domain/campaigns/campaign';
import type { SavedSegment } from '../../shared/domain/campaigns/savedSegment';
import type { Complaint } from '../../shared/domain/complaintRecords';
import type { SalesDay } from '../../shared/domain/reports/aggregates';
import type { VisitBucketRow } from '../../shared/domain/reports/reportRows';
import type { PointsMonth } from '../../shared/domain/reports/loyalty';

export { SCHEMA_V7, SCHEMA_V8, SCHEMA_V9, SCHEMA_V10, SCHEMA_V11, SCHEMA_V12, SCHEMA_V13, SCHEMA_V14, SCHEMA_V15, SCHEMA_V16, SCHEMA_V17, SCHEMA_V18, SCHEMA_V19, SCHEMA_V20 };
export type { AuditEntry };

/** A row of the settings table (the owner's configuration) or of the bookkeeping table (version 6). */
export interface SettingRow {
  key: string;
  value: unknown;
}

/** An import batch, kept so the whole import can be undone as one step. */
export interface ImportBatch {
  id: string;
  at: string;
  kind: 'customers' | 'purchases';
  fileName: string;
  /** Row counts by outcome, e.g. { created: 1204, updated: 3, skipped: 2, invalid: 1 }. */
  counts: Record<string, number>;
  createdCustomerIds: string[];
  /** Customers the import changed, as they were before, to put back on undo. */
  updatedCustomers: { id: string; before: unknown }[];
  purchaseIds: string[];
  interactionIds: string[];
  /** Marketing-consent answers the import recorded (version 9 on; absent in older batches). */
  consentEventIds?: string[];
  /** The opening points entries it wrote (absent in older batches): undo takes them back from customers who stay. */
  pointsEntryIds?: string[];
  undoneAt: string | null;
}

export { DATABASE_NAME };

/** Version 1: the customer file and the store's settings. */
export const SCHEMA_V1 = {
  customers:
    'id, *searchTokens, *tags, *phoneKeys, emailKey, [isDeleted+nameSort], [isDeleted+phoneSort], [isDeleted+tagsSort], [isDeleted+createdAt], [isDeleted+updatedAt], [isDeleted+deletedAt]',
  settings: 'key',
} as const;

/**
 * Version 2: purchases, the contact log, the product catalog, the audit log and import batches;
 * customers gain the cached purchase figures and three list sort indexes over them.
 * returnOf, importId and followUpDate are null on most rows, and IndexedDB leaves null out of an
 * index, so those indexes hold only the rows that have a value. The import's keys are left off the
 * record when there is none (IndexedDB skips a missing key): customers' externalKey (another
 * system's customer number, e.g. Online Retail's CustomerID) and purchases' externalRef (the
 * invoice or order number), so importing the same file again finds what it created before.
 */
export const SCHEMA_V2 = {
  customers:
    'id, *searchTokens, *tags, *phoneKeys, emailKey, [isDeleted+nameSort], [isDeleted+phoneSort], [isDeleted+tagsSort], [isDeleted+createdAt], [isDeleted+updatedAt], [isDeleted+deletedAt], [isDeleted+totalSpentFen], [isDeleted+purchaseCount], [isDeleted+lastPurchaseSort], externalKey',
  settings: 'key',
  purchases: 'id, customerId, [customerId+purchasedAt], purchasedAt, returnOf, importId, externalRef',
  interactions: 'id, customerId, [customerId+at], followUpDate, importId',
  catalog: 'key',
  auditLog: 'id, at, kind',
  imports: 'id, at',
} as const;

/** Rows per bulkPut in upgrades: one request per record would cost minutes at 100,000 customers. */
const UPGRADE_CHUNK = 2_000;

// The v2 upgrade writes the figures of a customer without purchases. Its own copy, so later changes
// to the live types cannot change what this shipped migration does.
const ZERO_FIGURES_V2 = {
  totalSpentFen: 0,
  purchaseCount: 0,
  firstPurchaseAt: null,
  lastPurchaseAt: null,
  averageGapDays: null,
  medianGapDays: null,
  lastPurchaseSort: '',
} as const;

// Customers in the trash carry no search tokens from version 2 on (search then never has to read a
// record to leave them out); the v1 ones lose theirs here.
function withV2Fields(row: { id: string; isDeleted?: number }): object {
  return { ...row, ...ZERO_FIGURES_V2, ...(row.isDeleted === 1 ? { searchTokens: [] } : {}) };
}

async function upgradeToV2(customers: Table<{ id: string; isDeleted?: number }, string>): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const rows: { id: string; isDeleted?: number }[] = await (after === null ? customers.orderBy(':id') : customers.where(':id').above(after))
      .limit(UPGRADE_CHUNK)
      .toArray();
    if (rows.length === 0) return;
    await customers.bulkPut(rows.map(withV2Fields) as { id: string }[]);
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Version 3: customers gain their derived status (tier, lifecycle stage, churn level and reason,
 * value at risk) with list indexes over it, and the tier history gets its table.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  customers: `${SCHEMA_V2.customers}, [isDeleted+tierId], [isDeleted+lifecycleStage], [isDeleted+churnLevel], [isDeleted+valueAtRiskFen]`,
  tierHistory: 'id, customerId, [customerId+at]',
} as const;

type V3Customer = { id: string; isDeleted?: number; medianGapDays?: number | null };

/**
 * The v3 upgrade derives every customer's status from their purchases under the default rules, as of
 * the moment of the upgrade: first the store's median gap (from the cached figures of customers not in
 * the trash, kept in the settings table as the status recomputation does), then the customers in id
 * order, each chunk's purchases read as one range of [customerId+purchasedAt]. The fields written are
 * this function's own copy: later changes to the live types cannot change what this migration does.
 * No tier history is written: this is every customer's first assignment.
 */
async function upgradeToV3(
  customers: Table<V3Customer, string>,
  purchases: Table<FigureInput & { customerId: string }, string>,
  settings: Table<SettingRow, string>,
  clock: Clock,
): Promise<void> {
  const medians: (number | null)[] = [];
  let after: string | null = null;
  for (;;) {
    const rows: V3Customer[] = await (after === null ? customers.orderBy(':id') : customers.where(':id').above(after)).limit(UPGRADE_CHUNK).toArray();
    if (rows.length === 0) break;
    for (const r of rows) if (r.isDeleted !== 1) medians.push(r.medianGapDays ?? null);
    after = rows[rows.length - 1]!.id;
  }
  const storeMedianGapDays = storeMedianGap(medians);
  await settings.put({ key: 'storeMedianGapDays', value: storeMedianGapDays });

  const asOf = clock();
  const statusAsOf = localDayOf(asOf.toISOString());
  after = null;
  for (;;) {
    const rows: V3Customer[] = await (after === null ? customers.orderBy(':id') : customers.where(':id').above(after)).limit(UPGRADE_CHUNK).toArray();
    if (rows.length === 0) return;
    const first = rows[0]!.id;
    const last = rows[rows.length - 1]!.id;
    const byCustomer = new Map<string, FigureInput[]>();
    const bought = await purchases.where('[customerId+purchasedAt]').between([first, Dexie.minKey], [last, Dexie.maxKey], true, true).toArray();
    for (const p of bought) {
      const list = byCustomer.get(p.customerId);
      if (list) list.push(p);
      else byCustomer.set(p.customerId, [p]);
    }
    const updated = rows.map((row) => {
      const s = deriveCustomerStatus({
        ...DEFAULT_STATUS_SETTINGS,
        purchases: byCustomer.get(row.id) ?? [],
        previous: { tierId: null, stage: null, lastReviewAt: null },
        asOf,
        dayOf: localDayOf,
        storeMedianGapDays,
      });
      return {
        ...row,
        tierId: s.tierId,
        lifecycleStage: s.stage,
        churnLevel: s.risk.level,
        churnReason: s.risk.reason,
        valueAtRiskFen: s.valueAtRiskFen,
        statusAsOf,
        lastTierReviewAt: null,
        pendingTierId: null,
      };
    });
    await customers.bulkPut(updated);
    after = last;
  }
}

/**
 * Version 4: an index of the customers with a pending tier downgrade, for the review screen. A
 * compound key with a null part is not a valid key, so the index holds only the pending ones; Dexie
 * builds it from the stored records, so the upgrade changes no data.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  customers: `${SCHEMA_V3.customers}, [isDeleted+pendingTierId]`,
} as const;

/**
 * Version 5: the search tokens get a table of their own (customerSearch: the customer's id and tokens,
 * only for customers outside the trash). A customer record carried ~30 token index entries, and
 * IndexedDB rewrites every index entry of a record it puts: writing figures and status (each purchase,
 * each recomputation) paid for the tokens too, and on disk that cost grows with the store (measured:
 * 100,000 plain puts 366 s with the token index on the record, 45 s in memory; 50,000 without it 21 s,
 * linear). Now only a change to name, phones, e-mail or company writes the tokens. The record keeps its
 * searchTokens field, from which the row is made.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  customers:
    'id, *tags, *phoneKeys, emailKey, [isDeleted+nameSort], [isDeleted+phoneSort], [isDeleted+tagsSort], [isDeleted+createdAt], [isDeleted+updatedAt], [isDeleted+deletedAt], [isDeleted+totalSpentFen], [isDeleted+purchaseCount], [isDeleted+lastPurchaseSort], externalKey, [isDeleted+tierId], [isDeleted+lifecycleStage], [isDeleted+churnLevel], [isDeleted+valueAtRiskFen], [isDeleted+pendingTierId]',
  customerSearch: 'id, *tokens',
} as const;

/** The fields the v5 upgrade reads: its own copy, so later changes to the live types cannot change it. */
interface V5SearchSource {
  id: string;
  isDeleted: number;
  searchTokens?: string[];
}

/** Writes every active customer's tokens into customerSearch, in id order, a chunk per request. */
async function upgradeToV5(customers: Table<V5SearchSource, string>, customerSearch: Table<{ id: string; tokens: string[] }, string>): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const rows: V5SearchSource[] = await (after === null ? customers.orderBy(':id') : customers.where(':id').above(after)).limit(UPGRADE_CHUNK).toArray();
    if (rows.length === 0) return;
    const searchRows = rows.filter((r) => r.isDeleted === 0 && (r.searchTokens?.length ?? 0) > 0).map((r) => ({ id: r.id, tokens: r.searchTokens! }));
    if (searchRows.length) await customerSearch.bulkPut(searchRows);
    after = rows[rows.length - 1]!.id;
  }
}

/** A customer's search tokens, in the table the search box asks (version 5). `id` is the customer's. */
export interface CustomerSearchRow {
  id: string;
  tokens: string[];
}

/**
 * Version 6: the owner's configuration apart from the app's bookkeeping and the PINs (renderer/db/migrations/v6.ts).
 * settings keeps what the owner chose (phone region, currency, status rules); bookkeeping holds the
 * derivation caches, job markers and how the store was started; pins holds one PIN record per role.
 */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  ...V6_NEW_TABLES,
} as const;

export class RegularsDatabase extends Dexie {
  /** What people typed, with its own keys (version 7 on; before, the derived values too). */
  customers!: EntityTable<CustomerRecord, 'id'>;
  /** Each customer's derived values (version 7 on); written only through renderer/db/derivation. */
  customerState!: EntityTable<CustomerState, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  purchases!: EntityTable<Purchase, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;
  catalog!: EntityTable<CatalogEntry, 'key'>;
  auditLog!: EntityTable<AuditEntry, 'id'>;
  imports!: EntityTable<ImportBatch, 'id'>;
  tierHistory!: EntityTable<TierHistoryEntry, 'id'>;
  customerSearch!: EntityTable<CustomerSearchRow, 'id'>;
  bookkeeping!: EntityTable<SettingRow, 'key'>;
  pins!: EntityTable<PinRow, 'role'>;
  /** Every marketing-consent answer, append-only (version 9 on). */
  consentEvents!: EntityTable<ConsentEvent, 'id'>;
  /** Each customer's current consent, derived from their answers (version 9 on); written only with them (renderer/db/consents.ts). */
  consentState!: EntityTable<ConsentStateRow, 'id'>;
  /** The erasure register: ids of erased customers and when (version 11 on); written only by renderer/db/erasure.ts. */
  erasures!: EntityTable<ErasureEntry, 'id'>;
  /**
   * Loyalty points, append-only (version 13 on; pointsLedger before), keyed `[customerId+createdAt+id]`
   * (pointsEntryKey); written only through renderer/db/points.ts and pointsEarning.ts, with the customers'
   * points derived in the same transaction.
   */
  pointsEntries!: Table<PointsEntry, PointsEntryKey>;
  /** Each customer's points, derived from their entries (version 13 on); written only by renderer/db/derivation. */
  pointsState!: EntityTable<CustomerPointsState, 'id'>;
  /** The owner's rewards catalogue (version 12 on). */
  rewards!: EntityTable<Reward, 'id'>;
  /** The clerk's marks on care reminders, by reminder key (version 14 on; renderer/db/reminders.ts). */
  reminderMarks!: EntityTable<ReminderMark, 'key'>;
  /** The owner's survey, one row per version (version 15 on). */
  surveys!: EntityTable<SurveyVersion, 'id'>;
  /** Every survey answer (version 15 on); written with the answering customer's surveyState row. */
  surveyAnswers!: EntityTable<SurveyAnswer, 'id'>;
  /** Each customer's latest answer, derived from their answers (version 15 on; derivation/survey.ts). */
  surveyState!: EntityTable<SurveyStateRow, 'id'>;
  /** Complaints and their steps (version 15 on). */
  complaints!: EntityTable<Complaint, 'id'>;
  /** The satisfaction figures' counts per local month and tier, derived from the answers (version 16 on; derivation/survey.ts). */
  surveyTally!: EntityTable<SurveyTallyRow, 'id'>;
  /** The store's sales per local day (version 17 on); written only by renderer/db/derivation/reports.ts. */
  salesDays!: EntityTable<SalesDay, 'day'>;
  /** Each customer's sales days, packed into buckets (version 17 on); written only by renderer/db/derivation/reports.ts. */
  visitBuckets!: EntityTable<VisitBucketRow, 'bucket'>;
  /** The store's points issued, redeemed, expired and adjusted per local month (version 17 on); written only by renderer/db/derivation/reports.ts. */
  pointsMonths!: EntityTable<PointsMonth, 'month'>;
  /** The owner's campaigns (version 18 on; renderer/db/campaigns.ts). */
  campaigns!: EntityTable<Campaign, 'id'>;
  /** Each customer drawn into a campaign, contacted or held out (version 18 on). */
  campaignMembers!: EntityTable<CampaignMember, 'id'>;
  /**
   * The owner's saved segments (version 19 on; renderer/db/savedSegments.ts). Typed as stored: a row is read through
   * readSavedSegment (a restored backup's row may not be one).
   */
  savedSegments!: EntityTable<SavedSegment, 'id'>;
  /** The customers counted by tier, stage, RFM score and churn level (version 20 on); written only by renderer/db/derivation/statusCounts.ts. */
  statusCounts!: EntityTable<StatusCountRow, 'key'>;

  /** `clock`: the time an upgrade derives status as of (version 3); the app's clock unless given. */
  constructor(name: string = DATABASE_NAME, options: ConstructorParameters<typeof Dexie>[1] & { clock?: Clock } = {}) {
    const { clock = systemClock, ...dexieOptions } = options;
    super(name, dexieOptions);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) => upgradeToV2(tx.table('customers')));
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade((tx) => upgradeToV3(tx.table('customers'), tx.table('purchases'), tx.table('settings'), clock));
    this.version(4).stores(SCHEMA_V4);
    this.version(5)
      .stores(SCHEMA_V5)
      .upgrade((tx) => upgradeToV5(tx.table('customers'), tx.table('customerSearch')));
    this.version(6).stores(SCHEMA_V6).upgrade(upgradeToV6);
    this.version(7).stores(SCHEMA_V7).upgrade(upgradeToV7);
    this.version(8).stores(SCHEMA_V8);
    this.version(9)
      .stores(SCHEMA_V9)
      .upgrade((tx) => upgradeToV9(tx));
    this.version(10).stores(SCHEMA_V10).upgrade(upgradeToV10);
    this.version(11).stores(SCHEMA_V11);
    this.version(12).stores(SCHEMA_V12).upgrade(upgradeToV12);
    this.version(13)
      .stores({ ...SCHEMA_V13, ...REMOVED_IN_V13 })
      .upgrade(upgradeToV13);
    this.version(14).stores(SCHEMA_V14).upgrade(upgradeToV14);
    this.version(15).stores(SCHEMA_V15).upgrade(upgradeToV15);
    this.version(16).stores(SCHEMA_V16).upgrade(upgradeToV16);
    this.version(17).stores(SCHEMA_V17).upgrade(upgradeToV17());
    this.version(18).stores(SCHEMA_V18);
    this.version(19).stores(SCHEMA_V19);
    this.version(20).stores(SCHEMA_V20).upgrade(upgradeToV20);
  }
}

let current: RegularsDatabase | null = null;
let chosenName: string = DATABASE_NAME;

/**
 * Chooses which database the app opens: start-up reads the pointer a restore moves (activeDatabase.ts)
 * before anything opens the database. Opened already under another name is a start-up bug: it throws
 * rather than show the store that a restore replaced.
 */
export function chooseDatabase(name: string): void {
  if (current && current.name !== name) throw new Error(`the database was opened as ${current.name} before ${name} was chosen`);
  chosenName = name;
}

/** The name of the app's database, for the workers, which open it themselves. */
export function activeDatabaseName(): string {
  return current?.name ?? chosenName;
}

/** The app's database; tests open their own with a unique name. */
export function database(): RegularsDatabase {
  current ??= new RegularsDatabase(chosenName);
  return current;
}
