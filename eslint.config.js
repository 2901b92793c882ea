// Lint: typed typescript-eslint everywhere (switches over unions must be exhaustive), React hooks rules
// in the renderer, and the walls: a table of folders and what their code may not import, and why.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

// Patterns are regular expressions over the import as written, so `domain` (a Node built-in) does not
// catch `../shared/domain/money`.
const either = (names) => names.map((name) => name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|');
const NODE_BUILTINS = `^(node:.*|(${either(builtinModules)})(/.*)?)$`;
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

// Time is a parameter: the selectors of the ways to read the system clock.
const CLOCK_RULES = [
  "NewExpression[callee.name='Date'][arguments.length=0]",
  "CallExpression[callee.object.name='Date'][callee.property.name='now']",
  // date-fns helpers that read the system clock inside (formatDistance, isSameDay… take it from you).
  'ImportSpecifier[imported.name=/^(formatDistanceToNow(Strict)?|isToday|isTomorrow|isYesterday|isPast|isFuture|isThis[A-Z][A-Za-z]*|(start|end)Of(Today|Tomorrow|Yesterday))$/]',
].map((selector) => ({ selector, message: 'Time is a parameter: take the clock you are given (useClock(), a `now` or `clock` argument), never the system\'s.' }));
/** Any relative or bare path through the folder `folder` (e.g. `../../electron/ipc`, `../features/x`). */
const through = (folder) => `(^|/)${folder}(/|$)`;

// What may not be imported, each with the reason the linter prints.
const NO = {
  electronCode: {
    regex: `^electron(/.*)?$|${through('electron')}`,
    message: 'The renderer and the main process meet only through shared/ipc/contract.ts (desktopApi); never import Electron or electron/ code.',
  },
  node: {
    regex: NODE_BUILTINS,
    message: 'The renderer runs in a browser page (and in web workers): no Node built-ins. Ask main through desktopApi for files and the OS.',
  },
  dexie: {
    regex: '^dexie($|/|-)',
    message: 'Only renderer/db touches Dexie: read through a hook or function in renderer/db (live queries go in renderer/db/hooks.ts), write through its repositories.',
  },
  testCode: {
    regex: `^(vitest|@playwright/.*|fake-indexeddb|fast-check)(/.*)?$|^(\\.\\./)+test(/|$)`,
    message: 'Product code does not depend on tests: test helpers, fixtures and factories live under test/ (test/support, test/factories), used only by tests.',
  },
  renderer: {
    regex: through('renderer'),
    message: 'The main process does not reach into the renderer; what both need lives in shared/.',
  },
  /** Renderer folders that build on `home`, reached as `../<folder>` (from any depth) or through `renderer/<folder>`. */
  above: (home, why, folders) => ({
    regex: `^(\\.\\./)+(${either(folders)})(/|$)|(^|/)renderer/(${either(folders)})(/|$)`,
    message: `${why}: renderer/${home} imports nothing from renderer/${folders.join(', renderer/')}. Pass what it needs in.`,
  }),
  /** The customer-facing screen reaches shared/ and its own folder only: nothing of the app can be bundled into the customer's page. */
  screen: {
    regex: `^\\.\\./(?!\\.\\./shared/)|(^|/)renderer/(?!surveyScreen(/|$))|^(i18next|react-i18next|zustand|react-hook-form|chart\\.js|exceljs|papaparse|@tanstack/.*)(/.*)?$`,
    message: 'renderer/surveyScreen is the customer-facing screen: it imports only shared/ and its own folder, never the app (its screens, database, i18n, stores or platform). Nothing else of the app may reach the customer.',
  },
  /** The export channels' pieces and commit are sent in one place (renderer/ui/saveFile.ts), so every saved file is whole or not there. */
  saveFile: {
    regex: `(^|/)shared/ipc/exportFiles$`,
    message: 'Save a file through renderer/ui/saveFile (saveFile): it asks main where, makes the bytes only then, and aborts what was begun when anything fails. Do not send the export channels by hand.',
  },
  platform: {
    regex: `^(electron|react|react-dom|dexie|dexie-[^/]*|zustand)(/.*)?$|${NODE_BUILTINS}|${through('renderer')}|${through('electron')}`,
    message: 'shared/ must not import platform code (Node, DOM, Electron, React, Dexie).',
  },
};

// Every renderer folder but renderer/ui, where saveFile is.
const RENDERER = [NO.electronCode, NO.node, NO.testCode, NO.saveFile];
const UI = [NO.electronCode, NO.node, NO.testCode];
const DB_UNDER = NO.above('db', 'The database layer is under the screens', ['features', 'ui', 'stores', 'workers', 'session', 'guards']);

/**
 * The walls, one row per folder. A file obeys the row of the deepest folder that holds it, so a folder
 * added later under renderer/ gets the renderer's wall at once; give it a row when it needs more
 * (test/lint/walls.test.ts fails for a top-level renderer folder without one). `tests` is what the
 * tests beside the code (`*.test.ts`) may still not import: they run in Node and may read fixtures
 * from disk or look at the database directly.
 */
export const WALLS = [
  { folder: 'shared', forbid: [NO.platform, NO.testCode], tests: [] },
  { folder: 'electron', forbid: [NO.renderer, NO.testCode], tests: [NO.renderer] },
  { folder: 'renderer', forbid: [...RENDERER, NO.dexie], tests: [NO.electronCode] },
  { folder: 'renderer/db', forbid: [...RENDERER, DB_UNDER], tests: [NO.electronCode, DB_UNDER] },
  { folder: 'renderer/ui', forbid: [...UI, NO.dexie, NO.above('ui', 'Widgets any screen may use', ['features', 'stores', 'workers', 'session', 'guards'])], tests: [NO.electronCode] },
  { folder: 'renderer/session', forbid: [...RENDERER, NO.dexie, NO.above('session', 'Who is at the keyboard (the owner PIN, roles next) serves every feature', ['features', 'workers', 'guards'])], tests: [NO.electronCode] },
  { folder: 'renderer/guards', forbid: [...RENDERER, NO.dexie, NO.above('guards', 'Guards over every screen (the full disk) serve every feature', ['features', 'workers', 'session'])], tests: [NO.electronCode] },
  { folder: 'renderer/features', forbid: [...RENDERER, NO.dexie], tests: [NO.electronCode] },
  { folder: 'renderer/stores', forbid: [...RENDERER, NO.dexie], tests: [NO.electronCode] },
  { folder: 'renderer/workers', forbid: [...RENDERER, NO.dexie], tests: [NO.electronCode] },
  { folder: 'renderer/platform', forbid: [...RENDERER, NO.dexie], tests: [NO.electronCode] },
  { folder: 'renderer/i18n', forbid: [...RENDERER, NO.dexie], tests: [NO.electronCode] },
  { folder: 'renderer/surveyScreen', forbid: [...RENDERER, NO.dexie, NO.screen], tests: [NO.electronCode, NO.screen] },
];

const restricted = (walls) => (walls.length ? ['error', { patterns: walls }] : 'off');

// Shallow folders first, so a deeper folder's row overrides its parent's (flat config: the last wins).
const wallConfigs = [...WALLS]
  .sort((a, b) => a.folder.split('/').length - b.folder.split('/').length)
  .flatMap(({ folder, forbid, tests }) => [
    { files: [`${folder}/**/*.{ts,tsx}`], ignores: TESTS, rules: { 'no-restricted-imports': restricted(forbid) } },
    { files: TESTS.map((pattern) => `${folder}/${pattern}`), rules: { 'no-restricted-imports': restricted(tests) } },
  ]);

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      // Types as the editor sees them (the nearest tsconfig.json); `npm run typecheck` holds each side to its own libs.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A switch over a union handles every member; a new member must fail here, not fall through at run time.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false }],
    },
  },
  {
    // Plain JavaScript (this file, build scripts) is in no tsconfig: lint it without types.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
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
  ...wallConfigs,
  {
    files: ['shared/**/*.ts'],
    ignores: TESTS,
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error',
        ...['window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'require', 'Buffer', '__dirname', 'global']
          .map((name) => ({ name, message: 'shared/ is platform-free: pass what you need in.' })),
      ],
    },
  },
  {
    // Time is a parameter (docs/ARCHITECTURE.md, Time): only renderer/platform/systemClock.ts reads the system
    // clock; everything else, tests included, is given a clock, so no result depends on the day it runs.
    files: ['shared/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}', 'test/e2e/**/*.ts', 'test/support/**/*.ts', 'test/factories/**/*.ts', 'test/screenshots/**/*.ts'],
    ignores: ['renderer/platform/systemClock.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...CLOCK_RULES],
    },
  },
  {
    // Write scopes are declared once (renderer/db/derivation/scopes.ts): a write transaction opened by hand
    // could leave out a table whose derived values must change with it, so every one goes through writeTransaction.
    // (This block repeats the clock rules: a later no-restricted-syntax replaces the earlier one for these files.)
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: [...TESTS, 'renderer/platform/systemClock.ts', 'renderer/db/derivation/scopes.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...CLOCK_RULES, {
        selector: "CallExpression[callee.property.name='transaction'][arguments.0.value='rw']",
        message: 'Open a write through writeTransaction (renderer/db/derivation/scopes.ts), so its scope is the declared one.',
      }],
    },
  },
);
