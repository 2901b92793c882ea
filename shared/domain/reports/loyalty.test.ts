import { describe, expect, it } from 'vitest';
import { utcDayOf } from '../customerFigures';
import type { PointsEntry } from '../pointsLedger';
import { buildPointsMonths, pointsLiability, pointsMonthsAfter, pointsReport, pointsToFen } from './loyalty';

type E = Pick<PointsEntry, 'kind' | 'points' | 'reverses' | 'createdAt'>;
const e = (kind: PointsEntry['kind'], points: number, day: string, reverses: PointsEntry['reverses'] = null): E => ({ kind, points, reverses, createdAt: `${day}T12:00:00.000Z` });

const entries: E[] = [
  e('earn', 100, '2026-01-02'),
  e('bonus', 20, '2026-01-02'),
  e('redeem', -50, '2026-01-09'),
  e('reverse', -10, '2026-01-20', 'earned'), // a return takes back earned points
  e('reverse', 5, '2026-02-01', 'spent'), // and gives back spent ones
  e('expire', -30, '2026-02-03'),
  e('adjust', 7, '2026-02-04'),
  e('opening', 40, '2026-02-05'),
  e('referral', 15, '2026-02-06'),
];

describe('loyalty figures', () => {
  it('issued, redeemed, expired and adjusted per month, adding up to the balance', () => {
    const months = buildPointsMonths(entries, utcDayOf);
    expect(months).toEqual([
      { month: '2026-01', issued: 110, redeemed: 50, expired: 0, adjusted: 0 },
      { month: '2026-02', issued: 15, redeemed: -5, expired: 30, adjusted: 47 },
    ]);
    expect(pointsReport(months, ['2026-01', '2026-02', '2026-03']).map((r) => r.balanceAtEnd)).toEqual([60, 97, 97]);
    expect(pointsReport(months, ['2026-02'])[0]!.balanceAtEnd).toBe(entries.reduce((s, x) => s + x.points, 0));
  });

  it('outstanding points of active customers, worth their redemption value', () => {
    const rows = [
      { isDeleted: 0 as const, pointsBalance: 150, pointsExpiringSoon: 20 },
      { isDeleted: 0 as const, pointsBalance: -30, pointsExpiringSoon: 0 },
      { isDeleted: 1 as const, pointsBalance: 100, pointsExpiringSoon: 0 },
      { isDeleted: 0 as const, pointsBalance: 5, pointsExpiringSoon: 10 },
    ];
    // 100 points pay ¥1 (100 fen).
    expect(pointsLiability(rows, { redeem: { points: 100, fen: 100, maxPercent: 50 } })).toEqual({ outstandingPoints: 155, liabilityFen: 155, expiringSoonPoints: 25, customersWithPoints: 2 });
    // 3 points pay 1 fen: 155 / 3 = 51.67 → 52.
    expect(pointsLiability(rows, { redeem: { points: 3, fen: 1, maxPercent: 50 } }).liabilityFen).toBe(52);
    expect(pointsToFen(1, { redeem: { points: 2, fen: 1, maxPercent: 50 } })).toBe(1);
    expect(pointsToFen(1, { redeem: { points: 3, fen: 1, maxPercent: 50 } })).toBe(0);
  });
});

describe('pointsMonthsAfter', () => {
  it('adds and takes away entries month by month, equal to building from the entries left', () => {
    const all = [e('earn', 100, '2026-01-05'), e('redeem', -40, '2026-01-20'), e('expire', -10, '2026-02-01'), e('reverse', -20, '2026-02-03', 'earned')];
    const stored = new Map(buildPointsMonths(all.slice(0, 2), utcDayOf).map((m) => [m.month, m]));
    const { put, remove } = pointsMonthsAfter(stored, all.slice(2), [all[1]!], utcDayOf);
    expect(remove).toEqual([]);
    expect(put).toEqual(buildPointsMonths([all[0]!, ...all.slice(2)], utcDayOf));
  });

  it('drops a month left with nothing', () => {
    const only = e('adjust', 5, '2026-03-01');
    const stored = new Map(buildPointsMonths([only], utcDayOf).map((m) => [m.month, m]));
    expect(pointsMonthsAfter(stored, [], [only], utcDayOf)).toEqual({ put: [], remove: ['2026-03'] });
  });
});
