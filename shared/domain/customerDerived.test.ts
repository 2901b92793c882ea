import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_POINTS, type CustomerState } from './customer';
import { customerFigureFields, utcDayOf, ZERO_FIGURES, type FigureInput } from './customerFigures';
import { customerPointsStateOf, customerRecordOf, derivedCustomerRecord, joinCustomer, type StatusContext } from './customerDerived';
import { DEFAULT_STATUS_SETTINGS, initialStatusFields } from './customerStatus';
import { rfmCutPoints } from './rfm';
import { LIFECYCLE_STAGES } from './lifecycle';

const DAY_MS = 86_400_000;
const AS_OF = Date.UTC(2026, 5, 15, 10);

/** A customer's purchases: sales over about three years, some voided, some returned in part or in full. */
const purchasesArb = fc
  .array(
    fc.record({
      daysBefore: fc.integer({ min: -3, max: 1_100 }),
      minute: fc.integer({ min: 0, max: 1_439 }),
      totalFen: fc.integer({ min: 1, max: 400_000 }),
      voided: fc.boolean(),
      returned: fc.constantFrom(null, 'part', 'all'),
    }),
    { maxLength: 14 },
  )
  .map((sales) => {
    const out: FigureInput[] = [];
    sales.forEach((s, i) => {
      const at = AS_OF - s.daysBefore * DAY_MS + s.minute * 60_000;
      const id = `p${i}`;
      out.push({ id, purchasedAt: new Date(at).toISOString(), totalFen: s.totalFen, isVoided: s.voided && s.returned === null ? 1 : 0, returnOf: null });
      if (s.returned !== null) {
        const back = s.returned === 'all' ? s.totalFen : Math.max(1, Math.floor(s.totalFen / 3));
        out.push({ id: `${id}r`, purchasedAt: new Date(at + 3 * DAY_MS).toISOString(), totalFen: -back, isVoided: 0, returnOf: id });
      }
    });
    return out;
  });

/** What was stored before: any tier (one the scheme no longer has too), stage and last review, figures of another day. */
const previousArb = fc.record({
  tierId: fc.constantFrom('vip', 'regular', 'potential', 'removed-tier', 'rfm-champions', 'rfm-unscored'),
  lifecycleStage: fc.constantFrom(...LIFECYCLE_STAGES),
  lastTierReviewAt: fc.constantFrom(null, '2026-01-01', '2026-06-10'),
  statusAsOf: fc.constantFrom('2026-06-14', '2026-06-15'),
  lastContactAt: fc.constantFrom(null, '2026-01-05T08:00:00.000Z', '2026-06-14T23:30:00.000Z'),
});

const contextArb = fc.record({
  grouping: fc.constantFrom('tiers' as const, 'rfm' as const),
  storeMedianGapDays: fc.constantFrom(null, 7, 30.5, 90),
  scored: fc.boolean(),
  hour: fc.integer({ min: 0, max: 23 }),
});

type Previous = typeof previousArb extends fc.Arbitrary<infer T> ? T : never;
type Context = typeof contextArb extends fc.Arbitrary<infer T> ? T : never;

function stateOf(prev: Omit<Previous, 'lastContactAt'> & { lastContactAt?: string | null }): CustomerState {
  return { id: 'c1', isDeleted: 0, ...customerFigureFields(ZERO_FIGURES), ...initialStatusFields(prev.statusAsOf), ...NO_POINTS, ...prev, lastContactAt: prev.lastContactAt ?? null, lastTouchSort: prev.lastContactAt ?? '' };
}

function contextOf(c: Context, derivationKey?: string): StatusContext {
  const cutPoints = c.scored
    ? rfmCutPoints(Array.from({ length: 40 }, (_, i) => ({ daysSinceLast: (i * 37) % 400, purchaseCount: 1 + (i % 9), spendFen: 10_000 * ((i * 13) % 50) })))
    : null;
  return {
    settings: { ...DEFAULT_STATUS_SETTINGS, grouping: c.grouping },
    storeMedianGapDays: c.storeMedianGapDays,
    rfmCutPoints: cutPoints,
    asOf: new Date(AS_OF - 10 * 3_600_000 + c.hour * 3_600_000),
    dayOf: utcDayOf,
    applyDowngrades: false,
    newId: () => 'h',
    derivationKey,
  };
}

