import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CARE_SETTINGS, type CareSettings } from '../careSettings';
import { cadenceDueBefore, cadenceGivenUpBefore, cadenceOverdueBefore, cadenceReminder, cadenceTouchDays } from './cadence';
import { dayOfDate, shiftDay } from './days';

// New York: 2026-03-08 has 23 hours and 2026-11-01 has 25, so counting days in hours would show.
const ORIGINAL_TZ = process.env.TZ;
process.env.TZ = 'America/New_York';
afterAll(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

const local = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min).toISOString();
const overdueAfter = (cadenceOverdueDays: number): CareSettings => ({ ...DEFAULT_CARE_SETTINGS, cadenceOverdueDays });
const S = overdueAfter(14);
const call = (lastTouchAt: string, today: string, cadenceDays = 30, s = S) => cadenceReminder({ customerId: 'c1', cadenceDays, lastTouchAt, today }, s);

describe('the test zone', () => {
  it('has daylight saving (otherwise the DST cases prove nothing)', () => {
    expect(new Date(2026, 2, 9).getTime() - new Date(2026, 2, 8).getTime()).toBe(23 * 3_600_000);
  });
});

describe('cadenceReminder', () => {
  it('nothing before the cadence has run out; due on the day; overdue from the threshold after', () => {
    const touched = local(2026, 11, 1, 9);
    expect(call(touched, '2026-11-30')).toBeNull();
    expect(call(touched, '2026-12-01')).toEqual({
      key: 'cadence:c1:2026-12-01',
      kind: 'cadence',
      customerId: 'c1',
      dueDay: '2026-12-01',
      showFrom: '2026-12-01',
      timing: 'today',
      detail: { kind: 'cadence', cadenceDays: 30, lastTouchDay: '2026-11-01', overdue: false },
    });
    expect(call(touched, '2026-12-14')).toMatchObject({ dueDay: '2026-12-01', timing: 'today', detail: { overdue: false } });
    expect(call(touched, '2026-12-15')).toMatchObject({ dueDay: '2026-12-01', timing: 'overdue', detail: { overdue: true } });
  });

  it('counts from the local day of the last touch, late evening too', () => {
    // 23:30 in New York on 1 November is already 2 November in UTC.
    const lateEvening = local(2026, 11, 1, 23, 30);
    expect(lateEvening.slice(0, 10)).toBe('2026-11-02');
    expect(call(lateEvening, '2026-12-01')).toMatchObject({ detail: { lastTouchDay: '2026-11-01' }, dueDay: '2026-12-01' });
  });

  it('a new contact restarts it, as a new reminder (another key)', () => {
    const before = call(local(2026, 10, 1), '2026-12-05')!;
    const after = call(local(2026, 12, 5, 10), '2026-12-05');
    expect(before.key).toBe('cadence:c1:2026-10-31');
    expect(after).toBeNull();
    expect(call(local(2026, 12, 5, 10), '2027-01-04')!.key).toBe('cadence:c1:2027-01-04');
  });

  it('in whole calendar days across a daylight-saving change', () => {
    // 1 March to 31 March crosses 8 March (23 hours); 1 October to 31 October, then 1 November (25 hours).
    expect(call(local(2026, 3, 1, 0, 30), '2026-03-31')).toMatchObject({ dueDay: '2026-03-31' });
    expect(call(local(2026, 3, 1, 0, 30), '2026-03-30')).toBeNull();
    expect(call(local(2026, 10, 15, 23, 45), '2026-11-14')).toMatchObject({ dueDay: '2026-11-14' });
    expect(call(local(2026, 10, 15, 23, 45), '2026-11-13')).toBeNull();
  });

  it('a touch dated after today (a clock set wrong) is not due', () => {
    expect(call(local(2026, 12, 20), '2026-12-05', 1)).toBeNull();
  });
});

describe('cadenceDueBefore / cadenceOverdueBefore', () => {
  it('are the local midnights that split due from not due, and overdue from due', () => {
    expect(cadenceDueBefore('2026-12-01', 30)).toBe(new Date(2026, 10, 2).toISOString());
    expect(cadenceOverdueBefore('2026-12-15', 30, S)).toBe(new Date(2026, 10, 2).toISOString());
  });

  // Instants from 2025 to 2027 (two DST changes a year), at any minute.
  const instantArb = fc.integer({ min: 0, max: 3 * 366 * 24 * 60 }).map((m) => new Date(Date.UTC(2025, 0, 1) + m * 60_000).toISOString());
  const todayArb = fc.integer({ min: 0, max: 3 * 366 }).map((n) => shiftDay('2025-01-01', n));

  it('agree with cadenceReminder for any touch, day, cadence and threshold, a year past due given up (property)', () => {
    fc.assert(
      fc.property(instantArb, todayArb, fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 365 }), (lastTouchAt, today, cadenceDays, overdueDays) => {
        const s = overdueAfter(overdueDays);
        const r = call(lastTouchAt, today, cadenceDays, s);
        const givenUp = lastTouchAt < cadenceGivenUpBefore(today, cadenceDays);
        expect(lastTouchAt < cadenceDueBefore(today, cadenceDays) && !givenUp).toBe(r !== null);
        expect(lastTouchAt < cadenceOverdueBefore(today, cadenceDays, s) && !givenUp).toBe(r?.detail.kind === 'cadence' && r.detail.overdue);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a call-back given up', () => {
  it('stops a year after it fell due, where the index range stops too', () => {
    const settings = { ...DEFAULT_CARE_SETTINGS };
    const input = (lastTouchAt: string) => ({ customerId: 'c1', cadenceDays: 30, lastTouchAt, today: '2026-12-05' });
    // Due 2025-12-05 + ... : touched 2025-11-05, due 2025-12-05, a year later is 2026-12-05: still shown today.
    expect(cadenceReminder(input(new Date(2025, 10, 5, 15).toISOString()), settings)).not.toBeNull();
    expect(cadenceReminder(input(new Date(2025, 10, 4, 15).toISOString()), settings)).toBeNull();
    const bound = cadenceGivenUpBefore('2026-12-05', 30);
    expect(new Date(2025, 10, 5, 0).toISOString() >= bound).toBe(true);
    expect(new Date(2025, 10, 4, 23, 59).toISOString() < bound).toBe(true);
  });
});

describe('cadenceTouchDays', () => {
  it('cuts the range the due call-backs are read from into whole local days, end to end', () => {
    const days = cadenceTouchDays('2026-12-05', '2026-12-11', 30);
    expect(days[0]!.from).toBe(cadenceGivenUpBefore('2026-12-05', 30));
    expect(days[days.length - 1]!.to).toBe(cadenceDueBefore('2026-12-11', 30));
    expect(days).toHaveLength(365 + 6 + 1);
    for (let i = 1; i < days.length; i++) expect(days[i]!.from).toBe(days[i - 1]!.to);
    for (const d of days) expect(dayOfDate(new Date(d.from))).toBe(d.day);
  });

  it('holds across a daylight-saving change: a 23- or 25-hour day is still one day', () => {
    // Whatever the machine's zone, each day's bounds are its own local midnights.
    const days = cadenceTouchDays('2027-04-15', '2027-04-15', 30);
    const march = days.filter((d) => d.day.startsWith('2026-03') || d.day.startsWith('2026-10') || d.day.startsWith('2026-11'));
    for (const d of march) expect(new Date(d.to).getTime() - new Date(d.from).getTime()).toBeGreaterThanOrEqual(23 * 3600_000);
    for (const d of march) expect(dayOfDate(new Date(new Date(d.to).getTime() - 1))).toBe(d.day);
  });
});

