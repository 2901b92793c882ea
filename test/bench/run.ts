// npm run bench: measures Regulars at the scale of a large store in headless Chromium, through the
// app's own code, beside raw IndexedDB doing the same work in the same run (issue 6).
//
//   npm run bench                      100,000 customers, 1,000,000 purchases, 200,000 contacts → bench/results.json
//   npm run bench -- --quick           10,000 / 100,000 / 20,000                                → bench/results-10000.json
//   npm run bench -- --customers N --purchases M --contacts C --runs K --passes P --seed S --chunk C --out FILE --skip-build
//   npm run bench -- --quick --only cold-start,rollover   only those parts (the store is imported through the app first)
//
// One run: a fresh Chromium profile on disk (IndexedDB in an incognito context lives in memory, which
// would flatter every figure); the bench page (test/bench/page.ts) on the app's origin imports the
// generated store through the app's import worker while the same page on a second origin puts the
// same records plainly; then the reads, a purchase, the recomputation; then the real built app is
// launched on that profile (cold start, heap, the rollover with the list on screen). After each large
// write the runner waits until Chromium has stopped compacting.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '../../playwright.config';
import { parseOptions, type BenchOptions, type BenchPart } from './options';
import type { BackupRun, CareBreakdown, CareRun, CareSetup, ImportRun, PairedSample, PointsSeed, Prepared, RawBackupRun, RawRead, RawWrite, RecomputeRun, ReportsRun, SearchBreakdown, SegmentsRun, SurveySeed, SetupStep, StateWriteFloor, StoreCounts, UpgradeRun } from './protocol';
import { checkTargets, combineRuns, FIGURE_IDS, latencyFigures, once, renderTables, formatMs, type Figure } from './results';
import { call, log, openBenchPage } from './runner/bench';
import { coldStartApp, coldStartEmptyPage, coldStartFirstRead, rolloverInApp, withBridge, type AppColdStart, type ColdStart, type RolloverInApp } from './runner/coldStart';
import { waitForQuiet } from './runner/quiet';
import { serve } from './runner/server';
import { median } from './stats';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The app as `npm run build:renderer` builds it, into the bench's own folder (e2e runs rebuild dist/renderer). */
const APP_DIST = path.join(ROOT, '.tmp', 'bench-app');
const PAGE_DIST = path.join(ROOT, '.tmp', 'bench-dist');
/** careWorker().compute(6) calls per run, the first one cold (it starts the worker). */
const CARE_PASSES = 5;
/** Issue 17's store: 50,000 survey answers (whatever the customer count), the figures timed this many times. */
const SURVEY_ANSWERS = 50_000;
const SURVEY_PASSES = 5;
/** reportsWorker().report calls per report per run, the very first one cold (it starts the worker). */
const REPORT_PASSES = 5;
/** Passes over the segments built a condition at a time (every step counted each pass). */
const SEGMENT_PASSES = 3;
/** Launches of each kind per run for the cold start (app and empty page take turns). */
const COLD_STARTS = 3;

// ---------- build ----------

