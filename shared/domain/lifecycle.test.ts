import { describe, expect, it } from 'vitest';
import { computeCustomerFigures, localDayOf, utcDayOf, type FigureInput } from './customerFigures';
import { DEFAULT_LIFECYCLE_RULES, isChurned, LIFECYCLE_STAGES, lifecycleStage, validateLifecycleRules, type LifecycleInput } from './lifecycle';

let purchaseSeq = 0;
const p = (day: string, totalFen = 1000, extra: Partial<FigureInput> = {}): FigureInput => ({ id: `p-${++purchaseSeq}`, purchasedAt: `${day}T10:00:00.000Z`, totalFen, isVoided: 0, returnOf: null, ...extra });
const at = (day: string) => new Date(`${day}T12:00:00.000Z`);
const stage = (purchases: FigureInput[], asOf: string, extra: Partial<LifecycleInput> = {}) =>
  lifecycleStage({
    figures: computeCustomerFigures(purchases, utcDayOf),
    previousStage: null,
    risk: 'none',
    asOf: at(asOf),
    storeMedianGapDays: 30,
    dayOf: utcDayOf,
    ...extra,
  });
const monthly = (year: number, months: number[]) => months.map((m) => p(`${year}-${String(m).padStart(2, '0')}-15`));

describe('rules', () => {
  it('lists the stages and accepts the defaults', () => {
    expect(LIFECYCLE_STAGES).toEqual(['prospect', 'new', 'repeat', 'loyal', 'at-risk', 'churned', 'won-back']);
    expect(DEFAULT_LIFECYCLE_RULES).toEqual({ loyalMinPurchases: 5, loyalMinMonths: 6, churnGapMultiple: 2, churnMinDays: 180, atRiskFrom: 'high' });
    expect(validateLifecycleRules({ ...DEFAULT_LIFECYCLE_RULES })).toEqual({ ok: true, value: DEFAULT_LIFECYCLE_RULES });
  });
  it('rejects nonsense with a code per field', () => {
    const r = validateLifecycleRules({ loyalMinPurchases: 1, loyalMinMonths: -1, churnGapMultiple: 0.5, churnMinDays: 2.5, atRiskFrom: 'none' as 'high' });
    expect(r).toEqual({
      ok: false,
      reason: { loyalMinPurchases: 'rule-invalid', loyalMinMonths: 'rule-invalid', churnGapMultiple: 'rule-invalid', churnMinDays: 'rule-invalid', atRiskFrom: 'rule-invalid' },
    });
  });
});

