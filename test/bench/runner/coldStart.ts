/// <reference lib="dom" />
// (The functions passed to page.evaluate and addInitScript run in the page, and are checked as such.)
// Items 8 and 9 in the real app: the built renderer, launched in Chromium on the profile the bench page
// filled, with the e2e harness's bridge to the real main-process handlers (as test/e2e/fixtures.ts).
//
// Cold start: Chromium launched on the profile, the app opened, until the first customer row is on
// screen (its record loaded: the row has the customer's name), against Chromium launched on the same
// profile opening a one-word page, until its first paint. Both are measured from the launch (Node's
// clock until navigation starts, then the page's own clock) and from navigation alone.
// The rollover: the app opened after the owner switched the grouping, with its last recomputation
// "long ago", so that it starts the daily rollover in its status worker at start-up and every customer
// changes group; its main thread is watched from the moment the list is on screen until it is done.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createIpcHandler } from '../../../electron/ipc/handlers';
import { createWebServices } from '../../../electron/services';
import { chromiumLaunchOptions } from '../../../playwright.config';
import { DATABASE_NAME } from '../../../renderer/db/database';
import { DEFAULT_SCHEDULE_SETTINGS } from '../../../shared/domain/backupSchedule';
import { call, log, openBenchPage } from './bench';
import { EMPTY_PAGE_PATH } from './server';
import { waitForQuiet } from './quiet';

const SYSTEM_LOCALE = 'zh-CN';
const VIEWPORT = { width: 1280, height: 820 };
const FIRST_ROW = '[data-testid="customer-row"][aria-label]';
/** How long after the first row the heap is read again ("once the list is shown", settled). */
const HEAP_SETTLE_MS = 3_000;
const ROLLOVER_TIMEOUT_MS = 30 * 60_000;

interface ProbeState {
  firstRowAt?: number;
  firstPaintAt?: number;
  longTasks: [number, number][];
}

declare global {
  interface Window {
    __benchColdStart?: ProbeState;
  }
}

/**
 * Runs in the page before its own scripts: records the first paint, the moment the first customer row
 * with its record is painted (a frame after it is in the DOM), and every long task.
 */
function installProbe(rowSelector: string): void {
  const state: ProbeState = { longTasks: [] };
  window.__benchColdStart = state;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (state.firstPaintAt === undefined) state.firstPaintAt = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  const observer = new MutationObserver(() => {
    if (!document.querySelector(rowSelector)) return;
    observer.disconnect();
    // After the frame that shows it: rAF runs before that frame's paint, the timer after it.
    requestAnimationFrame(() => setTimeout(() => (state.firstRowAt = performance.now()), 0));
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
}

/** The real main-process services behind the page (as in e2e), with a data folder of their own; returns its removal. */
export async function withBridge(context: BrowserContext, appOrigin: string): Promise<() => Promise<void>> {
  const dataFolder = await mkdtemp(path.join(tmpdir(), 'regulars-bench-data-'));
  const services = createWebServices({ dataFolder, version: '0.1.0-bench', systemLocale: SYSTEM_LOCALE, log: () => undefined });
  // A store without a backup gets its first automatic backup at start-up: that would run through every
  // launch measured here (none lasts long enough to finish it). A backup's effect is issue 6's item 10.
  const configured = await services.backup.configure({ schedule: { ...DEFAULT_SCHEDULE_SETTINGS, enabled: false } });
  if (!configured.ok) throw new Error(`could not turn automatic backups off: ${configured.reason}`);
  const handler = createIpcHandler(services, { trustedOrigins: [appOrigin] });
  await context.exposeBinding('__regularsInvoke', (source, channel: unknown, payload: unknown) => handler({ channel, payload, senderUrl: source.frame.url() }));
  return () => rm(dataFolder, { recursive: true, force: true });
}

async function launch(profile: string, appOrigin: string): Promise<{ context: BrowserContext; page: Page; cleanUp: () => Promise<void> }> {
  const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions, headless: true, locale: SYSTEM_LOCALE, viewport: VIEWPORT });
  const removeData = await withBridge(context, appOrigin);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => log(`  app page error: ${e.message}`));
  return {
    context,
    page,
    cleanUp: async () => {
      await context.close();
      await removeData();
    },
  };
}

