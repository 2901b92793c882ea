// The one result shape used across the IPC boundary and by domain validators.
export type Ok<T> = { ok: true; value: T };
export type Err<E = string> = { ok: false; reason: E };
export type Result<T, E = string> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E = string>(reason: E): Err<E> => ({ ok: false, reason });

/** Fails loudly at runtime when a union is not handled; fails the typecheck first. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
