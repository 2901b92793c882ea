// What care reminders are due: reads the store through the indexes version 14 made for it (birthdays by their
// day, call-backs per tier by last touch, follow-ups by their day, points by their expiry), then the reminder
// sources (shared/domain/reminderSources) decide, for today and each coming day of a pop-up schedule.
import type { Birthday } from '../../shared/domain/customer';
import type { CareSettings } from '../../shared/domain/careSettings';
import { applyMarks, sortReminders, type DueReminder, type ReminderMark } from '../../shared/domain/reminders';
import { birthdayIndexKeysFor, birthdayReminders, birthdayWindow } from '../../shared/domain/reminderSources/birthday';
import { cadenceDueBefore, cadenceGivenUpBefore, cadenceReminder, type CadenceInput } from '../../shared/domain/reminderSources/cadence';
import { dateOfDay, shiftDay } from '../../shared/domain/reminderSources/days';
import { festivalReminders } from '../../shared/domain/reminderSources/festival';
import { followUpReminders, type FollowUpSource } from '../../shared/domain/reminderSources/followUp';
import { POINTS_EXPIRY_HORIZON_DAYS, pointsReminders, type PointsSource } from '../../shared/domain/reminderSources/points';
import { statusGroups } from '../../shared/domain/statusGroups';
import type { StoreSettings } from '../../shared/domain/settings';
import type { RegularsDatabase } from './database';

/** What the sources need, read once for today and the `horizonDays` after it. */
export interface CareInputs {
  birthdays: { id: string; birthday: Birthday }[];
  cadence: Omit<CadenceInput, 'today'>[];
  followUps: FollowUpSource[];
  points: PointsSource[];
  marks: Map<string, ReminderMark>;
}

/**
 * Reads what the reminders of `today` through `today + horizonDays` can come from. Customers in the trash are
 * left out. `horizonDays` 0: today only.
 */
export async function readCareInputs(db: RegularsDatabase, today: string, horizonDays: number, settings: Pick<StoreSettings, 'care' | 'status'>): Promise<CareInputs> {
  const care = settings.care;
  const lastDay = shiftDay(today, horizonDays);
  return db.transaction('r', [db.customers, db.customerState, db.interactions, db.pointsState, db.reminderMarks], async () => {
    // Birthdays: from the first day a belated one still shows today to the last day one shows ahead of the horizon.
    const from = birthdayWindow(today, care).from;
    const to = birthdayWindow(lastDay, care).to;
    const birthdayRows = await db.customers.where('birthdayKey').anyOf(birthdayIndexKeysFor(from, to)).toArray();
    const birthdays = birthdayRows.flatMap((c) => (c.isDeleted === 0 && c.birthday ? [{ id: c.id, birthday: c.birthday }] : []));

    // Call-backs: per group, the index keys (tier, last touch) of whoever is due by the horizon's last day;
    // keys only, no rows. A customer with neither a visit nor a contact ('') has nothing to count from and is
    // below the range.
    const cadence: Omit<CadenceInput, 'today'>[] = [];
    const index = db.customerState.where('[isDeleted+tierId+lastTouchSort]');
    for (const group of statusGroups(settings.status)) {
      const cadenceDays = group.benefits.contactCadenceDays;
      if (!(cadenceDays > 0)) continue;
      // From the oldest touch still reminded of today (a year past due) to the newest due by the horizon's end.
      await index.between([0, group.id, cadenceGivenUpBefore(today, cadenceDays)], [0, group.id, cadenceDueBefore(lastDay, cadenceDays)], true, false).eachKey((key, cursor) => {
        cadence.push({ customerId: cursor.primaryKey as string, cadenceDays, lastTouchAt: (key as [number, string, string])[2] });
      });
    }

    // Follow-ups promised up to the horizon's lead; done ones are in the index too and skipped.
    const followUpRows = (await db.interactions.where('followUpDate').belowOrEqual(shiftDay(lastDay, care.daysBefore.followUp)).toArray()).filter((i) => !i.followUpDone);
    const followUpStates = await db.customerState.bulkGet([...new Set(followUpRows.map((i) => i.customerId))]);
    const active = new Set(followUpStates.flatMap((s) => (s && s.isDeleted === 0 ? [s.id] : [])));
    const followUps = followUpRows.filter((i) => active.has(i.customerId));

    // Points: customers with a batch that runs out within the points horizon of the last day.
    const pointsBound = dateOfDay(shiftDay(lastDay, POINTS_EXPIRY_HORIZON_DAYS + 1)).toISOString();
    const points = (await db.pointsState.where('pointsNextExpiryAt').below(pointsBound).toArray()).filter((p) => p.isDeleted === 0);

    const marks = new Map((await db.reminderMarks.toArray()).map((m) => [m.key, m]));
    return { birthdays, cadence, followUps, points, marks };
  });
}

export interface DueOn {
  day: string;
  reminders: DueReminder[];
  /** Every reminder of the day before the marks: a snoozed one is here, to be scheduled for its snooze's end. */
  unmarked: DueReminder[];
  unknownHolidayYears: number[];
}

/**
 * The reminders showing on `day` (today or a later day within what was read), marks applied as of `now`
 * (for a later day: its end, so a snooze that ends that day counts), in the order a clerk works them.
 */
export function dueOn(inputs: CareInputs, day: string, care: CareSettings, now: Date): DueOn {
  const festivals = festivalReminders(day, care);
  const cadence: DueReminder[] = [];
  for (const c of inputs.cadence) {
    const r = cadenceReminder({ ...c, today: day }, care);
    if (r) cadence.push(r);
  }
  const all = [
    ...birthdayReminders(inputs.birthdays, day, care),
    ...festivals.reminders,
    ...cadence,
    ...followUpReminders(inputs.followUps, day, care),
    ...pointsReminders(inputs.points, day, care),
  ];
  return { day, reminders: sortReminders(applyMarks(all, inputs.marks, now)), unmarked: all, unknownHolidayYears: festivals.unknownHolidayYears };
}
