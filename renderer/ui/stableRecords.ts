// Keeps the identity of records a live query read again unchanged, so what is drawn from them is not
// drawn again: a recomputation writing every customer reruns the list's queries chunk after chunk, and
// most rows on screen come back the same.
import { useState } from 'react';

/** Equal as stored data: the same primitives (NaN equals NaN, -0 is not 0), arrays and plain objects key by key. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    // A loop, not every(): every() skips holes, and a hole is not an undefined.
    for (let i = 0; i < a.length; i++) if (i in a !== i in other || !sameData(a[i], other[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date) return Object.is(a.getTime(), (b as Date).getTime());
  if (Object.getPrototypeOf(a) !== Object.prototype && Object.getPrototypeOf(a) !== null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ob = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(ob, k) && sameData((a as Record<string, unknown>)[k], ob[k]));
}

/**
 * `next` with each record equal to the one `previous` held under its id replaced by that one, so unchanged
 * records keep their identity; `previous` itself when nothing changed at all (the same ids in the same order).
 */
export function reuseUnchanged<T extends { id: string }>(previous: readonly T[] | undefined, next: readonly T[]): readonly T[] {
  if (!previous) return next;
  const before = new Map(previous.map((r) => [r.id, r]));
  let changed = previous.length !== next.length;
  const out = next.map((record, i) => {
    const old = before.get(record.id);
    const kept = old !== undefined && sameData(old, record) ? old : record;
    if (kept !== previous[i]) changed = true;
    return kept;
  });
  return changed ? out : previous;
}

/** The records as the query answered, with those unchanged since its previous answer kept as they were. */
export function useStableRecords<T extends { id: string }>(records: readonly T[] | undefined): readonly T[] | undefined {
  const [kept, setKept] = useState<{ answer: readonly T[] | undefined; records: readonly T[] | undefined }>({ answer: records, records });
  if (kept.answer === records) return kept.records;
  const stable = records && reuseUnchanged(kept.records, records);
  setKept({ answer: records, records: stable });
  return stable;
}

/** `value`, or the value given before when the two are the same data (a settings row read again, unchanged). */
export function useStableValue<T>(value: T): T {
  const [kept, setKept] = useState<{ answer: T; value: T }>({ answer: value, value });
  if (Object.is(kept.answer, value)) return kept.value;
  const stable = sameData(kept.value, value) ? kept.value : value;
  setKept({ answer: value, value: stable });
  return stable;
}
