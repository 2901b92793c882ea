// Each backup's password key derived once, however often the test reads the backup (scrypt is pure).
import '../../../test/support/scryptMemo';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CHUNK_BYTES, OWN_BACKUP_NAME, SCRYPT_N } from '../../../shared/backup/format';
import { err, ok } from '../../../shared/result';
import { DEFAULT_BACKUP_LIMITS, MAX_CHOSEN_FILES } from './backupStore';
import type { BackupFs } from './os';
import {
  BEGIN,
  createTestService,
  faultyFs,
  listFolder,
  readWhole,
  samplePayload,
  scriptedDialogs,
  tempFolder,
  testClock,
  writeWhole,
  type Fault,
} from '../../../test/support/backupService';

const folders: string[] = [];
async function setup(options: Parameters<typeof createTestService>[0] = {}) {
  const dataFolder = options.dataFolder ?? (await tempFolder());
  folders.push(dataFolder);
  return createTestService({ ...options, dataFolder });
}
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

const isTemp = (name: string) => name.startsWith('.regulars-tmp-');
const backupsIn = async (folder: string) => (await listFolder(folder)).filter((name) => name.endsWith('.rgbackup'));
const headerOf = async (file: string) => {
  const bytes = await readFile(file);
  const length = bytes.readUInt32BE(8);
  return JSON.parse(bytes.subarray(12, 12 + length).toString('utf8')) as Record<string, unknown>;
};

