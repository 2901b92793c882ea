// The lint walls shown failing: planted violations at paths in each walled folder, linted with the
// project's own eslint.config.js, must each raise their rule; a clean file must raise nothing.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

interface Found {
  rule: string | null;
  message: string;
}

async function lint(filePath: string, code: string): Promise<Found[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, message: m.message }));
}

/** The imports a file's wall refused, by the words of the import as written. */
async function refused(filePath: string, code: string): Promise<string[]> {
  const found = await lint(filePath, code);
  const other = found.filter((f) => f.rule !== 'no-restricted-imports');
  expect(other).toEqual([]);
  return found.map((f) => /^'([^']+)'/.exec(f.message)?.[1] ?? f.message);
}

const imports = (...specs: string[]) => specs.map((spec, i) => `import * as m${i} from '${spec}';\nvoid m${i};\n`).join('');

// The planted files are not on disk, so no tsconfig lists them: their types come from a program of their
// own with the root tsconfig's options (the rules are the project's, unchanged).
const PLANTED = ['renderer', 'shared', 'electron'].flatMap((top) => [`${top}/*/planted*`, `${top}/*/*/planted*`]);

beforeAll(() => {
  eslint = new ESLint({
    cwd,
    overrideConfig: {
      files: ['**/planted*'],
      languageOptions: {
        parserOptions: {
          projectService: {
            allowDefaultProject: PLANTED,
            defaultProject: 'tsconfig.json',
            // Each planted path stays open in the service; there are a few dozen.
            maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 64,
          },
        },
      },
    },
  });
});

