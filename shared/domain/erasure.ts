// Erasing a customer on request: the register's entries, what an erased customer's kept purchases become, and
// what is left of the records that named them (import batches, merge snapshots).
import type { Purchase } from './purchase';

/** What the owner chose for the erased customer's purchases. */
export const ERASURE_PURCHASE_CHOICES = ['delete', 'anonymise'] as const;
export type ErasurePurchaseChoice = (typeof ERASURE_PURCHASE_CHOICES)[number];

/**
 * One entry of the erasure register: an erased customer's id, when, and what became of their purchases. Ids and
 * dates only, so the register can travel with the store (backups) and erase the person again wherever an older
 * copy of the store brings them back.
 */
export interface ErasureEntry {
  /** The erased customer's id, the id of a record merged into them, or a customer number they were imported under. */
  id: string;
  /** ISO 8601 UTC. */
  erasedAt: string;
  purchases: ErasurePurchaseChoice;
}

/**
 * Registers joined: every id any of them names, once, with its earliest erasure (and the choice made then), oldest
 * first. Entries are only ever added: whatever copy of the register is behind, the union loses nothing.
 */
export function unionOfRegisters(...registers: readonly (readonly ErasureEntry[])[]): ErasureEntry[] {
  const byId = new Map<string, ErasureEntry>();
  for (const register of registers) {
    for (const entry of register) {
      const known = byId.get(entry.id);
      if (!known || entry.erasedAt < known.erasedAt) byId.set(entry.id, { id: entry.id, erasedAt: entry.erasedAt, purchases: entry.purchases });
    }
  }
  return [...byId.values()].sort((a, b) => (a.erasedAt < b.erasedAt ? -1 : a.erasedAt > b.erasedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The entries of `register` that `known` lacks, or holds with a later date (the union would change it). */
export function entriesMissingFrom(register: readonly ErasureEntry[], known: readonly ErasureEntry[]): ErasureEntry[] {
  const dates = new Map(known.map((e) => [e.id, e.erasedAt]));
  return unionOfRegisters(register).filter((e) => {
    const at = dates.get(e.id);
    return at === undefined || e.erasedAt < at;
  });
}

/**
 * The customer an anonymised purchase belongs to: no one. A fixed id (the nil UUID) rather than one per erased
 * person, so nothing in the kept purchases themselves says which of them were one person's; no customer record has it.
 */
export const ANONYMOUS_CUSTOMER_ID = '00000000-0000-0000-0000-000000000000';

/** Kept purchases and, for every other record that holds a purchase id, the new id of each old one. */
export interface AnonymisedPurchases<P> {
  purchases: P[];
  /** Old id → new id. */
  ids: Map<string, string>;
}

/**
 * Purchases kept for the store's sales figures after their customer was erased: amounts, lines, dates, returns,
 * voids and the invoice number stay (they are the store's accounts); the customer and every free text go, and
 * each gets a new id. The old ids stay where they cannot be taken out (the audit trail's entries, which name
 * them with the customer; backups made before): under its old id a kept purchase would lead from those back to
 * the person. A return among them points at its original's new id; one whose original is not among them keeps
 * its link for the caller to settle (`ids` says what became of every old id).
 */
export function anonymisedPurchases<P extends Purchase>(purchases: readonly P[], at: string, newId: () => string): AnonymisedPurchases<P> {
  const ids = new Map(purchases.map((p) => [p.id, newId()] as const));
  return {
    purchases: purchases.map((p) => ({
      ...p,
      id: ids.get(p.id)!,
      customerId: ANONYMOUS_CUSTOMER_ID,
      returnOf: p.returnOf === null ? null : (ids.get(p.returnOf) ?? p.returnOf),
      note: '',
      paymentNote: '',
      voidReason: '',
      updatedAt: at,
    })),
    ids,
  };
}

/** A merge as the audit trail holds it: the survivor first, then the customers merged into it. */
export interface MergeLink {
  customerIds: readonly string[];
}

/**
 * Every id that is the same person as `customerId`: it and, merge by merge, every record merged into it (a record
 * merged away lives on in older backups as a customer of its own). `mergesOf(id)` answers the merges naming `id`.
 */
export async function personIds(customerId: string, mergesOf: (id: string) => Promise<readonly MergeLink[]>): Promise<string[]> {
  const found = new Set([customerId]);
  const queue = [customerId];
  while (queue.length) {
    const id = queue.shift()!;
    for (const merge of await mergesOf(id)) {
      for (const other of merge.customerIds) {
        if (!found.has(other)) {
          found.add(other);
          queue.push(other);
        }
      }
    }
  }
  return [...found];
}

/** The parts of an import batch that can name a customer. */
export interface ErasableBatch {
  createdCustomerIds: string[];
  updatedCustomers: { id: string; before: unknown }[];
  purchaseIds: string[];
  interactionIds: string[];
  consentEventIds?: string[];
}

/**
 * An import batch without the erased: their ids, the records it kept of them as they were (for undo), and the ids
 * of their purchases, contacts and consent answers that the erasure removed; a purchase kept anonymised is listed
 * under its new id (`renamed`), so undoing the import still takes it away. The file's name and counts stay.
 * null when the batch named none of it.
 */
export function batchWithout<B extends ErasableBatch>(
  batch: B,
  customerIds: ReadonlySet<string>,
  removed: ReadonlySet<string>,
  renamed: ReadonlyMap<string, string> = new Map(),
): B | null {
  const createdCustomerIds = batch.createdCustomerIds.filter((id) => !customerIds.has(id));
  const updatedCustomers = batch.updatedCustomers.filter((u) => !customerIds.has(u.id));
  const purchaseIds = batch.purchaseIds.filter((id) => !removed.has(id)).map((id) => renamed.get(id) ?? id);
  const interactionIds = batch.interactionIds.filter((id) => !removed.has(id));
  const consentEventIds = batch.consentEventIds?.filter((id) => !removed.has(id));
  const same =
    createdCustomerIds.length === batch.createdCustomerIds.length &&
    updatedCustomers.length === batch.updatedCustomers.length &&
    purchaseIds.length === batch.purchaseIds.length &&
    !batch.purchaseIds.some((id) => renamed.has(id)) &&
    interactionIds.length === batch.interactionIds.length &&
    (consentEventIds?.length ?? 0) === (batch.consentEventIds?.length ?? 0);
  if (same) return null;
  return { ...batch, createdCustomerIds, updatedCustomers, purchaseIds, interactionIds, ...(consentEventIds === undefined ? {} : { consentEventIds }) };
}

/** What an audit entry's snapshot becomes once the person it held is erased: the date, nothing of them. */
export function erasedSnapshot(at: string): { erasedAt: string } {
  return { erasedAt: at };
}
