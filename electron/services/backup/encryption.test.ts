// Backup keys (formats 2 and 3): every backup encrypted from the start (automatic: for a recovery key this PC
// holds) and after a password is set, opened by the password or the recovery key, wrong secrets and tampering
// refused before anything is read, and format 1 files still open.
// Each backup's password key derived once, however often the test reads the backup (scrypt is pure).
import '../../../test/support/scryptMemo';
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRecoveryKey } from '../../../shared/backup/recoveryKey';
import { err } from '../../../shared/result';
import { FIXTURE_PASSWORD, FIXTURE_PAYLOAD_FILE } from '../../../test/fixtures/backups/fixtures';
import { createTestService, readWhole, samplePayload, scriptedDialogs, tempFolder, testClock, testProtector as protector, writeWhole } from '../../../test/support/backupService';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});


async function setup() {
  const dataFolder = await tempFolder();
  folders.push(dataFolder);
  const clock = testClock(new Date('2026-12-04T09:30:00.000Z'));
  const { dialogs, choose } = scriptedDialogs();
  const context = await createTestService({ dataFolder, protector, now: clock.now, dialogs });
  return { ...context, clock, choose };
}

const PASSWORD = '老板的备份密码 2026';

function headerOf(bytes: Buffer) {
  const length = bytes.readUInt32BE(8);
  return JSON.parse(bytes.subarray(12, 12 + length).toString('utf8')) as {
    formatVersion: number;
    body: { bytes: number };
    encryption: { iv: string; password: { wrapped: string; salt: string }; recovery: { keyId: string; wrapped: string; ephemeral: string } | null } | null;
  };
}

/** The file with its header edited and the header digest recomputed, as a knowledgeable forger would. */
function forge(bytes: Buffer, edit: (header: ReturnType<typeof headerOf>) => void): Buffer {
  const length = bytes.readUInt32BE(8);
  const header = headerOf(bytes);
  edit(header);
  const json = Buffer.from(JSON.stringify(header));
  const size = Buffer.alloc(4);
  size.writeUInt32BE(json.length);
  const head = Buffer.concat([bytes.subarray(0, 8), size, json]);
  return Buffer.concat([head, createHash('sha256').update(head).digest(), bytes.subarray(12 + length + 32)]);
}

