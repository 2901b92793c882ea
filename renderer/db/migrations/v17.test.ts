// Version 17 on a version-16 store: the report tables appear, filled from the purchases as the live derivation
// builds them (every customer's entry in their bucket, the store's days); nothing else changes.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupPurchasesByCustomer, localDayOf, utcDayOf } from '../../../shared/domain/customerFigures';
import { buildReportRows, customerDaysEntry, visitBucketOf, VISIT_BUCKETS } from '../../../shared/domain/reports/reportRows';
import { RegularsDatabase } from '../database';
import { SCHEMA_V16 } from './v16';
import { SCHEMA_V17, V17_BUCKETS, v17AddEntry, v17BucketOf, v17Entry } from './v17';
import { addPointsEntry, buildPointsMonths } from '../../../shared/domain/reports/loyalty';
import { POINTS_ENTRY_KINDS } from '../../../shared/domain/pointsLedger';

const SCHEMA_BEFORE = SCHEMA_V16;

const purchase = (i: number, customerId: string, day: number, totalFen: number, extra: Record<string, unknown> = {}) => ({
  id: `p-${String(i).padStart(6, '0')}`,
  customerId,
  purchasedAt: new Date(Date.UTC(2025, 0, 1 + day, 3 + (i % 10))).toISOString(),
  totalFen,
  isVoided: 0 as 0 | 1,
  returnOf: null as string | null,
  paymentNote: ['', '现金', ' 微信 '][i % 3]!,
  subtotalFen: totalFen,
  discountFen: 0,
  lines: [],
  note: '',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...extra,
});

