import { describe, expect, it } from 'vitest';
import { utcDayOf } from '../customerFigures';
import { churnRiskToday, parseRfmScore, RFM_SCORE_TEXTS, rfmGrid, stageDistribution, tierDistribution, tierMovement } from './status';

const ORDER = ['vip', 'regular', 'potential'];

describe('tiers and stages', () => {
  it('distribution now: active customers by tier in the scheme order, then tiers no longer in it', () => {
    const rows = [
      { isDeleted: 0 as const, tierId: 'vip' },
      { isDeleted: 0 as const, tierId: 'potential' },
      { isDeleted: 0 as const, tierId: 'potential' },
      { isDeleted: 1 as const, tierId: 'vip' },
      { isDeleted: 0 as const, tierId: 'gold' },
    ];
    expect(tierDistribution(rows, ORDER)).toEqual([
      { tierId: 'vip', customers: 1 },
      { tierId: 'regular', customers: 0 },
      { tierId: 'potential', customers: 2 },
      { tierId: 'gold', customers: 1 },
    ]);
  });

  it('distribution now: every lifecycle stage, in order', () => {
    const rows = [
      { isDeleted: 0 as const, lifecycleStage: 'loyal' as const },
      { isDeleted: 0 as const, lifecycleStage: 'churned' as const },
      { isDeleted: 0 as const, lifecycleStage: 'loyal' as const },
      { isDeleted: 1 as const, lifecycleStage: 'new' as const },
    ];
    expect(stageDistribution(rows)).toEqual([
      { stage: 'prospect', customers: 0 },
      { stage: 'new', customers: 0 },
      { stage: 'repeat', customers: 0 },
      { stage: 'loyal', customers: 2 },
      { stage: 'at-risk', customers: 0 },
      { stage: 'churned', customers: 1 },
      { stage: 'won-back', customers: 0 },
    ]);
  });

  it('movement per month from the tier history, with the churn series beside it', () => {
    const history = [
      { at: '2026-01-03T10:00:00.000Z', from: null, to: 'potential' },
      { at: '2026-01-10T10:00:00.000Z', from: 'potential', to: 'regular' },
      { at: '2026-01-31T23:00:00.000Z', from: 'regular', to: 'vip' },
      { at: '2026-02-01T10:00:00.000Z', from: 'vip', to: 'regular' },
      { at: '2026-02-02T10:00:00.000Z', from: 'silver', to: 'vip' },
      { at: '2026-03-02T10:00:00.000Z', from: 'vip', to: 'potential' },
    ];
    const churn = [{ month: '2026-02', churned: 4, cameBack: 1 }];
    expect(tierMovement(history, ORDER, ['2026-01', '2026-02'], utcDayOf, churn)).toEqual([
      { month: '2026-01', up: 2, down: 0, assigned: 1, other: 0, churned: 0, cameBack: 0 },
      { month: '2026-02', up: 0, down: 1, assigned: 0, other: 1, churned: 4, cameBack: 1 },
    ]);
  });

  it('the RFM grid of the stored scores', () => {
    expect(parseRfmScore('545')).toEqual({ r: 5, f: 4, m: 5 });
    expect(parseRfmScore('605')).toBeNull();
    // The reports count each of these by the index: every three digits 1–5 once, and nothing else.
    expect(new Set(RFM_SCORE_TEXTS).size).toBe(125);
    expect(RFM_SCORE_TEXTS.every((t) => parseRfmScore(t) !== null)).toBe(true);
    for (let n = 100; n <= 999; n++) expect(RFM_SCORE_TEXTS.includes(String(n))).toBe(parseRfmScore(String(n)) !== null);
    const rows = [
      { isDeleted: 0 as const, rfmScore: '545' },
      { isDeleted: 0 as const, rfmScore: '111' },
      { isDeleted: 0 as const, rfmScore: '553' },
      { isDeleted: 0 as const, rfmScore: '551' },
      { isDeleted: 0 as const, rfmScore: null },
      { isDeleted: 1 as const, rfmScore: '555' },
    ];
    const grid = rfmGrid(rows);
    expect(grid.cells[4]).toEqual([0, 0, 0, 1, 2]);
    expect(grid.cells[0]).toEqual([1, 0, 0, 0, 0]);
    expect(grid.cells.flat().reduce((a, b) => a + b, 0)).toBe(4);
    expect(grid.meanM[4]![4]).toBe(2);
    expect(grid.meanM[2]![2]).toBeNull();
    expect(grid.unscored).toBe(1);
    expect(grid.segments.find((s) => s.segment === 'champions')!.customers).toBe(3);
    expect(grid.segments.find((s) => s.segment === 'lost')!.customers).toBe(1);
    expect(grid.segments.reduce((a, s) => a + s.customers, 0)).toBe(4);
  });
});

describe('churn risk today', () => {
  it('every level in order, a level nobody is at as 0, a key that is no level left out; the high value and the model passed through', () => {
    const model = { kind: 'cannot-fit' as const, fittedOn: '2026-12-05', customers: 12, repeatBuyers: 3, reason: { code: 'too-few-customers' as const, params: { have: 12, need: 50 } } };
    expect(churnRiskToday(new Map([['high', 4], ['none', 30], ['unknown', 2]]), 123_400, model)).toEqual({
      levels: [
        { level: 'none', customers: 30 },
        { level: 'watch', customers: 0 },
        { level: 'high', customers: 4 },
      ],
      highValueFen: 123_400,
      model,
    });
    expect(churnRiskToday(new Map(), 0, null).levels.map((l) => l.customers)).toEqual([0, 0, 0]);
  });
});
