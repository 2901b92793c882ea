// npm run bench: measures Regulars at the scale of a large store in headless Chromium, through the
// app's own code (test/bench/page.ts), beside raw IndexedDB doing the same work in the same run.
//
//   npm run bench                      100,000 customers, 1 run   → bench/results.json
//   npm run bench -- --quick           10,000 customers           → bench/results-10000.json
//   npm run bench -- --customers N --runs K --passes P --seed S --out FILE --skip-build
//
// Each run gets a fresh Chromium profile on disk (IndexedDB in an incognito context lives in memory,
// which would flatter every figure). After each large write the runner waits until the machine is
// quiet, because Chromium compacts its database in the background for several seconds.
import { chromium, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '../../playwright.config';
import { BENCH_GLOBAL, median, stats, type BenchApi, type PairedSample, type SearchBreakdown, type SeedPrepared, type Stats, type WriteResult } from './protocol';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = path.join(ROOT, '.tmp', 'bench-dist');
const FULL_CUSTOMERS = 100_000;
const QUICK_CUSTOMERS = 10_000;
/** USER_HZ: the unit of CPU times in /proc on Linux. */
const CLOCK_TICKS = 100;

// ---------- options ----------

interface Options {
  customers: number;
  runs: number;
  passes: number;
  seed: number;
  chunk: number;
  out: string;
  build: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const int = (name: string, fallback: number): number => {
    const v = value(name);
    if (v === undefined) return fallback;
    const n = Number(v.replace(/_/g, ''));
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} needs a positive whole number, got "${v}"`);
    return n;
  };
  const known = new Set(['--customers', '--runs', '--passes', '--seed', '--chunk', '--out', '--quick', '--skip-build']);
  for (const arg of argv) if (arg.startsWith('--') && !known.has(arg)) throw new Error(`unknown option ${arg}`);
  const customers = int('--customers', argv.includes('--quick') ? QUICK_CUSTOMERS : FULL_CUSTOMERS);
  const out = value('--out') ?? (customers === FULL_CUSTOMERS ? 'bench/results.json' : `bench/results-${customers}.json`);
  return {
    customers,
    runs: int('--runs', 1),
    passes: int('--passes', 2),
    seed: int('--seed', 20261123),
    chunk: int('--chunk', 5_000),
    out: path.resolve(ROOT, out),
    build: !argv.includes('--skip-build'),
  };
}

const log = (line: string) => process.stderr.write(`${line}\n`);

// ---------- build and serve the page ----------

function buildPage(): void {
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--configLoader', 'bundle', '--config', 'test/bench/vite.config.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error('vite build of the bench page failed');
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.map': 'application/json', '.css': 'text/css' };

async function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.join(DIST, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(DIST + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    stat(file).then(
      (s) => {
        if (!s.isFile()) throw new Error('not a file');
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(res);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}

// ---------- waiting for a quiet machine ----------

/** CPU time (clock ticks) used so far by this process's descendants: the Chromium it launched. */
async function chromiumTicks(): Promise<number | null> {
  let entries: string[];
  try {
    entries = (await readdir('/proc')).filter((e) => /^\d+$/.test(e));
  } catch {
    return null;
  }
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const pid of entries) {
    try {
      const text = await readFile(`/proc/${pid}/stat`, 'utf8');
      // The command name (in parentheses) may hold spaces: split after its closing parenthesis.
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(pid), Number(fields[1]));
      ticks.set(Number(pid), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const [pid, t] of ticks) {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p === process.pid) {
        total += t;
        break;
      }
    }
  }
  return total;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits at least `minMs`, then until Chromium (every process this runner started) has used under a
 * tenth of a core for two one-second windows in a row, or `maxMs` has passed. Another program's load
 * does not count (it shows in the results' load average instead). Without /proc it waits `maxMs / 3`.
 */
async function waitForQuiet(minMs = 3_000, maxMs = 60_000): Promise<number> {
  const start = Date.now();
  if ((await chromiumTicks()) === null) {
    await sleep(maxMs / 3);
    return Date.now() - start;
  }
  await sleep(minMs);
  let quietWindows = 0;
  while (Date.now() - start < maxMs && quietWindows < 2) {
    const a = (await chromiumTicks())!;
    const windowStart = Date.now();
    await sleep(1_000);
    const b = (await chromiumTicks())!;
    const cores = (b - a) / CLOCK_TICKS / ((Date.now() - windowStart) / 1000);
    quietWindows = cores < 0.1 ? quietWindows + 1 : 0;
  }
  return Date.now() - start;
}

// ---------- one run ----------

interface RunResult {
  prepared: SeedPrepared;
  write: WriteResult;
  quietMs: number;
  /** The machine's 1-minute load average when reads began and when they ended (other programs show here). */
  loadAverage: [number, number];
  samples: PairedSample[];
  breakdown: SearchBreakdown[];
  chromium: string;
}

/** Calls one function of the page's BenchApi (window.regularsBench) and returns its answer. */
async function call<K extends keyof BenchApi>(page: Page, method: K, ...args: Parameters<BenchApi[K]>): Promise<Awaited<ReturnType<BenchApi[K]>>> {
  return page.evaluate(
    // Runs in the page: only the arguments cross over, so the global's name is passed in too.
    async ([name, m, a]) => {
      const api = (globalThis as unknown as Record<string, BenchApi | undefined>)[name];
      if (!api) throw new Error('bench page not ready');
      return (api[m] as (...x: unknown[]) => Promise<unknown>)(...a);
    },
    [BENCH_GLOBAL, method, args] as const,
  ) as Promise<Awaited<ReturnType<BenchApi[K]>>>;
}

async function oneRun(url: string, options: Options, index: number): Promise<RunResult> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'regulars-bench-'));
  const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions, headless: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => log(`  page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') log(`  page console: ${m.text()}`);
    });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    const chromiumVersion = context.browser()?.version() ?? 'unknown';

    log(`run ${index + 1}/${options.runs}: generating ${options.customers.toLocaleString('en')} customers…`);
    const prepared = await call(page, 'prepare', { customers: options.customers, seed: options.seed, chunk: options.chunk });
    log(`  built in ${(prepared.buildMs / 1000).toFixed(1)} s, ${prepared.tokensPerCustomer.toFixed(1)} search tokens per customer`);

    const write = await call(page, 'write');
    log(`  written: app ${(write.appMs / 1000).toFixed(1)} s, raw ${(write.rawMs / 1000).toFixed(1)} s; waiting for the machine to go quiet…`);
    const quietMs = await waitForQuiet();
    await call(page, 'release');

    const loadBefore = os.loadavg()[0]!;
    log(`  search as you type… (load average ${loadBefore.toFixed(2)})`);
    const samples = await call(page, 'search', options.passes);
    log('  list…');
    samples.push(...(await call(page, 'list', 3 * options.passes)));
    log('  tag filter…');
    samples.push(...(await call(page, 'tags', options.passes)));

    const probe = prepared.probes[0];
    const queries = probe
      ? [...new Set(probe.sequences.flatMap((s) => [s.keystrokes[0]!, s.keystrokes[s.keystrokes.length - 1]!]))]
      : [];
    const breakdown = index === 0 ? await call(page, 'breakdown', queries) : [];
    return { prepared, write, quietMs, loadAverage: [loadBefore, os.loadavg()[0]!], samples, breakdown, chromium: chromiumVersion };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

