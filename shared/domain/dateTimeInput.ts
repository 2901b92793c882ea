// The date-and-time fields of the purchase and contact forms: typed local text ⇄ stored ISO 8601 UTC.
import { format, isValid, parse, parseISO } from 'date-fns';

/** How far ahead of the clock an entered time may be (clock skew, a clerk rounding up to the minute). */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

const LOCAL_FORMATS = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", 'yyyy-MM-dd HH:mm', 'yyyy-MM-dd HH:mm:ss'];
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const EARLIEST_YEAR = 1900;

/**
 * Reads a date-time as the forms send it: local "yyyy-MM-ddTHH:mm[:ss]" (what <input type="datetime-local">
 * gives), the same with a space, an ISO string with Z or an offset, or a bare "yyyy-MM-dd", which means
 * local noon so the day survives a later change of time zone. null when it is not a real time.
 */
export function parseEnteredDateTime(text: string): Date | null {
  const t = text.normalize('NFKC').trim();
  if (t === '') return null;
  let date: Date | null = null;
  if (ZONED.test(t)) {
    date = parseISO(t);
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    const d = parse(t, 'yyyy-MM-dd', new Date(2000, 0, 1));
    date = isValid(d) && format(d, 'yyyy-MM-dd') === t ? new Date(d.getFullYear(), d.getMonth(), d.getDate(), 12) : null;
  } else {
    for (const f of LOCAL_FORMATS) {
      const d = parse(t, f, new Date(2000, 0, 1));
      // Round-tripping rejects 2025-02-30 and 25:00, which parse() would roll over or refuse inconsistently.
      if (isValid(d) && format(d, f) === t) {
        date = d;
        break;
      }
    }
  }
  if (!date || !isValid(date) || date.getFullYear() < EARLIEST_YEAR || date.getFullYear() > 9999) return null;
  return date;
}

/** A stored ISO time as the local value of a datetime-local input; seconds only when there are any. */
export function toDateTimeInput(iso: string): string {
  const d = parseISO(iso);
  return format(d, d.getSeconds() === 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss");
}

/** Now as the value of a datetime-local input. */
export function nowForInput(now: Date): string {
  return format(now, "yyyy-MM-dd'T'HH:mm");
}

export function isInFuture(date: Date, now: Date): boolean {
  return date.getTime() > now.getTime() + FUTURE_TOLERANCE_MS;
}

/** A plain calendar date "yyyy-MM-dd" that exists. */
export function isPlainDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = parse(text, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(d) && format(d, 'yyyy-MM-dd') === text;
}

/** True for the exact shape Date.prototype.toISOString gives; stored times compare correctly as strings only in it. */
export function isStoredIso(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(text) && new Date(text).toISOString() === text;
}
