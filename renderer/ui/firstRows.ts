// Start-up work the first customer rows do not need waits for them: the daily recomputation and the
// automatic backups read and write the whole store, and begun at once they competed with the list's first
// queries for the database and the main thread. They start once the list has drawn its first rows, or
// after FIRST_ROWS_WAIT_MS when the app opened on another screen. Reads the first rows do not need (the
// count of the whole store reads every customer record) start after them too: IndexedDB answers one
// request after another, and one issued first delays the rows by all of its time.
import { useEffect, useState } from 'react';

export const FIRST_ROWS_WAIT_MS = 3_000;

export interface FirstRowsGate {
  /** The customer list has drawn its first rows (or knows it has none): what waited for them runs now. */
  markShown(): void;
  /**
   * Runs `run` once the first rows are shown, at once if they already were, or after `waitMs` at most.
   * Returns a cancel, which keeps `run` from running if it has not yet.
   */
  after(run: () => void, waitMs?: number): () => void;
  /** Whether the first rows were shown already. */
  isShown(): boolean;
}

export function createFirstRowsGate(): FirstRowsGate {
  let shown = false;
  const waiting = new Set<() => void>();
  return {
    markShown() {
      if (shown) return;
      shown = true;
      performance.mark('regulars:first-rows');
      for (const run of [...waiting]) run();
    },
    isShown: () => shown,
    after(run, waitMs = FIRST_ROWS_WAIT_MS) {
      let pending = true;
      const once = () => {
        if (!pending) return;
        pending = false;
        clearTimeout(timer);
        waiting.delete(once);
        run();
      };
      const timer = setTimeout(once, waitMs);
      waiting.add(once);
      if (shown) once();
      return () => {
        pending = false;
        clearTimeout(timer);
        waiting.delete(once);
      };
    },
  };
}

/** The page's gate: one start-up per page. */
export const firstRows = createFirstRowsGate();

/** How long a read waiting for the first rows waits at most on another screen (the sidebar's count). */
export const READ_AFTER_FIRST_ROWS_MS = 1_000;

/**
 * False until the first rows are shown (or `waitMs` passed), then true: a read the first rows do not
 * need asks only once this is true.
 */
export function useAfterFirstRows(waitMs = READ_AFTER_FIRST_ROWS_MS, gate: FirstRowsGate = firstRows): boolean {
  const [ready, setReady] = useState(() => gate.isShown());
  useEffect(() => (ready ? undefined : gate.after(() => setReady(true), waitMs)), [gate, waitMs, ready]);
  return ready;
}
