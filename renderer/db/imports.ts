// The import repository: writes a planned import of customers or purchases as ONE transaction
// (every planned row or none), records it as an ImportBatch, and undoes a batch as one step.
//
// Planning reads the store (same phone, then e-mail; customer numbers; invoice numbers already
// imported) and is done again inside the write transaction, so what is written matches the store as
// it is at that moment, not as it was when the preview was shown. Records are written with bulkAdd /
// bulkPut in chunks (IndexedDB costs per request, see DESIGN.md); the caller's AbortSignal is checked
// between chunks, and an abort throws inside the transaction, which rolls everything back.
import { pointsEntryKey } from '../../shared/domain/pointsLedger';
import Dexie, { type Table } from 'dexie';
import type { CurrentConsent } from '../../shared/domain/consent';
import { emptyCustomerFields, type Customer, type CustomerRecord } from '../../shared/domain/customer';
import { customerFieldsOf, derivedCustomerRecord, editedCustomerRecord, newCustomerRecord } from '../../shared/domain/customerRecord';
import { groupPurchasesByCustomer, localDayOf, type DayOf } from '../../shared/domain/customerFigures';
import type { TierHistoryEntry } from '../../shared/domain/customerStatus';
import {
  importNameKey,
  ownPurchaseExtras,
  planImport,
  resolvePurchaseCustomers,
  type ExternalCustomerKey,
  type ImportCandidate,
  type ImportLookup,
  type ImportPlan,
  type ImportPolicy,
  type PurchaseCustomerProblem,
  type PurchaseFormat,
  type PurchaseImportDraft,
  type PurchaseImportResult,
} from '../../shared/domain/import';
import { newPurchaseRecord, voidedPurchaseRecord, type Purchase } from '../../shared/domain/purchase';
import { buildSearchTokens } from '../../shared/domain/searchTokens';
import { createCatalogRepository, noteInCatalog } from './catalog';
import { rederiveConsent, writeConsentAnswers, type ConsentAnswers } from './consents';
import { statusRules, type RepositoryDeps } from './customers';
import type { AuditFacts } from '../../shared/domain/auditChain';
import type { ImportBatch, RegularsDatabase } from './database';
import { recordAudit } from './audit';
import { idsWithAnyToken, indexForSearch } from './customerSearch';
import { addCustomers, createDerivation, deriveReportRows, derivePointsOf, dropReportRows, notePointsEntries, ledgersOf, putCustomerRecords, refreshContacts, removeCustomers, writePointsFields, writeTransaction, type PurchaseCorrection } from './derivation';
import { pointsEntry, type PointsEntry } from '../../shared/domain/pointsLedger';
import { batchExpiresAt } from '../../shared/domain/pointsRules';
import { readPointsRules } from './pointsEarning';

/** Records per bulkAdd/bulkPut inside the import transaction: large enough to be fast, small enough for a smooth progress bar. */
export const IMPORT_WRITE_CHUNK = 1_000;

/** Chunk writes in flight while the next chunk is prepared: the store writes one while the worker builds and sends the next. */
const WRITES_IN_FLIGHT = 3;

export type ImportPhase = 'planning' | 'writing' | 'figures' | 'finishing';

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

