// The status engine: derives each customer's figures and status from their purchases into customerState,
// inside a purchase write (refresh) or as a whole-store pass (recomputation, rollover, tier review).
import Dexie from 'dexie';
import type { CustomerPointsFields, CustomerState } from '../../../shared/domain/customer';
import { storeMedianGap } from '../../../shared/domain/churn';
import { DERIVATION_RULES_VERSION, dayNumber, groupPurchasesByCustomer, localDayOf, type DayOf } from '../../../shared/domain/customerFigures';
import { derivedCustomerRecord, type StatusContext, type StatusCorrection } from '../../../shared/domain/customerDerived';
import type { TierHistoryEntry } from '../../../shared/domain/customerStatus';
import type { Purchase } from '../../../shared/domain/purchase';
import { rfmCutPoints, type RfmInput } from '../../../shared/domain/rfm';
import { fitStoreChurnModel, visitsModelBasis, visitsSampleBuckets, type ChurnModelInput, type VisitsModelSource } from '../../../shared/domain/churnModel/storeModel';
import { tierBeforeMistake, type CorrectionCause } from '../../../shared/domain/tierCorrection';
import { createBookkeepingRepository } from '../bookkeeping';
import type { RegularsDatabase } from '../database';
import { createSettingsRepository } from '../settings';
import { writeTransaction } from './scopes';
import { writePointsFields } from './points';
import { recordAudit } from '../audit';
import { deriveReportRows } from './reports';
import { noteStateRows } from './statusCounts';
import { eachVisitBucket } from '../reportFigures';
import { entryVisitDayNumbers } from '../../../shared/domain/reports/reportRows';

export interface DerivationDeps {
  now: () => Date;
  newId: () => string;
  /** The calendar day of an ISO time for the gap figures; the app passes local time. */
  dayOf?: DayOf;
  /** A monotonic clock in ms (performance.now) for the store-wide pass's timings; without it they read 0. */
  elapsed?: () => number;
}

