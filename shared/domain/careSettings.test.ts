import { describe, expect, it } from 'vitest';
import { careSettingsSchema, DEFAULT_CARE_SETTINGS } from './careSettings';

describe('careSettingsSchema', () => {
  it('takes the defaults', () => {
    expect(careSettingsSchema.parse(DEFAULT_CARE_SETTINGS)).toEqual(DEFAULT_CARE_SETTINGS);
  });
  it('refuses lead days outside 0–60, an overdue threshold outside 1–365, fractions and unknown keys', () => {
    const bad = [
      { ...DEFAULT_CARE_SETTINGS, daysBefore: { ...DEFAULT_CARE_SETTINGS.daysBefore, birthday: 61 } },
      { ...DEFAULT_CARE_SETTINGS, daysBefore: { ...DEFAULT_CARE_SETTINGS.daysBefore, festival: -1 } },
      { ...DEFAULT_CARE_SETTINGS, daysBefore: { ...DEFAULT_CARE_SETTINGS.daysBefore, points: 1.5 } },
      { ...DEFAULT_CARE_SETTINGS, cadenceOverdueDays: 0 },
      { ...DEFAULT_CARE_SETTINGS, cadenceOverdueDays: 366 },
      { ...DEFAULT_CARE_SETTINGS, extra: true },
      { daysBefore: DEFAULT_CARE_SETTINGS.daysBefore },
    ];
    for (const value of bad) expect(careSettingsSchema.safeParse(value).success, JSON.stringify(value)).toBe(false);
    expect(careSettingsSchema.safeParse({ daysBefore: { birthday: 0, festival: 60, followUp: 0, points: 30 }, cadenceOverdueDays: 365 }).success).toBe(true);
  });
});