describe('derivedCustomerRecord', () => {
  // What the whole-store pass relies on to keep a row derived today under its key (engine's isDerivedAs).
  it('changes nothing when it derives its own result again with the same purchases, context and day', () => {
    fc.assert(
      fc.property(purchasesArb, previousArb, contextArb, (purchases, prev, c) => {
        const ctx = contextOf(c, 'k1');
        const first = derivedCustomerRecord(stateOf(prev), purchases, ctx);
        // ...at another hour of the same day too: the derivation reads the day only.
        const again = derivedCustomerRecord(first.record, purchases, { ...ctx, asOf: new Date(Date.UTC(2026, 5, 15, 23, 59)) });
        expect(again.valuesChanged).toBe(false);
        expect(again.changed).toBe(false);
        expect(again.history).toEqual([]);
        expect(again.record).toBe(first.record);
      }),
      { numRuns: 500 },
    );
  });

  it('carries the last logged contact over, and counts the cadence from the later of it and the last visit', () => {
    fc.assert(
      fc.property(purchasesArb, previousArb, contextArb, (purchases, prev, c) => {
        const { record } = derivedCustomerRecord(stateOf(prev), purchases, contextOf(c, 'k1'));
        expect(record.lastContactAt).toBe(prev.lastContactAt);
        const touches = [record.lastPurchaseAt, prev.lastContactAt].filter((t): t is string => t !== null).sort();
        expect(record.lastTouchSort).toBe(touches.at(-1) ?? '');
      }),
      { numRuns: 300 },
    );
  });

  it("stamps the record with the context's key, takes it off when derived with a correction or without a key, and says so", () => {
    const base = stateOf({ tierId: 'potential', lifecycleStage: 'prospect', lastTierReviewAt: null, statusAsOf: '2026-06-15' });
    const ctx = contextOf({ grouping: 'tiers', storeMedianGapDays: null, scored: false, hour: 10 }, 'k1');
    // Nothing to derive differently: only the key is new, and the record must be written for it.
    const stamped = derivedCustomerRecord(base, [], ctx);
    expect(stamped).toMatchObject({ valuesChanged: false, changed: true, record: { derivationKey: 'k1' } });
    expect(derivedCustomerRecord(stamped.record, [], ctx)).toMatchObject({ valuesChanged: false, changed: false });
    // Another key, or none: written again, with the new key or without one.
    expect(derivedCustomerRecord(stamped.record, [], { ...ctx, derivationKey: 'k2' })).toMatchObject({ changed: true, record: { derivationKey: 'k2' } });
    const unkeyed = derivedCustomerRecord(stamped.record, [], { ...ctx, derivationKey: undefined });
    expect(unkeyed.changed).toBe(true);
    expect(unkeyed.record.derivationKey).toBeUndefined();
    const corrected = derivedCustomerRecord(stamped.record, [], ctx, { tierId: 'potential', cause: 'voided' });
    expect(corrected.changed).toBe(true);
    expect(corrected.record.derivationKey).toBeUndefined();
    // A record that never had a key, derived without one, gets none (a customer built for a screen).
    expect('derivationKey' in derivedCustomerRecord(base, [], { ...ctx, derivationKey: undefined }).record).toBe(false);
  });

  it('leaves the key out of the customer the screens read', () => {
    const state: CustomerState = { ...stateOf({ tierId: 'vip', lifecycleStage: 'loyal', lastTierReviewAt: null, statusAsOf: '2026-06-15' }), derivationKey: 'k1' };
    const record = { id: 'c1', isDeleted: 0 as const } as Parameters<typeof joinCustomer>[0];
    expect('derivationKey' in joinCustomer(record, state, undefined)).toBe(false);
  });

  it('joins the points row, and reads a customer without one as having no points', () => {
    const state = stateOf({ tierId: 'vip', lifecycleStage: 'loyal', lastTierReviewAt: null, statusAsOf: '2026-06-15' });
    const record = { id: 'c1', isDeleted: 0 as const } as Parameters<typeof joinCustomer>[0];
    const points = { id: 'c1', isDeleted: 0 as const, pointsBalance: 120, pointsExpiringSoon: 20, pointsExpiringAt: '2026-07-01T00:00:00.000Z', pointsNextExpiryAt: '2026-07-01T00:00:00.000Z' };
    expect(joinCustomer(record, state, points)).toMatchObject({ pointsBalance: 120, pointsExpiringSoon: 20, pointsExpiringAt: '2026-07-01T00:00:00.000Z', pointsNextExpiryAt: '2026-07-01T00:00:00.000Z', tierId: 'vip' });
    const none = joinCustomer(record, state, undefined);
    expect(none).toMatchObject({ pointsBalance: 0, pointsExpiringSoon: 0, pointsExpiringAt: null });
    expect('pointsNextExpiryAt' in none).toBe(false);
    expect(customerPointsStateOf({ ...none })).toEqual({ id: 'c1', isDeleted: 0, pointsBalance: 0, pointsExpiringSoon: 0, pointsExpiringAt: null });
    expect(customerRecordOf({ ...joinCustomer(record, state, points) } as never)).not.toHaveProperty('pointsBalance');
  });
});
