import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPORT_I18N_KEYS } from './index';
import type { ExportValueKind } from './rows';
import { CURRENCY_HEADER_KEY, EXPORT_VALUE_CODES, exportValueKey, exportVocabulary, vocabularyLabel, vocabularyText } from './vocabulary';

const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
const resources = Object.fromEntries(
  LOCALES.map((lng) => [lng, JSON.parse(readFileSync(new URL(`../../../renderer/i18n/locales/${lng}.json`, import.meta.url), 'utf8')) as unknown]),
);
/** A dotted key looked up in a nested locale file, as i18next does; undefined when missing. */
function lookup(lng: (typeof LOCALES)[number], key: string): string | undefined {
  let node: unknown = resources[lng];
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

describe('export vocabulary', () => {
  it('gender and source share the form words; the rest have words of their own', () => {
    expect(exportValueKey('gender', 'male')).toBe('gender.male');
    expect(exportValueKey('source', 'referral')).toBe('sources.referral');
    expect(exportValueKey('calendar', 'lunar-leap')).toBe('export.values.calendar.lunar-leap');
    expect(exportValueKey('yesNo', 'yes')).toBe('export.values.yesNo.yes');
  });

  it('has words for every header and every code in all three languages, and no two codes of a kind share a label', () => {
    for (const lng of LOCALES) {
      const vocabulary = exportVocabulary((key) => lookup(lng, key) ?? `MISSING ${key}`);
      for (const key of [...EXPORT_I18N_KEYS, CURRENCY_HEADER_KEY]) expect(vocabulary.texts[key], `${lng} ${key}`).not.toMatch(/^MISSING/);
      for (const [kind, codes] of Object.entries(EXPORT_VALUE_CODES) as [ExportValueKind, readonly string[]][]) {
        const labels = codes.map((code) => vocabulary.labels[kind][code]!);
        for (const [i, label] of labels.entries()) expect(label, `${lng} ${kind}.${codes[i]}`).not.toMatch(/^MISSING/);
        // The import reads a label back to its code, so a label must name one code only.
        expect(new Set(labels).size, `${lng} ${kind}`).toBe(labels.length);
      }
    }
  });

  it('writes an unknown code or header key as itself', () => {
    const vocabulary = exportVocabulary((key) => `«${key}»`);
    expect(vocabularyLabel(vocabulary)('gender', 'male')).toBe('«gender.male»');
    expect(vocabularyLabel(vocabulary)('gender', 'robot')).toBe('robot');
    expect(vocabularyText(vocabulary)(CURRENCY_HEADER_KEY)).toBe(`«${CURRENCY_HEADER_KEY}»`);
    expect(vocabularyText(vocabulary)('export.no-such-header')).toBe('export.no-such-header');
  });
});