describe('writing a backup', () => {
  it('writes, verifies and lists a backup, encrypted by default, and reads back exactly the payload in pieces on this PC', async () => {
    const { service, backupFolder, notices } = await setup();
    const payload = samplePayload(1_300_000);
    const result = await writeWhole(service, payload, {}, 300_001);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { backup, removed } = result.value;
    expect(removed).toEqual([]);
    expect(backup).toMatchObject({
      status: 'ok', own: true, encrypted: true, appVersion: '1.2.3', schemaVersion: 3, formatVersion: 3, trigger: 'manual',
      counts: { customers: 240, purchases: 1800 }, payloadFormat: 'test-export/1', payloadBytes: payload.length,
    });
    expect(backup.fileName).toMatch(OWN_BACKUP_NAME);
    expect(backup.verifiedAt).not.toBeNull();
    expect(await listFolder(backupFolder)).toEqual([backup.fileName, `${backup.fileName}.verified`]);

    const listing = await service.list();
    expect(listing).toEqual(ok({ folder: backupFolder, freeBytes: expect.any(Number), entries: [backup] }));

    const read = await readWhole(service, { source: { fileName: backup.fileName }, appSchemaVersion: 3 });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.payload.equals(payload)).toBe(true);
    expect(read.value.pieces).toBe(Math.ceil(payload.length / MAX_CHUNK_BYTES));
    expect(read.value.preview).toMatchObject({ fileName: backup.fileName, sizeBytes: backup.sizeBytes, id: backup.id, counts: backup.counts });
    expect(notices).toEqual([]);
  });

  it('stores the payload compressed', async () => {
    const { service } = await setup();
    const payload = samplePayload(2_000_000);
    const result = await writeWhole(service, payload);
    expect(result.ok && result.value.backup.sizeBytes).toBeLessThan(payload.length / 2);
  });

  it('accepts pieces of any size, an empty payload included', async () => {
    const { service } = await setup();
    const payload = samplePayload(5_000, 7);
    const tiny = await writeWhole(service, payload, {}, 1);
    expect(tiny.ok).toBe(true);
    const empty = await writeWhole(service, Buffer.alloc(0));
    expect(empty).toMatchObject({ ok: true, value: { backup: { payloadBytes: 0 } } });
    if (!tiny.ok || !empty.ok) return;
    const readTiny = await readWhole(service, { source: { fileName: tiny.value.backup.fileName }, appSchemaVersion: 3 });
    expect(readTiny.ok && readTiny.value.payload.equals(payload)).toBe(true);
    const readEmpty = await readWhole(service, { source: { fileName: empty.value.backup.fileName }, appSchemaVersion: 3 });
    expect(readEmpty).toMatchObject({ ok: true, value: { pieces: 1 } });
    expect(readEmpty.ok && readEmpty.value.payload.length).toBe(0);
  });

  it('encrypts with the backup password: nothing readable on disk, elsewhere only the right password reads it back', async () => {
    const { service, backupFolder } = await setup();
    const set = await service.setPassword('店里的密码 2026');
    expect(set).toMatchObject({ ok: true, value: { passwordSet: true, encryption: { state: 'on' } } });
    const keyId = set.ok ? set.value.encryption.recoveryKey?.id : undefined;
    const payload = samplePayload(700_000, 3);
    const result = await writeWhole(service, payload);
    expect(result).toMatchObject({ ok: true, value: { backup: { encrypted: true } } });
    if (!result.ok) return;
    const file = path.join(backupFolder, result.value.backup.fileName);
    const bytes = await readFile(file);
    expect(bytes.includes(Buffer.from('张三'))).toBe(false);
    expect(bytes.includes(Buffer.from('"phone"'))).toBe(false);
    // The password joins the recovery key automatic encryption made: both wraps, one sheet for old and new backups.
    expect((await headerOf(file)).encryption).toMatchObject({ cipher: 'aes-256-gcm', password: { kdf: 'scrypt', N: SCRYPT_N, r: 8, p: 1 }, recovery: { keyId } });

    // Another PC holds no key: it asks for the password.
    const { dialogs, choose } = scriptedDialogs();
    const other = await setup({ dialogs });
    const source = await choose(other.service, file);
    expect(await other.service.inspect({ source, appSchemaVersion: 3 })).toEqual(err('backup-password-required'));
    expect(await other.service.inspect({ source, appSchemaVersion: 3, password: '店里的密码 2025' })).toEqual(err('backup-wrong-password'));
    const read = await readWhole(other.service, { source, appSchemaVersion: 3, password: '店里的密码 2026' });
    expect(read.ok && read.value.payload.equals(payload)).toBe(true);
  });

  it('treats a password typed composed or decomposed (NFC/NFD) as the same password', async () => {
    const { service } = await setup();
    await service.setPassword('Café-密码'.normalize('NFD'));
    const result = await writeWhole(service, samplePayload(1000));
    if (!result.ok) throw new Error(result.reason);
    expect(await service.inspect({ source: { fileName: result.value.backup.fileName }, appSchemaVersion: 3, password: 'Café-密码'.normalize('NFC') })).toMatchObject({ ok: true });
  });

  it('stops encrypting new backups once encryption is turned off, and says since when', async () => {
    const { service } = await setup();
    await service.setPassword('secret');
    expect(await service.setPassword(null)).toMatchObject({ ok: true, value: { passwordSet: false, encryption: { state: 'off', offAt: expect.any(String), recoveryKey: null } } });
    expect(await writeWhole(service, samplePayload(1000))).toMatchObject({ ok: true, value: { backup: { encrypted: false } } });
  });

  it('refuses a piece at the wrong offset without harm, and one that is too big', async () => {
    const { service } = await setup();
    const begun = await service.begin(BEGIN);
    if (!begun.ok) throw new Error(begun.reason);
    const { sessionId } = begun.value;
    expect(await service.append(sessionId, 0, Buffer.from('abc'))).toEqual(ok({ receivedBytes: 3 }));
    expect(await service.append(sessionId, 0, Buffer.from('abc'))).toEqual(err('invalid-request'));
    expect(await service.append(sessionId, 10, Buffer.from('abc'))).toEqual(err('invalid-request'));
    expect(await service.append(sessionId, 3, Buffer.alloc(MAX_CHUNK_BYTES + 1))).toEqual(err('invalid-request'));
    expect(await service.append(sessionId, 3, Buffer.from('def'))).toEqual(ok({ receivedBytes: 6 }));
    const committed = await service.commit(sessionId);
    if (!committed.ok) throw new Error(committed.reason);
    const read = await readWhole(service, { source: { fileName: committed.value.backup.fileName }, appSchemaVersion: 3 });
    expect(read.ok && read.value.payload.toString()).toBe('abcdef');
  });

  it('handles pieces sent without waiting, in the order they were sent', async () => {
    const { service } = await setup();
    const begun = await service.begin(BEGIN);
    if (!begun.ok) throw new Error(begun.reason);
    const payload = samplePayload(40_000, 9);
    const sends = [];
    for (let offset = 0; offset < payload.length; offset += 4000) sends.push(service.append(begun.value.sessionId, offset, payload.subarray(offset, offset + 4000)));
    expect((await Promise.all(sends)).every((result) => result.ok)).toBe(true);
    const committed = await service.commit(begun.value.sessionId);
    if (!committed.ok) throw new Error(committed.reason);
    const read = await readWhole(service, { source: { fileName: committed.value.backup.fileName }, appSchemaVersion: 3 });
    expect(read.ok && read.value.payload.equals(payload)).toBe(true);
  });

  it('refuses a payload over the limit, removes its files and says so', async () => {
    const { service, backupFolder, notices } = await setup({ limits: { maxPayloadBytes: 1000, sweepEveryMs: 0 } });
    const result = await writeWhole(service, samplePayload(1500), { trigger: 'automatic' }, 600);
    expect(result).toEqual(err('backup-too-large'));
    expect(notices).toEqual([{ kind: 'backup-failed', reason: 'backup-too-large', trigger: 'automatic' }]);
    expect(await listFolder(backupFolder)).toEqual([]);
  });

  it('answers for sessions that are gone', async () => {
    const { service } = await setup();
    const unknown = '6f1c2b1e-4a1b-4c8e-9f3a-2b7d9c1e0a55';
    expect(await service.append(unknown, 0, Buffer.from('x'))).toEqual(err('backup-session-expired'));
    expect(await service.commit(unknown)).toEqual(err('backup-session-expired'));
    expect(await service.abort(unknown)).toEqual(ok(null));
    expect(await service.read(unknown)).toEqual(err('backup-session-expired'));
    expect(await service.close(unknown)).toEqual(ok(null));
    const committed = await writeWhole(service, Buffer.from('x'));
    expect(committed.ok).toBe(true);
  });

  // The page aborts an automatic backup whose store kept changing ('export-busy'): postponed, never a notification.
  it('removes everything of an aborted backup, and does not call that a failure', async () => {
    const { service, backupFolder, notices } = await setup();
    const begun = await service.begin(BEGIN);
    if (!begun.ok) throw new Error(begun.reason);
    await service.append(begun.value.sessionId, 0, samplePayload(100_000));
    expect((await listFolder(backupFolder)).some(isTemp)).toBe(true);
    expect(await service.abort(begun.value.sessionId)).toEqual(ok(null));
    expect(await listFolder(backupFolder)).toEqual([]);
    expect(await service.commit(begun.value.sessionId)).toEqual(err('backup-session-expired'));
    expect(notices).toEqual([]);
  });

  it('allows two backups at once, not three', async () => {
    const { service, notices } = await setup();
    const first = await service.begin(BEGIN);
    const second = await service.begin(BEGIN);
    expect(await service.begin({ ...BEGIN, trigger: 'automatic' })).toEqual(err('backup-busy'));
    // Put off, not failed: no desktop notification.
    expect(notices).toEqual([]);
    if (!first.ok || !second.ok) throw new Error('begin failed');
    await service.append(first.value.sessionId, 0, Buffer.from('first'));
    await service.append(second.value.sessionId, 0, Buffer.from('second'));
    const [a, b] = await Promise.all([service.commit(first.value.sessionId), service.commit(second.value.sessionId)]);
    expect(a.ok && b.ok).toBe(true);
    expect((await service.begin(BEGIN)).ok).toBe(true);
  });

  it('drops a session left idle (a renderer that went away), and reset drops them all', async () => {
    const clock = testClock();
    const { service, backupFolder } = await setup({ now: clock.now, elapsed: clock.elapsed, limits: { sweepEveryMs: 0 } });
    const idle = await service.begin(BEGIN);
    if (!idle.ok) throw new Error(idle.reason);
    await service.append(idle.value.sessionId, 0, Buffer.from('x'));
    const recent = await service.begin(BEGIN);
    if (!recent.ok) throw new Error(recent.reason);
    clock.advance(DEFAULT_BACKUP_LIMITS.idleMs - 1);
    await service.append(recent.value.sessionId, 0, Buffer.from('x'));
    clock.advance(2);
    await service.sweepIdleSessions();
    expect(await service.append(idle.value.sessionId, 1, Buffer.from('y'))).toEqual(err('backup-session-expired'));
    expect(await service.append(recent.value.sessionId, 1, Buffer.from('y'))).toEqual(ok({ receivedBytes: 2 }));
    const fresh = await service.begin(BEGIN);
    expect(fresh.ok).toBe(true);
    await service.reset();
    expect(await listFolder(backupFolder)).toEqual([]);
    expect(await service.append(recent.value.sessionId, 2, Buffer.from('z'))).toEqual(err('backup-session-expired'));
  });

  for (const [label, by] of [
    ['put back a year', -365 * 86_400_000],
    ['put back an hour', -3_600_000],
    ['put forward an hour', 3_600_000],
    ['put forward a year', 365 * 86_400_000],
  ] as const) {
    it(`times idle sessions on elapsed time: the clock ${label} neither keeps a dead one nor drops a live one`, async () => {
      const clock = testClock();
      const { service } = await setup({ now: clock.now, elapsed: clock.elapsed, limits: { sweepEveryMs: 0 } });
      const dead = await service.begin(BEGIN);
      const live = await service.begin(BEGIN);
      if (!dead.ok || !live.ok) throw new Error('begin failed');
      clock.advance(DEFAULT_BACKUP_LIMITS.idleMs / 2);
      clock.set(new Date(clock.now().getTime() + by));
      await service.append(live.value.sessionId, 0, Buffer.from('x'));
      await service.sweepIdleSessions();
      expect(await service.append(live.value.sessionId, 1, Buffer.from('y'))).toEqual(ok({ receivedBytes: 2 }));
      clock.advance(DEFAULT_BACKUP_LIMITS.idleMs / 2 + 1);
      await service.append(live.value.sessionId, 2, Buffer.from('z'));
      await service.sweepIdleSessions();
      expect(await service.append(dead.value.sessionId, 0, Buffer.from('x'))).toEqual(err('backup-session-expired'));
      expect(await service.append(live.value.sessionId, 3, Buffer.from('w'))).toEqual(ok({ receivedBytes: 4 }));
      // The dead one's place is free again.
      expect((await service.begin(BEGIN)).ok).toBe(true);
    });
  }

  it('keeps the main process responsive while a large backup is written and verified', async () => {
    const { service } = await setup();
    const payload = samplePayload(8_000_000, 5);
    let longest = 0;
    let ticks = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const time = performance.now();
      longest = Math.max(longest, time - last);
      last = time;
      ticks++;
    }, 5);
    try {
      const result = await writeWhole(service, payload);
      expect(result.ok).toBe(true);
    } finally {
      clearInterval(ticker);
    }
    // A purchase is recorded in the renderer; main only has to keep answering. Timers kept firing all
    // through the backup; the bound on the longest gap is generous, for a busy 2-core PC running other tests.
    expect(ticks).toBeGreaterThanOrEqual(10);
    expect(longest).toBeLessThan(1000);
  });
});

