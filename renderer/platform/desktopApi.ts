// Finds the bridge to the main process: Electron's preload, a test harness binding, or the dev:web server.
import { createDesktopApi, type Channel, type DesktopApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    regulars?: DesktopApi;
    /** Installed by the end-to-end harness (Playwright exposeBinding) in front of the real handlers. */
    __regularsInvoke?: (channel: Channel, payload: unknown) => Promise<unknown>;
  }
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
  if (harness) return createDesktopApi((channel, payload) => harness(channel, payload));
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
