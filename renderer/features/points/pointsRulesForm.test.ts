// The points rules form: rules to text and back unchanged, each unreadable field named, and an expiry change dated from its effective day.
import { describe, expect, it } from 'vitest';
import { DEFAULT_POINTS_RULES, POINTS_RULES_ERRORS, validatePointsRules, type PointsRules } from '../../../shared/domain/pointsRules';
import { draftOfPointsRules, expiryChanged, FIELD_OF_RULES_ERROR, pointsRulesOf, submitPointsRules, type PointsRulesDraft } from './pointsRulesForm';

const NOW = new Date(2026, 5, 15, 10, 0);
const RULES: PointsRules = {
  ...DEFAULT_POINTS_RULES,
  earn: { points: 1, perFen: 1_000, rounding: 'half-up' },
  excludedCategories: ['Gift cards', 'Tobacco, cigars'],
  excludedProducts: ['Bag'],
  memberDay: { days: { kind: 'month-days', days: [8, 18, 28] }, multiplier: 3 },
  birthday: { window: 'month', multiplier: 1.5 },
  combine: 'multiply',
  welcomeBonus: 100,
  birthdayGift: 50,
  redeem: { points: 100, fen: 100, maxPercent: 30 },
  expiry: [{ kind: 'months', months: 12, from: '1970-01-01T00:00:00.000Z' }],
  negativeBalance: 'allow',
  referral: { award: 'both', referrerPoints: 200, referredPoints: 100 },
};

const read = (d: PointsRulesDraft, saved = RULES) => pointsRulesOf(d, saved, 'CNY', NOW);

describe('the points rules form', () => {
  it('gives back the rules it was given, unchanged', () => {
    for (const rules of [RULES, DEFAULT_POINTS_RULES as PointsRules, { ...RULES, memberDay: { days: { kind: 'weekdays', days: [2, 6] }, multiplier: 2 } } as PointsRules]) {
      const d = draftOfPointsRules(rules, 'CNY', NOW);
      expect(expiryChanged(d, rules, NOW)).toBe(false);
      const back = pointsRulesOf(d, rules, 'CNY', NOW);
      expect(back).toEqual({ ok: true, value: rules });
      expect(validatePointsRules(back.ok ? back.value : rules).ok).toBe(true);
    }
    expect(draftOfPointsRules(RULES, 'CNY', NOW)).toMatchObject({ earnPer: '10', redeemAmount: '1', monthDays: '8, 18, 28', excludedCategories: 'Gift cards\nTobacco, cigars' });
  });

  it('names every field it cannot read', () => {
    const d: PointsRulesDraft = {
      ...draftOfPointsRules(RULES, 'CNY', NOW),
      earnPoints: '1.5',
      earnPer: 'ten',
      memberDayMultiplier: '',
      birthdayMultiplier: '101',
      monthDays: '8, 32',
      welcomeBonus: '-1',
      redeemMaxPercent: '120',
      referrerPoints: 'x',
    };
    expect(read(d)).toEqual({
      ok: false,
      reason: {
        earnPoints: 'whole-number',
        earnPer: 'money-invalid',
        memberDayMultiplier: 'required',
        birthdayMultiplier: 'out-of-range',
        monthDays: 'day-invalid',
        welcomeBonus: 'out-of-range',
        redeemMaxPercent: 'out-of-range',
        referrerPoints: 'number',
      },
    });
    expect(read({ ...draftOfPointsRules(RULES, 'CNY', NOW), memberDayKind: 'weekdays', weekdays: [] })).toEqual({ ok: false, reason: { weekdays: 'weekday-required' } });
  });

  it('reads typed numbers the way a clerk types them, and drops what its choices do not use', () => {
    const d: PointsRulesDraft = { ...draftOfPointsRules(RULES, 'CNY', NOW), memberDayMultiplier: '×２', monthDays: '28、8，18', excludedProducts: ' Bag \n\n Tea ', referralAward: 'referrer', referredPoints: 'not read' };
    const r = read(d);
    expect(r.ok && r.value.memberDay).toEqual({ days: { kind: 'month-days', days: [8, 18, 28] }, multiplier: 2 });
    expect(r.ok && r.value.excludedProducts).toEqual(['Bag', 'Tea']);
    expect(r.ok && r.value.referral).toEqual({ award: 'referrer', referrerPoints: 200, referredPoints: 100 });
  });

  it('adds a changed expiry policy from its effective day, keeping the policies before it', () => {
    const d: PointsRulesDraft = { ...draftOfPointsRules(RULES, 'CNY', NOW), expiryKind: 'end-of-next-year', expiryFrom: '2026-07-01' };
    expect(expiryChanged(d, RULES, NOW)).toBe(true);
    const r = read(d);
    expect(r.ok && r.value.expiry).toEqual([RULES.expiry[0], { kind: 'end-of-next-year', from: new Date(2026, 6, 1).toISOString() }]);
    expect(read({ ...d, expiryFrom: '2026-06-14' })).toEqual({ ok: false, reason: { expiryFrom: 'expiry-from-past' } });
    expect(read({ ...d, expiryFrom: '2026-02-30' })).toEqual({ ok: false, reason: { expiryFrom: 'day-invalid' } });
    expect(read({ ...d, expiryFrom: '' })).toEqual({ ok: false, reason: { expiryFrom: 'required' } });
    // Changing the months is a change too; typing the same months again is not.
    expect(expiryChanged({ ...d, expiryKind: 'months', expiryMonths: '6' }, RULES, NOW)).toBe(true);
    expect(expiryChanged({ ...d, expiryKind: 'months', expiryMonths: '12' }, RULES, NOW)).toBe(false);
  });

  it('shows every domain code at a field or in the list above the form', () => {
    for (const code of POINTS_RULES_ERRORS) expect(FIELD_OF_RULES_ERROR).toHaveProperty(code);
  });
});

describe('saving the points rules form', () => {
  const draft = draftOfPointsRules(RULES, 'CNY', NOW);
  it('hands the store cleaned, valid rules only', async () => {
    const saved: PointsRules[] = [];
    const typed = { ...draft, excludedProducts: 'Bag\nbag\n Tea ' };
    const r = await submitPointsRules(typed, RULES, 'CNY', NOW, (rules) => {
      saved.push(rules);
      return null;
    });
    expect(r.outcome).toBe('saved');
    expect(saved.map((x) => x.excludedProducts)).toEqual([['Bag', 'Tea']]);
    let called = false;
    const save = () => {
      called = true;
      return null;
    };
    expect(await submitPointsRules({ ...draft, earnPoints: 'x' }, RULES, 'CNY', NOW, save)).toEqual({ outcome: 'fields', fieldErrors: { earnPoints: 'number' } });
    expect(await submitPointsRules({ ...draft, excludedProducts: 'x'.repeat(101) }, RULES, 'CNY', NOW, save)).toEqual({ outcome: 'refused', ruleErrors: ['excluded-invalid'] });
    expect(called).toBe(false);
  });

  it('gives back what the store refused or a failure, leaving the draft as typed', async () => {
    const typed = { ...draft, welcomeBonus: '250' };
    const before = structuredClone(typed);
    expect(await submitPointsRules(typed, RULES, 'CNY', NOW, async () => ['expiry-from-duplicate'])).toEqual({ outcome: 'refused', ruleErrors: ['expiry-from-duplicate'] });
    expect(
      await submitPointsRules(typed, RULES, 'CNY', NOW, () => {
        throw new Error('disk full');
      }),
    ).toEqual({ outcome: 'failed' });
    expect(typed).toEqual(before);
  });
});
