import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcDayOf } from '../customerFigures';
import { buildCustomerMonths, buildSalesDays, visitDaysByCustomer, type CustomerMonth, type ReportPurchase } from './aggregates';
import {
  buildReportRows,
  customerDaysEntry,
  decodeCustomerDays,
  entryDays,
  entryVisitDayNumbers,
  entryVisits,
  salesDaysAfter,
  sameEntry,
  storedSalesDay,
  visitBucketOf,
  VISIT_BUCKETS,
  type CustomerDaysEntry,
} from './reportRows';
import { HAND_WORKED_PURCHASES, reportPurchase } from '../../../test/factories/reportPurchase';
import { modelPurchasesOf } from '../churnModel/storeModel';

const purchase = reportPurchase;
const purchases = HAND_WORKED_PURCHASES;

const byCustomer = (list: readonly ReportPurchase[]) => {
  const out = new Map<string, ReportPurchase[]>();
  for (const p of list) out.set(p.customerId, [...(out.get(p.customerId) ?? []), p]);
  return out;
};

/** An entry's customer months and visit days, read back independently (from its decoded days), and what entryVisits reads of it. */
const monthsOf = (customerId: string, entry: CustomerDaysEntry) => {
  const months: CustomerMonth[] = [];
  const days: string[] = [];
  const perDay: number[] = [];
  for (const d of decodeCustomerDays(entry)) {
    let current = months.at(-1);
    if (current?.month !== d.day.slice(0, 7)) months.push((current = { customerId, month: d.day.slice(0, 7), purchases: 0, revenueFen: 0, days: [] }));
    current.revenueFen += d.revenueFen;
    current.purchases += d.purchases;
    if (d.purchases > 0) {
      current.days.push(Number(d.day.slice(8, 10)));
      days.push(d.day);
      perDay.push(d.purchases);
    }
  }
  const visitDays: string[] = [];
  const visitsPerDay: number[] = [];
  entryVisits(entry, visitDays, visitsPerDay);
  expect({ visitDays, visitsPerDay }).toEqual({ visitDays: days, visitsPerDay: perDay });
  return { months, days };
};

/** Random purchases of a few customers over a few months: sales, returns of them (same customer), voids, points, rewards, methods. */
const purchasesArb = fc
  .array(
    fc.record({
      customer: fc.constantFrom('a', 'b', 'c', 'd'),
      day: fc.integer({ min: 0, max: 80 }),
      fen: fc.integer({ min: 0, max: 20_000 }),
      voided: fc.boolean(),
      method: fc.constantFrom('', 'cash', 'card'),
      points: fc.constantFrom(0, 100),
      returned: fc.constantFrom(0, 0, 0.5, 1),
    }),
    { maxLength: 30 },
  )
  .map((drafts) => {
    const out: ReportPurchase[] = [];
    drafts.forEach((d, i) => {
      const day = new Date(Date.UTC(2026, 0, 1 + d.day)).toISOString().slice(0, 10);
      out.push(purchase(`p${i}`, d.customer, day, d.fen, { isVoided: d.voided ? 1 : 0, paymentNote: d.method, pointsPaidFen: Math.min(d.points, d.fen) }));
      if (d.returned > 0) out.push(purchase(`r${i}`, d.customer, new Date(Date.UTC(2026, 0, 3 + d.day)).toISOString().slice(0, 10), -Math.round(d.fen * d.returned), { returnOf: `p${i}` }));
    });
    return out;
  });

