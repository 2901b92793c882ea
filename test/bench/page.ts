// The bench page: the app's real code, driven by test/bench/run.ts through globalThis.regularsBench.
// Served twice: on the app's origin (the app's database, every app figure and the raw reads beside
// it) and on a second origin (the raw write baselines, in a database of their own: Chromium keeps one
// database file per origin, so neither write pays for the other's compaction).
import { database } from '../../renderer/db/database';
import { storeSetup } from '../../renderer/db';
import { nameSortKey } from '../../shared/domain/searchTokens';
import { customersCsv, purchasesCsv } from './csv';
import { buildDataset } from './dataset';
import { BENCH_GLOBAL, type BenchApi, type PrepareOptions } from './protocol';
import { appBackup, appRestore, purchasesDuringBackup, rawBackup, rawRestore } from './page/backup';
import { careBreakdown, careDue, prepareCare } from './page/care';
import { seedSurveyAnswers, surveyFiguresRuns } from './page/satisfaction';
import { reportRuns } from './page/reports';
import { seedConsent, segmentRuns } from './page/segments';
import { browseList, pickProbes, searchAsYouType, searchBreakdown, tagFilter } from './page/browsing';
import { customerPages } from './page/customerPage';
import { buildRawRecords, importCustomers, importPurchases, rawWriteCustomers, rawWritePurchases, releaseRaw, seedContacts } from './page/importing';
import { observeLongTasks } from './page/longTasks';
import { packedProbe, packedReset, packedWrite } from './page/packedLayout';
import { prepareHeavyRollover, rawReadAndAggregate, recomputeStatus, stateWriteFloor } from './page/recompute';
import { readLedgerRaw, recomputePoints, recordPurchasesWithPoints, seedPointsLedger } from './page/points';
import { recordPurchases } from './page/recording';
import { session } from './page/session';
import { upgradeFromV5 } from './page/upgrade';

observeLongTasks();

function writeFiles(): void {
  const dataset = session.dataset!;
  const encoder = new TextEncoder();
  session.customersFile = encoder.encode(customersCsv(dataset.customers)).buffer as ArrayBuffer;
  const byId = new Map(dataset.customers.map((c) => [c.id, c.fields]));
  session.purchasesFile = encoder.encode(
    purchasesCsv(dataset.purchases, (id) => {
      const fields = byId.get(id);
      const phone = fields?.phones[0];
      return fields && phone ? { phone: phone.raw, name: fields.name } : undefined;
    }),
  ).buffer as ArrayBuffer;
  session.probes = pickProbes(dataset.customers.map((c) => ({ name: c.fields.name, nameSort: nameSortKey(c.fields.name), phones: c.fields.phones })));
  // The purchases live on in the file only: this page's process also runs the import worker, and at a
  // million purchases every copy held here adds to that process's memory.
  session.dataset = { ...dataset, purchases: [] };
}

const api: BenchApi = {
  async prepare(options: PrepareOptions) {
    const start = performance.now();
    const dataset = buildDataset(options);
    session.dataset = dataset;
    let tokensPerCustomer = 0;
    if (options.role === 'app') writeFiles();
    else tokensPerCustomer = buildRawRecords(options.nowMs);
    const { customers, purchases, contacts, extraPasses } = dataset;
    return {
      customers: customers.length,
      purchases: purchases.length,
      contacts: contacts.length,
      extraPasses,
      buildMs: performance.now() - start,
      customersFileBytes: session.customersFile?.byteLength ?? 0,
      purchasesFileBytes: session.purchasesFile?.byteLength ?? 0,
      tokensPerCustomer,
      probes: session.probes,
    };
  },
  startEmptyStore: () => storeSetup.start('empty'),
  importCustomers,
  importPurchases,
  seedContacts,
  rawWriteCustomers,
  rawWritePurchases,
  upgradeFromV5,
  async release() {
    session.dataset = null;
    session.customersFile = null;
    session.purchasesFile = null;
    releaseRaw();
  },
  async storeCounts() {
    const db = database();
    const [customers, purchases, interactions, tierHistory] = await Promise.all([db.customers.count(), db.purchases.count(), db.interactions.count(), db.tierHistory.count()]);
    return { customers, purchases, interactions, tierHistory };
  },
  search: (passes) => searchAsYouType(session.probes, passes),
  list: browseList,
  tags: tagFilter,
  breakdown: searchBreakdown,
  customerPage: customerPages,
  recordPurchase: recordPurchases,
  recomputeStatus,
  readAllPurchasesRaw: rawReadAndAggregate,
  stateWriteFloor,
  seedPointsLedger,
  recomputePoints,
  readLedgerRaw,
  recordPurchaseWithPoints: recordPurchasesWithPoints,
  prepareCare,
  careDue,
  careBreakdown,
  seedSurveyAnswers,
  surveyFigures: surveyFiguresRuns,
  reportRuns,
  seedConsent,
  segmentRuns,
  prepareHeavyRollover,
  appBackup,
  appRestore,
  rawBackup,
  rawRestore,
  purchasesDuringBackup,
  packedReset,
  packedWrite,
  packedProbe,
};

(globalThis as unknown as Record<typeof BENCH_GLOBAL, BenchApi>)[BENCH_GLOBAL] = api;
document.body.dataset.ready = 'true';
