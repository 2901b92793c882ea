// Export files through the real handler and contract: written whole or not at all, never half a file.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CHUNK_BYTES } from '../../shared/backup/format';
import { createDesktopApi, type Channel } from '../../shared/ipc/contract';
import { saveExportFile } from '../../shared/ipc/exportFiles';
import { createIpcHandler } from '../ipc/handlers';
import { faultyFs, tempFolder } from '../../test/support/backupService';
import { createExportFileService } from './exportFileService';
import { createWebServices } from '.';

const ORIGIN = 'http://127.0.0.1:5173';
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function folder() {
  const dir = await tempFolder('regulars-export-');
  folders.push(dir);
  return dir;
}

async function webApi() {
  const dataFolder = await folder();
  const services = createWebServices({ dataFolder, version: '0.1.0', systemLocale: 'en', platform: 'linux', log: () => undefined });
  const handler = createIpcHandler(services, { trustedOrigins: [ORIGIN], logError: () => undefined });
  // JSON both ways, as the dev bridge carries it.
  const invoke = async (channel: Channel, payload: unknown) =>
    JSON.parse(JSON.stringify(await handler({ channel, payload: JSON.parse(JSON.stringify(payload ?? null)) ?? undefined, senderUrl: `${ORIGIN}/` }))) as unknown;
  return { api: createDesktopApi(invoke).exportFile, exports: path.join(dataFolder, 'exports'), services, invoke };
}

const bytesOf = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) % 256);

describe('export files through the contract', () => {
  it("refuses the clerk an export of everything in main, and lets the owner after the PIN", async () => {
    const { api, services, invoke } = await webApi();
    expect(await api.begin('熟客-客户-2026-12-03.csv', true)).toEqual({ ok: false, reason: 'owner-required' });
    const part = await api.begin('熟客-客户-2026-12-03.csv', false);
    expect(part.ok && part.value).toBeTruthy();
    await services.session.setPin('2580', '2580');
    const all = await api.begin('熟客-客户-2026-12-03.csv', true);
    expect(all.ok && all.value).toBeTruthy();
    // A hostile page that leaves the flag out is refused as a malformed request, not taken for a part.
    await services.session.lock();
    expect(await invoke('export:begin', { fileName: 'x.csv' })).toEqual({ ok: false, reason: 'invalid-request' });
    expect(await invoke('export:begin', { fileName: 'x.csv', everything: 'no' })).toEqual({ ok: false, reason: 'invalid-request' });
  });

  it("takes a report chart's picture (png) and refuses a name of any other kind", async () => {
    const { api } = await webApi();
    const png = await api.begin('熟客-营业额-2026-12-03.png', false);
    expect(png.ok && png.value).toMatchObject({ fileName: '熟客-营业额-2026-12-03.png' });
    expect(await api.begin('熟客-营业额-2026-12-03.exe', false)).toEqual({ ok: false, reason: 'invalid-request' });
  });

  it('writes a file of several pieces into <dataFolder>/exports and answers where it is', async () => {
    const { api, exports } = await webApi();
    const bytes = bytesOf(MAX_CHUNK_BYTES * 2 + 123);
    const begun = await api.begin('熟客-消费-2026-12-03.xlsx', false);
    expect(begun.ok && begun.value).toMatchObject({ fileName: '熟客-消费-2026-12-03.xlsx' });
    if (!begun.ok || !begun.value) throw new Error('no session');
    const sent: number[] = [];
    const saved = await saveExportFile(api, begun.value, bytes, (n) => sent.push(n));
    expect(saved).toEqual({ ok: true, value: { fileName: '熟客-消费-2026-12-03.xlsx', path: path.join(exports, '熟客-消费-2026-12-03.xlsx'), bytes: bytes.length } });
    expect(sent).toEqual([MAX_CHUNK_BYTES, MAX_CHUNK_BYTES * 2, bytes.length]);
    expect(Buffer.from(await readFile(path.join(exports, '熟客-消费-2026-12-03.xlsx'))).equals(Buffer.from(bytes))).toBe(true);
    expect(await readdir(exports)).toEqual(['熟客-消费-2026-12-03.xlsx']);
  });

  it('never overwrites an earlier export of the same name in the browser mode', async () => {
    const { api, exports } = await webApi();
    for (const text of ['one', 'two', 'three']) {
      const begun = await api.begin('Regulars-customers-2026-12-03.csv', false);
      if (!begun.ok || !begun.value) throw new Error('no session');
      expect((await saveExportFile(api, begun.value, new TextEncoder().encode(text))).ok).toBe(true);
    }
    expect((await readdir(exports)).sort()).toEqual(['Regulars-customers-2026-12-03 (2).csv', 'Regulars-customers-2026-12-03 (3).csv', 'Regulars-customers-2026-12-03.csv']);
    expect(await readFile(path.join(exports, 'Regulars-customers-2026-12-03 (3).csv'), 'utf8')).toBe('three');
  });

  it('leaves no file behind when aborted, and refuses a piece out of order', async () => {
    const { api, exports } = await webApi();
    const begun = await api.begin('a-2026.csv', false);
    if (!begun.ok || !begun.value) throw new Error('no session');
    expect((await api.append(begun.value.sessionId, 0, bytesOf(10))).ok).toBe(true);
    expect(await api.append(begun.value.sessionId, 5, bytesOf(10))).toEqual({ ok: false, reason: 'invalid-request' });
    // The session is gone with its temporary file.
    expect(await api.commit(begun.value.sessionId)).toEqual({ ok: false, reason: 'export-session-expired' });
    expect(await readdir(exports)).toEqual([]);

    const again = await api.begin('a-2026.csv', false);
    if (!again.ok || !again.value) throw new Error('no session');
    await api.append(again.value.sessionId, 0, bytesOf(10));
    expect(await api.abort(again.value.sessionId)).toEqual({ ok: true, value: null });
    expect(await readdir(exports)).toEqual([]);
  });

  it('refuses names that are not plain export file names', async () => {
    const { api } = await webApi();
    for (const name of ['../evil.csv', 'a/b.csv', 'x.exe', '.hidden.csv', 'C:\\x.csv', 'nul\u0000.csv']) {
      expect(await api.begin(name, false), name).toEqual({ ok: false, reason: 'invalid-request' });
    }
  });
});

