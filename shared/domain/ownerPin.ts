// The owner PIN: what a PIN may be, how its salted hash is kept, and how long wrong guesses lock it out.
// The key derivation (PBKDF2 in the renderer's WebCrypto) and the clock come in, so this stays pure.
import { addMilliseconds } from 'date-fns';
import { z } from 'zod';
import { bytesToBase64, base64ToBytes, CANONICAL_BASE64 } from '../backup/base64';
import { err, ok, type Result } from '../result';

export const PIN_MIN_DIGITS = 4;
export const PIN_MAX_DIGITS = 12;
export const PIN_SALT_BYTES = 16;
export const PIN_HASH_BYTES = 32;
/**
 * PBKDF2-SHA-256 rounds. About a quarter of a second on an old two-core PC: slow enough that guessing
 * through a stolen database costs something, fast enough that the owner does not wait. The lockout below,
 * not the hash, is what stops guessing at the screen.
 */
export const PIN_ITERATIONS = 210_000;

export const PIN_PROBLEMS = ['pin-required', 'pin-digits-only', 'pin-too-short', 'pin-too-long', 'pin-too-simple', 'pin-mismatch'] as const;
export type PinProblem = (typeof PIN_PROBLEMS)[number];

const base64Of = (bytes: number) =>
  z
    .string()
    .length(Math.ceil(bytes / 3) * 4)
    .regex(CANONICAL_BASE64)
    .refine((text) => base64ToBytes(text)?.length === bytes, 'wrong length');

export const ownerPinRecordSchema = z
  .object({
    version: z.literal(1),
    kdf: z.literal('pbkdf2-sha256'),
    iterations: z.int().min(100_000).max(10_000_000),
    salt: base64Of(PIN_SALT_BYTES),
    hash: base64Of(PIN_HASH_BYTES),
    /** ISO 8601 UTC. */
    setAt: z.string().min(1).max(40),
  })
  .strict();
export type OwnerPinRecord = z.infer<typeof ownerPinRecordSchema>;

/** PBKDF2 (or any key derivation) of the PIN's UTF-8 bytes; PIN_HASH_BYTES long. */
export type DerivePinKey = (pin: string, salt: Uint8Array, iterations: number) => Promise<Uint8Array>;

/** Four identical digits or a straight run (1234, 9876) is the first thing anyone tries. */
function isTooSimple(pin: string): boolean {
  if (/^(\d)\1*$/.test(pin)) return true;
  const steps = new Set<number>();
  for (let index = 1; index < pin.length; index++) steps.add(pin.charCodeAt(index) - pin.charCodeAt(index - 1));
  return steps.size === 1 && (steps.has(1) || steps.has(-1));
}

/** A PIN as typed: digits only (full-width digits from a Chinese input method count as digits). */
export function normalizePin(typed: string): string {
  return typed.trim().replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 0x30));
}

/** Checks a new PIN and its confirmation; the PIN to keep, or the first problem. */
export function checkNewPin(typed: string, confirmation: string): Result<string, PinProblem> {
  const pin = normalizePin(typed);
  if (pin === '') return err('pin-required');
  if (!/^\d+$/.test(pin)) return err('pin-digits-only');
  if (pin.length < PIN_MIN_DIGITS) return err('pin-too-short');
  if (pin.length > PIN_MAX_DIGITS) return err('pin-too-long');
  if (isTooSimple(pin)) return err('pin-too-simple');
  if (normalizePin(confirmation) !== pin) return err('pin-mismatch');
  return ok(pin);
}

export async function createPinRecord(
  pin: string,
  deps: { salt: Uint8Array; derive: DerivePinKey; now: Date; iterations?: number },
): Promise<OwnerPinRecord> {
  if (deps.salt.length !== PIN_SALT_BYTES) throw new RangeError(`the salt must be ${PIN_SALT_BYTES} bytes`);
  const iterations = deps.iterations ?? PIN_ITERATIONS;
  const hash = await deps.derive(normalizePin(pin), deps.salt, iterations);
  if (hash.length !== PIN_HASH_BYTES) throw new RangeError(`the key must be ${PIN_HASH_BYTES} bytes`);
  return { version: 1, kdf: 'pbkdf2-sha256', iterations, salt: bytesToBase64(deps.salt), hash: bytesToBase64(hash), setAt: deps.now.toISOString() };
}

/** Every byte is compared whatever the first difference, so the time taken says nothing about the PIN. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let index = 0; index < Math.max(a.length, b.length); index++) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  return difference === 0;
}

export async function verifyPin(typed: string, record: OwnerPinRecord, derive: DerivePinKey): Promise<boolean> {
  const salt = base64ToBytes(record.salt);
  const expected = base64ToBytes(record.hash);
  if (salt === null || expected === null) return false;
  return sameBytes(await derive(normalizePin(typed), salt, record.iterations), expected);
}

/** Wrong PINs in a row and when the last was typed; kept on this PC, reset by a right PIN. */
export interface PinAttempts {
  failures: number;
  /** ISO 8601 UTC; null when there was none. */
  lastFailureAt: string | null;
}

export const NO_PIN_FAILURES: Readonly<PinAttempts> = Object.freeze({ failures: 0, lastFailureAt: null });

/** Wrong PINs allowed before the first lockout: enough for typos, too few to guess. */
export const FREE_PIN_ATTEMPTS = 5;
const FIRST_LOCKOUT_MS = 30_000;
const LONGEST_LOCKOUT_MS = 15 * 60_000;

/** How long the lockout after `failures` wrong PINs lasts: none for the first few, then 30 s doubling up to 15 minutes. */
export function lockoutMs(failures: number): number {
  if (failures < FREE_PIN_ATTEMPTS) return 0;
  return Math.min(LONGEST_LOCKOUT_MS, FIRST_LOCKOUT_MS * 2 ** (failures - FREE_PIN_ATTEMPTS));
}

/**
 * When the owner may try again, or null when they may now. A last failure after `now` means the clock
 * was put back: the lockout then runs from `now`, so turning the clock back neither ends nor stretches it.
 */
export function pinLockedUntil(attempts: PinAttempts, now: Date): Date | null {
  const duration = lockoutMs(attempts.failures);
  if (duration === 0 || attempts.lastFailureAt === null) return null;
  const last = new Date(attempts.lastFailureAt);
  if (Number.isNaN(last.getTime())) return addMilliseconds(now, duration);
  const until = addMilliseconds(last > now ? now : last, duration);
  return until > now ? until : null;
}

export function afterWrongPin(attempts: PinAttempts, now: Date): PinAttempts {
  return { failures: attempts.failures + 1, lastFailureAt: now.toISOString() };
}

/** Attempts read back from storage; anything unreadable counts as a lockout in force, never as a clean slate. */
export function pinAttemptsFrom(value: unknown, now: Date): PinAttempts {
  if (value === null || value === undefined) return { ...NO_PIN_FAILURES };
  const parsed = z.object({ failures: z.int().min(0).max(1_000_000), lastFailureAt: z.string().nullable() }).safeParse(value);
  if (parsed.success) return parsed.data;
  return { failures: FREE_PIN_ATTEMPTS, lastFailureAt: now.toISOString() };
}

/**
 * Whose PIN a record is: each role's record is a row of its own (renderer/db/pins.ts), so a role added
 * later (the clerk) is a word here, not a new table.
 */
export const PIN_ROLES = ['owner'] as const;
export type PinRole = (typeof PIN_ROLES)[number];
