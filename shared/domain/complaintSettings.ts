// The owner's complaint rules: how long each severity has to be resolved, and the weekdays the store is closed (not counted).
import { z } from 'zod';

/** Up to 60 days. */
const hours = z.number().int().min(1).max(1440);

export const complaintSettingsSchema = z.strictObject({
  /** Hours to resolve a complaint of each severity, counted on the store's open days only. */
  hours: z.strictObject({ high: hours, normal: hours, low: hours }),
  /** Weekdays the store is closed (0 Sunday … 6 Saturday, as Date#getDay), each once; at least one day stays open. */
  closedWeekdays: z
    .array(z.number().int().min(0).max(6))
    .max(6)
    .refine((days) => new Set(days).size === days.length, { message: 'weekday-twice' }),
});
export type ComplaintSettings = z.infer<typeof complaintSettingsSchema>;

export const DEFAULT_COMPLAINT_SETTINGS: Readonly<ComplaintSettings> = Object.freeze({
  hours: Object.freeze({ high: 24, normal: 72, low: 168 }),
  closedWeekdays: Object.freeze([]) as unknown as number[],
});
