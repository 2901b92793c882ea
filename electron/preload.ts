// Preload (sandboxed, bundled to one file): exposes the typed API as window.regulars, and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { z } from 'zod';
import { createDesktopApi } from '../shared/ipc/contract';

// Zod would otherwise probe `new Function`, which the strict CSP reports as a violation.
z.config({ jitless: true });

contextBridge.exposeInMainWorld(
  'regulars',
  createDesktopApi((channel, payload) => ipcRenderer.invoke(channel, payload)),
);
