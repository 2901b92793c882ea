import { describe, expect, it } from 'vitest';
import { CDNOW_CUTOFF_DAY, cdnowCustomers } from '../../../test/support/cdnow';
import { historyAsOf } from './scoring';
import { expectedSpendPerVisit, fitSpendModel, spendLogLikelihood } from './spendModel';

describe('spendLogLikelihood', () => {
  it('one visit of 2 with p = q = γ = 1: f = Γ(2)/(Γ(1)Γ(1)) · 1 · 1 · 2⁰ / 3² = 1/9', () => {
    expect(spendLogLikelihood({ p: 1, q: 1, gamma: 1 }, [{ visits: 1, meanSpend: 2 }])).toBeCloseTo(Math.log(1 / 9), 12);
  });
  it('two visits of mean 1 with p = 1, q = 2, γ = 1: f = Γ(4)/(Γ(2)Γ(2)) · 2² · 1 / 3⁴ = 24/81', () => {
    expect(spendLogLikelihood({ p: 1, q: 2, gamma: 1 }, [{ visits: 2, meanSpend: 1 }])).toBeCloseTo(Math.log(24 / 81), 12);
  });
});

describe('fitSpendModel', () => {
  it('recovers the published CDNOW estimates p = 6.25, q = 3.74, γ = 15.44 on the 946 repeat buyers (dollars)', () => {
    const spends = cdnowCustomers()
      .map((c) => historyAsOf(c.purchases, CDNOW_CUTOFF_DAY)!.spend)
      .filter((s) => s.visits > 0)
      .map((s) => ({ visits: s.visits, meanSpend: s.meanSpend / 100 }));
    expect(spends).toHaveLength(946);
    const fit = fitSpendModel(spends);
    if (!fit.ok) throw new Error(fit.reason.code);
    expect(fit.value.params.p).toBeCloseTo(6.25, 1);
    expect(fit.value.params.q).toBeCloseTo(3.74, 1);
    expect(fit.value.params.gamma).toBeCloseTo(15.44, 0);
  });
  it('says so with too few customers', () => {
    expect(fitSpendModel([{ visits: 1, meanSpend: 5 }])).toEqual({ ok: false, reason: { code: 'too-few-customers', params: { have: 1, need: 20 } } });
  });
});

describe('expectedSpendPerVisit', () => {
  const params = { p: 6.25, q: 3.74, gamma: 15.44 };
  const storeMean = (6.25 * 15.44) / 2.74;
  it('is the store mean without visits, and leans toward their own mean the more visits they have', () => {
    expect(expectedSpendPerVisit(params, { visits: 0, meanSpend: 0 })).toBeCloseTo(storeMean, 10);
    const one = expectedSpendPerVisit(params, { visits: 1, meanSpend: 100 });
    const ten = expectedSpendPerVisit(params, { visits: 10, meanSpend: 100 });
    expect(one).toBeGreaterThan(storeMean);
    expect(ten).toBeGreaterThan(one);
    expect(ten).toBeLessThan(100);
  });
});
