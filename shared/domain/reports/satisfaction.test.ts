import { describe, expect, it } from 'vitest';
import { utcDayOf } from '../customerFigures';
import { complaintsByMonth, customersServedByMonth } from './satisfaction';

describe('satisfaction per month', () => {
  it('customers served are those with a visit that month', () => {
    const rows = [
      { month: '2026-01', purchases: 2 },
      { month: '2026-01', purchases: 1 },
      { month: '2026-01', purchases: 0 }, // a return only
      { month: '2026-02', purchases: 1 },
    ];
    expect(customersServedByMonth(rows)).toEqual(new Map([['2026-01', 2], ['2026-02', 1]]));
  });

  it('the complaint figures of each month', () => {
    const complaints = [
      { receivedAt: '2026-01-05T10:00:00.000Z', dueAt: '2026-01-06T10:00:00.000Z', resolvedAt: '2026-01-05T14:00:00.000Z' },
      { receivedAt: '2026-01-20T10:00:00.000Z', dueAt: '2026-01-21T10:00:00.000Z', resolvedAt: null },
      { receivedAt: '2025-12-20T10:00:00.000Z', dueAt: '2025-12-21T10:00:00.000Z', resolvedAt: null },
    ];
    const served = new Map([['2026-01', 40]]);
    const rows = complaintsByMonth(complaints, served, ['2026-01', '2026-02'], new Date('2026-03-01T00:00:00.000Z'), utcDayOf);
    expect(rows[0]).toMatchObject({ month: '2026-01', received: 2, customersServed: 40, ratePer100: 5, resolved: 1, medianHoursToResolve: 4, decided: 2, resolvedInTime: 1, inTimeShare: 0.5 });
    expect(rows[1]).toMatchObject({ month: '2026-02', received: 0, customersServed: 0, ratePer100: null, medianHoursToResolve: null });
  });
});
