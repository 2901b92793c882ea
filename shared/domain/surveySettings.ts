// The owner's survey rules: how often a customer may be asked, and how soon an unhappy answer is followed up.
import { z } from 'zod';
import { err, ok, type Result } from '../result';

/** What surveySettingsSchema accepts (surveySettings.test.ts holds the draft's check to it). */
export const SURVEY_SETTINGS_BOUNDS = {
  /** A customer is asked at most once in this many days. */
  askEveryDays: { min: 1, max: 730 },
  /** A follow-up of an unhappy answer is due this many hours after it. */
  followUpHours: { min: 1, max: 720 },
} as const;

const bounded = (b: { min: number; max: number }) => z.number().int().min(b.min).max(b.max);

export const surveySettingsSchema = z.strictObject({
  askEveryDays: bounded(SURVEY_SETTINGS_BOUNDS.askEveryDays),
  followUpHours: bounded(SURVEY_SETTINGS_BOUNDS.followUpHours),
});
export type SurveySettings = z.infer<typeof surveySettingsSchema>;

export const DEFAULT_SURVEY_SETTINGS: Readonly<SurveySettings> = Object.freeze({ askEveryDays: 90, followUpHours: 48 });

export const SURVEY_SETTINGS_FIELDS = ['askEveryDays', 'followUpHours'] as const;
export type SurveySettingsField = (typeof SURVEY_SETTINGS_FIELDS)[number];

/** Each field's text as typed in a settings form. */
export type SurveySettingsDraft = Record<SurveySettingsField, string>;
export type SurveySettingsError = 'not-whole-number' | 'out-of-range';

export function surveySettingsDraftOf(s: SurveySettings): SurveySettingsDraft {
  return { askEveryDays: String(s.askEveryDays), followUpHours: String(s.followUpHours) };
}

/** Whole numbers within each field's bounds; full-width digits (a Chinese IME's) count as digits. */
export function validateSurveySettingsDraft(draft: SurveySettingsDraft): Result<SurveySettings, Partial<Record<SurveySettingsField, SurveySettingsError>>> {
  const errors: Partial<Record<SurveySettingsField, SurveySettingsError>> = {};
  const values = {} as Record<SurveySettingsField, number>;
  for (const field of SURVEY_SETTINGS_FIELDS) {
    const text = draft[field].normalize('NFKC').trim();
    if (!/^\d{1,6}$/.test(text)) {
      errors[field] = 'not-whole-number';
      continue;
    }
    const value = Number(text);
    const { min, max } = SURVEY_SETTINGS_BOUNDS[field];
    if (value < min || value > max) errors[field] = 'out-of-range';
    else values[field] = value;
  }
  if (Object.keys(errors).length > 0) return err(errors);
  return ok({ askEveryDays: values.askEveryDays, followUpHours: values.followUpHours });
}
