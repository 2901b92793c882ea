import { describe, expect, it } from 'vitest';
import { churnModelLevels, DEFAULT_CHURN_MODEL_SETTINGS, highCapCount, roughChance, validateChurnModelSettings, type ChurnModelSettings } from './levels';
import type { CustomerScore } from './scoring';

const score = (id: string, pAlive: number, valueAtRisk: number, over: Partial<CustomerScore> = {}): CustomerScore => ({
  id,
  x: 4,
  tx: 84,
  T: 148,
  daysSinceLast: 64,
  ownGapDays: 21,
  pAlive,
  expectedVisits: 0.44,
  buyingExpectedVisits: 0.44,
  visitsModelExpectedVisits: null,
  pVisit: pAlive / 2,
  spendPerVisit: 5000,
  returnScore: 0.3,
  valueAtRisk,
  ...over,
});

describe('roughChance', () => {
  it('words a chance as a clerk would', () => {
    expect(roughChance(0.2)).toEqual({ kind: 'one-in', n: 5 });
    expect(roughChance(0.34)).toEqual({ kind: 'one-in', n: 3 });
    expect(roughChance(0.72)).toEqual({ kind: 'percent', percent: 70 });
    expect(roughChance(0.999)).toEqual({ kind: 'percent', percent: 99 });
    expect(roughChance(0.004)).toEqual({ kind: 'below-one-percent' });
  });
});

describe('churnModelLevels', () => {
  it('gives the reason as data: "usually every 21 days; 64 days since the last visit; about a 1 in 5 chance they are still coming"', () => {
    const [l] = churnModelLevels([score('a', 0.2, 12_345.6)], null, { ...DEFAULT_CHURN_MODEL_SETTINGS, highCap: { kind: 'count', count: 1 } }, new Map([['a', -55]]));
    expect(l).toEqual({
      id: 'a',
      level: 'high',
      reason: {
        code: 'slipping',
        params: { usualGapDays: 21, basis: 'own', daysSinceLast: 64, stillComing: { kind: 'one-in', n: 5 }, expectedVisits: 0.4, valueAtRisk: 12_346, spendChangePercent: -55 },
      },
    });
  });
  it('high holds no more than the cap, the most value at risk first; the rest go to watch marked over the cap', () => {
    const scores = Array.from({ length: 40 }, (_, i) => score(`c${i}`, 0.1, 1000 * i));
    const levels = churnModelLevels(scores, 30);
    const high = levels.filter((l) => l.level === 'high').map((l) => l.id);
    expect(high).toEqual(['c38', 'c39']); // 5% of 40, in the scores' order
    const rest = levels.filter((l) => l.level === 'watch');
    expect(rest).toHaveLength(38);
    expect(rest.every((l) => l.reason.params.overCap === true)).toBe(true);
  });
  it('a count cap, and a cap of 0 leaves high empty', () => {
    const scores = Array.from({ length: 10 }, (_, i) => score(`c${i}`, 0.1, i));
    const withCount = (count: number): ChurnModelSettings => ({ ...DEFAULT_CHURN_MODEL_SETTINGS, highCap: { kind: 'count', count } });
    expect(churnModelLevels(scores, null, withCount(3)).filter((l) => l.level === 'high')).toHaveLength(3);
    expect(churnModelLevels(scores, null, withCount(0)).filter((l) => l.level === 'high')).toHaveLength(0);
  });
  it('none when still likely coming; watch between the thresholds; a one-time buyer is not flagged and gets the store gap', () => {
    const levels = churnModelLevels([score('on', 0.8, 10), score('mid', 0.4, 10), score('once', 0.05, 10, { x: 0, tx: 0, ownGapDays: null })], 30);
    expect(levels.map((l) => [l.level, l.reason.code])).toEqual([
      ['none', 'still-coming'],
      ['watch', 'slipping'],
      ['none', 'too-few-visits'],
    ]);
    expect(levels[1]!.reason.params.overCap).toBeUndefined();
    expect(levels[2]!.reason.params).toMatchObject({ usualGapDays: 30, basis: 'store' });
  });
  it('a spend change smaller than the drop setting stays out of the reason', () => {
    const [l] = churnModelLevels([score('a', 0.4, 1)], null, DEFAULT_CHURN_MODEL_SETTINGS, new Map([['a', -10]]));
    expect(l!.reason.params.spendChangePercent).toBeUndefined();
  });
});

describe('settings', () => {
  it('the defaults are valid; a high threshold above watch, a share over 100% or a fractional count are not', () => {
    expect(validateChurnModelSettings(DEFAULT_CHURN_MODEL_SETTINGS).ok).toBe(true);
    const bad = validateChurnModelSettings({ ...DEFAULT_CHURN_MODEL_SETTINGS, highBelow: 0.9, highCap: { kind: 'share', percent: 120 } });
    expect(bad).toEqual({ ok: false, reason: { highBelow: 'rule-invalid', highCap: 'rule-invalid' } });
    expect(validateChurnModelSettings({ ...DEFAULT_CHURN_MODEL_SETTINGS, highCap: { kind: 'count', count: 2.5 } }).ok).toBe(false);
  });
  it('highCapCount rounds a share down', () => {
    expect(highCapCount({ kind: 'share', percent: 5 }, 39)).toBe(1);
    expect(highCapCount({ kind: 'count', count: 7 }, 3)).toBe(7);
  });
});
