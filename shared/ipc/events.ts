// Main-to-page events, declared once: the name (`noun:verb`) and the schema of its payload. Main sends them
// through one typed sender (electron/ipc/pageEvents.ts); the page receives them through one subscription
// (subscribeToMainEvent, behind createDesktopApi) that parses every payload before the app sees it.
import { z } from 'zod';
import { err, ok, type Result } from '../result';
import { routeSchema } from '../route';

export const mainEvents = {
  /** The window is about to close: the page does what it must (a backup at quit), then answers app:closeReady. */
  'app:closeRequested': z.undefined(),
  /** Show this page of the app: the clerk clicked a desktop notification about it. */
  'app:navigate': z.strictObject({ target: routeSchema }),
  /** To the main window: the customer screen's session or answers changed; ask surveyScreen:status. */
  'surveyScreen:changed': z.undefined(),
  /** To the customer screen only: its session changed; ask surveyScreen:session. */
  'surveyScreen:updated': z.undefined(),
} as const;

export type MainEvent = keyof typeof mainEvents;
export type EventPayload<E extends MainEvent> = z.infer<(typeof mainEvents)[E]>;
export const MAIN_EVENTS = Object.keys(mainEvents) as MainEvent[];

export function isMainEvent(value: unknown): value is MainEvent {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(mainEvents, value);
}

/**
 * The payload checked against its event's schema: a fresh copy of what passed, or the paths of what did not
 * (never the values: a payload can carry a customer's name).
 */
export function parseEventPayload<E extends MainEvent>(event: E, payload: unknown): Result<EventPayload<E>, string> {
  const parsed = (mainEvents[event] as z.ZodType).safeParse(payload);
  if (parsed.success) return ok(parsed.data as EventPayload<E>);
  const where = parsed.error.issues.map((issue) => (issue.path.length ? issue.path.join('.') : '(payload)'));
  return err([...new Set(where)].join(', '));
}

/** A transport's raw subscription (ipcRenderer.on, the e2e harness): hands over what arrived, unchecked. */
export type Listen = (event: MainEvent, listener: (payload: unknown) => void) => () => void;

export type MainEventListener<E extends MainEvent> = (payload: EventPayload<E>) => void;

/** Where a refused payload is reported (console.error in preload and the harness): a broken sender is seen, not guessed at. */
export type ReportRefusal = (message: string) => void;

/** A transport's events: its raw subscription, and where it reports what it refused. */
export interface EventTransport {
  listen: Listen;
  report: ReportRefusal;
}

/**
 * The one typed subscription: each payload is parsed, and a malformed one is reported and never reaches the
 * listener. A transport without events (the browser mode) never calls back. Returns the unsubscribe.
 */
export function subscribeToMainEvent<E extends MainEvent>(transport: EventTransport | undefined, event: E, listener: MainEventListener<E>): () => void {
  if (!transport) return () => undefined;
  const { listen, report } = transport;
  return listen(event, (payload) => {
    const parsed = parseEventPayload(event, payload);
    if (parsed.ok) listener(parsed.value);
    else report(`[events] ${event}: refused a malformed payload (${parsed.reason})`);
  });
}
