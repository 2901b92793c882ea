// `npm run evaluate:churn`: scores a purchase history as of a cut-off with the app's churn code and checks it against the holdout.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { churnRisk, storeMedianGap, type ChurnLevel } from '../shared/domain/churn';
import { dayNumber, utcDayOf, type FigureInput } from '../shared/domain/customerFigures';
import { parseDelimited } from '../shared/domain/import/delimited';
import { areaUnderCurve } from '../shared/domain/churnModel/auc';
import { expectedPurchases, fitBuyingModel, groupHistories, pBuyWithin } from '../shared/domain/churnModel/buyingModel';
import { countsToDaysTerm, fitHiddenMarkov, weeklyHistory, type HiddenMarkovFigures } from '../shared/domain/churnModel/hiddenMarkov';
import { churnModelLevels, DEFAULT_CHURN_MODEL_SETTINGS } from '../shared/domain/churnModel/levels';
import { historyAsOf, scoreCustomers, visitsModelScorer, type ModelCustomer } from '../shared/domain/churnModel/scoring';

const HELP = `usage: npm run evaluate:churn -- --file PATH --cutoff yyyy-mm-dd [--holdout-weeks 39] [--format cdnow|retail]
  --file      CDNOW (id, sample id, yyyymmdd, CDs, dollars; whitespace) or online-retail CSV (InvoiceNo … CustomerID)
  --cutoff    last day seen when scoring (defaults: 1997-09-30 for CDNOW, 2011-06-30 for online retail)
  --holdout-weeks  weeks after the cut-off in which a purchase counts as "bought again" (default 39)`;

interface Row {
  customer: string;
  day: string;
  spend: number;
}

function readCdnow(text: string): Row[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const [customer, , date, , dollars] = line.split(/\s+/);
      return { customer: customer!, day: `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)}`, spend: Math.round(Number(dollars) * 100) };
    });
}

/** Invoices of the online-retail file: cancellations, negative quantities and rows without a customer left out. */
function readRetail(text: string): Row[] {
  const { headers, rows } = parseDelimited(text);
  const column = (name: string) => headers.indexOf(name);
  const [customerAt, invoiceAt, quantityAt, dateAt, priceAt] = ['CustomerID', 'InvoiceNo', 'Quantity', 'InvoiceDate', 'UnitPrice'].map(column) as [number, number, number, number, number];
  const invoices = new Map<string, Row>();
  for (const r of rows) {
    const customer = r[customerAt] ?? '';
    const invoice = r[invoiceAt] ?? '';
    const quantity = Number(r[quantityAt]);
    if (customer === '' || customer === '0.0' || invoice.startsWith('C') || !(quantity > 0)) continue;
    const row = invoices.get(invoice) ?? { customer, day: (r[dateAt] ?? '').slice(0, 10), spend: 0 };
    row.spend += Math.round(quantity * Number(r[priceAt]) * 100);
    invoices.set(invoice, row);
  }
  return [...invoices.values()];
}

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;