describe('the renderer', () => {
  it('imports nothing from Electron or electron/', async () => {
    const found = await lint('renderer/features/customers/planted.tsx', imports('electron', '../../../electron/ipc/handlers'));
    expect(found).toHaveLength(2);
    for (const f of found) {
      expect(f.rule).toBe('no-restricted-imports');
      expect(f.message).toMatch(/meet only through shared\/ipc\/contract\.ts/);
    }
    expect(await refused('renderer/ui/planted.tsx', imports('../../electron/services'))).toEqual(['../../electron/services']);
    expect(await refused('renderer/db/planted.ts', imports('../../electron/services/backup'))).toEqual(['../../electron/services/backup']);
  }, 120_000);

  it('imports no Node built-ins, with or without node:', async () => {
    const found = await lint('renderer/stores/planted.ts', imports('node:fs', 'fs', 'path', 'node:fs/promises'));
    expect(found.map((f) => f.rule)).toEqual(Array(4).fill('no-restricted-imports'));
    expect(found[0]?.message).toMatch(/browser page/);
    expect(await refused('renderer/workers/planted.ts', imports('node:crypto'))).toEqual(['node:crypto']);
  }, 120_000);

  it('lets only renderer/db import dexie and dexie-react-hooks', async () => {
    const found = await lint('renderer/features/timeline/planted.ts', imports('dexie', 'dexie-react-hooks'));
    expect(found).toHaveLength(2);
    for (const f of found) expect(f.message).toMatch(/Only renderer\/db touches Dexie/);
    expect(await refused('renderer/ui/planted.ts', imports('dexie-react-hooks'))).toEqual(['dexie-react-hooks']);
    expect(await refused('renderer/workers/planted.worker.ts', imports('dexie'))).toEqual(['dexie']);
    expect(await refused('renderer/db/planted.ts', imports('dexie', 'dexie-react-hooks'))).toEqual([]);
  }, 120_000);

  it('keeps renderer/db under the screens: no features, ui, stores or workers', async () => {
    const found = await lint('renderer/db/planted.ts', imports('../features/backup/backups', '../ui/Dialog', '../stores/ui', '../workers/statusProtocol'));
    expect(found).toHaveLength(4);
    for (const f of found) expect(f.message).toMatch(/under the screens: renderer\/db imports nothing from renderer\/features/);
    // From a folder inside renderer/db too.
    expect(await refused('renderer/db/migrations/planted.ts', imports('../../features/backup/backups'))).toEqual(['../../features/backup/backups']);
  }, 120_000);

  it('keeps renderer/ui free of features, stores and workers', async () => {
    const found = await lint('renderer/ui/planted.tsx', imports('../features/customers/TagList', '../stores/ui'));
    expect(found).toHaveLength(2);
    for (const f of found) expect(f.message).toMatch(/Widgets any screen may use: renderer\/ui imports nothing/);
  }, 120_000);

  it('saves files through renderer/ui/saveFile only: no screen sends the export channels by hand', async () => {
    const found = await lint('renderer/features/campaigns/planted.ts', imports('../../../shared/ipc/exportFiles'));
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/Save a file through renderer\/ui\/saveFile/);
    expect(await refused('renderer/workers/planted.ts', imports('../../shared/ipc/exportFiles'))).toEqual(['../../shared/ipc/exportFiles']);
    expect(await refused('renderer/ui/planted.ts', imports('../../shared/ipc/exportFiles'))).toEqual([]);
  }, 120_000);

  it('keeps the owner session and the guards free of features, so every feature can use them', async () => {
    const session = await lint('renderer/session/planted.ts', imports('../features/backup/backupState', 'dexie'));
    expect(session.map((f) => f.message.slice(0, 40))).toHaveLength(2);
    expect(session[0]?.message).toMatch(/renderer\/session imports nothing from renderer\/features/);
    expect(session[1]?.message).toMatch(/Only renderer\/db touches Dexie/);
    expect(await refused('renderer/guards/planted.tsx', imports('../features/backup/backupText', '../ui/bytes', '../db/backupStaging'))).toEqual(['../features/backup/backupText']);
  }, 120_000);

  it('keeps the customer-facing screen to shared/ and its own folder: nothing of the app reaches the customer', async () => {
    const found = await lint(
      'renderer/surveyScreen/planted.tsx',
      imports('../db/database', '../i18n', '../platform/desktopApi', '../features/customers/CustomerPage', '../App', 'i18next', 'react-i18next', 'zustand', '../../renderer/ui/Dialog'),
    );
    expect(found).toHaveLength(9);
    for (const f of found) expect(f.message).toMatch(/customer-facing screen/);
    expect(new Set(await refused('renderer/surveyScreen/planted.tsx', imports('../../electron/preloadScreen', '../../test/support/backup')))).toEqual(
      new Set(['../../electron/preloadScreen', '../../test/support/backup']),
    );
    expect(await refused('renderer/surveyScreen/planted.tsx', imports('react', 'react-dom/client', 'zod', '../../shared/ipc/contract', '../../shared/domain/surveyRecords', './screenText'))).toEqual([]);
  }, 120_000);

  it('lets the tests beside renderer code read files, but not reach into electron/', async () => {
    expect(await refused('renderer/db/planted.test.ts', imports('node:fs', 'fake-indexeddb/auto', 'vitest', '../../test/factories/customer'))).toEqual([]);
    expect(await refused('renderer/features/backup/planted.test.ts', imports('../../../electron/ipc/handlers'))).toEqual(['../../../electron/ipc/handlers']);
  }, 120_000);
});

