// Reading for the exports: explicit owner actions that may read everything, but always in bulk
// (one getAll per chunk of 2,000 records through the primary key), with progress.
import { primaryKeyOf } from './primaryKey';
import Dexie, { type Table } from 'dexie';
import type { ConsentEvent, CurrentConsent } from '../../shared/domain/consent';
import type { Customer, CustomerRecord } from '../../shared/domain/customer';
import type { Interaction } from '../../shared/domain/interaction';
import type { PointsEntry } from '../../shared/domain/pointsLedger';
import type { Purchase } from '../../shared/domain/purchase';
import type { AuditEntry } from '../../shared/domain/auditChain';
import type { TierHistoryEntry } from '../../shared/domain/customerStatus';
import type { RegularsDatabase } from './database';
import { answersRange, ledgerRange, readCustomer, readCustomers } from './derivation';
import type { SurveyAnswer } from '../../shared/domain/surveyRecords';
import type { Complaint } from '../../shared/domain/complaintRecords';

/** Everything the store holds about one customer (exportData's customerData). */
export interface CustomerData {
  customer: Customer;
  purchases: Purchase[];
  interactions: Interaction[];
  consentHistory: ConsentEvent[];
  tierHistory: TierHistoryEntry[];
  auditTrail: AuditEntry[];
  pointsEntries: PointsEntry[];
  surveyAnswers: SurveyAnswer[];
  complaints: Complaint[];
}

export interface ExportProgress {
  done: number;
  total: number;
}

export type OnExportProgress = (p: ExportProgress) => void;

/** A customer as the customers export reads them: joined, with each channel's current consent. */
export type ExportedCustomer = Customer & { consent: CurrentConsent };

/** Records per read. */
export const EXPORT_CHUNK = 2_000;

type Keyed = { id: string };

/** Every row of a table in id order, chunk by chunk. */
async function readAll<T extends Keyed, K>(table: Table<T, K, unknown>, onProgress?: OnExportProgress): Promise<T[]> {
  const total = await table.count();
  const out: T[] = [];
  let after: unknown = null;
  onProgress?.({ done: 0, total });
  for (;;) {
    const rows: T[] = await (after === null ? table.orderBy(':id') : table.where(':id').above(after)).limit(EXPORT_CHUNK).toArray();
    if (rows.length === 0) break;
    for (const r of rows) out.push(r);
    after = primaryKeyOf(table, rows[rows.length - 1]!);
    onProgress?.({ done: out.length, total: Math.max(total, out.length) });
  }
  return out;
}

const byKey =
  <T,>(key: (x: T) => string) =>
  (a: T, b: T) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };

export function createExportReader(db: RegularsDatabase) {
  return {
    /** The active customers, by name (the pinyin sort key), every one, with their current consent. */
    async allActiveCustomers(onProgress?: OnExportProgress): Promise<ExportedCustomer[]> {
      const ids = (await db.customers.where('[isDeleted+nameSort]').between([0, Dexie.minKey], [0, Dexie.maxKey]).primaryKeys()) as string[];
      return this.customersByIds(ids, onProgress);
    },

    /** These customers in this order (the list's ids), read in chunks, each with their current consent; missing ones left out. */
    async customersByIds(ids: readonly string[], onProgress?: OnExportProgress): Promise<ExportedCustomer[]> {
      const out: ExportedCustomer[] = [];
      onProgress?.({ done: 0, total: ids.length });
      for (let i = 0; i < ids.length; i += EXPORT_CHUNK) {
        const part = ids.slice(i, i + EXPORT_CHUNK);
        const [rows, consent] = await Promise.all([readCustomers(db, part), db.consentState.bulkGet(part)]);
        rows.forEach((c, j) => {
          if (c) out.push({ ...c, consent: consent[j]?.channels ?? {} });
        });
        onProgress?.({ done: Math.min(i + EXPORT_CHUNK, ids.length), total: ids.length });
      }
      return out;
    },

    /** Every customer's name (the trash too: their purchases are still in the store), for the name columns. */
    async customerNames(): Promise<Map<string, string>> {
      const names = new Map<string, string>();
      let after: string | null = null;
      for (;;) {
        const rows: CustomerRecord[] = await (after === null ? db.customers.orderBy(':id') : db.customers.where(':id').above(after)).limit(EXPORT_CHUNK).toArray();
        if (rows.length === 0) break;
        for (const c of rows) names.set(c.id, c.name);
        after = rows[rows.length - 1]!.id;
      }
      return names;
    },

    /** Every purchase and return (voided ones too, marked in the export), oldest first. */
    async allPurchases(onProgress?: OnExportProgress): Promise<Purchase[]> {
      const rows = await readAll(db.purchases, onProgress);
      return rows.sort(byKey((p: Purchase) => p.purchasedAt));
    },

    /** Every points entry of every customer (the anonymised ones of erased customers too), oldest first. */
    async allPointsEntries(onProgress?: OnExportProgress): Promise<PointsEntry[]> {
      const rows = await readAll(db.pointsEntries, onProgress);
      return rows.sort((a, b) => byKey((e: PointsEntry) => e.createdAt)(a, b) || byKey((e: PointsEntry) => e.id)(a, b));
    },

    /** Every reward's name (withdrawn ones too), for the ledger's reward column. */
    async rewardNames(): Promise<Map<string, string>> {
      return new Map((await db.rewards.toArray()).map((r) => [r.id, r.name]));
    },

    /** Every contact, oldest first. */
    async allInteractions(onProgress?: OnExportProgress): Promise<Interaction[]> {
      const rows = await readAll(db.interactions, onProgress);
      return rows.sort(byKey((i: Interaction) => i.at));
    },

    /**
     * One customer with everything the store holds about them (a data subject's request): the record and its figures,
     * every purchase, contact and consent answer, the tier history and the audit trail's entries naming them.
     * undefined if no such customer.
     */
    async customerData(customerId: string): Promise<CustomerData | undefined> {
      const tables = [db.customers, db.customerState, db.pointsState, db.purchases, db.interactions, db.consentEvents, db.tierHistory, db.auditLog, db.pointsEntries, db.surveyAnswers, db.complaints];
      return db.transaction('r', tables, async () => {
        const customer = await readCustomer(db, customerId);
        if (!customer) return undefined;
        const range = [
          [customerId, Dexie.minKey],
          [customerId, Dexie.maxKey],
        ] as const;
        const [purchases, interactions, consentHistory, tierHistory, auditTrail, pointsEntries, surveyAnswers, complaints] = await Promise.all([
          db.purchases.where('customerId').equals(customerId).toArray(),
          db.interactions.where('customerId').equals(customerId).toArray(),
          db.consentEvents.where('[customerId+at]').between(...range).toArray(),
          db.tierHistory.where('[customerId+at]').between(...range).toArray(),
          db.auditLog.where('customerIds').equals(customerId).toArray(),
          ledgerRange(db, customerId).toArray(),
          answersRange(db, customerId).toArray(),
          db.complaints.where('customerId').equals(customerId).toArray(),
        ]);
        return { customer, purchases, interactions, consentHistory, tierHistory, auditTrail, pointsEntries, surveyAnswers, complaints };
      });
    },
  };
}

export type ExportReader = ReturnType<typeof createExportReader>;