describe('version 17: report tables', () => {
  it('adds the three tables, without indexes, an index by RFM score and one of tier history by time, and nothing else', () => {
    const { salesDays, visitBuckets, pointsMonths, customerState, tierHistory, ...rest } = SCHEMA_V17;
    expect(salesDays).toBe('day');
    expect(visitBuckets).toBe('bucket');
    expect(pointsMonths).toBe('month');
    expect(customerState).toBe(`${SCHEMA_BEFORE.customerState}, [isDeleted+rfmScore]`);
    expect(tierHistory).toBe('id, [customerId+at], at');
    const { customerState: _s, tierHistory: _t, ...restBefore } = SCHEMA_BEFORE;
    expect(rest).toEqual(restBefore);
  });

  it('packs a customer and picks their bucket as the live code does', () => {
    expect(V17_BUCKETS).toBe(VISIT_BUCKETS);
    const row = fc.record({
      day: fc.integer({ min: 0, max: 400 }),
      fen: fc.integer({ min: -5_000, max: 50_000 }),
      voided: fc.boolean(),
      method: fc.constantFrom('', '现金', ' card '),
      points: fc.constantFrom(0, 300),
      reward: fc.constantFrom(0, 200),
      returns: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.uuid(), fc.array(row, { maxLength: 12 }), (id, rows) => {
        expect(v17BucketOf(id)).toBe(visitBucketOf(id));
        const list = rows.map((r, i) =>
          purchase(i, id, r.day, r.returns === null ? Math.abs(r.fen) : -Math.abs(r.fen), {
            isVoided: r.voided ? 1 : 0,
            paymentNote: r.method,
            pointsPaidFen: r.points,
            rewardFen: r.reward,
            returnOf: r.returns === null ? null : `p-${String(r.returns).padStart(6, '0')}`,
          }),
        );
        expect(v17Entry(list, utcDayOf)).toEqual(customerDaysEntry(list, utcDayOf));
      }),
    );
  });

  it('counts an entry where the live code does', () => {
    const entry = fc.record({
      kind: fc.constantFrom(...POINTS_ENTRY_KINDS),
      points: fc.integer({ min: -1_000, max: 1_000 }),
      reverses: fc.constantFrom(null, 'earned' as const, 'spent' as const),
      createdAt: fc.constant('2026-01-01T00:00:00.000Z'),
    });
    fc.assert(
      fc.property(entry, (e) => {
        const mine = { month: '2026-01', issued: 0, redeemed: 0, expired: 0, adjusted: 0 };
        const live = { ...mine };
        v17AddEntry(mine, e);
        addPointsEntry(live, e);
        expect(mine).toEqual(live);
      }),
    );
  });

  it('opens a version 16 store with every customer\'s entry and the store\'s days', async () => {
    const name = `upgrade-v17-${crypto.randomUUID()}`;
    const before = new Dexie(name);
    before.version(16).stores(SCHEMA_BEFORE);
    await before.open();
    // 1,500 customers with 8 purchases each, one with 6,000 (more than a read's chunk alone), a return in full, a void.
    const rows = [];
    let i = 0;
    for (let c = 0; c < 1_500; c++) for (let k = 0; k < 8; k++) rows.push(purchase(i++, `c-${String(c).padStart(5, '0')}`, (c * 7 + k * 31) % 500, 1_000 + k * 100));
    for (let k = 0; k < 6_000; k++) rows.push(purchase(i++, 'c-big', k % 700, 500));
    rows.push(purchase(i++, 'c-00003', 40, -1_000, { returnOf: 'p-000024' }));
    rows[25] = { ...rows[25]!, isVoided: 1 as const };
    await before.table('purchases').bulkAdd(rows);
    // State rows scored and not, and tier history, for the two new indexes.
    await before.table('customerState').bulkAdd([
      { id: 'c-00000', isDeleted: 0, rfmScore: '545' },
      { id: 'c-00001', isDeleted: 0, rfmScore: null },
      { id: 'c-00002', isDeleted: 1, rfmScore: '111' },
    ]);
    const entries = [
      { id: 'e-1', customerId: 'c-00000', createdAt: '2025-03-01T02:00:00.000Z', kind: 'earn', points: 300, reverses: null },
      { id: 'e-2', customerId: 'c-00000', createdAt: '2025-03-09T02:00:00.000Z', kind: 'redeem', points: -100, reverses: null },
      { id: 'e-3', customerId: 'c-00001', createdAt: '2025-05-01T02:00:00.000Z', kind: 'adjust', points: 50, reverses: null },
    ];
    await before.table('pointsEntries').bulkAdd(entries);
    await before.table('tierHistory').bulkAdd([
      { id: 'h-1', customerId: 'c-00000', at: '2025-03-01T02:00:00.000Z', from: null, to: 'vip' },
      { id: 'h-2', customerId: 'c-00001', at: '2025-06-01T02:00:00.000Z', from: null, to: 'regular' },
    ]);
    before.close();

    const db = new RegularsDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(17);
    const built = buildReportRows(groupPurchasesByCustomer(rows), localDayOf);
    expect(await db.visitBuckets.orderBy('bucket').toArray()).toEqual(built.buckets);
    expect(await db.salesDays.orderBy('day').toArray()).toEqual(built.salesDays);
    expect(await db.purchases.count()).toBe(rows.length);
    expect(await db.customerState.where('[isDeleted+rfmScore]').between([0, ''], [0, '\uffff']).primaryKeys()).toEqual(['c-00000']);
    expect(await db.tierHistory.where('at').above('2025-04-01').primaryKeys()).toEqual(['h-2']);
    expect(await db.pointsMonths.orderBy('month').toArray()).toEqual(buildPointsMonths(entries as never, localDayOf));
    await db.delete();
  });

  it('opens an empty store with empty report tables', async () => {
    const name = `upgrade-v17-empty-${crypto.randomUUID()}`;
    const before = new Dexie(name);
    before.version(16).stores(SCHEMA_BEFORE);
    await before.open();
    before.close();
    const db = new RegularsDatabase(name);
    await db.open();
    expect(await db.visitBuckets.count()).toBe(0);
    expect(await db.salesDays.count()).toBe(0);
    await db.delete();
  });
});
