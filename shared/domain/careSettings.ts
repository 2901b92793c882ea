// The owner's care-reminder rules: how many days ahead each occasion shows, and when a call-back turns overdue.
import { z } from 'zod';

const daysBefore = z.number().int().min(0).max(60);

export const careSettingsSchema = z.strictObject({
  /**
   * Days before the occasion a reminder first shows; it shows on the day itself too. 0: on the day only.
   * Follow-ups and points count from the promised day and the expiry day.
   */
  daysBefore: z.strictObject({
    birthday: daysBefore,
    festival: daysBefore,
    followUp: daysBefore,
    points: daysBefore,
  }),
  /** A call-back is due when nothing was logged for the tier's cadence; overdue this many days after. */
  cadenceOverdueDays: z.number().int().min(1).max(365),
});
export type CareSettings = z.infer<typeof careSettingsSchema>;

export const DEFAULT_CARE_SETTINGS: Readonly<CareSettings> = Object.freeze({
  daysBefore: Object.freeze({ birthday: 3, festival: 7, followUp: 0, points: 7 }),
  cadenceOverdueDays: 14,
});
