// The owner session's channels through the real handler and the real services (a temp data folder):
// hostile payloads are refused before the service, and a page cannot make itself the owner.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWebServices } from '../services';
import { createIpcHandler } from './handlers';

const APP = 'http://127.0.0.1:4000';
let folder: string;
let call: (channel: string, payload?: unknown) => Promise<unknown>;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'session-channels-'));
  const services = createWebServices({ dataFolder: folder, version: '0.1.0-test', systemLocale: 'en-US', log: () => undefined });
  const handler = createIpcHandler(services, { trustedOrigins: [APP], logError: () => undefined });
  call = (channel, payload) => handler({ channel, payload, senderUrl: `${APP}/` });
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('session channels', () => {
  it('sets the first PIN, then refuses a clerk who tries to change it', async () => {
    expect(await call('session:state')).toEqual({ ok: true, value: { role: 'clerk', pinSet: false, ownerMsLeft: null, pinLockedMsLeft: null } });
    const set = (await call('session:setPin', { pin: '2580', confirmation: '2580' })) as { ok: true; value: { outcome: string; state: { role: string } } };
    expect(set.value.outcome).toBe('set');
    expect(set.value.state.role).toBe('owner');
    expect((await call('session:lock')) as object).toMatchObject({ ok: true, value: { role: 'clerk', pinSet: true } });
    expect(await call('session:setPin', { pin: '3691', confirmation: '3691' })).toEqual({ ok: false, reason: 'owner-required' });
    expect(await call('session:unlock', { pin: '0000' })).toEqual({ ok: true, value: { outcome: 'wrong', attemptsLeft: 4 } });
    expect((await call('session:unlock', { pin: '2580' })) as object).toMatchObject({ ok: true, value: { outcome: 'unlocked' } });
  });

  it('refuses malformed requests before the service', async () => {
    const hostile: [string, unknown][] = [
      ['session:unlock', { pin: 2580 }],
      ['session:unlock', { pin: '2580', role: 'owner' }],
      ['session:unlock', { pin: '9'.repeat(10_000) }],
      ['session:unlock', undefined],
      ['session:setPin', { pin: '2580' }],
      ['session:adoptPin', { record: { version: 1, kdf: 'none' } }],
      ['session:lock', { role: 'owner' }],
      ['session:touch', 'owner'],
      ['session:state', { ownerMsLeft: 600_000 }],
    ];
    for (const [channel, payload] of hostile) expect(await call(channel, payload)).toEqual({ ok: false, reason: 'invalid-request' });
    expect((await call('session:state')) as object).toMatchObject({ ok: true, value: { role: 'clerk' } });
  });

  it('lets no page replace a PIN by offering a record of its own', async () => {
    await call('session:setPin', { pin: '2580', confirmation: '2580' });
    await call('session:lock');
    const forged = { version: 1, kdf: 'pbkdf2-sha256', iterations: 100_000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: 'A'.repeat(43) + '=', setAt: '2026-01-01T00:00:00.000Z' };
    expect(await call('session:adoptPin', { record: forged })).toEqual({ ok: false, reason: 'owner-required' });
    expect((await call('session:touch')) as object).toMatchObject({ ok: true, value: { role: 'clerk' } });
  });
});
