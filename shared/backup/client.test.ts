import { describe, expect, it } from 'vitest';
import type { DesktopApi } from '../ipc/contract';
import { err, ok, type Result } from '../result';
import { BackupReadError, readBackup, writeBackup } from './client';
import { MAX_CHUNK_BYTES } from './format';

const SESSION = '6f1c2b1e-4a1b-4c8e-9f3a-2b7d9c1e0a55';
const BEGIN = { schemaVersion: 3, counts: {}, payloadFormat: 'test/1', trigger: 'manual' } as const;

/** The backup half of the API, recording calls; each method answers from `answers` or succeeds. */
function fakeApi(answers: { append?: (offset: number) => Result<unknown>; commit?: () => Result<unknown>; reads?: Array<Result<{ offset: number; data: Uint8Array; done: boolean }>> } = {}) {
  const calls: string[] = [];
  const sizes: number[] = [];
  const api = {
    begin: async () => (calls.push('begin'), ok({ sessionId: SESSION, encrypted: false })),
    append: async (_id: string, offset: number, bytes: Uint8Array) => {
      calls.push(`append@${offset}`);
      sizes.push(bytes.length);
      return answers.append?.(offset) ?? ok({ receivedBytes: offset + bytes.length });
    },
    commit: async () => (calls.push('commit'), answers.commit?.() ?? ok({ backup: {}, removed: [] })),
    abort: async () => (calls.push('abort'), ok(null)),
    read: async () => (calls.push('read'), answers.reads?.shift() ?? err('backup-session-expired')),
    close: async () => (calls.push('close'), ok(null)),
  };
  return { api: api as unknown as DesktopApi['backup'], calls, sizes };
}

describe('writeBackup', () => {
  it('cuts and joins pieces into full chunks, in order, and commits', async () => {
    const { api, calls, sizes } = fakeApi();
    const pieces = [new Uint8Array(3), new Uint8Array(MAX_CHUNK_BYTES), new Uint8Array(MAX_CHUNK_BYTES - 3), new Uint8Array(1)];
    expect((await writeBackup(api, BEGIN, pieces)).ok).toBe(true);
    expect(sizes).toEqual([MAX_CHUNK_BYTES, MAX_CHUNK_BYTES, 1]);
    expect(calls).toEqual(['begin', 'append@0', `append@${MAX_CHUNK_BYTES}`, `append@${2 * MAX_CHUNK_BYTES}`, 'commit']);
  });

  it('aborts and returns the reason when a piece is refused', async () => {
    const { api, calls } = fakeApi({ append: (offset) => (offset > 0 ? err('backup-disk-full') : ok({ receivedBytes: MAX_CHUNK_BYTES })) });
    expect(await writeBackup(api, BEGIN, [new Uint8Array(MAX_CHUNK_BYTES * 2)])).toEqual(err('backup-disk-full'));
    expect(calls).toEqual(['begin', 'append@0', `append@${MAX_CHUNK_BYTES}`, 'abort']);
  });

  it('aborts when the commit fails', async () => {
    const { api, calls } = fakeApi({ commit: () => err('backup-verify-failed') });
    expect(await writeBackup(api, BEGIN, [new Uint8Array(5)])).toEqual(err('backup-verify-failed'));
    expect(calls.at(-1)).toBe('abort');
  });
});

describe('readBackup', () => {
  it('yields the pieces until main says done, without closing what main already closed', async () => {
    const { api, calls } = fakeApi({ reads: [ok({ offset: 0, data: new Uint8Array([1, 2]), done: false }), ok({ offset: 2, data: new Uint8Array([3]), done: true })] });
    const pieces: number[][] = [];
    for await (const piece of readBackup(api, 'r')) pieces.push([...piece]);
    expect(pieces).toEqual([[1, 2], [3]]);
    expect(calls).toEqual(['read', 'read']);
  });

  it('throws on a gap in the offsets, and closes the read', async () => {
    const { api, calls } = fakeApi({ reads: [ok({ offset: 0, data: new Uint8Array([1]), done: false }), ok({ offset: 5, data: new Uint8Array([2]), done: false })] });
    const reading = readBackup(api, 'r');
    await reading.next();
    await expect(reading.next()).rejects.toEqual(new BackupReadError('internal-error'));
    expect(calls).toEqual(['read', 'read', 'close']);
  });

  it('throws the reason main gives, e.g. damage found at the end', async () => {
    const { api } = fakeApi({ reads: [ok({ offset: 0, data: new Uint8Array([1]), done: false }), err('backup-damaged')] });
    const received: Uint8Array[] = [];
    await expect(async () => {
      for await (const piece of readBackup(api, 'r')) received.push(piece);
    }).rejects.toEqual(new BackupReadError('backup-damaged'));
    expect(received).toHaveLength(1);
  });
});
