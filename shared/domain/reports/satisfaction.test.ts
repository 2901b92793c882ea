import { describe, expect, it } from 'vitest';
import { utcDayOf } from '../customerFigures';
import { customersSummary, newVsReturning } from './customers';
import { complaintsByPeriod, complaintsOfWindow, customersServedByPeriod } from './satisfaction';

// Hand-worked store: four customers' visit days, three complaints; now is 5 December 2026 (a Saturday).
const VISITS = new Map<string, string[]>([
  ['a', ['2026-11-28', '2026-11-30', '2026-12-02']],
  ['b', ['2026-12-01']],
  ['c', ['2026-11-15', '2026-12-01']],
  ['d', ['2026-10-20']],
]);
const K1 = { receivedAt: '2026-11-30T09:00:00.000Z', dueAt: '2026-12-01T09:00:00.000Z', resolvedAt: '2026-11-30T15:00:00.000Z' }; // 6 h, in time
const K2 = { receivedAt: '2026-12-01T10:00:00.000Z', dueAt: '2026-12-02T10:00:00.000Z', resolvedAt: null }; // past due by now: decided late
const K3 = { receivedAt: '2026-11-16T10:00:00.000Z', dueAt: '2026-11-17T10:00:00.000Z', resolvedAt: '2026-11-18T10:00:00.000Z' }; // 48 h, late
const COMPLAINTS = [K1, K2, K3];
const NOW = new Date('2026-12-05T10:00:00.000Z');

function byPeriod(fromDay: string, toDay: string, grain: 'day' | 'week' | 'month') {
  const served = customersServedByPeriod(newVsReturning(VISITS, fromDay, toDay, grain));
  return complaintsByPeriod(COMPLAINTS, served, { fromDay, toDay, grain }, NOW, utcDayOf);
}

describe('customers served and the complaint rate per period', () => {
  it('by month: November served a and c (a twice, counted once), December a, b and c', () => {
    const rows = byPeriod('2026-11-01', '2026-12-05', 'month');
    expect(rows.map((r) => [r.period, r.partial, r.received, r.customersServed, r.ratePer100])).toEqual([
      ['2026-11', false, 2, 2, 100],
      ['2026-12', true, 1, 3, 100 / 3],
    ]);
    // K1 6 h and K3 48 h: the median 27 h; K1 in time, K3 late.
    expect(rows[0]).toMatchObject({ resolved: 2, medianHoursToResolve: 27, decided: 2, resolvedInTime: 1, inTimeShare: 0.5 });
    expect(rows[1]).toMatchObject({ resolved: 0, medianHoursToResolve: null, decided: 1, resolvedInTime: 0, inTimeShare: 0 });
  });

  it('by week, across two months: the week of 30 November holds a (Monday and Wednesday, once), b and c, and K1 and K2', () => {
    const rows = byPeriod('2026-11-23', '2026-12-05', 'week');
    expect(rows.map((r) => [r.period, r.partial, r.received, r.customersServed, r.ratePer100])).toEqual([
      ['2026-11-23', false, 0, 1, 0],
      ['2026-11-30', true, 2, 3, 200 / 3],
    ]);
  });

  it('by day: each day its own visitors and complaints; a day with visitors and no complaint is 0, not unknown', () => {
    const rows = byPeriod('2026-11-30', '2026-12-02', 'day');
    expect(rows.map((r) => [r.period, r.partial, r.received, r.customersServed, r.ratePer100])).toEqual([
      ['2026-11-30', false, 1, 1, 100],
      ['2026-12-01', false, 1, 2, 50],
      ['2026-12-02', false, 0, 1, 0],
    ]);
  });

  it('a day without visitors has no rate; customers served not known leave every rate unknown', () => {
    const rows = byPeriod('2026-11-16', '2026-11-16', 'day');
    expect(rows).toMatchObject([{ period: '2026-11-16', received: 1, customersServed: 0, ratePer100: null }]);
    const unknown = complaintsByPeriod(COMPLAINTS, null, { fromDay: '2026-11-23', toDay: '2026-12-05', grain: 'week' }, NOW, utcDayOf);
    expect(unknown.map((r) => [r.period, r.received, r.ratePer100])).toEqual([
      ['2026-11-23', 0, null],
      ['2026-11-30', 2, null],
    ]);
  });

  it('a complaint counts on the store’s day: 01:00 in Shanghai on 30 November is the week of 30 November', () => {
    const shanghai = (iso: string) => utcDayOf(new Date(Date.parse(iso) + 8 * 3_600_000).toISOString());
    const late = { receivedAt: '2026-11-29T17:00:00.000Z', dueAt: '2026-11-30T17:00:00.000Z', resolvedAt: null };
    const rows = complaintsByPeriod([late], new Map([['2026-11-30', 4]]), { fromDay: '2026-11-23', toDay: '2026-12-05', grain: 'week' }, NOW, shanghai);
    expect(rows.map((r) => [r.period, r.received, r.ratePer100])).toEqual([
      ['2026-11-23', 0, null],
      ['2026-11-30', 1, 25],
    ]);
  });

  it('the whole window: its complaints against its customers (customersSummary), not the sum of the periods', () => {
    const window = { fromDay: '2026-11-23', toDay: '2026-12-05' };
    const served = customersSummary(VISITS, window.fromDay, window.toDay, window.toDay).active;
    expect(served).toBe(3);
    expect(complaintsOfWindow(COMPLAINTS, served, window, NOW, utcDayOf)).toMatchObject({ received: 2, customersServed: 3, ratePer100: 200 / 3, decided: 2, resolvedInTime: 1 });
    // K3 (16 November) is before the window; a month window holds it.
    expect(complaintsOfWindow(COMPLAINTS, 4, { fromDay: '2026-11-01', toDay: '2026-12-05' }, NOW, utcDayOf)).toMatchObject({ received: 3, ratePer100: 75 });
    expect(complaintsOfWindow(COMPLAINTS, null, window, NOW, utcDayOf)).toMatchObject({ received: 2, ratePer100: null });
  });
});
