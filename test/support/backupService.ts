// Test helpers for the backup service (used by its tests and the crash test's child process; never by the app):
// a file system that fails on cue, payloads, a clock, and a service on a temp folder.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BackupBeginRequest } from '../../shared/backup/api';
import { MAX_CHUNK_BYTES } from '../../shared/backup/format';
import { createBackupService, type BackupNotice, type BackupService, type BackupServiceOptions, type SecretProtector } from '../../electron/services/backup';
import { nodeBackupFs, type BackupFileHandle, type BackupFs } from '../../electron/services/backup/os';

export const tempFolder = (prefix = 'regulars-backup-test-') => mkdtemp(path.join(os.tmpdir(), prefix));

export type FsOperation = 'open' | 'read' | 'write' | 'sync' | 'close' | 'rename' | 'unlink' | 'readdir' | 'stat' | 'mkdir';

export interface Fault {
  op: FsOperation;
  /** The file the operation is on (for rename: the source). */
  when: (file: string) => boolean;
  code: string;
  /** How many matching calls succeed before the fault starts; 0 by default. */
  after?: number;
  /** How many times it fails; every time by default. */
  times?: number;
}

const failure = (code: string) => Object.assign(new Error(`${code} (injected)`), { code });

/** A real file system with faults injected by operation and file name. Faults can be added while it runs. */
export function faultyFs(faults: Fault[] = [], base: BackupFs = nodeBackupFs): BackupFs & { faults: Fault[]; calls: Array<{ op: FsOperation; file: string }> } {
  const calls: Array<{ op: FsOperation; file: string }> = [];
  const seen = new Map<Fault, number>();
  const check = (op: FsOperation, file: string) => {
    calls.push({ op, file });
    for (const fault of faults) {
      if (fault.op !== op || !fault.when(file)) continue;
      const count = (seen.get(fault) ?? 0) + 1;
      seen.set(fault, count);
      const skip = fault.after ?? 0;
      if (count > skip && count <= skip + (fault.times ?? Number.POSITIVE_INFINITY)) throw failure(fault.code);
    }
  };
  const wrap = (file: string, handle: BackupFileHandle): BackupFileHandle => ({
    read: async (...args) => {
      check('read', file);
      return handle.read(...args);
    },
    write: async (...args) => {
      check('write', file);
      return handle.write(...args);
    },
    sync: async () => {
      check('sync', file);
      return handle.sync();
    },
    stat: () => handle.stat(),
    close: async () => {
      await handle.close();
      check('close', file);
    },
  });
  return {
    faults,
    calls,
    open: async (file, flags) => {
      check('open', file);
      return wrap(file, await base.open(file, flags));
    },
    readdir: async (file) => {
      check('readdir', file);
      return base.readdir(file);
    },
    stat: async (file) => {
      check('stat', file);
      return base.stat(file);
    },
    rename: async (from, to) => {
      check('rename', from);
      return base.rename(from, to);
    },
    unlink: async (file) => {
      check('unlink', file);
      return base.unlink(file);
    },
    mkdir: async (file, options) => {
      check('mkdir', file);
      return base.mkdir(file, options);
    },
    statfs: base.statfs ? (file) => base.statfs!(file) : undefined,
    realpath: base.realpath ? (file) => base.realpath!(file) : undefined,
  };
}

/** Deterministic bytes that look like a database export: JSON text with Chinese names, and some noise. */
export function samplePayload(bytes: number, seed = 1): Buffer {
  let state = seed >>> 0 || 1;
  const next = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0);
  const names = ['张三', '李四', '王五', '陈大文', '林小美', 'Ada', 'Grace'];
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const row = JSON.stringify({ id: next().toString(16), name: names[next() % names.length], phone: `138${String(next() % 1e8).padStart(8, '0')}`, totalFen: next() % 100_000 });
    parts.push(row);
    size += Buffer.byteLength(row) + 1;
  }
  const text = Buffer.from(parts.join('\n'), 'utf8').subarray(0, bytes);
  // Sprinkle incompressible bytes so gzip blocks of every kind appear.
  for (let i = 0; i < text.length; i += 997) text[i] = next() & 0xff;
  return text;
}

/** The password the crash test's writer sets up encryption with. */
export const CRASH_PASSWORD = '断电测试 2026';

