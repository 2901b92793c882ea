// Holds the window's close until the page has made its backup at quit, and never longer than it must:
// a page that does not answer (hung, crashed, still starting) does not keep the window open.

/** The longest the window waits for the page: a large store's backup takes about a minute here. */
export const CLOSE_WAIT_MS = 5 * 60_000;

export interface CloseGuardDeps {
  /** Asks the page to get ready to close (sends 'app:closeRequested'). */
  ask(): void;
  /** Closes the window for good (or quits, when a quit started it). */
  proceed(): void;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  waitMs?: number;
}

export interface CloseGuard {
  /** The window is about to close: true lets it, false holds it while the page gets ready. */
  mayClose(): boolean;
  /** The page is ready (its answer to the request). An answer nobody asked for is ignored. */
  ready(): void;
  /** The page cannot answer (its process is gone, or it hangs): close without it. */
  giveUp(): void;
}

export function createCloseGuard(deps: CloseGuardDeps): CloseGuard {
  let state: 'open' | 'asking' | 'closing' = 'open';
  let timer: unknown = null;

  const proceed = () => {
    if (state === 'closing') return;
    state = 'closing';
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    deps.proceed();
  };

  return {
    mayClose() {
      switch (state) {
        case 'closing':
          return true;
        case 'asking':
          return false;
        case 'open':
          state = 'asking';
          timer = deps.setTimer(proceed, deps.waitMs ?? CLOSE_WAIT_MS);
          deps.ask();
          return false;
        default: {
          const unexpected: never = state;
          throw new Error(`close guard in an unknown state: ${String(unexpected)}`);
        }
      }
    },
    ready() {
      if (state === 'asking') proceed();
    },
    giveUp() {
      if (state !== 'open') proceed();
      else state = 'closing';
    },
  };
}
