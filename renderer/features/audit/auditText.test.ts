// The audit log in words, in each of the app's languages, through the real locale files.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_KINDS, chainEntry, type AuditContent, type AuditEntry, type AuditFacts, type ChainProblem } from '../../../shared/domain/auditChain';
import { parseDelimited } from '../../../shared/domain/import';
import en from '../../i18n/locales/en.json';
import zhCN from '../../i18n/locales/zh-CN.json';
import zhTW from '../../i18n/locales/zh-TW.json';
import { toCsv } from '../../../shared/domain/export';
import { auditFilterOf } from './AuditScreen';
import { AUDIT_FILE_COLUMNS, auditFileTable, detailsText, isDayOrEmpty, kindText, type AuditWording } from './auditText';

const LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
const translators = {} as Record<(typeof LOCALES)[number], TFunction>;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN }, 'zh-TW': { translation: zhTW } },
    lng: 'en',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  for (const lng of LOCALES) translators[lng] = i18n.getFixedT(lng);
});

const wording = (lng: (typeof LOCALES)[number]): AuditWording => ({ t: translators[lng], money: (fen) => `¥${(fen / 100).toFixed(2)}`, dateTime: (iso) => iso.slice(0, 16) });

function entry(kind: string, facts: AuditFacts = {}, over: Partial<AuditContent> = {}): AuditEntry {
  return chainEntry(null, { id: 'e-1', at: '2026-03-01T10:00:00.000Z', actor: 'owner', kind, customerIds: ['c-1'], refs: [], facts, ...over });
}

const SAMPLE_FACTS: Record<string, AuditFacts> = {
  'customer.edit': { fields: 'city phones tags' },
  'purchase.record': { totalFen: 12_300, purchasedAt: '2026-03-01T09:00:00.000Z' },
  'purchase.edit': { totalFenBefore: 12_300, totalFen: 9_900, purchasedAtBefore: '2026-03-01T09:00:00.000Z', purchasedAt: '2026-03-01T09:00:00.000Z' },
  'import.customers': { created: 3, updated: 1, skipped: 2, policy: 'update' },
  'settings.change': { key: 'currency', value: 'HKD' },
  'backup.made': { trigger: 'automatic', fileName: 'Regulars-2026-03-01.rgbackup', removed: 0 },
  'export.file': { exportKind: 'customers', format: 'xlsx', scope: 'all', rows: 120 },
  'contact.record': { channel: 'phone', at: '2026-03-01T09:00:00.000Z' },
  'backup.settings': { fields: 'folder retention schedule' },
  'consent.change': { granted: 'sms wechat', withdrawn: '', source: 'paper-form' },
  'survey.answer': { channel: 'counter', band: 'detractor', version: 1, followUp: true },
  'survey.version': { version: 2 },
};

describe('audit wording', () => {
  it('has a name for every kind and every chain problem in each language, and details that leave no key or placeholder behind', () => {
    const problems: ChainProblem[] = ['edited', 'missing', 'out-of-order', 'unlinked'];
    for (const lng of LOCALES) {
      const t = translators[lng];
      for (const kind of AUDIT_KINDS) {
        expect(kindText(t, kind), `${lng} ${kind}`).not.toMatch(/audit\.|^$/);
        const text = detailsText(wording(lng), entry(kind, SAMPLE_FACTS[kind] ?? {}));
        expect(text, `${lng} ${kind}`).not.toMatch(/audit\.|\{\{|undefined|NaN/);
      }
      for (const p of problems) expect(t(`audit.chain.problem.${p}`, { seq: 7 }), `${lng} ${p}`).toContain('7');
    }
  });

  it('says what changed in the user\'s language', () => {
    expect(detailsText(wording('en'), entry('customer.edit', SAMPLE_FACTS['customer.edit']!))).toBe('Changed: City, Phone, Tags');
    expect(detailsText(wording('zh-CN'), entry('customer.edit', SAMPLE_FACTS['customer.edit']!))).toBe('修改了：城市、手机、标签');
    expect(detailsText(wording('en'), entry('purchase.edit', SAMPLE_FACTS['purchase.edit']!))).toBe('¥123.00 (2026-03-01T09:00) → ¥99.00 (2026-03-01T09:00)');
    expect(detailsText(wording('zh-TW'), entry('settings.change', SAMPLE_FACTS['settings.change']!))).toBe('貨幣：HKD');
    expect(detailsText(wording('en'), entry('settings.change', { key: 'status', value: null }))).toBe('Tier and status rules');
    expect(detailsText(wording('en'), entry('export.file', SAMPLE_FACTS['export.file']!))).toBe('Customers as XLSX, 120 rows');
  });

  it('shows an entry from before version 10 by its code and what it said', () => {
    const old = entry('customers.purge', {}, { actor: null, legacy: { summary: 'vip.csv: 3 created', details: null } });
    expect(kindText(translators.en, old.kind)).toBe('customers.purge');
    expect(detailsText(wording('en'), old)).toBe('vip.csv: 3 created');
  });

  it('writes a file table with one row per entry, headers in the user\'s language', () => {
    const rows = [entry('purchase.record', SAMPLE_FACTS['purchase.record']!), entry('customer.trash', {}, { actor: 'clerk', customerIds: ['c-1', 'c-2'] })];
    const table = auditFileTable(wording('zh-CN'), rows);
    expect(table.headers).toHaveLength(AUDIT_FILE_COLUMNS.length);
    expect(table.headers.slice(0, 4)).toEqual(['序号', '时间', '操作人', '操作']);
    const parsed = parseDelimited(toCsv(table.headers, table.rows));
    expect(parsed.headers).toEqual(table.headers);
    expect(parsed.rows[0]).toEqual(['1', '2026-03-01T10:00', '店主', '记录消费', 'purchase.record', 'c-1', '', '¥123.00，消费时间 2026-03-01T09:00', rows[0]!.hash]);
    expect(parsed.rows[1]!.slice(2, 6)).toEqual(['店员', '客户移入回收站', 'customer.trash', 'c-1 c-2']);
  });
});

describe('auditFilterOf', () => {
  it('turns the screen\'s days into instants, the end day included whole', () => {
    const f = auditFilterOf({ kind: 'purchase.record', customerId: 'c-1', fromDay: '2026-03-01', toDay: '2026-03-02' });
    expect(f.kinds).toEqual(['purchase.record']);
    expect(f.customerId).toBe('c-1');
    expect(new Date(f.from!).getDate()).toBe(1);
    expect(new Date(f.to!).getDate()).toBe(3);
    expect(new Date(f.to!).getHours()).toBe(0);
    expect(auditFilterOf({ kind: null, customerId: null, fromDay: '', toDay: 'not a day' })).toEqual({ kinds: null, customerId: null, from: null, to: null });
  });
});

describe('backup settings in words', () => {
  it('names the settings changed, not their values', () => {
    const text = detailsText(wording('zh-CN'), entry('backup.settings', { fields: 'folder schedule' }));
    expect(text).toBe('修改了：文件夹、自动备份时间');
  });
});

describe('isDayOrEmpty', () => {
  it('takes an empty filter or a real day, and nothing else', () => {
    for (const ok of ['', '  ', '2026-03-01', '2024-02-29', ' 2026-12-31 ']) expect(isDayOrEmpty(ok), ok).toBe(true);
    for (const bad of ['2026-3-1', '2026-02-30', '2025-02-29', '2026-13-01', '01/03/2026', '明天', '2026-03-01T00:00']) expect(isDayOrEmpty(bad), bad).toBe(false);
  });
});