function vite(args: string[], what: string): void {
  const bin = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [bin, 'build', '--configLoader', 'bundle', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    // The app's config pulls in the dev:web bridge's Node modules; their import style is not the bench's concern.
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (result.status !== 0) throw new Error(`vite build of ${what} failed`);
}

function build(): void {
  log('building the app (as npm run build:renderer, into .tmp/bench-app) and the bench page…');
  vite(['--outDir', APP_DIST, '--emptyOutDir', '--logLevel', 'warn'], 'the app');
  vite(['--config', 'test/bench/vite.config.ts'], 'the bench page');
}

// ---------- one run ----------

interface RunRecord {
  index: number;
  chromium: string;
  /** `raw` and the parts below it only when `--only` did not leave them out. */
  prepared: { app: Prepared; raw?: Prepared };
  imports: { customers: ImportRun; purchases: ImportRun };
  rawWrites?: { customers: RawWrite; purchases: RawWrite };
  contacts: SetupStep;
  upgrade?: UpgradeRun;
  store: StoreCounts;
  samples: PairedSample[];
  breakdown: SearchBreakdown[];
  recompute?: { rules: RecomputeRun; again: RecomputeRun; rawReads: RawRead[]; stateFloor: StateWriteFloor };
  points?: { seed: PointsSeed; seeded: RecomputeRun; recompute: RecomputeRun; rawReads: RawRead[] };
  care?: { setup: CareSetup; run: CareRun; breakdown: CareBreakdown };
  satisfaction?: { seed: SurveySeed };
  reports?: { rawRows: ReportsRun['rawRows']; longTasks: ReportsRun['longTasks'] };
  segments?: { consent: SetupStep; reads: PairedSample[] } & Omit<SegmentsRun, 'samples'>;
  backups?: { backup: BackupRun; rawBackup: RawBackupRun; restore: BackupRun; rawRestore: RawBackupRun; duringBackupMs: number; duringOutcome: string };
  coldStarts?: { app: AppColdStart[]; empty: ColdStart[]; firstRead?: (ColdStart & { openMs: number })[] };
  rollover?: RolloverInApp;
  /** The machine's 1-minute load average when the reads began and when they ended (other programs show here). */
  loadAverage: [number, number];
  quietWaitMs: number;
  /** Wall time of the whole run. */
  ms: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function oneRun(options: BenchOptions, origins: { appOrigin: string; rawOrigin: string }, index: number): Promise<RunRecord> {
  const runStart = performance.now();
  const measures = (part: BenchPart) => options.parts.includes(part);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'regulars-bench-'));
  let quietWaitMs = 0;
  const quiet = async () => {
    quietWaitMs += await waitForQuiet();
  };
  let context: BrowserContext | null = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions, headless: true });
  // Backups (items 7 and 10) go through the real main-process service into a folder of this run's.
  const removeBackups = await withBridge(context, origins.appOrigin);
  try {
    const chromiumVersion = context.browser()?.version() ?? 'unknown';
    const appPage = await openBenchPage(context, origins.appOrigin, context.pages()[0]);
    const rawPage = measures('imports') ? await openBenchPage(context, origins.rawOrigin) : null;

    const dataset = { customers: options.customers, purchases: options.purchases, contacts: options.contacts, seed: options.seed, nowMs: Date.now() };
    log(`run ${index + 1}/${options.runs}: generating ${options.customers.toLocaleString('en')} customers, ${options.purchases.toLocaleString('en')} purchases, ${options.contacts.toLocaleString('en')} contacts…`);
    const app = await call(appPage, 'prepare', { ...dataset, role: 'app' });
    const raw = rawPage ? await call(rawPage, 'prepare', { ...dataset, role: 'raw' }) : undefined;
    log(`  app page: ${seconds(app.buildMs)} (files ${(app.customersFileBytes / 2 ** 20).toFixed(1)} + ${(app.purchasesFileBytes / 2 ** 20).toFixed(1)} MiB)${raw ? `; raw page: ${seconds(raw.buildMs)}` : ''}`);
    await call(appPage, 'startEmptyStore');
    await quiet();

    // App and raw take turns going first, run by run; each write gets a quiet machine.
    const appFirst = index % 2 === 0;
    const pair = async <A, B>(appStep: () => Promise<A>, rawStep: () => Promise<B>): Promise<[A, B]> => {
      if (appFirst) {
        const a = await appStep();
        await quiet();
        const b = await rawStep();
        await quiet();
        return [a, b];
      }
      const b = await rawStep();
      await quiet();
      const a = await appStep();
      await quiet();
      return [a, b];
    };
    // Without the raw baselines (`--only` left imports out) the app imports alone: it is the store.
    const importWithRaw = async <B>(appStep: () => Promise<ImportRun>, rawStep: (page: Page) => Promise<B>): Promise<[ImportRun, B | undefined]> => {
      if (rawPage) return pair(appStep, () => rawStep(rawPage));
      const a = await appStep();
      await quiet();
      return [a, undefined];
    };
    log(`  customers file: import pipeline${rawPage ? ' and raw puts' : ''}…`);
    const [importedCustomers, rawCustomers] = await importWithRaw(
      () => call(appPage, 'importCustomers'),
      (page) => call(page, 'rawWriteCustomers', options.chunk),
    );
    log(`    app ${seconds(importedCustomers.totalMs)} (${JSON.stringify(importedCustomers.counts)})${rawCustomers ? `, raw ${seconds(rawCustomers.ms)}` : ''}`);
    log(`  purchases file: import pipeline${rawPage ? ' and raw puts' : ''}…`);
    const [importedPurchases, rawPurchases] = await importWithRaw(
      () => call(appPage, 'importPurchases'),
      (page) => call(page, 'rawWritePurchases', options.chunk),
    );
    log(`    app ${seconds(importedPurchases.totalMs)} (${JSON.stringify(importedPurchases.counts)})${rawPurchases ? `, raw ${seconds(rawPurchases.ms)}` : ''}`);
    const contacts = await call(appPage, 'seedContacts');
    log(`  contacts seeded: ${contacts.records.toLocaleString('en')} in ${seconds(contacts.ms)}`);
    let upgrade: UpgradeRun | undefined;
    if (measures('upgrade')) {
      await quiet();
      upgrade = await call(appPage, 'upgradeFromV5', dataset.nowMs);
      log(`  upgrade of a version-5 database of ${upgrade.customers.toLocaleString('en')} customers to version ${upgrade.version}: ${seconds(upgrade.ms)} (built in ${seconds(upgrade.buildMs)})`);
    }
    await call(appPage, 'release');
    await rawPage?.close();
    await quiet();

    const store = await call(appPage, 'storeCounts');
    const loadBefore = os.loadavg()[0]!;
    log(`  reads on ${JSON.stringify(store)} (load average ${loadBefore.toFixed(2)})…`);
    const samples: PairedSample[] = [];
    let breakdown: SearchBreakdown[] = [];
    if (measures('search')) {
      log('  search…');
      samples.push(...(await call(appPage, 'search', options.passes)));
      log('  list, tag filter…');
      samples.push(...(await call(appPage, 'list', 3 * options.passes)));
      samples.push(...(await call(appPage, 'tags', options.passes)));
      const probe = app.probes[0];
      const queries = probe ? [...new Set(probe.sequences.flatMap((s) => [s.keystrokes[0]!, s.keystrokes[s.keystrokes.length - 1]!]))] : [];
      if (index === 0) breakdown = await call(appPage, 'breakdown', queries);
    }
    if (measures('customer-page')) {
      log('  customer pages…');
      samples.push(...(await call(appPage, 'customerPage', options.passes)));
    }
    if (measures('record')) {
      log('  recording purchases…');
      samples.push(...(await call(appPage, 'recordPurchase', options.passes)));
      await quiet();
    }
    let recompute: RunRecord['recompute'];
    if (measures('recompute')) {
      log('  recomputation…');
      const rawBefore = await call(appPage, 'readAllPurchasesRaw');
      const rules = await call(appPage, 'recomputeStatus');
      log(`    rules: ${seconds(rules.ms)}, ${rules.changed.toLocaleString('en')} of ${rules.customers.toLocaleString('en')} changed${rules.churnFit ? `; churn model fitted to ${rules.churnFit.customers.toLocaleString('en')} customers in ${seconds(rules.churnFit.ms)}` : ''}`);
      await quiet();
      const again = await call(appPage, 'recomputeStatus');
      const rawAfter = await call(appPage, 'readAllPurchasesRaw');
      log(`    again: ${seconds(again.ms)}, ${again.changed} changed; raw read ${seconds(rawBefore.ms)} / ${seconds(rawAfter.ms)}`);
      await quiet();
      const stateFloor = await call(appPage, 'stateWriteFloor', rules.changed);
      log(`    floor: ${stateFloor.rows.toLocaleString('en')} state rows put plainly ${seconds(stateFloor.indexedMs)} (${stateFloor.indexes} indexes), ${seconds(stateFloor.plainMs)} (none)`);
      await quiet();
      recompute = { rules, again, rawReads: [rawBefore, rawAfter], stateFloor };
    }
    let pointsRun: RunRecord['points'];
    if (measures('points')) {
      log('  points…');
      // One ledger entry per purchase of the dataset: 1,000,000 at full size.
      const seed = await call(appPage, 'seedPointsLedger', options.purchases, Date.now());
      log(`    seeded ${seed.entries.toLocaleString('en')} ledger entries over ${seed.customers.toLocaleString('en')} customers in ${seconds(seed.ms)}`);
      await quiet();
      const rawBefore = await call(appPage, 'readLedgerRaw');
      // The seeded ledger's points were never derived: the first pass writes every customer's points row.
      const seeded = await call(appPage, 'recomputePoints');
      await quiet();
      const recomputed = await call(appPage, 'recomputePoints');
      const rawAfter = await call(appPage, 'readLedgerRaw');
      log(`    every balance from the seeded ledger ${seconds(seeded.ms)} (${seeded.changed.toLocaleString('en')} written); recomputed ${seconds(recomputed.ms)} (${recomputed.changed.toLocaleString('en')} changed); raw read ${seconds(rawBefore.ms)} / ${seconds(rawAfter.ms)}`);
      await quiet();
      samples.push(...(await call(appPage, 'recordPurchaseWithPoints', options.passes)));
      await quiet();
      pointsRun = { seed, seeded, recompute: recomputed, rawReads: [rawBefore, rawAfter] };
    }
    let careRun: RunRecord['care'];
    if (measures('care')) {
      log('  care reminders…');
      const setup = await call(appPage, 'prepareCare');
      log(
        `    setup: contact cache derived in ${seconds(setup.contactsMs)} (${setup.contactsChanged.toLocaleString('en')} state rows); ` +
          `birthdays ${setup.solarBirthdays.toLocaleString('en')} solar, ${setup.lunarBirthdays.toLocaleString('en')} lunar of ${setup.customers.toLocaleString('en')}; ` +
          `open follow-ups ${setup.openFollowUps.toLocaleString('en')} (${setup.followUpsAhead.toLocaleString('en')} in the next 7 days); points rows ${setup.pointsRows.toLocaleString('en')}`,
      );
      await quiet();
      const run = await call(appPage, 'careDue', CARE_PASSES);
      samples.push(...run.passes.map((p) => p.sample));
      log(`    compute(6): ${run.passes.map((p) => formatMs(p.sample.appMs)).join(', ')} (first cold); raw reads ${run.passes.map((p) => formatMs(p.sample.rawMs)).join(', ')}`);
      log(`    today ${run.today}: ${run.total.toLocaleString('en')} due ${JSON.stringify(run.byKind)} ${JSON.stringify(run.byTiming)}; the coming days ${run.horizonCounts.join(', ')}; longest main-thread task ${formatMs(run.longTasks.longestMs)}`);
      log(`    a fresh worker after them: started ${formatMs(run.fresh.startMs)}, first compute ${formatMs(run.fresh.firstComputeMs)}, second ${formatMs(run.fresh.secondComputeMs)}`);
      log(`    raw reads by source: ${Object.entries(run.rawSources).map(([k, v]) => `${k} ${formatMs(v)}`).join(', ')}`);
      const breakdown = await call(appPage, 'careBreakdown', 3);
      log(`    on the page (best of 3), sizes ${JSON.stringify(breakdown.sizes)}:`);
      log(`      ${Object.entries(breakdown.steps).map(([k, v]) => `${k} ${formatMs(v)}`).join(', ')}`);
      careRun = { setup, run, breakdown };
      await quiet();
    }
    let satisfaction: RunRecord['satisfaction'];
    if (measures('satisfaction')) {
      log('  satisfaction figures…');
      const seed = await call(appPage, 'seedSurveyAnswers', SURVEY_ANSWERS, Date.now());
      log(`    seeded ${seed.answers.toLocaleString('en')} answers over ${seed.customers.toLocaleString('en')} customers (${seed.followUps.toLocaleString('en')} with a follow-up) and ${seed.complaints.toLocaleString('en')} complaints in ${seconds(seed.ms)}`);
      await quiet();
      const runs = await call(appPage, 'surveyFigures', SURVEY_PASSES);
      samples.push(...runs);
      for (const section of [...new Set(runs.map((s) => s.section))]) {
        const of = runs.filter((s) => s.section === section);
        log(`    ${section}: ${of.map((s) => formatMs(s.appMs)).join(', ')} (first cold); raw reads ${of.map((s) => formatMs(s.rawMs)).join(', ')}`);
      }
      satisfaction = { seed };
      await quiet();
    }
    let reports: RunRecord['reports'];
    if (measures('reports')) {
      log('  reports…');
      const run = await call(appPage, 'reportRuns', REPORT_PASSES);
      samples.push(...run.samples);
      for (const section of [...new Set(run.samples.map((s) => s.section))]) {
        const of = run.samples.filter((s) => s.section === section);
        log(`    ${section}: ${of.map((s) => formatMs(s.appMs)).join(', ')}; raw reads ${of.map((s) => formatMs(s.rawMs)).join(', ')}`);
      }
      log(`    raw rows read ${JSON.stringify(run.rawRows)}; longest main-thread task ${formatMs(run.longTasks.longestMs)}`);
      reports = { rawRows: run.rawRows, longTasks: run.longTasks };
      await quiet();
    }
    let segments: RunRecord['segments'];
    if (measures('segments')) {
      log('  segment builder…');
      const consent = await call(appPage, 'seedConsent', Date.now());
      log(`    seeded consent for ${consent.records.toLocaleString('en')} customers in ${seconds(consent.ms)}`);
      await quiet();
      const { samples: all, ...run } = await call(appPage, 'segmentRuns', SEGMENT_PASSES);
      const isRead = (s: PairedSample) => s.section === 'segments: facts read' || s.section === 'segments: members read again';
      const reads = all.filter(isRead);
      const counts = all.filter((s) => !isRead(s));
      samples.push(...counts);
      log(`    facts of ${run.customers.toLocaleString('en')} customers read: ${reads.map((s) => formatMs(s.appMs)).join(', ')} (first cold; then a whole-store campaign's members again by id); raw reads ${reads.map((s) => formatMs(s.rawMs)).join(', ')}`);
      const sorted = counts.map((s) => s.appMs).sort((a, b) => a - b);
      log(`    ${counts.length} counts (${run.steps} steps × ${SEGMENT_PASSES}): median ${formatMs(median(sorted))}, slowest ${formatMs(sorted[sorted.length - 1] ?? Number.NaN)}`);
      log(`    longest main-thread task: reading ${formatMs(run.longTasks.read.longestMs)}, counting ${formatMs(run.longTasks.count.longestMs)}`);
      segments = { consent, reads, ...run };
      await quiet();
    }
    let backups: RunRecord['backups'];
    if (measures('backup')) {
      log('  backup and restore, and dexie-export-import…');
      const [backup, rawBackup] = await pair(() => call(appPage, 'appBackup'), () => call(appPage, 'rawBackup'));
      log(`    backup ${seconds(backup.ms)} (${(backup.fileBytes / 2 ** 20).toFixed(1)} MiB file), exportDB ${seconds(rawBackup.ms)} (${(rawBackup.bytes / 2 ** 20).toFixed(1)} MiB)`);
      const [restore, rawRestore] = await pair(() => call(appPage, 'appRestore'), () => call(appPage, 'rawRestore'));
      log(`    restore ${seconds(restore.ms)} (check for the preview ${seconds(restore.checkMs)}), importDB ${seconds(rawRestore.ms)}`);
      log('  purchases during a backup…');
      const during = await call(appPage, 'purchasesDuringBackup');
      samples.push(...during.samples);
      log(`    ${during.samples.length} purchases during a ${seconds(during.backupMs)} backup (${during.outcome}), the longest waited ${formatMs(Math.max(...during.samples.map((s) => s.appMs)))}`);
      backups = { backup, rawBackup, restore, rawRestore, duringBackupMs: during.backupMs, duringOutcome: during.outcome };
    }
    const loadAfter = os.loadavg()[0]!;
    await context.close();
    context = null;

    let coldStarts: RunRecord['coldStarts'];
    if (measures('cold-start')) {
      log('  cold starts…');
      const launches: NonNullable<RunRecord['coldStarts']> = { app: [], empty: [], firstRead: [] };
      for (let i = 0; i < COLD_STARTS; i++) {
        const appLaunch = () => coldStartApp(profile, origins.appOrigin).then((r) => launches.app.push(r));
        const emptyLaunch = () => coldStartEmptyPage(profile, origins.appOrigin).then((r) => launches.empty.push(r));
        if (i % 2 === 0) await appLaunch().then(emptyLaunch);
        else await emptyLaunch().then(appLaunch);
        launches.firstRead!.push(await coldStartFirstRead(profile, origins.appOrigin));
      }
      log(`    app ${launches.app.map((c) => formatMs(c.launchMs)).join(', ')}; empty page ${launches.empty.map((c) => formatMs(c.launchMs)).join(', ')}`);
      log(`    navigation → rows ${launches.app.map((c) => formatMs(c.navigationMs)).join(', ')}; longest task before the rows ${launches.app.map((c) => formatMs(c.longestTaskMs)).join(', ')}`);
      const stepNames = [...new Set(launches.app.flatMap((c) => Object.keys(c.steps)))];
      log(`    the app's start-up steps (ms from navigation, median): ${stepNames.map((n) => `${n} ${formatMs(median(launches.app.map((c) => c.steps[n] ?? Number.NaN)))}`).join(' → ')}`);
      log(`    navigation → first IndexedDB read on a plain page ${launches.firstRead!.map((c) => `${formatMs(c.navigationMs)} (open ${formatMs(c.openMs)})`).join(', ')}`);
      coldStarts = launches;
    }
    let rollover: RunRecord['rollover'];
    if (measures('rollover')) {
      log('  the recomputation in the app at start-up (grouping switched), list on screen…');
      rollover = await rolloverInApp(profile, origins.appOrigin);
      log(`    ${seconds(rollover.ms)}, longest task ${formatMs(rollover.longestTaskMs)}; the worker alone ${seconds(rollover.workerAloneMs)}`);
    }

    return {
      index,
      chromium: chromiumVersion,
      prepared: raw ? { app, raw } : { app },
      imports: { customers: importedCustomers, purchases: importedPurchases },
      ...(rawCustomers && rawPurchases ? { rawWrites: { customers: rawCustomers, purchases: rawPurchases } } : {}),
      contacts,
      upgrade,
      store,
      samples,
      breakdown,
      ...(recompute ? { recompute } : {}),
      ...(pointsRun ? { points: pointsRun } : {}),
      ...(careRun ? { care: careRun } : {}),
      ...(satisfaction ? { satisfaction } : {}),
      ...(reports ? { reports } : {}),
      ...(segments ? { segments } : {}),
      ...(backups ? { backups } : {}),
      ...(coldStarts ? { coldStarts } : {}),
      ...(rollover ? { rollover } : {}),
      loadAverage: [loadBefore, loadAfter],
      quietWaitMs,
      ms: performance.now() - runStart,
    };
  } finally {
    await context?.close();
    await removeBackups();
    await rm(profile, { recursive: true, force: true });
  }
}

