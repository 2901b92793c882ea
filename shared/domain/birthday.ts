// Birthdays in the solar or the Chinese lunar calendar: validation, next occurrence, age, lunar labels.
import { getDaysInMonth, getYear, isLeapYear, startOfDay } from 'date-fns';
import { LunarYear } from 'lunar-typescript';
import { err, ok, type Result } from '../result';
import type { Birthday } from './customer';

export const BIRTHDAY_ERRORS = [
  'birthday-invalid-date',
  'birthday-in-future',
  'birthday-too-old',
  'birthday-lunar-invalid',
] as const;
export type BirthdayError = (typeof BIRTHDAY_ERRORS)[number];

/** A birth year further back than this is a typing mistake, not a customer. */
export const MAX_AGE_YEARS = 130;

export type BirthdayInput = Birthday;

// ---- lunar calendar tables -------------------------------------------------------------------
// lunar-typescript recomputes a whole year (~0.7 ms) whenever the year changes, which is too slow
// for a reminder pass over 100,000 customers; the few facts we need are memoised per lunar year.

interface LunarMonthInfo {
  month: number;
  leap: boolean;
  days: number;
  /** Days since 1970-01-01 of the month's first day (a civil date, no time zone). */
  firstDay: number;
}
interface LunarYearInfo {
  leapMonth: number;
  months: LunarMonthInfo[];
}

const DAY_MS = 86_400_000;
// Julian day number of 1970-01-01 (lunar-typescript's month starts are whole Julian days at noon).
const JD_UNIX_EPOCH = 2_440_588;
const lunarYears = new Map<number, LunarYearInfo>();

function lunarYearInfo(year: number): LunarYearInfo {
  let info = lunarYears.get(year);
  if (!info) {
    const ly = LunarYear.fromYear(year);
    info = {
      leapMonth: ly.getLeapMonth(),
      months: ly.getMonthsInYear().map((m) => ({
        month: Math.abs(m.getMonth()),
        leap: m.isLeap(),
        days: m.getDayCount(),
        firstDay: Math.floor(m.getFirstJulianDay() + 0.5) - JD_UNIX_EPOCH,
      })),
    };
    lunarYears.set(year, info);
  }
  return info;
}

function lunarMonthInfo(year: number, month: number, leap: boolean): LunarMonthInfo | undefined {
  return lunarYearInfo(year).months.find((m) => m.month === month && m.leap === leap);
}

/** Local midnight of the civil day `epochDay` days after 1970-01-01. */
function fromEpochDay(epochDay: number): Date {
  const utc = new Date(epochDay * DAY_MS);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

function toEpochDay(date: Date): number {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS);
}

/** The lunar year that `date` (a local calendar day) falls in. */
function lunarYearOf(date: Date): number {
  const solarYear = date.getFullYear();
  const newYear = lunarYearInfo(solarYear).months[0]!.firstDay;
  return toEpochDay(date) < newYear ? solarYear - 1 : solarYear;
}

/** A solar day's place in the lunar calendar, with what the birthday rules need to know about its month. */
export interface LunarDay {
  year: number;
  month: number;
  leap: boolean;
  day: number;
  /** Days in that lunar month (29 or 30). */
  monthDays: number;
  /** The year's leap month, or 0 when it has none. */
  yearLeapMonth: number;
}

/** The lunar date of the local calendar day `date` (from the memoised tables: cheap for a run of days). */
export function lunarDayOf(date: Date): LunarDay {
  const year = lunarYearOf(date);
  const info = lunarYearInfo(year);
  const epochDay = toEpochDay(date);
  const month = info.months.find((m) => epochDay >= m.firstDay && epochDay < m.firstDay + m.days)!;
  return { year, month: month.month, leap: month.leap, day: epochDay - month.firstDay + 1, monthDays: month.days, yearLeapMonth: info.leapMonth };
}

// ---- validation ------------------------------------------------------------------------------

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

/**
 * Checks a birthday as entered. A lunar birthday's year is the lunar year (someone born in the
 * 12th lunar month of 1990 was born in January 1991). Feb 29 is accepted without a year.
 */
