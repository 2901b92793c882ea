// The whole-store pass on fake-indexeddb: a row derived today under the pass's derivation key is kept
// without reading purchases, and that gives exactly what deriving every customer in full gives.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomerState } from '../../../shared/domain/customer';
import { utcDayOf } from '../../../shared/domain/customerFigures';
import { newCustomerRecord } from '../../../shared/domain/customerRecord';
import type { TierHistoryEntry } from '../../../shared/domain/customerStatus';
import { makeCustomerFields } from '../../../test/factories/customer';
import { makePurchase } from '../../../test/factories/purchase';
import { freshDatabasePerTest } from '../../../test/support/freshDatabase';
import { createSettingsRepository } from '../settings';
import { addCustomers, createDerivation, writeTransaction } from '.';

const database = freshDatabasePerTest();
const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 2, 1, 9);

function setUp(customerCount: number) {
  const db = database();
  let clock = new Date(START);
  let seq = 0;
  // A monotonic clock that moves 5 ms a reading: the store-wide pass times its fit between two readings.
  let ticks = 0;
  const derivation = createDerivation(db, { now: () => clock, newId: () => `h-${String(++seq).padStart(6, '0')}`, dayOf: utcDayOf, elapsed: () => (ticks += 5) });
  const ids = Array.from({ length: customerCount }, (_, i) => `c-${String((i * 7919) % 1000).padStart(4, '0')}-${i}`);
  return {
    db,
    derivation,
    ids,
    setClock: (d: Date) => (clock = d),
    now: () => clock,
    addCustomers: () =>
      writeTransaction(db, ['customer'], [], () => addCustomers(db, ids.map((id) => newCustomerRecord(makeCustomerFields({ name: id }), id, clock, new Date(START - 400 * DAY_MS).toISOString())))),
  };
}

type Store = ReturnType<typeof setUp>;

const rows = async (db: Store['db']) => (await db.customerState.toArray()).map(({ derivationKey: _key, ...row }) => row);
const historyOf = (h: readonly TierHistoryEntry[]) => h.map((e) => `${e.customerId} ${e.from} ${e.to} ${e.reason.code}`).sort();

/**
 * The pass as the app runs it, beside the same pass from the same rows with every key taken off (so
 * every customer is derived from their purchases): rows, changes and tier history must be equal.
 */
async function passEqualsFullPass(s: Store): Promise<void> {
  const { db, derivation } = s;
  const before = await db.customerState.toArray();
  const historyBefore = await db.tierHistory.count();
  const fast = await derivation.recomputeAllStatus();
  const fastRows = await rows(db);
  const fastHistory = historyOf((await db.tierHistory.toArray()).slice(historyBefore));

  await db.customerState.bulkPut(before.map(({ derivationKey: _key, ...row }) => row));
  await db.tierHistory.bulkDelete((await db.tierHistory.toCollection().primaryKeys()).slice(historyBefore));
  const full = await derivation.recomputeAllStatus();
  expect(await rows(db)).toEqual(fastRows);
  expect(full.changed).toBe(fast.changed);
  expect(historyOf((await db.tierHistory.toArray()).slice(historyBefore))).toEqual(fastHistory);
}

const stepArb = fc.oneof(
  fc.record({ kind: fc.constant('sale' as const), customer: fc.nat(), daysBack: fc.integer({ min: 0, max: 500 }), totalFen: fc.integer({ min: 100, max: 300_000 }), voided: fc.boolean() }),
  fc.record({ kind: fc.constant('pass' as const) }),
  fc.record({ kind: fc.constant('days' as const), days: fc.integer({ min: 1, max: 40 }), hour: fc.integer({ min: 0, max: 23 }) }),
  fc.record({ kind: fc.constant('hour' as const), hour: fc.integer({ min: 0, max: 23 }) }),
  fc.record({ kind: fc.constant('rules' as const), grouping: fc.constantFrom('tiers' as const, 'rfm' as const), minOwnGaps: fc.integer({ min: 1, max: 5 }) }),
);