describe('failures leave earlier backups untouched and no temp files', () => {
  async function withEarlierBackup(faults: Fault[], options: Parameters<typeof createTestService>[0] = {}) {
    const fs = faultyFs();
    const context = await setup({ fs, ...options });
    const earlier = await writeWhole(context.service, samplePayload(50_000, 11));
    if (!earlier.ok) throw new Error(earlier.reason);
    const earlierFile = path.join(context.backupFolder, earlier.value.backup.fileName);
    const earlierBytes = await readFile(earlierFile);
    fs.faults.push(...faults);
    const expectIntact = async () => {
      expect((await readFile(earlierFile)).equals(earlierBytes)).toBe(true);
      expect((await listFolder(context.backupFolder)).filter(isTemp)).toEqual([]);
      const read = await readWhole(context.service, { source: { fileName: earlier.value.backup.fileName }, appSchemaVersion: 3 });
      expect(read.ok).toBe(true);
    };
    return { ...context, fs, earlier: earlier.value.backup, expectIntact };
  }
  const spool = (file: string) => file.endsWith('.spool');
  const part = (file: string) => file.endsWith('.part');

  it.each([
    ['the disk fills while pieces arrive', 'backup-disk-full', [{ op: 'write', when: spool, code: 'ENOSPC' }]],
    ['the disk fills while the file is written', 'backup-disk-full', [{ op: 'write', when: part, code: 'ENOSPC' }]],
    ['the disk fills at fsync', 'backup-disk-full', [{ op: 'sync', when: part, code: 'ENOSPC' }]],
    ['a quota is exceeded', 'backup-disk-full', [{ op: 'write', when: part, code: 'EDQUOT' }]],
    ['the folder refuses new files', 'backup-no-permission', [{ op: 'open', when: part, code: 'EACCES' }]],
    ['the folder vanishes before the file is created', 'backup-folder-missing', [{ op: 'open', when: part, code: 'ENOENT' }]],
    ['the rename keeps failing', 'backup-no-permission', [{ op: 'rename', when: part, code: 'EPERM' }]],
    ['the disk reports an I/O error', 'backup-write-failed', [{ op: 'write', when: part, code: 'EIO' }]],
  ] as Array<[string, string, Fault[]]>)('when %s: %s', async (_name, reason, faults) => {
    const { service, notices, expectIntact } = await withEarlierBackup(faults);
    expect(await writeWhole(service, samplePayload(900_000, 12), { trigger: 'automatic' })).toEqual(err(reason));
    expect(notices).toEqual([{ kind: 'backup-failed', reason, trigger: 'automatic' }]);
    await expectIntact();
  });

  it('reports a failure to create the spool at begin', async () => {
    const { service, notices, expectIntact } = await withEarlierBackup([{ op: 'open', when: spool, code: 'ENOSPC' }]);
    expect(await service.begin(BEGIN)).toEqual(err('backup-disk-full'));
    expect(notices).toEqual([{ kind: 'backup-failed', reason: 'backup-disk-full', trigger: 'manual' }]);
    await expectIntact();
  });

  it('retries a rename that a virus scanner blocks for a moment', async () => {
    const waits: number[] = [];
    const { service, expectIntact } = await withEarlierBackup([{ op: 'rename', when: part, code: 'EBUSY', times: 3 }], {
      sleep: async (ms) => void waits.push(ms),
    });
    expect((await writeWhole(service, samplePayload(10_000))).ok).toBe(true);
    expect(waits).toEqual([50, 100, 200]);
    await expectIntact();
  });

  it('works where a folder cannot be fsynced (Windows)', async () => {
    const { service, fs, backupFolder } = await withEarlierBackup([]);
    fs.faults.push({ op: 'open', when: (file) => file === backupFolder, code: 'EISDIR' });
    expect((await writeWhole(service, samplePayload(10_000))).ok).toBe(true);
  });

  it('gives the folder-missing reason when the backup folder disappears mid-backup', async () => {
    const { service, backupFolder, notices } = await setup();
    const begun = await service.begin(BEGIN);
    if (!begun.ok) throw new Error(begun.reason);
    await service.append(begun.value.sessionId, 0, samplePayload(10_000));
    await rm(backupFolder, { recursive: true });
    expect(await service.commit(begun.value.sessionId)).toEqual(err('backup-folder-missing'));
    expect(notices.map((n) => n.reason)).toEqual(['backup-folder-missing']);
  });

  it('refuses to give a final name to a file that does not read back as written', async () => {
    const base = faultyFs();
    // The disk "remembers" one byte wrong: every read of the new file flips a bit in the first block.
    const lying: BackupFs = {
      ...base,
      open: async (file, flags) => {
        const handle = await base.open(file, flags);
        if (!part(file) || flags !== 'r') return handle;
        return {
          ...handle,
          read: async (buffer, offset, length, position) => {
            const result = await handle.read(buffer, offset, length, position);
            if (position <= 600 && position + result.bytesRead > 600) buffer[offset + 600 - position] = (buffer[offset + 600 - position] as number) ^ 0x01;
            return result;
          },
        };
      },
    };
    const { service, backupFolder, notices } = await setup({ fs: lying });
    expect(await writeWhole(service, samplePayload(200_000, 4))).toEqual(err('backup-verify-failed'));
    expect(notices.map((n) => n.reason)).toEqual(['backup-verify-failed']);
    expect(await listFolder(backupFolder)).toEqual([]);
  });

  it('keeps a good backup when only its verification record cannot be written, and says it is unverified', async () => {
    const { service, logs } = await setup({ fs: faultyFs([{ op: 'open', when: (file) => file.endsWith('.verified'), code: 'ENOSPC' }]) });
    const result = await writeWhole(service, samplePayload(1000));
    expect(result).toMatchObject({ ok: true, value: { backup: { verifiedAt: null } } });
    expect(logs.some((line) => line.includes('verification record'))).toBe(true);
    const listing = await service.list();
    expect(listing.ok && listing.value.entries.map((e) => e.status === 'ok' && e.verifiedAt)).toEqual([null]);
  });

  it('refuses to start in a chosen folder that is gone (a USB drive taken out), without creating it', async () => {
    const { service, notices } = await setup();
    const usb = await tempFolder('regulars-usb-');
    expect((await service.configure({ folder: usb })).ok).toBe(true);
    await rm(usb, { recursive: true });
    expect(await service.begin({ ...BEGIN, trigger: 'automatic' })).toEqual(err('backup-folder-missing'));
    expect(notices).toEqual([{ kind: 'backup-failed', reason: 'backup-folder-missing', trigger: 'automatic' }]);
    expect(await listFolder(usb)).toEqual([]);
    expect(await service.list()).toEqual(err('backup-folder-missing'));
  });
});