// ---------- figures ----------

const ITEM_OF_SECTION = (section: string): number | null =>
  section.startsWith('search:')
    ? 3
    : section.startsWith('customer page')
      ? 4
      : section.endsWith('during a backup')
        ? 10
        : section.startsWith('care:')
          ? 12
          : section.startsWith('satisfaction:')
          ? 13
          : section.startsWith('reports:') || section.startsWith('segments:')
          ? 14
          : section.startsWith('record a purchase with points')
          ? 11
          : section.startsWith('record a purchase')
          ? 5
          : null;

function importFigure(id: string, item: number, what: string, run: ImportRun, raw: RawWrite | undefined): Figure {
  return once({
    id,
    item,
    label: `import ${what} file (${run.rows.toLocaleString('en')} rows)`,
    unit: 'ms',
    app: run.totalMs,
    raw: raw?.ms ?? null,
    rawLabel: 'plain puts',
    parts: { load: run.phases.loadMs, preview: run.phases.previewMs, write: run.phases.writeMs },
    breakdown: { of: 'write', steps: run.writeSteps },
    detail: { rows: run.rows, ...run.counts },
  });
}

const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);

function recomputeFigures(recompute: NonNullable<RunRecord['recompute']>): Figure[] {
  const rawRead = mean(recompute.rawReads.map((r) => r.ms));
  return [
    once({
      id: FIGURE_IDS.recomputeRules,
      item: 6,
      label: `recompute tiers, stages, risk: new rules (${recompute.rules.changed.toLocaleString('en')} changed)`,
      unit: 'ms',
      app: recompute.rules.ms,
      raw: rawRead,
      rawLabel: 'read all + aggregate',
      detail: { customers: recompute.rules.customers, changed: recompute.rules.changed, purchasesRead: recompute.rawReads[0]!.records },
    }),
    once({
      id: FIGURE_IDS.recomputeAgain,
      item: 6,
      label: `recompute again, nothing new (${recompute.again.changed.toLocaleString('en')} changed)`,
      unit: 'ms',
      app: recompute.again.ms,
      raw: rawRead,
      rawLabel: 'read all + aggregate',
      detail: { customers: recompute.again.customers, changed: recompute.again.changed },
    }),
    once({
      id: FIGURE_IDS.recomputeStateFloor,
      item: null,
      label: `floor: the ${recompute.stateFloor.rows.toLocaleString('en')} changed state rows put plainly (${recompute.stateFloor.indexes} indexes)`,
      unit: 'ms',
      app: recompute.stateFloor.indexedMs,
      raw: rawRead,
      rawLabel: 'read all + aggregate',
      detail: { rows: recompute.stateFloor.rows, indexes: recompute.stateFloor.indexes },
    }),
    ...(recompute.rules.churnFit
      ? [
          once({
            id: FIGURE_IDS.churnFit,
            item: 15,
            label: `churn model fitted in the status worker (${recompute.rules.churnFit.customers.toLocaleString('en')} customers with a purchase), inside the rules recomputation`,
            unit: 'ms',
            app: recompute.rules.churnFit.ms,
            raw: null,
            detail: { customers: recompute.rules.churnFit.customers },
          }),
        ]
      : []),
    once({
      id: FIGURE_IDS.recomputeStateFloorPlain,
      item: null,
      label: `floor: the same rows put plainly into a store without indexes`,
      unit: 'ms',
      app: recompute.stateFloor.plainMs,
      raw: rawRead,
      rawLabel: 'read all + aggregate',
      detail: { rows: recompute.stateFloor.rows, indexes: 0 },
    }),
  ];
}

