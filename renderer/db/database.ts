// The one Dexie class. It holds the whole version history: a shipped version is never edited;
// each change is a new version with an upgrade function and a test that opens the previous one.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Customer } from '../../shared/domain/customer';
import type { Interaction } from '../../shared/domain/interaction';
import type { CatalogEntry, Purchase } from '../../shared/domain/purchase';

export interface SettingRow {
  key: string;
  value: unknown;
}

/** One line of the audit log (merges, imports, undo). `kind` is a dotted code such as 'customers.merge'. */
export interface AuditEntry {
  id: string;
  /** ISO 8601 UTC. */
  at: string;
  kind: string;
  summary: string;
  details: unknown;
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
  undoneAt: string | null;
}

export const DATABASE_NAME = 'regulars';

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

export class RegularsDatabase extends Dexie {
  customers!: EntityTable<Customer, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  purchases!: EntityTable<Purchase, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;
  catalog!: EntityTable<CatalogEntry, 'key'>;
  auditLog!: EntityTable<AuditEntry, 'id'>;
  imports!: EntityTable<ImportBatch, 'id'>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) => upgradeToV2(tx.table('customers')));
  }
}

let current: RegularsDatabase | null = null;

/** The app's database; tests open their own with a unique name. */
export function database(): RegularsDatabase {
  current ??= new RegularsDatabase();
  return current;
}
