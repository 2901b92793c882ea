// The purchase repository: the only code that writes purchases, and it keeps each customer's figures in step.
import Dexie from 'dexie';
import { localDayOf, type DayOf } from '../../shared/domain/customerFigures';
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
import { createCatalogRepository, noteInCatalog } from './catalog';
import { CustomerNotFoundError, type RepositoryDeps } from './customerList';
import type { RegularsDatabase } from './database';
import { recordAudit } from './audit';
import { createDerivation, derivePointsOf, notePointsEntries, writeTransaction, type PurchaseCorrection } from './derivation';
import type { PointsEntry } from '../../shared/domain/pointsLedger';

// The earning rules read lunar birthdays: loaded with the first purchase write, not with the first screen.
let earningModule: Promise<typeof import('./pointsEarning')> | null = null;
const loadEarning = () => (earningModule ??= import('./pointsEarning'));

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

export function createPurchaseRepository(db: RegularsDatabase, deps: PurchaseRepositoryDeps) {
  const dayOf = deps.dayOf ?? localDayOf;
  const catalog = createCatalogRepository(db);

  const customerRange = (customerId: string) =>
    db.purchases.where('[customerId+purchasedAt]').between([customerId, Dexie.minKey], [customerId, Dexie.maxKey], true, true);

  async function requirePurchase(id: string): Promise<Purchase> {
    const found = await db.purchases.get(id);
    if (!found) throw new PurchaseNotFoundError(id);
    return found;
  }

  async function requireCustomer(id: string): Promise<void> {
    if (!(await db.customers.get(id))) throw new CustomerNotFoundError(id);
  }

  const derivation = createDerivation(db, { ...deps, dayOf });
  const refreshFigures = derivation.refresh;

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

  /** A purchase write: the purchase and points scopes, the customer (read) and the catalog; with a reward's stock, the rewards scope. */
  const write = <T>(fn: () => Promise<T>, rewards = false) => writeTransaction(db, rewards ? ['purchase', 'points', 'rewards'] : ['purchase', 'points'], ['customers', 'catalog'], fn);

  /**
   * The write's points entries stored, and the figures, status and points of its customers derived again,
   * one state row put per customer; returns the customers the entries touched besides (a referrer).
   */
  async function refreshWithPoints(entries: readonly PointsEntry[], customerIds: string[], corrections?: ReadonlyMap<string, PurchaseCorrection>): Promise<string[]> {
    if (entries.length) {
      await db.pointsEntries.bulkAdd([...entries]);
      await notePointsEntries(db, entries, []);
    }
    const touched = new Set(entries.map((e) => e.customerId));
    await refreshFigures(customerIds, corrections, touched.size ? await derivePointsOf(db, touched, deps.now()) : undefined);
    return [...touched].filter((id) => !customerIds.includes(id));
  }

  return {
    /**
     * Records a purchase (or an untied return: a negative total) on a customer, and in the same
     * transaction updates the customer's figures and the product catalog, and writes its points: the
     * reward `rewardId` redeemed (its discount off what is paid, a gift's stock taken by one), paid with
     * `pointsToRedeem` points from what the reward leaves (each checked against the catalogue, what the
     * customer may spend and the cap; refused with PointsRefusedError otherwise), earned on what was paid
     * otherwise, the welcome bonus and referral awards.
     */
    async record(customerId: string, fields: PurchaseFields, opts: { importId?: string | null; pointsToRedeem?: number; rewardId?: string | null } = {}): Promise<Purchase> {
      assertPurchaseFields(fields);
      const earning = await loadEarning();
      const rewardId = opts.rewardId ?? null;
      return write(async () => {
        await requireCustomer(customerId);
        const rules = await earning.readPointsRules(db);
        const now = deps.now();
        const reward = fields.totalFen > 0 ? await earning.checkPurchaseReward(db, customerId, rewardId, fields.totalFen, now) : null;
        if (rewardId !== null && !reward) throw new earning.PointsRefusedError('reward-invalid', 'reward');
        const payment = await earning.checkPointsPayment(db, rules, customerId, fields.totalFen, opts.pointsToRedeem ?? 0, now, reward);
        const purchase = newPurchaseRecord(fields, { id: deps.newId(), customerId, now, importId: opts.importId ?? null });
        if (reward) {
          purchase.rewardId = reward.reward.id;
          if (reward.fen > 0) purchase.rewardFen = reward.fen;
        }
        if (payment) purchase.pointsPaidFen = payment.fen;
        await db.purchases.add(purchase);
        const entries = await earning.newPurchaseEntries(db, deps, rules, purchase, payment, reward);
        const others = await refreshWithPoints(entries, [customerId]);
        await noteInCatalog(db, [purchase]);
        await recordAudit(db, deps, { kind: 'purchase.record', customerIds: [customerId, ...others], refs: [purchase.id], facts: { totalFen: purchase.totalFen, purchasedAt: purchase.purchasedAt } });
        if (reward) {
          const { reward: r } = reward;
          if (r.kind === 'gift' && r.stock !== null) await db.rewards.put({ ...r, stock: r.stock - 1 });
          const entry = entries.find((e) => e.kind === 'redeem' && e.rewardId === r.id)!;
          await recordAudit(db, deps, { kind: 'points.redeem', customerIds: [customerId], refs: [r.id, entry.id, purchase.id], facts: { points: r.pointsCost, rewardKind: r.kind } });
        }
        return purchase;
      }, rewardId !== null);
    },

    /** Records a return of `originalId`: negative amounts, no more than what is left of the original. */
    async recordReturn(originalId: string, fields: PurchaseFields): Promise<Purchase> {
      assertPurchaseFields(fields);
      const earning = await loadEarning();
      return write(async () => {
        const original = await checkReturn(await db.purchases.get(originalId), fields, null);
        const purchase = newPurchaseRecord(fields, { id: deps.newId(), customerId: original.customerId, now: deps.now(), returnOf: original.id });
        await db.purchases.add(purchase);
        // The points it earned and spent go back in the share returned (rounded down on all returns so far).
        await refreshWithPoints(await earning.returnEntries(db, deps, await earning.readPointsRules(db), original, purchase), [original.customerId]);
        await recordAudit(db, deps, {
          kind: 'purchase.return',
          customerIds: [original.customerId],
          refs: [purchase.id, original.id],
          facts: { totalFen: purchase.totalFen, purchasedAt: purchase.purchasedAt },
        });
        return purchase;
      });
    },

    /** Edits a purchase or return; a voided one is final. An original must still cover its returns. */
    async edit(id: string, fields: PurchaseFields): Promise<Purchase> {
      assertPurchaseFields(fields);
      const earning = await loadEarning();
      return write(async () => {
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
        // Points: a return edited settles its original again; a purchase earns what its new amount earns
        // (the difference from before, once), then its returns' share is settled on that.
        const entries = await earning.editEntries(db, deps, await earning.readPointsRules(db), record);
        await refreshWithPoints(entries, [existing.customerId], corrects ? new Map([[existing.customerId, { cause: 'edited', before: [existing] }]]) : undefined);
        // Only products the edit added count as a new use; re-saving must not inflate the counts.
        const before = new Set(existing.lines.map((l) => catalogKey(l.product)));
        const added = record.lines.filter((l) => !before.has(catalogKey(l.product)));
        if (added.length) await noteInCatalog(db, [{ ...record, lines: added }]);
        await recordAudit(db, deps, {
          kind: 'purchase.edit',
          customerIds: [existing.customerId],
          refs: [id],
          facts: { totalFenBefore: existing.totalFen, totalFen: record.totalFen, purchasedAtBefore: existing.purchasedAt, purchasedAt: record.purchasedAt },
        });
        return record;
      });
    },

    /** Voids a purchase with a reason: kept and shown, left out of every figure. Void its returns first. */
    async void(id: string, reason: string): Promise<Purchase> {
      const checked = validateVoidReason(reason);
      if (!checked.ok) throw new PurchaseRuleError(checked.reason);
      const earning = await loadEarning();
      return write(async () => {
        const existing = await requirePurchase(id);
        if (existing.isVoided === 1) return existing;
        if ((await returnsOf(id)).some((r) => r.isVoided === 0)) throw new PurchaseRuleError('void-has-returns');
        const record = voidedPurchaseRecord(existing, checked.value, deps.now());
        await db.purchases.put(record);
        // A void gives back everything: what the purchase earned and spent; a voided return, what it took.
        const original = record.returnOf === null ? record : await db.purchases.get(record.returnOf);
        const entries = original ? await earning.settleEntries(db, deps, await earning.readPointsRules(db), original) : [];
        await refreshWithPoints(entries, [existing.customerId], new Map([[existing.customerId, { cause: 'voided', before: [existing] }]]));
        // A gift redeemed with the purchase goes back to the stock (a return gives back its points' share only).
        const gifts = record.returnOf === null ? await earning.giveBackGiftStock(db, record) : [];
        // The reason is the clerk's own words: it stays on the purchase, not in the trail.
        await recordAudit(db, deps, {
          kind: 'purchase.void',
          customerIds: [existing.customerId],
          refs: [id, ...gifts.map((g) => g.id)],
          facts: gifts.length ? { totalFen: existing.totalFen, giftsReturned: gifts.length } : { totalFen: existing.totalFen },
        });
        return record;
      }, true);
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

    /** Moves every purchase of one customer to another (a merge) and recomputes both customers' figures. */
    async moveAll(fromCustomerId: string, toCustomerId: string): Promise<number> {
      return writeTransaction(db, ['purchase'], ['customers'], async () => {
        await requireCustomer(toCustomerId);
        const rows = await customerRange(fromCustomerId).toArray();
        const now = deps.now().toISOString();
        // Moving is a change of the purchase record, so unlike the figures it does bump updatedAt.
        await db.purchases.bulkPut(rows.map((p) => ({ ...p, customerId: toCustomerId, updatedAt: now })));
        await refreshFigures([fromCustomerId, toCustomerId], new Map([[fromCustomerId, { cause: 'moved', before: rows }]]));
        await recordAudit(db, deps, { kind: 'purchase.move', customerIds: [fromCustomerId, toCustomerId], refs: rows.map((p) => p.id), facts: { purchases: rows.length } });
        return rows.length;
      });
    },

    /** Deletes a customer's purchases for good (deleting the customer from the trash). Returns how many. */
    async removeAllForCustomer(customerId: string): Promise<number> {
      return writeTransaction(db, ['purchase'], ['customers'], async () => {
        const rows = await customerRange(customerId).toArray();
        await db.purchases.bulkDelete(rows.map((p) => p.id));
        await refreshFigures([customerId], new Map([[customerId, { cause: 'deleted', before: rows }]]));
        await recordAudit(db, deps, { kind: 'purchase.removeAll', customerIds: [customerId], refs: rows.map((p) => p.id), facts: { purchases: rows.length } });
        return rows.length;
      });
    },

    suggestProducts(prefix: string, limit = 8): Promise<CatalogEntry[]> {
      return catalog.suggestProducts(prefix, limit);
    },
  };
}

export type { PurchaseCorrection, RecomputeProgress } from './derivation';

export type PurchaseRepository = ReturnType<typeof createPurchaseRepository>;
