// Birthday reminders (solar and lunar) and the birthday index keys the database looks customers up by.
import type { Birthday } from '../customer';
import { ageOn, lunarDayOf, nextBirthdayOccurrence } from '../birthday';
import type { CareSettings } from '../careSettings';
import { reminderKey, timingOf, type DueReminder } from '../reminders';
import { dateOfDay, dayOfDate, shiftDay } from './days';

/** Days after a birthday its reminder stays (overdue): a belated greeting still counts. */
export const BIRTHDAY_BELATED_DAYS = 7;

/** The days a birthday must fall on to be shown today: from a week back to the owner's lead time ahead. */
export function birthdayWindow(today: string, settings: CareSettings): { from: string; to: string } {
  return { from: shiftDay(today, -BIRTHDAY_BELATED_DAYS), to: shiftDay(today, settings.daysBefore.birthday) };
}

/**
 * A reminder for each customer whose birthday (this year's occurrence, by birthday.ts's rules: lunar on its
 * solar date, leap month kept in the ordinary month, 30th on a 29-day month's last day, 29 Feb on 28 Feb)
 * falls in birthdayWindow. The window is shorter than a year, so there is at most one per customer.
 */
export function birthdayReminders(customers: readonly { id: string; birthday: Birthday }[], today: string, settings: CareSettings): DueReminder[] {
  const { from, to } = birthdayWindow(today, settings);
  const start = dateOfDay(from);
  const out: DueReminder[] = [];
  for (const c of customers) {
    const occurrence = nextBirthdayOccurrence(c.birthday, start);
    const dueDay = dayOfDate(occurrence);
    if (dueDay > to) continue;
    const age = ageOn(c.birthday, occurrence);
    out.push({
      key: reminderKey('birthday', c.id, dueDay),
      kind: 'birthday',
      customerId: c.id,
      dueDay,
      showFrom: shiftDay(dueDay, -settings.daysBefore.birthday),
      timing: timingOf(dueDay, today),
      detail: {
        kind: 'birthday',
        calendar: c.birthday.calendar,
        month: c.birthday.month,
        day: c.birthday.day,
        leapMonth: c.birthday.calendar === 'lunar' && c.birthday.leapMonth,
        // 0 is the day of birth itself, not a birthday to greet.
        turning: age !== null && age > 0 ? age : null,
      },
    });
  }
  return out;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The value a customer record is indexed by: 'S-MM-DD' (solar), 'L-MM-DD' (lunar), 'L-MM-DD-leap' (lunar,
 * born in a leap month). The year plays no part: the key names the birthday, not the birth.
 */
export function birthdayIndexKey(b: Pick<Birthday, 'calendar' | 'month' | 'day' | 'leapMonth'>): string {
  if (b.calendar === 'solar') return `S-${pad2(b.month)}-${pad2(b.day)}`;
  return `L-${pad2(b.month)}-${pad2(b.day)}${b.leapMonth ? '-leap' : ''}`;
}

const lunarKey = (month: number, day: number, leap: boolean) => `L-${pad2(month)}-${pad2(day)}${leap ? '-leap' : ''}`;

/**
 * Every index key whose birthday falls on a day in [fromDay, toDay] (both yyyy-MM-dd, inclusive), by the
 * rules birthdayReminders uses: a day's own solar and lunar keys; 'S-02-29' on 28 Feb of a common year;
 * the 30th on the 29th of a 29-day lunar month; a leap-month birthday ('-leap') on the ordinary month's
 * days when the year has no such leap month, and on the leap month's days when it has.
 */
export function birthdayIndexKeysFor(fromDay: string, toDay: string): string[] {
  const keys = new Set<string>();
  for (let day = fromDay; day <= toDay; day = shiftDay(day, 1)) {
    const month = Number(day.slice(5, 7));
    const dom = Number(day.slice(8, 10));
    keys.add(`S-${day.slice(5, 7)}-${day.slice(8, 10)}`);
    if (month === 2 && dom === 28 && new Date(Number(day.slice(0, 4)), 1, 29).getMonth() !== 1) keys.add('S-02-29');

    const lunar = lunarDayOf(dateOfDay(day));
    const lastOfShortMonth = lunar.day === 29 && lunar.monthDays === 29;
    // Ordinary birthdays never fall in a leap month; leap-month birthdays fall in the ordinary month when the year has no such leap month.
    const leapVariants = lunar.leap ? [true] : lunar.yearLeapMonth === lunar.month ? [false] : [false, true];
    for (const leap of leapVariants) {
      keys.add(lunarKey(lunar.month, lunar.day, leap));
      if (lastOfShortMonth) keys.add(lunarKey(lunar.month, 30, leap));
    }
  }
  return [...keys];
}
