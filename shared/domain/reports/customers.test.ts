import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storeMedianGap } from '../churn';
import { computeCustomerFigures, utcDayOf } from '../customerFigures';
import { DEFAULT_LIFECYCLE_RULES, isChurned } from '../lifecycle';
import { buildCustomerMonths, buildSalesDays, type CustomerMonth } from './aggregates';
import { boughtAgain, churnByMonth, churnedAt, cohortRetention, customersSummary, newVsReturning, repurchaseRate, visitFrequencyOfDays } from './customers';
import { encodeCustomerDays, entryVisits } from './reportRows';
import { reportPurchase } from '../../../test/factories/reportPurchase';
import { visitFrequency } from '../../../test/support/reportReference';

const visits = new Map<string, string[]>([
  ['a', ['2026-01-05', '2026-02-10', '2026-03-01']],
  ['b', ['2026-01-20']],
  ['c', ['2026-02-03', '2026-02-04']],
  ['d', ['2025-12-30', '2026-03-15']],
]);

describe('customer figures', () => {
  it('new against returning per month', () => {
    expect(newVsReturning(visits, '2026-01-01', '2026-03-31', 'month')).toEqual([
      { period: '2026-01', newCustomers: 2, returning: 0, active: 2 },
      { period: '2026-02', newCustomers: 1, returning: 1, active: 2 },
      { period: '2026-03', newCustomers: 0, returning: 2, active: 2 },
    ]);
  });

  it('repurchase within 90 days of the first visit, an open window pending', () => {
    // a came back after 36 days, c the next day; b's 90 days are still open on 10 April (80 days).
    expect(repurchaseRate(visits, '2026-01-01', '2026-03-31', 'month', '2026-04-10')).toEqual([
      { period: '2026-01', firstTimers: 2, repeated: 1, pending: 1, rate: 1 },
      { period: '2026-02', firstTimers: 1, repeated: 1, pending: 0, rate: 1 },
      { period: '2026-03', firstTimers: 0, repeated: 0, pending: 0, rate: null },
    ]);
    // By 1 May b's window has closed without a second visit.
    expect(repurchaseRate(visits, '2026-01-01', '2026-01-31', 'month', '2026-05-01')[0]).toEqual({ period: '2026-01', firstTimers: 2, repeated: 1, pending: 0, rate: 0.5 });
    // Two purchases on the first day are one visit; a second visit on day 91 is too late.
    const late = new Map([['e', ['2026-01-01', '2026-04-02']]]);
    expect(repurchaseRate(late, '2026-01-01', '2026-01-31', 'month', '2026-06-01')[0]).toMatchObject({ repeated: 0, rate: 0 });
  });

  it("the share of the period before's customers who bought again", () => {
    expect(boughtAgain(visits, '2026-01-01', '2026-03-31', 'month')).toEqual([
      { period: '2026-01', previousCustomers: 1, boughtAgain: 0, share: 0 },
      { period: '2026-02', previousCustomers: 2, boughtAgain: 1, share: 0.5 },
      { period: '2026-03', previousCustomers: 2, boughtAgain: 1, share: 0.5 },
    ]);
  });

  it('cohort retention by month of first visit', () => {
    expect(cohortRetention(visits, '2026-01', '2026-03-20')).toEqual([
      { cohort: '2026-01', customers: 2, active: [2, 1, 1], shares: [1, 0.5, 0.5] },
      { cohort: '2026-02', customers: 1, active: [1, 0], shares: [1, 0] },
      { cohort: '2026-03', customers: 0, active: [0], shares: [0] },
    ]);
  });

  it('visit frequency over the chosen months', () => {
    const row = (customerId: string, month: string, purchases: number): CustomerMonth => ({ customerId, month, purchases, revenueFen: 0, days: [] });
    const rows = [row('x', '2026-01', 1), row('x', '2026-02', 2), row('y', '2026-01', 1), row('z', '2026-02', 12), row('w', '2026-03', 5), row('v', '2026-01', 0)];
    expect(visitFrequency(rows, '2026-01', '2026-02')).toEqual([
      { min: 1, max: 1, customers: 1 },
      { min: 2, max: 2, customers: 0 },
      { min: 3, max: 3, customers: 1 },
      { min: 4, max: 4, customers: 0 },
      { min: 5, max: 9, customers: 0 },
      { min: 10, max: null, customers: 1 },
    ]);
  });

  it('visit frequency from the visit days and their visits is the month rows\' (what the reports worker keeps of each customer)', () => {
    const dayArb = fc.integer({ min: 0, max: 500 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const purchaseArb = fc.record({ customer: fc.constantFrom('a', 'b', 'c', 'd'), day: dayArb, returnOf: fc.option(fc.integer({ min: 0, max: 39 }), { nil: null }) });
    fc.assert(
      fc.property(fc.array(purchaseArb, { maxLength: 40 }), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 6 }), (list, from, span) => {
        // A return takes back a purchase of the same customer in full (a purchase returned in full is no visit), or one not in the list.
        // Visits are counted per customer: each customer's entry is built from their own purchases only, as the derivation builds it.
        const returned = (p: (typeof list)[number], i: number) => (p.returnOf !== null && list[p.returnOf]?.customer === p.customer ? `p${p.returnOf}` : `gone${i}`);
        const purchases = list.map((p, i) => reportPurchase(`p${i}`, p.customer, p.day, p.returnOf === null ? 1_000 : -1_000, { returnOf: p.returnOf === null ? null : returned(p, i) }));
        const months = buildCustomerMonths(purchases, utcDayOf);
        const fromMonth = `${2025 + Math.floor(from / 12)}-${String((from % 12) + 1).padStart(2, '0')}`;
        const toIndex = from + span;
        const toMonth = `${2025 + Math.floor(toIndex / 12)}-${String((toIndex % 12) + 1).padStart(2, '0')}`;
        const visits = new Map<string, string[]>();
        const perDay = new Map<string, number[]>();
        for (const id of ['a', 'b', 'c', 'd']) {
          const entry = encodeCustomerDays(buildSalesDays(purchases.filter((p) => p.customerId === id), utcDayOf));
          if (!entry) continue;
          const days: string[] = [];
          const counts: number[] = [];
          entryVisits(entry, days, counts);
          visits.set(id, days);
          perDay.set(id, counts);
        }
        expect(visitFrequencyOfDays(visits, perDay, fromMonth, toMonth)).toEqual(visitFrequency(months, fromMonth, toMonth));
      }),
      { numRuns: 200 },
    );
  });

  it('churn per month by the lifecycle rules (180 days and twice the usual gap), and who came back', () => {
    // f's median gap is 10 days, the store's too until g's second visit; e and g have one visit day each.
    const store = new Map([
      ['e', ['2025-01-10']],
      ['f', ['2025-01-01', '2025-01-11', '2025-01-21']],
      ['g', ['2025-01-05', '2025-09-01']],
    ]);
    // On 30 June e is 171 days out, f 160, g 176: none churned; by 31 July all three are past 180.
    expect(churnByMonth(store, '2025-07', '2025-09', '2025-10-15')).toEqual([
      { month: '2025-07', base: 3, churned: 3, rate: 1, cameBack: 0, churnedAtEnd: 3 },
      { month: '2025-08', base: 0, churned: 0, rate: null, cameBack: 0, churnedAtEnd: 3 },
      { month: '2025-09', base: 0, churned: 0, rate: null, cameBack: 1, churnedAtEnd: 2 },
    ]);
    // A longer usual gap holds churn back: f's gaps are 110 days, so is the store's median, and 202 < 2 × 110.
    const slow = new Map([
      ['e', ['2025-01-10']],
      ['f', ['2024-07-01', '2024-10-19', '2025-02-06']],
    ]);
    expect(churnByMonth(slow, '2025-07', '2025-07', '2025-08-01')[0]).toMatchObject({ base: 2, churned: 0, rate: 0 });
  });

  it('the month holding asOf is judged on asOf, later months are left out', () => {
    const one = new Map([['e', ['2025-01-10']]]);
    // 7 July is 178 days on: not yet churned.
    expect(churnByMonth(one, '2025-07', '2025-09', '2025-07-07')).toEqual([{ month: '2025-07', base: 1, churned: 0, rate: 0, cameBack: 0, churnedAtEnd: 0 }]);
  });
});

