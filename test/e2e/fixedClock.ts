// The end-to-end tests' one clock: every test starts at E2E_NOW (an ISO time; without an offset it is the
// machine's local time, as the browser's is), or at the default below, never at the day the tests run.
import { isValid, parseISO } from 'date-fns';

/** A Monday morning in the middle of the year, far from midnight, so a test never crosses a day by itself. */
export const DEFAULT_E2E_NOW = '2026-06-15T10:00:00';

export function e2eNow(env: string | undefined = process.env.E2E_NOW): Date {
  const text = env?.trim() || DEFAULT_E2E_NOW;
  const at = parseISO(text);
  if (!isValid(at)) throw new Error(`E2E_NOW is not an ISO time: ${text}`);
  return at;
}