describe('setting up encryption', () => {
  it('gives the recovery key for its sheet, keeps neither key nor password as text, and encrypts every later backup for both', async () => {
    const { service, dataFolder, backupFolder } = await setup();
    expect(await service.getSettings()).toMatchObject({ ok: true, value: { encryption: { state: 'automatic', recoveryKey: { id: expect.any(String) }, offAt: null, sheetShownAt: null } } });
    const setUp = await service.setUpEncryption(PASSWORD);
    if (!setUp.ok) throw new Error(setUp.reason);
    const { recoveryKey, settings } = setUp.value;
    expect(parseRecoveryKey(recoveryKey).ok).toBe(true);
    expect(settings).toMatchObject({ passwordSet: true, encryption: { state: 'on', recoveryKey: { id: expect.stringMatching(/^[0-9a-f]{16}$/), createdAt: '2026-12-04T09:30:00.000Z' }, offAt: null } });

    // Neither the recovery key nor the password is anywhere in main's folder as text.
    for (const name of await readdir(dataFolder)) {
      if (name === 'backups') continue;
      const text = (await readFile(path.join(dataFolder, name))).toString('utf8');
      expect(text).not.toContain(recoveryKey);
      expect(text).not.toContain(recoveryKey.replace(/-/g, ''));
      expect(text).not.toContain(PASSWORD);
    }

    const payload = samplePayload(200_000, 4);
    const written = await writeWhole(service, payload, { trigger: 'automatic' });
    if (!written.ok) throw new Error(written.reason);
    expect(written.value.backup).toMatchObject({ encrypted: true, formatVersion: 3 });
    const bytes = await readFile(path.join(backupFolder, written.value.backup.fileName));
    expect(bytes.includes(Buffer.from('张三'))).toBe(false);
    const header = headerOf(bytes);
    expect(header.encryption?.recovery?.keyId).toBe(settings.encryption.recoveryKey?.id);

    const source = { fileName: written.value.backup.fileName };
    const byPassword = await readWhole(service, { source, appSchemaVersion: 3, password: PASSWORD });
    expect(byPassword.ok && byPassword.value.payload.equals(payload)).toBe(true);
    const byRecovery = await readWhole(service, { source, appSchemaVersion: 3, recoveryKey: ` ${recoveryKey.toLowerCase().replace(/-/g, ' ')} ` });
    expect(byRecovery.ok && byRecovery.value.payload.equals(payload)).toBe(true);
  });

  it('opens a backup with the recovery key after the password was forgotten and changed', async () => {
    const { service } = await setup();
    const setUp = await service.setUpEncryption(PASSWORD);
    if (!setUp.ok) throw new Error(setUp.reason);
    const payload = samplePayload(50_000, 9);
    const old = await writeWhole(service, payload);
    if (!old.ok) throw new Error(old.reason);
    await service.setPassword('a new password nobody wrote down');
    const newer = await writeWhole(service, samplePayload(1000, 10));
    if (!newer.ok) throw new Error(newer.reason);
    for (const fileName of [old.value.backup.fileName, newer.value.backup.fileName]) {
      expect(await service.inspect({ source: { fileName }, appSchemaVersion: 3, password: 'what I think it was' })).toEqual(err('backup-wrong-password'));
      expect((await service.inspect({ source: { fileName }, appSchemaVersion: 3, recoveryKey: setUp.value.recoveryKey })).ok).toBe(true);
    }
    const read = await readWhole(service, { source: { fileName: old.value.backup.fileName }, appSchemaVersion: 3, recoveryKey: setUp.value.recoveryKey });
    expect(read.ok && read.value.payload.equals(payload)).toBe(true);
  });

  it('refuses a wrong password or recovery key before anything is read or recorded', async () => {
    const { service, backupFolder } = await setup();
    const first = await service.setUpEncryption(PASSWORD);
    if (!first.ok) throw new Error(first.reason);
    const written = await writeWhole(service, samplePayload(20_000, 2));
    if (!written.ok) throw new Error(written.reason);
    const fileName = written.value.backup.fileName;
    const record = path.join(backupFolder, `${fileName}.verified`);
    const recordBefore = await readFile(record);
    // A second set-up makes another recovery key: well formed, but not this backup's.
    const second = await service.setUpEncryption(PASSWORD);
    if (!second.ok) throw new Error(second.reason);
    expect(second.value.recoveryKey).not.toBe(first.value.recoveryKey);
    const typo = first.value.recoveryKey.replace(/^(.{5})./, (_, head: string) => `${head}${first.value.recoveryKey[5] === 'A' ? 'B' : 'A'}`);

    const source = { fileName };
    // This PC holds the first key (automatic encryption made it), so it opens the backup unasked; the typed secrets below are judged as typed.
    expect((await service.inspect({ source, appSchemaVersion: 3 })).ok).toBe(true);
    expect(await service.open({ source, appSchemaVersion: 3, password: 'not it' })).toEqual(err('backup-wrong-password'));
    expect(await service.open({ source, appSchemaVersion: 3, recoveryKey: second.value.recoveryKey })).toEqual(err('backup-wrong-recovery-key'));
    expect(await service.open({ source, appSchemaVersion: 3, recoveryKey: typo })).toEqual(err('backup-recovery-key-invalid'));
    expect(await service.open({ source, appSchemaVersion: 3, recoveryKey: 'ABCD-EFGH' })).toEqual(err('backup-recovery-key-invalid'));
    expect((await readFile(record)).equals(recordBefore)).toBe(true);
    // No read session was left open by the refusals: two may be open at once.
    const a = await service.open({ source, appSchemaVersion: 3, password: PASSWORD });
    const b = await service.open({ source, appSchemaVersion: 3, recoveryKey: first.value.recoveryKey });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok) await service.close(a.value.readId);
    if (b.ok) await service.close(b.value.readId);
  });

  it('says a backup written before the recovery key existed has none, and opens it with its password', async () => {
    const { service } = await setup();
    // Turned off, then a password alone: no recovery key wraps what is written next.
    await service.setPassword(null);
    await service.setPassword(PASSWORD);
    const written = await writeWhole(service, samplePayload(1000, 3));
    if (!written.ok) throw new Error(written.reason);
    const setUp = await service.setUpEncryption(PASSWORD);
    if (!setUp.ok) throw new Error(setUp.reason);
    const source = { fileName: written.value.backup.fileName };
    expect(await service.inspect({ source, appSchemaVersion: 3, recoveryKey: setUp.value.recoveryKey })).toEqual(err('backup-no-recovery-key'));
    expect((await service.inspect({ source, appSchemaVersion: 3, password: PASSWORD })).ok).toBe(true);
  });
});