/** The store-wide pass of a rules recomputation or rollover: the churn model's fit, how many customers it read and how long it took. */
export interface StoreWidePass {
  modelCustomers: number;
  fitMs: number;
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

/**
 * Customers per transaction in a full recomputation (their purchases are read in the same range):
 * fewer, larger transactions cost less (each commit also reruns the page's live queries), while a
 * purchase recorded meanwhile waits for at most one.
 */
const RECOMPUTE_CHUNK = 2_000;

/**
 * Below this share of a chunk's customers to derive, their purchases are read one customer's range
 * each rather than the chunk's whole range.
 */
const FEW_STALE = 0.25;

/** Customers whose purchases one request of a chunk reads (see deriveInChunks). */
const READ_PART = 500;

/**
 * Whether a state row holds what deriving it again now would give, without reading its purchases: it
 * was derived today (its statusAsOf) under the same derivation key. That is exact because every
 * write of a purchase derives its customer again in the same transaction (WRITE_SCOPES.purchase), so
 * the purchases are the ones it was derived from; the key covers everything else the derivation reads
 * but the day (rules, store-wide caches, review mode, the time zone's days, the rules version); the
 * derivation reads the day only, not the time; and deriving a derived row again changes nothing
 * (derivedCustomerRecord's idempotence, tested).
 */
export function isDerivedAs(s: CustomerState, today: string, key: string): boolean {
  return s.derivationKey === key && s.statusAsOf === today;
}

const QUARTER_HOUR_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

/** cyrb53: a 53-bit string hash (public domain, bryc), here with a seed per half of the key. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The derivation key of a status context: a digest (two seeded 53-bit hashes, so two contexts share
 * a key by chance once in 2^106) of every input of the derivation except the purchases, the stored
 * previous status and the day. The days of the clock's day and of half a year before, quarter-hour by
 * quarter-hour, stand for the time zone (and its summer time). Synchronous: it is computed inside
 * purchase writes, whose transaction an outside promise would end.
 */
export function derivationKey(ctx: Omit<StatusContext, 'derivationKey'>): string {
  const zone: string[] = [];
  const today = dayNumber(ctx.dayOf(ctx.asOf.toISOString()));
  for (const back of [0, 182]) {
    const start = (today - back) * DAY_MS;
    for (let q = 0; q < 96; q++) zone.push(ctx.dayOf(new Date(start + q * QUARTER_HOUR_MS).toISOString()));
  }
  const text = JSON.stringify([DERIVATION_RULES_VERSION, ctx.settings, ctx.storeMedianGapDays, ctx.rfmCutPoints, ctx.applyDowngrades, zone, ctx.churnFit ?? null]);
  return `${hash53(text, 1).toString(36)}.${hash53(text, 2).toString(36)}`;
}

export function createDerivation(db: RegularsDatabase, deps: DerivationDeps) {
  const dayOf = deps.dayOf ?? localDayOf;
  const elapsed = deps.elapsed ?? (() => 0);
  const settings = createSettingsRepository(db);
  const bookkeeping = createBookkeepingRepository(db);

  const customerRange = (customerId: string) =>
    db.purchases.where('[customerId+purchasedAt]').between([customerId, Dexie.minKey], [customerId, Dexie.maxKey], true, true);

  /** The status rules (settings) and the caches of the full recomputation (store median, RFM cut points; bookkeeping), as of now. */
  async function statusContext(applyDowngrades: boolean): Promise<StatusContext> {
    const caches = (await bookkeeping.readChecked(['storeMedianGapDays', 'rfmCutPoints', 'churnModel'])).values;
    const ctx: StatusContext = {
      settings: await settings.statusRules(),
      storeMedianGapDays: caches.storeMedianGapDays,
      rfmCutPoints: caches.rfmCutPoints,
      churnFit: caches.churnModel,
      asOf: deps.now(),
      dayOf,
      applyDowngrades,
      newId: deps.newId,
    };
    ctx.derivationKey = derivationKey(ctx);
    return ctx;
  }

  /**
   * Derives each customer from their purchases: the state rows to write, the tier history, how many
   * customers' values changed. A row is written when its values changed, or with `restamp` when only
   * its key did (see derivedCustomerRecord); a row left alone keeps a key that still holds, as its
   * purchases have not changed since it was stamped.
   */
  function deriveRows(
    states: readonly CustomerState[],
    purchasesOf: ReadonlyMap<string, readonly Purchase[]>,
    ctx: StatusContext,
    restamp: boolean,
    corrections: ReadonlyMap<string, StatusCorrection> = new Map(),
  ): { rows: CustomerState[]; were: CustomerState[]; history: TierHistoryEntry[]; changed: number } {
    const rows: CustomerState[] = [];
    const were: CustomerState[] = [];
    const history: TierHistoryEntry[] = [];
    let changed = 0;
    for (const s of states) {
      const d = derivedCustomerRecord(s, purchasesOf.get(s.id) ?? [], ctx, corrections.get(s.id) ?? null);
      if (d.valuesChanged) changed++;
      if (d.valuesChanged || (restamp && d.changed)) {
        rows.push(d.record);
        were.push(s);
      }
      for (const h of d.history) history.push(h);
    }
    return { rows, were, history, changed };
  }

  /** deriveRows, then the rows and the history written; returns how many customers' values changed. */
  async function writeDerived(
    states: readonly CustomerState[],
    purchasesOf: ReadonlyMap<string, readonly Purchase[]>,
    ctx: StatusContext,
    corrections?: ReadonlyMap<string, StatusCorrection>,
    restamp = true,
  ): Promise<number> {
    const { rows, were, history, changed } = deriveRows(states, purchasesOf, ctx, restamp, corrections);
    if (rows.length) await Dexie.Promise.all([db.customerState.bulkPut(rows), noteStateRows(db, were, rows)]);
    if (history.length) await db.tierHistory.bulkAdd(history);
    return changed;
  }

  /** Each customer's purchases, one range of [customerId+purchasedAt] each, the requests issued together. */
  async function purchasesOfCustomers(ids: readonly string[]): Promise<Map<string, Purchase[]>> {
    // Dexie's all, not the native one: awaited in a loop (storedPurchasesOf), it must resume inside the transaction.
    const lists = await Dexie.Promise.all(ids.map((id) => customerRange(id).toArray()));
    return new Map(ids.map((id, i) => [id, lists[i]!]));
  }

  /** tierBeforeMistake for one customer: their purchases before and after the write, and their tier history. */
  async function tierWithoutMistake(s: CustomerState, after: readonly Purchase[], correction: PurchaseCorrection, ctx: StatusContext): Promise<string | null> {
    const old = new Map(correction.before.map((p) => [p.id, p]));
    const before = [...after.filter((p) => !old.has(p.id)), ...correction.before];
    const since = correction.before.reduce((min, p) => (p.createdAt < min ? p.createdAt : min), correction.before[0]!.createdAt);
    const history = await db.tierHistory.where('[customerId+at]').between([s.id, Dexie.minKey], [s.id, Dexie.maxKey], true, true).toArray();
    return tierBeforeMistake({ scheme: ctx.settings.scheme, current: s.tierId, history, before, after, since, dayOf: ctx.dayOf });
  }

  /**
   * Recomputes the customers' figures and status (tier, stage, risk) from their purchases, writes the
   * state rows that changed and a tier-history entry for each tier change. Every purchase write calls
   * it inside its own transaction, which must hold WRITE_SCOPES.purchase. The customer record is not
   * touched (nor its updatedAt): figures and status are a cache of the purchases, not an edit.
   * `corrections`: the purchases the write took away from a customer, as they were, so that an upgrade
   * they alone caused goes back at once. `points`: customers' points the write derived from the entries
   * it wrote (./points.ts), written onto their points rows. The write then holds WRITE_SCOPES.points too.
   * The report entries of every customer named are derived again too (./reports.ts).
   */
  async function refresh(
    customerIds: Iterable<string>,
    corrections: ReadonlyMap<string, PurchaseCorrection> = new Map(),
    points: ReadonlyMap<string, CustomerPointsFields> = new Map(),
  ): Promise<void> {
    const ids = [...new Set(customerIds)];
    // Only when there are some: an await that reaches no request lets the transaction commit under fake-indexeddb.
    if (points.size) await writePointsFields(db, points);
    if (ids.length === 0) return;
    // Every customer named, with a state row or not (the anonymous id of erased customers' kept purchases).
    const byCustomer = await purchasesOfCustomers(ids);
    await deriveReportRows(db, byCustomer, dayOf);
    const states = (await db.customerState.bulkGet(ids)).filter((s): s is CustomerState => s !== undefined);
    if (states.length === 0) return;
    const ctx = await statusContext(false);
    const corrected = new Map<string, StatusCorrection>();
    if (ctx.settings.grouping === 'tiers') {
      for (const s of states) {
        const correction = corrections.get(s.id);
        if (!correction || correction.before.length === 0) continue;
        const tierId = await tierWithoutMistake(s, byCustomer.get(s.id) ?? [], correction, ctx);
        if (tierId !== null) corrected.set(s.id, { tierId, cause: correction.cause });
      }
    }
    await writeDerived(states, byCustomer, ctx, corrected, true);
  }

  /**
   * As `refresh` without corrections, for a write that knows every purchase of each customer: those
   * stored before it (storedPurchasesOf, read before it wrote) and those it wrote. Nothing is read
   * back; each changed state row is written once.
   */
  async function refreshKnown(purchasesOf: ReadonlyMap<string, readonly Purchase[]>, ctx?: StatusContext): Promise<void> {
    await deriveReportRows(db, purchasesOf, dayOf);
    const states = (await db.customerState.bulkGet([...purchasesOf.keys()])).filter((s): s is CustomerState => s !== undefined);
    if (states.length === 0) return;
    await writeDerived(states, purchasesOf, ctx ?? (await statusContext(false)));
  }

  /**
   * The purchases stored for these customers, read before a write adds to them; a customer without any
   * is left out. A store without purchases (the first import) is answered by one key read.
   */
  async function storedPurchasesOf(customerIds: readonly string[]): Promise<Map<string, Purchase[]>> {
    const out = new Map<string, Purchase[]>();
    if (customerIds.length === 0 || (await db.purchases.limit(1).primaryKeys()).length === 0) return out;
    for (let i = 0; i < customerIds.length; i += RECOMPUTE_CHUNK) {
      for (const [id, list] of await purchasesOfCustomers(customerIds.slice(i, i + RECOMPUTE_CHUNK))) if (list.length) out.set(id, list);
    }
    return out;
  }

  /**
   * The store-wide inputs of the status derivation, from the cached figures (the trash left out), stored
   * for the incremental path: the median gap, the RFM cut points and the churn model, fitted here from
   * the state rows' churnModelInput (the status worker runs this). Answers how many customers with a
   * purchase had no stored input yet (rows written before it existed): their fit is not the store's.
   */
  async function storeWideCaches(): Promise<{ inputsMissing: number; pass: StoreWidePass }> {
    const today = dayOf(deps.now().toISOString());
    const medians: (number | null)[] = [];
    const rfmInputs: Omit<RfmInput, 'id'>[] = [];
    const modelInputs: ChurnModelInput[] = [];
    const modelled = new Set<string>();
    let inputsMissing = 0;
    let after: string | null = null;
    for (;;) {
      const from: string | null = after;
      const rows: CustomerState[] = await (from === null ? db.customerState.orderBy(':id') : db.customerState.where(':id').above(from)).limit(RECOMPUTE_CHUNK).toArray();
      if (rows.length === 0) break;
      for (const c of rows) {
        if (c.isDeleted === 1) continue;
        medians.push(c.medianGapDays);
        const daysSinceLast = c.lastPurchaseAt === null ? null : dayNumber(today) - dayNumber(dayOf(c.lastPurchaseAt));
        rfmInputs.push({ daysSinceLast, purchaseCount: c.purchaseCount, spendFen: c.totalSpentFen });
        if (c.churnModelInput === undefined && c.lastPurchaseAt !== null) inputsMissing++;
        if (c.churnModelInput !== undefined) {
          modelInputs.push(c.churnModelInput);
          modelled.add(c.id);
        }
      }
      after = rows[rows.length - 1]!.id;
    }
    const rules = await settings.statusRules();
    const fitStart = elapsed();
    const visits = await visitsModelSource(modelInputs, modelled, today);
    const churnModel = fitStoreChurnModel(modelInputs, today, rules.churnModel, {}, visits);
    const fitMs = elapsed() - fitStart;
    await bookkeeping.write({ storeMedianGapDays: storeMedianGap(medians), rfmCutPoints: rfmCutPoints(rfmInputs), churnModel });
    return { inputsMissing, pass: { modelCustomers: modelInputs.length, fitMs } };
  }

  /**
   * The stored visits model when it was fitted from the same basis (the same day, nothing new since); otherwise the
   * visit days of the modelled customers in enough report buckets for its sample (visitsSampleBuckets), to fit it again.
   */
  async function visitsModelSource(inputs: readonly ChurnModelInput[], modelled: ReadonlySet<string>, today: string): Promise<VisitsModelSource> {
    const stored = (await bookkeeping.read()).churnModel;
    if (stored?.kind === 'fitted' && stored.visitsBasis === visitsModelBasis(inputs, today)) return { kept: stored.visits };
    const days: [string, number[]][] = [];
    await eachVisitBucket(db, (rows) => {
      for (const row of rows) for (const id in row.customers) if (modelled.has(id)) days.push([id, entryVisitDayNumbers(row.customers[id]!)]);
    }, visitsSampleBuckets(modelled.size));
    return { days };
  }

  /**
   * Every state row derived again, RECOMPUTE_CHUNK customers per transaction, in id order (the chunks'
   * bounds cut from the ids first). Inside a chunk its customers' purchases are read READ_PART
   * customers at a time, each part's range of [customerId+purchasedAt] asked for before the part
   * before it is derived and written: the database reads and writes while the page derives.
   * With `skipDerived`, a row of today stamped with this derivation's key is kept without reading its
   * customer's purchases (isDerivedAs says why that is exact); a chunk whose rows are all such reads
   * no purchases, and one with few others reads just theirs.
   */
  async function deriveInChunks(
    ctx: StatusContext,
    skipDerived: boolean,
    onProgress?: (p: RecomputeProgress) => void,
  ): Promise<{ customers: number; changed: number }> {
    const key = ctx.derivationKey!;
    const today = ctx.dayOf(ctx.asOf.toISOString());
    const ids = (await db.customerState.toCollection().primaryKeys()) as string[];
    const total = ids.length;
    onProgress?.({ done: 0, total });
    let done = 0;
    let changedCount = 0;
    for (let i = 0; i === 0 || i < ids.length; i += RECOMPUTE_CHUNK) {
      // Exclusive lower bound (none for the first chunk), inclusive upper bound (none for the last): a
      // customer added meanwhile falls in some chunk.
      const lower = i === 0 ? null : ids[i - 1]!;
      const upper = i + RECOMPUTE_CHUNK >= ids.length ? null : ids[i + RECOMPUTE_CHUNK - 1]!;
      const chunk = await writeTransaction(db, ['purchase'], [], async () => {
        const stateRange =
          lower === null
            ? upper === null
              ? db.customerState.toCollection()
              : db.customerState.where(':id').belowOrEqual(upper)
            : upper === null
              ? db.customerState.where(':id').above(lower)
              : db.customerState.where(':id').between(lower, upper, false, true);
        const states = await stateRange.toArray();
        const stale = skipDerived ? states.filter((s) => !isDerivedAs(s, today, key)) : states;
        if (stale.length === 0) return { count: states.length, changed: 0 };
        if (stale.length < states.length * FEW_STALE) return { count: states.length, changed: await writeDerived(stale, await purchasesOfCustomers(stale.map((s) => s.id)), ctx, undefined, skipDerived) };

        // Part j: the states [j·READ_PART, (j+1)·READ_PART) and the purchases of customers after the
        // part before's last one up to its own last one ([id, maxKey] is above every purchase of id).
        const parts = Math.ceil(states.length / READ_PART);
        const purchaseIndex = db.purchases.where('[customerId+purchasedAt]');
        const readPart = (j: number) => {
          const after = j === 0 ? lower : states[j * READ_PART - 1]!.id;
          const last = states[Math.min((j + 1) * READ_PART, states.length) - 1]!.id;
          return purchaseIndex.between(after === null ? [Dexie.minKey, Dexie.minKey] : [after, Dexie.maxKey], [last, Dexie.maxKey], true, true).toArray();
        };
        const staleIds = new Set(stale.map((s) => s.id));
        const writes: Promise<unknown>[] = [];
        const write = (p: Promise<unknown>) => {
          // Awaited together below; a failure aborts the transaction, and the read awaited meanwhile fails with it.
          p.catch(() => undefined);
          writes.push(p);
        };
        let changed = 0;
        let next = readPart(0);
        for (let j = 0; j < parts; j++) {
          const purchases = await next;
          if (j + 1 < parts) next = readPart(j + 1);
          const part = states.slice(j * READ_PART, (j + 1) * READ_PART).filter((s) => staleIds.has(s.id));
          // The repair (no skipping) writes only rows whose values it put right.
          const derived = deriveRows(part, groupPurchasesByCustomer(purchases), ctx, skipDerived);
          changed += derived.changed;
          if (derived.rows.length) {
            write(db.customerState.bulkPut(derived.rows));
            write(noteStateRows(db, derived.were, derived.rows));
          }
          if (derived.history.length) write(db.tierHistory.bulkAdd(derived.history));
        }
        // Dexie's all, not the native one: awaited inside the transaction, it resumes there.
        await Dexie.Promise.all(writes);
        return { count: states.length, changed };
      });
      done += chunk.count;
      changedCount += chunk.changed;
      onProgress?.({ done, total: Math.max(total, done) });
    }
    return { customers: done, changed: changedCount };
  }

  /**
   * Every customer's figures and status from the purchases. With `rollover` (rule changes, the daily
   * rollover) first the store-wide inputs (the median gap, the RFM cut points) are recomputed from the
   * cached figures and stored for the incremental path, and the day is recorded as the last
   * recomputation; without it the cached ones are used, exactly as the incremental path derives.
   * Downgrades stay pending either way: only the owner's review applies them. Only changed rows are written.
   */
  async function recomputeAll(rollover: boolean, onProgress?: (p: RecomputeProgress) => void): Promise<{ customers: number; changed: number; storeWide?: StoreWidePass }> {
    const caches = rollover ? await storeWideCaches() : null;
    // The repair (no rollover) reads every customer's purchases: it is there for rows that drifted.
    let result = await deriveInChunks(await statusContext(false), rollover, onProgress);
    let storeWide = caches?.pass;
    if (caches && caches.inputsMissing > 0) {
      // Rows from before the churn model's inputs have them now: fit again from the whole store, and derive with that fit.
      storeWide = (await storeWideCaches()).pass;
      const again = await deriveInChunks(await statusContext(false), true, onProgress);
      result = { customers: again.customers, changed: Math.max(result.changed, again.changed) };
    }
    if (rollover) {
      await bookkeeping.write({ statusRecomputedOn: dayOf(deps.now().toISOString()), derivationRulesVersion: DERIVATION_RULES_VERSION });
    }
    return storeWide ? { ...result, storeWide } : result;
  }

  /**
   * The tier review: every customer with a pending downgrade is derived again with downgrades applied
   * (one who qualifies again by now keeps the tier), in chunks, and the day is stored as the last review.
   */
  async function applyTierReview(onProgress?: (p: RecomputeProgress) => void): Promise<{ customers: number; changed: number }> {
    const ids = (await db.customerState.where('[isDeleted+pendingTierId]').between([0, Dexie.minKey], [0, Dexie.maxKey], true, true).primaryKeys()) as string[];
    const ctx = await statusContext(true);
    let done = 0;
    let changedCount = 0;
    onProgress?.({ done, total: ids.length });
    for (let i = 0; i < ids.length; i += RECOMPUTE_CHUNK) {
      const part = ids.slice(i, i + RECOMPUTE_CHUNK);
      changedCount += await writeTransaction(db, ['purchase'], [], async () => {
        const states = (await db.customerState.bulkGet(part)).filter((s): s is CustomerState => s !== undefined && s.isDeleted === 0);
        return writeDerived(states, await purchasesOfCustomers(states.map((s) => s.id)), ctx);
      });
      done += part.length;
      onProgress?.({ done, total: ids.length });
    }
    await writeTransaction(db, ['audit'], ['bookkeeping'], async () => {
      await bookkeeping.write({ lastTierReviewAt: dayOf(deps.now().toISOString()) });
      await recordAudit(db, deps, { kind: 'tierReview.apply', customerIds: ids, facts: { customers: ids.length, changed: changedCount } });
    });
    return { customers: ids.length, changed: changedCount };
  }

  return {
    /** The incremental path's status context (rules, cached store-wide inputs, asOf now), for customers derived in memory. */
    statusContext: () => statusContext(false),
    /** Inside a transaction holding WRITE_SCOPES.purchase (see refresh above). */
    refresh,
    /** Inside a transaction holding WRITE_SCOPES.purchase (see refreshKnown above). */
    refreshKnown,
    storedPurchasesOf,
    /** As `refresh`, in a transaction of its own when called outside one. */
    refreshFigures(customerIds: Iterable<string>, corrections?: ReadonlyMap<string, PurchaseCorrection>): Promise<void> {
      return writeTransaction(db, ['purchase'], [], () => refresh(customerIds, corrections));
    },
    /** Every customer as the incremental path derives them (cached store-wide inputs): repairs a cache that drifted. */
    recomputeAllFigures: (onProgress?: (p: RecomputeProgress) => void) => recomputeAll(false, onProgress),
    /** Rule changes and the daily rollover: store-wide inputs recomputed and cached, then every customer. */
    recomputeAllStatus: (onProgress?: (p: RecomputeProgress) => void) => recomputeAll(true, onProgress),
    /** The owner applies the tier review: pending downgrades take effect, the day is recorded. */
    applyTierReview,
  };
}

export type Derivation = ReturnType<typeof createDerivation>;