function main(): void {
  const { values } = parseArgs({
    options: { file: { type: 'string' }, cutoff: { type: 'string' }, 'holdout-weeks': { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || !values.file) {
    console.log(HELP);
    process.exit(values.help ? 0 : 1);
  }
  const format = values.format ?? (values.file.endsWith('.csv') ? 'retail' : 'cdnow');
  const text = readFileSync(values.file, 'utf8');
  const rows = format === 'retail' ? readRetail(text) : readCdnow(text);
  const cutoff = values.cutoff ?? (format === 'retail' ? '2011-06-30' : '1997-09-30');
  const cutDay = dayNumber(cutoff);
  const lastDay = Math.max(...rows.map((r) => dayNumber(r.day)));
  let holdoutDays = Number(values['holdout-weeks'] ?? '39') * 7;
  if (cutDay + holdoutDays > lastDay) {
    // A holdout past the file's last purchase would count the missing days as "did not buy".
    holdoutDays = lastDay - cutDay;
    console.log(`note: the file ends on ${utcDayOf(new Date(lastDay * 86_400_000).toISOString())}; the holdout is cut to ${holdoutDays} days`);
  }
  if (holdoutDays <= 0) {
    console.log('the cut-off is at or after the last purchase: nothing to check against');
    process.exit(1);
  }
  const endDay = cutDay + holdoutDays;

  const byCustomer = new Map<string, Row[]>();
  for (const r of rows) byCustomer.set(r.customer, [...(byCustomer.get(r.customer) ?? []), r]);
  const customers: ModelCustomer[] = [];
  const actual = new Map<string, number>();
  const figureInputs = new Map<string, FigureInput[]>();
  for (const [id, list] of byCustomer) {
    const before = list.filter((r) => dayNumber(r.day) <= cutDay);
    if (before.length === 0) continue;
    customers.push({ id, purchases: before.map((r) => ({ day: dayNumber(r.day), spend: r.spend })) });
    actual.set(id, new Set(list.filter((r) => dayNumber(r.day) > cutDay && dayNumber(r.day) <= endDay).map((r) => r.day)).size);
    figureInputs.set(
      id,
      before.map((r, i) => ({ id: `${id}-${i}`, purchasedAt: `${r.day}T12:00:00.000Z`, totalFen: r.spend, isVoided: 0 as const, returnOf: null })),
    );
  }
  console.log(`${values.file}: ${rows.length} purchases; cut-off ${cutoff}, holdout ${(holdoutDays / 7).toFixed(1)} weeks (to ${utcDayOf(new Date(endDay * 86_400_000).toISOString())})`);
  console.log(`${customers.length} customers bought by the cut-off; ${[...actual.values()].filter((n) => n > 0).length} bought again in the holdout`);

  const started = performance.now();
  const scored = scoreCustomers(customers, cutDay, { horizonDays: holdoutDays });
  const fitMs = performance.now() - started;
  if (!scored.ok) {
    console.log(`cannot fit: ${scored.reason.code} (have ${scored.reason.params.have}, need ${scored.reason.params.need})`);
    process.exit(2);
  }
  const store = scored.value;
  const { params } = store.fit;
  console.log(
    `MBG/NBD (days): r=${params.r.toFixed(3)} α=${params.alpha.toFixed(2)} a=${params.a.toFixed(3)} b=${params.b.toFixed(3)}  LL=${store.fit.logLikelihood.toFixed(1)}  ${store.fit.distinctHistories} distinct histories, both models' fit and scoring ${fitMs.toFixed(0)} ms`,
  );
  if (store.spendFit) {
    const s = store.spendFit.params;
    console.log(`Gamma-Gamma: p=${s.p.toFixed(2)} q=${s.q.toFixed(2)} γ=${(s.gamma / 100).toFixed(2)} (money units); store mean spend per visit ${(s.p * s.gamma / (s.q - 1) / 100).toFixed(2)}`);
  }

  const bt = store.backtest;
  console.log(
    bt
      ? `backtest on the store's own last ${bt.days} days (${bt.customers} customers, ${bt.cameBack} came back): weight of P(alive) ${bt.aliveWeight}, AUC there ${bt.auc.toFixed(3)}`
      : `no backtest (the store 90 days earlier could not be fitted, or nobody came back since): weight of P(alive) ${store.aliveWeight}`,
  );
  const histories = customers.map((c) => historyAsOf(c.purchases, cutDay)!.history);
  const plain = fitBuyingModel(groupHistories(histories), { variant: 'bgnbd' });
  if (!plain.ok) throw new Error(`plain BG/NBD: ${plain.reason.code}`);
  const pp = plain.value.params;
  console.log(`BG/NBD  (days): r=${pp.r.toFixed(3)} α=${pp.alpha.toFixed(2)} a=${pp.a.toFixed(3)} b=${pp.b.toFixed(3)}  LL=${plain.value.logLikelihood.toFixed(1)}  (weeks: α=${(pp.alpha / 7).toFixed(3)})`);

  // The visits model (hidden Markov, 2 classes x 2 states of weekly visits), fitted by scoreCustomers beside the buying model.
  const weekly = new Map(customers.map((c) => [c.id, weeklyHistory(c.purchases.map((p) => p.day), cutDay)!]));
  if (store.visitsFit === null) throw new Error(`hidden Markov: ${fitHiddenMarkov([...weekly.values()]).ok ? 'not fitted' : 'cannot be fitted'}`);
  const hmm = { value: store.visitsFit };
  const hmmScore = visitsModelScorer(hmm.value.params, holdoutDays);
  const hmmOf = new Map<string, HiddenMarkovFigures>([...weekly].map(([id, h]) => [id, hmmScore(h)]));
  const daysTerm = countsToDaysTerm([...weekly.values()]);
  console.log(
    `HMM 2x2 (weeks): LL=${(hmm.value.logLikelihood + daysTerm).toFixed(1)} in days (${hmm.value.logLikelihood.toFixed(1)} of the weekly counts), ${hmm.value.distinctSequences} distinct sequences, ${hmm.value.iterations} iterations${hmm.value.converged ? '' : ' (not converged)'} (fitted with MBG/NBD above)`,
  );
  for (const [c, cl] of hmm.value.params.classes.entries()) {
    console.log(
      `  class ${c}: share ${cl.weight.toFixed(3)}, visit days a week buying ${cl.rates[0]!.toFixed(3)} / dormant ${cl.rates[1]!.toFixed(4)}, first week buying ${cl.start[0]!.toFixed(2)}, a week: buying→dormant ${cl.transition[0]![1]!.toFixed(3)}, dormant→buying ${cl.transition[1]![0]!.toFixed(4)}`,
    );
  }

  const ids = store.scores.map((s) => s.id);
  const hmmExpected = store.scores.map((s) => s.visitsModelExpectedVisits!);
  const positive = ids.map((id) => actual.get(id)! > 0);
  const storeGap = storeMedianGap(
    customers.map((c) => {
      const days = [...new Set(c.purchases.map((p) => p.day))].sort((a, b) => a - b);
      return storeMedianGap(days.slice(1).map((d, i) => d - days[i]!));
    }),
  );
  const asOf = new Date((cutDay + 1) * 86_400_000 - 1000);
  const todays = new Map<string, ChurnLevel>(ids.map((id) => [id, churnRisk({ purchases: figureInputs.get(id)!, asOf, dayOf: utcDayOf, storeMedianGapDays: storeGap }).level]));
  const levelRank: Record<ChurnLevel, number> = { none: 0, watch: 1, high: 2 };
  const bgExpected = histories.map((h) => expectedPurchases(pp, 'bgnbd', h, holdoutDays));

  console.log('\nAUC for "bought again in the holdout":');
  const rankings: [string, number[]][] = [
    [`the app's ranking: MBG/NBD rate × P(alive)^${store.aliveWeight}`, store.scores.map((s) => s.returnScore)],
    ['MBG/NBD, chance of a purchase in the holdout', store.scores.map((s) => s.pVisit)],
    ["the app's expected visits (mean of MBG/NBD and HMM 2x2)", store.scores.map((s) => s.expectedVisits)],
    ['MBG/NBD, expected purchases in the holdout', store.scores.map((s) => s.buyingExpectedVisits)],
    ['MBG/NBD, chance still a customer', store.scores.map((s) => s.pAlive)],
    ['plain BG/NBD, expected purchases', bgExpected],
    ['plain BG/NBD, chance of a purchase', histories.map((h) => pBuyWithin(pp, 'bgnbd', h, holdoutDays))],
    ['HMM 2x2, expected visits in the holdout', hmmExpected],
    ['HMM 2x2, chance of a visit in the holdout', ids.map((id) => hmmOf.get(id)!.pVisit)],
    ['HMM 2x2, chance still a customer (a visit within a year)', ids.map((id) => hmmOf.get(id)!.pStillCustomer)],
    ['HMM 2x2, chance in the buying state now', ids.map((id) => hmmOf.get(id)!.pBuying)],
    ['recency alone (days since the last purchase)', store.scores.map((s) => -s.daysSinceLast)],
    ["today's rule (none / watch / high)", ids.map((id) => -levelRank[todays.get(id)!])],
  ];
  for (const [name, score] of rankings) console.log(`  ${areaUnderCurve(score, positive).toFixed(3)}  ${name}`);

  console.log("\nRepeat purchases in the holdout, predicted (the app: mean of MBG/NBD and HMM 2x2 | MBG/NBD | BG/NBD | HMM 2x2) against actual:");
  const buckets = ['0', '1', '2', '3', '4', '5', '6', '7+'];
  const rowsOut = buckets.map((label) => ({ label, n: 0, app: 0, mbg: 0, bg: 0, hmm: 0, actual: 0 }));
  store.scores.forEach((s, i) => {
    const b = rowsOut[Math.min(s.x, 7)]!;
    b.n++;
    b.app += s.expectedVisits;
    b.mbg += s.buyingExpectedVisits;
    b.bg += bgExpected[i]!;
    b.hmm += hmmExpected[i]!;
    b.actual += actual.get(s.id)!;
  });
  const total = rowsOut.reduce((t, b) => ({ n: t.n + b.n, app: t.app + b.app, mbg: t.mbg + b.mbg, bg: t.bg + b.bg, hmm: t.hmm + b.hmm, actual: t.actual + b.actual }), { n: 0, app: 0, mbg: 0, bg: 0, hmm: 0, actual: 0 });
  const cell = (v: number) => v.toFixed(1).padStart(7);
  console.log('  earlier repeat purchases | customers | the app | MBG/NBD | BG/NBD | HMM 2x2 | actual');
  for (const b of rowsOut) console.log(`  ${b.label.padStart(3)} | ${String(b.n).padStart(5)} | ${cell(b.app)} | ${cell(b.mbg)} | ${cell(b.bg)} | ${cell(b.hmm)} | ${b.actual}`);
  console.log(
    `  all | ${String(total.n).padStart(5)} | ${cell(total.app)} | ${cell(total.mbg)} | ${cell(total.bg)} | ${cell(total.hmm)} | ${total.actual}   (the app off by ${pct(total.app - total.actual, total.actual)}; MBG/NBD by ${pct(total.mbg - total.actual, total.actual)}, BG/NBD by ${pct(total.bg - total.actual, total.actual)}, HMM 2x2 by ${pct(total.hmm - total.actual, total.actual)})`,
  );

  // Where the count goes wrong: a model in which leaving is for good is surest about the customers quiet longest.
  console.log('\nThe same by days since the last purchase at the cut-off (customers with a repeat purchase | one-time buyers):');
  const quiet = [
    ['under 30', 0, 30],
    ['30-89', 30, 90],
    ['90-179', 90, 180],
    ['180+', 180, Number.POSITIVE_INFINITY],
  ] as const;
  console.log('  days since the last | customers | the app | MBG/NBD | BG/NBD | HMM 2x2 | actual | mean P(alive), MBG/NBD | HMM mean chance still a customer / buying now | share back');
  for (const repeat of [true, false]) {
    for (const [label, from, to] of quiet) {
      const who = store.scores.map((s, i) => ({ s, i })).filter(({ s }) => s.x > 0 === repeat && s.daysSinceLast >= from && s.daysSinceLast < to);
      if (who.length === 0) continue;
      const sum = (f: (w: (typeof who)[number]) => number) => who.reduce((t, w) => t + f(w), 0);
      console.log(
        `  ${(repeat ? 'repeat ' : 'one-time ') + label} | ${String(who.length).padStart(5)} | ${cell(sum((w) => w.s.expectedVisits))} | ${cell(sum((w) => w.s.buyingExpectedVisits))} | ${sum((w) => bgExpected[w.i]!).toFixed(1).padStart(7)} | ${sum((w) => hmmExpected[w.i]!).toFixed(1).padStart(7)} | ${String(sum((w) => actual.get(w.s.id)!)).padStart(5)} | ${(sum((w) => w.s.pAlive) / who.length).toFixed(2)} | ${(sum((w) => hmmOf.get(w.s.id)!.pStillCustomer) / who.length).toFixed(2)} / ${(sum((w) => hmmOf.get(w.s.id)!.pBuying) / who.length).toFixed(2)} | ${pct(sum((w) => (actual.get(w.s.id)! > 0 ? 1 : 0)), who.length)}`,
      );
    }
  }

  console.log('\nShare flagged at each level (and the share of them who bought again in the holdout):');
  const shares = (levels: ReadonlyMap<string, ChurnLevel>) =>
    (['none', 'watch', 'high'] as const)
      .map((level) => {
        const who = ids.filter((id) => levels.get(id) === level);
        const back = who.filter((id) => actual.get(id)! > 0).length;
        return `${level} ${pct(who.length, ids.length)} (${who.length}, back ${who.length ? pct(back, who.length) : '-'})`;
      })
      .join('  ');
  const leveled = churnModelLevels(store.scores, store.storeUsualGapDays);
  const modelLevels = new Map(leveled.map((l) => [l.id, l.level]));
  const cap = DEFAULT_CHURN_MODEL_SETTINGS.highCap;
  console.log(`  model (defaults: watch below ${DEFAULT_CHURN_MODEL_SETTINGS.watchBelow}, high below ${DEFAULT_CHURN_MODEL_SETTINGS.highBelow}, cap ${cap.kind === 'share' ? `${cap.percent}%` : cap.count}): ${shares(modelLevels)}`);
  console.log(`  today's rule: ${shares(todays)}`);
  const byReason = new Map<string, string[]>();
  for (const l of leveled) byReason.set(`${l.level}/${l.reason.code}${l.reason.params.overCap ? ' over the cap' : ''}`, [...(byReason.get(`${l.level}/${l.reason.code}${l.reason.params.overCap ? ' over the cap' : ''}`) ?? []), l.id]);
  console.log(
    `  model by reason: ${[...byReason]
      .map(([key, who]) => `${key} ${pct(who.length, ids.length)} (back ${pct(who.filter((id) => actual.get(id)! > 0).length, who.length)})`)
      .join('  ')}`,
  );
  // Not a level the app uses: where the HMM's chance still a customer falls against the same thresholds, repeat buyers only (as the levels).
  const hmmBands = [
    [`below ${DEFAULT_CHURN_MODEL_SETTINGS.highBelow}`, 0, DEFAULT_CHURN_MODEL_SETTINGS.highBelow],
    [`${DEFAULT_CHURN_MODEL_SETTINGS.highBelow}-${DEFAULT_CHURN_MODEL_SETTINGS.watchBelow}`, DEFAULT_CHURN_MODEL_SETTINGS.highBelow, DEFAULT_CHURN_MODEL_SETTINGS.watchBelow],
    [`${DEFAULT_CHURN_MODEL_SETTINGS.watchBelow} or more`, DEFAULT_CHURN_MODEL_SETTINGS.watchBelow, Number.POSITIVE_INFINITY],
  ] as const;
  const repeatIds = store.scores.filter((s) => s.x > 0).map((s) => s.id);
  console.log(
    `  HMM 2x2 chance still a customer, repeat buyers (${repeatIds.length}): ${hmmBands
      .map(([label, from, to]) => {
        const who = repeatIds.filter((id) => hmmOf.get(id)!.pStillCustomer >= from && hmmOf.get(id)!.pStillCustomer < to);
        return `${label} ${pct(who.length, ids.length)} (${who.length}, back ${who.length ? pct(who.filter((id) => actual.get(id)! > 0).length, who.length) : '-'})`;
      })
      .join('  ')}`,
  );
}

main();