describe('retention after each backup', () => {
  it('keeps the newest ten of the last day and removes older ones with their records', async () => {
    const clock = testClock(new Date('2026-06-15T08:00:00.000Z'));
    const { service, backupFolder } = await setup({ now: clock.now });
    const names: string[] = [];
    const removed: string[] = [];
    for (let i = 0; i < 13; i++) {
      const result = await writeWhole(service, samplePayload(2000, i));
      if (!result.ok) throw new Error(result.reason);
      names.push(result.value.backup.fileName);
      removed.push(...result.value.removed);
      clock.advance(10 * 60_000);
    }
    expect(removed).toEqual(names.slice(0, 3));
    const left = await backupsIn(backupFolder);
    expect(left).toEqual(names.slice(3).sort());
    expect((await listFolder(backupFolder)).filter((n) => n.endsWith('.verified'))).toEqual(names.slice(3).sort().map((n) => `${n}.verified`));
  });

  it('follows changed settings, and never touches copies, foreign files or unreadable ones', async () => {
    const clock = testClock(new Date('2026-06-15T08:00:00.000Z'));
    const { service, backupFolder } = await setup({ now: clock.now });
    const first = await writeWhole(service, samplePayload(2000, 1));
    if (!first.ok) throw new Error(first.reason);
    const copy = 'before the move (copy).rgbackup';
    await writeFile(path.join(backupFolder, copy), await readFile(path.join(backupFolder, first.value.backup.fileName)));
    const brokenOwn = 'regulars-2026-01-01-000000Z-0badf00d.rgbackup';
    await writeFile(path.join(backupFolder, brokenOwn), 'not a backup');
    await writeFile(path.join(backupFolder, 'notes.txt'), 'owner notes');
    expect((await service.configure({ retention: { recentHours: 24, recentMax: 2, dailyDays: 0, monthlyMonths: 0 } })).ok).toBe(true);
    for (let i = 0; i < 4; i++) {
      clock.advance(60_000);
      expect((await writeWhole(service, samplePayload(2000, i + 10))).ok).toBe(true);
    }
    const left = await listFolder(backupFolder);
    expect(left).toContain(copy);
    expect(left).toContain(brokenOwn);
    expect(left).toContain('notes.txt');
    expect(left).not.toContain(first.value.backup.fileName);
    // Two recent ones by the settings, but never fewer than the newest three.
    expect(left.filter((n) => OWN_BACKUP_NAME.test(n) && n !== brokenOwn)).toHaveLength(3);
  });

  it('with the clock put 13 months ahead, keeps the newest three, the safety backup and the history', async () => {
    const clock = testClock(new Date('2026-06-01T09:00:00.000Z'));
    const { service, backupFolder } = await setup({ now: clock.now });
    const names: string[] = [];
    // Two weeks of a backup a day, a restore (its safety backup) on the 10th day.
    for (let day = 0; day < 14; day++) {
      const result = await writeWhole(service, samplePayload(1500, day), { trigger: day === 9 ? 'safety' : 'automatic' });
      if (!result.ok) throw new Error(result.reason);
      names.push(result.value.backup.fileName);
      clock.advance(24 * 3_600_000);
    }
    expect(await backupsIn(backupFolder)).toEqual([...names].sort());
    clock.set(new Date('2027-07-15T09:00:00.000Z'));
    const wrong = await writeWhole(service, samplePayload(1500, 99), { trigger: 'automatic' });
    if (!wrong.ok) throw new Error(wrong.reason);
    const left = await backupsIn(backupFolder);
    expect(left).toContain(wrong.value.backup.fileName);
    expect(left).toContain(names[9]);
    for (const name of names.slice(-2)) expect(left).toContain(name);
    // Counting back from the wrong "now", every one of the fourteen would be more than a year old.
    expect(wrong.value.removed).toEqual([]);
  });
});

