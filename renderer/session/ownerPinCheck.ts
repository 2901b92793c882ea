// The owner PIN on this PC: PBKDF2 through WebCrypto, and the wrong-PIN count (kept in localStorage, so a
// reload does not reset a lockout). The rules are in shared/domain/ownerPin.ts.
import {
  afterWrongPin,
  createPinRecord,
  FREE_PIN_ATTEMPTS,
  NO_PIN_FAILURES,
  PIN_HASH_BYTES,
  PIN_SALT_BYTES,
  pinAttemptsFrom,
  pinLockedUntil,
  verifyPin,
  type DerivePinKey,
  type OwnerPinRecord,
} from '../../shared/domain/ownerPin';
import type { Clock } from '../../shared/clock';

const ATTEMPTS_KEY = 'regulars.ownerPinAttempts';

export const derivePinKey: DerivePinKey = async (pin, salt, iterations) => {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations }, key, PIN_HASH_BYTES * 8);
  return new Uint8Array(bits);
};

export function newPinRecord(pin: string, now: Date): Promise<OwnerPinRecord> {
  return createPinRecord(pin, { salt: crypto.getRandomValues(new Uint8Array(PIN_SALT_BYTES)), derive: derivePinKey, now });
}

function readAttempts(now: Date) {
  try {
    return pinAttemptsFrom(JSON.parse(localStorage.getItem(ATTEMPTS_KEY) ?? 'null'), now);
  } catch {
    return pinAttemptsFrom('unreadable', now);
  }
}

/** Until when wrong PINs lock the owner out; null when a PIN may be tried now. */
export function ownerPinLockedUntil(now: Date): Date | null {
  return pinLockedUntil(readAttempts(now), now);
}

export type PinCheck = { ok: true } | { ok: false; reason: 'wrong'; attemptsLeft: number } | { ok: false; reason: 'locked'; until: Date };

/** Checks a typed PIN; counts a wrong one, and refuses without checking while locked out. */
export async function checkOwnerPin(typed: string, record: OwnerPinRecord, now: Clock): Promise<PinCheck> {
  const locked = ownerPinLockedUntil(now());
  if (locked) return { ok: false, reason: 'locked', until: locked };
  if (await verifyPin(typed, record, derivePinKey)) {
    localStorage.setItem(ATTEMPTS_KEY, JSON.stringify(NO_PIN_FAILURES));
    return { ok: true };
  }
  const attempts = afterWrongPin(readAttempts(now()), now());
  localStorage.setItem(ATTEMPTS_KEY, JSON.stringify(attempts));
  const until = pinLockedUntil(attempts, now());
  if (until) return { ok: false, reason: 'locked', until };
  return { ok: false, reason: 'wrong', attemptsLeft: Math.max(0, FREE_PIN_ATTEMPTS - attempts.failures) };
}
