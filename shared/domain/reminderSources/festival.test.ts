import { describe, expect, it } from 'vitest';
import { DEFAULT_CARE_SETTINGS, type CareSettings } from '../careSettings';
import { festivalReminders } from './festival';

const lead = (festival: number): CareSettings => ({ ...DEFAULT_CARE_SETTINGS, daysBefore: { ...DEFAULT_CARE_SETTINGS.daysBefore, festival } });
const SEVEN = lead(7);
const brief = (today: string, s: CareSettings = SEVEN) => festivalReminders(today, s).reminders.map((r) => [r.detail.kind === 'festival' && r.detail.festival, r.dueDay, r.timing]);

describe('festivalReminders', () => {
  it('from the lead time ahead through the day itself, then gone', () => {
    expect(brief('2026-09-17')).toEqual([]);
    expect(brief('2026-09-18')).toEqual([['mid-autumn', '2026-09-25', 'upcoming']]);
    expect(brief('2026-09-25')).toEqual([['mid-autumn', '2026-09-25', 'today'], ['national-day', '2026-10-01', 'upcoming']]);
    expect(brief('2026-09-26')).toEqual([['national-day', '2026-10-01', 'upcoming']]);
  });

  it('store-wide, keyed by the festival and its day, with the official break', () => {
    expect(festivalReminders('2026-02-17', SEVEN).reminders[0]).toEqual({
      key: 'festival:spring-festival:2026-02-17',
      kind: 'festival',
      customerId: null,
      dueDay: '2026-02-17',
      showFrom: '2026-02-10',
      timing: 'today',
      detail: { kind: 'festival', festival: 'spring-festival', holiday: { from: '2026-02-15', to: '2026-02-23', makeUpWorkdays: ['2026-02-14', '2026-02-28'] } },
    });
    expect(brief('2026-03-01')).toEqual([['lantern', '2026-03-03', 'upcoming']]);
  });

  it('on the day only with no lead time', () => {
    expect(brief('2026-09-24', lead(0))).toEqual([]);
    expect(brief('2026-09-25', lead(0))).toEqual([['mid-autumn', '2026-09-25', 'today']]);
  });

  it('says which coming years have no official holiday schedule: today (2026-12-05), 2027 is not known', () => {
    expect(festivalReminders('2026-12-05', SEVEN)).toEqual({ reminders: [], unknownHolidayYears: [2027] });
    expect(festivalReminders('2026-11-30', SEVEN).unknownHolidayYears).toEqual([]);
    expect(festivalReminders('2026-12-01', SEVEN).unknownHolidayYears).toEqual([2027]);
    expect(festivalReminders('2025-12-05', SEVEN).unknownHolidayYears).toEqual([]);
    // Inside an unknown year every coming year is unknown; the lead time can reach into the next one.
    expect(festivalReminders('2027-06-01', SEVEN).unknownHolidayYears).toEqual([2027]);
    expect(festivalReminders('2027-11-20', lead(60)).unknownHolidayYears).toEqual([2027, 2028]);
  });

  it('across the year end: 元旦 of an unknown year on its day, no break guessed', () => {
    expect(festivalReminders('2026-12-26', SEVEN)).toEqual({
      reminders: [
        {
          key: 'festival:new-year:2027-01-01',
          kind: 'festival',
          customerId: null,
          dueDay: '2027-01-01',
          showFrom: '2026-12-25',
          timing: 'upcoming',
          detail: { kind: 'festival', festival: 'new-year', holiday: null },
        },
      ],
      unknownHolidayYears: [2027],
    });
    expect(brief('2026-12-05', lead(60))).toEqual([['new-year', '2027-01-01', 'upcoming']]);
  });

  it('a festival shared by a break (中秋 within 国庆, 2025)', () => {
    const [midAutumn] = festivalReminders('2025-10-06', SEVEN).reminders;
    expect(midAutumn?.detail).toEqual({ kind: 'festival', festival: 'mid-autumn', holiday: { from: '2025-10-01', to: '2025-10-08', makeUpWorkdays: ['2025-09-28', '2025-10-11'] } });
  });

  it('hands out copies: changing one changes no later answer', () => {
    const first = festivalReminders('2026-02-17', SEVEN).reminders[0]!;
    if (first.detail.kind === 'festival') first.detail.holiday?.makeUpWorkdays.push('x');
    expect(festivalReminders('2026-02-17', SEVEN).reminders[0]!.detail).toMatchObject({ holiday: { makeUpWorkdays: ['2026-02-14', '2026-02-28'] } });
  });
});
