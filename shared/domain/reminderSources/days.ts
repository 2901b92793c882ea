// Calendar days as 'yyyy-MM-dd' strings for the reminder sources: local midnight in, local day out, days added by date-fns.
import { addDays } from 'date-fns';

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Local midnight of a 'yyyy-MM-dd' day. */
export function dateOfDay(day: string): Date {
  return new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** The local calendar day of `date`. Date getters, not format(): a reminder pass calls it per customer. */
export function dayOfDate(date: Date): string {
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}

/** The day `n` calendar days after (before, when negative) `day`. */
export function shiftDay(day: string, n: number): string {
  return dayOfDate(addDays(dateOfDay(day), n));
}
