import { describe, expect, it } from 'vitest';
import { chunksToPreload, type ChunkInfo } from '../../build/preloadAppChunk';

const chunk = (fileName: string, imports: string[], extra: Partial<ChunkInfo> = {}): [string, ChunkInfo] => [fileName, { type: 'chunk', fileName, imports, ...extra }];

// The shape Vite gives the renderer: a tiny entry, start-up (main) and the app behind import(), shared chunks between.
const bundle: Record<string, ChunkInfo> = Object.fromEntries([
  chunk('assets/index.js', ['assets/tiny.js'], { isEntry: true, facadeModuleId: '/repo/renderer/entry.ts' }),
  chunk('assets/tiny.js', []),
  chunk('assets/main.js', ['assets/react.js', 'assets/i18n.js'], { facadeModuleId: '/repo/renderer/main.tsx' }),
  chunk('assets/react.js', []),
  chunk('assets/i18n.js', ['assets/react.js', 'assets/tiny.js']),
  chunk('assets/App.js', ['assets/react.js', 'assets/db.js', 'assets/main.js'], { facadeModuleId: '/repo/renderer/App.tsx' }),
  chunk('assets/db.js', ['assets/react.js']),
  chunk('assets/CustomerPage.js', ['assets/App.js', 'assets/forms.js'], { facadeModuleId: '/repo/renderer/features/customers/CustomerPage.tsx' }),
  chunk('assets/forms.js', []),
  ['assets/app.css', { type: 'asset', fileName: 'assets/app.css' }],
]);

describe('the chunks index.html preloads', () => {
  it('are start-up and the app with everything they import, each once, in that order, without what the entry loads', () => {
    expect(chunksToPreload(bundle, ['/renderer/main.tsx', '/renderer/App.tsx'])).toEqual(['assets/main.js', 'assets/react.js', 'assets/i18n.js', 'assets/App.js', 'assets/db.js']);
  });

  it('leave out the screens loaded when first opened', () => {
    const files = chunksToPreload(bundle, ['/renderer/main.tsx', '/renderer/App.tsx']);
    expect(files).not.toContain('assets/CustomerPage.js');
    expect(files).not.toContain('assets/forms.js');
  });

  it('match module paths written with either slash', () => {
    const windows = { ...bundle, 'assets/main.js': { ...bundle['assets/main.js']!, facadeModuleId: 'C:\\repo\\renderer\\main.tsx' } };
    expect(chunksToPreload(windows, ['/renderer/main.tsx'])).toEqual(['assets/main.js', 'assets/react.js', 'assets/i18n.js']);
  });

  it('fail the build when a module has no chunk of its own', () => {
    expect(() => chunksToPreload(bundle, ['/renderer/Missing.tsx'])).toThrow(/no chunk for \/renderer\/Missing.tsx/);
  });
});
