// Erasing a customer (the owner, on the customer's request): every table that holds them, in one write transaction
// with an audit entry of ids and counts; the erasure register; and the register applied again to a restored store.
import Dexie from 'dexie';
import type { CustomerRecord } from '../../shared/domain/customer';
import { localDayOf } from '../../shared/domain/customerFigures';
import {
  ANONYMOUS_CUSTOMER_ID,
  anonymisedPurchases,
  batchWithout,
  erasedSnapshot,
  personIds,
  type ErasureEntry,
  type ErasurePurchaseChoice,
} from '../../shared/domain/erasure';
import type { Purchase } from '../../shared/domain/purchase';
import type { AuditEntry } from '../../shared/domain/auditChain';
import { recordAudit, type AuditDeps } from './audit';
import { CustomerNotFoundError } from './customerList';
import type { ImportBatch, RegularsDatabase } from './database';
import { deriveReportRowsOf, ledgerRange, notePointsEntries, putCustomerRecords, removeCustomers, writeTransaction, type WriteKind } from './derivation';
import type { PointsEntry } from '../../shared/domain/pointsLedger';

export type { ErasureEntry, ErasurePurchaseChoice };

/** Every kind of write an erasure makes: it touches each table that can hold a customer. */
export const ERASURE_WRITE_KINDS: readonly WriteKind[] = ['customer', 'purchase', 'points', 'contact', 'consent', 'import', 'erasure'];

/** What one erasure removed or changed (the audit entry's facts). */
export interface ErasureCounts {
  /** Customer records removed (the customer and any older copy of them merged in, when present). */
  customers: number;
  purchasesDeleted: number;
  purchasesAnonymised: number;
  contacts: number;
  consentAnswers: number;
  tierChanges: number;
  /** Points entries deleted, or kept anonymised with the purchases (as the purchases go). */
  pointsEntries: number;
  /** Other customers' points entries that named them (a referral), now naming nobody. */
  pointsReferrals: number;
  /** Other customers who named them as their referrer, now without one. */
  referrals: number;
  importBatches: number;
  auditSnapshots: number;
  /** Their survey answers and complaints (version 15 on). */
  surveyAnswers: number;
  complaints: number;
}

const NOTHING: ErasureCounts = {
  customers: 0,
  purchasesDeleted: 0,
  purchasesAnonymised: 0,
  contacts: 0,
  consentAnswers: 0,
  tierChanges: 0,
  pointsEntries: 0,
  pointsReferrals: 0,
  referrals: 0,
  importBatches: 0,
  auditSnapshots: 0,
  surveyAnswers: 0,
  complaints: 0,
};

const SCAN_CHUNK = 2_000;
const MERGE_KIND = 'customers.merge';

function range(id: string): [[string, unknown], [string, unknown]] {
  return [
    [id, Dexie.minKey],
    [id, Dexie.maxKey],
  ];
}

