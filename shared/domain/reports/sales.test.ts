import { describe, expect, it } from 'vitest';
import type { SalesDay } from './aggregates';
import { salesDaysNeeded, salesReport, salesTotal } from './sales';

const day = (d: string, revenueFen: number, purchases: number, byMethodFen: Record<string, number> = { cash: revenueFen }): SalesDay => ({
  day: d,
  revenueFen,
  purchases,
  pointsFen: 0,
  rewardFen: 0,
  byMethodFen,
});

const days = [day('2025-03-10', 1_000, 1), day('2026-02-15', 2_000, 2), day('2026-03-01', 3_000, 2, { cash: 1_000, card: 2_000 }), day('2026-03-31', 1_000, 1)];

describe('sales report', () => {
  it('a whole month against the month before and the same month last year', () => {
    const [march] = salesReport(days, '2026-03-01', '2026-03-31', 'month');
    expect(march).toMatchObject({
      period: '2026-03',
      partial: false,
      revenueFen: 4_000,
      purchases: 3,
      averageTicketFen: 1_333,
      byMethodFen: { cash: 2_000, card: 2_000 },
      previousPeriod: '2026-02',
      previous: { revenueFen: 2_000, purchases: 2, averageTicketFen: 1_000 },
      lastYearPeriod: '2025-03',
      lastYear: { revenueFen: 1_000, purchases: 1, averageTicketFen: 1_000 },
      vsPrevious: { revenue: 100, purchases: 50 },
      vsLastYear: { revenue: 300, purchases: 200 },
    });
    expect(march!.vsPrevious.averageTicket).toBeCloseTo(33.3, 1);
  });

  it('a month so far is compared with as many days of the months it is set against', () => {
    const [march] = salesReport(days, '2026-03-01', '2026-03-15', 'month');
    expect(march).toMatchObject({
      partial: true,
      revenueFen: 3_000,
      purchases: 2,
      previous: { revenueFen: 2_000 }, // 1–15 February holds the 15th
      lastYear: { revenueFen: 1_000 }, // 1–15 March 2025 holds the 10th
    });
    // The 31st against February: February is whole.
    const cut = salesReport([day('2026-02-28', 500, 1), day('2026-03-31', 700, 1)], '2026-03-01', '2026-03-31', 'month');
    expect(cut[0]!.previous.revenueFen).toBe(500);
  });

  it('days and weeks, with a null change on a zero base', () => {
    const rows = salesReport(days, '2026-02-28', '2026-03-01', 'day');
    expect(rows.map((r) => [r.period, r.revenueFen, r.averageTicketFen, r.vsPrevious.revenue])).toEqual([
      ['2026-02-28', 0, null, null],
      ['2026-03-01', 3_000, 1_500, null],
    ]);
    // Sunday 1 March closes the week of 23 February; 10 March 2025 opens the week 52 weeks before 9 March 2026.
    const weeks = salesReport(days, '2026-03-02', '2026-03-15', 'week');
    expect(weeks[0]).toMatchObject({ period: '2026-03-02', revenueFen: 0, previousPeriod: '2026-02-23', previous: { revenueFen: 3_000 }, lastYearPeriod: '2025-03-03', lastYear: { revenueFen: 0 } });
    expect(weeks[0]!.vsPrevious.revenue).toBe(-100);
    expect(weeks[1]).toMatchObject({ period: '2026-03-09', lastYearPeriod: '2025-03-10', lastYear: { revenueFen: 1_000 }, vsPrevious: { revenue: null }, vsLastYear: { revenue: -100 } });
  });

  it('says from which day the comparisons need sales days', () => {
    expect(salesDaysNeeded('2026-03-15', 'month')).toBe('2025-03-01');
    expect(salesDaysNeeded('2026-03-04', 'week')).toBe('2025-03-03');
    expect(salesDaysNeeded('2026-03-04', 'day')).toBe('2025-03-04');
  });
});

describe('salesTotal', () => {
  it('sums the days of a window, and nothing outside it', () => {
    const days = [day('2026-01-31', 999, 9), day('2026-02-01', 1_000, 2), day('2026-02-10', 500, 1, { card: 500 }), day('2026-03-01', 7, 1)];
    expect(salesTotal(days, '2026-02-01', '2026-02-28')).toEqual({ revenueFen: 1_500, purchases: 3, averageTicketFen: 500, pointsFen: 0, rewardFen: 0, byMethodFen: { cash: 1_000, card: 500 } });
    expect(salesTotal(days, '2025-02-01', '2025-02-28')).toEqual({ revenueFen: 0, purchases: 0, averageTicketFen: null, pointsFen: 0, rewardFen: 0, byMethodFen: {} });
  });
});