const state = (page: Page) => page.evaluate(() => window.__benchColdStart!);

export interface ColdStart {
  /** From launching Chromium to the mark (the first row, or the empty page's first paint). */
  launchMs: number;
  /** From navigation start to the mark. */
  navigationMs: number;
}

export interface AppColdStart extends ColdStart {
  /** The app's first paint (its loading state), from navigation start. */
  firstPaintMs: number;
  /** JS heap in use (CDP Runtime.getHeapUsage), MB: as the first row shows, a few seconds later, and after a GC. */
  heapAtFirstRowMB: number;
  heapSettledMB: number;
  heapAfterGcMB: number;
  longestTaskMs: number;
  /** The app's start-up marks (`regulars:*`, see renderer/entry.ts), ms from navigation. */
  steps: Record<string, number>;
}

const MB = 1024 * 1024;

async function heapUsedMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize / MB;
  } finally {
    await cdp.detach();
  }
}

async function collectGarbage(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
  } finally {
    await cdp.detach();
  }
}

export async function coldStartApp(profile: string, appOrigin: string): Promise<AppColdStart> {
  const launchedAt = performance.now();
  const { page, cleanUp } = await launch(profile, appOrigin);
  try {
    await page.addInitScript(installProbe, FIRST_ROW);
    const navigatingAt = performance.now();
    // The customer list's address: the app opens on Today without one, and these figures are the list's rows.
    await page.goto(`${appOrigin}/#/customers`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__benchColdStart?.firstRowAt !== undefined, undefined, { polling: 50, timeout: 120_000 });
    const heapAtFirstRowMB = await heapUsedMB(page);
    const probe = await state(page);
    // The first time each step was marked (a mark in a render repeats on later renders).
    const steps = Object.fromEntries(
      (await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('regulars:')).map((m) => [m.name.slice('regulars:'.length), m.startTime] as const))).reverse(),
    );
    await page.waitForTimeout(HEAP_SETTLE_MS);
    const heapSettledMB = await heapUsedMB(page);
    await collectGarbage(page);
    const heapAfterGcMB = await heapUsedMB(page);
    const navigationMs = probe.firstRowAt!;
    return {
      launchMs: navigatingAt - launchedAt + navigationMs,
      navigationMs,
      firstPaintMs: probe.firstPaintAt ?? Number.NaN,
      heapAtFirstRowMB,
      heapSettledMB,
      heapAfterGcMB,
      longestTaskMs: probe.longTasks.filter(([start]) => start <= navigationMs).reduce((m, [, d]) => Math.max(m, d), 0),
      steps,
    };
  } finally {
    await cleanUp();
  }
}

/**
 * Chromium launched on the profile, opening the one-word page on the app's origin; `mark` waits for the
 * moment that ends the measure and gives it on the page's clock (from navigation), with what else it saw.
 */
async function plainPageLaunch<T>(profile: string, appOrigin: string, mark: (page: Page) => Promise<{ at: number; seen: T }>): Promise<ColdStart & { seen: T }> {
  const launchedAt = performance.now();
  const { page, cleanUp } = await launch(profile, appOrigin);
  try {
    await page.addInitScript(installProbe, FIRST_ROW);
    const navigatingAt = performance.now();
    await page.goto(`${appOrigin}${EMPTY_PAGE_PATH}`, { waitUntil: 'commit' });
    const { at, seen } = await mark(page);
    return { launchMs: navigatingAt - launchedAt + at, navigationMs: at, seen };
  } finally {
    await cleanUp();
  }
}

export async function coldStartEmptyPage(profile: string, appOrigin: string): Promise<ColdStart> {
  const { launchMs, navigationMs } = await plainPageLaunch(profile, appOrigin, async (page) => {
    await page.waitForFunction(() => window.__benchColdStart?.firstPaintAt !== undefined, undefined, { polling: 50, timeout: 60_000 });
    return { at: (await state(page)).firstPaintAt!, seen: null };
  });
  return { launchMs, navigationMs };
}

/**
 * The floor IndexedDB sets: the one-word page on the app's origin opens the app's database (no version
 * asked, so no upgrade) and reads the first key of the list's first sort, keys only; until that read.
 */
