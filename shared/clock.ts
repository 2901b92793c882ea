// Time is a parameter: domain and database code take a Clock, never the system's; see docs/ARCHITECTURE.md.
export type Clock = () => Date;

/** A clock stopped at one instant (a worker's request, a unit test). */
export function clockAt(at: Date | string | number): Clock {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'string' ? Date.parse(at) : at;
  if (!Number.isFinite(ms)) throw new RangeError(`clockAt: not a time: ${String(at)}`);
  return () => new Date(ms);
}

/**
 * A clock that follows another, told its time now and then (a worker told the page's time with each
 * request, the e2e harness told the page's with each call to main), running on by `elapsedMs` (a
 * monotonic count of milliseconds) in between. Until told, it reads as `start`.
 */
export function followingClock(start: Date, elapsedMs: () => number): { clock: Clock; tell: (at: Date | string | number) => void } {
  let synced = { atMs: start.getTime(), localMs: elapsedMs() };
  return {
    clock: () => new Date(synced.atMs + (elapsedMs() - synced.localMs)),
    tell(at) {
      const atMs = at instanceof Date ? at.getTime() : typeof at === 'string' ? Date.parse(at) : at;
      if (!Number.isFinite(atMs)) throw new RangeError(`followingClock: not a time: ${String(at)}`);
      synced = { atMs, localMs: elapsedMs() };
    },
  };
}
