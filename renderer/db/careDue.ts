// What care reminders are due: reads the store through the indexes version 14 made for it (birthdays by their
// day, call-backs per tier by last touch, follow-ups by their day, points by their expiry) and version 15's open
// survey follow-ups, then the reminder
// sources (shared/domain/reminderSources) decide, for today and each coming day of a pop-up schedule.
import Dexie from 'dexie';
import type { Birthday } from '../../shared/domain/customer';
import type { CareSettings } from '../../shared/domain/careSettings';
import { applyMarks, reminderKey, sortReminders, type DueReminder, type ReminderMark } from '../../shared/domain/reminders';
import { complaintReminders, type ComplaintSource } from '../../shared/domain/reminderSources/complaint';
import { birthdayIndexKeysFor, birthdayReminders, birthdayWindow } from '../../shared/domain/reminderSources/birthday';
import { cadenceReminder, cadenceTouchDays, type CadenceInput } from '../../shared/domain/reminderSources/cadence';
import { dateOfDay, dayOfDate, shiftDay } from '../../shared/domain/reminderSources/days';
import { festivalReminders } from '../../shared/domain/reminderSources/festival';
import { followUpOldestDay, followUpReminders, type FollowUpSource } from '../../shared/domain/reminderSources/followUp';
import { POINTS_EXPIRY_HORIZON_DAYS, pointsReminders, type PointsSource } from '../../shared/domain/reminderSources/points';
import { surveyFollowUpReminders, type SurveyFollowUpSource } from '../../shared/domain/reminderSources/surveyFollowUp';
import { statusGroups } from '../../shared/domain/statusGroups';
import type { StoreSettings } from '../../shared/domain/settings';
import type { RegularsDatabase } from './database';

/** What the sources need, read once for today and the `horizonDays` after it. */
export interface CareInputs {
  birthdays: { id: string; birthday: Birthday }[];
  cadence: Omit<CadenceInput, 'today'>[];
  followUps: FollowUpSource[];
  points: PointsSource[];
  /** Unhappy survey answers whose follow-up is open. */
  surveyFollowUps: SurveyFollowUpSource[];
  /** Complaints not closed due by the horizon's end (the source keeps those awaiting resolution). */
  complaints: ComplaintSource[];
  marks: Map<string, ReminderMark>;
}

/**
 * Call-backs due from `today` to `lastDay`: per group, whoever was last touched on each local day from the oldest
 * still reminded of today (a year past due) to the newest due by the last day; the customers' ids only, a batch
 * per day of the index (tier, last touch), as the rules need the day alone (a cursor step per customer was
 * slower). A customer with neither a visit nor a contact ('') has nothing to count from and is below the range.
 * Inside a caller's transaction it joins it.
 */
export async function readCadenceDue(db: RegularsDatabase, today: string, lastDay: string, status: StoreSettings['status']): Promise<Omit<CadenceInput, 'today'>[]> {
  const index = db.customerState.where('[isDeleted+tierId+lastTouchSort]');
  const reads: Promise<Omit<CadenceInput, 'today'>[]>[] = [];
  for (const group of statusGroups(status)) {
    const cadenceDays = group.benefits.contactCadenceDays;
    if (!(cadenceDays > 0)) continue;
    for (const touched of cadenceTouchDays(today, lastDay, cadenceDays)) {
      reads.push(
        index
          .between([0, group.id, touched.from], [0, group.id, touched.to], true, false)
          .primaryKeys()
          .then((ids) => ids.map((customerId) => ({ customerId: customerId as string, cadenceDays, lastTouchAt: touched.from }))),
      );
    }
  }
  return (await Dexie.Promise.all(reads)).flat();
}

/**
 * Of these customers, those not in the trash, from their points rows: every customer has one, with the trash state
 * mirrored, and it is the narrowest row that carries it (the state row is several times wider).
 */
async function activeCustomers(db: RegularsDatabase, customerIds: readonly string[]): Promise<Set<string>> {
  const rows = await db.pointsState.bulkGet([...new Set(customerIds)]);
  return new Set(rows.flatMap((p) => (p && p.isDeleted === 0 ? [p.id] : [])));
}

/**
 * Reads what the reminders of `today` through `today + horizonDays` can come from. Customers in the trash are
 * left out. `horizonDays` 0: today only.
 */
