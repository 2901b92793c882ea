// The owner session's channels (session:*): main checks the owner PIN and keeps who is at the keyboard,
// so what only the owner may do can be refused in main as well as hidden in the page.
import { z } from 'zod';
import { ownerPinRecordSchema, PIN_MAX_DIGITS, PIN_PROBLEMS } from '../domain/ownerPin';
import { ROLES } from '../domain/permissions';

/** Room for a PIN typed with spaces or full-width digits; normalizePin decides what it is. */
const typedPinSchema = z.string().max(PIN_MAX_DIGITS * 4);

export const sessionStateSchema = z.strictObject({
  role: z.enum(ROLES),
  /** Whether main holds an owner PIN (none: the first owner action sets it). */
  pinSet: z.boolean(),
  /**
   * Milliseconds until the owner session ends unless the owner touches the app; null for the clerk. A
   * duration, not a time: the page's clock (a fixed one in tests) need not agree with main's.
   */
  ownerMsLeft: z.int().min(0).nullable(),
  /** Milliseconds wrong PINs still lock the PIN out; null when a PIN may be tried. */
  pinLockedMsLeft: z.int().min(0).nullable(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const unlockRequestSchema = z.strictObject({ pin: typedPinSchema });
export const unlockResponseSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('unlocked'), state: sessionStateSchema }),
  z.strictObject({ outcome: z.literal('wrong'), attemptsLeft: z.int().min(0) }),
  z.strictObject({ outcome: z.literal('locked'), msLeft: z.int().min(0) }),
  z.strictObject({ outcome: z.literal('no-pin') }),
]);
export type UnlockResponse = z.infer<typeof unlockResponseSchema>;

export const setPinRequestSchema = z.strictObject({ pin: typedPinSchema, confirmation: typedPinSchema });
export const setPinResponseSchema = z.discriminatedUnion('outcome', [
  /** The record is handed back so the page keeps a copy in the store, which backups carry. */
  z.strictObject({ outcome: z.literal('set'), record: ownerPinRecordSchema, state: sessionStateSchema }),
  z.strictObject({ outcome: z.literal('problem'), problem: z.enum(PIN_PROBLEMS) }),
]);
export type SetPinResponse = z.infer<typeof setPinResponseSchema>;

export const adoptPinRequestSchema = z.strictObject({ record: ownerPinRecordSchema });
