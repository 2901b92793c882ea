import { describe, expect, it } from 'vitest';
import { monthsOfWindow, periodLabel, reportWindow, type PeriodWords } from './reportPeriod';

describe('reportWindow', () => {
  it('runs from the first day of the first period to today', () => {
    expect(reportWindow({ grain: 'month', span: 12 }, '2026-12-05')).toEqual({ fromDay: '2026-01-01', toDay: '2026-12-05' });
    expect(reportWindow({ grain: 'month', span: 3 }, '2026-02-28')).toEqual({ fromDay: '2025-12-01', toDay: '2026-02-28' });
    // 2026-12-05 is a Saturday: its week began on Monday 11-30.
    expect(reportWindow({ grain: 'week', span: 4 }, '2026-12-05')).toEqual({ fromDay: '2026-11-09', toDay: '2026-12-05' });
    expect(reportWindow({ grain: 'day', span: 7 }, '2026-03-02')).toEqual({ fromDay: '2026-02-24', toDay: '2026-03-02' });
  });
});

describe('monthsOfWindow', () => {
  it('counts the calendar months touched, today’s included', () => {
    expect(monthsOfWindow({ fromDay: '2026-01-01', toDay: '2026-12-05' })).toBe(12);
    expect(monthsOfWindow({ fromDay: '2026-11-30', toDay: '2026-12-05' })).toBe(2);
    expect(monthsOfWindow({ fromDay: '2025-12-01', toDay: '2026-02-28' })).toBe(3);
  });
});

describe('periodLabel', () => {
  const words: PeriodWords = { month: (m) => `M${m}`, day: (d) => `D${d}`, week: (d) => `W(${d})` };
  it('words each grain’s key', () => {
    expect(periodLabel('2026-06', 'month', words)).toBe('M2026-06');
    expect(periodLabel('2026-06-15', 'week', words)).toBe('W(D2026-06-15)');
    expect(periodLabel('2026-06-15', 'day', words)).toBe('D2026-06-15');
  });
});
