// The contact dialog's quick follow-up choices: a day a few days from today, as the date field takes it.
import { addDays, addMonths, format } from 'date-fns';

export const FOLLOW_UP_QUICK = ['tomorrow', 'in3Days', 'inAWeek', 'inAMonth'] as const;
export type FollowUpQuick = (typeof FOLLOW_UP_QUICK)[number];

/** yyyy-MM-dd of the quick choice, counted from `today` in local time. */
export function followUpDay(choice: FollowUpQuick, today: Date): string {
  const day =
    choice === 'tomorrow' ? addDays(today, 1) : choice === 'in3Days' ? addDays(today, 3) : choice === 'inAWeek' ? addDays(today, 7) : addMonths(today, 1);
  return format(day, 'yyyy-MM-dd');
}

/** The local calendar day, yyyy-MM-dd, that follow-up dates compare with. */
export function localToday(now: Date): string {
  return format(now, 'yyyy-MM-dd');
}
