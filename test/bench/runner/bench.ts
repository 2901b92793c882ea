// The runner's side of the bench page: open it on an origin, call its API.
import type { BrowserContext, Page } from '@playwright/test';
import { BENCH_GLOBAL, type BenchApi } from '../protocol';

export const log = (line: string) => process.stderr.write(`${line}\n`);

export async function openBenchPage(context: BrowserContext, origin: string, reuse?: Page): Promise<Page> {
  const page = reuse ?? (await context.newPage());
  page.on('pageerror', (e) => log(`  page error (${origin}): ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log(`  page ${m.type()} (${origin}): ${m.text()}`);
  });
  await page.goto(`${origin}/bench/`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  return page;
}

/** Calls one function of the page's BenchApi (window.regularsBench) and returns its answer. */
export async function call<K extends keyof BenchApi>(page: Page, method: K, ...args: Parameters<BenchApi[K]>): Promise<Awaited<ReturnType<BenchApi[K]>>> {
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
