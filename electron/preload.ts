// Preload (sandboxed, bundled to one file): exposes the typed API as window.regulars, and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { z } from 'zod';
import { createDesktopApi } from '../shared/ipc/contract';
import { isMainEvent } from '../shared/ipc/events';

// Zod would otherwise probe `new Function`, which the strict CSP reports as a violation.
z.config({ jitless: true });

contextBridge.exposeInMainWorld(
  'regulars',
  createDesktopApi(
    (channel, payload) => ipcRenderer.invoke(channel, payload),
    {
      listen: (event, listener) => {
        // Only the declared events; the page's listener never sees Electron's event object, and the payload is
        // parsed here, in the preload, before it crosses into the page (createDesktopApi's events.on).
        if (!isMainEvent(event)) return () => undefined;
        const forward = (_event: unknown, payload: unknown) => listener(payload);
        ipcRenderer.on(event, forward);
        return () => void ipcRenderer.removeListener(event, forward);
      },
      report: (message) => console.error(message),
    },
  ),
);
