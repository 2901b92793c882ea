// Finds the bridge to the main process: Electron's preload, a test harness binding, or the dev:web server.
import { createDesktopApi, type Channel, type DesktopApi } from '../../shared/ipc/contract';
import { isMainEvent, type EventTransport, type MainEvent } from '../../shared/ipc/events';

declare global {
  interface Window {
    regulars?: DesktopApi;
    /** Installed by the end-to-end harness (Playwright exposeBinding) in front of the real handlers. */
    __regularsInvoke?: (channel: Channel, payload: unknown) => Promise<unknown>;
    /**
     * Installed here when the harness is: the harness's main process (or a test playing it) sends an event
     * (closing the window, a notification's click). The payload goes through the same parse as in Electron.
     */
    __regularsMainEvent?: (event: MainEvent, payload?: unknown) => void;
  }
}

/** The harness's events: the test raises them through window.__regularsMainEvent. */
function harnessEvents(): EventTransport {
  const listeners = new Map<MainEvent, Set<(payload: unknown) => void>>();
  window.__regularsMainEvent = (event, payload) => {
    // An event nobody declared is the harness's mistake: said at once, not dropped in silence.
    if (!isMainEvent(event)) throw new Error(`not a main-process event: ${String(event)}`);
    listeners.get(event)?.forEach((listener) => listener(payload));
  };
  return {
    listen: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
    report: (message) => console.error(message),
  };
}

export class NoBridgeError extends Error {
  constructor() {
    super('No bridge to the main process');
    this.name = 'NoBridgeError';
  }
}

export function resolveDesktopApi(): DesktopApi {
  if (window.regulars) return window.regulars;
  const harness = window.__regularsInvoke;
  if (harness) return createDesktopApi((channel, payload) => harness(channel, payload), harnessEvents());
  const token = document.querySelector<HTMLMetaElement>('meta[name="regulars-web-token"]')?.content;
  if (token) {
    return createDesktopApi(async (channel, payload) => {
      const response = await fetch('/__regulars/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-regulars-token': token },
        body: JSON.stringify({ channel, payload }),
      });
      return response.json();
    });
  }
  throw new NoBridgeError();
}
