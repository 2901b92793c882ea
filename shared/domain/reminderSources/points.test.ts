import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CARE_SETTINGS, type CareSettings } from '../careSettings';
import { lastPointsDay, pointsReminders, type PointsSource } from './points';

const ORIGINAL_TZ = process.env.TZ;
process.env.TZ = 'Asia/Shanghai';
afterAll(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

const lead = (points: number): CareSettings => ({ ...DEFAULT_CARE_SETTINGS, daysBefore: { ...DEFAULT_CARE_SETTINGS.daysBefore, points } });
/** Points expire at the local midnight after their last valid day (pointsRules.ts). */
const expiringAfter = (lastDay: string) => new Date(new Date(`${lastDay}T00:00:00`).getTime() + 86_400_000).toISOString();
const row = (id: string, lastDay: string | null, soon = 50, balance = 200): PointsSource => ({ id, pointsBalance: balance, pointsExpiringSoon: soon, pointsExpiringAt: lastDay && expiringAfter(lastDay) });

describe('lastPointsDay', () => {
  it('is the last local day the points can be spent', () => {
    expect(expiringAfter('2026-12-31')).toBe('2026-12-31T16:00:00.000Z');
    expect(lastPointsDay('2026-12-31T16:00:00.000Z')).toBe('2026-12-31');
  });
});

describe('pointsReminders', () => {
  it('one per customer with points expiring, from the lead time ahead through the last day', () => {
    const rows = [row('a', '2026-12-12'), row('b', '2026-12-13'), row('c', '2026-12-05'), row('d', '2026-12-04'), row('e', '2026-12-06', 0), row('f', null)];
    expect(pointsReminders(rows, '2026-12-05', lead(7)).map((r) => [r.customerId, r.dueDay, r.timing, r.showFrom])).toEqual([
      ['a', '2026-12-12', 'upcoming', '2026-12-05'],
      ['c', '2026-12-05', 'today', '2026-11-28'],
    ]);
  });

  it('carries the points and balance, keyed by customer and day', () => {
    expect(pointsReminders([row('a', '2026-12-31', 120, 300)], '2026-12-30', lead(7))[0]).toEqual({
      key: 'points:a:2026-12-31',
      kind: 'points',
      customerId: 'a',
      dueDay: '2026-12-31',
      showFrom: '2026-12-24',
      timing: 'upcoming',
      detail: { kind: 'points', expiringPoints: 120, balance: 300 },
    });
  });

  it('never looks further than 30 days ahead, whatever the lead time', () => {
    expect(pointsReminders([row('a', '2027-01-04')], '2026-12-05', lead(60))).toMatchObject([{ showFrom: '2026-12-05' }]);
    expect(pointsReminders([row('a', '2027-01-05')], '2026-12-05', lead(60))).toEqual([]);
    expect(pointsReminders([row('a', '2026-12-05')], '2026-12-05', lead(0))).toMatchObject([{ timing: 'today' }]);
    expect(pointsReminders([row('a', '2026-12-06')], '2026-12-05', lead(0))).toEqual([]);
  });
});
