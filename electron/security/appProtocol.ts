// Maps regulars://app/... requests to files under the renderer build folder, refusing anything that
// could reach outside it; plus the response headers. Pure, and testable with POSIX and Windows paths.
import path from 'node:path';
import { APP_ORIGIN, MAX_URL_LENGTH } from './urls';
import { CONTENT_SECURITY_POLICY } from './windowOptions';

export type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep' | 'join'>;

export type AppFileResolution =
  | { ok: true; filePath: string }
  | { ok: false; status: 400 | 403 | 404 };

const APP_PREFIX = `${APP_ORIGIN}/`;
// Windows device names open devices, not files, whatever folder they appear in.
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
// Segments are plain file names: no separators, drive letters, streams ("a:b"), wildcards or controls.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_SEGMENT = /[\u0000-\u001f\u007f\\/:*?"<>|]/;

/**
 * Resolves the file a request URL names inside `rootDir` (absolute). "/" serves index.html.
 * Query and fragment are ignored. Symlinks are not followed here: the build folder has none.
 */
export function resolveAppFile(requestUrl: string, rootDir: string, pathApi: PathApi = path): AppFileResolution {
  if (typeof requestUrl !== 'string' || requestUrl.length > MAX_URL_LENGTH) return { ok: false, status: 400 };
  if (!pathApi.isAbsolute(rootDir)) throw new Error('rootDir must be absolute');
  // Checked on the raw text: the URL parser would resolve "..", "%2e%2e" and backslashes before we saw them.
  if (!requestUrl.startsWith(APP_PREFIX)) return { ok: false, status: 403 };
  const rawPath = requestUrl.slice(APP_PREFIX.length - 1).split(/[?#]/, 1)[0] ?? '';
  if (rawPath.includes('\\')) return { ok: false, status: 400 };

  const segments: string[] = [];
  for (const rawSegment of rawPath.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return { ok: false, status: 400 };
    }
    if (segment === '') continue;
    if (segment === '.' || segment === '..' || segment.endsWith('.') || segment.endsWith(' ')) return { ok: false, status: 400 };
    if (FORBIDDEN_IN_SEGMENT.test(segment) || WINDOWS_DEVICE_NAME.test(segment)) return { ok: false, status: 400 };
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');

  const root = pathApi.resolve(rootDir);
  const filePath = pathApi.resolve(root, ...segments);
  const relative = pathApi.relative(root, filePath);
  // Belt and braces: the segment rules above already make escaping impossible.
  if (relative === '' || relative.startsWith('..') || pathApi.isAbsolute(relative)) return { ok: false, status: 403 };
  return { ok: true, filePath };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  const extension = path.extname(filePath).toLowerCase();
  return Object.prototype.hasOwnProperty.call(CONTENT_TYPES, extension) ? (CONTENT_TYPES[extension] as string) : 'application/octet-stream';
}

/** Headers for every regulars:// response, the CSP included. */
export function appResponseHeaders(filePath: string | null): Record<string, string> {
  return {
    'Content-Type': filePath === null ? 'text/plain; charset=utf-8' : contentTypeFor(filePath),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}
