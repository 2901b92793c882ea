import { describe, expect, it } from 'vitest';
import { localeFromSystem, pickLocale, startupLanguage } from './locale';

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

describe('startupLanguage', () => {
  it('follows the OS in the desktop app', () => {
    expect(localeFromSystem(startupLanguage('desktop', 'zh-Hant-TW', ['en-US']))).toBe('zh-TW');
  });
  it("follows the browser in browser mode, not the server's language", () => {
    expect(localeFromSystem(startupLanguage('web', 'en-US', ['zh-CN', 'zh', 'en']))).toBe('zh-CN');
    expect(localeFromSystem(startupLanguage('web', 'zh-CN', ['en-GB', 'zh-CN']))).toBe('en');
    expect(localeFromSystem(startupLanguage('web', 'en-US', ['zh-HK']))).toBe('zh-TW');
  });
  it('takes the first Chinese or English language the browser lists', () => {
    expect(localeFromSystem(startupLanguage('web', 'en-US', ['fr-FR', 'zh-TW', 'en']))).toBe('zh-TW');
    expect(localeFromSystem(startupLanguage('web', 'zh-CN', ['de-DE']))).toBe('en');
  });
  it('falls back to what is known when the shell or the browser says nothing', () => {
    expect(startupLanguage(null, null, ['zh-CN'])).toBe('zh-CN');
    expect(startupLanguage('web', 'zh-CN', [])).toBe('zh-CN');
    expect(startupLanguage('desktop', '', [])).toBe('en');
  });
});
