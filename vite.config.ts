// Renderer build. In `--mode web` (npm run dev:web) the real main-process handlers are mounted
// on the dev server, so the whole app runs in an ordinary browser.
import { defineConfig, type PluginOption } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { desktopBridgePlugin } from './electron/devweb/bridgePlugin';
import { preloadAppChunk } from './build/preloadAppChunk';

export default defineConfig(({ mode }) => {
  const plugins: PluginOption[] = [react(), preloadAppChunk()];
  if (mode === 'web') plugins.push(desktopBridgePlugin());
  return {
    root: fileURLToPath(new URL('./renderer', import.meta.url)),
    base: './',
    publicDir: fileURLToPath(new URL('./assets/public', import.meta.url)),
    plugins,
    build: {
      outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
      emptyOutDir: true,
      chunkSizeWarningLimit: 4000,
      // Two pages: the app, and the customer-facing survey screen (renderer/surveyScreen), which bundles nothing of the app.
      rollupOptions: {
        input: {
          index: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
          screen: fileURLToPath(new URL('./renderer/screen.html', import.meta.url)),
        },
      },
    },
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1' },
  };
});