describe('test support lives under test/', () => {
  it('product code imports no test helper, factory or test library', async () => {
    const found = await lint('renderer/features/import/planted.ts', imports('../../../test/support/gbk', 'vitest', 'fake-indexeddb'));
    expect(found).toHaveLength(3);
    for (const f of found) expect(f.message).toMatch(/live under test\//);
    expect(await refused('shared/domain/import/planted.ts', imports('../../../test/factories/customer'))).toEqual(['../../../test/factories/customer']);
    expect(await refused('electron/services/planted.ts', imports('../../test/support/backupService'))).toEqual(['../../test/support/backupService']);
  }, 120_000);
});

describe('shared/ keeps its wall', () => {
  it('imports no platform code', async () => {
    const found = await lint('shared/domain/planted.ts', imports('react', 'dexie', 'node:fs', '../../renderer/db/hooks', '../../electron/main'));
    expect(found).toHaveLength(5);
    for (const f of found) expect(f.message).toMatch(/shared\/ must not import platform code/);
  }, 120_000);

  it('and the main process does not reach into the renderer', async () => {
    expect(await refused('electron/ipc/planted.ts', imports('../../renderer/db/hooks'))).toEqual(['../../renderer/db/hooks']);
  }, 120_000);
});

describe('a switch over a union', () => {
  it('fails lint when a member is not handled', async () => {
    const code = `import type { ChurnLevel } from './churn';
export function word(level: ChurnLevel): string {
  switch (level) {
    case 'high':
      return 'high';
    case 'watch':
      return 'watch';
    default:
      return 'other';
  }
}
`;
    const found = await lint('shared/domain/planted.ts', code);
    expect(found).toHaveLength(1);
    expect(found[0]?.rule).toBe('@typescript-eslint/switch-exhaustiveness-check');
    expect(found[0]?.message).toMatch(/Cases not matched: "none"/);
  }, 120_000);
});

describe('a clean file', () => {
  it('passes: shared domain code, renderer/db hooks, widgets, and a switch ending with assertNever', async () => {
    const code = `import type { ChurnLevel } from '../../../shared/domain/churn';
import { formatMoney } from '../../../shared/domain/money';
import { assertNever } from '../../../shared/result';
import { useSettings } from '../../db/hooks';
import { Dialog } from '../../ui/Dialog';
import { useUiStore } from '../../stores/ui';

export const used = [formatMoney, useSettings, Dialog, useUiStore];
export function word(level: ChurnLevel): string {
  switch (level) {
    case 'high':
    case 'watch':
      return 'at risk';
    case 'none':
      return '';
    default:
      return assertNever(level, 'churn level');
  }
}
`;
    expect(await lint('renderer/features/churn/planted.ts', code)).toEqual([]);
  }, 120_000);
});

describe('the clock', () => {
  it('is read only in renderer/platform/systemClock.ts: elsewhere new Date(), Date.now() and date-fns helpers that read it fail', async () => {
    const code = `import { formatDistanceToNow, isToday } from 'date-fns';
export const a = new Date();
export const b = Date.now();
export const c = [formatDistanceToNow, isToday];
// A date from a value is no reading of the clock.
export const d = new Date('2026-06-15T10:00:00Z');
`;
    for (const file of ['shared/domain/planted.ts', 'renderer/db/planted.ts', 'renderer/features/customers/planted.tsx', 'renderer/workers/planted.ts']) {
      const found = await lint(file, code);
      expect(found.map((f) => f.rule), file).toEqual(Array(4).fill('no-restricted-syntax'));
      expect(found[0]!.message).toMatch(/Time is a parameter/);
    }
    expect(await lint('renderer/platform/systemClock.ts', "import type { Clock } from '../../shared/clock';\n\nexport const systemClock: Clock = () => new Date();\n")).toEqual([]);
  }, 120_000);
});

describe('write transactions', () => {
  it('are opened only through writeTransaction, so each holds its declared scope', async () => {
    const code = `import type { RegularsDatabase } from '../database';
export function planted(db: RegularsDatabase) {
  return db.transaction('rw', [db.purchases], async () => db.purchases.clear());
}
// A read transaction names what it reads: no scope to keep.
export function reading(db: RegularsDatabase) {
  return db.transaction('r', [db.purchases], () => db.purchases.count());
}
`;
    for (const file of ['renderer/db/planted/planted.ts', 'renderer/db/derivation/planted.ts']) {
      const found = await lint(file, code);
      expect(found.map((f) => f.rule), file).toEqual(['no-restricted-syntax']);
      expect(found[0]!.message).toMatch(/writeTransaction/);
    }
  }, 120_000);
});

describe('the table of walls', () => {
  it('has a row for every folder of the renderer, so a new one is walled on purpose', async () => {
    // The config is plain JavaScript outside every tsconfig: loaded by its URL, typed here.
    const { WALLS } = (await import(new URL('../../eslint.config.js', import.meta.url).href)) as { WALLS: { folder: string }[] };
    const folders = readdirSync(new URL('../../renderer', import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'styles')
      .map((entry) => `renderer/${entry.name}`);
    const rows = new Set(WALLS.map((wall) => wall.folder));
    expect(folders.filter((folder) => !rows.has(folder))).toEqual([]);
  });
});
