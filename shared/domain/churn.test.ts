import { describe, expect, it } from 'vitest';
import {
  addMonthsToDay,
  CHURN_LEVELS,
  CHURN_REASON_CODES,
  churnRisk,
  DEFAULT_CHURN_RULES,
  spendChangePercent,
  storeMedianGap,
  validateChurnRules,
  valueAtRisk,
  type ChurnInput,
} from './churn';
import { utcDayOf, type FigureInput } from './customerFigures';

let purchaseSeq = 0;
const p = (day: string, totalFen = 1000, extra: Partial<FigureInput> = {}): FigureInput => ({ id: `p-${++purchaseSeq}`, purchasedAt: `${day}T10:00:00.000Z`, totalFen, isVoided: 0, returnOf: null, ...extra });
const at = (day: string) => new Date(`${day}T12:00:00.000Z`);
const risk = (purchases: FigureInput[], asOf: string, extra: Partial<ChurnInput> = {}) =>
  churnRisk({ purchases, asOf: at(asOf), dayOf: utcDayOf, storeMedianGapDays: 30, ...extra });
/** Visits every `gap` days from `start`, `n` of them, each `fen`. */
const rhythm = (start: string, gap: number, n: number, fen = 1000) =>
  Array.from({ length: n }, (_, i) => p(new Date(Date.parse(`${start}T00:00:00Z`) + i * gap * 86_400_000).toISOString().slice(0, 10), fen));

describe('constants and rules', () => {
  it('lists the levels and codes', () => {
    expect(CHURN_LEVELS).toEqual(['none', 'watch', 'high']);
    expect(CHURN_REASON_CODES).toContain('overdue-and-spend-down');
  });
  it('accepts the defaults and rejects nonsense', () => {
    expect(validateChurnRules({ ...DEFAULT_CHURN_RULES }).ok).toBe(true);
    const bad = validateChurnRules({ minOwnGaps: 0, watchGapMultiple: 3, highGapMultiple: 2, spendDropPercent: 0, trendMonths: 1.5 });
    expect(bad).toEqual({ ok: false, reason: { minOwnGaps: 'rule-invalid', highGapMultiple: 'rule-invalid', spendDropPercent: 'rule-invalid', trendMonths: 'rule-invalid' } });
    expect(validateChurnRules({ ...DEFAULT_CHURN_RULES, watchGapMultiple: Number.NaN }).ok).toBe(false);
  });
});