function pointsFigures(run: NonNullable<RunRecord['points']>): Figure[] {
  return [
    once({
      id: FIGURE_IDS.pointsRecompute,
      item: 11,
      label: `every points balance recomputed from the ledger (${run.seed.entries.toLocaleString('en')} entries, ${run.recompute.changed.toLocaleString('en')} changed)`,
      unit: 'ms',
      app: run.recompute.ms,
      raw: mean(run.rawReads.map((r) => r.ms)),
      rawLabel: 'read all entries + sum',
      detail: { customers: run.recompute.customers, changed: run.recompute.changed, entries: run.rawReads[0]!.records, longestTaskMs: run.recompute.longTasks.longestMs },
    }),
    once({
      id: FIGURE_IDS.pointsSeeded,
      item: null,
      label: `every points balance from a ledger seeded behind the app (${run.seeded.changed.toLocaleString('en')} points rows written)`,
      unit: 'ms',
      app: run.seeded.ms,
      raw: mean(run.rawReads.map((r) => r.ms)),
      rawLabel: 'read all entries + sum',
      detail: { customers: run.seeded.customers, changed: run.seeded.changed, entries: run.rawReads[0]!.records, longestTaskMs: run.seeded.longTasks.longestMs },
    }),
  ];
}

function careFigures(care: NonNullable<RunRecord['care']>): Figure[] {
  const { run, breakdown, setup } = care;
  const steps = breakdown.steps;
  const reads = Object.fromEntries(Object.entries(steps).filter(([k]) => k.startsWith('read: ') && k !== 'read: all (one transaction)'));
  const rules = Object.fromEntries(Object.entries(steps).filter(([k]) => k.startsWith('rules: ') && k !== 'rules: all (dueOn × 7)'));
  return [
    once({
      id: FIGURE_IDS.longTaskCare,
      item: 12,
      label: `longest main-thread task while the care worker computes (${run.passes.length} calls)`,
      unit: 'ms',
      app: run.longTasks.longestMs,
      raw: null,
      detail: {
        longTasks: run.longTasks.count,
        blockingMs: run.longTasks.blockingMs,
        coldMs: run.passes.find((p) => p.cold)?.sample.appMs ?? Number.NaN,
        freshWorkerStartMs: run.fresh.startMs,
        freshWorkerFirstComputeMs: run.fresh.firstComputeMs,
        freshWorkerSecondComputeMs: run.fresh.secondComputeMs,
        dueToday: run.total,
        ...Object.fromEntries(Object.entries(run.byKind).map(([k, v]) => [`today.${k}`, v])),
        ...Object.fromEntries(Object.entries(run.byTiming).map(([k, v]) => [`timing.${k}`, v])),
        solarBirthdays: setup.solarBirthdays,
        lunarBirthdays: setup.lunarBirthdays,
        openFollowUps: setup.openFollowUps,
      },
    }),
    once({
      id: FIGURE_IDS.careBreakdown,
      item: null,
      label: "care: the same pass on the page's thread, reads (one transaction) + rules of 7 days",
      unit: 'ms',
      app: (steps['read: all (one transaction)'] ?? Number.NaN) + (steps['rules: all (dueOn × 7)'] ?? Number.NaN),
      raw: Object.values(run.rawSources).reduce((a, b) => a + b, 0),
      rawLabel: 'raw reads',
      parts: { reads: steps['read: all (one transaction)'] ?? Number.NaN, rules: steps['rules: all (dueOn × 7)'] ?? Number.NaN },
      breakdown: { of: 'reads apart', steps: reads },
      detail: { ...Object.fromEntries(Object.entries(rules).map(([k, v]) => [k, v])), ...Object.fromEntries(Object.entries(breakdown.sizes).map(([k, v]) => [`rows.${k}`, v])) },
    }),
  ];
}

