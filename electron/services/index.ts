// Builds the services behind the IPC handler: once for Electron (main.ts) and once for the browser
// mode and end-to-end tests, which have no Electron but must run the same handler code.
import path from 'node:path';
import { createAppInfoService } from './appInfoService';
import { createLinkService } from './linkService';
import type { MainServices } from './types';

export type { MainServices } from './types';
export { createAppInfoService } from './appInfoService';
export { createLinkService } from './linkService';

export const APP_NAME = 'Regulars';

export interface MainServicesInput {
  name: string;
  version: string;
  systemLocale: string;
  /** Absolute; backups and other files live under it. */
  dataFolder: string;
  platform: string;
  shell: 'desktop' | 'web';
  openExternal: (url: string) => Promise<void>;
}

export function createMainServices(input: MainServicesInput): MainServices {
  if (!path.isAbsolute(input.dataFolder)) throw new Error('dataFolder must be an absolute path');
  const { openExternal, ...info } = input;
  return {
    appInfo: createAppInfoService(info),
    openExternal: createLinkService({ openExternal }),
  };
}

export interface WebServicesInput {
  /** Absolute, and already created by the caller (a temp folder in tests, ~/.regulars-web for dev:web). */
  dataFolder: string;
  version: string;
  systemLocale: string;
  platform?: string;
  /** Where "open externally" lines go; console.log by default. */
  log?: (line: string) => void;
}

/**
 * Services for the browser mode and e2e tests. There is no OS hand-off for links in a browser
 * tab: an allowed link is logged and reported as opened, a disallowed one is refused as on desktop.
 */
export function createWebServices(input: WebServicesInput): MainServices {
  const log = input.log ?? ((line: string) => console.log(line));
  return createMainServices({
    name: APP_NAME,
    version: input.version,
    systemLocale: input.systemLocale,
    dataFolder: input.dataFolder,
    platform: input.platform ?? process.platform,
    shell: 'web',
    openExternal: async (url) => log(`open externally: ${url}`),
  });
}
