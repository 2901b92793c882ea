// Bundles the main process and the preload into dist/electron/*.cjs. Sandboxed preloads cannot
// require local files, so each entry becomes one self-contained file; only 'electron' stays external.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outdir = fileURLToPath(new URL('../../dist/electron/', import.meta.url));

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['electron'],
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'info',
  define: { 'process.env.NODE_ENV': '"production"' },
};

await rm(outdir, { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  // The preload is parsed on every page load, and zod brings all its locales along: minified it is ~40% smaller.
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', minify: true }),
  // The customer-facing survey screen's own preload: its two channels only.
  build({ ...common, entryPoints: ['electron/preloadScreen.ts'], outfile: 'dist/electron/preload-screen.cjs', minify: true }),
]);
