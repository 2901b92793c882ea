// saveFile: nothing is made when the clerk cancels; a file that cannot be made, or a write that fails, leaves no
// session open in main; "saved" only after the commit; the owner's flag goes to main with the name.
import { describe, expect, it } from 'vitest';
import type { DesktopApi } from '../../shared/ipc/contract';
import { MAX_CHUNK_BYTES } from '../../shared/backup/format';
import { err, ok } from '../../shared/result';
import { datedFileName, safeFileName, saveFile } from './saveFile';

function fakeApi(opts: { cancel?: boolean; failBegin?: boolean; failCommit?: boolean } = {}) {
  const calls: string[] = [];
  let received = 0;
  const api: DesktopApi['exportFile'] = {
    begin: async (fileName, everything) => {
      calls.push(`begin ${fileName} ${everything}`);
      if (opts.failBegin) return err('export-no-permission');
      return ok(opts.cancel ? null : { sessionId: 's1', fileName });
    },
    append: async (_id, offset, bytes) => {
      calls.push(`append ${offset} ${bytes.length}`);
      received += bytes.length;
      return ok({ receivedBytes: received });
    },
    commit: async () => {
      calls.push('commit');
      return opts.failCommit ? err('export-write-failed') : ok({ fileName: 'x.csv', path: '/data/exports/x.csv', bytes: received });
    },
    abort: async () => {
      calls.push('abort');
      return ok(null);
    },
  };
  return { api, calls };
}

describe('saveFile', () => {
  it('asks main where, then makes the bytes and sends them in pieces; saved after the commit', async () => {
    const { api, calls } = fakeApi();
    const sending: [number, number][] = [];
    const size = MAX_CHUNK_BYTES + 10;
    const outcome = await saveFile(api, 'x.csv', async () => new Uint8Array(size), { everything: true, onSending: (sent, total) => sending.push([sent, total]) });
    expect(outcome).toEqual({ state: 'saved', fileName: 'x.csv', path: '/data/exports/x.csv' });
    expect(calls).toEqual(['begin x.csv true', `append 0 ${MAX_CHUNK_BYTES}`, `append ${MAX_CHUNK_BYTES} 10`, 'commit']);
    expect(sending).toEqual([[0, size], [MAX_CHUNK_BYTES, size], [size, size]]);
  });

  it('makes nothing when the clerk cancels, and says main’s refusal', async () => {
    let made = false;
    const make = async () => {
      made = true;
      return new Uint8Array(1);
    };
    expect(await saveFile(fakeApi({ cancel: true }).api, 'x.csv', make)).toEqual({ state: 'cancelled' });
    expect(await saveFile(fakeApi({ failBegin: true }).api, 'x.csv', make)).toEqual({ state: 'failed', reason: 'export-no-permission' });
    expect(made).toBe(false);
  });

  it('aborts what was begun when the file cannot be made or main cannot write it', async () => {
    const broken = fakeApi();
    const quiet = console.error;
    console.error = () => undefined;
    try {
      expect(await saveFile(broken.api, 'x.csv', () => Promise.reject(new Error('no')))).toEqual({ state: 'failed', reason: 'build-failed' });
    } finally {
      console.error = quiet;
    }
    expect(broken.calls).toEqual(['begin x.csv false', 'abort']);
    const full = fakeApi({ failCommit: true });
    expect(await saveFile(full.api, 'x.csv', async () => new Uint8Array(3))).toEqual({ state: 'failed', reason: 'export-write-failed' });
    expect(full.calls.at(-1)).toBe('abort');
  });

  it('names a file by the app, what it holds and the day, with what the systems refuse replaced', () => {
    expect(datedFileName('熟客', '营业额', 'png', new Date(2026, 11, 5, 10))).toBe('熟客-营业额-2026-12-05.png');
    expect(datedFileName('Regulars', 'a/b: "c"', 'csv', new Date(2026, 11, 5, 10))).toBe('Regulars-a_b_ _c_-2026-12-05.csv');
    expect(safeFileName('  \u0001  ')).toBe('_');
  });
});
