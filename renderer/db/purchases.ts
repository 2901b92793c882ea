// The purchase repository: the only code that writes purchases, and it keeps each customer's figures in step.
import Dexie from 'dexie';
import type { Customer } from '../../shared/domain/customer';
import { storeMedianGap } from '../../shared/domain/churn';
import { DERIVATION_RULES_VERSION, dayNumber, groupPurchasesByCustomer, localDayOf, type DayOf } from '../../shared/domain/customerFigures';
import { rfmCutPoints, type RfmInput } from '../../shared/domain/rfm';
import { derivedCustomerRecord, type StatusContext, type StatusCorrection } from '../../shared/domain/customerRecord';
import type { TierHistoryEntry } from '../../shared/domain/customerStatus';
import { tierBeforeMistake, type CorrectionCause } from '../../shared/domain/tierCorrection';
import {
  assertPurchaseFields,
  catalogKey,
  editedPurchaseRecord,
  newPurchaseRecord,
  returnedFen,
  validateVoidReason,
  voidedPurchaseRecord,
  type CatalogEntry,
  type Purchase,
  type PurchaseErrorCode,
  type PurchaseFields,
} from '../../shared/domain/purchase';
import { createBookkeepingRepository } from './bookkeeping';
import { createCatalogRepository, noteInCatalog } from './catalog';
import { CustomerNotFoundError, type RepositoryDeps } from './customers';
import type { RegularsDatabase } from './database';
import { createSettingsRepository } from './settings';

export interface PurchaseRepositoryDeps extends RepositoryDeps {
  /** The calendar day of an ISO time for the gap figures; the app passes local time. */
  dayOf?: DayOf;
}

export interface ReturnContext {
  original: Purchase;
  /** The original's returns, voided ones included, oldest first. */
  returns: Purchase[];
  /** Given back so far by non-voided returns, as a positive amount. */
  returnedFen: number;
  /** What a further return may still give back. */
  returnableFen: number;
}

/** Purchases of one customer that a write corrected (voided, lowered, moved away, undone), as they were before it. */
export interface PurchaseCorrection {
  cause: CorrectionCause;
  before: readonly Purchase[];
}

export interface RecomputeProgress {
  done: number;
  total: number;
}

export class PurchaseNotFoundError extends Error {
  constructor(id: string) {
    super(`Purchase ${id} not found`);
    this.name = 'PurchaseNotFoundError';
  }
}

/** A write the purchase rules refuse; `code` is one of PURCHASE_ERROR_CODES for the UI to translate. */
export class PurchaseRuleError extends Error {
  constructor(readonly code: PurchaseErrorCode) {
    super(`Purchase refused: ${code}`);
    this.name = 'PurchaseRuleError';
  }
}

/** Customers per transaction in a full recomputation (their purchases are read in the same range). */
const RECOMPUTE_CHUNK = 2_000;

