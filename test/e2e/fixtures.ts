// The e2e harness: each test gets a fresh browser context (its own IndexedDB) and a fresh data folder,
// and the page talks to the real main-process handlers through a Playwright binding.
import { test as base, expect } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createIpcHandler } from '../../electron/ipc/handlers';
import { createWebServices } from '../../electron/services';
import { AppPage } from './pages/AppPage';

interface Fixtures {
  /** The OS language the main process reports; drives the first-launch language. */
  systemLocale: string;
  dataFolder: string;
  /** Every "open externally" the main process was asked to do. */
  openedLinks: string[];
  /** What the backup service logged in place of OS notices ("backup failed: …", "backup folder: …"), and "window may close". */
  backupLog: string[];
  /** A channel put here waits for its promise before main handles it (to look at the page meanwhile). */
  ipcHolds: Map<string, Promise<void>>;
  app: AppPage;
}

export const test = base.extend<Fixtures>({
  systemLocale: ['zh-CN', { option: true }],
  // The browser speaks the same language as the OS, as on a real PC (date inputs follow it).
  locale: async ({ systemLocale }, use) => {
    await use(systemLocale);
  },
  // eslint-disable-next-line no-empty-pattern
  dataFolder: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'regulars-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern
  openedLinks: async ({}, use) => {
    await use([]);
  },
  // eslint-disable-next-line no-empty-pattern
  backupLog: async ({}, use) => {
    await use([]);
  },
  // eslint-disable-next-line no-empty-pattern
  ipcHolds: async ({}, use) => {
    await use(new Map());
  },
  context: async ({ context, dataFolder, systemLocale, baseURL, openedLinks, backupLog, ipcHolds }, use) => {
    const services = createWebServices({
      dataFolder,
      version: '0.1.0-e2e',
      systemLocale,
      // Backup lines ("backup failed: …", "backup folder: …") are the backup service's, not links.
      log: (line) =>
        line.startsWith('backup ') || line.startsWith('window ') ? backupLog.push(line) : openedLinks.push(line.replace(/^open externally: /, '')),
    });
    const handler = createIpcHandler(services, { trustedOrigins: [new URL(baseURL ?? 'http://127.0.0.1').origin] });
    await context.exposeBinding('__regularsInvoke', async (source, channel: unknown, payload: unknown) => {
      const hold = typeof channel === 'string' ? ipcHolds.get(channel) : undefined;
      if (hold) await hold;
      return handler({ channel, payload, senderUrl: source.frame.url() });
    });
    await use(context);
  },
  app: async ({ page }, use) => {
    await use(new AppPage(page));
  },
});

export { expect };
