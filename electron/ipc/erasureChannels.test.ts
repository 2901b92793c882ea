// The erasure register's channels through the real handler and the real services (a temp data folder): only the
// owner adds to main's copy, anyone may read it (ids and dates), and hostile payloads never reach the files.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWebServices, type MainServices } from '../services';
import { ERASURE_REGISTER_FILE } from '../services/backup/erasureRegister';
import { createIpcHandler } from './handlers';

const APP = 'http://127.0.0.1:4000';
const PIN = '2580';
const ENTRY = { id: '6f1d6a52-3c1e-4e8a-9a57-2b3f8d0c1e77', erasedAt: '2026-03-01T10:00:00.000Z', purchases: 'anonymise' };
let folder: string;
let services: MainServices;
let call: (channel: string, payload?: unknown, senderUrl?: string) => Promise<unknown>;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'erasure-channels-'));
  services = createWebServices({ dataFolder: folder, version: '0.1.0-test', systemLocale: 'en-US', log: () => undefined });
  const handler = createIpcHandler(services, { trustedOrigins: [APP], logError: () => undefined });
  call = (channel, payload, senderUrl = `${APP}/`) => handler({ channel, payload, senderUrl });
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('erasure register channels', () => {
  it('refuses erasures:record without an owner session, and writes nothing', async () => {
    expect(await call('erasures:record', { entries: [ENTRY] })).toEqual({ ok: false, reason: 'owner-required' });
    await services.session.setPin(PIN, PIN);
    await services.session.lock();
    expect(await call('erasures:record', { entries: [ENTRY] })).toEqual({ ok: false, reason: 'owner-required' });
    expect(await readdir(folder)).not.toContain(ERASURE_REGISTER_FILE);
    expect(await call('erasures:list')).toEqual({ ok: true, value: { entries: [] } });
  });

  it('records for the owner, and lists for anyone', async () => {
    await services.session.setPin(PIN, PIN);
    expect(await call('erasures:record', { entries: [ENTRY] })).toEqual({ ok: true, value: { known: 1 } });
    await services.session.lock();
    expect(await call('erasures:list')).toEqual({ ok: true, value: { entries: [ENTRY] } });
    expect(JSON.parse(await readFile(path.join(folder, ERASURE_REGISTER_FILE), 'utf8')).entries).toEqual([ENTRY]);
    expect(JSON.parse(await readFile(path.join(folder, 'backups', 'regulars-erasures.json'), 'utf8')).entries).toEqual([ENTRY]);
  });

  it('refuses what is not ids and dates, for the owner too', async () => {
    await services.session.setPin(PIN, PIN);
    const hostile: unknown[] = [
      undefined,
      { entries: [] },
      { entries: [{ ...ENTRY, id: '张三丰 13812345678' }] },
      { entries: [{ ...ENTRY, id: '13812345678' }] },
      { entries: [{ ...ENTRY, name: '张三丰' }] },
      { entries: [{ ...ENTRY, erasedAt: 'yesterday' }] },
      { entries: [{ ...ENTRY, erasedAt: '2026-02-30T10:00:00.000Z' }] },
      { entries: [{ ...ENTRY, purchases: 'keep' }] },
      { entries: [ENTRY], also: true },
      { entries: Array.from({ length: 501 }, () => ENTRY) },
      { entries: { 0: ENTRY, length: 1 } },
      JSON.parse('{"entries":[],"__proto__":{"polluted":true}}'),
    ];
    for (const payload of hostile) expect(await call('erasures:record', payload)).toEqual({ ok: false, reason: 'invalid-request' });
    expect(await call('erasures:list', { entries: [ENTRY] })).toEqual({ ok: false, reason: 'invalid-request' });
    expect(await readdir(folder)).not.toContain(ERASURE_REGISTER_FILE);
  });

  it('answers no one but the app', async () => {
    await services.session.setPin(PIN, PIN);
    expect(await call('erasures:record', { entries: [ENTRY] }, 'https://example.com/')).toEqual({ ok: false, reason: 'untrusted-sender' });
    expect(await call('erasures:list', undefined, 'https://example.com/')).toEqual({ ok: false, reason: 'untrusted-sender' });
  });
});