describe('lifecycleStage', () => {
  it('is prospect without purchases, voided and returns alone included', () => {
    expect(stage([], '2025-06-01')).toBe('prospect');
    expect(stage([p('2025-01-01', 1000, { isVoided: 1 }), p('2025-01-02', -300, { returnOf: 'x' })], '2025-06-01')).toBe('prospect');
    expect(stage([], '2025-06-01', { risk: 'high', previousStage: 'churned' })).toBe('prospect');
  });

  it('is new with one purchase, repeat with more', () => {
    expect(stage([p('2025-05-01')], '2025-06-01')).toBe('new');
    expect(stage([p('2025-05-01'), p('2025-05-01', 1000, { isVoided: 1 }), p('2025-05-02', -500, { returnOf: 'a' })], '2025-06-01')).toBe('new');
    expect(stage([p('2025-05-01'), p('2025-05-20')], '2025-06-01')).toBe('repeat');
  });

  it('counts several purchases on one day as purchases (repeat, and towards loyal)', () => {
    expect(stage([p('2025-05-01'), p('2025-05-01')], '2025-06-01')).toBe('repeat');
    const sameDays = [p('2025-01-10'), p('2025-01-10'), p('2025-01-10'), p('2025-07-10'), p('2025-07-10')];
    expect(stage(sameDays, '2025-07-20')).toBe('loyal');
  });

  it('is loyal from loyalMinPurchases over loyalMinMonths, and not when at risk', () => {
    const five = monthly(2025, [1, 2, 3, 5, 7]); // 2025-01-15 .. 2025-07-15: exactly 6 months
    expect(stage(five, '2025-07-20')).toBe('loyal');
    expect(stage(monthly(2025, [1, 2, 3, 5, 6]), '2025-07-20')).toBe('repeat'); // 5 months
    expect(stage(monthly(2025, [1, 2, 3, 7]), '2025-07-20')).toBe('repeat'); // 4 purchases
    expect(stage(five, '2025-07-20', { risk: 'high' })).toBe('at-risk');
    expect(stage(five, '2025-07-20', { risk: 'watch' })).toBe('loyal');
    expect(stage(five, '2025-07-20', { risk: 'watch', rules: { ...DEFAULT_LIFECYCLE_RULES, atRiskFrom: 'watch' } })).toBe('at-risk');
    expect(stage(five, '2025-07-20', { rules: { ...DEFAULT_LIFECYCLE_RULES, loyalMinPurchases: 6 } })).toBe('repeat');
  });

  it('measures the loyal span in calendar months across a leap day', () => {
    const from = [p('2023-08-31'), p('2023-10-01'), p('2023-12-01'), p('2024-01-15')];
    expect(stage([...from, p('2024-02-29')], '2024-03-01')).toBe('loyal'); // 2023-08-31 + 6 months = 2024-02-29
    expect(stage([...from, p('2024-02-28')], '2024-03-01')).toBe('repeat');
  });

  it('is at risk for one-time buyers too', () => {
    expect(stage([p('2025-05-01')], '2025-06-01', { risk: 'high' })).toBe('at-risk');
  });

  it('is churned after twice the usual gap and at least 180 days', () => {
    const visits = [p('2024-01-01'), p('2024-02-01'), p('2024-03-02')]; // median gap 30.5 → needs 180 days
    expect(stage(visits, '2024-08-28')).toBe('repeat'); // 179 days
    expect(stage(visits, '2024-08-29')).toBe('churned'); // 180 days (across the leap day)
    const sparse = [p('2023-01-01'), p('2023-05-01'), p('2023-09-01')]; // gaps 120, 123 → median 121.5 → 243 days
    expect(stage(sparse, '2024-04-30')).toBe('repeat'); // 242 days
    expect(stage(sparse, '2024-05-01')).toBe('churned'); // 243
    expect(stage(sparse, '2024-05-01', { rules: { ...DEFAULT_LIFECYCLE_RULES, churnGapMultiple: 3 } })).toBe('repeat');
  });

  it('uses the store median with one purchase, and days alone with neither', () => {
    expect(stage([p('2025-01-01')], '2025-07-01', { storeMedianGapDays: 100 })).toBe('new'); // 181 < 200
    expect(stage([p('2025-01-01')], '2025-07-20', { storeMedianGapDays: 100 })).toBe('churned'); // 200
    expect(stage([p('2025-01-01')], '2025-06-30', { storeMedianGapDays: null })).toBe('churned'); // 180
    expect(isChurned({ figures: computeCustomerFigures([], utcDayOf), asOf: at('2030-01-01'), storeMedianGapDays: null, dayOf: utcDayOf })).toBe(false);
  });

  it('puts churned before at risk and before loyal', () => {
    const five = monthly(2024, [1, 2, 3, 5, 7]);
    expect(stage(five, '2025-07-01', { risk: 'high' })).toBe('churned');
    expect(stage(five, '2025-07-01', { previousStage: 'won-back' })).toBe('churned');
  });

  it('is won back after a purchase ends a churn, and stays so until loyal or at risk', () => {
    const old = [p('2023-01-10'), p('2023-02-10')];
    expect(stage(old, '2024-01-01')).toBe('churned');
    const back = [...old, p('2024-01-05')];
    expect(stage(back, '2024-01-06', { previousStage: 'churned' })).toBe('won-back');
    expect(stage([...back, p('2024-02-01')], '2024-02-02', { previousStage: 'won-back' })).toBe('won-back');
    expect(stage([...back, p('2024-02-01')], '2024-02-02', { previousStage: 'won-back', risk: 'high' })).toBe('at-risk');
    expect(stage([...back, p('2024-02-01')], '2024-03-01', { previousStage: 'at-risk' })).toBe('repeat');
    const loyalAgain = [...back, p('2024-02-01'), p('2024-03-01')]; // 5 purchases, 2023-01-10 .. 2024-03-01
    expect(stage(loyalAgain, '2024-03-02', { previousStage: 'won-back' })).toBe('loyal');
    // Without a churned past, the same purchases are plain repeat.
    expect(stage(back, '2024-01-06', { previousStage: 'repeat' })).toBe('repeat');
  });

  it('is new/repeat with irregular gaps that are not yet churn', () => {
    const irregular = [p('2025-01-01'), p('2025-01-02'), p('2025-04-20'), p('2025-04-21')]; // gaps 1, 108, 1 → median 1
    expect(stage(irregular, '2025-10-17')).toBe('repeat'); // 179 days: under the 180-day floor
    expect(stage(irregular, '2025-10-18')).toBe('churned');
  });

  it('defaults to the local day and the default rules', () => {
    const figures = computeCustomerFigures([p('2025-05-01')], localDayOf);
    expect(lifecycleStage({ figures, previousStage: null, risk: 'none', asOf: at('2025-05-02'), storeMedianGapDays: null })).toBe('new');
  });
});
