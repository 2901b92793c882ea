import fc from 'fast-check';
import { Lunar, Solar } from 'lunar-typescript';
import { afterAll, describe, expect, it } from 'vitest';
import type { Birthday } from '../customer';
import { lunarDayOf, nextBirthdayOccurrence } from '../birthday';
import { DEFAULT_CARE_SETTINGS, type CareSettings } from '../careSettings';
import { birthdayIndexKey, birthdayIndexKeysFor, birthdayReminders, birthdayWindow } from './birthday';
import { dateOfDay, dayOfDate, shiftDay } from './days';

// A zone with daylight saving, so a day counted in hours would show.
const ORIGINAL_TZ = process.env.TZ;
process.env.TZ = 'America/New_York';
afterAll(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

const solar = (year: number | null, month: number, day: number): Birthday => ({ calendar: 'solar', year, month, day, leapMonth: false });
const lunar = (year: number | null, month: number, day: number, leapMonth = false): Birthday => ({ calendar: 'lunar', year, month, day, leapMonth });
const settings = (birthday: number): CareSettings => ({ ...DEFAULT_CARE_SETTINGS, daysBefore: { ...DEFAULT_CARE_SETTINGS.daysBefore, birthday } });
const THREE = settings(3);
/** The one reminder for `b` seen on `today`, or undefined. */
const seen = (b: Birthday, today: string, s: CareSettings = THREE) => birthdayReminders([{ id: 'c1', birthday: b }], today, s)[0];
const lunarToSolar = (y: number, m: number, d: number) => Lunar.fromYmd(y, m, d).getSolar().toYmd();

describe('birthdayReminders: when one shows', () => {
  it('from the lead time ahead, on the day, and for a week after, then not', () => {
    const b = solar(1990, 12, 10);
    expect(seen(b, '2026-12-06')).toBeUndefined();
    expect(seen(b, '2026-12-07')).toMatchObject({ dueDay: '2026-12-10', showFrom: '2026-12-07', timing: 'upcoming' });
    expect(seen(b, '2026-12-10')).toMatchObject({ dueDay: '2026-12-10', timing: 'today' });
    expect(seen(b, '2026-12-17')).toMatchObject({ dueDay: '2026-12-10', timing: 'overdue' });
    expect(seen(b, '2026-12-18')).toBeUndefined();
  });

  it('on the day only with no lead time', () => {
    expect(seen(solar(null, 12, 10), '2026-12-09', settings(0))).toBeUndefined();
    expect(seen(solar(null, 12, 10), '2026-12-10', settings(0))).toMatchObject({ timing: 'today', showFrom: '2026-12-10' });
  });

  it('carries the birthday as given, the age turned, a key per occurrence', () => {
    const r = seen(solar(1990, 12, 10), '2026-12-08')!;
    expect(r).toEqual({
      key: 'birthday:c1:2026-12-10',
      kind: 'birthday',
      customerId: 'c1',
      dueDay: '2026-12-10',
      showFrom: '2026-12-07',
      timing: 'upcoming',
      detail: { kind: 'birthday', calendar: 'solar', month: 12, day: 10, leapMonth: false, turning: 36 },
    });
    expect(seen(solar(null, 12, 10), '2026-12-08')!.detail).toMatchObject({ turning: null });
    expect(seen(solar(1990, 12, 10), '2027-12-08')!.key).toBe('birthday:c1:2027-12-10');
  });

  it('one reminder per customer given, in their order', () => {
    const rs = birthdayReminders(
      [
        { id: 'a', birthday: solar(null, 12, 8) },
        { id: 'b', birthday: solar(null, 6, 1) },
        { id: 'c', birthday: lunar(null, 10, 27) },
      ],
      '2026-12-05',
      THREE,
    );
    // 2026-12-05 is lunar 十月廿七.
    expect(rs.map((r) => [r.customerId, r.dueDay, r.timing])).toEqual([
      ['a', '2026-12-08', 'upcoming'],
      ['c', '2026-12-05', 'today'],
    ]);
  });
});

describe('birthdayReminders: year ends', () => {
  it('1 January seen from late December, and 30 December seen in the new year', () => {
    expect(seen(solar(1990, 1, 1), '2026-12-29')).toMatchObject({ dueDay: '2027-01-01', timing: 'upcoming', detail: { turning: 37 } });
    expect(seen(solar(1990, 12, 30), '2027-01-03')).toMatchObject({ dueDay: '2026-12-30', timing: 'overdue', detail: { turning: 36 } });
  });

  it('a lunar birthday whose solar date moves across a year end', () => {
    // 腊月初一: 2024-12-31 in lunar 2024, 2026-01-19 in lunar 2025 (none in solar 2025).
    expect(lunarToSolar(2024, 12, 1)).toBe('2024-12-31');
    expect(lunarToSolar(2025, 12, 1)).toBe('2026-01-19');
    const b = lunar(1980, 12, 1);
    expect(seen(b, '2024-12-29')).toMatchObject({ dueDay: '2024-12-31', timing: 'upcoming' });
    expect(seen(b, '2025-12-31')).toBeUndefined();
    expect(seen(b, '2026-01-16')).toMatchObject({ dueDay: '2026-01-19', timing: 'upcoming' });
    // 冬月廿五 of lunar 2026 falls on 2 January 2027: seen from December 2026.
    expect(seen(lunar(null, 11, 25), '2026-12-30')).toMatchObject({ dueDay: lunarToSolar(2026, 11, 25), timing: 'upcoming' });
    expect(lunarToSolar(2026, 11, 25)).toBe('2027-01-02');
  });
});

describe('birthdayReminders: lunar rules (through the reminder)', () => {
  it('a lunar birthday on its solar date, turning counted in lunar years', () => {
    expect(seen(lunar(1990, 8, 15), '2026-09-24')).toMatchObject({
      dueDay: '2026-09-25',
      detail: { calendar: 'lunar', month: 8, day: 15, leapMonth: false, turning: 36 },
    });
  });

  it('a leap-month birthday: in the leap month when the year has it, in the ordinary month otherwise', () => {
    // 2025 has a leap sixth month; 2026 has none.
    const b = lunar(null, 6, 3, true);
    expect(seen(b, lunarToSolar(2025, -6, 3))).toMatchObject({ dueDay: '2025-07-27', timing: 'today', detail: { leapMonth: true } });
    expect(seen(b, '2025-06-27')).toBeUndefined(); // the ordinary 六月初三 of 2025
    expect(seen(b, '2026-07-16')).toMatchObject({ dueDay: lunarToSolar(2026, 6, 3), timing: 'today' });
    // An ordinary-month birthday stays in the ordinary month in a leap year.
    expect(seen(lunar(null, 6, 3), '2025-07-27')).toBeUndefined();
    expect(seen(lunar(null, 6, 3), '2025-06-27')).toMatchObject({ timing: 'today' });
  });

  it('the 30th in a 29-day month falls on the 29th, across the year end', () => {
    // Lunar 2026's 腊月 has 29 days; its 29th is 5 February 2027, the eve of 春节.
    expect(lunarToSolar(2026, 12, 29)).toBe('2027-02-05');
    expect(seen(lunar(1970, 12, 30), '2027-02-05')).toMatchObject({ dueDay: '2027-02-05', timing: 'today', detail: { day: 30 } });
    expect(seen(lunar(1970, 12, 30), '2027-02-06')).toMatchObject({ timing: 'overdue' });
  });

  it('29 February falls on 28 February in other years', () => {
    expect(seen(solar(2000, 2, 29), '2027-02-26')).toMatchObject({ dueDay: '2027-02-28', detail: { turning: 27, day: 29 } });
    expect(seen(solar(2000, 2, 29), '2028-02-26')).toMatchObject({ dueDay: '2028-02-29', detail: { turning: 28 } });
  });
});

describe('birthdayIndexKey', () => {
  it('names the month and day, the calendar, and a leap month', () => {
    expect(birthdayIndexKey(solar(2000, 2, 29))).toBe('S-02-29');
    expect(birthdayIndexKey(lunar(1990, 8, 15))).toBe('L-08-15');
    expect(birthdayIndexKey(lunar(null, 4, 3, true))).toBe('L-04-03-leap');
    expect(birthdayIndexKey({ calendar: 'solar', month: 1, day: 5, leapMonth: true })).toBe('S-01-05');
  });
});

describe('birthdayIndexKeysFor', () => {
  it('adds 29 February to 28 February in a common year only', () => {
    expect(birthdayIndexKeysFor('2027-02-28', '2027-02-28')).toContain('S-02-29');
    expect(birthdayIndexKeysFor('2028-02-28', '2028-02-28')).not.toContain('S-02-29');
    expect(birthdayIndexKeysFor('2028-02-29', '2028-02-29')).toContain('S-02-29');
  });

  it('adds the 30th to the last day of a 29-day lunar month, and leap keys to an ordinary month the year has no leap for', () => {
    const eve = birthdayIndexKeysFor('2027-02-05', '2027-02-05');
    expect(eve.sort()).toEqual(['L-12-29', 'L-12-29-leap', 'L-12-30', 'L-12-30-leap', 'S-02-05']);
    // 2025-07-27 is 闰六月初三: only leap birthdays fall there; 2025-06-27 (六月初三) takes only ordinary ones.
    expect(birthdayIndexKeysFor('2025-07-27', '2025-07-27').sort()).toEqual(['L-06-03-leap', 'S-07-27']);
    expect(birthdayIndexKeysFor('2025-06-27', '2025-06-27').sort()).toEqual(['L-06-03', 'S-06-27']);
  });

  it('spans a year end', () => {
    const keys = birthdayIndexKeysFor('2026-12-30', '2027-01-02');
    expect(keys).toEqual(expect.arrayContaining(['S-12-30', 'S-12-31', 'S-01-01', 'S-01-02', 'L-11-25']));
  });

  const birthdayArb: fc.Arbitrary<Birthday> = fc.oneof(
    fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) }).map(({ month, day }) =>
      solar(null, month, Math.min(day, new Date(2000, month, 0).getDate())),
    ),
    fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 30 }), leap: fc.boolean() }).map(({ month, day, leap }) => lunar(null, month, day, leap)),
  );
  // Days from 1950 to 2090, half of them in 2017–2028 (leap months in 2017, 2020, 2023, 2025, 2028).
  const dayArb = fc.oneof(
    fc.integer({ min: 0, max: 140 * 366 }).map((n) => shiftDay('1950-01-01', n)),
    fc.integer({ min: 0, max: 12 * 366 }).map((n) => shiftDay('2017-01-01', n)),
  );

  it('holds a birthday\'s key exactly when its next occurrence falls in the window (property)', () => {
    fc.assert(
      fc.property(birthdayArb, dayArb, fc.integer({ min: 0, max: 90 }), (b, from, length) => {
        const to = shiftDay(from, length);
        const occurrence = dayOfDate(nextBirthdayOccurrence(b, dateOfDay(from)));
        expect(birthdayIndexKeysFor(from, to).includes(birthdayIndexKey(b))).toBe(occurrence <= to);
      }),
      { numRuns: 400 },
    );
  });

  it('finds the customers birthdayReminders shows, and no others (property)', () => {
    fc.assert(
      fc.property(birthdayArb, dayArb, fc.integer({ min: 0, max: 60 }), (b, today, lead) => {
        const s = settings(lead);
        const { from, to } = birthdayWindow(today, s);
        expect(birthdayIndexKeysFor(from, to).includes(birthdayIndexKey(b))).toBe(seen(b, today, s) !== undefined);
      }),
      { numRuns: 300 },
    );
  });
});

describe('lunarDayOf', () => {
  it('agrees with lunar-typescript (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 140 * 366 }), (n) => {
        const day = shiftDay('1950-01-01', n);
        const l = Solar.fromYmd(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))).getLunar();
        const mine = lunarDayOf(dateOfDay(day));
        expect([mine.year, mine.leap ? -mine.month : mine.month, mine.day]).toEqual([l.getYear(), l.getMonth(), l.getDay()]);
      }),
      { numRuns: 300 },
    );
  });
});
