// UI state of the status jobs (recomputations and the tier review): which one runs, its progress, the last outcome.
import { create } from 'zustand';
import type { JobResult, StatusWorkerApi } from './statusClient';
import type { Clock } from '../../../shared/clock';

/** 'rules': the owner saved new rules; 'rollover': a new day; 'review': the owner applied the tier review. */
export type StatusJobKind = 'rules' | 'rollover' | 'review';

export interface StatusJobState {
  running: { kind: StatusJobKind; done: number; total: number } | null;
  /** A job asked for while another ran; runs next. A later ask of the same kind is the same job. */
  queued: StatusJobKind[];
  lastDone: ({ kind: StatusJobKind; at: string } & JobResult) | null;
  failed: { kind: StatusJobKind; message: string } | null;
}

export const useStatusJobs = create<StatusJobState>(() => ({ running: null, queued: [], lastDone: null, failed: null }));

function runOn(api: StatusWorkerApi, kind: StatusJobKind, onProgress: (done: number, total: number) => void): Promise<JobResult> {
  switch (kind) {
    case 'rules':
    case 'rollover':
      return api.recompute(kind, onProgress);
    case 'review':
      return api.applyReview(onProgress);
    default: {
      const never: never = kind;
      throw new TypeError(`unknown status job ${String(never)}`);
    }
  }
}

/**
 * Runs a status job in the worker, one at a time: while one runs, the next is queued (once per kind),
 * because two recomputations writing the same customers at once would only do the work twice.
 * Resolves when this job (or the queued one it joined) has finished; rejects when it failed.
 */
export function runStatusJob(api: StatusWorkerApi, kind: StatusJobKind, now: Clock): Promise<JobResult> {
  const waiters = jobWaiters.get(kind) ?? [];
  const promise = new Promise<JobResult>((resolve, reject) => waiters.push({ resolve, reject }));
  jobWaiters.set(kind, waiters);
  // A job of this kind already running took its waiters when it started: this ask needs a run of its own.
  const { queued } = useStatusJobs.getState();
  if (!queued.includes(kind)) useStatusJobs.setState({ queued: [...queued, kind] });
  void pump(api, now);
  return promise;
}

const jobWaiters = new Map<StatusJobKind, { resolve: (r: JobResult) => void; reject: (e: Error) => void }[]>();
let pumping = false;

async function pump(api: StatusWorkerApi, now: Clock): Promise<void> {
  if (pumping) return;
  pumping = true;
  try {
    for (;;) {
      const [kind, ...rest] = useStatusJobs.getState().queued;
      if (kind === undefined) return;
      const waiters = jobWaiters.get(kind) ?? [];
      jobWaiters.delete(kind);
      useStatusJobs.setState({ queued: rest, running: { kind, done: 0, total: 0 }, failed: null });
      try {
        const result = await runOn(api, kind, (done, total) => useStatusJobs.setState({ running: { kind, done, total } }));
        useStatusJobs.setState({ running: null, lastDone: { kind, at: now().toISOString(), ...result } });
        for (const w of waiters) w.resolve(result);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        useStatusJobs.setState({ running: null, failed: { kind, message } });
        for (const w of waiters) w.reject(error instanceof Error ? error : new Error(message));
      }
    }
  } finally {
    pumping = false;
  }
}