// ---------- figures ----------

interface LatencyRow {
  section: string;
  samplesPerRun: number;
  app: { p50: number; p95: number; max: number };
  raw: { p50: number; p95: number; max: number };
  ratio: { p50: number; p95: number };
  hits: { min: number; max: number };
  /** Samples per run where the app answered a too-broad search with its first matches only (median across runs). */
  truncated: number;
  target: string | null;
  meetsTarget: boolean | null;
}

interface OnceRow {
  id: string;
  label: string;
  appMs: number;
  rawMs: number | null;
  ratio: number | null;
  target: string | null;
  meetsTarget: boolean | null;
}

const SEARCH_P95_MS = 50;
const SEARCH_RATIO = 3;
const WRITE_RATIO = 1.2;

function latencyRows(runs: RunResult[]): LatencyRow[] {
  const sections: string[] = [];
  for (const s of runs[0]!.samples) if (!sections.includes(s.section)) sections.push(s.section);
  const groups = [
    ...sections.slice(0, sections.findIndex((s) => !s.startsWith('search:'))).map((s) => ({ name: s, match: (x: string) => x === s })),
    { name: 'search: every keystroke', match: (x: string) => x.startsWith('search:') },
    ...sections.filter((s) => !s.startsWith('search:')).map((s) => ({ name: s, match: (x: string) => x === s })),
  ];
  return groups.map(({ name, match }) => {
    const perRun = runs.map((r) => {
      const picked = r.samples.filter((s) => match(s.section));
      return {
        app: stats(picked.map((s) => s.appMs)),
        raw: stats(picked.map((s) => s.rawMs)),
        hits: picked.map((s) => s.hits),
        truncated: picked.filter((s) => s.truncated).length,
        n: picked.length,
      };
    });
    const med = (f: (x: (typeof perRun)[number]) => Stats, k: keyof Stats) => median(perRun.map((x) => f(x)[k]));
    const app = { p50: med((x) => x.app, 'p50'), p95: med((x) => x.app, 'p95'), max: med((x) => x.app, 'max') };
    const raw = { p50: med((x) => x.raw, 'p50'), p95: med((x) => x.raw, 'p95'), max: med((x) => x.raw, 'max') };
    const ratio = { p50: app.p50 / raw.p50, p95: app.p95 / raw.p95 };
    const allHits = perRun.flatMap((x) => x.hits);
    const isSearch = name.startsWith('search:');
    return {
      section: name,
      samplesPerRun: perRun[0]!.n,
      app,
      raw,
      ratio,
      hits: { min: Math.min(...allHits), max: Math.max(...allHits) },
      truncated: median(perRun.map((x) => x.truncated)),
      target: isSearch ? `p95 ≤ ${SEARCH_P95_MS} ms and ≤ ${SEARCH_RATIO}x raw` : null,
      meetsTarget: isSearch ? app.p95 <= SEARCH_P95_MS && ratio.p95 <= SEARCH_RATIO : null,
    };
  });
}

