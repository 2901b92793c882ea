// The Gamma-Gamma spend model (Fader, Hardie and Lee, 2005, "RFM and CLV"): each customer's expected spend per visit.
import gammaln from '@stdlib/math-base-special-gammaln';
import { nelderMead } from './nelderMead';
import { err, ok, type Result } from '../../result';

/**
 * A customer's visits with a spend: how many (n ≥ 1) and their mean spend (> 0), in any money unit.
 * Visits with no positive spend are left out by the caller.
 */
export interface SpendHistory {
  visits: number;
  meanSpend: number;
}

/** Spend per visit ~ Gamma(p, ν), ν ~ Gamma(q, γ) across customers; the mean spend of a customer is p/ν. */
export interface SpendModelParams {
  p: number;
  q: number;
  gamma: number;
}

/**
 * Total log-likelihood of the customers' mean spends: the mean of n Gamma(p, ν) spends is Gamma(pn, νn),
 * and ν integrates out to
 * f(m | n) = Γ(pn + q) / (Γ(pn) Γ(q)) · γ^q · n^(pn) · m^(pn − 1) / (γ + n m)^(pn + q).
 */
export function spendLogLikelihood(params: SpendModelParams, data: readonly SpendHistory[]): number {
  return preparedLogLikelihood(params, prepare(data));
}

/** The customers by number of visits, with their mean spends and its logarithm, read once for every evaluation of a fit. */
interface PreparedSpends {
  visits: Int32Array;
  mean: Float64Array;
  lnMean: Float64Array;
  maxVisits: number;
}

function prepare(data: readonly SpendHistory[]): PreparedSpends {
  return {
    visits: Int32Array.from(data, (h) => h.visits),
    mean: Float64Array.from(data, (h) => h.meanSpend),
    lnMean: Float64Array.from(data, (h) => Math.log(h.meanSpend)),
    maxVisits: data.reduce((m, h) => Math.max(m, h.visits), 0),
  };
}

function preparedLogLikelihood(params: SpendModelParams, data: PreparedSpends): number {
  const { p, q, gamma } = params;
  if (!(p > 0 && q > 0 && gamma > 0)) return Number.NEGATIVE_INFINITY;
  // The Γ terms depend on n alone: once per number of visits.
  const perN = new Float64Array(data.maxVisits + 1);
  const lgQ = gammaln(q);
  const qLnGamma = q * Math.log(gamma);
  for (let n = 1; n <= data.maxVisits; n++) perN[n] = gammaln(p * n + q) - gammaln(p * n) - lgQ + qLnGamma + p * n * Math.log(n);
  let total = 0;
  for (let i = 0; i < data.visits.length; i++) {
    const n = data.visits[i]!;
    const pn = p * n;
    total += perN[n]! + (pn - 1) * data.lnMean[i]! - (pn + q) * Math.log(gamma + n * data.mean[i]!);
  }
  return total;
}

export interface SpendModelFit {
  params: SpendModelParams;
  logLikelihood: number;
  customers: number;
}

/** Why no spend model: too few customers with a spend, or the fit gave no finite mean (q ≤ 1). */
export type SpendCannotFit = { code: 'too-few-customers'; params: { have: number; need: number } } | { code: 'fit-failed'; params: { have: number; need: number } };

/** Maximum likelihood over the logarithms of p, q, γ (Nelder–Mead); money scaled by the mean spend during the search. */
export function fitSpendModel(data: readonly SpendHistory[], minCustomers = 20): Result<SpendModelFit, SpendCannotFit> {
  const usable = data.filter((h) => h.visits >= 1 && h.meanSpend > 0 && Number.isFinite(h.meanSpend));
  if (usable.length < minCustomers) return err({ code: 'too-few-customers', params: { have: usable.length, need: minCustomers } });
  const scale = usable.reduce((s, h) => s + h.meanSpend, 0) / usable.length;
  const scaled = prepare(usable.map((h) => ({ visits: h.visits, meanSpend: h.meanSpend / scale })));
  const objective = (theta: readonly number[]): number => {
    const ll = preparedLogLikelihood({ p: Math.exp(theta[0]!), q: Math.exp(theta[1]!), gamma: Math.exp(theta[2]!) }, scaled);
    return Number.isFinite(ll) ? -ll / usable.length : 1e10;
  };
  // Start at p = 1, q = 2, γ = 1: a mean spend near the data's (p γ / (q − 1) = 1 in scaled money).
  const first = nelderMead(objective, [0, Math.LN2, 0]);
  const second = nelderMead(objective, first.x, { step: 0.1 });
  const best = second.fx <= first.fx ? second : first;
  const params: SpendModelParams = { p: Math.exp(best.x[0]!), q: Math.exp(best.x[1]!), gamma: Math.exp(best.x[2]!) * scale };
  const ll = spendLogLikelihood(params, usable);
  if (!(params.q > 1) || !Number.isFinite(ll)) return err({ code: 'fit-failed', params: { have: 0, need: 0 } });
  return ok({ params, logLikelihood: ll, customers: usable.length });
}

/**
 * Expected spend per visit for a customer with n visits of mean m: a weighted mean of the store's
 * mean p γ / (q − 1) and their own m, their own counting more the more visits they have.
 * With no visits (n = 0) it is the store's mean.
 */
export function expectedSpendPerVisit(params: SpendModelParams, h: SpendHistory): number {
  const { p, q, gamma } = params;
  const n = h.visits > 0 && h.meanSpend > 0 ? h.visits : 0;
  return (p * (gamma + n * (n > 0 ? h.meanSpend : 0))) / (p * n + q - 1);
}
