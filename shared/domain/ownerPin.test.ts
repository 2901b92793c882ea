import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  afterWrongPin,
  checkNewPin,
  createPinRecord,
  FREE_PIN_ATTEMPTS,
  lockoutMs,
  NO_PIN_FAILURES,
  ownerPinRecordSchema,
  pinAttemptsFrom,
  pinLockedUntil,
  verifyPin,
  type DerivePinKey,
  type PinAttempts,
} from './ownerPin';

/** The same PBKDF2-SHA-256 the renderer asks WebCrypto for, from Node's own implementation. */
const nodeDerive: DerivePinKey = async (pin, salt, iterations) => new Uint8Array(pbkdf2Sync(Buffer.from(pin, 'utf8'), salt, iterations, 32, 'sha256'));
/** WebCrypto, as the renderer calls it (Node has the same global). */
const webDerive: DerivePinKey = async (pin, salt, iterations) => {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations }, key, 256));
};
const SALT = new Uint8Array(16).map((_, i) => i * 7 + 3);
const NOW = new Date('2026-11-23T10:00:00.000Z');

describe('checkNewPin', () => {
  it('accepts 4 to 12 digits typed twice the same', () => {
    expect(checkNewPin('2580', '2580')).toEqual({ ok: true, value: '2580' });
    expect(checkNewPin(' 908172 ', '908172')).toEqual({ ok: true, value: '908172' });
    expect(checkNewPin('190283746501', '190283746501')).toEqual({ ok: true, value: '190283746501' });
  });
  it('reads full-width digits from a Chinese input method as digits', () => {
    expect(checkNewPin('２５８０', '2580')).toEqual({ ok: true, value: '2580' });
  });
  it.each([
    ['', '', 'pin-required'],
    ['12a4', '12a4', 'pin-digits-only'],
    ['12 34', '12 34', 'pin-digits-only'],
    ['258', '258', 'pin-too-short'],
    ['2580258025802', '2580258025802', 'pin-too-long'],
    ['0000', '0000', 'pin-too-simple'],
    ['1234', '1234', 'pin-too-simple'],
    ['987654', '987654', 'pin-too-simple'],
    ['2580', '2581', 'pin-mismatch'],
  ])('refuses %j / %j as %s', (pin, confirmation, problem) => {
    expect(checkNewPin(pin, confirmation)).toEqual({ ok: false, reason: problem });
  });
  it('does not call a PIN with one step out of line simple', () => {
    expect(checkNewPin('1235', '1235').ok).toBe(true);
    expect(checkNewPin('1212', '1212').ok).toBe(true);
  });
});

describe('PIN records', () => {
  it('keeps only a salted hash that the schema accepts, and verifies the right PIN only', async () => {
    const record = await createPinRecord('2580', { salt: SALT, derive: nodeDerive, now: NOW, iterations: 100_000 });
    expect(ownerPinRecordSchema.parse(record)).toEqual(record);
    expect(JSON.stringify(record)).not.toContain('2580');
    expect(record).toMatchObject({ version: 1, kdf: 'pbkdf2-sha256', iterations: 100_000, setAt: NOW.toISOString() });
    expect(await verifyPin('2580', record, nodeDerive)).toBe(true);
    expect(await verifyPin('２５８０', record, nodeDerive)).toBe(true);
    expect(await verifyPin('2581', record, nodeDerive)).toBe(false);
    expect(await verifyPin('', record, nodeDerive)).toBe(false);
  });

  it('derives the same hash through WebCrypto as through Node: the renderer and this test agree', async () => {
    const record = await createPinRecord('908172', { salt: SALT, derive: webDerive, now: NOW, iterations: 100_000 });
    expect(await verifyPin('908172', record, nodeDerive)).toBe(true);
  });

  it('gives two records of one PIN different hashes when the salts differ', async () => {
    const a = await createPinRecord('2580', { salt: SALT, derive: nodeDerive, now: NOW, iterations: 100_000 });
    const b = await createPinRecord('2580', { salt: SALT.map((x) => x ^ 0xff), derive: nodeDerive, now: NOW, iterations: 100_000 });
    expect(a.hash).not.toBe(b.hash);
  });

  it('refuses a salt or a key of the wrong size, and records that are not whole', async () => {
    await expect(createPinRecord('2580', { salt: new Uint8Array(8), derive: nodeDerive, now: NOW })).rejects.toThrow(RangeError);
    await expect(createPinRecord('2580', { salt: SALT, derive: async () => new Uint8Array(16), now: NOW })).rejects.toThrow(RangeError);
    const record = await createPinRecord('2580', { salt: SALT, derive: nodeDerive, now: NOW, iterations: 100_000 });
    expect(ownerPinRecordSchema.safeParse({ ...record, iterations: 10 }).success).toBe(false);
    expect(ownerPinRecordSchema.safeParse({ ...record, hash: record.hash.slice(4) }).success).toBe(false);
    expect(ownerPinRecordSchema.safeParse({ ...record, pin: '2580' }).success).toBe(false);
  });
});

describe('lockout', () => {
  const fail = (attempts: PinAttempts, at: Date) => afterWrongPin(attempts, at);
  const failTimes = (count: number, at: Date) => Array.from({ length: count }).reduce<PinAttempts>((a) => fail(a, at), { ...NO_PIN_FAILURES });

  it('allows a few typos, then locks for 30 s, doubling up to 15 minutes', () => {
    expect(FREE_PIN_ATTEMPTS).toBe(5);
    expect([0, 1, 4].map(lockoutMs)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 30].map(lockoutMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000]);
  });

  it('says until when the owner must wait, and nothing once that has passed', () => {
    expect(pinLockedUntil(failTimes(4, NOW), NOW)).toBeNull();
    const five = failTimes(5, NOW);
    expect(pinLockedUntil(five, NOW)).toEqual(new Date(NOW.getTime() + 30_000));
    expect(pinLockedUntil(five, new Date(NOW.getTime() + 29_999))).toEqual(new Date(NOW.getTime() + 30_000));
    expect(pinLockedUntil(five, new Date(NOW.getTime() + 30_000))).toBeNull();
    expect(pinLockedUntil(fail(five, NOW), NOW)).toEqual(new Date(NOW.getTime() + 60_000));
  });

  it('neither ends nor stretches a lockout when the clock is put back', () => {
    const five = failTimes(5, NOW);
    const earlier = new Date(NOW.getTime() - 3_600_000);
    expect(pinLockedUntil(five, earlier)).toEqual(new Date(earlier.getTime() + 30_000));
  });

  it('reads stored attempts back, and treats unreadable ones as a lockout, not a clean slate', () => {
    expect(pinAttemptsFrom(null, NOW)).toEqual(NO_PIN_FAILURES);
    expect(pinAttemptsFrom({ failures: 2, lastFailureAt: NOW.toISOString() }, NOW)).toEqual({ failures: 2, lastFailureAt: NOW.toISOString() });
    const junk = pinAttemptsFrom({ failures: -1 }, NOW);
    expect(pinLockedUntil(junk, NOW)).toEqual(new Date(NOW.getTime() + 30_000));
    expect(pinLockedUntil(pinAttemptsFrom({ failures: 6, lastFailureAt: 'yesterday' }, NOW), NOW)).toEqual(new Date(NOW.getTime() + 60_000));
  });
});
