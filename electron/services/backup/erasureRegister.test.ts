import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErasureEntry } from '../../../shared/domain/erasure';
import { faultyFs, tempFolder } from '../../../test/support/backupService';
import type { BackupLocation } from './backupStore';
import {
  BACKUP_FOLDER_REGISTER_FILE,
  ERASURE_REGISTER_FILE,
  MAX_REGISTER_BYTES,
  REGISTER_FORMAT,
  createErasureRegister,
  parseRegister,
  registerText,
} from './erasureRegister';
import { nodeBackupRandom } from './os';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

const id = (n: number) => `6f1d6a52-3c1e-4e8a-9a57-${String(n).padStart(12, '0')}`;
const entry = (n: number, day = n, purchases: ErasureEntry['purchases'] = 'delete'): ErasureEntry => ({
  id: id(n),
  erasedAt: `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`,
  purchases,
});

async function setUp(options: { fs?: ReturnType<typeof faultyFs>; location?: (dataFolder: string) => BackupLocation } = {}) {
  const dataFolder = await tempFolder('regulars-erasures-');
  folders.push(dataFolder);
  const logs: string[] = [];
  let location = options.location?.(dataFolder) ?? { folder: path.join(dataFolder, 'backups'), isDefault: true };
  const register = createErasureRegister({
    fs: options.fs ?? faultyFs(),
    random: nodeBackupRandom,
    sleep: async () => undefined,
    dataFolder,
    backupFolder: () => location,
    log: (line) => logs.push(line),
  });
  const mainFile = path.join(dataFolder, ERASURE_REGISTER_FILE);
  const folderFile = () => path.join(location.folder, BACKUP_FOLDER_REGISTER_FILE);
  const entriesIn = async (file: string) => (JSON.parse(await readFile(file, 'utf8')) as { entries: ErasureEntry[] }).entries;
  return {
    dataFolder,
    register,
    logs,
    mainFile,
    folderFile,
    entriesIn,
    moveBackups: (next: BackupLocation) => {
      location = next;
    },
  };
}