describe('showing the backup folder', () => {
  it('reveals the folder with its newest backup selected, and never hands the OS a path to open', async () => {
    const clock = testClock();
    const shown: Array<[string, string | null]> = [];
    const { service, backupFolder } = await setup({ now: clock.now, showFolder: async (folder, item) => void shown.push([folder, item]) });
    expect(await service.showFolder()).toEqual(ok(null));
    expect(shown).toEqual([[backupFolder, null]]);
    const older = await writeWhole(service, samplePayload(500, 1));
    clock.advance(60_000);
    const newer = await writeWhole(service, samplePayload(500, 2));
    if (!older.ok || !newer.ok) throw new Error('write failed');
    await writeFile(path.join(backupFolder, 'zzz run me.exe.rgbackup'), 'not a backup');
    expect(await service.showFolder()).toEqual(ok(null));
    expect(shown[1]).toEqual([backupFolder, path.join(backupFolder, newer.value.backup.fileName)]);
  });

  it('refuses a chosen folder that has become a file, or a link to a system folder, without asking the OS', async () => {
    const shown: string[] = [];
    const { service } = await setup({ showFolder: async (folder) => void shown.push(folder) });
    const usb = await tempFolder('regulars-usb-');
    folders.push(usb);
    const chosen = path.join(usb, 'backups');
    await mkdir(chosen);
    expect((await service.configure({ folder: chosen })).ok).toBe(true);
    await rm(chosen, { recursive: true });
    await writeFile(chosen, 'MZ a program in the folder\'s place');
    expect(await service.showFolder()).toEqual(err('backup-folder-invalid'));
    await rm(chosen);
    await symlink('/etc', chosen);
    expect(await service.showFolder()).toEqual(err('backup-folder-system'));
    expect(shown).toEqual([]);
  });
});

