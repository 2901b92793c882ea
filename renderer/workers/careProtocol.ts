// The care worker's declaration (served by care.worker.ts, asked by features/care/careClient.ts): what care
// reminders are due today and on each coming day, computed off the page's thread, and paged to the screen.
import type { DueReminder, ReminderKind, ReminderTiming } from '../../shared/domain/reminders';
import { declareWorker, method } from './rpc';

/** A coming day of the pop-up schedule: how many reminders show that day, and the snoozes that end on it. */
export interface CareDay {
  day: string;
  count: number;
  /** Reminders coming back from a snooze that day, at the snooze's end (ISO). */
  snoozesEnding: { key: string; until: string; kind: ReminderKind; customerId: string | null }[];
}

/** Today's reminders counted (the list itself is paged), and the coming days'. */
export interface CareSummary {
  today: string;
  total: number;
  byKind: Record<ReminderKind, number>;
  byTiming: Record<ReminderTiming, number>;
  /** Years ahead whose official public holidays the app does not know: the screen says so. */
  unknownHolidayYears: number[];
  /** Today first, then each day of the horizon. */
  days: CareDay[];
}

export interface CarePage {
  total: number;
  reminders: DueReminder[];
}

export const careContract = declareWorker({
  name: 'care',
  methods: {
    /** Reads the store and works out today's reminders and the next `horizonDays` days'. */
    compute: method<{ horizonDays: number }, CareSummary>(),
    /** A page of today's reminders (of one kind, or all) as the last compute left them. */
    page: method<{ kind: ReminderKind | null; offset: number; limit: number }, CarePage>(),
  },
  failures: ['failed', 'not-computed'],
});