function segmentFigures(segments: NonNullable<RunRecord['segments']>): Figure[] {
  const [cold, again, members] = segments.reads;
  const read = (id: string, label: string, sample: PairedSample | undefined) =>
    once({ id, item: 14, label, unit: 'ms', app: sample?.appMs ?? Number.NaN, raw: sample?.rawMs ?? null, rawLabel: 'the same rows read plainly', detail: { customers: segments.customers, rawRows: segments.rawRows } });
  const { read: whileRead, count: whileCounted } = segments.longTasks;
  return [
    read(FIGURE_IDS.segmentsFactsCold, `segment builder: every customer's facts read (${segments.customers.toLocaleString('en')}), first, cold`, cold),
    read(FIGURE_IDS.segmentsFactsAgain, "segment builder: every customer's facts read, again", again),
    read(FIGURE_IDS.segmentsMembersAgain, "campaign start: every customer's facts read again by id (a campaign of the whole store)", members),
    once({
      id: FIGURE_IDS.longTaskSegments,
      item: 14,
      label: 'longest main-thread task while the segment facts are read and counted',
      unit: 'ms',
      app: Math.max(whileRead.longestMs, whileCounted.longestMs),
      raw: null,
      detail: {
        readLongestMs: whileRead.longestMs,
        readLongTasks: whileRead.count,
        readBlockingMs: whileRead.blockingMs,
        countLongestMs: whileCounted.longestMs,
        countLongTasks: whileCounted.count,
        countBlockingMs: whileCounted.blockingMs,
        consentSeeded: segments.consent.records,
      },
    }),
  ];
}

