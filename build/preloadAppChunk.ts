// A Vite plugin: the page's first script (renderer/entry.ts) is tiny and loads start-up (main.tsx) and the
// app (App.tsx, imported once the store's database is chosen) by import(); index.html names their chunks
// and the chunks they import as module preloads, so the browser fetches and compiles them at once, while
// start-up waits for IndexedDB, instead of one after the other.
import type { Plugin } from 'vite';

/** What the plugin reads of a bundle's chunks (Rollup's OutputChunk has more). */
export interface ChunkInfo {
  type: 'chunk' | 'asset';
  fileName: string;
  isEntry?: boolean;
  facadeModuleId?: string | null;
  imports?: readonly string[];
}

/**
 * The files to preload, in order: for each module (by the end of its path), its chunk and every chunk that
 * chunk imports, directly or not; each once, leaving out the entry and whatever it imports statically
 * (index.html loads those already).
 */
export function chunksToPreload(bundle: Readonly<Record<string, ChunkInfo>>, moduleSuffixes: readonly string[]): string[] {
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const closure = (start: string, into: string[]): string[] => {
    if (into.includes(start)) return into;
    into.push(start);
    for (const next of byFile.get(start)?.imports ?? []) closure(next, into);
    return into;
  };
  const loaded = new Set(chunks.filter((c) => c.isEntry).flatMap((c) => closure(c.fileName, [])));
  const files: string[] = [];
  for (const suffix of moduleSuffixes) {
    const target = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith(suffix));
    if (!target) throw new Error(`preloadAppChunk: no chunk for ${suffix}`);
    closure(target.fileName, files);
  }
  return files.filter((file) => !loaded.has(file));
}

export function preloadAppChunk(moduleSuffixes: readonly string[] = ['/renderer/main.tsx', '/renderer/App.tsx']): Plugin {
  return {
    name: 'regulars:preload-app-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        // The app's page only: the customer screen (screen.html) must not even fetch the app's code.
        if (!context.bundle || !context.path.endsWith('/index.html')) return [];
        return chunksToPreload(context.bundle as unknown as Record<string, ChunkInfo>, moduleSuffixes).map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
