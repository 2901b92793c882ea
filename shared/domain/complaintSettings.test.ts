import { describe, expect, it } from 'vitest';
import { complaintSettingsSchema, DEFAULT_COMPLAINT_SETTINGS } from './complaintSettings';

describe('complaintSettingsSchema', () => {
  it('takes the defaults: high 24 h, normal 72 h, low 7 days, open every day', () => {
    expect(complaintSettingsSchema.parse(DEFAULT_COMPLAINT_SETTINGS)).toEqual({ hours: { high: 24, normal: 72, low: 168 }, closedWeekdays: [] });
  });
  it('refuses hours outside 1–1440, fractions, unknown weekdays, a weekday twice, a store closed every day and unknown keys', () => {
    const d = DEFAULT_COMPLAINT_SETTINGS;
    const bad = [
      { ...d, hours: { ...d.hours, high: 0 } },
      { ...d, hours: { ...d.hours, low: 1441 } },
      { ...d, hours: { ...d.hours, normal: 1.5 } },
      { ...d, closedWeekdays: [7] },
      { ...d, closedWeekdays: [-1] },
      { ...d, closedWeekdays: [0, 0] },
      { ...d, closedWeekdays: [0, 1, 2, 3, 4, 5, 6] },
      { ...d, extra: true },
      { hours: d.hours },
    ];
    for (const value of bad) expect(complaintSettingsSchema.safeParse(value).success, JSON.stringify(value)).toBe(false);
    expect(complaintSettingsSchema.safeParse({ hours: { high: 1, normal: 1440, low: 2 }, closedWeekdays: [0, 6] }).success).toBe(true);
  });
});
