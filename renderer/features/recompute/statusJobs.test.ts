import { beforeEach, describe, expect, it } from 'vitest';
import { clockAt } from '../../../shared/clock';
import type { StatusWorkerApi } from './statusClient';
import { runStatusJob, useStatusJobs } from './statusJobs';

const clock = clockAt('2026-11-23T00:00:00Z');

/** A worker whose jobs finish when the test says so. */
function controllableWorker() {
  const calls: string[] = [];
  const finishers: ((fail?: string) => void)[] = [];
  const job = (name: string, onProgress?: (d: number, t: number) => void) =>
    new Promise<{ customers: number; changed: number }>((resolve, reject) => {
      calls.push(name);
      onProgress?.(1, 4);
      finishers.push((fail) => (fail ? reject(new Error(fail)) : resolve({ customers: 4, changed: calls.length })));
    });
  const api: StatusWorkerApi = {
    recompute: (reason, onProgress) => job(`recompute:${reason}`, onProgress),
    applyReview: (onProgress) => job('review', onProgress),
    loadPreview: async () => 0,
    preview: async () => ({ counts: [], upNow: 0, downNow: 0, downAtReview: 0, unchanged: 0, total: 0 }),
  };
  const finishNext = async (fail?: string) => {
    await Promise.resolve();
    finishers.shift()!(fail);
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { api, calls, finishNext };
}

beforeEach(() => useStatusJobs.setState({ running: null, queued: [], lastDone: null, failed: null }));

describe('runStatusJob', () => {
  it('runs one job at a time, shows its progress, and queues the next', async () => {
    const w = controllableWorker();
    const rollover = runStatusJob(w.api, 'rollover', clock);
    const rules = runStatusJob(w.api, 'rules', clock);
    await Promise.resolve();
    expect(w.calls).toEqual(['recompute:rollover']);
    expect(useStatusJobs.getState()).toMatchObject({ running: { kind: 'rollover', done: 1, total: 4 }, queued: ['rules'] });
    await w.finishNext();
    await expect(rollover).resolves.toEqual({ customers: 4, changed: 1 });
    expect(w.calls).toEqual(['recompute:rollover', 'recompute:rules']);
    await w.finishNext();
    await expect(rules).resolves.toMatchObject({ customers: 4 });
    expect(useStatusJobs.getState()).toMatchObject({ running: null, queued: [], lastDone: { kind: 'rules' } });
  });

  it('joins asks of the same kind while one waits, and runs again when asked while it runs', async () => {
    const w = controllableWorker();
    const first = runStatusJob(w.api, 'rollover', clock);
    const duringRun = runStatusJob(w.api, 'rollover', clock);
    const joined = runStatusJob(w.api, 'rollover', clock);
    await w.finishNext();
    await first;
    await w.finishNext();
    await Promise.all([duringRun, joined]);
    expect(w.calls).toEqual(['recompute:rollover', 'recompute:rollover']);
  });

  it('reports a failure and goes on with the queue', async () => {
    const w = controllableWorker();
    const review = runStatusJob(w.api, 'review', clock);
    const rules = runStatusJob(w.api, 'rules', clock);
    await w.finishNext('disk full');
    await expect(review).rejects.toThrow('disk full');
    expect(useStatusJobs.getState().running).toMatchObject({ kind: 'rules' });
    await w.finishNext();
    await rules;
    expect(useStatusJobs.getState()).toMatchObject({ failed: null, lastDone: { kind: 'rules' } });
  });
});
