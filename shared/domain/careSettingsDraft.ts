// The owner's care-reminder settings as typed in the settings screen: the draft's text, and its check into CareSettings.
import { err, ok, type Result } from '../result';
import type { CareSettings } from './careSettings';

export const CARE_SETTINGS_FIELDS = ['birthday', 'festival', 'followUp', 'points', 'cadenceOverdueDays'] as const;
export type CareSettingsField = (typeof CARE_SETTINGS_FIELDS)[number];

/** Each field's text as typed. */
export type CareSettingsDraft = Record<CareSettingsField, string>;

/** What careSettingsSchema accepts (careSettingsDraft.test.ts holds the two together). */
export const CARE_SETTINGS_BOUNDS: Readonly<Record<CareSettingsField, { min: number; max: number }>> = {
  birthday: { min: 0, max: 60 },
  festival: { min: 0, max: 60 },
  followUp: { min: 0, max: 60 },
  points: { min: 0, max: 60 },
  cadenceOverdueDays: { min: 1, max: 365 },
};

export type CareSettingsError = 'not-whole-number' | 'out-of-range';

export function careSettingsDraftOf(s: CareSettings): CareSettingsDraft {
  const { birthday, festival, followUp, points } = s.daysBefore;
  return { birthday: String(birthday), festival: String(festival), followUp: String(followUp), points: String(points), cadenceOverdueDays: String(s.cadenceOverdueDays) };
}

/** Whole numbers within each field's bounds; full-width digits (a Chinese IME's) count as digits. */
export function validateCareSettingsDraft(draft: CareSettingsDraft): Result<CareSettings, Partial<Record<CareSettingsField, CareSettingsError>>> {
  const errors: Partial<Record<CareSettingsField, CareSettingsError>> = {};
  const values = {} as Record<CareSettingsField, number>;
  for (const field of CARE_SETTINGS_FIELDS) {
    const text = draft[field].normalize('NFKC').trim();
    if (!/^\d{1,6}$/.test(text)) {
      errors[field] = 'not-whole-number';
      continue;
    }
    const value = Number(text);
    const { min, max } = CARE_SETTINGS_BOUNDS[field];
    if (value < min || value > max) errors[field] = 'out-of-range';
    else values[field] = value;
  }
  if (Object.keys(errors).length > 0) return err(errors);
  return ok({
    daysBefore: { birthday: values.birthday, festival: values.festival, followUp: values.followUp, points: values.points },
    cadenceOverdueDays: values.cadenceOverdueDays,
  });
}
