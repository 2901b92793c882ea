import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FREE_PIN_ATTEMPTS, type DerivePinKey } from '../../../shared/domain/ownerPin';
import { OWNER_IDLE_MS } from '../../../shared/domain/permissions';
import { createOwnerSessionService } from '.';
import { createJsonFile } from './jsonFile';

// A cheap stand-in for PBKDF2: the PIN's bytes xor the salt, padded to 32 bytes (the service only compares).
const derive: DerivePinKey = async (pin, salt) => {
  const out = new Uint8Array(32);
  const bytes = new TextEncoder().encode(pin);
  for (let i = 0; i < 32; i++) out[i] = (bytes[i % bytes.length] ?? 0) ^ salt[i % salt.length]! ^ i;
  return out;
};

let folder: string;
let clock: number;
const file = () => path.join(folder, 'owner-pin.json');
const service = () => createOwnerSessionService({ file: createJsonFile(file()), now: () => clock, derive, randomBytes: (n) => new Uint8Array(n).fill(7) });

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'owner-session-'));
  clock = Date.UTC(2026, 11, 3, 9, 0, 0);
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('the owner session in main', () => {
  it('starts as the clerk with no PIN; the first PIN makes the owner, for five idle minutes', async () => {
    const session = service();
    expect(await session.state()).toEqual({ role: 'clerk', pinSet: false, ownerMsLeft: null, pinLockedMsLeft: null });
    expect(await session.unlock('2580')).toEqual({ outcome: 'no-pin' });
    const set = await session.setPin('2580', '2580');
    expect(set.ok && set.value.outcome).toBe('set');
    expect(session.role()).toBe('owner');
    clock += OWNER_IDLE_MS;
    expect(session.role()).toBe('clerk');
    expect((await session.state()).role).toBe('clerk');
  });

  it('refuses a weak or mismatched PIN with the problem, storing nothing', async () => {
    const session = service();
    expect(await session.setPin('1234', '1234')).toEqual({ ok: true, value: { outcome: 'problem', problem: 'pin-too-simple' } });
    expect(await session.setPin('2580', '2581')).toEqual({ ok: true, value: { outcome: 'problem', problem: 'pin-mismatch' } });
    expect(await session.setPin('25a0', '25a0')).toEqual({ ok: true, value: { outcome: 'problem', problem: 'pin-digits-only' } });
    expect((await session.state()).pinSet).toBe(false);
  });

  it('lets only the owner change a PIN once one is set', async () => {
    await service().setPin('2580', '2580');
    const afterRestart = service();
    expect(afterRestart.role()).toBe('clerk');
    expect(await afterRestart.setPin('3691', '3691')).toEqual({ ok: false, reason: 'owner-required' });
    expect((await afterRestart.unlock('2580')).outcome).toBe('unlocked');
    expect((await afterRestart.setPin('3691', '3691')).ok).toBe(true);
    await afterRestart.lock();
    expect((await afterRestart.unlock('2580')).outcome).toBe('wrong');
    expect((await afterRestart.unlock('3691')).outcome).toBe('unlocked');
  });

  it('counts wrong PINs across a restart and locks them out, then the right PIN after the lockout', async () => {
    await service().setPin('2580', '2580');
    await service().lock();
    for (let i = 1; i < FREE_PIN_ATTEMPTS; i++) expect(await service().unlock('0000')).toEqual({ outcome: 'wrong', attemptsLeft: FREE_PIN_ATTEMPTS - i });
    const last = await service().unlock('0000');
    expect(last.outcome).toBe('locked');
    expect((await service().unlock('2580')).outcome).toBe('locked');
    clock += 31_000;
    expect((await service().unlock('2580')).outcome).toBe('unlocked');
  });

  it('keeps a session open while touched and ends it on lock, and a touch never opens one', async () => {
    const session = service();
    await session.setPin('2580', '2580');
    clock += OWNER_IDLE_MS - 1_000;
    await session.touch();
    clock += OWNER_IDLE_MS - 1_000;
    expect(session.role()).toBe('owner');
    await session.lock();
    expect(session.role()).toBe('clerk');
    expect((await session.touch()).role).toBe('clerk');
  });

  it('ends the session when the clock is put back', async () => {
    const session = service();
    await session.setPin('2580', '2580');
    clock -= 60 * 60_000;
    expect(session.role()).toBe('clerk');
  });

  it('adopts a record only while it holds none', async () => {
    const first = service();
    const set = await first.setPin('2580', '2580');
    if (!set.ok || set.value.outcome !== 'set') throw new Error('not set');
    await rm(file());
    const fresh = service();
    expect((await fresh.adoptPin(set.value.record)).ok).toBe(true);
    expect((await fresh.unlock('2580')).outcome).toBe('unlocked');
    const other = { ...set.value.record, hash: Buffer.alloc(32, 1).toString('base64') };
    expect(await service().adoptPin(other)).toEqual({ ok: false, reason: 'owner-required' });
    expect((await service().adoptPin(set.value.record)).ok).toBe(true);
  });

  it('reads a damaged file as no PIN but never as a clean slate of guesses', async () => {
    await writeFile(file(), '{"version":1,"record":{"hash":"x"},"attempts":"??"}');
    const session = service();
    const state = await session.state();
    expect(state.pinSet).toBe(false);
    expect(state.pinLockedMsLeft).not.toBeNull();
    await writeFile(file(), 'not json at all');
    expect((await service().state()).pinSet).toBe(false);
  });

  it('never writes the PIN itself to disk', async () => {
    await service().setPin('258036', '258036');
    const text = await readFile(file(), 'utf8');
    expect(text).not.toContain('258036');
    expect(JSON.parse(text)).toMatchObject({ version: 1, record: { kdf: 'pbkdf2-sha256' } });
  });
});
