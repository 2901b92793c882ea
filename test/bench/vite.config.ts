// Builds the bench page (test/bench/index.html + page.ts) with the app's real database code.
// Used by test/bench/run.ts: vite build --configLoader bundle --config test/bench/vite.config.ts
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export const BENCH_DIST = fileURLToPath(new URL('../../.tmp/bench-dist', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: BENCH_DIST,
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    // Minified like the app's own build; the source map keeps profiles readable.
    sourcemap: true,
  },
});
