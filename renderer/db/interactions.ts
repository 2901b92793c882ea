// The contact log repository: the only code that reads and writes the interactions table.
import Dexie from 'dexie';
import type { Customer } from '../../shared/domain/customer';
import {
  assertInteractionFields,
  editedInteractionRecord,
  followUpMarked,
  newInteractionRecord,
  type Interaction,
  type InteractionFields,
} from '../../shared/domain/interaction';
import { CustomerNotFoundError, type RepositoryDeps } from './customerList';
import type { RegularsDatabase } from './database';
import { readCustomers, refreshContacts, writeTransaction } from './derivation';
import { recordAudit } from './audit';

export interface DueFollowUp {
  interaction: Interaction;
  customer: Customer;
}

export class InteractionNotFoundError extends Error {
  constructor(id: string) {
    super(`Interaction ${id} not found`);
    this.name = 'InteractionNotFoundError';
  }
}

export function createInteractionRepository(db: RegularsDatabase, deps: RepositoryDeps) {
  const customerRange = (customerId: string) =>
    db.interactions.where('[customerId+at]').between([customerId, Dexie.minKey], [customerId, Dexie.maxKey], true, true);

  async function requireInteraction(id: string): Promise<Interaction> {
    const found = await db.interactions.get(id);
    if (!found) throw new InteractionNotFoundError(id);
    return found;
  }

  return {
    async record(customerId: string, fields: InteractionFields, opts: { importId?: string | null } = {}): Promise<Interaction> {
      assertInteractionFields(fields);
      return writeTransaction(db, ['contact'], ['customers'], async () => {
        if (!(await db.customers.get(customerId))) throw new CustomerNotFoundError(customerId);
        const record = newInteractionRecord(fields, { id: deps.newId(), customerId, now: deps.now(), importId: opts.importId ?? null });
        await db.interactions.add(record);
        await refreshContacts(db, [customerId]);
        await recordAudit(db, deps, { kind: 'contact.record', customerIds: [customerId], refs: [record.id], facts: { channel: record.channel, at: record.at } });
        return record;
      });
    },

    /** Edits a contact; a changed follow-up date opens the follow-up again. */
    async edit(id: string, fields: InteractionFields): Promise<Interaction> {
      assertInteractionFields(fields);
      return writeTransaction(db, ['contact'], [], async () => {
        const record = editedInteractionRecord(await requireInteraction(id), fields, deps.now());
        await db.interactions.put(record);
        await refreshContacts(db, [record.customerId]);
        await recordAudit(db, deps, { kind: 'contact.edit', customerIds: [record.customerId], refs: [id], facts: { channel: record.channel, at: record.at } });
        return record;
      });
    },

    async remove(id: string): Promise<void> {
      await writeTransaction(db, ['contact'], [], async () => {
        const existing = await requireInteraction(id);
        await db.interactions.delete(id);
        await refreshContacts(db, [existing.customerId]);
        await recordAudit(db, deps, { kind: 'contact.remove', customerIds: [existing.customerId], refs: [id] });
      });
    },

    get(id: string): Promise<Interaction | undefined> {
      return db.interactions.get(id);
    },

    /** A customer's contacts, newest first. */
    async listForCustomer(customerId: string, limit?: number): Promise<Interaction[]> {
      let collection = customerRange(customerId).reverse();
      if (limit !== undefined) collection = collection.limit(limit);
      return collection.toArray();
    },

    async markFollowUpDone(id: string, done = true): Promise<Interaction> {
      return writeTransaction(db, ['contact'], [], async () => {
        const existing = await requireInteraction(id);
        if (existing.followUpDate === null) throw new Error('This contact has no follow-up');
        if (existing.followUpDone === done) return existing;
        const record = followUpMarked(existing, done, deps.now());
        await db.interactions.put(record);
        await recordAudit(db, deps, { kind: 'contact.followUp', customerIds: [existing.customerId], refs: [id], facts: { done } });
        return record;
      });
    },

    /**
     * Open follow-ups due on or before `today` (yyyy-MM-dd), oldest due first, with their customers;
     * customers in the trash are left out. Reads the index of open follow-ups up to today.
     */
    async dueFollowUps(today: string): Promise<DueFollowUp[]> {
      return db.transaction('r', [db.interactions, db.customers, db.customerState, db.pointsState], async () => {
        const rows = await db.interactions.where('followUpOpen').belowOrEqual(today).toArray();
        const customers = await readCustomers(db, [...new Set(rows.map((i) => i.customerId))]);
        const byId = new Map(customers.filter((c): c is Customer => !!c && c.isDeleted === 0).map((c) => [c.id, c]));
        return rows
          .filter((i) => byId.has(i.customerId))
          .sort((a, b) => (a.followUpDate! < b.followUpDate! ? -1 : a.followUpDate! > b.followUpDate! ? 1 : a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
          .map((interaction) => ({ interaction, customer: byId.get(interaction.customerId)! }));
      });
    },

    /** Moves every contact of one customer to another (a merge). */
    async moveAll(fromCustomerId: string, toCustomerId: string): Promise<number> {
      return writeTransaction(db, ['contact'], ['customers'], async () => {
        if (!(await db.customers.get(toCustomerId))) throw new CustomerNotFoundError(toCustomerId);
        const rows = await customerRange(fromCustomerId).toArray();
        const now = deps.now().toISOString();
        await db.interactions.bulkPut(rows.map((i) => ({ ...i, customerId: toCustomerId, updatedAt: now })));
        await refreshContacts(db, [fromCustomerId, toCustomerId]);
        await recordAudit(db, deps, { kind: 'contact.move', customerIds: [fromCustomerId, toCustomerId], refs: rows.map((i) => i.id), facts: { contacts: rows.length } });
        return rows.length;
      });
    },

    /** Deletes a customer's contacts for good (deleting the customer from the trash). */
    async removeAllForCustomer(customerId: string): Promise<number> {
      return writeTransaction(db, ['contact'], [], async () => {
        const removed = await customerRange(customerId).delete();
        await refreshContacts(db, [customerId]);
        await recordAudit(db, deps, { kind: 'contact.removeAll', customerIds: [customerId], facts: { contacts: removed } });
        return removed;
      });
    },
  };
}

export type InteractionRepository = ReturnType<typeof createInteractionRepository>;
