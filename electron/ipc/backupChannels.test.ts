// The backup channels end to end: createDesktopApi and the shared client helpers, over a JSON transport
// (as the dev bridge carries them) and over the bridge itself, into the real handler and service.
// Each backup's password key derived once, however often the test reads the backup (scrypt is pure).
import '../../test/support/scryptMemo';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CHUNK_BASE64 } from '../../shared/backup/api';
import { BackupReadError, readBackup, writeBackup } from '../../shared/backup/client';
import { MAX_CHUNK_BYTES } from '../../shared/backup/format';
import { createDesktopApi, type Channel } from '../../shared/ipc/contract';
import { err, ok } from '../../shared/result';
import { TOKEN_HEADER, createBridgeRequestHandler } from '../devweb/bridgeServer';
import { createWebServices } from '../services';
import { samplePayload, tempFolder } from '../../test/support/backupService';
import { createIpcHandler } from './handlers';

const ORIGIN = 'http://127.0.0.1:5173';
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** The owner's session is opened as the test harness does (main's own service, not a channel), unless a test is the clerk. */
async function setup({ owner = true }: { owner?: boolean } = {}) {
  const dataFolder = await tempFolder('regulars-ipc-');
  folders.push(dataFolder);
  const lines: string[] = [];
  const services = createWebServices({ dataFolder, version: '0.1.0', systemLocale: 'en', platform: 'linux', log: (line) => lines.push(line), backupOverrides: { sleep: async () => undefined } });
  const handler = createIpcHandler(services, { trustedOrigins: [ORIGIN], logError: (line) => lines.push(line) });
  // What crosses is JSON, both ways, exactly as with the dev bridge: no typed arrays, no undefined fields.
  const invoke = async (channel: Channel | string, payload: unknown) => {
    const envelope = JSON.parse(JSON.stringify({ channel, payload })) as { channel: unknown; payload?: unknown };
    return JSON.parse(JSON.stringify(await handler({ channel: envelope.channel, payload: envelope.payload, senderUrl: `${ORIGIN}/` }))) as unknown;
  };
  const api = createDesktopApi(invoke);
  if (owner) await services.session.setPin('2580', '2580');
  return { api, invoke, services, dataFolder, lines };
}

const BEGIN = { schemaVersion: 3, counts: { customers: 240 }, payloadFormat: 'dexie-export/1', trigger: 'manual' } as const;