describe('the backup list', () => {
  it('lists newest first, shows unreadable files with their reason, and skips what is not a backup', async () => {
    const clock = testClock();
    const { service, backupFolder } = await setup({ now: clock.now });
    const older = await writeWhole(service, samplePayload(1000, 1));
    clock.advance(3_600_000);
    const newer = await writeWhole(service, samplePayload(1000, 2));
    if (!older.ok || !newer.ok) throw new Error('write failed');
    await writeFile(path.join(backupFolder, 'exported.rgbackup'), JSON.stringify({ customers: [] }));
    const bytes = await readFile(path.join(backupFolder, newer.value.backup.fileName));
    await writeFile(path.join(backupFolder, 'cut short.rgbackup'), bytes.subarray(0, bytes.length - 10));
    await writeFile(path.join(backupFolder, 'readme.txt'), 'hello');
    await mkdir(path.join(backupFolder, 'folder.rgbackup'));
    await writeFile(path.join(backupFolder, '.regulars-tmp-6f1c2b1e-4a1b-4c8e-9f3a-2b7d9c1e0a55.part'), 'half');

    const listing = await service.list();
    if (!listing.ok) throw new Error(listing.reason);
    const summary = listing.value.entries.map((e) => [e.fileName, e.status === 'ok' ? 'ok' : e.reason]);
    expect(new Set(summary.map((s) => s.join(':')))).toEqual(
      new Set([`${newer.value.backup.fileName}:ok`, `${older.value.backup.fileName}:ok`, 'exported.rgbackup:not-a-backup', 'cut short.rgbackup:backup-truncated']),
    );
    const okOnes = listing.value.entries.filter((e) => e.status === 'ok');
    expect(okOnes.map((e) => e.fileName)).toEqual([newer.value.backup.fileName, older.value.backup.fileName]);
  });

  it('shows a backup as unverified when its record is missing, damaged or about another file', async () => {
    const { service, backupFolder } = await setup();
    const a = await writeWhole(service, samplePayload(1000, 1));
    const b = await writeWhole(service, samplePayload(1000, 2));
    const c = await writeWhole(service, samplePayload(1000, 3));
    if (!a.ok || !b.ok || !c.ok) throw new Error('write failed');
    await rm(path.join(backupFolder, `${a.value.backup.fileName}.verified`));
    await writeFile(path.join(backupFolder, `${b.value.backup.fileName}.verified`), '{ broken');
    await writeFile(
      path.join(backupFolder, `${c.value.backup.fileName}.verified`),
      JSON.stringify({ format: 'regulars-backup-verification', version: 1, backupId: a.value.backup.id, fileBytes: c.value.backup.sizeBytes, fileSha256: '0'.repeat(64), verifiedAt: '2026-06-15T10:00:00.000Z' }),
    );
    const listing = await service.list();
    if (!listing.ok) throw new Error(listing.reason);
    expect(listing.value.entries.map((e) => e.status === 'ok' && e.verifiedAt)).toEqual([null, null, null]);

    // A full check (the restore preview) writes the record again.
    expect((await service.inspect({ source: { fileName: a.value.backup.fileName }, appSchemaVersion: 3 })).ok).toBe(true);
    const again = await service.list();
    if (!again.ok) throw new Error(again.reason);
    expect(again.value.entries.find((e) => e.fileName === a.value.backup.fileName)).toMatchObject({ verifiedAt: expect.any(String) });
  });

  it('is empty before the first backup, and does not create the folder to say so', async () => {
    const { service, backupFolder } = await setup();
    expect(await service.list()).toEqual(ok({ folder: backupFolder, freeBytes: null, entries: [] }));
    expect(await listFolder(backupFolder)).toEqual([]);
  });
});