export interface ImportRunOptions {
  /** Aborting it before the transaction commits rolls the whole import back. */
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

/** The import was cancelled; nothing was written. */
export class ImportCancelledError extends Error {
  constructor() {
    super('Import cancelled');
    this.name = 'ImportCancelledError';
  }
}

export class ImportBatchNotFoundError extends Error {
  constructor(id: string) {
    super(`Import ${id} not found or already undone`);
    this.name = 'ImportBatchNotFoundError';
  }
}

/** A stored purchase as the import writes it: the invoice/order number kept for re-imports. */
export type ImportedPurchase = Purchase & { externalRef?: string };

export interface ImportRepositoryDeps extends RepositoryDeps {
  dayOf?: DayOf;
}

// ---- customers ------------------------------------------------------------------------------------

export interface CustomerImportInput {
  fileName: string;
  /** Valid rows, in file order. */
  candidates: ImportCandidate[];
  policy: ImportPolicy;
  /** Rows of the file that are not candidates, for the batch's counts. */
  invalidRows: number;
  emptyRows: number;
}

/**
 * The opening points an import gives (points brought from another system): one 'opening' entry per customer,
 * to new customers and to customers already in the store who have none yet (an opening balance is given once:
 * a file imported again adds nothing). They expire by the expiry rule in force, counted from the import.
 */
export interface OpeningPointsPlan {
  /** Customers who get an entry, and the points they get in all. */
  customers: number;
  points: number;
  /** Matched customers whose rows bring points but who already have an opening balance: left as they are. */
  alreadyOpened: number;
  /** When the entries' points expire (ISO, exclusive), null: never. */
  expiresAt: string | null;
}

export interface CustomerImportResult {
  batchId: string;
  plan: ImportPlan;
  counts: Record<string, number>;
}

// ---- purchases ------------------------------------------------------------------------------------

export interface PurchaseImportSummary {
  format: PurchaseFormat;
  totalRows: number;
  /** Rows that become part of a purchase now. */
  importRows: number;
  purchases: number;
  returns: number;
  /** Customers created from a customer number (Online Retail). */
  newCustomers: number;
  /** Rows of invoices/orders already in the store (same number): left out, so a re-import adds nothing. */
  alreadyImportedRows: number;
  alreadyImportedPurchases: number;
  /** Rows without any customer (no CustomerID, phone or name). */
  noCustomerRows: number;
  /** Rows whose customer is not in the store, or not unambiguously. */
  notFoundRows: number;
  /** Rows with an error. */
  badRows: number;
  /** Rows of an erased customer (their id or customer number is in the erasure register): left out. */
  erasedRows: number;
}

export interface PurchaseImportPlan {
  summary: PurchaseImportSummary;
  /** customerId is null for a customer this import creates (from `externalId`). */
  resolved: { purchase: PurchaseImportDraft; customerId: string | null; externalId?: string }[];
  newCustomers: ExternalCustomerKey[];
  alreadyImported: PurchaseImportDraft[];
  unresolved: { purchase: PurchaseImportDraft; code: PurchaseCustomerProblem }[];
  /** Purchases of erased customers, with when they were erased: not imported. */
  erased: { purchase: PurchaseImportDraft; erasedAt: string }[];
}

export interface PurchaseImportInput {
  fileName: string;
  result: PurchaseImportResult;
  /** The name of a customer created from a customer number (the translated import.externalCustomerName). */
  externalCustomerName: (externalId: string) => string;
}

export interface PurchaseImportWriteResult {
  batchId: string;
  plan: PurchaseImportPlan;
  counts: Record<string, number>;
}

const NEW_PREFIX = '\u0000new:';

function sumRows(purchases: readonly { rowNumbers: number[] }[]): number {
  let n = 0;
  for (const p of purchases) n += p.rowNumbers.length;
  return n;
}

/**
 * Chunk writes of one transaction, each started without waiting for the ones before it, at most
 * WRITES_IN_FLIGHT at once. A failed write fails `add` or `drain` (and so the transaction) when reached.
 * What they hand back to await are Dexie promises: a write awaited after it finished must still resume
 * inside the transaction (a native promise awaited late resumes outside it). The writes themselves must be
 * Dexie promise chains too (no async function, no native Promise.all): a native promise held while other writes
 * run loses the transaction's zone, the rest of the import then wrote in transactions of its own and the import's
 * committed empty under it ("Transaction committed too early" at two chunks of customers).
 */
function writePipeline() {
  const pending: Promise<unknown>[] = [];
  return {
    add(write: Promise<unknown>): Promise<unknown> {
      const held = Dexie.Promise.resolve(write);
      // Awaited below, in order; a rejection meanwhile is not an unhandled one.
      held.catch(() => undefined);
      pending.push(held);
      return pending.length >= WRITES_IN_FLIGHT ? pending.shift()! : Dexie.Promise.resolve();
    },
    drain(): Promise<unknown> {
      return Dexie.Promise.all(pending.splice(0));
    },
  };
}

/** Oldest customer first (then by id): the one a key shared by several customers points at. */
function byAge<T extends Pick<CustomerRecord, 'createdAt' | 'id'>>(customers: T[]): T[] {
  return customers.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function chunks<T>(items: readonly T[], size = IMPORT_WRITE_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * When each of `ids` that the erasure register holds was erased. One Dexie request, no async function: awaited
 * inside a transaction it resumes inside it (see rowsByKeys).
 */
function erasedAmong(db: RegularsDatabase, ids: Iterable<string>): Promise<Map<string, string>> {
  return db.erasures.bulkGet([...new Set(ids)]).then((rows) => new Map(rows.flatMap((e) => (e ? [[e.id, e.erasedAt] as const] : []))));
}

export function createImportRepository(db: RegularsDatabase, deps: ImportRepositoryDeps) {
  const dayOf = deps.dayOf ?? localDayOf;
  const derivation = createDerivation(db, { ...deps, dayOf });
  const catalogRepo = createCatalogRepository(db);

  /**
   * The rows under any of `keys` in one of the table's indexes (each once, in no set order). One
   * request per key, issued together: an anyOf walks a cursor, one round trip per key, which at tens of
   * thousands of keys was most of the planning. An empty table is answered by one key read.
   * Dexie promises only (no async function): awaited inside a transaction, each step resumes inside it
   * at once, so the transaction cannot commit between them.
   */
  function rowsByKeys<T extends { id: string }, Insert>(table: Table<T, string, Insert>, index: string, keys: readonly string[]): Promise<T[]> {
    if (keys.length === 0) return Dexie.Promise.resolve([]);
    const byId = new Map<string, T>();
    return table
      .limit(1)
      .primaryKeys()
      .then((some) =>
        some.length === 0
          ? undefined
          : chunks(keys, 2_000).reduce(
              (previous, part) =>
                previous
                  .then(() => Dexie.Promise.all(part.map((k) => table.where(index).equals(k).toArray())))
                  .then((lists) => {
                    for (const rows of lists) for (const row of rows) byId.set(row.id, row);
                  }),
              Dexie.Promise.resolve(),
            ),
      )
      .then(() => [...byId.values()]);
  }

  const customersByKeys = (index: 'phoneKeys' | 'emailKey' | 'externalKey', keys: readonly string[]): Promise<CustomerRecord[]> =>
    rowsByKeys(db.customers, index, keys);

  const checkCancelled = (signal?: AbortSignal) => {
    if (signal?.aborted) throw new ImportCancelledError();
  };

  /** Who of `ids` already has an opening entry (read inside a transaction holding pointsEntries). */
  async function alreadyOpened(ids: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const part of chunks(ids, 2_000)) for (const [id, entries] of await ledgersOf(db, part)) if (entries.some((e) => e.kind === 'opening')) out.add(id);
    return out;
  }

  /** The opening points of a plan at `now`: which planned creates and updates get an entry. */
  async function openingPointsOf(plan: ImportPlan, now: Date): Promise<{ summary: OpeningPointsPlan; updates: Set<string> }> {
    const bringing = plan.update.filter((u) => u.openingPoints > 0).map((u) => u.customerId);
    const opened = await alreadyOpened(bringing);
    const updates = new Set(bringing.filter((id) => !opened.has(id)));
    let customers = updates.size;
    let points = 0;
    for (const c of plan.create) {
      if (c.openingPoints === 0) continue;
      customers++;
      points += c.openingPoints;
    }
    for (const u of plan.update) if (updates.has(u.customerId)) points += u.openingPoints;
    const expiresAt = batchExpiresAt(await readPointsRules(db), now);
    return { summary: { customers, points, alreadyOpened: opened.size, expiresAt }, updates };
  }

  /** Reads the customers the rows could match (by their phones, e-mails and — for rows with neither — names). */
  async function customerLookup(candidates: readonly ImportCandidate[]): Promise<ImportLookup> {
    const phoneKeys = new Set<string>();
    const emailKeys = new Set<string>();
    const nameTokens = new Set<string>();
    for (const c of candidates) {
      for (const p of c.fields.phones) phoneKeys.add(p.normalized);
      const email = c.fields.email.trim().toLowerCase();
      if (email) emailKeys.add(email);
      if (c.fields.phones.length === 0 && !email) {
        // The name's whole-name search token: the index answers "customers with this name".
        const token = buildSearchTokens({ name: c.fields.name, phones: [], email: '' })[0];
        if (token) nameTokens.add(token);
      }
    }
    const byId = new Map<string, CustomerRecord>();
    const keep = (rows: CustomerRecord[]) => {
      for (const c of rows) if (c.isDeleted === 0) byId.set(c.id, c);
    };
    keep(await customersByKeys('phoneKeys', [...phoneKeys]));
    keep(await customersByKeys('emailKey', [...emailKeys]));
    if (nameTokens.size) keep((await db.customers.bulkGet(await idsWithAnyToken(db, [...nameTokens]))).filter((c): c is CustomerRecord => !!c));
    // Rows of the app's own export carry their customer's id.
    const ownIds = [...new Set(candidates.map((c) => c.id).filter((id): id is string => !!id))];
    const activeIds = new Set<string>();
    for (const part of chunks(ownIds, 5_000)) {
      for (const c of await db.customers.bulkGet(part)) {
        if (c && c.isDeleted === 0) {
          activeIds.add(c.id);
          byId.set(c.id, c);
        }
      }
    }

    // Erased customers: a row with their id is left out, a referrer with it dropped.
    const erased = await erasedAmong(db, [...ownIds, ...candidates.flatMap((c) => c.fields.referredBy ?? [])]);

    // The matched customers' current consent, so an answer that changes nothing is no update.
    const matched = [...byId.keys()];
    const consentById = new Map<string, CurrentConsent>();
    for (const part of chunks(matched, 5_000)) for (const row of await db.consentState.bulkGet(part)) if (row) consentById.set(row.id, row.channels);

    // Oldest customer first, so a phone shared by two customers always points at the same one.
    const known = byAge([...byId.values()]);
    const byPhone = new Map<string, string>();
    const byEmail = new Map<string, string>();
    const byName = new Map<string, string[]>();
    for (const c of known) {
      for (const k of c.phoneKeys) if (!byPhone.has(k)) byPhone.set(k, c.id);
      if (c.emailKey && !byEmail.has(c.emailKey)) byEmail.set(c.emailKey, c.id);
      const nk = importNameKey(c.name);
      const list = byName.get(nk);
      if (list) list.push(c.id);
      else byName.set(nk, [c.id]);
    }
    return {
      existingById: (id) => (activeIds.has(id) ? id : undefined),
      existingByPhone: (key) => byPhone.get(key),
      existingByEmail: (key) => byEmail.get(key),
      existingFields: (id) => {
        const c = byId.get(id);
        return c ? customerFieldsOf(c) : undefined;
      },
      existingByName: (key) => byName.get(key) ?? [],
      existingConsent: (id) => consentById.get(id),
      erasedAt: (id) => erased.get(id),
    };
  }

  async function planPurchasesNow(result: PurchaseImportResult): Promise<PurchaseImportPlan> {
    // An erased customer's purchases (by the id an own export names, or by customer number) are not imported.
    const erasedIds = await erasedAmong(
      db,
      result.purchases.flatMap((p) => [ownPurchaseExtras(p)?.customerId, p.customerRef.externalId].filter((x): x is string => !!x)),
    );
    const erasedAtOf = (p: PurchaseImportDraft) => {
      const own = ownPurchaseExtras(p)?.customerId;
      const number = p.customerRef.externalId;
      return (own ? erasedIds.get(own) : undefined) ?? (number ? erasedIds.get(number) : undefined);
    };
    const erased: PurchaseImportPlan['erased'] = [];
    const drafts = result.purchases.filter((purchase) => {
      const erasedAt = erasedAtOf(purchase);
      if (erasedAt) erased.push({ purchase, erasedAt });
      return !erasedAt;
    });
    // Invoices already in the store.
    const refs = [...new Set(drafts.map((p) => p.externalRef).filter((r): r is string => !!r))];
    const storedRefs = new Set<string>();
    for (const r of (await rowsByKeys(db.purchases, 'externalRef', refs)) as ImportedPurchase[]) if (r.externalRef) storedRefs.add(r.externalRef);
    // The app's own export: its purchase number is the purchase's id in the store it came from.
    const ownRefs = [...new Set(drafts.filter((p) => ownPurchaseExtras(p)).map((p) => p.externalRef!))];
    for (const part of chunks(ownRefs, 5_000)) {
      for (const r of await db.purchases.bulkGet(part)) if (r) storedRefs.add(r.id);
    }
    const alreadyImported = drafts.filter((p) => p.externalRef !== null && storedRefs.has(p.externalRef));
    const toPlace = drafts.filter((p) => p.externalRef === null || !storedRefs.has(p.externalRef));

    // Customers by number, phone and name.
    const externalIds = [...new Set(toPlace.map((p) => p.customerRef.externalId).filter((x): x is string => !!x))];
    const phoneKeys = [...new Set(toPlace.map((p) => p.customerRef.phoneKey).filter((x): x is string => !!x))];
    const byExternal = new Map<string, string>();
    const byPhone = new Map<string, string>();
    const byName = new Map<string, string[]>();
    // A customer number shared by several customers points at the first by id, as the index orders them.
    for (const c of (await customersByKeys('externalKey', externalIds)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      if (c.isDeleted === 0 && c.externalKey && !byExternal.has(c.externalKey)) byExternal.set(c.externalKey, c.id);
    }
    // The app's own export names the customer by id: the same store, or customers imported with their ids.
    const ownCustomerIds = [...new Set(toPlace.flatMap((p) => ownPurchaseExtras(p)?.customerId ?? []))];
    for (const part of chunks(ownCustomerIds, 5_000)) {
      for (const c of await db.customers.bulkGet(part)) if (c && c.isDeleted === 0) byExternal.set(c.id, c.id);
    }
    const wantedPhones = new Set(phoneKeys);
    for (const c of byAge(await customersByKeys('phoneKeys', phoneKeys))) {
      if (c.isDeleted === 0) for (const k of c.phoneKeys) if (wantedPhones.has(k) && !byPhone.has(k)) byPhone.set(k, c.id);
    }
    // Customer numbers the file brings (Online Retail) that the store does not know: created by the import.
    const creatable = new Map(result.customers.map((k) => [k.externalId, k]));
    const byExternalId = (id: string) => byExternal.get(id) ?? (creatable.has(id) ? NEW_PREFIX + id : undefined);
    // A name is looked at only for a row its number and phone leave unplaced (resolvePurchaseCustomers).
    const names = [
      ...new Set(
        toPlace
          .filter(({ customerRef: ref }) => !(ref.externalId && byExternalId(ref.externalId)) && !(ref.phoneKey && byPhone.get(ref.phoneKey)))
          .map((p) => p.customerRef.name)
          .filter((x): x is string => !!x),
      ),
    ];
    if (names.length) {
      const tokens = [...new Set(names.map((n) => buildSearchTokens({ name: n, phones: [], email: '' })[0]).filter((t): t is string => !!t))];
      const wanted = new Set(names.map((n) => n.trim()));
      for (const c of await db.customers.bulkGet(await idsWithAnyToken(db, tokens))) {
        if (!c) continue;
        const name = c.name.trim();
        // idsWithAnyToken gives each customer once, however many of the names' tokens they carry.
        if (c.isDeleted !== 0 || !wanted.has(name)) continue;
        const list = byName.get(name);
        if (list) list.push(c.id);
        else byName.set(name, [c.id]);
      }
    }
    const { resolved, unresolved } = resolvePurchaseCustomers(toPlace, {
      byExternalId,
      byPhone: (key) => byPhone.get(key),
      byName: (name) => byName.get(name.trim()) ?? [],
    });
    // Nor is a purchase placed with a customer whose id the register holds (a record nothing has erased again yet).
    const erasedCustomers = await erasedAmong(db, resolved.map((r) => r.customerId).filter((id) => !id.startsWith(NEW_PREFIX)));
    const placed = resolved.flatMap(({ purchase, customerId }): PurchaseImportPlan['resolved'] => {
      const erasedAt = erasedCustomers.get(customerId);
      if (erasedAt) {
        erased.push({ purchase, erasedAt });
        return [];
      }
      return customerId.startsWith(NEW_PREFIX)
        ? [{ purchase, customerId: null, externalId: customerId.slice(NEW_PREFIX.length) }]
        : [{ purchase, customerId }];
    });
    erased.sort((a, b) => a.purchase.rowNumbers[0]! - b.purchase.rowNumbers[0]!);
    const newIds = new Set(placed.filter((p) => p.customerId === null).map((p) => p.externalId!));
    const newCustomers = result.customers.filter((k) => newIds.has(k.externalId));
    const report = result.report;
    const summary: PurchaseImportSummary = {
      format: result.format,
      totalRows: report.totalRows,
      importRows: sumRows(placed.map((p) => p.purchase)),
      purchases: placed.length,
      returns: placed.filter((p) => p.purchase.isReturn).length,
      newCustomers: newCustomers.length,
      alreadyImportedRows: sumRows(alreadyImported),
      alreadyImportedPurchases: alreadyImported.length,
      noCustomerRows: report.skippedNoCustomer,
      notFoundRows: sumRows(unresolved.map((u) => u.purchase)),
      badRows: report.badRows.length,
      erasedRows: sumRows(erased.map((e) => e.purchase)),
    };
    return { summary, resolved: placed, newCustomers, alreadyImported, unresolved, erased };
  }

  /**
   * Returns of an own export back to their originals: in this import (same id), or in the store by id
   * or by the order number an earlier import kept. A return whose original is nowhere stays a return
   * without a link, as an imported cancellation does.
   */
  async function tieOwnReturns(drafts: readonly PurchaseImportDraft[], records: ImportedPurchase[]): Promise<void> {
    const refs = drafts.map((d) => ownPurchaseExtras(d)?.returnOfRef ?? null);
    const wanted = [...new Set(refs.filter((r): r is string => r !== null))];
    if (wanted.length === 0) return;
    const idOf = new Map(records.map((r) => [r.id, r.id] as const));
    const missing = wanted.filter((r) => !idOf.has(r));
    for (const part of chunks(missing, 5_000)) {
      for (const p of await db.purchases.bulkGet(part)) if (p) idOf.set(p.id, p.id);
    }
    for (const p of (await rowsByKeys(db.purchases, 'externalRef', missing)) as ImportedPurchase[]) if (p.externalRef) idOf.set(p.externalRef, p.id);
    records.forEach((r, i) => {
      const ref = refs[i];
      if (ref) r.returnOf = idOf.get(ref) ?? null;
    });
  }

  // The batch, not the trail, lists the customers: an import of 100,000 would give one entry 100,000 index keys.
  const writeAudit = (kind: 'import.customers' | 'import.purchases' | 'import.undo', batchId: string, facts: AuditFacts) =>
    recordAudit(db, deps, { kind, refs: [batchId], facts });

  return {
    /** The plan for a preview (read-only). */
    async planCustomers(candidates: ImportCandidate[], policy: ImportPolicy): Promise<ImportPlan> {
      return db.transaction('r', [db.customers, db.customerSearch, db.consentState, db.erasures], async () => planImport(candidates, await customerLookup(candidates), policy));
    },

    /** The opening points a planned import would give now (read-only, for the preview). */
    async planOpeningPoints(plan: ImportPlan): Promise<OpeningPointsPlan> {
      return db.transaction('r', [db.pointsEntries, db.settings], async () => (await openingPointsOf(plan, deps.now())).summary);
    },

    /**
     * Imports customers in one transaction: plan against the store, create, update (keeping each
     * updated customer's record as it was, for undo), record the batch and an audit entry.
     */
    async importCustomers(input: CustomerImportInput, opts: ImportRunOptions = {}): Promise<CustomerImportResult> {
      const { signal, onProgress } = opts;
      checkCancelled(signal);
      const batchId = deps.newId();
      return writeTransaction(db, ['customer', 'import', 'points'], ['erasures'], async () => {
        onProgress?.({ phase: 'planning', done: 0, total: input.candidates.length });
        const rules = await statusRules(db);
        const plan = planImport(input.candidates, await customerLookup(input.candidates), input.policy);
        checkCancelled(signal);
        const now = deps.now();
        const changed = plan.update.filter((u) => u.changed);
        const total = plan.create.length + changed.length;
        let done = 0;
        onProgress?.({ phase: 'writing', done, total });

        const createdIds: string[] = [];
        const consentAnswers: ConsentAnswers[] = [];
        const writes = writePipeline();
        for (const part of chunks(plan.create)) {
          checkCancelled(signal);
          // A row of the app's own export keeps its id when the store has no record with it (one in the
          // trash has); otherwise its id is kept as the customer number, so its purchases still find it.
          const ownIds = part.flatMap((c) => (c.id ? [c.id] : []));
          // (An erased customer's row is not in the plan: planImport leaves it out.)
          const taken = new Set(ownIds.length ? (await db.customers.bulkGet(ownIds)).flatMap((c) => (c ? [c.id] : [])) : []);
          const records = part.map((c) => {
            const keep = c.id !== undefined && !taken.has(c.id);
            const record = newCustomerRecord(c.fields, keep ? c.id! : deps.newId(), now, undefined, rules);
            return c.id !== undefined && !keep ? { ...record, externalKey: c.id } : record;
          });
          records.forEach((r, i) => {
            createdIds.push(r.id);
            if (part[i]!.consents.length) consentAnswers.push({ customerId: r.id, answers: part[i]!.consents });
          });
          await writes.add(
            addCustomers(db, records).then(() => {
              done += part.length;
              onProgress?.({ phase: 'writing', done, total });
            }),
          );
        }
        await writes.drain();
        const updatedCustomers: ImportBatch['updatedCustomers'] = [];
        for (const part of chunks(changed)) {
          checkCancelled(signal);
          const before = await db.customers.bulkGet(part.map((u) => u.customerId));
          const records: CustomerRecord[] = [];
          part.forEach((u, i) => {
            const existing = before[i];
            if (!existing) return;
            if (u.consents.length) consentAnswers.push({ customerId: existing.id, answers: u.consents });
            // Only the consent changed: the record is not rewritten (the answers are written apart).
            if (!u.fieldsChanged) return;
            updatedCustomers.push({ id: existing.id, before: existing });
            records.push(editedCustomerRecord(existing, u.fields, now));
          });
          await indexForSearch(db, await putCustomerRecords(db, records));
          done += part.length;
          onProgress?.({ phase: 'writing', done, total });
        }

        // Opening points, in the same transaction: one entry per customer, and their points derived from their ledgers.
        const opening = await openingPointsOf(plan, now);
        const openingEntries: PointsEntry[] = [];
        const at = now.toISOString();
        const openingEntry = (customerId: string, points: number) =>
          openingEntries.push(pointsEntry({ customerId, kind: 'opening', points, createdAt: at, expiresAt: opening.summary.expiresAt }, deps.newId));
        plan.create.forEach((c, i) => c.openingPoints > 0 && openingEntry(createdIds[i]!, c.openingPoints));
        for (const u of plan.update) if (opening.updates.has(u.customerId)) openingEntry(u.customerId, u.openingPoints);
        for (const part of chunks(openingEntries)) {
          checkCancelled(signal);
          await db.pointsEntries.bulkAdd(part);
          await notePointsEntries(db, part, []);
          await writePointsFields(db, await derivePointsOf(db, part.map((e) => e.customerId), now));
        }

        // Consent from the file: the import's own answers, dated now, each customer's after their latest.
        const consentEvents = await writeConsentAnswers(db, consentAnswers, 'import', now, deps.newId);
        const consentOnly = new Set(consentEvents.map((e) => e.customerId));
        for (const id of createdIds) consentOnly.delete(id);
        for (const u of updatedCustomers) consentOnly.delete(u.id);
        onProgress?.({ phase: 'finishing', done, total });
        const counts = {
          rows: input.candidates.length + input.invalidRows + input.emptyRows,
          created: createdIds.length,
          updated: updatedCustomers.length + consentOnly.size,
          consentAnswers: consentEvents.length,
          unchanged: plan.update.length - changed.length,
          skipped: plan.counts.skip,
          erased: plan.counts.erased,
          invalid: input.invalidRows,
          empty: input.emptyRows,
          openingPointsCustomers: openingEntries.length,
          openingPoints: opening.summary.points,
        };
        const batch: ImportBatch = {
          id: batchId,
          at: now.toISOString(),
          kind: 'customers',
          fileName: input.fileName,
          counts,
          createdCustomerIds: createdIds,
          updatedCustomers,
          purchaseIds: [],
          interactionIds: [],
          consentEventIds: consentEvents.map((e) => e.id),
          pointsEntryIds: openingEntries.map((e) => e.id),
          undoneAt: null,
        };
        await db.imports.add(batch);
        await writeAudit('import.customers', batchId, { ...counts, policy: input.policy });
        // Last chance to cancel: throwing here still rolls back everything above.
        checkCancelled(signal);
        return { batchId, plan, counts };
      });
    },

    /** The plan for a preview of a purchases import (read-only). */
    async planPurchases(result: PurchaseImportResult): Promise<PurchaseImportPlan> {
      return db.transaction('r', [db.customers, db.customerSearch, db.purchases, db.erasures], () => planPurchasesNow(result));
    },

    /**
     * Imports purchases in one transaction: customers created from customer numbers when missing,
     * invoices already in the store left out, the figures of every affected customer recomputed and
     * the product catalog noted, the batch and an audit entry recorded.
     */
    async importPurchases(input: PurchaseImportInput, opts: ImportRunOptions = {}): Promise<PurchaseImportWriteResult> {
      const { signal, onProgress } = opts;
      checkCancelled(signal);
      const batchId = deps.newId();
      return writeTransaction(db, ['customer', 'purchase', 'import'], ['catalog', 'erasures'], async () => {
        onProgress?.({ phase: 'planning', done: 0, total: input.result.purchases.length });
        const plan = await planPurchasesNow(input.result);
        checkCancelled(signal);
        const now = deps.now();

        // New customers, with their figures computed from the purchases they get.
        const newIdOf = new Map<string, string>();
        for (const k of plan.newCustomers) newIdOf.set(k.externalId, deps.newId());
        const records: ImportedPurchase[] = plan.resolved.map(({ purchase, customerId, externalId }) => {
          const own = ownPurchaseExtras(purchase);
          // An own export's purchase keeps its number as its id (the plan left out numbers already in the store).
          const record: ImportedPurchase = newPurchaseRecord(purchase.fields, {
            id: own ? purchase.externalRef! : deps.newId(),
            customerId: customerId ?? newIdOf.get(externalId!)!,
            now,
            importId: batchId,
          });
          if (purchase.externalRef && !own) record.externalRef = purchase.externalRef;
          return own?.voided ? voidedPurchaseRecord(record, own.voided.reason, now) : record;
        });
        await tieOwnReturns(plan.resolved.map((p) => p.purchase), records);
        const byCustomer = new Map<string, ImportedPurchase[]>();
        for (const r of records) {
          const list = byCustomer.get(r.customerId);
          if (list) list.push(r);
          else byCustomer.set(r.customerId, [r]);
        }
        // ...and their status, derived by the same function as every purchase write, with the tier history.
        const statusContext = await derivation.statusContext();
        const history: TierHistoryEntry[] = [];
        const customers: Customer[] = plan.newCustomers.map((k) => {
          const id = newIdOf.get(k.externalId)!;
          const base = newCustomerRecord(
            { ...emptyCustomerFields(), name: input.externalCustomerName(k.externalId), notes: k.country },
            id,
            now,
            undefined,
            statusContext.settings,
          );
          const derived = derivedCustomerRecord(base, byCustomer.get(id) ?? [], statusContext);
          history.push(...derived.history);
          return { ...derived.record, externalKey: k.externalId };
        });

        // Customers already in the store: their purchases stored before this import, read before it writes,
        // so their figures are derived from those and the ones below without reading anything back.
        const existing = [...new Set(plan.resolved.filter((p) => p.customerId !== null).map((p) => p.customerId!))];
        const stored = await derivation.storedPurchasesOf(existing);
        checkCancelled(signal);

        const total = customers.length + records.length;
        let done = 0;
        onProgress?.({ phase: 'writing', done, total });
        const writes = writePipeline();
        const written = (n: number) => () => {
          done += n;
          onProgress?.({ phase: 'writing', done, total });
        };
        for (const part of chunks(customers)) {
          checkCancelled(signal);
          await writes.add(addCustomers(db, part).then(written(part.length)));
        }
        for (const part of chunks(history)) await writes.add(db.tierHistory.bulkAdd(part));
        for (const part of chunks(records)) {
          checkCancelled(signal);
          await writes.add(db.purchases.bulkAdd(part).then(written(part.length)));
        }
        await writes.drain();

        checkCancelled(signal);
        onProgress?.({ phase: 'figures', done: 0, total: existing.length });
        await derivation.refreshKnown(new Map(existing.map((id) => [id, [...(stored.get(id) ?? []), ...(byCustomer.get(id) ?? [])]])), statusContext);
        await deriveReportRows(db, new Map(customers.map((c) => [c.id, byCustomer.get(c.id) ?? []])), dayOf);
        await noteInCatalog(db, records);

        onProgress?.({ phase: 'finishing', done: total, total });
        const s = plan.summary;
        const counts = {
          rows: s.totalRows,
          importedRows: s.importRows,
          purchases: s.purchases,
          returns: s.returns,
          customersCreated: customers.length,
          customersUpdated: existing.length,
          alreadyImportedRows: s.alreadyImportedRows,
          noCustomerRows: s.noCustomerRows,
          notFoundRows: s.notFoundRows,
          erased: s.erasedRows,
          invalid: s.badRows,
        };
        const batch: ImportBatch = {
          id: batchId,
          at: now.toISOString(),
          kind: 'purchases',
          fileName: input.fileName,
          counts,
          createdCustomerIds: customers.map((c) => c.id),
          updatedCustomers: [],
          purchaseIds: records.map((r) => r.id),
          interactionIds: [],
          undoneAt: null,
        };
        await db.imports.add(batch);
        await writeAudit('import.purchases', batchId, { ...counts, format: s.format });
        checkCancelled(signal);
        return { batchId, plan, counts };
      });
    },

    /** Every import, newest first. */
    list(): Promise<ImportBatch[]> {
      return db.imports.orderBy('at').reverse().toArray();
    },

    get(id: string): Promise<ImportBatch | undefined> {
      return db.imports.get(id);
    },

    /**
     * Undoes an import in one transaction: customers it created go (with their purchases and
     * contacts), customers it changed get their earlier record back (trash state and figures as they
     * are now), its purchases go, the affected customers' figures are recomputed, the catalog is
     * rebuilt after a purchases import, the batch is marked undone and the undo is logged.
     */
    async undo(batchId: string): Promise<ImportBatch> {
      return writeTransaction(db, ['customer', 'purchase', 'contact', 'import', 'points'], ['catalog'], async () => {
        const batch = await db.imports.get(batchId);
        if (!batch || batch.undoneAt !== null) throw new ImportBatchNotFoundError(batchId);
        const created = new Set(batch.createdCustomerIds);

        // The batch lists what it wrote (version 8 has no importId index); one deleted since is skipped.
        const imported: Purchase[] = [];
        for (const part of chunks(batch.purchaseIds)) for (const p of await db.purchases.bulkGet(part)) if (p) imported.push(p);
        const touched = new Set(imported.map((p) => p.customerId));
        await db.purchases.bulkDelete(imported.map((p) => p.id));
        // Points entries linked to its purchases go with them (an import earns none; an entry written on one since does).
        const pointsTouched = new Set<string>();
        for (const part of chunks(imported.map((p) => p.id))) {
          const linked = await db.pointsEntries.where('purchaseId').anyOf(part).toArray();
          for (const e of linked) if (!created.has(e.customerId)) pointsTouched.add(e.customerId);
          if (linked.length) await db.pointsEntries.bulkDelete(linked.map(pointsEntryKey));
          await notePointsEntries(db, [], linked);
        }
        // Its opening points: taken back from customers who stay (those it created go below, entries and all).
        for (const part of chunks(batch.pointsEntryIds ?? [])) {
          const entries = await db.pointsEntries.where('id').anyOf(part).toArray();
          for (const e of entries) if (!created.has(e.customerId)) pointsTouched.add(e.customerId);
          await db.pointsEntries.bulkDelete(entries.map(pointsEntryKey));
          await notePointsEntries(db, [], entries);
        }
        const contactsTouched = new Set<string>();
        for (const part of chunks(batch.interactionIds)) {
          for (const i of await db.interactions.bulkGet(part)) if (i && !created.has(i.customerId)) contactsTouched.add(i.customerId);
          await db.interactions.bulkDelete(part);
        }
        await refreshContacts(db, contactsTouched);

        // The consent answers it recorded for customers who stay: taken back, their consent derived again.
        const answered = new Set<string>();
        for (const part of chunks(batch.consentEventIds ?? [])) {
          for (const e of await db.consentEvents.bulkGet(part)) if (e && !created.has(e.customerId)) answered.add(e.customerId);
          await db.consentEvents.bulkDelete(part);
        }

        let removedPurchases = imported.length;
        for (const part of chunks(batch.createdCustomerIds)) {
          removedPurchases += await db.purchases.where('customerId').anyOf(part).delete();
          await db.interactions.where('customerId').anyOf(part).delete();
          await db.tierHistory.where('customerId').anyOf(part).delete();
          await removeCustomers(db, part);
          await dropReportRows(db, part, dayOf);
        }

        const restoredIds: string[] = [];
        for (const part of chunks(batch.updatedCustomers)) {
          const current = await db.customers.bulkGet(part.map((u) => u.id));
          const restored: CustomerRecord[] = [];
          part.forEach((u, i) => {
            const now = current[i];
            if (!now) return; // deleted for good since: nothing to put back
            // A batch written before version 7 kept the whole record, derived values too: those are
            // not the record's (putCustomerRecords leaves them out) and are derived again below.
            const before = u.before as CustomerRecord;
            restored.push({ ...before, deletedAt: now.deletedAt, isDeleted: now.isDeleted });
            restoredIds.push(now.id);
          });
          await indexForSearch(db, await putCustomerRecords(db, restored));
        }
        // Customers who were there before keep no upgrade that the undone purchases alone gave them.
        const corrections = new Map<string, PurchaseCorrection>();
        for (const [customerId, before] of groupPurchasesByCustomer(imported)) {
          if (!created.has(customerId)) corrections.set(customerId, { cause: 'import-undone', before });
        }
        await derivation.refresh([...[...touched].filter((id) => !created.has(id)), ...restoredIds], corrections, await derivePointsOf(db, pointsTouched, deps.now()));
        await rederiveConsent(db, [...answered]);
        if (batch.kind === 'purchases') await catalogRepo.rebuild();

        const at = deps.now().toISOString();
        const undone: ImportBatch = { ...batch, undoneAt: at };
        await db.imports.put(undone);
        await writeAudit('import.undo', batchId, {
          importKind: batch.kind,
          removedCustomers: batch.createdCustomerIds.length,
          restoredCustomers: restoredIds.length,
          removedPurchases,
        });
        return undone;
      });
    },
  };
}

export type ImportRepository = ReturnType<typeof createImportRepository>;
