// Format 2's keys: every backup encrypted once encryption is set up, opened by the password or the recovery
// key, wrong secrets and tampering refused before anything is read, and format 1 files still open.
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRecoveryKey } from '../../../shared/backup/recoveryKey';
import { err } from '../../../shared/result';
import { FIXTURE_PASSWORD, FIXTURE_PAYLOAD_FILE } from '../../../test/fixtures/backups/fixtures';
import { createTestService, readWhole, samplePayload, scriptedDialogs, tempFolder, testClock, writeWhole } from '../../../test/support/backupService';
import type { SecretProtector } from './settingsStore';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** safeStorage as a test plays it: sealed, but not with a real OS key. */
const protector: SecretProtector = {
  isAvailable: () => true,
  encrypt: (plain) => Buffer.from(`sealed:${Buffer.from(plain).toString('base64')}`),
  decrypt: (sealed) => Buffer.from(sealed.toString().slice('sealed:'.length), 'base64').toString(),
};

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
  it('gives a recovery key once, keeps only its public half, and encrypts every later backup for both', async () => {
    const { service, dataFolder, backupFolder } = await setup();
    expect(await service.getSettings()).toMatchObject({ ok: true, value: { encryption: { state: 'not-set-up', recoveryKey: null, offAt: null } } });
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
    expect(written.value.backup).toMatchObject({ encrypted: true, formatVersion: 2 });
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
    expect(await service.inspect({ source, appSchemaVersion: 3 })).toEqual(err('backup-password-required'));
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
  });
});

describe('turning encryption off', () => {
  it('records the date, writes plain backups, and a new set-up turns it on again with a new recovery key', async () => {
    const { service, clock } = await setup();
    const first = await service.setUpEncryption(PASSWORD);
    if (!first.ok) throw new Error(first.reason);
    clock.advance(3 * 86_400_000);
    expect(await service.setPassword(null)).toMatchObject({ ok: true, value: { passwordSet: false, encryption: { state: 'off', offAt: '2026-12-07T09:30:00.000Z', recoveryKey: null } } });
    expect(await writeWhole(service, samplePayload(1000))).toMatchObject({ ok: true, value: { backup: { encrypted: false, formatVersion: 2 } } });
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
