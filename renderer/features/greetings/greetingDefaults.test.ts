// The default greetings of every language are valid templates for their occasion, use the customer's name, and say it in that language.
import { describe, expect, it } from 'vitest';
import { fillGreeting, GREETING_OCCASIONS, parseTemplate, validateTemplate } from '../../../shared/domain/greetings';
import en from '../../i18n/locales/en.json';
import zhCN from '../../i18n/locales/zh-CN.json';
import zhTW from '../../i18n/locales/zh-TW.json';

const LOCALES = { 'zh-CN': zhCN, 'zh-TW': zhTW, en } as const;

describe('the default greetings', () => {
  for (const [lng, messages] of Object.entries(LOCALES)) {
    it.each(GREETING_OCCASIONS)(`${lng} %s is a valid template that addresses the customer`, (occasion) => {
      const text = messages.care.greetings.defaults[occasion];
      expect(validateTemplate(text, occasion).ok).toBe(true);
      const parsed = parseTemplate(text);
      expect(parsed.ok && parsed.value.some((p) => 'field' in p && p.field === 'name')).toBe(true);
      // Short enough for one text message or two.
      expect([...fillGreeting(text, {})].length).toBeLessThanOrEqual(lng === 'en' ? 160 : 70);
    });
  }

  it('reads naturally when the store has no name yet', () => {
    expect(fillGreeting(zhCN.care.greetings.defaults.birthday, { name: '张女士', store: zhCN.care.greetings.ourStore })).toBe(
      '张女士，生日快乐！本店祝您新的一岁身体健康、万事顺心，有空常来坐坐。',
    );
  });
});
