// Lint: typescript-eslint everywhere, React hooks rules in the renderer, and the boundary rule
// that keeps shared/ free of Node, DOM, Electron, React and Dexie.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const PLATFORM_MODULES = [
  'electron', 'electron/*', 'react', 'react/*', 'react-dom', 'react-dom/*', 'dexie', 'dexie-*', 'dexie/*',
  'zustand', 'zustand/*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url',
  'node:*', '*/renderer/*', '*/electron/*',
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['shared/**/*.ts'],
    // Tests beside the domain code may read fixtures from disk; the code under test may not.
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: PLATFORM_MODULES, message: 'shared/ must not import platform code (Node, DOM, Electron, React, Dexie).' }],
      }],
      'no-restricted-globals': ['error',
        ...['window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'require', 'Buffer', '__dirname', 'global']
          .map((name) => ({ name, message: 'shared/ is platform-free: pass what you need in.' })),
      ],
    },
  },
);