export function createPurchaseRepository(db: RegularsDatabase, deps: PurchaseRepositoryDeps) {
  const dayOf = deps.dayOf ?? localDayOf;
  const catalog = createCatalogRepository(db);
  const settings = createSettingsRepository(db);
  const bookkeeping = createBookkeepingRepository(db);

  const customerRange = (customerId: string) =>
    db.purchases.where('[customerId+purchasedAt]').between([customerId, Dexie.minKey], [customerId, Dexie.maxKey], true, true);

  async function requirePurchase(id: string): Promise<Purchase> {
    const found = await db.purchases.get(id);
    if (!found) throw new PurchaseNotFoundError(id);
    return found;
  }

  async function requireCustomer(id: string): Promise<Customer> {
    const found = await db.customers.get(id);
    if (!found) throw new CustomerNotFoundError(id);
    return found;
  }

  /** The status rules (settings) and the caches of the full recomputation (store median, RFM cut points; bookkeeping), as of now. */
  async function statusContext(applyDowngrades: boolean): Promise<StatusContext> {
    const caches = (await bookkeeping.readChecked(['storeMedianGapDays', 'rfmCutPoints'])).values;
    return {
      settings: await settings.statusRules(),
      storeMedianGapDays: caches.storeMedianGapDays,
      rfmCutPoints: caches.rfmCutPoints,
      asOf: deps.now(),
      dayOf,
      applyDowngrades,
      newId: deps.newId,
    };
  }

  /** Derives each customer from their purchases, writes those that changed and the tier changes' history. */
  async function writeDerived(
    customers: readonly Customer[],
    purchasesOf: ReadonlyMap<string, Purchase[]>,
    ctx: StatusContext,
    corrections: ReadonlyMap<string, StatusCorrection> = new Map(),
  ): Promise<number> {
    const changed: Customer[] = [];
    const history: TierHistoryEntry[] = [];
    for (const c of customers) {
      const d = derivedCustomerRecord(c, purchasesOf.get(c.id) ?? [], ctx, corrections.get(c.id) ?? null);
      if (d.changed) changed.push(d.record);
      history.push(...d.history);
    }
    if (changed.length) await db.customers.bulkPut(changed);
    if (history.length) await db.tierHistory.bulkAdd(history);
    return changed.length;
  }

  /**
   * Recomputes the customers' figures and status (tier, stage, risk) from their purchases, through
   * the [customerId+purchasedAt] index, writes those that changed and a tier-history entry for each
   * tier change. This is the one place purchase writes update customers; it runs inside the caller's
   * transaction (which must include customers, purchases, settings, bookkeeping and tierHistory).
   * updatedAt is left alone: the figures and status are a cache of the purchases, not an edit of the
   * profile, and updatedAt is what the list's "last updated" and a later sync go by.
   */
  async function refreshFigures(customerIds: Iterable<string>, corrections: ReadonlyMap<string, PurchaseCorrection> = new Map()): Promise<void> {
    const ids = [...new Set(customerIds)];
    const customers = (await db.customers.bulkGet(ids)).filter((c): c is Customer => c !== undefined);
    if (customers.length === 0) return;
    const ctx = await statusContext(false);
    const byCustomer = new Map<string, Purchase[]>();
    for (const c of customers) byCustomer.set(c.id, await customerRange(c.id).toArray());
    const corrected = new Map<string, StatusCorrection>();
    if (ctx.settings.grouping === 'tiers') {
      for (const c of customers) {
        const correction = corrections.get(c.id);
        if (!correction || correction.before.length === 0) continue;
        const tierId = await tierWithoutMistake(c, byCustomer.get(c.id) ?? [], correction, ctx);
        if (tierId !== null) corrected.set(c.id, { tierId, cause: correction.cause });
      }
    }
    await writeDerived(customers, byCustomer, ctx, corrected);
  }

  /** tierBeforeMistake for one customer: their purchases before and after the write, and their tier history. */
  async function tierWithoutMistake(c: Customer, after: readonly Purchase[], correction: PurchaseCorrection, ctx: StatusContext): Promise<string | null> {
    const old = new Map(correction.before.map((p) => [p.id, p]));
    const before = [...after.filter((p) => !old.has(p.id)), ...correction.before];
    const since = correction.before.reduce((min, p) => (p.createdAt < min ? p.createdAt : min), correction.before[0]!.createdAt);
    const history = await db.tierHistory.where('[customerId+at]').between([c.id, Dexie.minKey], [c.id, Dexie.maxKey], true, true).toArray();
    return tierBeforeMistake({ scheme: ctx.settings.scheme, current: c.tierId, history, before, after, since, dayOf: ctx.dayOf });
  }

  /** The store-wide inputs of the status derivation, from the customers' cached figures (the trash left out), stored for the incremental path. */
  async function storeWideCaches(): Promise<void> {
    const today = dayOf(deps.now().toISOString());
    const medians: (number | null)[] = [];
    const rfmInputs: Omit<RfmInput, 'id'>[] = [];
    let after: string | null = null;
    for (;;) {
      const from: string | null = after;
      const rows: Customer[] = await (from === null ? db.customers.orderBy(':id') : db.customers.where(':id').above(from)).limit(RECOMPUTE_CHUNK).toArray();
      if (rows.length === 0) break;
      for (const c of rows) {
        if (c.isDeleted === 1) continue;
        medians.push(c.medianGapDays);
        const daysSinceLast = c.lastPurchaseAt === null ? null : dayNumber(today) - dayNumber(dayOf(c.lastPurchaseAt));
        rfmInputs.push({ daysSinceLast, purchaseCount: c.purchaseCount, spendFen: c.totalSpentFen });
      }
      after = rows[rows.length - 1]!.id;
    }
    await bookkeeping.write({ storeMedianGapDays: storeMedianGap(medians), rfmCutPoints: rfmCutPoints(rfmInputs) });
  }

  /** Customers in id order, RECOMPUTE_CHUNK per transaction, each chunk's purchases read as one range. */
  async function deriveInChunks(
    ctx: StatusContext,
    total: number,
    onProgress?: (p: RecomputeProgress) => void,
  ): Promise<{ customers: number; changed: number }> {
    let done = 0;
    let changedCount = 0;
    let after: string | null = null;
    for (;;) {
      const from: string | null = after;
      const chunk = await db.transaction('rw', [db.customers, db.purchases, db.tierHistory], async (): Promise<{ count: number; last: string; changed: number } | null> => {
        const customers: Customer[] = await (from === null ? db.customers.orderBy(':id') : db.customers.where(':id').above(from)).limit(RECOMPUTE_CHUNK).toArray();
        if (customers.length === 0) return null;
        const first = customers[0]!.id;
        const last = customers[customers.length - 1]!.id;
        const purchases = await db.purchases
          .where('[customerId+purchasedAt]')
          .between([first, Dexie.minKey], [last, Dexie.maxKey], true, true)
          .toArray();
        const changed = await writeDerived(customers, groupPurchasesByCustomer(purchases), ctx);
        return { count: customers.length, last, changed };
      });
      if (!chunk) break;
      done += chunk.count;
      changedCount += chunk.changed;
      after = chunk.last;
      onProgress?.({ done, total: Math.max(total, done) });
    }
    return { customers: done, changed: changedCount };
  }

  /**
   * Every customer's figures and status from the purchases. With `rollover` (rule changes, the daily
   * rollover) first the store-wide inputs (the median gap, the RFM cut points) are recomputed from the
   * customers' cached figures and stored for the incremental path, and the day is recorded as the
   * last recomputation; without it the cached ones are used, exactly as the incremental path derives.
   * Downgrades stay pending either way: only the owner's review applies them. Only changed customers
   * are written. Returns how many customers changed.
   */
  async function recomputeAll(rollover: boolean, onProgress?: (p: RecomputeProgress) => void): Promise<{ customers: number; changed: number }> {
    const total = await db.customers.count();
    onProgress?.({ done: 0, total });
    if (rollover) await storeWideCaches();
    const result = await deriveInChunks(await statusContext(false), total, onProgress);
    if (rollover) {
      await bookkeeping.write({ statusRecomputedOn: dayOf(deps.now().toISOString()), derivationRulesVersion: DERIVATION_RULES_VERSION });
    }
    return result;
  }

  /**
   * The tier review: every customer with a pending downgrade is derived again with downgrades applied
   * (one who qualifies again by now keeps the tier), in chunks, and the day is stored as the last review.
   */
  async function applyTierReview(onProgress?: (p: RecomputeProgress) => void): Promise<{ customers: number; changed: number }> {
    const ids = await db.customers.where('[isDeleted+pendingTierId]').between([0, Dexie.minKey], [0, Dexie.maxKey], true, true).primaryKeys();
    const ctx = await statusContext(true);
    let done = 0;
    let changedCount = 0;
    onProgress?.({ done, total: ids.length });
    for (let i = 0; i < ids.length; i += RECOMPUTE_CHUNK) {
      const part = ids.slice(i, i + RECOMPUTE_CHUNK);
      changedCount += await db.transaction('rw', [db.customers, db.purchases, db.tierHistory], async () => {
        const customers = (await db.customers.bulkGet(part)).filter((c): c is Customer => c !== undefined && c.isDeleted === 0);
        const byCustomer = new Map<string, Purchase[]>();
        for (const c of customers) byCustomer.set(c.id, await customerRange(c.id).toArray());
        return writeDerived(customers, byCustomer, ctx);
      });
      done += part.length;
      onProgress?.({ done, total: ids.length });
    }
    await bookkeeping.write({ lastTierReviewAt: dayOf(deps.now().toISOString()) });
    return { customers: ids.length, changed: changedCount };
  }

  async function returnsOf(originalId: string): Promise<Purchase[]> {
    const rows = await db.purchases.where('returnOf').equals(originalId).toArray();
    return rows.sort((a, b) => (a.purchasedAt < b.purchasedAt ? -1 : a.purchasedAt > b.purchasedAt ? 1 : 0));
  }

  /** The original's checks for a return of `totalFen` (negative), other returns than `exceptId` counted. */
  async function checkReturn(original: Purchase | undefined, fields: PurchaseFields, exceptId: string | null): Promise<Purchase> {
    if (!original || original.isVoided === 1 || original.returnOf !== null || original.totalFen <= 0) throw new PurchaseRuleError('return-original-invalid');
    if (fields.totalFen >= 0) throw new PurchaseRuleError('amount-invalid');
    if (fields.purchasedAt < original.purchasedAt) throw new PurchaseRuleError('return-before-original');
    const others = (await returnsOf(original.id)).filter((r) => r.id !== exceptId);
    if (-fields.totalFen > original.totalFen - returnedFen(others)) throw new PurchaseRuleError('return-exceeds-original');
    return original;
  }

  const tables = [db.purchases, db.customers, db.catalog, db.settings, db.bookkeeping, db.tierHistory] as const;

  return {
    /**
     * Records a purchase (or an untied return: a negative total) on a customer, and in the same
     * transaction updates the customer's figures and the product catalog.
     */
    async record(customerId: string, fields: PurchaseFields, opts: { importId?: string | null } = {}): Promise<Purchase> {
      assertPurchaseFields(fields);
      return db.transaction('rw', tables, async () => {
        await requireCustomer(customerId);
        const purchase = newPurchaseRecord(fields, { id: deps.newId(), customerId, now: deps.now(), importId: opts.importId ?? null });
        await db.purchases.add(purchase);
        await refreshFigures([customerId]);
        await noteInCatalog(db, [purchase]);
        return purchase;
      });
    },

    /** Records a return of `originalId`: negative amounts, no more than what is left of the original. */
    async recordReturn(originalId: string, fields: PurchaseFields): Promise<Purchase> {
      assertPurchaseFields(fields);
      return db.transaction('rw', tables, async () => {
        const original = await checkReturn(await db.purchases.get(originalId), fields, null);
        const purchase = newPurchaseRecord(fields, { id: deps.newId(), customerId: original.customerId, now: deps.now(), returnOf: original.id });
        await db.purchases.add(purchase);
        await refreshFigures([original.customerId]);
        return purchase;
      });
    },

    /** Edits a purchase or return; a voided one is final. An original must still cover its returns. */
    async edit(id: string, fields: PurchaseFields): Promise<Purchase> {
      assertPurchaseFields(fields);
      return db.transaction('rw', tables, async () => {
        const existing = await requirePurchase(id);
        if (existing.isVoided === 1) throw new PurchaseRuleError('purchase-voided');
        if (existing.returnOf !== null) {
          await checkReturn(await db.purchases.get(existing.returnOf), fields, existing.id);
        } else {
          const given = returnedFen(await returnsOf(existing.id));
          if (given > 0 && fields.totalFen < given) throw new PurchaseRuleError('total-below-returns');
        }
        const record = editedPurchaseRecord(existing, fields, deps.now());
        await db.purchases.put(record);
        // A lower amount or another date corrects what the purchase counted for.
        const corrects = record.totalFen < existing.totalFen || record.purchasedAt !== existing.purchasedAt;
        await refreshFigures([existing.customerId], corrects ? new Map([[existing.customerId, { cause: 'edited', before: [existing] }]]) : undefined);
        // Only products the edit added count as a new use; re-saving must not inflate the counts.
        const before = new Set(existing.lines.map((l) => catalogKey(l.product)));
        const added = record.lines.filter((l) => !before.has(catalogKey(l.product)));
        if (added.length) await noteInCatalog(db, [{ ...record, lines: added }]);
        return record;
      });
    },

    /** Voids a purchase with a reason: kept and shown, left out of every figure. Void its returns first. */
    async void(id: string, reason: string): Promise<Purchase> {
      const checked = validateVoidReason(reason);
      if (!checked.ok) throw new PurchaseRuleError(checked.reason);
      return db.transaction('rw', tables, async () => {
        const existing = await requirePurchase(id);
        if (existing.isVoided === 1) return existing;
        if ((await returnsOf(id)).some((r) => r.isVoided === 0)) throw new PurchaseRuleError('void-has-returns');
        const record = voidedPurchaseRecord(existing, checked.value, deps.now());
        await db.purchases.put(record);
        await refreshFigures([existing.customerId], new Map([[existing.customerId, { cause: 'voided', before: [existing] }]]));
        return record;
      });
    },

    get(id: string): Promise<Purchase | undefined> {
      return db.purchases.get(id);
    },

    /** A customer's purchases and returns, voided ones included, newest first. */
    async listForCustomer(customerId: string, limit?: number): Promise<Purchase[]> {
      let collection = customerRange(customerId).reverse();
      if (limit !== undefined) collection = collection.limit(limit);
      return collection.toArray();
    },

    /** What the return form needs: the original, its returns, and what is left to give back. */
    async returnContext(originalId: string): Promise<ReturnContext | undefined> {
      return db.transaction('r', db.purchases, async () => {
        const original = await db.purchases.get(originalId);
        if (!original) return undefined;
        const returns = await returnsOf(originalId);
        const given = returnedFen(returns);
        return { original, returns, returnedFen: given, returnableFen: original.totalFen - given };
      });
    },

    returnsOf,

    /**
     * The incremental path's status context (rules from the settings table, cached store median and cut points from bookkeeping,
     * asOf now), for writers that derive new customers in memory (imports). Inside the caller's transaction.
     */
    statusContext(): Promise<StatusContext> {
      return statusContext(false);
    },

    /**
     * Every customer's figures and status as the incremental path derives them (cached store median,
     * no review recorded): repairs a cache that drifted. Returns how many customers changed.
     */
    recomputeAllFigures(onProgress?: (p: RecomputeProgress) => void): Promise<{ customers: number; changed: number }> {
      return recomputeAll(false, onProgress);
    },

    /**
     * Every customer's figures and status, for rule changes and the daily rollover: the store median
     * and RFM cut points recomputed and cached, chunked transactions, the same derivation as every
     * purchase write. Returns how many customers changed.
     */
    recomputeAllStatus(onProgress?: (p: RecomputeProgress) => void): Promise<{ customers: number; changed: number }> {
      return recomputeAll(true, onProgress);
    },

    /** The owner applies the tier review: pending downgrades take effect, the day is recorded. */
    applyTierReview(onProgress?: (p: RecomputeProgress) => void): Promise<{ customers: number; changed: number }> {
      return applyTierReview(onProgress);
    },

    /**
     * For merges and imports: recompute these customers' figures (inside the caller's transaction if
     * any). `corrections`: the purchases the write took away from a customer, as they were, so that
     * an upgrade they alone caused goes back at once.
     */
    async refreshFigures(customerIds: Iterable<string>, corrections?: ReadonlyMap<string, PurchaseCorrection>): Promise<void> {
      await db.transaction('rw', [db.customers, db.purchases, db.settings, db.bookkeeping, db.tierHistory], () => refreshFigures(customerIds, corrections));
    },

    /** Moves every purchase of one customer to another (a merge) and recomputes both customers' figures. */
    async moveAll(fromCustomerId: string, toCustomerId: string): Promise<number> {
      return db.transaction('rw', [db.customers, db.purchases, db.settings, db.bookkeeping, db.tierHistory], async () => {
        await requireCustomer(toCustomerId);
        const rows = await customerRange(fromCustomerId).toArray();
        const now = deps.now().toISOString();
        // Moving is a change of the purchase record, so unlike the figures it does bump updatedAt.
        await db.purchases.bulkPut(rows.map((p) => ({ ...p, customerId: toCustomerId, updatedAt: now })));
        await refreshFigures([fromCustomerId, toCustomerId], new Map([[fromCustomerId, { cause: 'moved', before: rows }]]));
        return rows.length;
      });
    },

    /** Deletes a customer's purchases for good (deleting the customer from the trash). Returns how many. */
    async removeAllForCustomer(customerId: string): Promise<number> {
      return db.transaction('rw', [db.customers, db.purchases, db.settings, db.bookkeeping, db.tierHistory], async () => {
        const rows = await customerRange(customerId).toArray();
        await db.purchases.bulkDelete(rows.map((p) => p.id));
        await refreshFigures([customerId], new Map([[customerId, { cause: 'deleted', before: rows }]]));
        return rows.length;
      });
    },

    suggestProducts(prefix: string, limit = 8): Promise<CatalogEntry[]> {
      return catalog.suggestProducts(prefix, limit);
    },
  };
}

export type PurchaseRepository = ReturnType<typeof createPurchaseRepository>;
