// Times the churn model's fit on simulated stores (100,000 customers by default): `node --import tsx scripts/bench-churn-fit.ts [customers]`.
import { createRng, gammaDraw } from '../shared/domain/random';
import { expectedPurchases, fitBuyingModel, groupHistories, pAlive, type BuyerHistory } from '../shared/domain/churnModel/buyingModel';
import { fitSpendModel, type SpendHistory } from '../shared/domain/churnModel/spendModel';
import { DEFAULT_CHURN_MODEL_SETTINGS } from '../shared/domain/churnModel/levels';
import { fitStoreChurnModel, type ChurnModelInput } from '../shared/domain/churnModel/storeModel';

/** Customers of a modified BG/NBD store in days: first visits spread over a year, seen two years after opening. */
function simulate(customers: number, seed: number): BuyerHistory[] {
  const rng = createRng(seed);
  const truth = { r: 0.5, alpha: 43, a: 0.9, b: 1.6 };
  const end = 730;
  const out: BuyerHistory[] = [];
  for (let i = 0; i < customers; i++) {
    const lambda = gammaDraw(rng, truth.r) / truth.alpha;
    const ga = gammaDraw(rng, truth.a);
    const p = ga / (ga + gammaDraw(rng, truth.b));
    const first = Math.floor(rng.next() * 365);
    let at = first;
    let last = first;
    let x = 0;
    while (!rng.chance(p)) {
      at += -Math.log(1 - rng.next()) / lambda;
      if (at > end) break;
      const day = Math.floor(at);
      if (day > last) {
        x++;
        last = day;
      }
    }
    out.push({ x, tx: last - first, T: end - first });
  }
  return out;
}

const n = Number(process.argv[2] ?? '100000');
const histories = simulate(n, 19);
// Mean spend of each repeat buyer's visits: Gamma(p n, ν n) with ν ~ Gamma(q, γ) (p = 6, q = 3.7, γ = 15).
const spendRng = createRng(20);
const spends: SpendHistory[] = histories
  .filter((h) => h.x > 0)
  .map((h) => ({ visits: h.x, meanSpend: gammaDraw(spendRng, 6 * h.x) / ((gammaDraw(spendRng, 3.7) / 15) * h.x) }));
// The same store as the app stores it on the state rows (day numbers from 2000-01-01, spend in fen), for the app's whole fit.
const OPENED = 10_957;
let repeat = 0;
const inputs: ChurnModelInput[] = histories.map((h) => {
  const firstDay = OPENED + 730 - h.T;
  const spend = h.x > 0 ? spends[repeat++]! : { visits: 0, meanSpend: 0 };
  return { firstDay, lastDay: firstDay + h.tx, visitDays: h.x + 1, repeatSpendVisits: spend.visits, repeatSpendFen: Math.round(spend.meanSpend * spend.visits * 100) };
});
for (const run of [1, 2, 3]) {
  const t0 = performance.now();
  const grouped = groupHistories(histories);
  const t1 = performance.now();
  const fit = fitBuyingModel(grouped);
  const t2 = performance.now();
  if (!fit.ok) throw new Error(fit.reason.code);
  let sum = 0;
  for (const h of histories) sum += pAlive(fit.value.params, 'mbgnbd', h) + expectedPurchases(fit.value.params, 'mbgnbd', h, 90);
  const t3 = performance.now();
  const spendFit = fitSpendModel(spends);
  const t4 = performance.now();
  if (!spendFit.ok) throw new Error(spendFit.reason.code);
  const p = fit.value.params;
  console.log(
    `run ${run}: ${n} customers, ${grouped.size} distinct (x, tx, T); group ${(t1 - t0).toFixed(0)} ms, fit ${(t2 - t1).toFixed(0)} ms (${fit.value.evaluations} likelihood evaluations), score all ${(t3 - t2).toFixed(0)} ms; ` +
      `r=${p.r.toFixed(3)} α=${p.alpha.toFixed(1)} a=${p.a.toFixed(3)} b=${p.b.toFixed(3)} (simulated with 0.5, 43, 0.9, 1.6)${sum > 0 ? '' : '!'}; ` +
      `spend fit ${(t4 - t3).toFixed(0)} ms on ${spends.length} repeat buyers (p=${spendFit.value.params.p.toFixed(2)} q=${spendFit.value.params.q.toFixed(2)} γ=${spendFit.value.params.gamma.toFixed(1)})`,
  );
}

// The app's fit (fitStoreChurnModel, as the status worker runs it at the rollover): both models, every customer scored for the high cut-off.
for (const run of [1, 2]) {
  const t0 = performance.now();
  const model = fitStoreChurnModel(inputs, '2001-12-31', DEFAULT_CHURN_MODEL_SETTINGS);
  console.log(`app fit, run ${run}: ${(performance.now() - t0).toFixed(0)} ms for ${n} customers (${model.kind}${model.kind === 'fitted' ? `, high from ${(model.highFromValueFen! / 100).toFixed(2)}` : ''})`);
}