describe('automatic encryption (before any password)', () => {
  it('encrypts the first backup for the recovery key alone, which this PC holds and opens without asking', async () => {
    const { service, backupFolder } = await setup();
    const payload = samplePayload(40_000, 11);
    const written = await writeWhole(service, payload);
    if (!written.ok) throw new Error(written.reason);
    expect(written.value.backup).toMatchObject({ encrypted: true, formatVersion: 3 });
    const bytes = await readFile(path.join(backupFolder, written.value.backup.fileName));
    expect(bytes.includes(Buffer.from('张三'))).toBe(false);
    const settings = await service.getSettings();
    const keyId = settings.ok ? settings.value.encryption.recoveryKey?.id : undefined;
    expect(headerOf(bytes).encryption).toMatchObject({ password: null, recovery: { keyId } });
    const read = await readWhole(service, { source: { fileName: written.value.backup.fileName }, appSchemaVersion: 3 });
    expect(read.ok && read.value.payload.equals(payload)).toBe(true);
  });

  it('opens on another PC only with the sheet: the owner sees it (dated), a wrong key or a password is refused', async () => {
    const { service, backupFolder, clock } = await setup();
    const payload = samplePayload(10_000, 12);
    const written = await writeWhole(service, payload);
    if (!written.ok) throw new Error(written.reason);
    clock.advance(60_000);
    const sheet = await service.showRecoverySheet();
    if (!sheet.ok) throw new Error(sheet.reason);
    expect(parseRecoveryKey(sheet.value.recoveryKey).ok).toBe(true);
    expect(sheet.value.settings.encryption).toMatchObject({ state: 'automatic', sheetShownAt: '2026-12-04T09:31:00.000Z' });

    const other = await setup();
    const source = await other.choose(other.service, path.join(backupFolder, written.value.backup.fileName));
    expect(await other.service.inspect({ source, appSchemaVersion: 3 })).toEqual(err('backup-recovery-key-required'));
    expect(await other.service.inspect({ source, appSchemaVersion: 3, password: 'a guess' })).toEqual(err('backup-recovery-key-required'));
    const otherSheet = await other.service.showRecoverySheet();
    if (!otherSheet.ok) throw new Error(otherSheet.reason);
    expect(await other.service.inspect({ source, appSchemaVersion: 3, recoveryKey: otherSheet.value.recoveryKey })).toEqual(err('backup-wrong-recovery-key'));
    const read = await readWhole(other.service, { source, appSchemaVersion: 3, recoveryKey: sheet.value.recoveryKey });
    expect(read.ok && read.value.payload.equals(payload)).toBe(true);
  });

  it('keeps its key sealed across a restart, and the sheet shows the same key again', async () => {
    const { service, dataFolder, clock } = await setup();
    const first = await service.showRecoverySheet();
    if (!first.ok) throw new Error(first.reason);
    for (const name of await readdir(dataFolder)) {
      if (name === 'backups') continue;
      const text = (await readFile(path.join(dataFolder, name))).toString('utf8');
      expect(text, name).not.toContain(first.value.recoveryKey);
      expect(text, name).not.toContain(first.value.recoveryKey.replace(/-/g, ''));
    }
    const restarted = await createTestService({ dataFolder, protector, now: clock.now });
    const again = await restarted.service.showRecoverySheet();
    expect(again).toMatchObject({ ok: true, value: { recoveryKey: first.value.recoveryKey, settings: { encryption: { state: 'automatic', recoveryKey: first.value.settings.encryption.recoveryKey } } } });
  });

  it('keeps the same recovery key when the owner adds a password, so one sheet opens the backups before and after', async () => {
    const { service, backupFolder } = await setup();
    const before = await writeWhole(service, samplePayload(5_000, 13));
    const sheet = await service.showRecoverySheet();
    const setUp = await service.setUpEncryption(PASSWORD);
    if (!before.ok || !sheet.ok || !setUp.ok) throw new Error('could not set up');
    expect(setUp.value.recoveryKey).toBe(sheet.value.recoveryKey);
    expect(setUp.value.settings.encryption).toMatchObject({ state: 'on', recoveryKey: sheet.value.settings.encryption.recoveryKey });
    const after = await writeWhole(service, samplePayload(5_000, 14));
    if (!after.ok) throw new Error(after.reason);
    expect(headerOf(await readFile(path.join(backupFolder, after.value.backup.fileName))).encryption).toMatchObject({ password: { salt: expect.any(String) }, recovery: { keyId: setUp.value.settings.encryption.recoveryKey?.id } });
    const other = await setup();
    for (const fileName of [before.value.backup.fileName, after.value.backup.fileName]) {
      const source = await other.choose(other.service, path.join(backupFolder, fileName));
      expect((await other.service.inspect({ source, appSchemaVersion: 3, recoveryKey: sheet.value.recoveryKey })).ok, fileName).toBe(true);
    }
    // The sheet of a held key is for automatic encryption only: with a password set, a new sheet comes with a new set-up.
    expect(await service.showRecoverySheet()).toEqual(err('unavailable'));
  });

  it('stays off after a restart once the owner turned it off, and never makes a key where the OS cannot seal one', async () => {
    const { service, dataFolder, clock } = await setup();
    await service.setPassword(null);
    const restarted = await createTestService({ dataFolder, protector, now: clock.now });
    expect(await restarted.service.getSettings()).toMatchObject({ ok: true, value: { encryption: { state: 'off', recoveryKey: null } } });
    expect(await writeWhole(restarted.service, samplePayload(1000))).toMatchObject({ ok: true, value: { backup: { encrypted: false } } });

    const noStorage = await createTestService({ dataFolder: await tempFolder(), protector: { ...protector, isAvailable: () => false }, now: clock.now });
    folders.push(noStorage.dataFolder);
    expect(await noStorage.service.getSettings()).toMatchObject({ ok: true, value: { encryption: { state: 'not-set-up', recoveryKey: null } } });
    expect(await noStorage.service.showRecoverySheet()).toEqual(err('unavailable'));
    expect(await writeWhole(noStorage.service, samplePayload(1000))).toMatchObject({ ok: true, value: { backup: { encrypted: false } } });
  });
});

