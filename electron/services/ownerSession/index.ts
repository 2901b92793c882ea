// The owner session, kept by main: the owner PIN's salted hash (a file of this PC), wrong-PIN lockouts,
// and who is at the keyboard. Main refuses owner-only channels by it; the page asks it rather than itself.
import { z } from 'zod';
import {
  afterWrongPin,
  checkNewPin,
  createPinRecord,
  FREE_PIN_ATTEMPTS,
  NO_PIN_FAILURES,
  ownerPinRecordSchema,
  PIN_SALT_BYTES,
  pinAttemptsFrom,
  pinLockedUntil,
  verifyPin,
  type DerivePinKey,
  type OwnerPinRecord,
  type PinAttempts,
} from '../../../shared/domain/ownerPin';
import { CLERK_SESSION, ownerTouched, ownerUnlocked, roleAt, type OwnerSessionState, type Role } from '../../../shared/domain/permissions';
import type { FailureReason } from '../../../shared/ipc/contract';
import type { SessionState, SetPinResponse, UnlockResponse } from '../../../shared/ipc/session';
import { err, ok, type Result } from '../../../shared/result';
import type { JsonFile } from './jsonFile';

export interface OwnerSessionDeps {
  file: JsonFile;
  /** Epoch ms; the wall clock (a PIN record's date, lockouts). */
  now: () => number;
  derive: DerivePinKey;
  randomBytes: (length: number) => Uint8Array;
}

export interface OwnerSessionService {
  state(): Promise<SessionState>;
  unlock(pin: string): Promise<UnlockResponse>;
  /** Sets the first PIN (anyone: there is no owner yet) or changes it (the owner only). */
  setPin(pin: string, confirmation: string): Promise<Result<SetPinResponse, FailureReason>>;
  /** Takes a PIN record the store already held (from before main kept it), only while main holds none. */
  adoptPin(record: OwnerPinRecord): Promise<Result<SessionState, FailureReason>>;
  lock(): Promise<SessionState>;
  /** The owner used the app: an open session runs its idle minutes from now. */
  touch(): Promise<SessionState>;
  /** The role now, for refusing a channel. */
  role(): Role;
}

const pinFileSchema = z.object({ version: z.literal(1), record: z.unknown(), attempts: z.unknown() });

const msUntil = (until: Date, at: Date) => Math.max(0, Math.round(until.getTime() - at.getTime()));

interface PinFile {
  record: OwnerPinRecord | null;
  attempts: PinAttempts;
}

export function createOwnerSessionService(deps: OwnerSessionDeps): OwnerSessionService {
  const { file, now, derive, randomBytes } = deps;
  let session: OwnerSessionState = CLERK_SESSION;
  let loaded: PinFile | null = null;
  // One PIN operation at a time: two unlocks racing must not both count as the first wrong guess.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  async function pinFile(): Promise<PinFile> {
    if (loaded) return loaded;
    const raw = await file.read();
    if (raw === null) {
      loaded = { record: null, attempts: { ...NO_PIN_FAILURES } };
      return loaded;
    }
    const parsed = pinFileSchema.safeParse(raw);
    const record = parsed.success ? ownerPinRecordSchema.safeParse(parsed.data.record) : null;
    // A damaged file leaves no PIN (the owner sets a new one) but never a clean slate of guesses.
    loaded = {
      record: record?.success ? record.data : null,
      attempts: pinAttemptsFrom(parsed.success ? parsed.data.attempts : 'unreadable', new Date(now())),
    };
    return loaded;
  }

  async function save(next: PinFile): Promise<void> {
    await file.write({ version: 1, record: next.record, attempts: next.attempts });
    loaded = next;
  }

  function role(): Role {
    return roleAt(session, now());
  }

  async function state(): Promise<SessionState> {
    const { record, attempts } = await pinFile();
    const at = new Date(now());
    const owner = role() === 'owner';
    if (!owner) session = CLERK_SESSION;
    const lockedUntil = pinLockedUntil(attempts, at);
    return {
      role: owner ? 'owner' : 'clerk',
      pinSet: record !== null,
      ownerMsLeft: owner && session.ownerUntil !== null ? session.ownerUntil - at.getTime() : null,
      pinLockedMsLeft: lockedUntil ? msUntil(lockedUntil, at) : null,
    };
  }

  return {
    state,
    role,
    unlock: (pin) =>
      serial(async (): Promise<UnlockResponse> => {
        const current = await pinFile();
        if (current.record === null) return { outcome: 'no-pin' };
        const at = new Date(now());
        const locked = pinLockedUntil(current.attempts, at);
        if (locked) return { outcome: 'locked', msLeft: msUntil(locked, at) };
        if (await verifyPin(pin, current.record, derive)) {
          if (current.attempts.failures > 0) await save({ ...current, attempts: { ...NO_PIN_FAILURES } });
          session = ownerUnlocked(now());
          return { outcome: 'unlocked', state: await state() };
        }
        const attempts = afterWrongPin(current.attempts, at);
        await save({ ...current, attempts });
        const until = pinLockedUntil(attempts, at);
        if (until) return { outcome: 'locked', msLeft: msUntil(until, at) };
        return { outcome: 'wrong', attemptsLeft: Math.max(0, FREE_PIN_ATTEMPTS - attempts.failures) };
      }),
    setPin: (pin, confirmation) =>
      serial(async (): Promise<Result<SetPinResponse, FailureReason>> => {
        const current = await pinFile();
        if (current.record !== null && role() !== 'owner') return err('owner-required');
        const checked = checkNewPin(pin, confirmation);
        if (!checked.ok) return ok({ outcome: 'problem', problem: checked.reason });
        const record = await createPinRecord(checked.value, { salt: randomBytes(PIN_SALT_BYTES), derive, now: new Date(now()) });
        await save({ record, attempts: { ...NO_PIN_FAILURES } });
        session = ownerUnlocked(now());
        return ok({ outcome: 'set', record, state: await state() });
      }),
    adoptPin: (record) =>
      serial(async (): Promise<Result<SessionState, FailureReason>> => {
        const current = await pinFile();
        if (current.record !== null) {
          const same = current.record.hash === record.hash && current.record.salt === record.salt;
          return same ? ok(await state()) : err('owner-required');
        }
        await save({ record, attempts: current.attempts });
        return ok(await state());
      }),
    async lock() {
      session = CLERK_SESSION;
      return state();
    },
    async touch() {
      session = ownerTouched(session, now());
      return state();
    },
  };
}