function backupFigures(backups: NonNullable<RunRecord['backups']>): Figure[] {
  return [
    once({
      id: FIGURE_IDS.backupExport,
      item: 7,
      label: `backup: read, send, gzip, write, verify (${backups.backup.records.toLocaleString('en')} records)`,
      unit: 'ms',
      app: backups.backup.ms,
      raw: backups.rawBackup.ms,
      rawLabel: 'dexie-export-import exportDB',
      detail: {
        fileMiB: backups.backup.fileBytes / 2 ** 20,
        payloadMiB: backups.backup.payloadBytes / 2 ** 20,
        rawExportMiB: backups.rawBackup.bytes / 2 ** 20,
        longestTaskMs: backups.backup.longTasks.longestMs,
      },
    }),
    once({
      id: FIGURE_IDS.backupRestore,
      item: 7,
      label: 'restore: read, check, import into staging, open, count',
      unit: 'ms',
      app: backups.restore.ms,
      raw: backups.rawRestore.ms,
      rawLabel: 'dexie-export-import importDB',
      detail: { previewCheckMs: backups.restore.checkMs, longestTaskMs: backups.restore.longTasks.longestMs },
    }),
  ];
}

function coldStartFigures(coldStarts: NonNullable<RunRecord['coldStarts']>): Figure[] {
  const appCold = coldStarts.app;
  const emptyCold = coldStarts.empty;
  return [
    once({
      id: FIGURE_IDS.coldStart,
      item: 8,
      label: 'cold start: launch → customer list rows',
      unit: 'ms',
      app: median(appCold.map((c) => c.launchMs)),
      raw: median(emptyCold.map((c) => c.launchMs)),
      rawLabel: 'empty page paint',
      detail: { launches: appCold.length },
    }),
    once({
      id: FIGURE_IDS.coldStartNavigation,
      item: 8,
      label: 'cold start: navigation → customer list rows',
      unit: 'ms',
      app: median(appCold.map((c) => c.navigationMs)),
      raw: median(emptyCold.map((c) => c.navigationMs)),
      rawLabel: 'empty page paint',
      detail: {
        firstPaintMs: median(appCold.map((c) => c.firstPaintMs)),
        longestTaskMs: median(appCold.map((c) => c.longestTaskMs)),
        // The app's start-up marks, ms from navigation (renderer/entry.ts names them).
        ...Object.fromEntries([...new Set(appCold.flatMap((c) => Object.keys(c.steps)))].map((n) => [`at:${n}`, median(appCold.map((c) => c.steps[n] ?? Number.NaN))])),
      },
    }),
    ...(coldStarts.firstRead?.length
      ? [
          once({
            id: FIGURE_IDS.coldStartFirstRead,
            item: 8,
            label: "cold start: navigation → the store's first read (a plain page)",
            unit: 'ms',
            app: median(coldStarts.firstRead.map((c) => c.navigationMs)),
            raw: median(emptyCold.map((c) => c.navigationMs)),
            rawLabel: 'empty page paint',
            detail: { openMs: median(coldStarts.firstRead.map((c) => c.openMs)), launchMs: median(coldStarts.firstRead.map((c) => c.launchMs)) },
          }),
        ]
      : []),
  ];
}

/** The figures of what the run measured (`--only` may have left parts out), in the order of a whole run. */
function runFigures(run: RunRecord): Figure[] {
  const { recompute, coldStarts, rollover } = run;
  const longest = (r: RecomputeRun) => r.longTasks.longestMs;
  const figures: Figure[] = [];
  // Without the raw baselines an import's time is no figure of its own; its longest task still is.
  if (run.rawWrites) {
    figures.push(
      importFigure(FIGURE_IDS.importCustomers, 1, 'customers', run.imports.customers, run.rawWrites.customers),
      importFigure(FIGURE_IDS.importPurchases, 2, 'purchases', run.imports.purchases, run.rawWrites.purchases),
    );
  }
  if (recompute) figures.push(...recomputeFigures(recompute));
  if (run.points) figures.push(...pointsFigures(run.points));
  if (run.care) figures.push(...careFigures(run.care));
  if (run.reports) {
    figures.push(
      once({
        id: FIGURE_IDS.longTaskReports,
        item: 14,
        label: `longest main-thread task while the reports worker computes (${REPORT_PASSES} calls of each report)`,
        unit: 'ms',
        app: run.reports.longTasks.longestMs,
        raw: null,
        detail: { longTasks: run.reports.longTasks.count, blockingMs: run.reports.longTasks.blockingMs, ...Object.fromEntries(Object.entries(run.reports.rawRows).map(([k, v]) => [`rawRows.${k}`, v])) },
      }),
    );
  }
  if (run.segments) figures.push(...segmentFigures(run.segments));
  if (run.upgrade) {
    figures.push(
      once({
        id: FIGURE_IDS.upgradeV7,
        item: null,
        label: `upgrade a version-5 store to version ${run.upgrade.version} (${run.upgrade.customers.toLocaleString('en')} customers)`,
        unit: 'ms',
        app: run.upgrade.ms,
        raw: null,
        detail: { customers: run.upgrade.customers, buildV5Ms: run.upgrade.buildMs },
      }),
    );
  }
  if (run.backups) figures.push(...backupFigures(run.backups));
  if (coldStarts) figures.push(...coldStartFigures(coldStarts));
  figures.push(
    once({
      id: FIGURE_IDS.longTaskImportCustomers,
      item: 9,
      label: 'longest main-thread task: customers import',
      unit: 'ms',
      app: run.imports.customers.longTasks.longestMs,
      raw: null,
      detail: { longTasks: run.imports.customers.longTasks.count, blockingMs: run.imports.customers.longTasks.blockingMs },
    }),
    once({
      id: FIGURE_IDS.longTaskImportPurchases,
      item: 9,
      label: 'longest main-thread task: purchases import',
      unit: 'ms',
      app: run.imports.purchases.longTasks.longestMs,
      raw: null,
      detail: { longTasks: run.imports.purchases.longTasks.count, blockingMs: run.imports.purchases.longTasks.blockingMs },
    }),
  );
  if (recompute) {
    figures.push(
      once({
        id: FIGURE_IDS.longTaskRecompute,
        item: 9,
        label: 'longest main-thread task: recomputation',
        unit: 'ms',
        app: Math.max(longest(recompute.rules), longest(recompute.again)),
        raw: null,
        detail: { longTasks: recompute.rules.longTasks.count + recompute.again.longTasks.count },
      }),
    );
  }
  if (rollover) {
    figures.push(
      once({
        id: FIGURE_IDS.rolloverInApp,
        item: 6,
        label: 'recomputation in the app at start-up, list shown (grouping switched)',
        unit: 'ms',
        app: rollover.ms,
        raw: rollover.workerAloneMs,
        rawLabel: 'the worker alone',
      }),
      once({
        id: FIGURE_IDS.longTaskRollover,
        item: 9,
        label: 'longest main-thread task: recomputation in the app, list shown',
        unit: 'ms',
        app: rollover.longestTaskMs,
        raw: null,
        detail: { longTasks: rollover.longTasks, rolloverMs: rollover.ms, longestStartUpTaskMs: rollover.longestStartUpTaskMs },
      }),
    );
  }
  if (coldStarts) {
    figures.push(
      once({
        id: FIGURE_IDS.heapList,
        item: 9,
        label: 'JS heap, customer list shown',
        unit: 'MB',
        app: median(coldStarts.app.map((c) => c.heapSettledMB)),
        raw: null,
        detail: { atFirstRowMB: median(coldStarts.app.map((c) => c.heapAtFirstRowMB)), afterGcMB: median(coldStarts.app.map((c) => c.heapAfterGcMB)) },
      }),
    );
  }
  figures.push(...latencyFigures(run.samples, ITEM_OF_SECTION));
  return figures;
}