describe('report rows', () => {
  it('packs a customer\'s sales days and reads them back', () => {
    const days = buildSalesDays(purchases.filter((p) => p.customerId === 'a'), utcDayOf);
    const entry = customerDaysEntry(purchases.filter((p) => p.customerId === 'a'), utcDayOf)!;
    expect(entry.m).toEqual(['cash', 'WeChat', '']);
    expect(decodeCustomerDays(entry)).toEqual(days);
    expect(entryDays(entry)).toEqual(['2026-01-05', '2026-01-20', '2026-02-01']);
    expect(customerDaysEntry([purchase('x', 'a', '2026-01-01', 1, { isVoided: 1 })], utcDayOf)).toBeNull();
  });

  it('reads the customer months and visit days buildCustomerMonths gives', () => {
    const entry = customerDaysEntry(purchases.filter((p) => p.customerId === 'a'), utcDayOf)!;
    expect(monthsOf('a', entry)).toEqual({
      months: buildCustomerMonths(purchases, utcDayOf).filter((m) => m.customerId === 'a'),
      days: ['2026-01-05'],
    });
  });

  it('spreads ids over every bucket', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 20_000; i++) seen.add(visitBucketOf(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`));
    expect(seen.size).toBe(VISIT_BUCKETS);
    expect([...seen].every((b) => Number.isInteger(b) && b >= 0 && b < VISIT_BUCKETS)).toBe(true);
  });

  it('reads an entry’s visit days as the churn model reads a customer’s purchases (voids, returns and purchases returned in full are no visit)', () => {
    fc.assert(
      fc.property(purchasesArb, (list) => {
        for (const [id, own] of byCustomer(list)) {
          const entry = customerDaysEntry(own, utcDayOf);
          const modelDays = [...new Set(modelPurchasesOf(own, utcDayOf).map((p) => p.day))].sort((a, b) => a - b);
          expect([id, entry === null ? [] : entryVisitDayNumbers(entry)]).toEqual([id, modelDays]);
        }
      }),
    );
    const entry = customerDaysEntry(purchases.filter((p) => p.customerId === 'a'), utcDayOf)!;
    // a: two purchases on 01-05 (one visit), a void on 01-06, 01-20 returned in full.
    expect(entryVisitDayNumbers(entry)).toEqual([Date.UTC(2026, 0, 5) / 86_400_000]);
  });

  it('stores a day without its payment methods at 0, and no day that holds nothing', () => {
    expect(storedSalesDay({ day: '2026-01-01', revenueFen: 0, purchases: 1, pointsFen: 0, rewardFen: 0, byMethodFen: { cash: 0 } })).toEqual({ day: '2026-01-01', revenueFen: 0, purchases: 1, pointsFen: 0, rewardFen: 0, byMethodFen: {} });
    expect(storedSalesDay({ day: '2026-01-01', revenueFen: 0, purchases: 0, pointsFen: 0, rewardFen: 0, byMethodFen: { cash: 0 } })).toBeNull();
  });

  it('built from scratch, equals the aggregates over every purchase (returns with their customer)', () => {
    fc.assert(
      fc.property(purchasesArb, (list) => {
        const built = buildReportRows(byCustomer(list), utcDayOf);
        expect(built.salesDays).toEqual(buildSalesDays(list, utcDayOf).map(storedSalesDay).filter((d) => d !== null));
        const months: CustomerMonth[] = [];
        const visits = new Map<string, string[]>();
        for (const row of built.buckets) {
          for (const [id, entry] of Object.entries(row.customers)) {
            expect(visitBucketOf(id)).toBe(row.bucket);
            const got = monthsOf(id, entry);
            months.push(...got.months);
            if (got.days.length) visits.set(id, got.days);
          }
        }
        const expected = buildCustomerMonths(list, utcDayOf);
        const key = (m: CustomerMonth) => `${m.customerId}${m.month}`;
        expect(months.sort((x, y) => (key(x) < key(y) ? -1 : 1))).toEqual(expected);
        expect(new Map([...visits].sort())).toEqual(new Map([...visitDaysByCustomer(expected)].sort()));
      }),
    );
  });

  it('kept by differences, equals the days built from scratch after any change of any customers', () => {
    fc.assert(
      fc.property(purchasesArb, purchasesArb, (first, second) => {
        const before = byCustomer(first);
        const after = byCustomer(second);
        const stored = new Map(buildReportRows(before, utcDayOf).salesDays.map((d) => [d.day, d]));
        const ids = [...new Set([...before.keys(), ...after.keys()])];
        const was = ids.map((id) => customerDaysEntry(before.get(id) ?? [], utcDayOf));
        const now = ids.map((id) => customerDaysEntry(after.get(id) ?? [], utcDayOf));
        const { put, remove } = salesDaysAfter(stored, was, now);
        const result = new Map(stored);
        for (const day of remove) result.delete(day);
        for (const d of put) result.set(d.day, d);
        expect([...result.values()].sort((x, y) => (x.day < y.day ? -1 : 1))).toEqual(buildReportRows(after, utcDayOf).salesDays);
        ids.forEach((id, i) => expect(sameEntry(was[i], now[i])).toBe(JSON.stringify(was[i]) === JSON.stringify(now[i])));
      }),
    );
  });
});