export function validateBirthday(input: BirthdayInput, today: Date): Result<Birthday, BirthdayError> {
  const { calendar, year, month, day } = input;
  if (calendar !== 'solar' && calendar !== 'lunar') return err('birthday-invalid-date');
  if (!isInt(month) || !isInt(day) || (year !== null && !isInt(year))) return err('birthday-invalid-date');
  if (month < 1 || month > 12 || day < 1) return err('birthday-invalid-date');

  const thisYear = getYear(today);
  if (year !== null) {
    if (year < thisYear - MAX_AGE_YEARS) return err('birthday-too-old');
    // Checked before any calendar work so absurd years never reach the lunar tables.
    if (year > thisYear + 1) return err('birthday-in-future');
  }

  if (calendar === 'solar') {
    if (day > getDaysInMonth(new Date(year ?? 2000, month - 1, 1))) return err('birthday-invalid-date');
    const b: Birthday = { calendar, year, month, day, leapMonth: false };
    return isFutureBirth(b, today) ? err('birthday-in-future') : ok(b);
  }

  if (day > 30) return err('birthday-invalid-date');
  const leapMonth = input.leapMonth === true;
  const b: Birthday = { calendar, year, month, day, leapMonth };
  if (year === null) return ok(b);
  const info = lunarMonthInfo(year, month, leapMonth);
  if (!info || day > info.days) return err('birthday-lunar-invalid');
  return isFutureBirth(b, today) ? err('birthday-in-future') : ok(b);
}

function isFutureBirth(b: Birthday, today: Date): boolean {
  const born = birthDateOf(b);
  return born !== null && born.getTime() > startOfDay(today).getTime();
}

// ---- occurrences -----------------------------------------------------------------------------

/** The solar date of birth (local midnight), or null when the year is unknown or the date impossible. */
export function birthDateOf(b: Birthday): Date | null {
  if (b.year === null) return null;
  if (b.calendar === 'solar') {
    const d = new Date(b.year, b.month - 1, b.day);
    return d.getMonth() === b.month - 1 ? d : null;
  }
  const info = lunarMonthInfo(b.year, b.month, b.leapMonth);
  return info && b.day <= info.days ? fromEpochDay(info.firstDay + b.day - 1) : null;
}

/**
 * The birthday's anniversary in (solar or lunar) year `year`. Solar Feb 29 falls on Feb 28 in
 * other years. Lunar: a leap-month birthday is kept in the leap month when that year has the same
 * leap month, otherwise in the ordinary month of that number (the usual custom); day 30 becomes
 * the month's last day in a 29-day month.
 */
function occurrenceIn(b: Birthday, year: number): Date {
  if (b.calendar === 'solar') {
    const day = b.month === 2 && b.day === 29 && !isLeapYear(new Date(year, 0, 1)) ? 28 : b.day;
    return new Date(year, b.month - 1, day);
  }
  const info = lunarYearInfo(year);
  const leap = b.leapMonth && info.leapMonth === b.month;
  const month = lunarMonthInfo(year, b.month, leap)!;
  return fromEpochDay(month.firstDay + Math.min(b.day, month.days) - 1);
}

function calendarYearOf(b: Birthday, date: Date): number {
  return b.calendar === 'solar' ? date.getFullYear() : lunarYearOf(date);
}

/** The next birthday on or after `from` (today's birthday counts), as local midnight. */
export function nextBirthdayOccurrence(b: Birthday, from: Date): Date {
  const start = startOfDay(from);
  const year = calendarYearOf(b, start);
  const occurrence = occurrenceIn(b, year);
  return occurrence.getTime() >= start.getTime() ? occurrence : occurrenceIn(b, year + 1);
}

/** Completed years on `date` (the age goes up on the day nextBirthdayOccurrence names); null without a year or before birth. */
export function ageOn(b: Birthday, date: Date): number | null {
  if (b.year === null) return null;
  const day = startOfDay(date);
  const year = calendarYearOf(b, day);
  const age = (occurrenceIn(b, year).getTime() <= day.getTime() ? year : year - 1) - b.year;
  return age < 0 ? null : age;
}

// ---- labels ----------------------------------------------------------------------------------

const LUNAR_MONTHS_CN = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];
const DIGITS_CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function lunarDayCn(day: number): string {
  if (day <= 10) return `初${DIGITS_CN[day]}`;
  if (day < 20) return `十${DIGITS_CN[day - 10]}`;
  if (day === 20) return '二十';
  if (day < 30) return `廿${DIGITS_CN[day - 20]}`;
  return '三十';
}

/** 正月初一 / 八月十五 / 闰四月初三 (閏, 臘 in zh-TW); "Lunar 8/15", "Lunar leap 4/3" in English. */
export function lunarMonthDayLabel(
  b: Pick<Birthday, 'month' | 'day' | 'leapMonth'>,
  locale: 'zh-CN' | 'zh-TW' | 'en',
): string {
  if (locale === 'en') return `Lunar ${b.leapMonth ? 'leap ' : ''}${b.month}/${b.day}`;
  const traditional = locale === 'zh-TW';
  let month = LUNAR_MONTHS_CN[b.month - 1] ?? String(b.month);
  if (traditional && month === '腊') month = '臘';
  const leap = b.leapMonth ? (traditional ? '閏' : '闰') : '';
  return `${leap}${month}月${lunarDayCn(b.day)}`;
}