describe('the erasure register main keeps', () => {
  it('is empty and writes nothing while no one was erased', async () => {
    const { register, dataFolder } = await setUp();
    expect(await register.list()).toEqual([]);
    await register.sync();
    expect(await readdir(dataFolder)).toEqual([]);
  });

  it('writes each entry to the data folder and beside the backups, and only ever adds (the earliest date wins)', async () => {
    const { register, mainFile, folderFile, entriesIn } = await setUp();
    expect(await register.record([entry(2, 5, 'anonymise')])).toEqual({ ok: true, value: { known: 1 } });
    expect(await register.record([entry(1), entry(2, 9)])).toEqual({ ok: true, value: { known: 2 } });
    expect(await register.record([entry(2, 3)])).toEqual({ ok: true, value: { known: 2 } });
    const expected = [entry(1), entry(2, 3)];
    expect(await register.list()).toEqual(expected);
    expect(await entriesIn(mainFile)).toEqual(expected);
    expect(await entriesIn(folderFile())).toEqual(expected);
    expect(JSON.parse(await readFile(mainFile, 'utf8'))).toMatchObject({ format: REGISTER_FORMAT, version: 1 });
  });

  it('answers the union of both copies, and a copy that was lost is written again from the other', async () => {
    const { register, mainFile, folderFile, entriesIn, dataFolder } = await setUp();
    await register.record([entry(1)]);
    // The backup folder (a USB drive) also holds the register of the store's other PC.
    await writeFile(folderFile(), registerText([entry(1), entry(7)]));
    await rm(mainFile);
    expect(await register.list()).toEqual([entry(1), entry(7)]);
    await register.sync();
    expect(await entriesIn(mainFile)).toEqual([entry(1), entry(7)]);
    expect((await readdir(dataFolder)).sort()).toEqual(['backups', ERASURE_REGISTER_FILE]);
  });

  it('gives a new backup folder the register, and knows what a folder from elsewhere holds', async () => {
    const { register, folderFile, entriesIn, moveBackups, dataFolder } = await setUp();
    await register.record([entry(1)]);
    const usb = path.join(dataFolder, 'usb');
    await mkdir(usb);
    await writeFile(path.join(usb, BACKUP_FOLDER_REGISTER_FILE), registerText([entry(4)]));
    moveBackups({ folder: usb, isDefault: false });
    expect(await register.list()).toEqual([entry(1), entry(4)]);
    await register.sync();
    expect(await entriesIn(folderFile())).toEqual([entry(1), entry(4)]);
  });

  it('does not make a folder of the owner\'s own that is not there (a USB drive unplugged), and still records', async () => {
    const { register, mainFile, entriesIn, moveBackups, dataFolder, logs } = await setUp();
    const usb = path.join(dataFolder, 'usb');
    moveBackups({ folder: usb, isDefault: false });
    expect(await register.record([entry(1)])).toEqual({ ok: true, value: { known: 1 } });
    expect(await entriesIn(mainFile)).toEqual([entry(1)]);
    expect(await readdir(dataFolder)).not.toContain('usb');
    expect(logs.some((line) => line.includes('could not be written'))).toBe(true);
    // The drive is back: the next sync (after a backup) writes it there.
    await mkdir(usb);
    await register.sync();
    expect(await entriesIn(path.join(usb, BACKUP_FOLDER_REGISTER_FILE))).toEqual([entry(1)]);
  });

  it('ignores a damaged copy for reading, and keeps it aside rather than writing over it', async () => {
    const { register, mainFile, folderFile, entriesIn, dataFolder, logs } = await setUp();
    await register.record([entry(1)]);
    const garbage = '{"format":"regulars.erasure-register","version":1,"entries":[{"id":"6f1d6a52-3c1e-4e8a-9a57-0000';
    await writeFile(mainFile, garbage);
    expect(await register.list()).toEqual([entry(1)]);
    expect(logs.some((line) => line.includes('damaged'))).toBe(true);
    await register.record([entry(2)]);
    expect(await entriesIn(mainFile)).toEqual([entry(1), entry(2)]);
    const aside = (await readdir(dataFolder)).filter((name) => name.startsWith('erasure-register.damaged-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(dataFolder, aside[0]!), 'utf8')).toBe(garbage);
    expect(await entriesIn(folderFile())).toEqual([entry(1), entry(2)]);
  });

  it('takes only ids, dates and a code from a hostile file: names, phones, extra fields and odd values are dropped', () => {
    const hostile = JSON.stringify({
      format: REGISTER_FORMAT,
      version: 1,
      entries: [
        entry(1),
        { ...entry(2), name: '张三丰' },
        { ...entry(3), id: '张三丰 13812345678' },
        { ...entry(4), id: '13812345678' },
        { ...entry(5), erasedAt: '2026-02-30T10:00:00.000Z' },
        { ...entry(6), purchases: 'keep' },
        null,
        'x',
        [entry(7)],
        entry(8),
        { ...entry(8, 1) },
      ],
    });
    expect(parseRegister(hostile)).toEqual({ entries: [entry(1), entry(8, 1)], damaged: true });
    expect(parseRegister(JSON.stringify({ format: REGISTER_FORMAT, version: 1, entries: [entry(1)], __proto__: { polluted: true } }))).toEqual({ entries: [entry(1)], damaged: false });
    const polluted = parseRegister('{"format":"regulars.erasure-register","version":1,"entries":[],"__proto__":{"polluted":true}}');
    expect(polluted).toEqual({ entries: [], damaged: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const text of ['', 'null', '[]', '"x"', '{}', '{"format":"other","version":1,"entries":[]}', '{"format":"regulars.erasure-register","version":1,"entries":{}}', '\u0000\u00ff']) {
      expect(parseRegister(text)).toEqual({ entries: [], damaged: true });
    }
  });

  it('leaves a newer version\'s file alone, and a copy the disk refuses is never written over', async () => {
    const fs = faultyFs();
    const { register, mainFile, folderFile, entriesIn } = await setUp({ fs });
    const newer = JSON.stringify({ format: REGISTER_FORMAT, version: 2, entries: [] });
    await writeFile(mainFile, newer);
    expect(await register.record([entry(1)])).toEqual({ ok: false, reason: 'backup-write-failed' });
    expect(await readFile(mainFile, 'utf8')).toBe(newer);
    expect(await entriesIn(folderFile())).toEqual([entry(1)]);

    await writeFile(mainFile, registerText([entry(3)]));
    fs.faults.push({ op: 'open', when: (file) => file === mainFile, code: 'EACCES' });
    expect(await register.list()).toEqual([entry(1)]);
    expect(await register.record([entry(2)])).toEqual({ ok: false, reason: 'backup-no-permission' });
    fs.faults.length = 0;
    expect(await entriesIn(mainFile)).toEqual([entry(3)]);
    expect(await entriesIn(folderFile())).toEqual([entry(1), entry(2)]);
    expect(await register.list()).toEqual([entry(1), entry(2), entry(3)]);
  });

  it('ignores a file too large to be a register, and keeps it aside', async () => {
    const { register, folderFile, entriesIn, dataFolder } = await setUp();
    await register.record([entry(1)]);
    await writeFile(folderFile(), Buffer.alloc(MAX_REGISTER_BYTES + 1, 0x20));
    expect(await register.list()).toEqual([entry(1)]);
    await register.sync();
    expect(await entriesIn(folderFile())).toEqual([entry(1)]);
    expect((await readdir(path.join(dataFolder, 'backups'))).filter((name) => name.includes('.damaged-'))).toHaveLength(1);
  });

  it('keeps the old copy whole when a write fails half way', async () => {
    const fs = faultyFs();
    const { register, mainFile, entriesIn, dataFolder } = await setUp({ fs });
    await register.record([entry(1)]);
    fs.faults.push({ op: 'rename', when: (file) => path.dirname(file) === dataFolder, code: 'ENOSPC' });
    expect(await register.record([entry(2)])).toEqual({ ok: false, reason: 'backup-disk-full' });
    fs.faults.length = 0;
    expect(await entriesIn(mainFile)).toEqual([entry(1)]);
    expect((await readdir(dataFolder)).filter((name) => name.startsWith('.regulars-tmp-'))).toEqual([]);
    // The next write has it all: the backup folder's copy took entry 2.
    await register.sync();
    expect(await entriesIn(mainFile)).toEqual([entry(1), entry(2)]);
  });

  it('loses nothing to records made at the same time', async () => {
    const { register, mainFile, entriesIn } = await setUp();
    await Promise.all(Array.from({ length: 12 }, (_, n) => register.record([entry(n + 1)])));
    expect((await entriesIn(mainFile)).map((e) => e.id)).toEqual(Array.from({ length: 12 }, (_, n) => id(n + 1)));
  });
});
