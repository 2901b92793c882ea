// A worker's clock is the page's: every request carries the page's time (`now`), because the clock the page
// is given (Playwright's page.clock in the e2e tests) does not reach workers. Between requests it runs on.
import { followingClock, type Clock } from '../../shared/clock';

/** Stamped on every request by the page's side of a worker (the `now` of rpc.ts's envelope). */
export interface PageTime {
  /** The page's clock when it sent the request (ISO). */
  now: string;
}

let told = false;
const pageClock = followingClock(new Date(0), () => performance.now());

/** Called with each request before it is handled. */
export function followPageClock(stamp: PageTime): void {
  pageClock.tell(stamp.now);
  told = true;
}

/** The page's time now, as last told plus what has passed here since. */
export const workerClock: Clock = () => {
  if (!told) throw new Error('the worker has not been told the time yet');
  return pageClock.clock();
};