export async function readCareInputs(db: RegularsDatabase, today: string, horizonDays: number, settings: Pick<StoreSettings, 'care' | 'status'>): Promise<CareInputs> {
  const care = settings.care;
  const lastDay = shiftDay(today, horizonDays);
  return db.transaction('r', [db.customers, db.customerState, db.interactions, db.pointsState, db.reminderMarks, db.surveyAnswers, db.complaints], async () => {
    // Birthdays: from the first day a belated one still shows today to the last day one shows ahead of the horizon.
    const from = birthdayWindow(today, care).from;
    const to = birthdayWindow(lastDay, care).to;
    const birthdayRows = await db.customers.where('birthdayKey').anyOf(birthdayIndexKeysFor(from, to)).toArray();
    const birthdays = birthdayRows.flatMap((c) => (c.isDeleted === 0 && c.birthday ? [{ id: c.id, birthday: c.birthday }] : []));

    const cadence = await readCadenceDue(db, today, lastDay, settings.status);

    // Open follow-ups (the index holds open ones only) from the oldest still reminded today to the horizon's lead.
    const followUpRows = await db.interactions.where('followUpOpen').between(followUpOldestDay(today), shiftDay(lastDay, care.daysBefore.followUp), true, true).toArray();
    // Survey follow-ups, open ones only (few), each shown from its answer until done; given up as a promised one is.
    const surveyRows = await db.surveyAnswers.where('followUpOpen').aboveOrEqual(dateOfDay(followUpOldestDay(today)).toISOString()).toArray();
    // Complaints: the open index (not closed) up to the horizon's last day.
    const complaintRows = await db.complaints.where('openDue').below(dateOfDay(shiftDay(lastDay, 1)).toISOString()).toArray();

    // Of their customers, those not in the trash.
    const active = await activeCustomers(db, [...followUpRows, ...surveyRows, ...complaintRows].map((r) => r.customerId));
    const followUps = followUpRows.filter((i) => active.has(i.customerId));
    const surveyFollowUps = surveyRows.flatMap((a): SurveyFollowUpSource[] =>
      active.has(a.customerId)
        ? [{ id: a.id, customerId: a.customerId, answeredAt: a.answeredAt, csat: a.csat, nps: a.nps, choices: a.choices, why: a.why, followUpDueAt: a.followUpDueAt, followUpDoneAt: a.followUpDoneAt, complaintId: a.complaintId }]
        : [],
    );
    const complaints = complaintRows.filter((c) => active.has(c.customerId));

    // Points: customers with a batch that runs out within the points horizon of the last day.
    const pointsBound = dateOfDay(shiftDay(lastDay, POINTS_EXPIRY_HORIZON_DAYS + 1)).toISOString();
    const points = (await db.pointsState.where('pointsNextExpiryAt').below(pointsBound).toArray()).filter((p) => p.isDeleted === 0);

    const marks = new Map((await db.reminderMarks.toArray()).map((m) => [m.key, m]));
    return { birthdays, cadence, followUps, points, surveyFollowUps, complaints, marks };
  });
}

type CadenceRead = CareInputs['cadence'];

/** The call-backs read, grouped by cadence and local day of last touch: each input's group, each group's first input. */
const touchGroups = new WeakMap<CadenceRead, { groupOf: number[]; groups: CadenceRead[number][] }>();

function groupsOf(cadence: CadenceRead) {
  let known = touchGroups.get(cadence);
  if (!known) {
    const index = new Map<string, number>();
    const groupOf: number[] = [];
    const groups: CadenceRead[number][] = [];
    for (const c of cadence) {
      const key = `${c.cadenceDays}|${dayOfDate(new Date(c.lastTouchAt))}`;
      let g = index.get(key);
      if (g === undefined) {
        g = groups.length;
        index.set(key, g);
        groups.push(c);
      }
      groupOf.push(g);
    }
    known = { groupOf, groups };
    touchGroups.set(cadence, known);
  }
  return known;
}

/**
 * The call-backs showing on `day`, in the order read. cadenceReminder depends on the last touch only through its
 * local day and on the customer only through the key: it runs once per cadence and day of last touch (a few
 * thousand at 100,000 customers, not tens of thousands for each day of the horizon), and each customer gets a copy
 * under their own key.
 */
function cadenceOn(cadence: CadenceRead, day: string, care: CareSettings): DueReminder[] {
  const { groupOf, groups } = groupsOf(cadence);
  const shapes = groups.map((g) => cadenceReminder({ ...g, today: day }, care));
  const out: DueReminder[] = [];
  for (let i = 0; i < cadence.length; i++) {
    const shape = shapes[groupOf[i]!];
    if (!shape) continue;
    const customerId = cadence[i]!.customerId;
    out.push({ ...shape, key: reminderKey('cadence', customerId, shape.dueDay), customerId, detail: { ...shape.detail } });
  }
  return out;
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
  const cadence = cadenceOn(inputs.cadence, day, care);
  const all = [
    ...birthdayReminders(inputs.birthdays, day, care),
    ...festivals.reminders,
    ...cadence,
    ...followUpReminders(inputs.followUps, day, care),
    ...pointsReminders(inputs.points, day, care),
    ...surveyFollowUpReminders(inputs.surveyFollowUps, day),
    ...complaintReminders(inputs.complaints, day),
  ];
  return { day, reminders: sortReminders(applyMarks(all, inputs.marks, now)), unmarked: all, unknownHolidayYears: festivals.unknownHolidayYears };
}