export async function coldStartFirstRead(profile: string, appOrigin: string): Promise<ColdStart & { openMs: number }> {
  const { launchMs, navigationMs, seen } = await plainPageLaunch(profile, appOrigin, (page) =>
    page.evaluate(async (name) => {
      const openedFrom = performance.now();
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('open failed'));
      });
      const openMs = performance.now() - openedFrom;
      try {
        await new Promise<void>((resolve, reject) => {
          const c = db.transaction('customers').objectStore('customers').index('[isDeleted+updatedAt]').openKeyCursor(null, 'prev');
          c.onsuccess = () => resolve();
          c.onerror = () => reject(c.error ?? new Error('read failed'));
        });
      } finally {
        db.close();
      }
      return { at: performance.now(), seen: openMs };
    }, DATABASE_NAME),
  );
  return { launchMs, navigationMs, openMs: seen };
}

export interface RolloverInApp {
  /** From the list on screen until the rollover had recorded today as the day of its last recomputation (checked every 250 ms). */
  ms: number;
  /**
   * The same work with no app open: the same switch of grouping, recomputed by the status worker started
   * from the bench page (issue 13: the in-app recomputation takes at most 1.2x this).
   */
  workerAloneMs: number;
  /** Long tasks while the list was on screen and the rollover ran. */
  longestTaskMs: number;
  longTasks: number;
  /** The longest task before the list showed (start-up, not the rollover), for comparison. */
  longestStartUpTaskMs: number;
}

/** Today's local day in the page, and the day the last recomputation recorded. */
async function recomputedToday(page: Page): Promise<boolean> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('open failed'));
    });
    try {
      const row = await new Promise<{ value?: unknown } | undefined>((resolve, reject) => {
        const g = db.transaction('bookkeeping').objectStore('bookkeeping').get('statusRecomputedOn');
        g.onsuccess = () => resolve(g.result as { value?: unknown } | undefined);
        g.onerror = () => reject(g.error ?? new Error('read failed'));
      });
      const d = new Date();
      const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      return row?.value === today;
    } finally {
      db.close();
    }
  }, DATABASE_NAME);
}

/**
 * The daily rollover as the app starts it (useDailyRollover at start-up, the status worker), with the
 * customer list on screen: the longest main-thread task from navigation until it is done.
 */
export async function rolloverInApp(profile: string, appOrigin: string): Promise<RolloverInApp> {
  const { context, page, cleanUp } = await launch(profile, appOrigin);
  try {
    const bench = await openBenchPage(context, appOrigin, page);
    await call(bench, 'prepareHeavyRollover');
    await page.addInitScript(installProbe, FIRST_ROW);
    // The customer list's address: the app opens on Today without one, and these figures are the list's rows.
    await page.goto(`${appOrigin}/#/customers`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__benchColdStart?.firstRowAt !== undefined, undefined, { polling: 50, timeout: 120_000 });
    const started = Date.now();
    while (!(await recomputedToday(page))) {
      if (Date.now() - started > ROLLOVER_TIMEOUT_MS) throw new Error('the rollover did not finish');
      await page.waitForTimeout(250);
    }
    const doneAt = await page.evaluate(() => performance.now());
    const probe = await state(page);
    const listAt = probe.firstRowAt!;
    const during = probe.longTasks.filter(([start, duration]) => start + duration > listAt && start <= doneAt);
    const before = probe.longTasks.filter(([start]) => start < listAt);
    const longestOf = (tasks: [number, number][]) => tasks.reduce((m, [, d]) => Math.max(m, d), 0);
    // The app leaves (the bench page takes its tab). Back to the grouping the app started from (untimed),
    // then the app's very switch again, timed: the same rows change, in the same direction, no list on screen.
    const alonePage = await openBenchPage(context, appOrigin, page);
    await call(alonePage, 'prepareHeavyRollover');
    await call(alonePage, 'recomputeStatus');
    await waitForQuiet();
    await call(alonePage, 'prepareHeavyRollover');
    const alone = await call(alonePage, 'recomputeStatus');
    return { ms: doneAt - listAt, workerAloneMs: alone.ms, longestTaskMs: longestOf(during), longTasks: during.length, longestStartUpTaskMs: longestOf(before) };
  } finally {
    await cleanUp();
  }
}
