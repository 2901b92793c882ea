import { describe, expect, it } from 'vitest';
import { utcDayOf } from '../customerFigures';
import { buildCustomerMonths, buildSalesDays, visitDaysByCustomer, type ReportPurchase } from './aggregates';

const purchase = (id: string, customerId: string, day: string, totalFen: number, extra: Partial<ReportPurchase> = {}): ReportPurchase => ({
  id,
  customerId,
  purchasedAt: `${day}T10:00:00.000Z`,
  totalFen,
  isVoided: 0,
  returnOf: null,
  paymentNote: '',
  ...extra,
});

// Customer a: two purchases on 5 January (one part paid with points), one on the 20th returned in full on 1 February,
// one voided; customer b: one purchase on 1 February, part of it taken off by a reward.
const purchases: ReportPurchase[] = [
  purchase('p1', 'a', '2026-01-05', 10_000, { paymentNote: ' cash ' }),
  purchase('p2', 'a', '2026-01-05', 5_000, { paymentNote: 'WeChat', pointsPaidFen: 1_000 }),
  purchase('p3', 'a', '2026-01-20', 8_000, { paymentNote: 'cash' }),
  purchase('r3', 'a', '2026-02-01', -8_000, { returnOf: 'p3' }),
  purchase('v', 'a', '2026-01-06', 99_000, { isVoided: 1 }),
  purchase('p4', 'b', '2026-02-01', 3_000, { paymentNote: 'card', rewardFen: 500 }),
];

describe('report aggregates', () => {
  it('sales per day: net revenue, visits, and what paid it', () => {
    expect(buildSalesDays(purchases, utcDayOf)).toEqual([
      { day: '2026-01-05', revenueFen: 15_000, purchases: 2, pointsFen: 1_000, rewardFen: 0, byMethodFen: { cash: 10_000, WeChat: 4_000 } },
      // Returned in full later: its money stays on its day, but it is no visit.
      { day: '2026-01-20', revenueFen: 8_000, purchases: 0, pointsFen: 0, rewardFen: 0, byMethodFen: { cash: 8_000 } },
      { day: '2026-02-01', revenueFen: -5_000, purchases: 1, pointsFen: 0, rewardFen: 500, byMethodFen: { '': -8_000, card: 2_500 } },
    ]);
  });

  it('customer months: visits, net spend and visit days', () => {
    const months = buildCustomerMonths(purchases, utcDayOf);
    expect(months).toEqual([
      { customerId: 'a', month: '2026-01', purchases: 2, revenueFen: 23_000, days: [5] },
      { customerId: 'a', month: '2026-02', purchases: 0, revenueFen: -8_000, days: [] },
      { customerId: 'b', month: '2026-02', purchases: 1, revenueFen: 3_000, days: [1] },
    ]);
    expect(visitDaysByCustomer(months)).toEqual(new Map([
      ['a', ['2026-01-05']],
      ['b', ['2026-02-01']],
    ]));
  });

  it('visit days come back in order from rows in any order', () => {
    const days = visitDaysByCustomer([
      { customerId: 'a', month: '2026-03', purchases: 1, revenueFen: 1, days: [2] },
      { customerId: 'a', month: '2026-01', purchases: 2, revenueFen: 1, days: [9, 30] },
    ]);
    expect(days.get('a')).toEqual(['2026-01-09', '2026-01-30', '2026-03-02']);
  });
});
