import { describe, expect, it } from 'vitest';
import { localeFromSystem, pickLocale } from './locale';

describe('localeFromSystem', () => {
  it.each([
    ['zh-CN', 'zh-CN'], ['zh', 'zh-CN'], ['zh-Hans-CN', 'zh-CN'], ['zh-SG', 'zh-CN'], ['zh_CN', 'zh-CN'],
    ['zh-TW', 'zh-TW'], ['zh-HK', 'zh-TW'], ['zh-MO', 'zh-TW'], ['zh-Hant', 'zh-TW'], ['zh-Hant-HK', 'zh-TW'],
    ['en-US', 'en'], ['fr-FR', 'en'], ['', 'en'], ['ja', 'en'],
  ])('%s → %s', (system, expected) => {
    expect(localeFromSystem(system)).toBe(expected);
  });
});

describe('pickLocale', () => {
  it('keeps a saved choice over the system language', () => {
    expect(pickLocale('en', 'zh-CN')).toBe('en');
  });
  it('ignores a saved value that is not one of ours', () => {
    expect(pickLocale('de', 'zh-TW')).toBe('zh-TW');
    expect(pickLocale(null, 'en-GB')).toBe('en');
  });
});