describe('a set-up that fails half way', () => {
  it('leaves the recovery key as it was when the password cannot be stored, so no backup is wrapped for an unseen key', async () => {
    const { service, dataFolder, backupFolder, clock } = await setup();
    const first = await service.setUpEncryption(PASSWORD);
    if (!first.ok) throw new Error(first.reason);
    // The OS refuses to seal the next secret (DPAPI or the Keychain failing once).
    let failNext = true;
    const flaky = {
      ...protector,
      encrypt: (plain: string) => {
        if (!failNext) return protector.encrypt(plain);
        failNext = false;
        throw new Error('sealing failed');
      },
    };
    const again = await createTestService({ dataFolder, protector: flaky, now: clock.now });
    expect(await again.service.setUpEncryption('a newer password 2027')).toEqual(err('unavailable'));
    const settings = await again.service.getSettings();
    expect(settings).toMatchObject({ ok: true, value: { encryption: { state: 'on', recoveryKey: first.value.settings.encryption.recoveryKey } } });
    const written = await writeWhole(again.service, samplePayload(2000, 15));
    if (!written.ok) throw new Error(written.reason);
    // The printed sheet still opens what is written next, with the old password.
    const other = await setup();
    const source = await other.choose(other.service, path.join(backupFolder, written.value.backup.fileName));
    expect((await other.service.inspect({ source, appSchemaVersion: 3, recoveryKey: first.value.recoveryKey })).ok).toBe(true);
    expect((await other.service.inspect({ source, appSchemaVersion: 3, password: PASSWORD })).ok).toBe(true);
  });
});

