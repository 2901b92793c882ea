// Festival reminders: the store-wide ones (no customer), from the festival calendar in festivals.ts.
import type { CareSettings } from '../careSettings';
import { festivalsOfYear, holidayScheduleKnown } from '../festivals';
import { reminderKey, timingOf, type DueReminder } from '../reminders';
import { shiftDay } from './days';

export interface FestivalReminders {
  reminders: DueReminder[];
  /**
   * Years in the look-ahead (today to the lead time ahead, and next year from 1 December on) whose official
   * public-holiday schedule the app does not know: the app says so rather than guess days off.
   */
  unknownHolidayYears: number[];
}

/** Each festival from daysBefore.festival days ahead through its day; subject is the festival id. */
export function festivalReminders(today: string, settings: CareSettings): FestivalReminders {
  const lead = settings.daysBefore.festival;
  const last = shiftDay(today, lead);
  const firstYear = Number(today.slice(0, 4));
  const lastYear = Number(last.slice(0, 4));
  const reminders: DueReminder[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    for (const f of festivalsOfYear(year)) {
      if (f.day < today || f.day > last) continue;
      reminders.push({
        key: reminderKey('festival', f.festival, f.day),
        kind: 'festival',
        customerId: null,
        dueDay: f.day,
        showFrom: shiftDay(f.day, -lead),
        timing: timingOf(f.day, today),
        detail: { kind: 'festival', festival: f.festival, holiday: f.holiday && { ...f.holiday, makeUpWorkdays: [...f.holiday.makeUpWorkdays] } },
      });
    }
  }
  const ahead = today.slice(5, 7) === '12' ? Math.max(lastYear, firstYear + 1) : lastYear;
  const unknownHolidayYears: number[] = [];
  for (let year = firstYear; year <= ahead; year++) if (!holidayScheduleKnown(year)) unknownHolidayYears.push(year);
  return { reminders, unknownHolidayYears };
}
