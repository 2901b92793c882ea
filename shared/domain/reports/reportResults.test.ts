import { describe, expect, it } from 'vitest';
import { comparisonWindows, lastPeriods } from './reportResults';

describe('comparisonWindows', () => {
  it('moves a window of months back by its length, and a year back', () => {
    expect(comparisonWindows({ fromDay: '2026-01-01', toDay: '2026-03-31' }, 'month')).toEqual({
      previousWindow: { fromDay: '2025-10-01', toDay: '2025-12-31' },
      lastYearWindow: { fromDay: '2025-01-01', toDay: '2025-03-31' },
    });
  });

  it('cuts a month so far the same way (the 31st becomes the last day of a shorter month)', () => {
    expect(comparisonWindows({ fromDay: '2026-03-01', toDay: '2026-03-31' }, 'month').previousWindow).toEqual({ fromDay: '2026-02-01', toDay: '2026-02-28' });
    expect(comparisonWindows({ fromDay: '2026-12-01', toDay: '2026-12-05' }, 'month').previousWindow).toEqual({ fromDay: '2026-11-01', toDay: '2026-11-05' });
  });

  it('moves weeks by 7 days each and a year by 52 weeks (the same weekdays)', () => {
    expect(comparisonWindows({ fromDay: '2026-11-16', toDay: '2026-12-05' }, 'week')).toEqual({
      previousWindow: { fromDay: '2026-10-26', toDay: '2026-11-14' },
      lastYearWindow: { fromDay: '2025-11-17', toDay: '2025-12-06' },
    });
  });

  it('moves days by the window length, and a year to the same calendar days', () => {
    expect(comparisonWindows({ fromDay: '2026-12-01', toDay: '2026-12-05' }, 'day')).toEqual({
      previousWindow: { fromDay: '2026-11-26', toDay: '2026-11-30' },
      lastYearWindow: { fromDay: '2025-12-01', toDay: '2025-12-05' },
    });
    expect(comparisonWindows({ fromDay: '2028-02-29', toDay: '2028-02-29' }, 'day').lastYearWindow).toEqual({ fromDay: '2027-02-28', toDay: '2027-02-28' });
  });
});

describe('lastPeriods', () => {
  it('gives whole periods up to today, the last cut at today', () => {
    expect(lastPeriods('2026-12-05', 'month', 12)).toEqual({ fromDay: '2026-01-01', toDay: '2026-12-05' });
    expect(lastPeriods('2026-12-05', 'week', 4)).toEqual({ fromDay: '2026-11-09', toDay: '2026-12-05' });
    expect(lastPeriods('2026-12-05', 'day', 30)).toEqual({ fromDay: '2026-11-06', toDay: '2026-12-05' });
  });
});
