import { Lunar } from 'lunar-typescript';
import { describe, expect, it } from 'vitest';
import type { Birthday } from './customer';
import { ageOn, birthDateOf, lunarMonthDayLabel, nextBirthdayOccurrence, validateBirthday } from './birthday';

const TODAY = new Date(2025, 5, 15, 14, 30); // 2025-06-15, lunar 2025 五月二十
const solar = (year: number | null, month: number, day: number): Birthday => ({ calendar: 'solar', year, month, day, leapMonth: false });
const lunar = (year: number | null, month: number, day: number, leapMonth = false): Birthday => ({
  calendar: 'lunar',
  year,
  month,
  day,
  leapMonth,
});
const ymd = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const reason = (b: Birthday) => {
  const r = validateBirthday(b, TODAY);
  return r.ok ? 'ok' : r.reason;
};

describe('validateBirthday (solar)', () => {
  it('accepts real dates, with or without a year', () => {
    expect(validateBirthday(solar(1990, 3, 8), TODAY)).toEqual({ ok: true, value: solar(1990, 3, 8) });
    expect(reason(solar(null, 12, 31))).toBe('ok');
    expect(reason(solar(2025, 6, 15))).toBe('ok');
  });

  it('accepts Feb 29 only in leap years or without a year', () => {
    expect(reason(solar(2000, 2, 29))).toBe('ok');
    expect(reason(solar(1996, 2, 29))).toBe('ok');
    expect(reason(solar(1900, 2, 29))).toBe('birthday-invalid-date');
    expect(reason(solar(1999, 2, 29))).toBe('birthday-invalid-date');
    expect(reason(solar(null, 2, 29))).toBe('ok');
    expect(reason(solar(null, 2, 30))).toBe('birthday-invalid-date');
  });

  it('rejects impossible dates', () => {
    for (const b of [solar(1990, 4, 31), solar(1990, 13, 1), solar(1990, 0, 1), solar(1990, 1, 0), solar(1990, 1.5, 1), solar(1990.5, 1, 1)]) {
      expect(reason(b)).toBe('birthday-invalid-date');
    }
    expect(reason({ ...solar(1990, 1, 1), calendar: 'julian' as never })).toBe('birthday-invalid-date');
    expect(reason(solar(1990, Number.NaN, 1))).toBe('birthday-invalid-date');
  });

  it('rejects births after today and before the oldest plausible age', () => {
    expect(reason(solar(2025, 6, 16))).toBe('birthday-in-future');
    expect(reason(solar(2030, 1, 1))).toBe('birthday-in-future');
    expect(reason(solar(99999, 1, 1))).toBe('birthday-in-future');
    expect(reason(solar(1895, 1, 1))).toBe('ok');
    expect(reason(solar(1894, 12, 31))).toBe('birthday-too-old');
    expect(reason(solar(90, 1, 1))).toBe('birthday-too-old');
  });

  it('stores leapMonth false for solar birthdays', () => {
    const r = validateBirthday({ ...solar(1990, 3, 8), leapMonth: true }, TODAY);
    expect(r).toEqual({ ok: true, value: solar(1990, 3, 8) });
  });
});