/**
 * Electron's safeStorage as tests play it: sealed (never the plain text on disk), but not with a real OS key. The
 * same protector is the same PC: what one service sealed, another on the same data folder unseals.
 */
export const testProtector: SecretProtector = {
  isAvailable: () => true,
  encrypt: (plain) => Buffer.from(`sealed:${Buffer.from(plain).toString('base64')}`),
  decrypt: (sealed) => Buffer.from(sealed.toString().slice('sealed:'.length), 'base64').toString(),
};

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The PC's clock (`now`, which `set` changes as a person would) and elapsed time (`elapsed`, which only `advance` moves). */
export function testClock(start = new Date('2026-06-15T10:00:00.000Z')) {
  let time = start.getTime();
  let monotonic = 0;
  return {
    now: () => new Date(time),
    elapsed: () => monotonic,
    advance: (ms: number) => {
      time += ms;
      monotonic += ms;
    },
    set: (date: Date) => {
      time = date.getTime();
    },
  };
}

export const BEGIN: BackupBeginRequest = { schemaVersion: 3, counts: { customers: 240, purchases: 1800 }, payloadFormat: 'test-export/1', trigger: 'manual' };

export interface TestService {
  service: BackupService;
  dataFolder: string;
  backupFolder: string;
  notices: BackupNotice[];
  logs: string[];
}

export async function createTestService(options: Partial<BackupServiceOptions> & { dataFolder?: string } = {}): Promise<TestService> {
  const dataFolder = options.dataFolder ?? (await tempFolder());
  const notices: BackupNotice[] = [];
  const logs: string[] = [];
  const service = createBackupService({
    appVersion: '1.2.3',
    notify: (notice) => notices.push(notice),
    dialogs: null,
    showFolder: async () => undefined,
    protector: null,
    sleep: async () => undefined,
    log: (line) => logs.push(line),
    limits: { sweepEveryMs: 0 },
    ...options,
    dataFolder,
  });
  return { service, dataFolder, backupFolder: path.join(dataFolder, 'backups'), notices, logs };
}

/**
 * Main's own dialogs, played by the test: `choose` makes the owner pick `filePath` in the next "choose a file"
 * and returns the handle main gives the page for it (the page never names a path).
 */
export function scriptedDialogs() {
  let next: string | null = null;
  const dialogs = {
    chooseFolder: async () => null,
    chooseFile: async () => {
      const file = next;
      next = null;
      return file;
    },
  };
  const choose = async (service: BackupService, filePath: string): Promise<{ handle: string }> => {
    next = filePath;
    const chosen = await service.chooseFile();
    if (!chosen.ok || !chosen.value) throw new Error(`choosing ${filePath} failed`);
    return { handle: chosen.value.handle };
  };
  return { dialogs, choose };
}

/** begin → append in chunks → commit; the first failure is returned as is. */
export async function writeWhole(service: BackupService, payload: Uint8Array, request: Partial<BackupBeginRequest> = {}, chunkBytes = MAX_CHUNK_BYTES) {
  const begun = await service.begin({ ...BEGIN, ...request });
  if (!begun.ok) return begun;
  const { sessionId } = begun.value;
  for (let offset = 0; offset < payload.length; offset += chunkBytes) {
    const appended = await service.append(sessionId, offset, payload.subarray(offset, offset + chunkBytes));
    if (!appended.ok) return appended;
  }
  return service.commit(sessionId);
}

/** open → read to the end; the payload, or the first failure. */
export async function readWhole(service: BackupService, request: Parameters<BackupService['open']>[0]) {
  const opened = await service.open(request);
  if (!opened.ok) return opened;
  const pieces: Buffer[] = [];
  for (;;) {
    const piece = await service.read(opened.value.readId);
    if (!piece.ok) return piece;
    if (piece.value.offset !== pieces.reduce((sum, p) => sum + p.length, 0)) throw new Error('pieces out of order');
    pieces.push(piece.value.data);
    if (piece.value.done) return { ok: true as const, value: { preview: opened.value.preview, payload: Buffer.concat(pieces), pieces: pieces.length } };
  }
}

export async function listFolder(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).sort();
  } catch {
    return [];
  }
}