describe('addMonthsToDay', () => {
  it('clamps to the end of shorter months, leap years included', () => {
    expect(addMonthsToDay('2024-08-31', -6)).toBe('2024-02-29');
    expect(addMonthsToDay('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonthsToDay('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsToDay('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonthsToDay('2025-01-15', -13)).toBe('2023-12-15');
    expect(addMonthsToDay('2025-12-01', 1)).toBe('2026-01-01');
  });
});

describe('churnRisk', () => {
  it('is none without purchases, and voids and returns alone are not purchases', () => {
    const none = { level: 'none', reason: { code: 'no-purchases', params: { usualGapDays: null, daysSinceLast: null, basis: null } } };
    expect(risk([], '2026-01-01')).toEqual(none);
    expect(risk([p('2025-01-01', 1000, { isVoided: 1 }), p('2025-02-01', -500, { returnOf: 'x' })], '2026-01-01')).toEqual(none);
  });

  it('leaves a purchase returned in full out of the visit days; a partial return keeps it', () => {
    const first = p('2025-11-01');
    const last = p('2025-12-20', 2000);
    const back = p('2025-12-22', -2000, { returnOf: last.id });
    expect(risk([first, last, back], '2026-01-01').reason.params).toMatchObject({ daysSinceLast: 61, basis: 'store' });
    expect(risk([first, last, { ...back, totalFen: -1000 }], '2026-01-01').reason.params).toMatchObject({ daysSinceLast: 12 });
    // Before the return's day the purchase was still a visit.
    expect(risk([first, last, back], '2025-12-21').reason.params).toMatchObject({ daysSinceLast: 1 });
    expect(risk([last, back], '2026-01-01').reason.code).toBe('no-purchases');
  });

  it('uses the store median with one purchase', () => {
    const r = risk([p('2025-11-01')], '2026-01-01');
    expect(r.reason.params).toEqual({ usualGapDays: 30, daysSinceLast: 61, basis: 'store' });
    expect(r).toMatchObject({ level: 'watch', reason: { code: 'overdue' } }); // 61 > 45, not > 75
    expect(risk([p('2025-10-01')], '2026-01-01').level).toBe('high'); // 92 > 75
    expect(risk([p('2025-12-01')], '2026-01-01').level).toBe('none'); // 31
  });

  it('uses the store median below minOwnGaps, their own from it on', () => {
    const two = rhythm('2025-10-01', 10, 3); // 2 gaps of 10
    expect(risk(two, '2025-11-10').reason.params).toMatchObject({ basis: 'store', usualGapDays: 30, daysSinceLast: 20 });
    const three = rhythm('2025-10-01', 10, 4); // 3 gaps
    expect(risk(three, '2025-11-10').reason.params).toMatchObject({ basis: 'own', usualGapDays: 10, daysSinceLast: 10 });
    expect(risk(two, '2025-11-10', { rules: { ...DEFAULT_CHURN_RULES, minOwnGaps: 2 } }).reason.params.basis).toBe('own');
  });

  it('falls back to their own gaps without a store median, and to no-basis without either', () => {
    expect(risk(rhythm('2025-10-01', 10, 2), '2025-11-10', { storeMedianGapDays: null }).reason.params).toMatchObject({ basis: 'own', usualGapDays: 10, daysSinceLast: 30 });
    expect(risk([p('2025-10-01')], '2025-11-10', { storeMedianGapDays: null })).toEqual({
      level: 'none',
      reason: { code: 'no-basis', params: { usualGapDays: null, daysSinceLast: 40, basis: null } },
    });
  });

  it('applies the watch and high multiples strictly (> 1.5x, > 2.5x)', () => {
    const visits = rhythm('2025-01-01', 20, 5); // last 2025-03-22, usual 20
    expect(risk(visits, '2025-04-21').level).toBe('none'); // 30 = 1.5x
    expect(risk(visits, '2025-04-22')).toMatchObject({ level: 'watch', reason: { code: 'overdue', params: { daysSinceLast: 31 } } });
  });

  it('puts high just beyond 2.5x', () => {
    const visits = rhythm('2025-01-01', 20, 5); // last 2025-03-22
    expect(risk(visits, '2025-05-11').level).toBe('watch'); // 50 = 2.5x
    expect(risk(visits, '2025-05-12').level).toBe('high'); // 51
  });

  it('counts several purchases on one day as one visit', () => {
    const visits = [...rhythm('2025-01-01', 20, 4), p('2025-03-02'), p('2025-03-02')]; // day 2025-03-02 already a visit
    expect(risk(visits, '2025-03-12').reason.params).toMatchObject({ basis: 'own', usualGapDays: 20, daysSinceLast: 10 });
  });

  it('takes the median of irregular gaps', () => {
    const visits = [p('2025-01-01'), p('2025-01-03'), p('2025-02-02'), p('2025-02-12'), p('2025-06-01')]; // gaps 2, 30, 10, 109
    expect(risk(visits, '2025-06-10').reason.params).toMatchObject({ basis: 'own', usualGapDays: 20, daysSinceLast: 9 });
  });

  it('ignores voided purchases and returns for the rhythm', () => {
    const visits = [...rhythm('2025-01-01', 20, 4), p('2025-03-20', 1000, { isVoided: 1 }), p('2025-03-21', -500, { returnOf: 'a' })];
    expect(risk(visits, '2025-03-22').reason.params).toMatchObject({ usualGapDays: 20, daysSinceLast: 20 });
  });

  it('counts days across a leap day', () => {
    const r = risk([p('2024-02-28')], '2024-03-01');
    expect(r.reason.params.daysSinceLast).toBe(2);
    expect(risk([p('2023-02-28')], '2023-03-01').reason.params.daysSinceLast).toBe(1);
  });

  it('raises the level one step when spend is down by the threshold', () => {
    // Weekly visits; big spend 7-12 months ago, small spend in the last 6 months.
    const before = rhythm('2025-01-04', 7, 26, 1000);
    const recent = rhythm('2025-07-05', 7, 26, 600); // last visit 2025-12-27
    const on = risk([...before, ...recent], '2025-12-31');
    expect(on).toMatchObject({ level: 'watch', reason: { code: 'spend-down', params: { usualGapDays: 7, daysSinceLast: 4, spendChangePercent: -40, basis: 'own' } } });
    const overdue = risk([...before, ...recent], '2026-01-08'); // 12 days > 10.5
    expect(overdue).toMatchObject({ level: 'high', reason: { code: 'overdue-and-spend-down' } });
    expect(risk([...before, ...recent], '2026-01-20').level).toBe('high'); // high stays high
  });

  it('does not raise when spend fell by less than the threshold, or rose', () => {
    const before = rhythm('2025-01-04', 7, 26, 1000);
    expect(risk([...before, ...rhythm('2025-07-05', 7, 26, 610)], '2025-12-31')).toMatchObject({ level: 'none', reason: { code: 'on-rhythm', params: { spendChangePercent: -39 } } });
    expect(risk([...before, ...rhythm('2025-07-05', 7, 26, 1500)], '2025-12-31').reason.params.spendChangePercent).toBe(50);
  });

  it('leaves spendChangePercent out without spend in the earlier half-year', () => {
    const r = risk(rhythm('2025-09-01', 7, 10), '2025-11-20');
    expect(r.reason.params).not.toHaveProperty('spendChangePercent');
  });

  it('ignores purchases after asOf', () => {
    expect(risk([p('2025-01-01'), p('2026-02-01')], '2025-01-31').reason.params).toMatchObject({ daysSinceLast: 30, basis: 'store' });
  });
});

describe('spendChangePercent', () => {
  it('leaves voided purchases out and subtracts returns', () => {
    const list = [p('2025-03-01', 10_000), p('2025-03-05', -2_000, { returnOf: 'a' }), p('2025-09-01', 4_000), p('2025-09-02', 50_000, { isVoided: 1 })];
    expect(spendChangePercent(list, at('2025-12-31'), utcDayOf)).toBe(-50); // 4000 vs 8000
  });
  it('splits the windows on the day six months back (that day in the earlier one), across a leap day', () => {
    // asOf 2024-08-29: recent is (2024-02-29, 2024-08-29], earlier (2023-08-29, 2024-02-29].
    expect(spendChangePercent([p('2024-02-29', 1000), p('2024-03-01', 3000)], at('2024-08-29'), utcDayOf)).toBe(200);
    expect(spendChangePercent([p('2023-08-29', 1000), p('2023-08-30', 1000)], at('2024-08-29'), utcDayOf)).toBe(-100);
  });
  it('is undefined when the earlier window nets to zero or less', () => {
    expect(spendChangePercent([p('2025-03-01', 1000), p('2025-03-02', -1000, { returnOf: 'a' }), p('2025-10-01', 500)], at('2025-12-31'), utcDayOf)).toBeUndefined();
  });
});

describe('valueAtRisk', () => {
  it('is the net spend of the last 12 months in integer fen', () => {
    const list = [p('2024-12-31', 99_999), p('2025-01-01', 10_000), p('2025-06-01', 2_550), p('2025-06-02', -550, { returnOf: 'x' }), p('2025-07-01', 7_000, { isVoided: 1 }), p('2025-12-31', 1)];
    expect(valueAtRisk(list, at('2025-12-31'), utcDayOf)).toBe(12_001);
    expect(valueAtRisk([], at('2025-12-31'), utcDayOf)).toBe(0);
  });
  it('is never negative and handles a leap-day asOf', () => {
    expect(valueAtRisk([p('2025-03-01', -500, { returnOf: 'x' })], at('2025-12-31'), utcDayOf)).toBe(0);
    // asOf 2024-02-29: window (2023-02-28, 2024-02-29]
    expect(valueAtRisk([p('2023-02-28', 1000), p('2023-03-01', 200), p('2024-02-29', 30)], at('2024-02-29'), utcDayOf)).toBe(230);
  });
});

describe('storeMedianGap', () => {
  it('takes the median of the known gaps', () => {
    expect(storeMedianGap([])).toBeNull();
    expect(storeMedianGap([null, null])).toBeNull();
    expect(storeMedianGap([30, null, 10, 20])).toBe(20);
    expect(storeMedianGap([10, 15.5, 0, -3])).toBe(12.8);
    expect(storeMedianGap(new Set([7]))).toBe(7);
  });
});
