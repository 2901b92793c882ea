// The customer repository: the only code that reads and writes the customers table. Reading is
// customerList.ts (the list's first screen loads it without the writers' pinyin and phone metadata);
// writing derives a record's index fields (search tokens, sort keys) here.
import Dexie from 'dexie';
import type { ConsentAnswer, ConsentSource } from '../../shared/domain/consent';
import type { Customer, CustomerFields, CustomerRecord } from '../../shared/domain/customer';
import { customerFieldsOf, deriveCustomerIndexFields, editedCustomerRecord, newCustomerRecord } from '../../shared/domain/customerRecord';
import type { RegularsDatabase } from './database';
import { writeConsentAnswers } from './consents';
import { changedFieldNames } from '../../shared/domain/auditChain';
import { recordAudit } from './audit';
import { indexForSearch } from './customerSearch';
import { createCustomerReads, CustomerNotFoundError, SORT_IN_MEMORY_MAX, statusRules, type ListTuning, type RepositoryDeps } from './customerList';
import { addCustomers, dropReportRows, joinRecords, putCustomerRecords, removeCustomers, writeTrashState, writeTransaction } from './derivation';
import { localDayOf } from '../../shared/domain/customerFigures';

export * from './customerList';

/** The writes of the customer repository (its reads: createCustomerReads). */
export function createCustomerWrites(db: RegularsDatabase, deps: RepositoryDeps) {
  async function requireRecord(id: string): Promise<CustomerRecord> {
    const found = await db.customers.get(id);
    if (!found) throw new CustomerNotFoundError(id);
    return found;
  }

  /** Customers, with their purchases, tier history and contacts, gone; one audit entry. Inside a write transaction. */
  async function deleteForGood(ids: string[]): Promise<void> {
    const purchases = await db.purchases.where('customerId').anyOf(ids).delete();
    await db.tierHistory.where('customerId').anyOf(ids).delete();
    const contacts = await db.interactions.where('customerId').anyOf(ids).delete();
    await removeCustomers(db, ids);
    await dropReportRows(db, ids, localDayOf);
    await recordAudit(db, deps, { kind: 'customer.deleteForGood', customerIds: ids, facts: { purchases, contacts } });
  }

  return {
    /** A new customer, with the marketing consent they gave when asked (the new-customer form), in one transaction. */
    async create(fields: CustomerFields, consent?: { answers: readonly ConsentAnswer[]; source: ConsentSource }): Promise<Customer> {
      return writeTransaction(db, ['customer'], [], async () => {
        const now = deps.now();
        const customer = newCustomerRecord(fields, deps.newId(), now, undefined, await statusRules(db));
        await addCustomers(db, [customer]);
        if (consent) await writeConsentAnswers(db, [{ customerId: customer.id, answers: consent.answers }], consent.source, now, deps.newId);
        await recordAudit(db, deps, { kind: 'customer.create', customerIds: [customer.id] });
        return customer;
      });
    },

    async update(id: string, fields: CustomerFields): Promise<Customer> {
      return writeTransaction(db, ['customer'], [], async () => {
        const existing = await requireRecord(id);
        const [record] = await putCustomerRecords(db, [editedCustomerRecord(existing, fields, deps.now())]);
        await indexForSearch(db, [record!]);
        await recordAudit(db, deps, { kind: 'customer.edit', customerIds: [id], facts: { fields: changedFieldNames(existing, record!).join(' ') } });
        return (await joinRecords(db, [record!]))[0]!;
      });
    },


    async moveToTrash(id: string): Promise<void> {
      await writeTransaction(db, ['customer'], [], async () => {
        const c = await requireRecord(id);
        if (c.isDeleted) return;
        const at = deps.now().toISOString();
        // No search tokens in the trash: search answers from the index alone, without reading records.
        await writeTrashState(db, [{ ...c, deletedAt: at, isDeleted: 1, updatedAt: at, searchTokens: [] }]);
        await recordAudit(db, deps, { kind: 'customer.trash', customerIds: [id] });
      });
    },

    async restoreFromTrash(id: string): Promise<void> {
      await writeTransaction(db, ['customer'], [], async () => {
        const c = await requireRecord(id);
        if (!c.isDeleted) return;
        const { searchTokens } = deriveCustomerIndexFields(customerFieldsOf(c));
        await writeTrashState(db, [{ ...c, deletedAt: null, isDeleted: 0, updatedAt: deps.now().toISOString(), searchTokens }]);
        await recordAudit(db, deps, { kind: 'customer.restore', customerIds: [id] });
      });
    },

    /** Only a customer already in the trash can be deleted for good; their purchases and contacts go with them. */
    async deleteForever(id: string): Promise<void> {
      await writeTransaction(db, ['customer', 'purchase'], ['interactions'], async () => {
        const c = await requireRecord(id);
        if (!c.isDeleted) throw new Error('Only customers in the trash can be deleted for good');
        await deleteForGood([id]);
      });
    },

    /** Deletes every customer in the trash for good, in one transaction; how many went. */
    async emptyTrash(): Promise<number> {
      return writeTransaction(db, ['customer', 'purchase'], ['interactions'], async () => {
        const ids = (await db.customers.where('[isDeleted+deletedAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]).primaryKeys()) as string[];
        if (ids.length > 0) await deleteForGood(ids);
        return ids.length;
      });
    },

    /** Bulk insert in one transaction (demo store, later imports). */
    async addMany(records: Customer[]): Promise<void> {
      await writeTransaction(db, ['customer'], [], async () => {
        await addCustomers(db, records);
        await recordAudit(db, deps, { kind: 'customer.create', customerIds: records.map((r) => r.id), facts: { customers: records.length } });
      });
    },
  };
}

export function createCustomerRepository(db: RegularsDatabase, deps: RepositoryDeps, tuning: ListTuning = { sortInMemoryMax: SORT_IN_MEMORY_MAX }) {
  return { ...createCustomerReads(db, tuning), ...createCustomerWrites(db, deps) };
}

export type CustomerRepository = ReturnType<typeof createCustomerRepository>;
