// Times the hidden Markov churn model's fit on a simulated store and checks its seeded sample against the full fit: `node --import tsx scripts/bench-churn-hmm.ts [customers] [--full]`.
import { createRng, gammaDraw } from '../shared/domain/random';
import { fitHiddenMarkov, hiddenMarkovScorer, weeklyHistory, type HiddenMarkovFit, type WeeklyHistory } from '../shared/domain/churnModel/hiddenMarkov';

/**
 * A store drawn as in scripts/bench-churn-fit.ts (modified BG/NBD in days, the same parameters: first visits spread over
 * a year, seen two years after opening) with every visit day kept, and its visit days in the 90 days after.
 */
function simulate(customers: number, seed: number): { days: number[]; next90: number }[] {
  const rng = createRng(seed);
  const truth = { r: 0.5, alpha: 43, a: 0.9, b: 1.6 };
  const end = 730;
  const out: { days: number[]; next90: number }[] = [];
  for (let i = 0; i < customers; i++) {
    const lambda = gammaDraw(rng, truth.r) / truth.alpha;
    const ga = gammaDraw(rng, truth.a);
    const p = ga / (ga + gammaDraw(rng, truth.b));
    const first = Math.floor(rng.next() * 365);
    const days = [first];
    let at = first;
    let next90 = 0;
    let last = first;
    while (!rng.chance(p)) {
      at += -Math.log(1 - rng.next()) / lambda;
      if (at > end + 90) break;
      const day = Math.floor(at);
      if (day > last) {
        if (day > end) next90++;
        else days.push(day);
        last = day;
      }
    }
    out.push({ days, next90 });
  }
  return out;
}

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? '100000');
const full = args.includes('--full');
const t0 = performance.now();
const store = simulate(n, 19);
const t1 = performance.now();
const histories: WeeklyHistory[] = store.map((c) => weeklyHistory(c.days, 730)!);
const t2 = performance.now();
const bought = store.reduce((t, c) => t + c.next90, 0);
console.log(`${n} customers simulated in ${(t1 - t0).toFixed(0)} ms, weekly histories built in ${(t2 - t1).toFixed(0)} ms; they visit on ${bought} days in the next 90 (the HMM is not the model they were simulated from)`);

function report(label: string, fit: HiddenMarkovFit, ms: number): number {
  const t = performance.now();
  const score = hiddenMarkovScorer(fit.params, 90);
  let expected = 0;
  let pVisit = 0;
  for (const h of histories) {
    const f = score(h);
    expected += f.expectedVisits;
    pVisit += f.pVisit;
  }
  const scoreMs = performance.now() - t;
  const classes = fit.params.classes
    .map((c) => `share ${c.weight.toFixed(3)} rates ${c.rates.map((r) => r.toFixed(4)).join('/')} leave buying ${c.transition[0]![1]!.toFixed(3)} back ${c.transition[1]![0]!.toFixed(4)}`)
    .join('; ');
  console.log(
    `${label}: fit ${ms.toFixed(0)} ms on ${fit.fittedOn} customers (${fit.distinctSequences} distinct sequences, ${fit.iterations} iterations${fit.converged ? '' : ', not converged'}), scoring all ${n} ${scoreMs.toFixed(0)} ms; ` +
      `expected visit days in the next 90 summed ${expected.toFixed(0)}, chance of a visit summed ${pVisit.toFixed(0)}\n    ${classes}`,
  );
  return expected;
}

const sums: number[] = [];
for (const seed of [1, 2, 3]) {
  const t = performance.now();
  const fit = fitHiddenMarkov(histories, { seed });
  const ms = performance.now() - t;
  if (!fit.ok) throw new Error(fit.reason.code);
  sums.push(report(`sample of 20,000, seed ${seed} (defaults: 2 starts)`, fit.value, ms));
}
if (full) {
  const t = performance.now();
  const fit = fitHiddenMarkov(histories, { sampleSize: n });
  const ms = performance.now() - t;
  if (!fit.ok) throw new Error(fit.reason.code);
  const all = report(`all ${n}`, fit.value, ms);
  console.log(`samples against the full fit, expected visits: ${sums.map((s) => `${((100 * (s - all)) / all).toFixed(1)}%`).join(', ')}`);
}