function onceRows(runs: RunResult[], options: Options): OnceRow[] {
  const n = options.customers.toLocaleString('en');
  const app = median(runs.map((r) => r.write.appMs));
  const raw = median(runs.map((r) => r.write.rawMs));
  return [
    {
      id: 'build',
      label: `generate ${n} demo customers + stored records (tokens, sort keys)`,
      appMs: median(runs.map((r) => r.prepared.buildMs)),
      rawMs: null,
      ratio: null,
      target: null,
      meetsTarget: null,
    },
    {
      id: 'write',
      label: `write ${n} customers (repository addMany, ${options.chunk.toLocaleString('en')} per transaction)`,
      appMs: app,
      rawMs: raw,
      ratio: app / raw,
      target: `≤ ${WRITE_RATIO}x raw`,
      meetsTarget: app / raw <= WRITE_RATIO,
    },
  ];
}

const ms = (v: number) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`);
const x = (v: number | null) => (v === null ? '' : `${v.toFixed(2)}x`);
const verdict = (ok: boolean | null) => (ok === null ? '' : ok ? 'ok' : 'MISS');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---------- main ----------

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.build) buildPage();
  const { server, url } = await serve();
  const runs: RunResult[] = [];
  try {
    for (let i = 0; i < options.runs; i++) runs.push(await oneRun(url, options, i));
  } finally {
    server.close();
  }

  const once = onceRows(runs, options);
  const latency = latencyRows(runs);
  const first = runs[0]!;
  const pkg = async (name: string) =>
    (JSON.parse(await readFile(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  const cpus = os.cpus();
  const results = {
    date: new Date().toISOString(),
    machine: {
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    },
    versions: { node: process.version, chromium: first.chromium, dexie: await pkg('dexie'), playwright: await pkg('@playwright/test') },
    options: { customers: options.customers, runs: options.runs, passes: options.passes, seed: options.seed, chunk: options.chunk },
    notes: [
      'Latency figures: per run p50/p95 over every sample, then the median of those across runs.',
      'Search and tag filter: repository.listIds (sorted by last update, as the list opens) then getMany of the first 40 ids; raw: getAllKeys on the index range (searches capped like the app) then 40 gets.',
      'List: countActive, and listPage of 100 rows at the top and in the middle; raw: index count, getAll with count, a cursor advanced to the middle.',
      'capped: keystrokes the app answered with its first matches only ("type more"), per run.',
      'Every figure is from one shared database per origin (Chromium keeps one LevelDB per origin): app and raw writes take turns chunk by chunk.',
    ],
    dataset: { tokensPerCustomer: first.prepared.tokensPerCustomer, probes: first.prepared.probes.map((p) => ({ name: p.name, phone: p.phoneDigits })) },
    once,
    latency,
    searchBreakdown: first.breakdown,
    runs: runs.map((r) => ({
      buildMs: r.prepared.buildMs,
      writeAppMs: r.write.appMs,
      writeRawMs: r.write.rawMs,
      quietWaitMs: r.quietMs,
      loadAverage: r.loadAverage,
    })),
  };
  await mkdir(path.dirname(options.out), { recursive: true });
  await writeFile(options.out, JSON.stringify(results, null, 2) + '\n');

  const out: string[] = [];
  out.push(
    `Regulars bench — ${options.customers.toLocaleString('en')} customers, ${options.runs} run(s), Chromium ${first.chromium}, ` +
      `${cpus.length} × ${results.machine.cpuModel}, ${results.date}`,
    '',
    table(
      ['once', 'app', 'raw', 'ratio', 'target', ''],
      once.map((r) => [r.label, ms(r.appMs), r.rawMs === null ? '' : ms(r.rawMs), x(r.ratio), r.target ?? '', verdict(r.meetsTarget)]),
    ),
    '',
    table(
      ['per keystroke / per query', 'n', 'app p50', 'app p95', 'raw p50', 'raw p95', 'x p50', 'x p95', 'hits', 'capped', 'target'],
      latency.map((r) => [
        r.section,
        String(r.samplesPerRun),
        ms(r.app.p50),
        ms(r.app.p95),
        ms(r.raw.p50),
        ms(r.raw.p95),
        x(r.ratio.p50),
        x(r.ratio.p95),
        r.hits.min === r.hits.max ? String(r.hits.min) : `${r.hits.min}–${r.hits.max}`,
        r.truncated ? String(r.truncated) : '',
        verdict(r.meetsTarget),
      ]),
    ),
  );
  if (first.breakdown.length) {
    out.push('', 'Where one app search spends its time (run 1, single queries):');
    for (const b of first.breakdown) {
      const steps = b.steps.map((s) => `${s.step} ${ms(s.ms)}`).join(' → ');
      out.push(
        `  "${b.query}": ${b.hits} hits, ${b.path}: ${steps}; total ${ms(b.totalMs)}` +
          ` (reading the whole "${b.terms[0] ?? ''}" range instead: ${b.uncappedEntries} entries, ${ms(b.uncappedMs)})`,
      );
    }
  }
  out.push('', `Written to ${path.relative(ROOT, options.out)}`);
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
