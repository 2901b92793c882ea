// Time is a parameter: domain and database code take a Clock, never the system's; see docs/ARCHITECTURE.md.
export type Clock = () => Date;

/** A clock stopped at one instant (a worker's request, a unit test). */
export function clockAt(at: Date | string | number): Clock {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'string' ? Date.parse(at) : at;
  if (!Number.isFinite(ms)) throw new RangeError(`clockAt: not a time: ${String(at)}`);
  return () => new Date(ms);
}