describe('the whole-store pass', () => {
  it('equals deriving every customer in full, on random stores, days, purchases and rule changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 12 }), fc.array(stepArb, { minLength: 3, maxLength: 14 }), async (customerCount, steps) => {
        await database().customerState.clear();
        await database().pointsState.clear();
        await database().customers.clear();
        await database().purchases.clear();
        await database().tierHistory.clear();
        await database().bookkeeping.clear();
        await database().settings.clear();
        const s = setUp(customerCount);
        await s.addCustomers();
        for (const step of [...steps, { kind: 'pass' as const }, { kind: 'pass' as const }]) {
          switch (step.kind) {
            case 'sale': {
              const customerId = s.ids[step.customer % s.ids.length]!;
              const purchasedAt = new Date(s.now().getTime() - step.daysBack * DAY_MS).toISOString();
              const p = makePurchase({ customerId, purchasedAt, totalFen: step.totalFen, ...(step.voided ? { isVoided: 1 as const, voidedAt: purchasedAt } : {}) });
              await writeTransaction(s.db, ['purchase'], [], async () => {
                await s.db.purchases.add(p);
                await s.derivation.refresh([customerId]);
              });
              break;
            }
            case 'pass':
              await passEqualsFullPass(s);
              break;
            case 'days':
              s.setClock(new Date(Date.UTC(s.now().getUTCFullYear(), s.now().getUTCMonth(), s.now().getUTCDate() + step.days, step.hour)));
              break;
            case 'hour':
              s.setClock(new Date(Date.UTC(s.now().getUTCFullYear(), s.now().getUTCMonth(), s.now().getUTCDate(), step.hour)));
              break;
            case 'rules': {
              const settings = createSettingsRepository(s.db);
              const status = await settings.statusRules();
              await settings.write('status', { ...status, grouping: step.grouping, churnRules: { ...status.churnRules, minOwnGaps: step.minOwnGaps } });
              break;
            }
            default: {
              const never: never = step;
              throw new TypeError(`unknown step ${String(never)}`);
            }
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 300_000);

  it('reads no purchases for rows derived today under its key, and reads them all the next day', async () => {
    const s = setUp(30);
    await s.addCustomers();
    const sales = s.ids.map((customerId, i) => makePurchase({ customerId, purchasedAt: new Date(START - (i % 9) * 20 * DAY_MS).toISOString(), totalFen: 10_000 * (1 + (i % 5)) }));
    await s.db.purchases.bulkAdd(sales);
    // The first pass takes the store-wide caches from figures not yet derived; the second from the derived ones.
    expect((await s.derivation.recomputeAllStatus()).changed).toBe(30);
    await s.derivation.recomputeAllStatus();
    const derived = await s.db.customerState.toArray();
    expect(derived.every((r: CustomerState) => r.derivationKey !== undefined && r.purchaseCount === 1)).toBe(true);

    // The purchases go behind the derivation's back (no write path does this): a pass that read them would zero every figure.
    await s.db.purchases.clear();
    s.setClock(new Date(START + 12 * 3_600_000));
    expect(await s.derivation.recomputeAllStatus()).toEqual({ customers: 30, changed: 0, storeWide: { modelCustomers: 30, fitMs: 5 } });
    expect(await s.db.customerState.toArray()).toEqual(derived);

    // A row without the key is derived from its purchases.
    await s.db.customerState.update(s.ids[0]!, { derivationKey: undefined });
    expect(await s.derivation.recomputeAllStatus()).toEqual({ customers: 30, changed: 1, storeWide: { modelCustomers: 30, fitMs: 5 } });
    expect((await s.db.customerState.get(s.ids[0]!))!.purchaseCount).toBe(0);

    // The next day every customer is derived from their purchases.
    s.setClock(new Date(START + DAY_MS));
    await s.derivation.recomputeAllStatus();
    expect((await s.db.customerState.toArray()).every((r) => r.purchaseCount === 0 && r.statusAsOf === '2026-03-02')).toBe(true);
  });

  it('derives every customer in full for the repair (recomputeAllFigures), keys or not', async () => {
    const s = setUp(5);
    await s.addCustomers();
    await s.db.purchases.bulkAdd(s.ids.map((customerId) => makePurchase({ customerId, purchasedAt: new Date(START - DAY_MS).toISOString(), totalFen: 5_000 })));
    await s.derivation.recomputeAllStatus();
    await s.db.purchases.clear();
    expect((await s.derivation.recomputeAllFigures()).changed).toBe(5);
  });
});
