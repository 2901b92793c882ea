// Serves the built app at / and the bench page at /bench/ on two origins (two ports): the app's
// origin, where the bench page and the app share one IndexedDB database, and the raw origin, whose
// database file is a different one.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.map': 'application/json',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
};

/** The cold start's baseline: a page with one word on it, so it has a first contentful paint. */
export const EMPTY_PAGE_PATH = '/empty.html';
const EMPTY_PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>empty</title><link rel="icon" href="data:,"></head><body><p>empty</p></body></html>';

export interface Servers {
  appOrigin: string;
  rawOrigin: string;
  close(): Promise<void>;
}

function handler(appDist: string, benchDist: string): RequestListener {
  return (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (pathname === EMPTY_PAGE_PATH) {
      res.writeHead(200, { 'content-type': TYPES['.html']! }).end(EMPTY_PAGE);
      return;
    }
    const [root, rest] = pathname === '/bench' || pathname.startsWith('/bench/') ? [benchDist, pathname.slice('/bench'.length)] : [appDist, pathname];
    const file = path.join(root, rest === '/' || rest === '' ? 'index.html' : rest);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    stat(file).then(
      (s) => {
        if (!s.isFile()) throw new Error('not a file');
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        createReadStream(file).pipe(res);
      },
      () => res.writeHead(404).end(),
    );
  };
}

async function listen(listener: RequestListener): Promise<{ server: Server; origin: string }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

export async function serve(appDist: string, benchDist: string): Promise<Servers> {
  const listener = handler(appDist, benchDist);
  const app = await listen(listener);
  const raw = await listen(listener);
  return {
    appOrigin: app.origin,
    rawOrigin: raw.origin,
    close: async () => {
      await Promise.all([app, raw].map(({ server }) => new Promise<void>((resolve) => server.close(() => resolve()))));
    },
  };
}