describe('start-up clean-up', () => {
  it('removes only the temp files and records an interrupted backup left behind', async () => {
    const dataFolder = await tempFolder();
    folders.push(dataFolder);
    const first = await createTestService({ dataFolder });
    const kept = await writeWhole(first.service, samplePayload(1000));
    if (!kept.ok) throw new Error(kept.reason);
    const folder = first.backupFolder;
    const uuid = '6f1c2b1e-4a1b-4c8e-9f3a-2b7d9c1e0a55';
    const leftovers = [`.regulars-tmp-${uuid}.part`, `.regulars-tmp-${uuid}.spool`, `.regulars-tmp-${uuid}.verified`, 'regulars-2026-01-01-000000Z-deadbeef.rgbackup.verified'];
    const strangers = ['.regulars-tmp-not-a-uuid.part', 'notes.tmp', 'my copy.rgbackup.verified', '.regulars-tmp-6F1C2B1E-4A1B-4C8E-9F3A-2B7D9C1E0A55.part'];
    for (const name of [...leftovers, ...strangers]) await writeFile(path.join(folder, name), 'x');
    await writeFile(path.join(dataFolder, `.regulars-tmp-${uuid}.settings`), 'x');

    const second = await createTestService({ dataFolder });
    await second.service.startUp();
    const left = await listFolder(folder);
    for (const name of leftovers) expect(left).not.toContain(name);
    for (const name of strangers) expect(left).toContain(name);
    expect(left).toContain(kept.value.backup.fileName);
    expect(left).toContain(`${kept.value.backup.fileName}.verified`);
    expect(await listFolder(dataFolder)).not.toContain(`.regulars-tmp-${uuid}.settings`);
    expect(second.logs).toEqual(['[backup] removed 4 file(s) an interrupted backup left behind']);
  });
});

