// Points-expiry reminders: a customer's points that run out within 30 days, shown ahead by the owner's lead time.
import type { CareSettings } from '../careSettings';
import type { CustomerPointsFields } from '../customer';
import { reminderKey, timingOf, type DueReminder } from '../reminders';
import { dayOfDate, shiftDay } from './days';

/** The furthest ahead a points reminder looks, whatever the lead time: what pointsExpiringSoon counts. */
export const POINTS_EXPIRY_HORIZON_DAYS = 30;

export type PointsSource = { id: string } & Pick<CustomerPointsFields, 'pointsBalance' | 'pointsExpiringSoon' | 'pointsExpiringAt'>;

/**
 * The last day points expiring at `expiresAt` can be spent: expiry is the first moment they no longer count
 * (local midnight after the last valid day, see pointsRules.ts), so the day of the instant just before it.
 */
export function lastPointsDay(expiresAt: string): string {
  return dayOfDate(new Date(Date.parse(expiresAt) - 1));
}

/**
 * One reminder per customer with points expiring: dueDay is the last day they can be spent, shown from
 * min(daysBefore.points, 30) days before it, until that day (after it they are gone: nothing to remind of).
 */
export function pointsReminders(rows: readonly PointsSource[], today: string, settings: CareSettings): DueReminder[] {
  const lead = Math.min(settings.daysBefore.points, POINTS_EXPIRY_HORIZON_DAYS);
  const last = shiftDay(today, lead);
  const out: DueReminder[] = [];
  for (const row of rows) {
    if (row.pointsExpiringSoon <= 0 || row.pointsExpiringAt === null) continue;
    const dueDay = lastPointsDay(row.pointsExpiringAt);
    if (dueDay < today || dueDay > last) continue;
    out.push({
      key: reminderKey('points', row.id, dueDay),
      kind: 'points',
      customerId: row.id,
      dueDay,
      showFrom: shiftDay(dueDay, -lead),
      timing: timingOf(dueDay, today),
      detail: { kind: 'points', expiringPoints: row.pointsExpiringSoon, balance: row.pointsBalance },
    });
  }
  return out;
}
