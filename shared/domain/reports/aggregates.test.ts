import { describe, expect, it } from 'vitest';
import { utcDayOf } from '../customerFigures';
import { buildCustomerMonths, buildSalesDays, visitDaysByCustomer } from './aggregates';
import { HAND_WORKED_PURCHASES as purchases } from '../../../test/factories/reportPurchase';

// The hand-worked store: a's purchases on 5 and 20 January (the 20th's returned in full on 1 February) and a voided
// one; b's on 1 February (test/factories/reportPurchase.ts).

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
