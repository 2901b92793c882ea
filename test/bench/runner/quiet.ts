// Waiting for a quiet machine: Chromium compacts its database in the background for seconds after a
// large write, and a figure taken during that pays for it.
import { readdir, readFile } from 'node:fs/promises';

/** USER_HZ: the unit of CPU times in /proc on Linux. */
const CLOCK_TICKS = 100;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

/**
 * Waits at least `minMs`, then until Chromium (every process this runner started) has used under a
 * tenth of a core for two one-second windows in a row, or `maxMs` has passed. Another program's load
 * does not count (it shows in the results' load average instead). Without /proc it waits `maxMs / 3`.
 */
export async function waitForQuiet(minMs = 3_000, maxMs = 60_000): Promise<number> {
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
