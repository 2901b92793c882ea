// A worker's clock is the page's: every request carries the page's time (`now`), because the clock the page
// is given (Playwright's page.clock in the e2e tests) does not reach workers. Between requests it runs on.
import type { Clock } from '../../shared/clock';

/** Stamped on every request by the page's side of a worker. */
export interface PageTime {
  /** The page's clock when it sent the request (ISO). */
  now: string;
}

let synced: { pageMs: number; localMs: number } | null = null;

/** Called with each request before it is handled. */
export function followPageClock(stamp: PageTime): void {
  const pageMs = Date.parse(stamp.now);
  if (!Number.isFinite(pageMs)) throw new RangeError(`a worker request carried no time: ${String(stamp.now)}`);
  synced = { pageMs, localMs: performance.now() };
}

/** The page's time now, as last told plus what has passed here since. */
export const workerClock: Clock = () => {
  if (!synced) throw new Error('the worker has not been told the time yet');
  return new Date(synced.pageMs + (performance.now() - synced.localMs));
};

/** The page's stamp for a request. */
export function pageTime(clock: Clock): PageTime {
  return { now: clock().toISOString() };
}
