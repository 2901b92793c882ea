// Call-back reminders: a customer is due when nothing touched them (a purchase, a logged contact, their creation)
// for their tier's cadence, and overdue the owner's threshold later. Days are local calendar days.
import type { CareSettings } from '../careSettings';
import { reminderKey, type DueReminder } from '../reminders';
import { dateOfDay, dayOfDate, shiftDay } from './days';

/**
 * A call-back stops this many days after it fell due: a customer nobody reached for a year more is a win-back
 * (the churn-risk list, campaigns), not a call-back that would bury this week's among hundreds.
 */
export const CADENCE_GIVE_UP_DAYS = 365;

export interface CadenceInput {
  customerId: string;
  /** Days without a touch after which the customer is due (their tier's contactCadenceDays). */
  cadenceDays: number;
  /** ISO instant: the latest of their last purchase, last logged contact and creation (only its local day counts). */
  lastTouchAt: string;
  /** yyyy-MM-dd, the store's (this machine's) calendar day. */
  today: string;
}

/**
 * Due on the day `cadenceDays` after the last touch's day (dueDay), timing 'today' from then on (a call to
 * make now, not a missed date); from `cadenceOverdueDays` after dueDay it is overdue. null before dueDay.
 * The key holds dueDay, so a new contact, which moves dueDay, makes a new reminder.
 */
export function cadenceReminder(input: CadenceInput, settings: CareSettings): DueReminder | null {
  const lastTouchDay = dayOfDate(new Date(input.lastTouchAt));
  const dueDay = shiftDay(lastTouchDay, input.cadenceDays);
  if (dueDay > input.today) return null;
  if (shiftDay(dueDay, CADENCE_GIVE_UP_DAYS) < input.today) return null;
  const overdue = shiftDay(dueDay, settings.cadenceOverdueDays) <= input.today;
  return {
    key: reminderKey('cadence', input.customerId, dueDay),
    kind: 'cadence',
    customerId: input.customerId,
    dueDay,
    showFrom: dueDay,
    timing: overdue ? 'overdue' : 'today',
    detail: { kind: 'cadence', cadenceDays: input.cadenceDays, lastTouchDay, overdue },
  };
}

/** The local midnight starting `day`, as the ISO instant stored times compare with. */
const startOfDayIso = (day: string) => dateOfDay(day).toISOString();

/**
 * A customer whose lastTouchAt (ISO) is before this instant is due today: it is the local midnight that
 * starts the day after the last day a touch leaves them due (today − cadenceDays), so a database can read
 * the due ones as an index range.
 */
export function cadenceDueBefore(today: string, cadenceDays: number): string {
  return startOfDayIso(shiftDay(today, 1 - cadenceDays));
}

/** As cadenceDueBefore, for the overdue ones: a lastTouchAt before this instant is overdue today. */
export function cadenceOverdueBefore(today: string, cadenceDays: number, settings: Pick<CareSettings, 'cadenceOverdueDays'>): string {
  return startOfDayIso(shiftDay(today, 1 - cadenceDays - settings.cadenceOverdueDays));
}

/** As cadenceDueBefore, for the oldest touch still reminded of: a lastTouchAt before this instant has been given up. */
export function cadenceGivenUpBefore(today: string, cadenceDays: number): string {
  return startOfDayIso(shiftDay(today, -cadenceDays - CADENCE_GIVE_UP_DAYS));
}

/**
 * The local days of last touch whose customers are reminded of on some day from `today` to `lastDay`, oldest
 * first, each with the instants that bound it [start, next start): the range from cadenceGivenUpBefore(today) to
 * cadenceDueBefore(lastDay) cut at local midnights, so a database reads it a day at a time (a batch of keys per
 * day instead of a cursor step per customer).
 */
export function cadenceTouchDays(today: string, lastDay: string, cadenceDays: number): { day: string; from: string; to: string }[] {
  const out: { day: string; from: string; to: string }[] = [];
  const last = shiftDay(lastDay, -cadenceDays);
  let next = startOfDayIso(shiftDay(today, -cadenceDays - CADENCE_GIVE_UP_DAYS));
  for (let day = shiftDay(today, -cadenceDays - CADENCE_GIVE_UP_DAYS); day <= last; day = shiftDay(day, 1)) {
    const from = next;
    next = startOfDayIso(shiftDay(day, 1));
    out.push({ day, from, to: next });
  }
  return out;
}
