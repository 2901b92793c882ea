// The one way main tells the page something unasked: a typed sender that checks each payload against its
// event's schema (shared/ipc/events.ts) before any transport carries it. The page parses it again on arrival.
import { parseEventPayload, type EventPayload, type MainEvent } from '../../shared/ipc/events';

export interface PageEvents {
  /** False when the payload was refused (and reported); nothing is sent then. */
  send<E extends MainEvent>(event: E, payload: EventPayload<E>): boolean;
}

export interface PageEventsDeps {
  /** Carries a checked payload to the page: webContents.send in Electron, the harness binding in e2e tests. */
  deliver(event: MainEvent, payload: unknown): void;
  /** console.error by default; never receives payload values. */
  logError?: (message: string) => void;
}

export function createPageEvents(deps: PageEventsDeps): PageEvents {
  const logError = deps.logError ?? ((message: string) => console.error(message));
  return {
    send(event, payload) {
      const parsed = parseEventPayload(event, payload);
      if (!parsed.ok) {
        logError(`[events] ${event}: refused to send a malformed payload (${parsed.reason})`);
        return false;
      }
      deps.deliver(event, parsed.value);
      return true;
    },
  };
}

/**
 * Holds events for a page that is still loading (a window opened by a notification's click, a reload) and
 * sends them once it has loaded, in order: a page that is not listening yet would drop them.
 */
export function createPageMailbox(send: (event: MainEvent, payload: unknown) => void) {
  let loaded = false;
  let waiting: [MainEvent, unknown][] = [];
  return {
    deliver(event: MainEvent, payload: unknown): void {
      if (loaded) send(event, payload);
      else waiting.push([event, payload]);
    },
    loading(): void {
      loaded = false;
    },
    loaded(): void {
      loaded = true;
      const due = waiting;
      waiting = [];
      for (const [event, payload] of due) send(event, payload);
    },
    isLoaded: () => loaded,
  };
}
