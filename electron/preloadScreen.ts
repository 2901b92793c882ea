// Preload of the customer-facing survey screen (sandboxed, bundled to one file): exposes window.regularsScreen,
// the screen's two channels and its one event, and nothing of the app's API.
import { contextBridge, ipcRenderer } from 'electron';
import { z } from 'zod';
import { createScreenApi, isScreenChannel } from '../shared/ipc/contract';

// Zod would otherwise probe `new Function`, which the strict CSP reports as a violation.
z.config({ jitless: true });

contextBridge.exposeInMainWorld(
  'regularsScreen',
  createScreenApi(
    (channel, payload) => (isScreenChannel(channel) ? ipcRenderer.invoke(channel, payload) : Promise.reject(new Error('not a screen channel'))),
    {
      listen: (event, listener) => {
        if (event !== 'surveyScreen:updated') return () => undefined;
        const forward = () => listener(undefined);
        ipcRenderer.on(event, forward);
        return () => void ipcRenderer.removeListener(event, forward);
      },
      report: (message) => console.error(message),
    },
  ),
);
