import { format } from 'date-fns';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { dateOfDay, dayOfDate, shiftDay } from './days';

const ORIGINAL_TZ = process.env.TZ;
process.env.TZ = 'America/New_York';
afterAll(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

describe('days', () => {
  it('shift by calendar days across daylight saving, month and year ends', () => {
    expect(shiftDay('2026-03-07', 1)).toBe('2026-03-08');
    expect(shiftDay('2026-03-08', 1)).toBe('2026-03-09');
    expect(shiftDay('2026-11-01', 1)).toBe('2026-11-02');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDay('2028-03-01', -1)).toBe('2028-02-29');
    expect(shiftDay('2027-01-03', -7)).toBe('2026-12-27');
  });

  it('read and write days as date-fns does (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 * 366 }), fc.integer({ min: -400, max: 400 }), (n, k) => {
        const day = format(new Date(1950, 0, 1 + n), 'yyyy-MM-dd');
        expect(dayOfDate(dateOfDay(day))).toBe(day);
        expect(format(dateOfDay(day), 'yyyy-MM-dd HH:mm')).toBe(`${day} 00:00`);
        expect(shiftDay(day, k)).toBe(format(new Date(1950, 0, 1 + n + k), 'yyyy-MM-dd'));
      }),
    );
  });
});
