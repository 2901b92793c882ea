// runExport: "saved" only when main's commit answered; a cancelled dialog, a build failure and a write
// failure each say what happened, and a failed export leaves no session open in main.
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { DesktopApi } from '../../../shared/ipc/contract';
import { clockAt } from '../../../shared/clock';
import { err, ok } from '../../../shared/result';
import type { ExportJob } from './buildExport';
import { exportAction, runExport, type ExportPhase, type ExportRequest } from './runExport';
import { needsOwner } from '../../../shared/domain/permissions';

// The file is named after the clerk's day, from the clock the export is given.
const now = clockAt(new Date(2026, 5, 15, 12, 0));
const t = ((key: string) => (key === 'app.name' ? 'Regulars' : key.split('.').at(-1)!)) as unknown as TFunction;

const REQUEST: ExportRequest = {
  kind: 'purchases', format: 'xlsx', scope: 'all', purchaseRows: 'purchases', currency: 'CNY', region: 'CN',
  listQuery: { sort: 'name', direction: 'asc', tag: null, terms: [], tierId: null, stage: null, churnLevel: null },
};

function fakeApi(opts: { cancel?: boolean; failAppendAt?: number; failCommit?: boolean } = {}) {
  const calls: string[] = [];
  let received = 0;
  const api: DesktopApi['exportFile'] = {
    begin: async (fileName) => {
      calls.push(`begin ${fileName}`);
      return ok(opts.cancel ? null : { sessionId: 's1', fileName });
    },
    append: async (_id, offset, bytes) => {
      calls.push(`append ${offset} ${bytes.length}`);
      if (opts.failAppendAt === offset) return err('export-disk-full');
      received += bytes.length;
      return ok({ receivedBytes: received });
    },
    commit: async () => {
      calls.push('commit');
      return opts.failCommit ? err('export-write-failed') : ok({ fileName: 'Regulars-purchases-x.xlsx', path: '/tmp/Regulars-purchases-x.xlsx', bytes: received });
    },
    abort: async () => {
      calls.push('abort');
      return ok(null);
    },
  };
  return { api, calls };
}

const built = (size: number) => async (job: ExportJob, onPhase: (p: { phase: 'reading'; done: number; total: number } | { phase: 'writing' }) => void) => {
  expect(job.vocabulary.texts['export.purchase.id']).toBe('id');
  onPhase({ phase: 'reading', done: 0, total: 3 });
  onPhase({ phase: 'writing' });
  return { bytes: new Uint8Array(size), rows: 3 };
};

describe('runExport', () => {
  it('asks main where first, builds, sends the file in pieces, and is saved only after the commit', async () => {
    const { api, calls } = fakeApi();
    const phases: ExportPhase[] = [];
    const outcome = await runExport(REQUEST, { api, t, now, listIds: async () => [], build: built(600 * 1024) }, (p) => phases.push(p));
    expect(outcome).toEqual({ state: 'saved', fileName: 'Regulars-purchases-x.xlsx', path: '/tmp/Regulars-purchases-x.xlsx', rows: 3 });
    expect(calls[0]).toBe('begin Regulars-purchases-2026-06-15.xlsx');
    expect(calls.slice(1)).toEqual([`append 0 ${512 * 1024}`, `append ${512 * 1024} ${88 * 1024}`, 'commit']);
    expect(phases.map((p) => p.phase)).toEqual(['reading', 'writing', 'saving', 'saving', 'saving']);
    expect(phases.at(-1)).toEqual({ phase: 'saving', sent: 600 * 1024, total: 600 * 1024 });
  });

  it('builds nothing when the clerk cancels the save dialog', async () => {
    const { api, calls } = fakeApi({ cancel: true });
    let built = false;
    const outcome = await runExport(REQUEST, { api, t, now, listIds: async () => [], build: async () => { built = true; return { bytes: new Uint8Array(1), rows: 0 }; } }, () => undefined);
    expect(outcome).toEqual({ state: 'cancelled' });
    expect(built).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it('a write failure is the outcome, with main’s reason, and the session is aborted', async () => {
    const { api, calls } = fakeApi({ failAppendAt: 512 * 1024 });
    expect(await runExport(REQUEST, { api, t, now, listIds: async () => [], build: built(600 * 1024) }, () => undefined)).toEqual({ state: 'failed', reason: 'export-disk-full' });
    expect(calls.at(-1)).toBe('abort');
    const failingCommit = fakeApi({ failCommit: true });
    expect(await runExport(REQUEST, { api: failingCommit.api, t, now, listIds: async () => [], build: built(10) }, () => undefined)).toEqual({ state: 'failed', reason: 'export-write-failed' });
    expect(failingCommit.calls.at(-1)).toBe('abort');
  });

  it('a build failure aborts the session and says so', async () => {
    const { api, calls } = fakeApi();
    const outcome = await runExport(REQUEST, { api, t, now, listIds: async () => [], build: async () => { throw new Error('quota'); } }, () => undefined);
    expect(outcome).toEqual({ state: 'failed', reason: 'build-failed' });
    expect(calls.at(-1)).toBe('abort');
  });

  it('sends the list’s ids for the current list of customers', async () => {
    const { api } = fakeApi();
    let ids: string[] | null = null;
    await runExport({ ...REQUEST, kind: 'customers', scope: 'list' }, {
      api, t, now, listIds: async () => ['c2', 'c1'],
      build: async (job) => { ids = job.customerIds; return { bytes: new Uint8Array(1), rows: 2 }; },
    }, () => undefined);
    expect(ids).toEqual(['c2', 'c1']);
  });
});

describe('who may export what', () => {
  it("gives the clerk a filtered list and keeps every customer, purchase and contact for the owner", () => {
    expect(exportAction('customers', 'list')).toBe('export.list');
    expect(exportAction('customers', 'all')).toBe('export.everything');
    expect(exportAction('purchases', 'all')).toBe('export.everything');
    expect(exportAction('purchases', 'list')).toBe('export.everything');
    expect(exportAction('interactions', 'all')).toBe('export.everything');
    // The points ledger of every customer is an export of everything: the owner's.
    expect(exportAction('points', 'all')).toBe('export.everything');
    expect(exportAction('points', 'list')).toBe('export.everything');
    expect(needsOwner(exportAction('customers', 'all'))).toBe(true);
    expect(needsOwner(exportAction('customers', 'list'))).toBe(false);
  });
});