describe('reading a backup for restore', () => {
  it('refuses a backup from a newer database schema, and accepts the same or an older one', async () => {
    const { service } = await setup();
    const result = await writeWhole(service, samplePayload(1000), { schemaVersion: 5 });
    if (!result.ok) throw new Error(result.reason);
    const source = { fileName: result.value.backup.fileName };
    expect(await service.inspect({ source, appSchemaVersion: 4 })).toEqual(err('backup-newer-schema'));
    expect(await service.open({ source, appSchemaVersion: 4 })).toEqual(err('backup-newer-schema'));
    expect((await service.inspect({ source, appSchemaVersion: 5 })).ok).toBe(true);
    expect((await service.inspect({ source, appSchemaVersion: 9 })).ok).toBe(true);
  });

  it('reads the file it checked, even if another file takes its name afterwards', async () => {
    const { service, backupFolder } = await setup();
    const original = samplePayload(900_000, 1);
    const a = await writeWhole(service, original);
    const b = await writeWhole(service, samplePayload(900_000, 2));
    if (!a.ok || !b.ok) throw new Error('write failed');
    const opened = await service.open({ source: { fileName: a.value.backup.fileName }, appSchemaVersion: 3 });
    if (!opened.ok) throw new Error(opened.reason);
    await rename(path.join(backupFolder, b.value.backup.fileName), path.join(backupFolder, a.value.backup.fileName));
    const pieces: Buffer[] = [];
    for (;;) {
      const piece = await service.read(opened.value.readId);
      if (!piece.ok) throw new Error(piece.reason);
      pieces.push(piece.value.data);
      if (piece.value.done) break;
    }
    expect(Buffer.concat(pieces).equals(original)).toBe(true);
  });

  it('never says done when the file changes under the read: the last piece fails instead', async () => {
    const { service, backupFolder } = await setup();
    // Incompressible, so the file is far longer than what the first piece reads ahead.
    const a = await writeWhole(service, randomBytes(3_000_000));
    if (!a.ok) throw new Error(a.reason);
    const file = path.join(backupFolder, a.value.backup.fileName);
    const opened = await service.open({ source: { fileName: a.value.backup.fileName }, appSchemaVersion: 3 });
    if (!opened.ok) throw new Error(opened.reason);
    const first = await service.read(opened.value.readId);
    expect(first).toMatchObject({ ok: true, value: { offset: 0, done: false } });
    const bytes = await readFile(file);
    bytes[bytes.length - 40] = (bytes[bytes.length - 40] as number) ^ 0xff;
    await writeFile(file, bytes); // in place: same inode, as a disk error or another program would
    let last;
    do last = await service.read(opened.value.readId);
    while (last.ok && !last.value.done);
    expect(last).toEqual(err('backup-damaged'));
    expect(await service.read(opened.value.readId)).toEqual(err('backup-session-expired'));
  });

  it('closes a read on request, and allows two reads at once, not three', async () => {
    const { service } = await setup();
    const a = await writeWhole(service, samplePayload(2000));
    if (!a.ok) throw new Error(a.reason);
    const request = { source: { fileName: a.value.backup.fileName }, appSchemaVersion: 3 };
    const one = await service.open(request);
    const two = await service.open(request);
    expect(await service.open(request)).toEqual(err('backup-busy'));
    if (!one.ok || !two.ok) throw new Error('open failed');
    expect(await service.close(one.value.readId)).toEqual(ok(null));
    expect(await service.read(one.value.readId)).toEqual(err('backup-session-expired'));
    expect((await service.open(request)).ok).toBe(true);
  });

  it('takes any file the owner chose in its dialog, by the handle it gave the page, and refuses folders and missing files', async () => {
    const { dialogs, choose } = scriptedDialogs();
    const { service, backupFolder } = await setup({ dialogs });
    const a = await writeWhole(service, samplePayload(2000));
    if (!a.ok) throw new Error(a.reason);
    const elsewhere = await tempFolder('regulars-usb-');
    folders.push(elsewhere);
    const picked = path.join(elsewhere, 'from the old PC.bak');
    await writeFile(picked, await readFile(path.join(backupFolder, a.value.backup.fileName)));
    const source = await choose(service, picked);
    expect(source.handle).not.toContain(elsewhere);
    expect(await service.inspect({ source, appSchemaVersion: 3 })).toMatchObject({ ok: true, value: { fileName: 'from the old PC.bak', id: a.value.backup.id } });
    expect(await service.inspect({ source: await choose(service, elsewhere), appSchemaVersion: 3 })).toEqual(err('not-a-backup'));
    expect(await service.inspect({ source: await choose(service, path.join(elsewhere, 'missing.rgbackup')), appSchemaVersion: 3 })).toEqual(err('backup-not-found'));
    // A dialog that answers with a relative path is refused before a handle exists.
    expect(await (async () => {
      dialogs.chooseFile = async () => 'backups/x.rgbackup';
      return service.chooseFile();
    })()).toEqual(err('invalid-request'));
    expect(await service.inspect({ source: { fileName: '../x.rgbackup' }, appSchemaVersion: 3 })).toEqual(err('invalid-request'));
    expect(await service.inspect({ source: { fileName: 'missing.rgbackup' }, appSchemaVersion: 3 })).toEqual(err('backup-not-found'));
    // A picked file outside the folder gets no verification record written beside it.
    expect(await listFolder(elsewhere)).toEqual(['from the old PC.bak']);
  });

  it('reads nothing for a handle it never gave, or has forgotten (a page that started again, older choices)', async () => {
    const { dialogs, choose } = scriptedDialogs();
    const { service, backupFolder } = await setup({ dialogs });
    const a = await writeWhole(service, samplePayload(2000));
    if (!a.ok) throw new Error(a.reason);
    const file = path.join(backupFolder, a.value.backup.fileName);
    expect(await service.inspect({ source: { handle: '6f1c2b1e-4a1b-4c8e-9f3a-2b7d9c1e0a55' }, appSchemaVersion: 3 })).toEqual(err('backup-session-expired'));
    const chosen = await choose(service, file);
    expect((await service.open({ source: chosen, appSchemaVersion: 3 })).ok).toBe(true);
    await service.reset();
    expect(await service.open({ source: chosen, appSchemaVersion: 3 })).toEqual(err('backup-session-expired'));
    const first = await choose(service, file);
    for (let i = 0; i < MAX_CHOSEN_FILES; i++) await choose(service, file);
    expect(await service.inspect({ source: first, appSchemaVersion: 3 })).toEqual(err('backup-session-expired'));
    expect((await service.inspect({ source: await choose(service, file), appSchemaVersion: 3 })).ok).toBe(true);
  });
});