describe('tampering', () => {
  it('refuses a changed byte of the ciphertext, of a wrapped key, and a wrap taken from another backup', async () => {
    const { service, backupFolder } = await setup();
    const setUp = await service.setUpEncryption(PASSWORD);
    if (!setUp.ok) throw new Error(setUp.reason);
    const a = await writeWhole(service, samplePayload(30_000, 5));
    const b = await writeWhole(service, samplePayload(30_000, 6));
    if (!a.ok || !b.ok) throw new Error('could not write');
    const bytes = await readFile(path.join(backupFolder, a.value.backup.fileName));
    const other = headerOf(await readFile(path.join(backupFolder, b.value.backup.fileName)));
    const length = bytes.readUInt32BE(8);
    const bodyStart = 12 + length + 32;

    const cases: Array<[string, Buffer, 'password' | 'recovery', string]> = [];
    for (const at of [bodyStart, bodyStart + 1000, bytes.length - 17, bytes.length - 1]) {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at]! ^ 0x40;
      cases.push([`ciphertext byte ${at}`, copy, 'password', 'backup-damaged']);
      cases.push([`ciphertext byte ${at}, recovery key`, copy, 'recovery', 'backup-damaged']);
    }
    const flipBase64 = (text: string) => Buffer.from(Buffer.from(text, 'base64').map((byte, index) => (index === 3 ? byte ^ 1 : byte))).toString('base64');
    cases.push(['the password wrap, digest recomputed', forge(bytes, (h) => void (h.encryption!.password.wrapped = flipBase64(h.encryption!.password.wrapped))), 'password', 'backup-wrong-password']);
    cases.push(['the recovery wrap, digest recomputed', forge(bytes, (h) => void (h.encryption!.recovery!.wrapped = flipBase64(h.encryption!.recovery!.wrapped))), 'recovery', 'backup-damaged']);
    // Another backup's wraps open to its own data key, which does not decrypt this body.
    cases.push(['both wraps of another backup', forge(bytes, (h) => void (h.encryption = { ...h.encryption!, password: other.encryption!.password, recovery: other.encryption!.recovery })), 'password', 'backup-damaged']);
    cases.push(['both wraps of another backup, recovery key', forge(bytes, (h) => void (h.encryption = { ...h.encryption!, password: other.encryption!.password, recovery: other.encryption!.recovery })), 'recovery', 'backup-damaged']);
    cases.push(['a header byte, digest not recomputed', Buffer.from(bytes.map((byte, index) => (index === 40 ? byte ^ 1 : byte))), 'password', 'backup-damaged']);

    for (const [name, file, secret, reason] of cases) {
      const fileName = `tampered ${cases.findIndex((c) => c[0] === name)}.rgbackup`;
      await writeFile(path.join(backupFolder, fileName), file);
      const request = { source: { fileName }, appSchemaVersion: 3, ...(secret === 'password' ? { password: PASSWORD } : { recoveryKey: setUp.value.recoveryKey }) };
      expect(await service.inspect(request), name).toEqual(err(reason));
      expect(await readWhole(service, request), name).toEqual(err(reason));
    }
    // Twenty-six opens, each deriving its key from the password or recovery key on purpose slowly: more than the
    // default 20 s on a loaded two-core machine.
  }, 90_000);
});

