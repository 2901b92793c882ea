// Browser mode's "restore from a file", bridge side: the bytes of a file picked in the browser go over the
// bridge into a copy under the data folder, which main then checks like any backup before anything changes.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sendBackupFile, writeBackup, type PickedFile } from '../../shared/backup/client';
import { MAX_CHUNK_BYTES } from '../../shared/backup/format';
import { createDesktopApi, type Channel } from '../../shared/ipc/contract';
import { err } from '../../shared/result';
import { createWebServices } from '../services';
import { createBackupService } from '../services/backup';
import { receivedFileName } from '../services/backup/receivedFiles';
import { TOKEN_HEADER, createBridgeRequestHandler } from './bridgeServer';

const TOKEN = 'b2'.repeat(24);
const folders: string[] = [];

afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function setup() {
  const dataFolder = await mkdtemp(path.join(tmpdir(), 'regulars-receive-'));
  folders.push(dataFolder);
  const services = createWebServices({ dataFolder, version: '0.1.0', systemLocale: 'en-US', platform: 'linux', log: () => undefined });
  const bridge = createBridgeRequestHandler({ token: TOKEN, services, logError: () => undefined });
  // Receiving a picked file is a restore's read: the owner's session, opened on main's own service.
  await services.session.setPin('2580', '2580');
  // The page's transport in browser mode: every call is a POST to the bridge, as renderer/platform/desktopApi.ts sends it.
  const api = createDesktopApi(async (channel: Channel, payload: unknown) => {
    const response = await bridge({
      method: 'POST',
      remoteAddress: '127.0.0.1',
      headers: { host: '127.0.0.1:5180', origin: 'http://127.0.0.1:5180', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN },
      body: JSON.stringify({ channel, payload }),
    });
    return response.json;
  });
  return { api, dataFolder };
}

const picked = (name: string, bytes: Uint8Array): PickedFile => ({ name, size: bytes.length, read: async (start, end) => bytes.slice(start, end) });

/** A real backup, written by the service, as the owner would have it on a USB stick. */
async function aBackupFile(api: Awaited<ReturnType<typeof setup>>['api'], dataFolder: string): Promise<Uint8Array> {
  const payload = new TextEncoder().encode('x'.repeat(3 * MAX_CHUNK_BYTES));
  const made = await writeBackup(api.backup, { schemaVersion: 5, counts: { customers: 12 }, payloadFormat: 'regulars-tables/1', trigger: 'manual' }, [payload]);
  if (!made.ok) throw new Error(made.reason);
  return readFile(path.join(dataFolder, 'backups', made.value.backup.fileName));
}