function total(counts: ErasureCounts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/**
 * Removes every trace of the people `ids` from the store, inside a transaction that holds ERASURE_WRITE_KINDS'
 * scopes. Each id's purchases follow `choiceOf(id)`; kept ones get new ids (anonymisedPurchases), and every record
 * that held an old one is given the new one. Writes no audit entry (the caller does).
 */
async function eraseTraces(
  db: RegularsDatabase,
  ids: readonly string[],
  choiceOf: (id: string) => ErasurePurchaseChoice,
  at: string,
  newId: () => string,
): Promise<ErasureCounts> {
  const counts: ErasureCounts = { ...NOTHING };
  const people = new Set(ids);
  // Ids of the records removed with them (purchases, contacts, consent answers), to leave the import batches.
  const removed = new Set<string>();
  const partners = new Set<string>();
  const kept: Purchase[] = [];

  for (const id of ids) {
    const [lower, upper] = range(id);
    const purchases: Purchase[] = await db.purchases.where('[customerId+purchasedAt]').between(lower, upper, true, true).toArray();
    if (choiceOf(id) === 'anonymise') {
      kept.push(...purchases);
    } else if (purchases.length) {
      await db.purchases.bulkDelete(purchases.map((p) => p.id));
      for (const p of purchases) removed.add(p.id);
      counts.purchasesDeleted += purchases.length;
    }
    const contacts = (await db.interactions.where('[customerId+at]').between(lower, upper, true, true).primaryKeys()) as string[];
    if (contacts.length) await db.interactions.bulkDelete(contacts);
    for (const c of contacts) removed.add(c);
    counts.contacts += contacts.length;
    const answers = (await db.consentEvents.where('[customerId+at]').between(lower, upper, true, true).primaryKeys()) as string[];
    for (const a of answers) removed.add(a);
    counts.consentAnswers += answers.length;
    counts.tierChanges += await db.tierHistory.where('[customerId+at]').between(lower, upper, true, true).delete();
    // Survey answers and complaints go with removeCustomers below; counted here.
    counts.surveyAnswers += await db.surveyAnswers.where('[customerId+answeredAt]').between(lower, upper, true, true).count();
    counts.complaints += await db.complaints.where('customerId').equals(id).count();
    // Points entries hold ids only (and an owner's reason): kept with the purchases, under the anonymous id,
    // no reason, no referral partner (nor the partner's purchase that caused it); or deleted with them.
    const entries: PointsEntry[] = await ledgerRange(db, id).toArray();
    for (const e of entries) if (e.referralCustomerId !== null && !people.has(e.referralCustomerId)) partners.add(e.referralCustomerId);
    if (entries.length) {
      // The key holds the customer id: the entries are written again under the anonymous one.
      await ledgerRange(db, id).delete();
      // Kept under the anonymous id they still count in the store's months; deleted they leave them.
      if (choiceOf(id) !== 'anonymise') await notePointsEntries(db, [], entries);
      if (choiceOf(id) === 'anonymise') await db.pointsEntries.bulkAdd(entries.map((e) => ({ ...e, customerId: ANONYMOUS_CUSTOMER_ID, referralCustomerId: null, note: '', purchaseId: e.kind === 'referral' ? null : e.purchaseId })));
      counts.pointsEntries += entries.length;
    }
  }
  // A referral partner's entry names them: it names nobody now (the partner's points stay). Their own entries name each partner.
  for (const partner of partners) {
    const named = (await ledgerRange(db, partner).toArray()).filter((e: PointsEntry) => e.referralCustomerId !== null && people.has(e.referralCustomerId));
    if (named.length) await db.pointsEntries.bulkPut(named.map((e) => ({ ...e, referralCustomerId: null })));
    counts.pointsReferrals += named.length;
  }

  // Kept purchases: written under their new ids, the old records gone; a return of one deleted above has no original.
  const anonymised = anonymisedPurchases(kept, at, newId);
  const renamed = anonymised.ids;
  if (kept.length) {
    await db.purchases.bulkDelete(kept.map((p) => p.id));
    await db.purchases.bulkAdd(anonymised.purchases.map((p) => (p.returnOf !== null && removed.has(p.returnOf) ? { ...p, returnOf: null } : p)));
    counts.purchasesAnonymised = kept.length;
  }
  // Anyone else's return of one of theirs (an import can tie one so) points at the new id, or at none.
  const gone = [...removed, ...renamed.keys()];
  const returns: Purchase[] = gone.length ? await db.purchases.where('returnOf').anyOf(gone).toArray() : [];
  if (returns.length) await db.purchases.bulkPut(returns.map((p) => ({ ...p, returnOf: renamed.get(p.returnOf!) ?? null, updatedAt: at })));
  // Points entries on their purchases: their own (kept anonymised above) follow the purchase to its new id; a
  // referral partner's names no purchase of theirs (under the new id it would tie the kept purchase to the partner).
  const onTheirPurchases: PointsEntry[] = gone.length ? await db.pointsEntries.where('purchaseId').anyOf(gone).toArray() : [];
  if (onTheirPurchases.length) {
    await db.pointsEntries.bulkPut(
      onTheirPurchases.map((e) => ({ ...e, purchaseId: e.customerId === ANONYMOUS_CUSTOMER_ID ? (renamed.get(e.purchaseId!) ?? null) : null })),
    );
  }

  const present = (await db.customers.bulkGet([...ids])).filter((c): c is CustomerRecord => c !== undefined);
  counts.customers = present.length;
  // Record, state and search rows, consent answers and current consent; the state and search rows of an id without a record too.
  await removeCustomers(db, ids);
  // Their report entries go; kept purchases count in the anonymous id's (store totals), and a return tied to one of theirs is its own customer's.
  await deriveReportRowsOf(db, [...ids, ...(kept.length ? [ANONYMOUS_CUSTOMER_ID] : []), ...returns.map((p) => p.customerId)], localDayOf);

  // Customers they referred keep no pointer to them (referredBy has no index: whole records, a chunk at a time).
  let after: string | null = null;
  for (;;) {
    const rows: CustomerRecord[] = await (after === null ? db.customers.orderBy(':id') : db.customers.where(':id').above(after)).limit(SCAN_CHUNK).toArray();
    if (rows.length === 0) break;
    const referred = rows.filter((c) => c.referredBy !== null && people.has(c.referredBy)).map((c) => ({ ...c, referredBy: null, updatedAt: at }));
    if (referred.length) await putCustomerRecords(db, referred);
    counts.referrals += referred.length;
    after = rows[rows.length - 1]!.id;
  }

  // Import batches: the records kept for undo and the ids of what went. (Few batches: read whole.)
  const batches: ImportBatch[] = await db.imports.toArray();
  const changedBatches = batches.flatMap((b) => batchWithout(b, people, removed, renamed) ?? []);
  if (changedBatches.length) await db.imports.bulkPut(changedBatches);
  counts.importBatches = changedBatches.length;

  // The audit trail keeps its entries (ids and facts, in the hash); a snapshot of them (a merge's records) is
  // outside the hash and goes, so the chain still checks.
  const entries: AuditEntry[] = await db.auditLog.where('customerIds').anyOf([...ids]).distinct().toArray();
  const blanked = entries.filter((e) => e.snapshot !== undefined && !isErasedSnapshot(e.snapshot)).map((e) => ({ ...e, snapshot: erasedSnapshot(at) }));
  if (blanked.length) await db.auditLog.bulkPut(blanked);
  counts.auditSnapshots = blanked.length;

  return counts;
}

/**
 * The person's ids and the customer numbers their records were imported under (`externalKey`: an id in the store
 * an own export came from, or another system's number). A file naming them by that number is them too: the
 * register holds it, so an import leaves those rows out.
 */
async function withTheirNumbers(db: RegularsDatabase, ids: string[]): Promise<string[]> {
  const numbers = (await db.customers.bulkGet(ids)).flatMap((c) => (c?.externalKey ? [c.externalKey] : []));
  return [...new Set([...ids, ...numbers])];
}

function isErasedSnapshot(snapshot: unknown): boolean {
  return typeof snapshot === 'object' && snapshot !== null && Object.keys(snapshot).length === 1 && 'erasedAt' in snapshot;
}

/** The merges naming a customer (survivor or merged away), from the audit trail's customer index. */
function mergesOf(db: RegularsDatabase) {
  return async (id: string) => (await db.auditLog.where('customerIds').equals(id).toArray()).filter((e) => e.kind === MERGE_KIND);
}

/** What an erasure would take, as the owner's confirmation says it. */
export interface ErasurePreview {
  /** Purchase records (returns and voided ones included). */
  purchases: number;
  /** Their total in the store's sales (voided ones left out), in fen. */
  salesFen: number;
  contacts: number;
  consentAnswers: number;
  /** Older records merged into this customer, erased with them. */
  mergedRecords: number;
}

export interface ErasureResult {
  /** Every id erased: the customer, the records merged into them and the customer numbers they were imported under. */
  ids: string[];
  /** The register's new entries (one per id), for main's copy. */
  entries: ErasureEntry[];
  counts: ErasureCounts;
  auditId: string;
}

export function createErasure(db: RegularsDatabase, deps: AuditDeps) {
  return {
    /**
     * Erases a customer (active or in the trash) and every record merged into them: one write transaction, the
     * register entries and an audit entry 'customer.erase' of ids and counts.
     */
    async erase(customerId: string, purchases: ErasurePurchaseChoice): Promise<ErasureResult> {
      return writeTransaction(db, ERASURE_WRITE_KINDS, [], async () => {
        if (!(await db.customers.get(customerId))) throw new CustomerNotFoundError(customerId);
        const at = deps.now().toISOString();
        const ids = await withTheirNumbers(db, await personIds(customerId, mergesOf(db)));
        const counts = await eraseTraces(db, ids, () => purchases, at, deps.newId);
        const entries = ids.map((id): ErasureEntry => ({ id, erasedAt: at, purchases }));
        await db.erasures.bulkPut(entries);
        const entry = await recordAudit(db, deps, { kind: 'customer.erase', customerIds: ids, facts: { ...counts, purchasesChoice: purchases } });
        return { ids, entries, counts, auditId: entry.id };
      });
    },

    /** What erasing a customer would remove, for the owner's confirmation: counts and the sales their purchases make. */
    async preview(customerId: string): Promise<ErasurePreview> {
      return db.transaction('r', [db.auditLog, db.purchases, db.interactions, db.consentEvents], async () => {
        const ids = await personIds(customerId, mergesOf(db));
        const out: ErasurePreview = { purchases: 0, salesFen: 0, contacts: 0, consentAnswers: 0, mergedRecords: ids.length - 1 };
        for (const id of ids) {
          const [lower, upper] = range(id);
          const purchases: Purchase[] = await db.purchases.where('[customerId+purchasedAt]').between(lower, upper, true, true).toArray();
          out.purchases += purchases.length;
          for (const p of purchases) if (!p.isVoided) out.salesFen += p.totalFen;
          out.contacts += await db.interactions.where('[customerId+at]').between(lower, upper, true, true).count();
          out.consentAnswers += await db.consentEvents.where('[customerId+at]').between(lower, upper, true, true).count();
        }
        return out;
      });
    },

    /** Every entry of the register, oldest first. */
    register: () => readErasureRegister(db),

    async isErased(id: string): Promise<boolean> {
      return (await db.erasures.get(id)) !== undefined;
    },

    /**
     * A restored store: the register it came with and `carried` (today's store's, which may know of later
     * erasures) are joined, and everyone in it erased again, each as first chosen. Records an audit entry
     * 'customer.erase' (facts: reapplied) only when something of them was found. Returns the ids found.
     */
    async reapply(carried: readonly ErasureEntry[] = []): Promise<string[]> {
      return writeTransaction(db, ERASURE_WRITE_KINDS, [], async () => {
        const own = await db.erasures.toArray();
        const known = new Set(own.map((e) => e.id));
        const added = carried.filter((e) => !known.has(e.id));
        if (added.length) await db.erasures.bulkPut(added);
        const register = [...own, ...added];
        if (register.length === 0) return [];
        const choice = new Map(register.map((e) => [e.id, e.purchases]));
        const ids = [...choice.keys()];
        const found = await tracesOf(db, ids);
        if (found.length === 0) return [];
        // The numbers the records found were imported under join the register, as at the erasure (main's copy may lack them).
        const entryOf = new Map(register.map((e) => [e.id, e]));
        const numbers = (await db.customers.bulkGet(found)).flatMap((c): ErasureEntry[] =>
          c?.externalKey && !entryOf.has(c.externalKey) ? [{ ...entryOf.get(c.id)!, id: c.externalKey }] : [],
        );
        if (numbers.length) await db.erasures.bulkPut(numbers);
        const at = deps.now().toISOString();
        const counts = await eraseTraces(db, found, (id) => choice.get(id) ?? 'delete', at, deps.newId);
        if (total(counts) > 0) await recordAudit(db, deps, { kind: 'customer.erase', customerIds: found, facts: { ...counts, reapplied: true } });
        return found;
      });
    },
  };
}

/** The ids among `ids` that something in the store still holds: a record, a state or search row, purchases, contacts, answers, history, survey answers, complaints, a place in a campaign, a batch or a snapshot. */
async function tracesOf(db: RegularsDatabase, ids: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const [records, states, search, consent, surveys] = await Dexie.Promise.all([
    db.customers.bulkGet([...ids]),
    db.customerState.bulkGet([...ids]),
    db.customerSearch.bulkGet([...ids]),
    db.consentState.bulkGet([...ids]),
    db.surveyState.bulkGet([...ids]),
  ]);
  const batches: ImportBatch[] = await db.imports.toArray();
  const inBatches = new Set(batches.flatMap((b) => [...b.createdCustomerIds, ...b.updatedCustomers.map((u) => u.id)]));
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const [lower, upper] = range(id);
    const held =
      records[i] !== undefined ||
      states[i] !== undefined ||
      search[i] !== undefined ||
      consent[i] !== undefined ||
      surveys[i] !== undefined ||
      inBatches.has(id) ||
      (await db.purchases.where('[customerId+purchasedAt]').between(lower, upper, true, true).count()) > 0 ||
      (await db.interactions.where('[customerId+at]').between(lower, upper, true, true).count()) > 0 ||
      (await db.consentEvents.where('[customerId+at]').between(lower, upper, true, true).count()) > 0 ||
      (await db.tierHistory.where('[customerId+at]').between(lower, upper, true, true).count()) > 0 ||
      (await db.surveyAnswers.where('[customerId+answeredAt]').between(lower, upper, true, true).count()) > 0 ||
      (await db.complaints.where('customerId').equals(id).count()) > 0 ||
      (await db.campaignMembers.where('customerId').equals(id).count()) > 0 ||
      (await ledgerRange(db, id).count()) > 0 ||
      (await db.auditLog.where('customerIds').equals(id).filter((e: AuditEntry) => e.snapshot !== undefined && !isErasedSnapshot(e.snapshot)).count()) > 0;
    if (held) out.push(id);
  }
  return out;
}

/** Every entry of the erasure register, oldest first. */
export async function readErasureRegister(db: RegularsDatabase): Promise<ErasureEntry[]> {
  const rows = await db.erasures.toArray();
  return rows.sort((a, b) => (a.erasedAt < b.erasedAt ? -1 : a.erasedAt > b.erasedAt ? 1 : a.id < b.id ? -1 : 1));
}

export type Erasure = ReturnType<typeof createErasure>;