describe('churnedAt', () => {
  it('agrees with the lifecycle rule asked plainly at every month end (the customer figures of the visits up to it)', () => {
    const ends = ['2024-12-31', '2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31', '2025-06-30', '2025-07-31', '2025-08-31', '2025-09-30', '2025-10-31', '2025-11-30', '2025-12-31'];
    const dayArb = fc.integer({ min: 0, max: 729 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(dayArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 20, max: 200 }), (customers, churnMinDays) => {
        const rules = { ...DEFAULT_LIFECYCLE_RULES, churnMinDays };
        const visits = new Map(customers.map((days, i) => [`c${i}`, [...days].sort()]));
        const tracks = churnedAt(visits, ends, rules);
        ends.forEach((end, e) => {
          const figures = new Map(
            [...visits].map(([id, days]) => [id, computeCustomerFigures(days.filter((d) => d <= end).map((d) => ({ id: d, purchasedAt: `${d}T09:00:00.000Z`, totalFen: 100, isVoided: 0 as const, returnOf: null })), utcDayOf)]),
          );
          const store = storeMedianGap([...figures.values()].map((f) => f.medianGapDays));
          for (const [id, f] of figures) {
            const expected = f.purchaseCount === 0 ? null : isChurned({ figures: f, asOf: new Date(`${end}T20:00:00.000Z`), storeMedianGapDays: store, rules, dayOf: utcDayOf });
            expect(tracks.get(id)!.churned[e]).toBe(expected);
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('customersSummary', () => {
  it('counts a window\'s customers once each, the new among them, and their 90-day repurchase', () => {
    const visits = new Map<string, string[]>([
      ['old', ['2025-11-01', '2026-01-10', '2026-02-20']],
      ['new', ['2026-01-05', '2026-02-01']],
      ['once', ['2026-02-27']],
      ['gone', ['2025-06-01']],
      ['later', ['2026-04-01']],
    ]);
    expect(customersSummary(visits, '2026-01-01', '2026-02-28', '2026-03-01')).toEqual({
      active: 3,
      newCustomers: 2,
      returning: 1,
      firstTimers: 2,
      repeated: 1,
      // 'once' came 2 days ago: their window is open.
      pending: 1,
      repurchaseRate: 1,
    });
  });
});
