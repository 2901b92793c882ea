// Issue 13's moonshot experiment: "restore 1,000,000 purchases in ≤ 60 s by a layout with fewer, larger
// records". Writes the same generated purchases, as a restore writes a backup's rows, into one database
// per layout (test/bench/page/packedLayout.ts), then reads and writes them as the app would. The app's
// layout is not touched: this measures what a change would buy and what it would cost.
//
//   npm run bench:packed                                   200,000 purchases in every layout → .tmp/packed.json
//   npm run bench:packed -- --purchases 1000000 --layouts per-customer,per-block
//   options: --purchases N (a multiple of --slice) --slice N --layouts a,b --seed S --out FILE --skip-build
//
// The purchases are written a slice at a time (each slice its own customers, about 10 purchases each),
// so the page never holds more than one slice; nothing waits between slices, as a restore does not.
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '../../playwright.config';
import { PACKED_LAYOUTS, type PackedLayout, type PackedProbe, type PackedWrite } from './protocol';
import { call, log, openBenchPage } from './runner/bench';
import { waitForQuiet } from './runner/quiet';
import { serve } from './runner/server';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGE_DIST = path.join(ROOT, '.tmp', 'bench-dist');
const PURCHASES_PER_CUSTOMER = 10;

interface PackedOptions {
  purchases: number;
  slice: number;
  layouts: PackedLayout[];
  seed: number;
  out: string;
  build: boolean;
}

function parse(argv: string[]): PackedOptions {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const int = (name: string, fallback: number) => {
    const v = value(name);
    const n = v === undefined ? fallback : Number(v.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} needs a positive whole number`);
    return n;
  };
  const layouts = (value('--layouts')?.split(',') ?? [...PACKED_LAYOUTS]).map((l) => l.trim());
  for (const l of layouts) if (!(PACKED_LAYOUTS as readonly string[]).includes(l)) throw new Error(`unknown layout ${l} (the layouts: ${PACKED_LAYOUTS.join(', ')})`);
  const purchases = int('--purchases', 200_000);
  const slice = Math.min(purchases, int('--slice', 200_000));
  if (purchases % slice !== 0) throw new Error('--purchases must be a multiple of --slice');
  return { purchases, slice, layouts: layouts as PackedLayout[], seed: int('--seed', 20261123), out: value('--out') ?? '.tmp/packed.json', build: !argv.includes('--skip-build') };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  if (options.build) {
    log('building the bench page…');
    const bin = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const built = spawnSync(process.execPath, [bin, 'build', '--configLoader', 'bundle', '--config', 'test/bench/vite.config.ts'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (built.status !== 0) throw new Error('vite build of the bench page failed');
  }
  // Only the bench page is served; the app's folder is not needed here.
  const servers = await serve(path.join(ROOT, '.tmp', 'bench-app'), PAGE_DIST);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'regulars-packed-'));
  const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions, headless: true });
  const nowMs = Date.parse('2026-06-15T10:00:00.000Z');
  const results: { layout: PackedLayout; writes: PackedWrite[]; writeMs: number; probe: PackedProbe; loadAverage: [number, number] }[] = [];
  try {
    const page = await openBenchPage(context, servers.appOrigin, context.pages()[0]);
    const slices = options.purchases / options.slice;
    for (const layout of options.layouts) {
      await call(page, 'packedReset', layout);
      await waitForQuiet();
      const loadBefore = os.loadavg()[0]!;
      log(`${layout}: writing ${options.purchases.toLocaleString('en')} purchases in ${slices} slice(s)…`);
      const writes: PackedWrite[] = [];
      for (let slice = 0; slice < slices; slice++) {
        const w = await call(page, 'packedWrite', layout, { slice, customers: options.slice / PURCHASES_PER_CUSTOMER, purchases: options.slice, seed: options.seed, nowMs });
        writes.push(w);
        log(`  slice ${slice + 1}: ${w.purchases.toLocaleString('en')} purchases in ${w.records.toLocaleString('en')} records, ${(w.payloadBytes / 2 ** 20).toFixed(0)} MiB: ${seconds(w.ms)} (parse ${seconds(w.parseMs)}, write ${seconds(w.writeMs)})`);
      }
      const writeMs = writes.reduce((sum, w) => sum + w.ms, 0);
      log(`  all written: ${seconds(writeMs)}; 1,000,000 at this rate: ${seconds((writeMs * 1_000_000) / options.purchases)}`);
      await waitForQuiet();
      const probe = await call(page, 'packedProbe', layout, nowMs);
      log(
        `  full read ${seconds(probe.fullReadMs)}; customer page ${probe.customerPage.map((c) => `${c.purchases} purchases ${c.p50Ms.toFixed(1)} ms`).join(', ')}; ` +
          `record ${probe.recordPurchase.map((c) => `${c.purchases} purchases ${c.p50Ms.toFixed(1)} ms`).join(', ')}; by id ${probe.byIdMs.toFixed(0)} ms, one day ${probe.byDayMs.toFixed(0)} ms; origin ${(probe.originUsageBytes / 2 ** 20).toFixed(0)} MiB`,
      );
      results.push({ layout, writes, writeMs, probe, loadAverage: [loadBefore, os.loadavg()[0]!] });
      await call(page, 'packedReset', layout);
    }
  } finally {
    await context.close();
    await servers.close();
    await rm(profile, { recursive: true, force: true });
  }
  const out = path.resolve(ROOT, options.out);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify({ date: new Date().toISOString(), options, cores: os.cpus().length, results }, null, 2)}\n`);
  log(`written ${path.relative(ROOT, out)}`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
