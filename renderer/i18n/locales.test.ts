// The three languages carry the same keys, and every code the app can show has words in each.
import { describe, expect, it } from 'vitest';
import { ALL_ERROR_CODES } from '../../shared/domain/customerValidation';
import { CHANNELS, GENDERS, PHONE_REGIONS, SOURCES } from '../../shared/domain/customer';
import { APP_LOCALES, FAILURE_REASONS } from '../../shared/ipc/contract';
import { MONEY_ERRORS } from '../../shared/domain/money';
import { PURCHASE_ERROR_CODES } from '../../shared/domain/purchase';
import { INTERACTION_CHANNELS, INTERACTION_DIRECTIONS, INTERACTION_ERROR_CODES } from '../../shared/domain/interaction';
import { TIMELINE_KINDS } from '../../shared/domain/timeline';
import { CURRENCIES } from '../../shared/domain/money';
import { IMPORT_MESSAGE_CODES } from '../../shared/domain/import';
import { DUPLICATE_REASONS } from '../../shared/domain/duplicates';
import { EXPORT_I18N_KEYS } from '../../shared/domain/export';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import zhTW from './locales/zh-TW.json';

type Tree = { [key: string]: string | Tree };
const LOCALES: Record<string, Tree> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const flat = Object.fromEntries(Object.entries(LOCALES).map(([lng, tree]) => [lng, flatten(tree)]));

describe('locales', () => {
  it('has one file per app language', () => {
    expect(Object.keys(LOCALES).sort()).toEqual([...APP_LOCALES].sort());
  });

  it('carries the same keys in every language, none empty', () => {
    const keys = [...flat.en!.keys()].sort();
    for (const lng of APP_LOCALES) {
      expect([...flat[lng]!.keys()].sort(), lng).toEqual(keys);
      for (const [key, value] of flat[lng]!) expect(value.trim(), `${lng} ${key}`).not.toBe('');
    }
  });

  it('keeps the same {{placeholders}} in every language', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of flat.en!) {
      for (const lng of ['zh-CN', 'zh-TW']) expect(placeholders(flat[lng]!.get(key)!), `${lng} ${key}`).toEqual(placeholders(value));
    }
  });

  it('has words for every validation code, IPC failure and closed vocabulary', () => {
    const required = [
      ...ALL_ERROR_CODES.map((c) => `validation.${c}`),
      ...FAILURE_REASONS.map((r) => `errors.${r}`),
      ...GENDERS.map((g) => `gender.${g}`),
      ...SOURCES.map((s) => `sources.${s}`),
      ...CHANNELS.map((c) => `channels.${c}`),
      ...PHONE_REGIONS.map((r) => `regions.${r}`),
      ...APP_LOCALES.map((l) => `languages.${l}`),
      ...CURRENCIES.map((c) => `currencies.${c}`),
    ];
    for (const lng of APP_LOCALES) for (const key of required) expect(flat[lng]!.has(key), `${lng} ${key}`).toBe(true);
  });

  it('has words for every purchase and contact code, channel, direction and timeline filter', () => {
    const required = [
      ...PURCHASE_ERROR_CODES.map((c) => `purchase.errors.${c}`),
      ...MONEY_ERRORS.map((c) => `purchase.errors.${c}`),
      ...INTERACTION_ERROR_CODES.map((c) => `contact.errors.${c}`),
      ...INTERACTION_CHANNELS.map((c) => `contact.channels.${c}`),
      ...INTERACTION_DIRECTIONS.map((d) => `contact.directions.${d}`),
      ...INTERACTION_DIRECTIONS.map((d) => `contact.directionsShort.${d}`),
      ...['all', ...TIMELINE_KINDS].map((k) => `timeline.filters.${k}`),
      ...['all', ...TIMELINE_KINDS].map((k) => `timeline.emptyFor.${k}`),
    ];
    for (const lng of APP_LOCALES) for (const key of required) expect(flat[lng]!.has(key), `${lng} ${key}`).toBe(true);
  });

  it('translates every export header, export value and duplicate reason', () => {
    const required = [
      ...EXPORT_I18N_KEYS,
      'export.currency',
      ...INTERACTION_CHANNELS.map((c) => `export.values.channel.${c}`),
      ...INTERACTION_DIRECTIONS.map((d) => `export.values.direction.${d}`),
      ...['solar', 'lunar', 'lunar-leap'].map((c) => `export.values.calendar.${c}`),
      ...['yes', 'no'].map((v) => `export.values.yesNo.${v}`),
      ...DUPLICATE_REASONS.map((r) => `duplicateFinder.reasons.${r}`),
    ];
    expect(EXPORT_I18N_KEYS.length).toBeGreaterThan(50);
    for (const lng of APP_LOCALES) for (const key of required) expect(flat[lng]!.get(key)?.trim(), `${lng} ${key}`).toBeTruthy();
  });

  it('writes no Simplified-only characters in Traditional Chinese', () => {
    // A few characters that are always simplified forms; a zh-TW string containing one was copied, not translated.
    const simplifiedOnly = /[这个们说对时间为发后里经来没还动关门开问题]/;
    for (const [key, value] of flat['zh-TW']!) {
      if (key.startsWith('languages.')) continue;
      expect(simplifiedOnly.test(value), `zh-TW ${key}: ${value}`).toBe(false);
    }
  });

  it('has words for every code the import can show', () => {
    // The namespace under import.* that translates each group of IMPORT_MESSAGE_CODES.
    const NAMESPACE: Record<keyof typeof IMPORT_MESSAGE_CODES, string> = {
      customerErrors: 'import.customerErrors',
      customerSkips: 'import.customerSkips',
      delimitedWarnings: 'import.fileWarnings',
      refusedFileKinds: 'import.refused',
      vcardWarnings: 'import.fileWarnings',
      targetFields: 'import.targets',
      policies: 'import.policies',
      matchKinds: 'import.matchKinds',
      planSkipCauses: 'import.planSkipCauses',
      purchaseErrors: 'import.purchaseErrors',
      purchaseWarnings: 'import.purchaseWarnings',
      purchaseCustomerProblems: 'import.purchaseCustomerProblems',
      purchaseTargets: 'import.purchaseTargets',
    };
    for (const [group, codes] of Object.entries(IMPORT_MESSAGE_CODES) as [keyof typeof IMPORT_MESSAGE_CODES, readonly string[]][]) {
      for (const code of codes) {
        for (const lng of APP_LOCALES) expect(flat[lng]!.has(`${NAMESPACE[group]}.${code}`), `${lng} ${NAMESPACE[group]}.${code}`).toBe(true);
      }
    }
    for (const lng of APP_LOCALES) expect(flat[lng]!.get('import.externalCustomerName'), lng).toContain('{{externalId}}');
  });
});
