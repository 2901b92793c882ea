// Every table, kind of backup and reason code the backup screens can show has words in each language: a new
// table or a new failure code cannot reach the screen as a raw name again.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { BACKUP_TRIGGERS } from '../../../shared/backup/format';
import { APP_LOCALES, FAILURE_REASONS } from '../../../shared/ipc/contract';
import { SCHEMAS_BY_VERSION } from '../../db/backupSchemas';
import { RESTORE_FAILURES } from '../../db/backupStaging';
import { resources } from '../../i18n';
import { RESTORE_STEPS } from './restoreBackup';
import { countsSummary, failureText, orderedTables, RENDERER_FAILURES, TABLE_ORDER, tableLabel, triggerLabel, type Translate } from './backupText';

const translators = Object.fromEntries(
  await Promise.all(
    APP_LOCALES.map(async (lng) => {
      const instance = i18next.createInstance();
      await instance.init({ resources, lng, fallbackLng: false, interpolation: { escapeValue: false } });
      return [lng, instance.t.bind(instance) as Translate] as const;
    }),
  ),
);

const ROOT = path.resolve(__dirname, '../../..');
/** Where the backup and restore codes come from: main's service and IPC, the shared format, the page's backup code. */
const CODE_SOURCES = ['electron/services/backup', 'electron/ipc', 'electron/devweb', 'shared/backup', 'renderer/features/backup', 'renderer/db', 'renderer/workers'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Every code written as err('…'), reason: '…' or new …Error('…') in the backup layer's sources. */
function codesInSources(): string[] {
  const codes = new Set<string>();
  const pattern = /(?:\berr\(|\breason: |new (?:BackupError|RestoreError|BackupWorkerError|BackupReadError|ExportBusyError)\()'([a-z][a-z-]+)'/g;
  for (const dir of CODE_SOURCES) {
    for (const file of sourceFiles(path.join(ROOT, dir))) {
      for (const match of readFileSync(file, 'utf8').matchAll(pattern)) codes.add(match[1]!);
    }
  }
  return [...codes].sort();
}

describe('backup words', () => {
  const schemaTables = [...new Set(Object.values(SCHEMAS_BY_VERSION).flatMap((schema) => Object.keys(schema)))].sort();

  it('names every table of every database version, in each language, never by its raw name', () => {
    expect(schemaTables).toContain('customerSearch');
    for (const table of schemaTables) expect(TABLE_ORDER as readonly string[], table).toContain(table);
    for (const lng of APP_LOCALES) {
      const t = translators[lng]!;
      for (const table of schemaTables) {
        const label = tableLabel(t, table);
        expect(label, `${lng} ${table}`).not.toContain(table);
        expect(label, `${lng} ${table}`).not.toContain('backup.tables');
        if (lng !== 'en') expect(label, `${lng} ${table}`).not.toMatch(/[A-Za-z]/);
      }
    }
  });

  it('describes a table this build does not know instead of showing only its name', () => {
    expect(tableLabel(translators['zh-CN']!, 'loyaltyCards')).toBe('其他数据（loyaltyCards）');
    expect(tableLabel(translators['zh-TW']!, 'loyaltyCards')).toBe('其他資料（loyaltyCards）');
    expect(tableLabel(translators.en!, 'loyaltyCards')).toBe('Other data (loyaltyCards)');
    expect(orderedTables(['zeta', 'customerSearch', 'customers', 'alpha'])).toEqual(['customers', 'customerSearch', 'alpha', 'zeta']);
  });

  it('has words for every reason code the IPC and backup layers can return', () => {
    const found = codesInSources();
    // The scan finds the codes where they are written; the lists hold the ones the contract declares.
    expect(found).toEqual(expect.arrayContaining(['backup-busy', 'export-failed', 'restore-test-different', 'backup-newer-schema']));
    const codes = [...new Set([...FAILURE_REASONS, ...RENDERER_FAILURES, ...RESTORE_FAILURES, ...found])];
    for (const lng of APP_LOCALES) {
      const t = translators[lng]!;
      const internal = t('errors.internal-error');
      for (const code of codes) {
        const text = failureText(t, code);
        if (code !== 'internal-error') expect(text, `${lng} ${code} falls back to "internal error"`).not.toBe(internal);
        expect(text, `${lng} ${code}`).not.toContain(code);
        expect(text, `${lng} ${code}`).not.toMatch(/^(errors|backup)\./);
      }
    }
  });

  it('names every kind of backup and every restore step, and any other kind in words', () => {
    for (const lng of APP_LOCALES) {
      const t = translators[lng]!;
      for (const trigger of [...BACKUP_TRIGGERS, 'nightly']) {
        const label = triggerLabel(t, trigger);
        expect(label, `${lng} ${trigger}`).not.toContain(trigger);
        expect(label, `${lng} ${trigger}`).not.toContain('backup.triggers');
      }
      for (const step of RESTORE_STEPS) expect(t(`restore.steps.${step}`), `${lng} ${step}`).not.toContain('restore.steps');
      for (const phase of ['reading', 'writing', 'checking']) expect(t(`backup.phases.${phase}`), `${lng} ${phase}`).not.toContain('backup.phases');
    }
  });

  it('writes the counts of a backup in words and the locale\'s digits', () => {
    expect(countsSummary(translators['zh-CN']!, { customers: 1114, purchases: 12034, customerSearch: 1114 }, 'zh-CN')).toBe('客户 1,114 · 消费记录 12,034');
  });
});
