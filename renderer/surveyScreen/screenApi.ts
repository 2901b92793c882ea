// Finds the customer screen's bridge to main: its own preload in Electron (window.regularsScreen), or the e2e
// harness's binding (the same handlers, the same two channels). Nothing else of the app's API is reachable here.
import { createScreenApi, type Channel, type ScreenApi } from '../../shared/ipc/contract';
import type { EventTransport } from '../../shared/ipc/events';

interface ScreenWindowGlobals {
  regularsScreen?: ScreenApi;
  __regularsInvoke?: (channel: Channel, payload: unknown) => Promise<unknown>;
  __regularsMainEvent?: (event: string, payload?: unknown) => void;
}

/** The harness plays main's one event to the screen through window.__regularsMainEvent. */
function harnessEvents(globals: ScreenWindowGlobals): EventTransport {
  const listeners = new Set<(payload: unknown) => void>();
  globals.__regularsMainEvent = (event, payload) => {
    if (event !== 'surveyScreen:updated') throw new Error(`not an event of the customer screen: ${String(event)}`);
    listeners.forEach((listener) => listener(payload));
  };
  return {
    listen: (event, listener) => {
      if (event !== 'surveyScreen:updated') return () => undefined;
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    report: (message) => console.error(message),
  };
}

export function resolveScreenApi(): ScreenApi | null {
  const globals = window as unknown as ScreenWindowGlobals;
  if (globals.regularsScreen) return globals.regularsScreen;
  const harness = globals.__regularsInvoke;
  if (harness) return createScreenApi((channel, payload) => harness(channel, payload), harnessEvents(globals));
  return null;
}
