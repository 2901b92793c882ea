// The care worker: what care reminders are due, computed from the store off the UI thread (renderer/db/careDue.ts).
// It opens the same IndexedDB database as the page.
import { REMINDER_KINDS, REMINDER_TIMINGS, type DueReminder, type ReminderKind } from '../../shared/domain/reminders';
import { dateOfDay, dayOfDate, shiftDay } from '../../shared/domain/reminderSources/days';
import { workerDatabaseName } from '../db/activeDatabase';
import { dueOn, readCareInputs } from '../db/careDue';
import { RegularsDatabase } from '../db/database';
import { createSettingsRepository } from '../db/settings';
import { careContract, type CareDay } from './careProtocol';
import { serve } from './rpc';
import { workerClock } from './workerClock';

const db = new RegularsDatabase(workerDatabaseName());
const settings = createSettingsRepository(db);
let todays: DueReminder[] | null = null;

const KIND_ORDER = Object.fromEntries(REMINDER_KINDS.map((k, i) => [k, i])) as Record<ReminderKind, number>;

/** A page asked before any compute: the page's client computes first, so this is a bug, said as such. */
class NotComputed extends Error {}

const counted = <K extends string>(keys: readonly K[], of: (r: DueReminder) => K, list: readonly DueReminder[]) => {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const r of list) out[of(r)] += 1;
  return out;
};

serve(
  careContract,
  {
    compute: async ({ horizonDays }) => {
      const now = workerClock();
      const today = dayOfDate(now);
      const store = await settings.read();
      const inputs = await readCareInputs(db, today, horizonDays, store);
      const first = dueOn(inputs, today, store.care, now);
      // Grouped by kind in the screen's order (birthdays, festivals, call-backs, follow-ups, points); within a
      // kind, overdue first (the sort is stable).
      todays = [...first.reminders].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
      const days: CareDay[] = [];
      const unknown = new Set(first.unknownHolidayYears);
      for (let i = 0; i <= horizonDays; i++) {
        const day = shiftDay(today, i);
        // A later day as of its end: a snooze ending that day brings its reminder back that day.
        const due = i === 0 ? first : dueOn(inputs, day, store.care, new Date(dateOfDay(shiftDay(day, 1)).getTime() - 1));
        for (const y of due.unknownHolidayYears) unknown.add(y);
        // From the day's start, today too: a snooze that ended an hour ago stays in the schedule (main shows a key once).
        const dayStart = dateOfDay(day).getTime();
        const dayEnd = dateOfDay(shiftDay(day, 1)).getTime();
        const snoozesEnding: CareDay['snoozesEnding'] = [];
        for (const r of due.unmarked) {
          const mark = inputs.marks.get(r.key);
          if (mark?.status !== 'snoozed' || mark.until === undefined) continue;
          const until = Date.parse(mark.until);
          if (until >= dayStart && until < dayEnd) snoozesEnding.push({ key: r.key, until: mark.until, kind: r.kind, customerId: r.customerId });
        }
        days.push({ day, count: due.reminders.length, snoozesEnding });
      }
      return {
        today,
        total: todays.length,
        byKind: counted(REMINDER_KINDS, (r) => r.kind, todays),
        byTiming: counted(REMINDER_TIMINGS, (r) => r.timing, todays),
        unknownHolidayYears: [...unknown].sort(),
        days,
      };
    },
    page: async ({ kind, offset, limit }) => {
      if (todays === null) throw new NotComputed();
      const list = kind === null ? todays : todays.filter((r) => r.kind === kind);
      return { total: list.length, reminders: list.slice(offset, offset + limit) };
    },
  },
  { failure: (error) => (error instanceof NotComputed ? 'not-computed' : 'failed') },
);
