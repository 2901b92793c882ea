// The purchase dialog's points read: what it previews (the payment and what the purchase earns) is what the purchase write then stores.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcDayOf } from '../../shared/domain/customerFigures';
import { DEFAULT_POINTS_RULES, type PointsRules } from '../../shared/domain/pointsRules';
import { makeCustomerFields } from '../../test/factories/customer';
import { makeLine, makePurchaseFields } from '../../test/factories/purchase';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { createCustomerRepository } from './customers';
import { createPointsRepository } from './points';
import { createTillPointsReader, tillEarning, tillPayment } from './pointsTill';
import { createPurchaseRepository } from './purchases';

const database = freshDatabasePerTest();
// Ids go on across the property's runs, which share the test's database.
let seq = 0;

const RULES: PointsRules = {
  ...structuredClone(DEFAULT_POINTS_RULES),
  earn: { points: 1, perFen: 100, rounding: 'down' },
  excludedCategories: ['礼盒'],
  memberDay: { days: { kind: 'month-days', days: [1, 18] }, multiplier: 3 },
  birthday: { window: 'month', multiplier: 2 },
  combine: 'multiply',
  welcomeBonus: 50,
  redeem: { points: 100, fen: 100, maxPercent: 50 },
  expiry: [{ kind: 'months', months: 12, from: '2000-01-01T00:00:00.000Z' }],
} as PointsRules;

function setUp() {
  const db = database();
  const state = { clock: new Date('2026-03-01T10:00:00Z') };
  const deps = { now: () => state.clock, newId: () => `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`, dayOf: utcDayOf };
  return {
    db,
    state,
    points: createPointsRepository(db, deps),
    purchases: createPurchaseRepository(db, deps),
    customers: createCustomerRepository(db, deps),
    till: createTillPointsReader(db, deps),
  };
}

describe('points at the till', () => {
  it('null for a customer not found; the balance, the rules and the first purchase for a new one', async () => {
    const s = setUp();
    await s.points.saveRules(RULES);
    expect(await s.till.read('00000000-0000-4000-8000-999999999999')).toBeNull();
    const c = await s.customers.create(makeCustomerFields());
    const read = (await s.till.read(c.id))!;
    expect(read.summary.available).toBe(0);
    expect(read.rules.welcomeBonus).toBe(50);
    expect(read.facts.isFirstPurchase).toBe(true);
    expect(read.customer).toEqual({ tierId: read.facts.tierId, isDeleted: 0 });
  });

  it('what it previews is what a purchase pays with points and earns, over any sequence of purchases', async () => {
    const line = fc.record({ quantity: fc.integer({ min: 1, max: 3 }), unitPriceFen: fc.integer({ min: 1, max: 50_000 }), gift: fc.boolean() });
    const purchase = fc.record({
      lines: fc.array(line, { maxLength: 3 }),
      totalFen: fc.integer({ min: 1, max: 200_000 }),
      day: fc.integer({ min: 0, max: 40 }),
      request: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5_000 }), fc.constant(1_000_000)),
    });
    await fc.assert(
      // Rates of a fen a point, of less, and of more (where the cap's fen and the points do not divide evenly).
      fc.asyncProperty(fc.array(purchase, { minLength: 1, maxLength: 6 }), fc.constantFrom({ points: 100, fen: 100, maxPercent: 50 }, { points: 3, fen: 1, maxPercent: 30 }, { points: 1, fen: 2, maxPercent: 50 }), async (list, rate) => {
        const s = setUp();
        await s.points.saveRules({ ...RULES, redeem: rate });
        const c = await s.customers.create(makeCustomerFields({ birthday: { calendar: 'solar', year: null, month: 3, day: 20, leapMonth: false } }));
        await s.points.adjust(c.id, 1_500, '开业赠送');
        for (const p of list) {
          s.state.clock = new Date(Date.parse('2026-03-01T10:00:00Z') + p.day * 86_400_000);
          const at = s.state.clock.toISOString();
          const fields =
            p.lines.length === 0
              ? makePurchaseFields({ totalFen: p.totalFen, purchasedAt: at })
              : makePurchaseFields({ purchasedAt: at, lines: p.lines.map((l, i) => makeLine({ product: `茶${i}`, category: l.gift ? '礼盒' : '绿茶', quantity: l.quantity, unitPriceFen: l.unitPriceFen })) });
          const read = (await s.till.read(c.id))!;
          const payment = tillPayment(read, fields.totalFen, p.request);
          const earning = tillEarning(read, fields, payment.fen, s.state.clock);
          const saved = await s.purchases.record(c.id, fields, { pointsToRedeem: payment.points });
          const entries = await s.db.pointsEntries.where('purchaseId').equals(saved.id).toArray();
          const spent = entries.filter((e) => e.kind === 'redeem').reduce((sum, e) => sum - e.points, 0);
          const earned = entries.filter((e) => e.kind === 'earn' || e.kind === 'bonus').reduce((sum, e) => sum + e.points, 0);
          expect({ spent, earned, paidFen: saved.pointsPaidFen ?? 0 }).toEqual({ spent: payment.points, earned: earning.total, paidFen: payment.fen });
        }
      }),
      { numRuns: 25 },
    );
  });
});