/** Items first in the issue's order, then the rows that explain them (list, tag filter) where they were measured. */
function ordered(figures: Figure[]): Figure[] {
  const rank = (f: Figure) => (f.item === null ? 3.5 : f.item);
  return figures.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
}

// ---------- machine and versions ----------

async function packageVersion(name: string): Promise<string> {
  const file = name === '.' ? path.join(ROOT, 'package.json') : path.join(ROOT, 'node_modules', name, 'package.json');
  return (JSON.parse(await readFile(file, 'utf8')) as { version: string }).version;
}

function machine() {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  };
}

// ---------- main ----------

async function main(): Promise<void> {
  const started = performance.now();
  const options = parseOptions(process.argv.slice(2));
  if (options.build) build();
  const loadAtStart = os.loadavg();
  const servers = await serve(APP_DIST, PAGE_DIST);
  const runs: RunRecord[] = [];
  try {
    for (let i = 0; i < options.runs; i++) runs.push(await oneRun(options, servers, i));
  } finally {
    await servers.close();
  }
  const loadAtEnd = os.loadavg();

  const perRun = runs.map((r) => ordered(runFigures(r)));
  const figures = combineRuns(perRun);
  const targets = checkTargets(figures);
  const first = runs[0]!;
  const results = {
    schema: 2,
    date: new Date().toISOString(),
    machine: { ...machine(), loadAverage: { start: loadAtStart, end: loadAtEnd } },
    versions: {
      app: await packageVersion('.'),
      node: process.version,
      chromium: first.chromium,
      dexie: await packageVersion('dexie'),
      playwright: await packageVersion('@playwright/test'),
      vite: await packageVersion('vite'),
    },
    options: { ...options, out: path.relative(ROOT, path.resolve(ROOT, options.out)) },
    dataset: {
      customers: first.prepared.app.customers,
      purchases: first.prepared.app.purchases,
      contacts: first.prepared.app.contacts,
      generatorPasses: first.prepared.app.extraPasses + 1,
      customersFileMiB: first.prepared.app.customersFileBytes / 2 ** 20,
      purchasesFileMiB: first.prepared.app.purchasesFileBytes / 2 ** 20,
      tokensPerCustomer: first.prepared.raw?.tokensPerCustomer ?? null,
      storeAfterImport: first.store,
      probes: first.prepared.app.probes.map((p) => ({ name: p.name, phone: p.phoneDigits })),
    },
    notes: [
      'Figures: once-per-run figures are medians across runs; latency figures are p50/p95 within each run, then the median across runs. Ratios are app ÷ raw of those medians.',
      'Imports: the app is the import worker driven as the import screen drives it (load = bytes to the worker, decoded and parsed; preview = checked and planned; write = the one transaction); raw = the same records put plainly, `chunk` per transaction, into a database of the same schema on a second origin (its own database file).',
      'Search and tag filter: repository.openList (as the list opens, by last update) then getMany of the first 40 ids, or for a tag too large to read at once (paged) the table\'s first page, listPage with the tag (walking the sort\'s order); its count apart (countMatching, read once the first rows are shown). Raw: getAllKeys on the index range (capped like the app) then 40 gets; the count: IDBIndex.count of the tag, on the same database.',
      'Page in the middle: timed after "list: order read ahead" (customers.warmOrder, what the list screen starts in the background once its first rows are shown; raw: getAllKeys of the same index), then listPage at half the count; raw: a cursor advanced to the same offset.',
      'Customer page: customers.get, settings.read, bookkeeping.read, customers.tierHistory and readTimelinePage(50) at once (what the page mounts); raw: the customer and the newest 51 purchases and contacts from their indexes.',
      'Record a purchase: purchases.record (purchase, figures, status, tier history, catalog in one transaction); raw: one put of a purchase in its own transaction.',
      'Points (issue 15): one ledger entry per purchase of the dataset, put plainly over every customer (untimed); the app: points.recomputeAll (2,000 points rows a transaction, their entries as one key range, the points derived, the rows that differ written); raw: every entry by getAll in key order, 10,000 per request, summed per customer (the mean of a read before and one after). The target figure is the recomputation over points already derived (what the repair does: every balance derived again and checked); the seeded figure is the first pass, which writes every customer\'s points row (a plain put of 10,000 narrow rows costs about as much as reading 100,000 entries here). Record a purchase with points: purchases.record paying up to 10 points; raw: one put.',
      'Reports (issue 18): reportsWorker().report(name, a year by month against the 12 months before and a year earlier) on the bench page, a real module worker as the screens start it (the very first call cold), 5 calls of each report: sales (salesDays), customers (every customer\'s visit days from visitBuckets: new against returning, repurchase, bought again, cohorts, frequency), churn (churnByMonth over 24 months), tiers and stages (index counts by tier, stage and RFM score, the tier history of the months by `at`, the churn series of the months), loyalty (the points per month, the points rows with a balance). The worker keeps its read of the buckets and the churn series while no write is recorded (the audit trail\'s last number), as when the screen asks its reports together: after the first customers call the later calls reuse the read, and tiers and stages take the churn report\'s months; so p95 (of 5) is each report\'s first call. Raw: getAll of the rows each reads (for tiers and stages the buckets and the months\' tier history; the counts are not repeated), nothing computed. The longest task: the bench page\'s main thread during the app\'s calls only.',
      'Segment builder (issue 18): consent seeded first with plain puts of consentState rows (the customers file has none; each channel asked 6 times in 10, granted 7 times in 10 of those), untimed. The facts read: readSegmentFacts (what the builder reads when it opens: the consent index\'s keys per channel, then state rows 500 at a time with the records and points of their id range), twice, the first cold; raw: the same rows by getAll in one transaction, 500 a request. A campaign\'s start reads its members\' facts again by id in its transaction (readSegmentFactsOf: bulkGet of the four tables, 500 ids a transaction), measured for every customer (a campaign of the whole store), against the same raw read. The count: three segments built a change at a time as an owner builds them (drifting regulars: tiers, stages, churn risk a chip at a time, then sms consent; big spenders to win back: the last visit\'s days and the total spent typed a digit at a time, then wechat consent; this month\'s birthdays: the opening condition removed, months, tags, sms consent), every step counted as the builder counts it (segmentMembers over the facts read, on the page\'s thread, each step an event of its own), 3 passes; raw: one plain pass over as many rows. The longest task: the bench page\'s main thread during the app\'s reads and counts.',
      "Care reminders (issue 16): setup (untimed): the seeded contacts were put behind the app, so recomputeAllContacts derives each state row's last contact and last touch once; the generated customers carry birthdays (the demo generator: 3 in 4, a fifth of them lunar) keyed by the import, and the contacts' follow-ups (open ones ahead, most past ones done); points expire only when the points part ran before. The app: careWorker().compute(6) on the bench page, a real module worker as the app starts it (the first call cold: the worker starts and opens its database), what is due today and each of the next six days, through the indexes (birthdays by key, call-backs as index keys per tier, follow-ups by day, points by expiry, the marks) and the reminder sources; 5 calls per run, p50/p95 of them. Raw: the same index reads plainly (getAll per birthday key, openKeyCursor per tier, getAll of follow-ups and a get of each one's state row, getAll of points, the marks), nothing computed. The longest task: the bench page's main thread during the app's calls only. A second worker, started after the calls (the store's pages warm), splits the cold call: its start to a first answer, its first compute, its second. The breakdown: the same reads and the rules of the seven days on the page's thread (best of 3), each source apart.",
      'Recomputation: runStatusJob on the app\'s status worker (recomputeAllStatus); raw: every purchase by getAll in key order, 10,000 per request, and a per-customer count, total and last purchase (the mean of a read before and one after). Its floor: the rows the recomputation changed, each given another customer\'s derived values, put plainly 5,000 per transaction into a scratch copy of customerState (filled with every row beforehand, untimed), with the store\'s indexes and without; a recomputation that reads every purchase can spend at most 0.5x the raw read on writing and stay within 1.5x.',
      "Upgrade to today's version: a version-5 database of the run's customers (one in 50 in the trash) built on the app page, then opened with the app's RegularsDatabase, which runs versions 6 (settings apart), 7 (every customer's derived values into customerState) and on (8: purchase indexes dropped); opening time only.",
      'The store\'s first read: Chromium launched on the run\'s profile, the one-word page on the app\'s origin, then indexedDB.open of the app\'s database (no version: no upgrade) and the first key of [isDeleted+updatedAt]; from navigation. What IndexedDB alone takes before any row can show.',
      'Cold start: Chromium launched on the run\'s profile, the built app (npm run build:renderer) with the e2e bridge, until the first customer row with its record is painted; raw: the same launch opening a one-word page, until its first paint. Launch figures include starting Chromium.',
      'Longest main-thread task: the Long Tasks API on the page that started the job (imports and recomputation run in the app\'s workers), and on the real app, from the customer list showing until its start-up recomputation (the daily rollover after a switch of grouping, so every customer changes) is done.',
      'Backup: runBackup as "Back up now" calls it: the backup worker reads every table (slices of at most 250 ms, read again when a write came between them), the real main-process service (over a Playwright binding, as in e2e) gzips, hashes, writes, fsyncs, renames and reads the file back; raw: dexie-export-import exportDB of the same database to a Blob in memory (no file, no compression, no check).',
      'Restore: restoreBackup up to the swap, without the safety backup (one more backup) and without moving the pointer: main reads and checks the file piece by piece, the worker fills a staging database at the backup\'s version, which is opened at today\'s version and counted; the preview\'s full check before it is shown apart. Raw: dexie-export-import importDB of its export into a new database.',
      'A purchase during a backup: a backup runs while purchases.record is called once a second (each followed by a plain put), until the backup ends; the figure is each call\'s wait.',
      'Heap: CDP Runtime.getHeapUsage (used) of the app page 3 s after the first row showed.',
      'capped: keystrokes the app answered with its first matches only ("type more"), per run.',
    ],
    figures,
    targets,
    searchBreakdown: first.breakdown,
    runs: runs.map((r, i) => ({
      index: r.index,
      ms: r.ms,
      quietWaitMs: r.quietWaitMs,
      loadAverage: r.loadAverage,
      setup: { generateAppPageMs: r.prepared.app.buildMs, generateRawPageMs: r.prepared.raw?.buildMs ?? null, seedContacts: r.contacts },
      imports: r.imports,
      rawWrites: r.rawWrites,
      recompute: r.recompute,
      care: r.care,
      backups: r.backups,
      coldStarts: r.coldStarts,
      rollover: r.rollover,
      figures: perRun[i],
    })),
  };
  const out = path.resolve(ROOT, options.out);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify(results, null, 2) + '\n');

  const m = results.machine;
  const lines = [
    `Regulars bench — ${options.customers.toLocaleString('en')} customers, ${options.purchases.toLocaleString('en')} purchases, ${options.contacts.toLocaleString('en')} contacts; ` +
      `${options.runs} run(s); Chromium ${first.chromium}; ${m.cores} × ${m.cpuModel}, ${m.memoryGiB} GiB; load ${loadAtStart[0]!.toFixed(2)} → ${loadAtEnd[0]!.toFixed(2)}; ${results.date}`,
    '',
    renderTables(figures, targets),
  ];
  if (first.breakdown.length) {
    lines.push('', 'Where one app search spends its time (run 1, single queries):');
    for (const b of first.breakdown) {
      const steps = b.steps.map((s) => `${s.step} ${formatMs(s.ms)}`).join(' → ');
      lines.push(`  "${b.query}": ${b.hits} hits, ${b.path}: ${steps}; total ${formatMs(b.totalMs)} (the whole "${b.terms[0] ?? ''}" range: ${b.uncappedEntries} entries, ${formatMs(b.uncappedMs)})`);
    }
  }
  lines.push(
    '',
    `Setup (run 1): store generated in ${seconds(first.prepared.app.buildMs)} (app page, with the files)${first.prepared.raw ? ` and ${seconds(first.prepared.raw.buildMs)} (raw page)` : ''}; ` +
      `${first.contacts.records.toLocaleString('en')} contacts seeded in ${seconds(first.contacts.ms)}; waited ${seconds(first.quietWaitMs)} for a quiet machine.`,
    `Written to ${path.relative(ROOT, out)}; the bench took ${seconds(performance.now() - started)}.`,
  );
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