describe('validateBirthday (lunar)', () => {
  it('accepts days the lunar month has', () => {
    // 2020 had a leap fourth month of 29 days; the ordinary fourth month had 30.
    expect(reason(lunar(2020, 4, 30))).toBe('ok');
    expect(reason(lunar(2020, 4, 29, true))).toBe('ok');
    expect(reason(lunar(1990, 8, 15))).toBe('ok');
  });

  it('rejects a 30th day in a 29-day month and a leap month the year does not have', () => {
    expect(reason(lunar(2020, 4, 30, true))).toBe('birthday-lunar-invalid');
    expect(reason(lunar(2020, 1, 30))).toBe('birthday-lunar-invalid'); // 2020 正月 had 29 days
    expect(reason(lunar(2020, 5, 1, true))).toBe('birthday-lunar-invalid');
    expect(reason(lunar(2021, 4, 1, true))).toBe('birthday-lunar-invalid');
  });

  it('accepts any month 1–12 and day 1–30 without a year, leap or not', () => {
    expect(reason(lunar(null, 12, 30))).toBe('ok');
    expect(reason(lunar(null, 4, 30, true))).toBe('ok');
    expect(reason(lunar(null, 1, 31))).toBe('birthday-invalid-date');
    expect(reason(lunar(null, 13, 1))).toBe('birthday-invalid-date');
  });

  it('checks the future against the solar date of a lunar birth', () => {
    // Lunar 2025 五月二十 is 2025-06-15 (today); 五月廿一 is tomorrow.
    expect(reason(lunar(2025, 5, 20))).toBe('ok');
    expect(reason(lunar(2025, 5, 21))).toBe('birthday-in-future');
  });
});

describe('birthDateOf', () => {
  it('converts lunar births to the solar date', () => {
    expect(ymd(birthDateOf(lunar(1990, 12, 5))!)).toBe('1991-01-20');
    expect(ymd(birthDateOf(lunar(2023, 2, 1, true))!)).toBe('2023-03-22');
    expect(birthDateOf(lunar(null, 2, 1))).toBeNull();
    expect(ymd(birthDateOf(solar(1990, 3, 8))!)).toBe('1990-03-08');
  });

  it('agrees with lunar-typescript on every day of a few lunar years', () => {
    for (const year of [1949, 1990, 2020, 2023, 2033]) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 15, 29]) {
          const s = Lunar.fromYmd(year, month, day).getSolar();
          expect(ymd(birthDateOf(lunar(year, month, day))!)).toBe(s.toYmd());
        }
      }
    }
  });
});

describe('nextBirthdayOccurrence', () => {
  it('returns today when the birthday is today, else the next one', () => {
    expect(ymd(nextBirthdayOccurrence(solar(1990, 6, 15), TODAY))).toBe('2025-06-15');
    expect(ymd(nextBirthdayOccurrence(solar(1990, 6, 14), TODAY))).toBe('2026-06-14');
    expect(ymd(nextBirthdayOccurrence(solar(null, 12, 31), TODAY))).toBe('2025-12-31');
    expect(nextBirthdayOccurrence(solar(1990, 6, 16), TODAY).getHours()).toBe(0);
  });

  it('moves Feb 29 to Feb 28 in common years', () => {
    expect(ymd(nextBirthdayOccurrence(solar(2000, 2, 29), TODAY))).toBe('2026-02-28');
    expect(ymd(nextBirthdayOccurrence(solar(2000, 2, 29), new Date(2027, 5, 1)))).toBe('2028-02-29');
    expect(ymd(nextBirthdayOccurrence(solar(null, 2, 29), new Date(2028, 1, 29)))).toBe('2028-02-29');
  });

  it('converts lunar birthdays to the solar date', () => {
    // 中秋 2025 is 2025-10-06; 春节 2026 is 2026-02-17.
    expect(ymd(nextBirthdayOccurrence(lunar(1980, 8, 15), TODAY))).toBe('2025-10-06');
    expect(ymd(nextBirthdayOccurrence(lunar(null, 1, 1), TODAY))).toBe('2026-02-17');
    // 五月二十 is today; 五月十九 was yesterday, so next year's (2026-07-03).
    expect(ymd(nextBirthdayOccurrence(lunar(null, 5, 20), TODAY))).toBe('2025-06-15');
    expect(ymd(nextBirthdayOccurrence(lunar(null, 5, 19), TODAY))).toBe(Lunar.fromYmd(2026, 5, 19).getSolar().toYmd());
  });

  it('handles a lunar 12th-month birthday in January (previous lunar year)', () => {
    // 2025-01-20 is lunar 2024 腊月廿一; 腊月廿五 of lunar 2024 is 2025-01-24.
    expect(ymd(nextBirthdayOccurrence(lunar(null, 12, 25), new Date(2025, 0, 20)))).toBe('2025-01-24');
  });

  it('keeps a leap-month birthday in the leap month when the year has one, else the ordinary month', () => {
    // 2025 has a leap sixth month (闰六月初一 = 2025-07-25); 2026 has none.
    expect(ymd(nextBirthdayOccurrence(lunar(null, 6, 1, true), TODAY))).toBe('2025-07-25');
    expect(ymd(nextBirthdayOccurrence(lunar(null, 6, 1, true), new Date(2025, 7, 1)))).toBe(
      Lunar.fromYmd(2026, 6, 1).getSolar().toYmd(),
    );
  });

  it('moves a lunar 30th to the 29th in a short month', () => {
    // 2025's 腊月 has 29 days.
    const short = nextBirthdayOccurrence(lunar(null, 12, 30), TODAY);
    expect(ymd(short)).toBe(Lunar.fromYmd(2025, 12, 29).getSolar().toYmd());
  });
});

