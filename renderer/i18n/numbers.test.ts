// Counts are written one way everywhere: inside the app's strings and outside them, in every language.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { APP_LOCALES } from '../../shared/ipc/contract';
import { countFormatter, I18N_OPTIONS } from './index';
import en from './locales/en.json';
import { formatCount, formatPlaceholder, IDENTIFIER_PLACEHOLDERS } from './numbers';

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[prefix + key, value] as [string, string]] : flatten(value, `${prefix}${key}.`)));
}

async function translator(lng: string) {
  const instance = i18next.createInstance();
  await instance.use(countFormatter).init({ ...I18N_OPTIONS, lng });
  return instance.t.bind(instance) as (key: string, options?: Record<string, unknown>) => string;
}

describe('formatCount', () => {
  it('groups thousands the same way in every language', () => {
    for (const locale of APP_LOCALES) {
      expect(formatCount(1114, locale), locale).toBe('1,114');
      expect(formatCount(1_000_000, locale), locale).toBe('1,000,000');
      expect(formatCount(999, locale), locale).toBe('999');
      expect(formatCount(0, locale), locale).toBe('0');
    }
  });

  it('formats whole numbers put into strings, and leaves identifiers, fractions and text alone', () => {
    expect(formatPlaceholder(12034, 'zh-CN', 'count')).toBe('12,034');
    expect(formatPlaceholder(12034, 'en', 'total')).toBe('12,034');
    expect(formatPlaceholder(1990, 'zh-CN', 'year')).toBe(1990);
    expect(formatPlaceholder(1234, 'en', 'row')).toBe(1234);
    expect(formatPlaceholder(17850, 'en', 'externalId')).toBe(17850);
    expect(formatPlaceholder(12.5, 'en', 'percent')).toBe(12.5);
    expect(formatPlaceholder('1114', 'en', 'n')).toBe('1114');
  });
});

describe('counts in the app strings', () => {
  it('writes the list count and the filtered count alike: 1,114 in both', async () => {
    const zh = await translator('zh-CN');
    expect(zh('list.count', { count: 1114 })).toBe('共 1,114 位客户');
    expect(zh('list.countFiltered', { count: 1, total: 1114 })).toBe('1 / 1,114 位客户');
    const tw = await translator('zh-TW');
    expect(tw('list.count', { count: 1114 })).toContain('1,114');
    const english = await translator('en');
    expect(english('list.count', { count: 1114 })).toContain('1,114');
    expect(english('list.countFiltered', { count: 1, total: 1114 })).toContain('1,114');
  });

  it('keeps a year as it is written', async () => {
    expect((await translator('zh-CN'))('birthday.lunarWithYear', { label: '八月十五', year: 1990 })).toContain('1990');
  });

  it('groups every number placeholder of every string that is not an identifier, in every language', async () => {
    const strings = flatten(en as Tree).filter(([, value]) => /\{\{\w+\}\}/.test(value));
    expect(strings.length).toBeGreaterThan(100);
    for (const lng of APP_LOCALES) {
      const t = await translator(lng);
      for (const [key, value] of strings) {
        const names = [...new Set([...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!))];
        const counts = names.filter((name) => !IDENTIFIER_PLACEHOLDERS.has(name));
        if (counts.length === 0) continue;
        const text = t(key.replace(/_(one|other)$/, ''), { count: 1114, ...Object.fromEntries(names.map((name) => [name, 1114])) });
        expect(text, `${lng} ${key}`).toContain('1,114');
        if (counts.length === names.length) expect(text.replace(/1,114/g, ''), `${lng} ${key}`).not.toMatch(/(^|[^\d,])1114/);
      }
    }
  });
});
