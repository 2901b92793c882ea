import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { careSettingsSchema, DEFAULT_CARE_SETTINGS } from './careSettings';
import { CARE_SETTINGS_BOUNDS, CARE_SETTINGS_FIELDS, careSettingsDraftOf, validateCareSettingsDraft, type CareSettingsDraft } from './careSettingsDraft';

const draft = (over: Partial<CareSettingsDraft> = {}): CareSettingsDraft => ({ ...careSettingsDraftOf(DEFAULT_CARE_SETTINGS), ...over });

describe('validateCareSettingsDraft', () => {
  it('reads the defaults back as they were', () => {
    expect(validateCareSettingsDraft(draft())).toEqual({ ok: true, value: DEFAULT_CARE_SETTINGS });
  });

  it('takes whole numbers within the bounds, full-width digits and spaces around too', () => {
    expect(validateCareSettingsDraft(draft({ birthday: ' ５ ', festival: '0', followUp: '60', points: '１２', cadenceOverdueDays: '365' }))).toEqual({
      ok: true,
      value: { daysBefore: { birthday: 5, festival: 0, followUp: 60, points: 12 }, cadenceOverdueDays: 365 },
    });
  });

  it('names each field it refuses, and why', () => {
    expect(validateCareSettingsDraft(draft({ birthday: '61', festival: '', followUp: '2.5', points: '-1', cadenceOverdueDays: '0' }))).toEqual({
      ok: false,
      reason: { birthday: 'out-of-range', festival: 'not-whole-number', followUp: 'not-whole-number', points: 'not-whole-number', cadenceOverdueDays: 'out-of-range' },
    });
    expect(validateCareSettingsDraft(draft({ cadenceOverdueDays: '366' }))).toEqual({ ok: false, reason: { cadenceOverdueDays: 'out-of-range' } });
    expect(validateCareSettingsDraft(draft({ points: '1e1' }))).toEqual({ ok: false, reason: { points: 'not-whole-number' } });
  });

  it('accepts exactly what the stored setting\'s schema accepts (property)', () => {
    fc.assert(
      fc.property(fc.record(Object.fromEntries(CARE_SETTINGS_FIELDS.map((f) => [f, fc.integer({ min: -5, max: 400 })])) as Record<(typeof CARE_SETTINGS_FIELDS)[number], fc.Arbitrary<number>>), (n) => {
        const asSetting = { daysBefore: { birthday: n.birthday, festival: n.festival, followUp: n.followUp, points: n.points }, cadenceOverdueDays: n.cadenceOverdueDays };
        const typed = Object.fromEntries(CARE_SETTINGS_FIELDS.map((f) => [f, String(n[f])])) as CareSettingsDraft;
        const checked = validateCareSettingsDraft(typed);
        expect(checked.ok).toBe(careSettingsSchema.safeParse(asSetting).success);
        if (checked.ok) expect(checked.value).toEqual(asSetting);
      }),
    );
    for (const f of CARE_SETTINGS_FIELDS) expect(CARE_SETTINGS_BOUNDS[f].min).toBeLessThanOrEqual(CARE_SETTINGS_BOUNDS[f].max);
  });
});
