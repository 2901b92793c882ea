import { describe, expect, it } from 'vitest';
import { addPeriods, monthsBetween, percentChange, periodEnd, periodOf, periodsBetween, samePeriodLastYear, share, weekOfDay } from './periods';

describe('report periods', () => {
  it('weeks run Monday to Sunday, keyed by their Monday', () => {
    expect(weekOfDay('2026-12-05')).toBe('2026-11-30'); // a Saturday
    expect(weekOfDay('2026-11-30')).toBe('2026-11-30');
    expect(weekOfDay('2026-12-06')).toBe('2026-11-30'); // Sunday closes the week
    expect(weekOfDay('1970-01-01')).toBe('1969-12-29');
  });

  it('keys periods by day, Monday or month, and moves by them', () => {
    expect(periodOf('2026-03-04', 'day')).toBe('2026-03-04');
    expect(periodOf('2026-03-04', 'week')).toBe('2026-03-02');
    expect(periodOf('2026-03-04', 'month')).toBe('2026-03');
    expect(addPeriods('2026-01', 'month', -1)).toBe('2025-12');
    expect(addPeriods('2026-03-02', 'week', 1)).toBe('2026-03-09');
    expect(addPeriods('2024-03-01', 'day', -1)).toBe('2024-02-29');
    expect(periodEnd('2024-02', 'month')).toBe('2024-02-29');
    expect(periodEnd('2026-03-02', 'week')).toBe('2026-03-08');
    expect(monthsBetween('2025-11', '2026-02')).toBe(3);
  });

  it('the same period last year: the calendar day or month, or the week 52 weeks before', () => {
    expect(samePeriodLastYear('2024-02-29', 'day')).toBe('2023-02-28');
    expect(samePeriodLastYear('2026-03', 'month')).toBe('2025-03');
    expect(samePeriodLastYear('2026-03-02', 'week')).toBe('2025-03-03');
  });

  it('lists every period holding a day of the range', () => {
    expect(periodsBetween('2026-01-30', '2026-03-02', 'month')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(periodsBetween('2026-03-04', '2026-03-16', 'week')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(periodsBetween('2026-03-04', '2026-03-03', 'day')).toEqual([]);
  });

  it('a change in percent is null on a zero or unknown base', () => {
    expect(percentChange(150, 100)).toBe(50);
    expect(percentChange(50, 100)).toBe(-50);
    expect(percentChange(-50, -100)).toBe(50);
    expect(percentChange(10, 0)).toBeNull();
    expect(percentChange(null, 10)).toBeNull();
    expect(share(1, 4)).toBe(0.25);
    expect(share(0, 0)).toBeNull();
  });
});
