// Vite plugin for `npm run dev:web`: mounts the IPC bridge on the dev server and hands the page its token.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Plugin } from 'vite';
import packageJson from '../../package.json' with { type: 'json' };
import { createWebServices } from '../services';
import { BRIDGE_PATH, MAX_BODY_BYTES, checkBridgeHead, createBridgeRequestHandler, readLimitedBody, type BridgeResponse } from './bridgeServer';
import { prepareDevIndexHtml } from './devHtml';

export { BRIDGE_PATH, TOKEN_HEADER } from './bridgeServer';
export { TOKEN_META_NAME } from './devHtml';

/** REGULARS_DATA_DIR when set, else ~/.regulars-web: never the desktop app's own data folder. */
export function resolveWebDataFolder(env: Readonly<Record<string, string | undefined>>, homeDir: string): string {
  const configured = env.REGULARS_DATA_DIR?.trim();
  return configured ? path.resolve(configured) : path.join(homeDir, '.regulars-web');
}

function send(res: ServerResponse, response: BridgeResponse, closeConnection = false): void {
  res.statusCode = response.status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (closeConnection) res.setHeader('Connection', 'close');
  res.end(JSON.stringify(response.json));
}

export function desktopBridgePlugin(): Plugin {
  const token = randomBytes(24).toString('hex');
  return {
    name: 'regulars:desktop-bridge',
    apply: 'serve',
    configureServer(server) {
      const dataFolder = resolveWebDataFolder(process.env, os.homedir());
      mkdirSync(dataFolder, { recursive: true });
      const services = createWebServices({
        dataFolder,
        version: packageJson.version,
        systemLocale: process.env.REGULARS_LOCALE ?? Intl.DateTimeFormat().resolvedOptions().locale,
        log: (line) => server.config.logger.info(`[regulars] ${line}`, { timestamp: true }),
      });
      const bridge = createBridgeRequestHandler({ token, services });
      // The page's pop-up schedule is kept and checked as on desktop; with no pop-ups in a tab, each due one is logged.
      void services.reminders.start();

      server.middlewares.use(BRIDGE_PATH, (req, res, next) => {
        if (req.url !== '/' && req.url !== '') return next();
        const head = { method: req.method, remoteAddress: req.socket.remoteAddress, headers: req.headers };
        const early = checkBridgeHead(head, token);
        if (!early.ok) return send(res, early.response, true);
        readLimitedBody(req, MAX_BODY_BYTES)
          .then(async (body) => {
            const response = await bridge({ ...head, body });
            send(res, response, body.length > MAX_BODY_BYTES);
          })
          .catch(() => send(res, { status: 400, json: { ok: false, reason: 'invalid-request' } }, true));
      });

      server.config.logger.info(
        `[regulars] browser mode: data folder ${dataFolder}. Links are printed here, not opened (a browser tab has no OS hand-off).`,
      );
    },
    transformIndexHtml(html) {
      return prepareDevIndexHtml(html, token);
    },
  };
}
