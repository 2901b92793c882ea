import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY_SETTINGS, surveySettingsDraftOf, surveySettingsSchema, validateSurveySettingsDraft } from './surveySettings';

describe('surveySettingsSchema', () => {
  it('takes the defaults: once in 90 days, follow-up within 48 hours', () => {
    expect(DEFAULT_SURVEY_SETTINGS).toEqual({ askEveryDays: 90, followUpHours: 48 });
    expect(surveySettingsSchema.parse(DEFAULT_SURVEY_SETTINGS)).toEqual(DEFAULT_SURVEY_SETTINGS);
  });
  it('refuses values outside the bounds, fractions, missing and unknown keys', () => {
    const bad = [
      { ...DEFAULT_SURVEY_SETTINGS, askEveryDays: 0 },
      { ...DEFAULT_SURVEY_SETTINGS, askEveryDays: 731 },
      { ...DEFAULT_SURVEY_SETTINGS, askEveryDays: 1.5 },
      { ...DEFAULT_SURVEY_SETTINGS, followUpHours: 0 },
      { ...DEFAULT_SURVEY_SETTINGS, followUpHours: 721 },
      { ...DEFAULT_SURVEY_SETTINGS, followUpHours: '48' },
      { ...DEFAULT_SURVEY_SETTINGS, extra: true },
      { askEveryDays: 90 },
      null,
    ];
    for (const value of bad) expect(surveySettingsSchema.safeParse(value).success, JSON.stringify(value)).toBe(false);
    expect(surveySettingsSchema.safeParse({ askEveryDays: 1, followUpHours: 720 }).success).toBe(true);
    expect(surveySettingsSchema.safeParse({ askEveryDays: 730, followUpHours: 1 }).success).toBe(true);
  });
});

describe('validateSurveySettingsDraft', () => {
  it('reads the defaults back from their draft, full-width digits too', () => {
    expect(validateSurveySettingsDraft(surveySettingsDraftOf(DEFAULT_SURVEY_SETTINGS))).toEqual({ ok: true, value: DEFAULT_SURVEY_SETTINGS });
    expect(validateSurveySettingsDraft({ askEveryDays: ' ３０ ', followUpHours: '24' })).toEqual({ ok: true, value: { askEveryDays: 30, followUpHours: 24 } });
  });
  it('names each bad field', () => {
    expect(validateSurveySettingsDraft({ askEveryDays: '', followUpHours: '0' })).toEqual({ ok: false, reason: { askEveryDays: 'not-whole-number', followUpHours: 'out-of-range' } });
    expect(validateSurveySettingsDraft({ askEveryDays: '1.5', followUpHours: '-3' })).toEqual({ ok: false, reason: { askEveryDays: 'not-whole-number', followUpHours: 'not-whole-number' } });
  });
  it('accepts a draft exactly when the schema accepts its numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), (askEveryDays, followUpHours) => {
        const checked = validateSurveySettingsDraft({ askEveryDays: String(askEveryDays), followUpHours: String(followUpHours) });
        expect(checked.ok).toBe(surveySettingsSchema.safeParse({ askEveryDays, followUpHours }).success);
      }),
    );
  });
});
