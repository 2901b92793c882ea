import { HolidayUtil } from 'lunar-typescript';
import { describe, expect, it } from 'vitest';
import { FESTIVAL_IDS, festivalsOfYear, HOLIDAY_NAME_FESTIVALS, holidayScheduleKnown } from './festivals';

const dayOf = (year: number, id: string) => festivalsOfYear(year).find((f) => f.festival === id);

describe('festivalsOfYear', () => {
  it('the lunar festivals on their solar days', () => {
    const days = (year: number) => ['spring-festival', 'lantern', 'dragon-boat', 'qixi', 'mid-autumn', 'double-ninth'].map((id) => dayOf(year, id)?.day);
    expect(days(2026)).toEqual(['2026-02-17', '2026-03-03', '2026-06-19', '2026-08-19', '2026-09-25', '2026-10-18']);
    expect(days(2027)).toEqual(['2027-02-06', '2027-02-20', '2027-06-09', '2027-08-08', '2027-09-15', '2027-10-08']);
  });

  it('public holidays with their official days off and make-up working days (2026)', () => {
    expect(dayOf(2026, 'new-year')).toEqual({ festival: 'new-year', day: '2026-01-01', holiday: { from: '2026-01-01', to: '2026-01-03', makeUpWorkdays: ['2026-01-04'] } });
    expect(dayOf(2026, 'spring-festival')?.holiday).toEqual({ from: '2026-02-15', to: '2026-02-23', makeUpWorkdays: ['2026-02-14', '2026-02-28'] });
    expect(dayOf(2026, 'qingming')).toMatchObject({ day: '2026-04-05', holiday: { from: '2026-04-04', to: '2026-04-06', makeUpWorkdays: [] } });
    expect(dayOf(2026, 'labour-day')?.holiday).toEqual({ from: '2026-05-01', to: '2026-05-05', makeUpWorkdays: ['2026-05-09'] });
    expect(dayOf(2026, 'dragon-boat')?.holiday).toEqual({ from: '2026-06-19', to: '2026-06-21', makeUpWorkdays: [] });
    expect(dayOf(2026, 'mid-autumn')?.holiday).toEqual({ from: '2026-09-25', to: '2026-09-27', makeUpWorkdays: [] });
    expect(dayOf(2026, 'national-day')?.holiday).toEqual({ from: '2026-10-01', to: '2026-10-07', makeUpWorkdays: ['2026-09-20', '2026-10-10'] });
    expect(dayOf(2026, 'lantern')?.holiday).toBeNull();
    expect(dayOf(2026, 'qixi')?.holiday).toBeNull();
    expect(dayOf(2026, 'double-ninth')?.holiday).toBeNull();
  });

  it('a break shared by 国庆 and 中秋 (2025) belongs to both', () => {
    const shared = { from: '2025-10-01', to: '2025-10-08', makeUpWorkdays: ['2025-09-28', '2025-10-11'] };
    expect(dayOf(2025, 'national-day')).toEqual({ festival: 'national-day', day: '2025-10-01', holiday: shared });
    expect(dayOf(2025, 'mid-autumn')).toEqual({ festival: 'mid-autumn', day: '2025-10-06', holiday: shared });
  });

  it('a year without an official schedule: every festival on its day, no break guessed', () => {
    expect(holidayScheduleKnown(2026)).toBe(true);
    expect(holidayScheduleKnown(2027)).toBe(false);
    const y2027 = festivalsOfYear(2027);
    expect(y2027.map((f) => f.festival).sort()).toEqual(FESTIVAL_IDS.filter((id) => id !== 'victory-day').sort());
    expect(y2027.every((f) => f.holiday === null)).toBe(true);
    expect(dayOf(2027, 'qingming')?.day).toBe('2027-04-05');
  });

  it('a one-off holiday of the official data stands on its day (抗战胜利日 2015)', () => {
    expect(dayOf(2015, 'victory-day')).toEqual({ festival: 'victory-day', day: '2015-09-03', holiday: { from: '2015-09-03', to: '2015-09-05', makeUpWorkdays: ['2015-09-06'] } });
    expect(dayOf(2016, 'victory-day')).toBeUndefined();
  });

  it('each festival once a year, sorted by day, every known holiday matched to one (2002–2030)', () => {
    for (let year = 2002; year <= 2030; year++) {
      const list = festivalsOfYear(year);
      const ids = list.map((f) => f.festival);
      expect(new Set(ids).size, String(year)).toBe(ids.length);
      expect([...ids.map((_, i) => list[i]!.day)].sort(), String(year)).toEqual(list.map((f) => f.day));
      for (const f of list) expect(f.day.startsWith(String(year)), `${year} ${f.festival}`).toBe(true);
      if (holidayScheduleKnown(year)) expect(list.some((f) => f.festival === 'spring-festival' && f.holiday !== null), String(year)).toBe(true);
    }
  });

  it('knows every holiday name the package uses (an upgrade that adds one fails here)', () => {
    for (const name of HolidayUtil.NAMES) expect(HOLIDAY_NAME_FESTIVALS[name], name).toBeDefined();
  });
});
