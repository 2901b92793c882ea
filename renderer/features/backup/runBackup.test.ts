// One backup from the page's side: the worker's pieces reach the main process in order, progress moves,
// and a failure anywhere leaves nothing half-written and no progress behind.
import { describe, expect, it } from 'vitest';
import type { DesktopApi } from '../../../shared/ipc/contract';
import { err, ok } from '../../../shared/result';
import { BackupWorkerError, type BackupWorkerApi, type ExportCallbacks } from './backupWorkerClient';
import { runBackup, type BackupProgress } from './runBackup';

type BackupApi = DesktopApi['backup'];

function fakeApi(options: { beginFails?: string } = {}) {
  const calls: string[] = [];
  const received: number[] = [];
  const api = {
    begin: async () => {
      calls.push('begin');
      return options.beginFails ? err(options.beginFails) : ok({ sessionId: 's', encrypted: false });
    },
    append: async (_id: string, offset: number, bytes: Uint8Array) => {
      calls.push(`append@${offset}`);
      received.push(...bytes);
      return ok({ receivedBytes: offset + bytes.length });
    },
    commit: async () => {
      calls.push('commit');
      return ok({ backup: { fileName: 'regulars-x.rgbackup' }, removed: [] });
    },
    abort: async () => {
      calls.push('abort');
      return ok(null);
    },
  } as unknown as BackupApi;
  return { api, calls, received };
}

/** A worker that hands over `pieces`, then fails if told to; its progress may come late. */
function fakeWorker(pieces: number[][], options: { failAfter?: number; lateProgress?: Promise<void> } = {}): BackupWorkerApi {
  return {
    async exportDatabase(callbacks: ExportCallbacks) {
      callbacks.onStart({ schemaVersion: 4, counts: { customers: pieces.length } });
      for (let index = 0; index < pieces.length; index++) {
        await Promise.resolve();
        if (options.failAfter === index) throw new Error('the database went away');
        callbacks.onPiece(new Uint8Array(pieces[index]!));
        callbacks.onProgress(index + 1, pieces.length);
      }
      if (options.lateProgress) {
        await options.lateProgress;
        callbacks.onProgress(pieces.length, pieces.length);
      }
      return { schemaVersion: 4, counts: { customers: pieces.length }, bytes: pieces.flat().length };
    },
    stagingBegin: async () => undefined,
    stagingPush: async () => undefined,
    stagingFinish: async () => {
      throw new Error('not used');
    },
    stagingDiscard: async () => undefined,
    dropStaged: async () => undefined,
    compareWith: async () => {
      throw new Error('not used');
    },
    checkAuditChain: async () => ({ status: 'intact', count: 0, head: null }),
  };
}

describe('runBackup', () => {
  it('sends every piece in order, commits, and ends at full progress', async () => {
    const { api, calls, received } = fakeApi();
    const progress: BackupProgress[] = [];
    const result = await runBackup(api, fakeWorker([[1, 2], [3], [4, 5, 6]]), 'manual', (p) => progress.push(p));
    expect(result.ok).toBe(true);
    expect(received).toEqual([1, 2, 3, 4, 5, 6]);
    expect(calls[0]).toBe('begin');
    expect(calls.at(-1)).toBe('commit');
    expect(progress.at(-1)).toEqual({ phase: 'checking', fraction: 1 });
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.fraction).toBeGreaterThanOrEqual(progress[i - 1]!.fraction);
  });

  it('returns main\'s reason when the backup cannot begin, and reports no progress after it', async () => {
    const { api, calls } = fakeApi({ beginFails: 'backup-folder-missing' });
    let release!: () => void;
    const late = new Promise<void>((resolve) => (release = resolve));
    const progress: BackupProgress[] = [];
    const result = await runBackup(api, fakeWorker([[1], [2]], { lateProgress: late }), 'automatic', (p) => progress.push(p));
    expect(result).toEqual({ ok: false, reason: 'backup-folder-missing' });
    expect(calls).toEqual(['begin']);
    const seen = progress.length;
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(progress).toHaveLength(seen);
  });

  it('aborts the session when the export fails part-way', async () => {
    const { api, calls } = fakeApi();
    const result = await runBackup(api, fakeWorker([[1], [2], [3]], { failAfter: 1 }), 'manual');
    expect(result).toEqual({ ok: false, reason: 'export-failed' });
    expect(calls).toContain('abort');
    expect(calls).not.toContain('commit');
  });

  it('says the store was too busy when the worker gave up for the clerk\'s sake, and begins nothing', async () => {
    const { api, calls } = fakeApi();
    const busy: BackupWorkerApi = {
      ...fakeWorker([]),
      exportDatabase: async () => {
        throw new BackupWorkerError('export-busy', 'the store changed during each of 3 passes');
      },
    };
    expect(await runBackup(api, busy, 'automatic')).toEqual({ ok: false, reason: 'export-busy' });
    expect(calls).toEqual([]);
  });
});