describe('turning encryption off', () => {
  it('records the date, writes plain backups, and a new set-up turns it on again with a new recovery key', async () => {
    const { service, clock } = await setup();
    const first = await service.setUpEncryption(PASSWORD);
    if (!first.ok) throw new Error(first.reason);
    clock.advance(3 * 86_400_000);
    expect(await service.setPassword(null)).toMatchObject({ ok: true, value: { passwordSet: false, encryption: { state: 'off', offAt: '2026-12-07T09:30:00.000Z', recoveryKey: null } } });
    expect(await writeWhole(service, samplePayload(1000))).toMatchObject({ ok: true, value: { backup: { encrypted: false, formatVersion: 3 } } });
    const again = await service.setUpEncryption('another one 2027');
    if (!again.ok) throw new Error(again.reason);
    expect(again.value.settings.encryption).toMatchObject({ state: 'on', offAt: null });
    expect(again.value.settings.encryption.recoveryKey?.id).not.toBe(first.value.settings.encryption.recoveryKey?.id);
    expect(await writeWhole(service, samplePayload(1000))).toMatchObject({ ok: true, value: { backup: { encrypted: true } } });
  });

  it('keeps the state across a restart of main', async () => {
    const { service, dataFolder, clock } = await setup();
    await service.setUpEncryption(PASSWORD);
    await service.setPassword(null);
    const restarted = await createTestService({ dataFolder, protector, now: clock.now });
    expect(await restarted.service.getSettings()).toMatchObject({ ok: true, value: { encryption: { state: 'off', offAt: '2026-12-04T09:30:00.000Z' } } });
    await restarted.service.setUpEncryption(PASSWORD);
    const again = await createTestService({ dataFolder, protector, now: clock.now });
    expect(await again.service.getSettings()).toMatchObject({ ok: true, value: { encryption: { state: 'on', recoveryKey: { id: expect.any(String) } } } });
  });
});

describe('format 1 files', () => {
  const fixtureFolder = fileURLToPath(new URL('../../../test/fixtures/backups/', import.meta.url));
  it('still open with their password, and a recovery key is told it cannot open them', async () => {
    const { service, choose } = await setup();
    const setUp = await service.setUpEncryption(PASSWORD);
    if (!setUp.ok) throw new Error(setUp.reason);
    const expected = await readFile(path.join(fixtureFolder, FIXTURE_PAYLOAD_FILE));
    const encrypted = await choose(service, path.join(fixtureFolder, 'format-v1-encrypted.rgbackup'));
    const read = await readWhole(service, { source: encrypted, appSchemaVersion: 3, password: FIXTURE_PASSWORD });
    expect(read.ok && read.value.payload.equals(expected)).toBe(true);
    expect(await service.inspect({ source: encrypted, appSchemaVersion: 3, recoveryKey: setUp.value.recoveryKey })).toEqual(err('backup-no-recovery-key'));
    expect(await service.inspect({ source: encrypted, appSchemaVersion: 3, password: 'wrong' })).toEqual(err('backup-wrong-password'));
    const plain = await choose(service, path.join(fixtureFolder, 'format-v1-plain.rgbackup'));
    const plainRead = await readWhole(service, { source: plain, appSchemaVersion: 3 });
    expect(plainRead.ok && plainRead.value.payload.equals(expected)).toBe(true);
  });
});