describe('what only the owner may do', () => {
  it('refuses the clerk every owner channel, changing nothing, and lets the owner after the PIN', async () => {
    const { api, invoke, services, dataFolder } = await setup({ owner: false });
    const before = await api.backup.getSettings();
    const handle = { handle: '6f1c2b1e-4a1b-4c8e-9f3a-2b7d9c1e0a55' };
    const calls: [string, unknown][] = [
      ['backup:configure', { folder: dataFolder }],
      ['backup:configure', { retention: { keepDaily: 1, keepMonthly: 1 } }],
      ['backup:setPassword', { password: 'a new secret 2026' }],
      ['backup:setPassword', { password: null }],
      ['backup:setUpEncryption', { password: 'a new secret 2026' }],
      ['backup:recoverySheet', undefined],
      ['backup:chooseFolder', undefined],
      ['backup:chooseFile', undefined],
      ['backup:receiveBegin', { fileName: 'old.rgbackup', sizeBytes: 100 }],
      ['backup:inspect', { source: handle, appSchemaVersion: 10 }],
      ['backup:open', { source: handle, appSchemaVersion: 10 }],
    ];
    for (const [channel, payload] of calls) {
      const answer = (await invoke(channel, payload)) as { ok: boolean; reason?: string };
      // A payload the contract refuses is refused as such first; every well-formed one needs the owner.
      expect(answer.ok).toBe(false);
      expect(['owner-required', 'invalid-request']).toContain(answer.reason);
    }
    expect(await invoke('backup:setPassword', { password: 'a new secret 2026' })).toEqual(err('owner-required'));
    expect(await invoke('backup:chooseFile', undefined)).toEqual(err('owner-required'));
    expect(await invoke('backup:setUpEncryption', { password: 'a new secret 2026' })).toEqual(err('owner-required'));
    expect(await invoke('backup:setPassword', { password: null })).toEqual(err('owner-required'));
    expect(await api.backup.getSettings()).toEqual(before);
    expect(before).toMatchObject({ ok: true, value: { encryption: { state: 'automatic', offAt: null, sheetShownAt: null } } });
    expect(await api.backup.recoverySheet()).toEqual(err('owner-required'));
    // The clerk's own reads still work: the list and the daily restore test's reads of main's own backups.
    expect((await api.backup.list()).ok).toBe(true);
    await services.session.setPin('2580', '2580');
    expect((await api.backup.setPassword('a new secret 2026')).ok).toBe(true);
    await services.session.lock();
    expect(await api.backup.setPassword(null)).toEqual(err('owner-required'));
    expect((await api.session.unlock('2580')).ok).toBe(true);
    expect((await api.backup.setPassword(null)).ok).toBe(true);
  });

  it('sets up encryption for the owner only: a clerk gets no recovery key and turns nothing off', async () => {
    const { api, invoke, services } = await setup();
    const setUp = await api.backup.setUpEncryption('店长的密码 2026');
    if (!setUp.ok) throw new Error(setUp.reason);
    expect(setUp.value.recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    expect(setUp.value.settings.encryption).toMatchObject({ state: 'on', offAt: null });
    await services.session.lock();
    expect(await invoke('backup:setUpEncryption', { password: 'the clerk tries 2026' })).toEqual(err('owner-required'));
    expect(await api.backup.setPassword(null)).toEqual(err('owner-required'));
    expect(await api.backup.getSettings()).toMatchObject({ ok: true, value: { encryption: { state: 'on' } } });
    // Hostile requests are refused by the contract, owner or not.
    for (const payload of [{}, { password: '' }, { password: null }, { password: 42 }, { password: 'x'.repeat(2000) }, { password: 'ok password', recoveryKey: 'x' }]) {
      expect(await invoke('backup:setUpEncryption', payload)).toEqual(err('invalid-request'));
    }
  });

  it('opens a backup with the recovery key over IPC, and refuses a malformed one', async () => {
    const { api } = await setup();
    const setUp = await api.backup.setUpEncryption('店长的密码 2026');
    if (!setUp.ok) throw new Error(setUp.reason);
    const written = await writeBackup(api.backup, BEGIN, [Buffer.from('{"customers":[{"name":"林小美"}]}')]);
    if (!written.ok) throw new Error(written.reason);
    const source = { fileName: written.value.backup.fileName };
    expect((await api.backup.inspect({ source, appSchemaVersion: 3, recoveryKey: setUp.value.recoveryKey })).ok).toBe(true);
    expect(await api.backup.inspect({ source, appSchemaVersion: 3, recoveryKey: 'x'.repeat(81) })).toEqual(err('invalid-request'));
    expect(await api.backup.inspect({ source, appSchemaVersion: 3, recoveryKey: 'AAAA-BBBB' })).toEqual(err('backup-recovery-key-invalid'));
  });
});

describe('writing and reading through the contract', () => {
  it('round-trips a payload sent in pieces of any size, with progress both ways', async () => {
    const { api, dataFolder } = await setup();
    const payload = samplePayload(1_400_000, 8);
    const pieces = [payload.subarray(0, 10), payload.subarray(10, 700_000), payload.subarray(700_000, 700_001), payload.subarray(700_001)];
    const sent: number[] = [];
    const written = await writeBackup(api.backup, BEGIN, pieces, (bytes) => sent.push(bytes));
    expect(written).toMatchObject({ ok: true, value: { backup: { counts: { customers: 240 }, payloadBytes: payload.length, encrypted: true }, removed: [] } });
    expect(sent).toEqual([MAX_CHUNK_BYTES, 2 * MAX_CHUNK_BYTES, payload.length]);
    if (!written.ok) return;
    expect(await readdir(path.join(dataFolder, 'backups'))).toContain(written.value.backup.fileName);

    const source = { fileName: written.value.backup.fileName };
    expect(await api.backup.inspect({ source, appSchemaVersion: 3 })).toMatchObject({ ok: true, value: { id: written.value.backup.id } });
    const opened = await api.backup.open({ source, appSchemaVersion: 3 });
    if (!opened.ok) throw new Error(opened.reason);
    const received: Uint8Array[] = [];
    const progress: number[] = [];
    for await (const piece of readBackup(api.backup, opened.value.readId, (bytes) => progress.push(bytes))) received.push(piece);
    expect(Buffer.concat(received).equals(payload)).toBe(true);
    expect(received.every((piece) => piece instanceof Uint8Array && piece.length <= MAX_CHUNK_BYTES)).toBe(true);
    expect(progress.at(-1)).toBe(payload.length);

    const listing = await api.backup.list();
    expect(listing.ok && listing.value.entries.map((entry) => entry.fileName)).toEqual([written.value.backup.fileName]);
  });

  it('encrypts with the password set over IPC, and reads back only with it', async () => {
    const { api } = await setup();
    // Turned off, then a password alone: no recovery key this PC holds wraps what follows, only the password opens it.
    expect(await api.backup.setPassword(null)).toMatchObject({ ok: true, value: { encryption: { state: 'off' } } });
    expect(await api.backup.setPassword('店长 1234')).toMatchObject({ ok: true, value: { passwordSet: true, passwordStorageAvailable: true } });
    const written = await writeBackup(api.backup, BEGIN, [Buffer.from('{"customers":[{"name":"林小美"}]}')]);
    if (!written.ok) throw new Error(written.reason);
    expect(written.value.backup.encrypted).toBe(true);
    const source = { fileName: written.value.backup.fileName };
    expect(await api.backup.open({ source, appSchemaVersion: 3 })).toEqual(err('backup-password-required'));
    expect(await api.backup.open({ source, appSchemaVersion: 3, password: '店长 123' })).toEqual(err('backup-wrong-password'));
    const opened = await api.backup.open({ source, appSchemaVersion: 3, password: '店长 1234' });
    if (!opened.ok) throw new Error(opened.reason);
    const chunks: Uint8Array[] = [];
    for await (const piece of readBackup(api.backup, opened.value.readId)) chunks.push(piece);
    expect(Buffer.concat(chunks).toString()).toBe('{"customers":[{"name":"林小美"}]}');
  });

  it('aborts the backup when the export fails, and passes the export error on', async () => {
    const { api, dataFolder } = await setup();
    async function* failingExport() {
      yield Buffer.alloc(MAX_CHUNK_BYTES + 5, 1);
      throw new Error('IndexedDB went away');
    }
    await expect(writeBackup(api.backup, BEGIN, failingExport())).rejects.toThrow('IndexedDB went away');
    expect(await readdir(path.join(dataFolder, 'backups'))).toEqual([]);
    // The aborted session no longer takes a place: two new ones fit.
    expect((await api.backup.begin(BEGIN)).ok).toBe(true);
    expect((await api.backup.begin(BEGIN)).ok).toBe(true);
  });

  it('stops a read that is left early, and reports a failed one by its reason', async () => {
    const { api } = await setup();
    const written = await writeBackup(api.backup, BEGIN, [samplePayload(2_000_000, 3)]);
    if (!written.ok) throw new Error(written.reason);
    const request = { source: { fileName: written.value.backup.fileName }, appSchemaVersion: 3 };
    for (let i = 0; i < 3; i++) {
      const opened = await api.backup.open(request);
      if (!opened.ok) throw new Error(opened.reason);
      for await (const piece of readBackup(api.backup, opened.value.readId)) {
        expect(piece.length).toBeGreaterThan(0);
        break;
      }
    }
    const gone = readBackup(api.backup, '6f1c2b1e-4a1b-4c8e-9f3a-2b7d9c1e0a55');
    await expect(gone.next()).rejects.toEqual(new BackupReadError('backup-session-expired'));
  });
});

describe('what the handler refuses', () => {
  it.each([
    ['backup:append', { sessionId: '6f1c2b1e-4a1b-4c8e-9f3a-2b7d9c1e0a55', offset: 0, data: 'AAA' }],
    ['backup:append', { sessionId: '6f1c2b1e-4a1b-4c8e-9f3a-2b7d9c1e0a55', offset: 0, data: 'AA AA===' }],
    ['backup:append', { sessionId: '6f1c2b1e-4a1b-4c8e-9f3a-2b7d9c1e0a55', offset: 0, data: '' }],
    ['backup:append', { sessionId: '6f1c2b1e-4a1b-4c8e-9f3a-2b7d9c1e0a55', offset: 0, data: 'A'.repeat(MAX_CHUNK_BASE64 + 4) }],
    ['backup:append', { sessionId: '6f1c2b1e-4a1b-4c8e-9f3a-2b7d9c1e0a55', offset: -1, data: 'AAAA' }],
    ['backup:append', { sessionId: 'session-1', offset: 0, data: 'AAAA' }],
    ['backup:append', { sessionId: '6f1c2b1e-4a1b-4c8e-9f3a-2b7d9c1e0a55', offset: 0, data: 'AAAA', extra: true }],
    ['backup:begin', { ...BEGIN, schemaVersion: 0 }],
    ['backup:begin', { ...BEGIN, trigger: 'cron' }],
    ['backup:begin', { ...BEGIN, counts: { 'a b': 1 } }],
    ['backup:begin', { ...BEGIN, appVersion: '9.9.9' }],
    ['backup:inspect', { source: { fileName: 'x.rgbackup', path: '/tmp/x.rgbackup' }, appSchemaVersion: 3 }],
    ['backup:inspect', { source: { fileName: '../x.rgbackup' }, appSchemaVersion: 3 }],
    ['backup:inspect', { source: { fileName: 'x.rgbackup' }, appSchemaVersion: 3, password: '' }],
    ['backup:inspect', { source: { path: '/tmp/x\u0000.rgbackup' }, appSchemaVersion: 3 }],
    // The page names a chosen file by main's handle only: a path is never taken, whatever it names.
    ['backup:inspect', { source: { path: '/etc/passwd' }, appSchemaVersion: 3 }],
    ['backup:open', { source: { path: 'C:\\Users\\li\\old.rgbackup' }, appSchemaVersion: 3 }],
    ['backup:open', { source: { handle: '../../etc/passwd' }, appSchemaVersion: 3 }],
    ['backup:open', { source: { handle: '6f1c2b1e-4a1b-4c8e-9f3a-2b7d9c1e0a55', path: '/etc/passwd' }, appSchemaVersion: 3 }],
    ['backup:inspect', { source: { handle: 42 }, appSchemaVersion: 3 }],
    ['backup:read', { readId: 1 }],
    ['backup:list', {}],
    ['backup:configure', { retention: { recentHours: 24, recentMax: -1, dailyDays: 30, monthlyMonths: 12 } }],
    ['backup:configure', { theme: 'dark' }],
    ['backup:setPassword', { password: '' }],
    ['backup:setPassword', {}],
  ])('refuses %s with %j', async (channel, payload) => {
    const { invoke } = await setup();
    expect(await invoke(channel, payload)).toEqual(err('invalid-request'));
  });

  it('refuses bytes sent as a typed array rather than base64', async () => {
    const { services } = await setup();
    const handler = createIpcHandler(services, { trustedOrigins: [ORIGIN] });
    const payload = { sessionId: '6f1c2b1e-4a1b-4c8e-9f3a-2b7d9c1e0a55', offset: 0, data: new Uint8Array(4) };
    expect(await handler({ channel: 'backup:append', payload, senderUrl: `${ORIGIN}/` })).toEqual(err('invalid-request'));
  });

  it('refuses an empty or oversized piece in the API itself, without a round trip', async () => {
    let calls = 0;
    const api = createDesktopApi(async () => {
      calls++;
      return ok(null);
    });
    expect(await api.backup.append('6f1c2b1e-4a1b-4c8e-9f3a-2b7d9c1e0a55', 0, new Uint8Array(0))).toEqual(err('invalid-request'));
    expect(await api.backup.append('6f1c2b1e-4a1b-4c8e-9f3a-2b7d9c1e0a55', 0, new Uint8Array(MAX_CHUNK_BYTES + 1))).toEqual(err('invalid-request'));
    expect(calls).toBe(0);
  });
});

describe('settings and the shell in browser mode', () => {
  it('keeps backups in <dataFolder>/backups, with no OS pickers and a logged "show folder"', async () => {
    const { api, dataFolder, lines } = await setup();
    expect(await api.backup.getSettings()).toMatchObject({
      ok: true,
      value: { folder: null, effectiveFolder: path.join(dataFolder, 'backups'), defaultFolder: path.join(dataFolder, 'backups'), passwordSet: false },
    });
    expect(await api.backup.chooseFolder()).toEqual(err('unavailable'));
    expect(await api.backup.chooseFile()).toEqual(err('unavailable'));
    expect(await api.backup.showFolder()).toEqual(ok(null));
    expect(lines).toContain(`backup folder: ${path.join(dataFolder, 'backups')}`);
  });

  it('checks a chosen folder before using it', async () => {
    const { api, dataFolder } = await setup();
    expect(await api.backup.configure({ folder: 'relative/backups' })).toEqual(err('backup-folder-invalid'));
    expect(await api.backup.configure({ folder: path.join(dataFolder, 'missing') })).toEqual(err('backup-folder-missing'));
    const usb = await tempFolder('regulars-usb-');
    folders.push(usb);
    expect(await api.backup.configure({ folder: usb })).toMatchObject({ ok: true, value: { folder: usb, effectiveFolder: usb } });
    const written = await writeBackup(api.backup, BEGIN, [Buffer.from('x')]);
    expect(written.ok && (await readdir(usb))).toContain(written.ok ? written.value.backup.fileName : '');
    expect(await api.backup.configure({ folder: path.join(dataFolder, 'backups') })).toMatchObject({ ok: true, value: { folder: null } });
  });

  it('reports a failed backup in the log, as browser mode has no desktop notifications', async () => {
    const { api, lines } = await setup();
    const usb = await tempFolder('regulars-usb-');
    await api.backup.configure({ folder: usb });
    await rm(usb, { recursive: true });
    expect(await api.backup.begin(BEGIN)).toEqual(err('backup-folder-missing'));
    expect(lines).toContain('backup failed: backup-folder-missing');
  });
});

describe('through the dev bridge', () => {
  it('carries a full-size piece inside the bridge body limit', async () => {
    const { services } = await setup();
    const token = 'a1'.repeat(24);
    const bridge = createBridgeRequestHandler({ token, services });
    const call = async (channel: string, payload?: unknown) =>
      (
        await bridge({
          method: 'POST',
          remoteAddress: '127.0.0.1',
          body: JSON.stringify({ channel, payload }),
          headers: { host: '127.0.0.1:5173', origin: ORIGIN, 'content-type': 'application/json', [TOKEN_HEADER]: token },
        })
      ).json;
    const begun = await call('backup:begin', BEGIN);
    if (!begun.ok) throw new Error(begun.reason);
    const { sessionId } = begun.value as { sessionId: string };
    const data = Buffer.alloc(MAX_CHUNK_BYTES, 7).toString('base64');
    expect(await call('backup:append', { sessionId, offset: 0, data })).toEqual(ok({ receivedBytes: MAX_CHUNK_BYTES }));
    expect(await call('backup:commit', { sessionId })).toMatchObject({ ok: true });
  });
});