describe('ageOn', () => {
  it('counts completed years', () => {
    expect(ageOn(solar(1990, 6, 15), TODAY)).toBe(35);
    expect(ageOn(solar(1990, 6, 16), TODAY)).toBe(34);
    expect(ageOn(solar(null, 6, 15), TODAY)).toBeNull();
    expect(ageOn(solar(2025, 6, 15), TODAY)).toBe(0);
    expect(ageOn(solar(2026, 1, 1), TODAY)).toBeNull();
  });

  it('ages Feb 29 births on Feb 28 in common years', () => {
    expect(ageOn(solar(2000, 2, 29), new Date(2025, 1, 27))).toBe(24);
    expect(ageOn(solar(2000, 2, 29), new Date(2025, 1, 28))).toBe(25);
  });

  it('counts lunar birthdays by their lunar anniversaries', () => {
    // Born lunar 1990 腊月初五 (1991-01-20).
    const b = lunar(1990, 12, 5);
    expect(ageOn(b, new Date(1991, 0, 20))).toBe(0);
    expect(ageOn(b, new Date(1991, 0, 19))).toBeNull();
    const anniversary35 = nextBirthdayOccurrence(b, new Date(2025, 11, 1));
    expect(ageOn(b, anniversary35)).toBe(35);
    expect(ageOn(b, new Date(anniversary35.getTime() - 86_400_000))).toBe(34);
  });
});

describe('lunarMonthDayLabel', () => {
  it.each([
    [1, 1, false, '正月初一', '正月初一', 'Lunar 1/1'],
    [8, 15, false, '八月十五', '八月十五', 'Lunar 8/15'],
    [4, 3, true, '闰四月初三', '閏四月初三', 'Lunar leap 4/3'],
    [10, 10, false, '十月初十', '十月初十', 'Lunar 10/10'],
    [11, 20, false, '冬月二十', '冬月二十', 'Lunar 11/20'],
    [12, 23, false, '腊月廿三', '臘月廿三', 'Lunar 12/23'],
    [12, 30, false, '腊月三十', '臘月三十', 'Lunar 12/30'],
    [2, 19, false, '二月十九', '二月十九', 'Lunar 2/19'],
  ])('%i/%i leap=%s', (month, day, leapMonth, cn, tw, en) => {
    const b = lunar(null, month, day, leapMonth);
    expect(lunarMonthDayLabel(b, 'zh-CN')).toBe(cn);
    expect(lunarMonthDayLabel(b, 'zh-TW')).toBe(tw);
    expect(lunarMonthDayLabel(b, 'en')).toBe(en);
  });

  it('agrees with lunar-typescript on day names', () => {
    for (let day = 1; day <= 30; day++) {
      const expected = Lunar.fromYmd(2020, 4, day).getDayInChinese();
      expect(lunarMonthDayLabel(lunar(null, 4, day), 'zh-CN')).toBe(`四月${expected}`);
    }
  });
});