describe('receiving a backup picked in the browser', () => {
  it('keeps a copy of the picked file, which is then checked and previewed like any backup', async () => {
    const { api, dataFolder } = await setup();
    const bytes = await aBackupFile(api, dataFolder);
    const sent: number[] = [];
    const received = await sendBackupFile(api.backup, picked('茶叶店 12月.rgbackup', bytes), (n) => sent.push(n));
    if (!received.ok) throw new Error(received.reason);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.at(-1)).toBe(bytes.length);
    // Main keeps the copy under <dataFolder>/received; the page gets only a handle for it.
    const [copy] = await readdir(path.join(dataFolder, 'received'));
    const copyPath = path.join(dataFolder, 'received', copy!, '茶叶店 12月.rgbackup');
    expect(new Uint8Array(await readFile(copyPath))).toEqual(new Uint8Array(bytes));
    expect(received.value).toEqual({ handle: expect.stringMatching(/^[0-9a-f-]{36}$/), fileName: '茶叶店 12月.rgbackup' });
    const preview = await api.backup.inspect({ source: { handle: received.value.handle }, appSchemaVersion: 5 });
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.value.fileName).toBe('茶叶店 12月.rgbackup');
    expect(preview.value.counts).toEqual({ customers: 12 });
  });

  it('refuses what is not a backup, or only part of one, at the check, before anything changes', async () => {
    const { api, dataFolder } = await setup();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(200).fill(7)]);
    const photo = await sendBackupFile(api.backup, picked('photo.png', png));
    if (!photo.ok) throw new Error(photo.reason);
    expect(await api.backup.inspect({ source: { handle: photo.value.handle }, appSchemaVersion: 5 })).toEqual(err('not-a-backup'));

    const bytes = await aBackupFile(api, dataFolder);
    const half = await sendBackupFile(api.backup, picked('half.rgbackup', bytes.slice(0, Math.floor(bytes.length / 2))));
    if (!half.ok) throw new Error(half.reason);
    const checked = await api.backup.inspect({ source: { handle: half.value.handle }, appSchemaVersion: 5 });
    expect(checked.ok).toBe(false);
    expect(['backup-truncated', 'backup-damaged']).toContain(checked.ok ? '' : checked.reason);
    expect(await sendBackupFile(api.backup, picked('empty.rgbackup', new Uint8Array()))).toEqual(err('not-a-backup'));
  });

  it('refuses a lost or repeated piece, more bytes than announced, and an end before all arrived', async () => {
    const { api } = await setup();
    const begun = await api.backup.receiveBegin('a.rgbackup', 10);
    if (!begun.ok) throw new Error(begun.reason);
    expect(await api.backup.receiveAppend(begun.value.receiveId, 4, new Uint8Array(4))).toEqual(err('invalid-request'));
    // The copy was dropped with the bad piece.
    expect(await api.backup.receiveEnd(begun.value.receiveId)).toEqual(err('backup-session-expired'));

    const again = await api.backup.receiveBegin('a.rgbackup', 10);
    if (!again.ok) throw new Error(again.reason);
    expect(await api.backup.receiveAppend(again.value.receiveId, 0, new Uint8Array(11))).toEqual(err('invalid-request'));

    const short = await api.backup.receiveBegin('a.rgbackup', 10);
    if (!short.ok) throw new Error(short.reason);
    expect((await api.backup.receiveAppend(short.value.receiveId, 0, new Uint8Array(6))).ok).toBe(true);
    expect(await api.backup.receiveEnd(short.value.receiveId)).toEqual(err('backup-truncated'));
    expect(await api.backup.receiveBegin('a.rgbackup', 0)).toEqual(err('invalid-request'));
  });

  it('keeps only a plain file name of what the browser said, inside its own folder', async () => {
    expect(receivedFileName('../../etc/passwd')).toBe('passwd');
    expect(receivedFileName('C:\\Users\\店主\\备份.rgbackup')).toBe('备份.rgbackup');
    expect(receivedFileName('a\u0000b<>:"|?*.rgbackup')).toBe('ab.rgbackup');
    expect(receivedFileName('..')).toBe('backup.rgbackup');
    const { api, dataFolder } = await setup();
    const received = await sendBackupFile(api.backup, picked('../../outside.rgbackup', new Uint8Array([1, 2, 3])));
    if (!received.ok) throw new Error(received.reason);
    expect(received.value.fileName).toBe('outside.rgbackup');
    const [copy] = await readdir(path.join(dataFolder, 'received'));
    expect(await readdir(path.join(dataFolder, 'received', copy!))).toEqual(['outside.rgbackup']);
  });

  it('drops the received copies when the page starts again (backup:reset)', async () => {
    const { api, dataFolder } = await setup();
    const received = await sendBackupFile(api.backup, picked('x.rgbackup', new Uint8Array([1, 2, 3])));
    expect(received.ok).toBe(true);
    expect(await readdir(path.join(dataFolder, 'received'))).toHaveLength(1);
    expect((await api.backup.reset()).ok).toBe(true);
    await expect(stat(path.join(dataFolder, 'received'))).rejects.toThrow();
  });

  it('is not offered where the OS has a file picker (the desktop reads the picked file where it is)', async () => {
    const dataFolder = await mkdtemp(path.join(tmpdir(), 'regulars-receive-'));
    folders.push(dataFolder);
    const desktop = createBackupService({
      appVersion: '0.1.0',
      dataFolder,
      notify: () => undefined,
      dialogs: { chooseFolder: async () => null, chooseFile: async () => null },
      showFolder: async () => undefined,
      protector: null,
      limits: { sweepEveryMs: 0 },
    });
    expect(await desktop.receiveBegin('a.rgbackup', 10)).toEqual(err('unavailable'));
    expect(await desktop.receiveAppend('6f1c2b1e-4a1b-4c8e-9f3a-2b7d9c1e0a55', 0, new Uint8Array(1))).toEqual(err('unavailable'));
    expect(await desktop.receiveEnd('6f1c2b1e-4a1b-4c8e-9f3a-2b7d9c1e0a55')).toEqual(err('unavailable'));
  });
});
