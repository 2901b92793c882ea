// Range checks the validators share: a value read from storage or a form is `unknown` until it passes one.

/** A safe integer in [min, max]. */
export const isIntIn = (n: unknown, min: number, max: number): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= min && n <= max;

/** A finite number in [min, max]. */
export const isNumberIn = (n: unknown, min: number, max: number): n is number => typeof n === 'number' && Number.isFinite(n) && n >= min && n <= max;
