// Preload (sandboxed, bundled to one file): exposes the typed API as window.regulars, and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { z } from 'zod';
import { createDesktopApi, isMainEvent } from '../shared/ipc/contract';

// Zod would otherwise probe `new Function`, which the strict CSP reports as a violation.
z.config({ jitless: true });

contextBridge.exposeInMainWorld(
  'regulars',
  createDesktopApi(
    (channel, payload) => ipcRenderer.invoke(channel, payload),
    (event, listener) => {
      // Only the declared events, and the page's listener never sees Electron's event object.
      if (!isMainEvent(event)) return () => undefined;
      const forward = () => listener();
      ipcRenderer.on(event, forward);
      return () => void ipcRenderer.removeListener(event, forward);
    },
  ),
);