describe('createExportFileService', () => {
  it('writes where the save dialog says, replacing a file the clerk chose to replace; null when cancelled', async () => {
    const dir = await folder();
    const target = path.join(dir, 'chosen.csv');
    await writeFile(target, 'old');
    let answer: string | null = target;
    const service = createExportFileService({ chooseSavePath: async () => answer, folder: path.join(dir, 'unused') });
    const begun = await service.begin('x.csv');
    if (!begun.ok || !begun.value) throw new Error('no session');
    await service.append(begun.value.sessionId, 0, new TextEncoder().encode('new'));
    expect(await service.commit(begun.value.sessionId)).toEqual({ ok: true, value: { fileName: 'chosen.csv', path: target, bytes: 3 } });
    expect(await readFile(target, 'utf8')).toBe('new');
    answer = null;
    expect(await service.begin('x.csv')).toEqual({ ok: true, value: null });
  });

  it('says the disk is full and removes the partial file; the old file at the place stays', async () => {
    const dir = await folder();
    const target = path.join(dir, 'chosen.csv');
    await writeFile(target, 'old');
    const fs = faultyFs([{ op: 'write', when: (f) => f.endsWith('.export'), code: 'ENOSPC', after: 1 }]);
    const service = createExportFileService({ chooseSavePath: async () => target, folder: dir, fs });
    const begun = await service.begin('x.csv');
    if (!begun.ok || !begun.value) throw new Error('no session');
    expect((await service.append(begun.value.sessionId, 0, bytesOf(100))).ok).toBe(true);
    expect(await service.append(begun.value.sessionId, 100, bytesOf(100))).toEqual({ ok: false, reason: 'export-disk-full' });
    expect(await readdir(dir)).toEqual(['chosen.csv']);
    expect(await readFile(target, 'utf8')).toBe('old');
  });

  it('refuses a file beyond the size limit', async () => {
    const dir = await folder();
    const service = createExportFileService({ folder: dir, maxBytes: 50 });
    const begun = await service.begin('x.csv');
    if (!begun.ok || !begun.value) throw new Error('no session');
    expect(await service.append(begun.value.sessionId, 0, bytesOf(51))).toEqual({ ok: false, reason: 'export-too-large' });
    expect(await readdir(dir)).toEqual([]);
  });
});
