import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSENT_CHANNELS, type CurrentConsent } from './consent';
import { REMINDER_KINDS } from './reminders';
import {
  DEFAULT_GREETING_SETTINGS,
  fieldsFor,
  fillGreeting,
  formOfAddress,
  GREETING_FIELDS,
  GREETING_OCCASIONS,
  greetingPurpose,
  greetingSettingsSchema,
  mailtoLink,
  MAX_TEMPLATE_LENGTH,
  nameParts,
  occasionOfReminder,
  offeredOccasions,
  parseTemplate,
  smsLink,
  suggestedOccasion,
  surnameInPinyin,
  templateFor,
  templateInLocale,
  validateTemplate,
} from './greetings';
import type { CustomerFields } from './customer';

type Person = Pick<CustomerFields, 'name' | 'gender' | 'addressAs' | 'honorific'>;
const person = (name: string, gender: CustomerFields['gender'] = 'unspecified', more: Partial<Person> = {}): Person => ({ name, gender, ...more });

describe('fillGreeting', () => {
  it('fills each field, in any language spelling of it', () => {
    const values = { name: '张女士', store: '小林花店', points: '1,280' };
    expect(fillGreeting('{称呼}，生日快乐！{店名}祝您天天开心。', values)).toBe('张女士，生日快乐！小林花店祝您天天开心。');
    expect(fillGreeting('{稱呼}，您有 {積分} 分', values)).toBe('张女士，您有 1,280 分');
    expect(fillGreeting('Dear {name}, you have {points} points at {Store}.', values)).toBe('Dear 张女士, you have 1,280 points at 小林花店.');
    expect(fillGreeting('{ expiring points } / {expiringPoints} / {到期积分}', { expiringPoints: '200' })).toBe('200 / 200 / 200');
  });

  it('reads full-width braces as braces (a Chinese input method types them)', () => {
    expect(fillGreeting('｛称呼｝好', { name: '王先生' })).toBe('王先生好');
  });

  it('fills a field without a value with nothing', () => {
    expect(fillGreeting('{称呼}，{等级}会员您好', { name: '王先生' })).toBe('王先生，会员您好');
  });

  it('leaves a template that does not parse as it is', () => {
    expect(fillGreeting('{电话} 你好', { name: 'x' })).toBe('{电话} 你好');
  });

  it('never leaves a field token behind in a valid template', () => {
    const token = fc.constantFrom(...GREETING_FIELDS.map((f) => `{${f}}`), '{称呼}', '{積分}', '{expiry date}');
    const text = fc.string({ maxLength: 8 }).map((s) => s.replace(/[{}｛｝]/g, ''));
    fc.assert(
      fc.property(fc.array(fc.oneof(token, text), { minLength: 1, maxLength: 10 }), (pieces) => {
        const template = pieces.join('');
        fc.pre(parseTemplate(template).ok);
        const filled = fillGreeting(template, Object.fromEntries(GREETING_FIELDS.map((f) => [f, 'X'])));
        expect(filled).not.toMatch(/[{}]/);
      }),
    );
  });
});

describe('validateTemplate', () => {
  it('stores each field by its key, whichever language it was typed in', () => {
    expect(validateTemplate('  {称呼}，生日快乐！{店名}  ', 'birthday')).toEqual({ ok: true, value: '{name}，生日快乐！{store}' });
    expect(validateTemplate('Hi {Expiring Points}', 'points-expiring')).toEqual({ ok: true, value: 'Hi {expiringPoints}' });
  });

  it('refuses an empty template', () => {
    expect(validateTemplate('', 'birthday')).toEqual({ ok: false, reason: { code: 'empty' } });
    expect(validateTemplate('  \n ', 'birthday')).toEqual({ ok: false, reason: { code: 'empty' } });
  });

  it('names a field it does not know', () => {
    expect(validateTemplate('{称呼}，您的{电话}', 'birthday')).toEqual({ ok: false, reason: { code: 'unknown-field', field: '电话' } });
    expect(validateTemplate('Hi {}', 'birthday')).toEqual({ ok: false, reason: { code: 'unknown-field', field: '' } });
  });

  it('refuses a field the occasion has nothing to fill with', () => {
    expect(validateTemplate('{称呼}，{节日}快乐', 'birthday')).toEqual({ ok: false, reason: { code: 'field-not-for-occasion', field: 'festival' } });
    expect(validateTemplate('{称呼}，{节日}快乐', 'festival').ok).toBe(true);
    expect(validateTemplate('{到期积分} 分将于 {到期日} 到期', 'call-back')).toEqual({ ok: false, reason: { code: 'field-not-for-occasion', field: 'expiringPoints' } });
  });

  it('refuses a brace without its pair', () => {
    for (const t of ['{称呼，你好', '称呼}你好', '{{称呼}}', '{称{呼}']) {
      expect(validateTemplate(t, 'birthday'), t).toEqual({ ok: false, reason: { code: 'unmatched-brace' } });
    }
  });

  it('refuses a template longer than a contact summary allows', () => {
    expect(validateTemplate('好'.repeat(MAX_TEMPLATE_LENGTH), 'birthday').ok).toBe(true);
    expect(validateTemplate('好'.repeat(MAX_TEMPLATE_LENGTH + 1), 'birthday')).toEqual({ ok: false, reason: { code: 'too-long', max: MAX_TEMPLATE_LENGTH } });
  });

  it('shows a stored template in each language’s words', () => {
    const stored = '{name}，您有 {points} 分，{expiringPoints} 分将于 {expiryDate} 到期。';
    expect(templateInLocale(stored, 'zh-CN')).toBe('{称呼}，您有 {积分} 分，{到期积分} 分将于 {到期日} 到期。');
    expect(templateInLocale(stored, 'zh-TW')).toBe('{稱呼}，您有 {積分} 分，{到期積分} 分将于 {到期日} 到期。');
    expect(templateInLocale(stored, 'en')).toBe('{name}，您有 {points} 分，{expiring points} 分将于 {expiry date} 到期。');
    expect(validateTemplate(templateInLocale(stored, 'en'), 'points-expiring')).toEqual({ ok: true, value: stored });
  });

  it('offers every occasion the common fields', () => {
    for (const o of GREETING_OCCASIONS) expect(fieldsFor(o)).toEqual(expect.arrayContaining(['name', 'tier', 'points', 'store']));
  });
});

describe('the greetings setting', () => {
  it('accepts the defaults and stores templates by their keys', () => {
    expect(greetingSettingsSchema.parse(DEFAULT_GREETING_SETTINGS)).toEqual(DEFAULT_GREETING_SETTINGS);
    const parsed = greetingSettingsSchema.parse({ storeName: ' 小林花店 ', templates: { ...DEFAULT_GREETING_SETTINGS.templates, birthday: '{称呼}生日快乐' } });
    expect(parsed.storeName).toBe('小林花店');
    expect(parsed.templates.birthday).toBe('{name}生日快乐');
  });

  it('refuses an invalid template, an unknown occasion and a long store name', () => {
    expect(greetingSettingsSchema.safeParse({ storeName: '', templates: { ...DEFAULT_GREETING_SETTINGS.templates, festival: '{电话}' } }).success).toBe(false);
    expect(greetingSettingsSchema.safeParse({ storeName: '', templates: { ...DEFAULT_GREETING_SETTINGS.templates, anniversary: null } }).success).toBe(false);
    expect(greetingSettingsSchema.safeParse({ storeName: 'x'.repeat(41), templates: DEFAULT_GREETING_SETTINGS.templates }).success).toBe(false);
  });

  it('uses the owner’s template, else the default', () => {
    const settings = greetingSettingsSchema.parse({ storeName: '', templates: { ...DEFAULT_GREETING_SETTINGS.templates, birthday: '{称呼}生日快乐' } });
    expect(templateFor(settings, 'birthday', 'default')).toBe('{name}生日快乐');
    expect(templateFor(settings, 'festival', 'default')).toBe('default');
  });
});

describe('greetingPurpose and consent', () => {
  it('makes birthdays and festivals greetings, call-backs and expiring points service, win-back and promotions marketing', () => {
    expect(GREETING_OCCASIONS.map((o) => [o, greetingPurpose(o)])).toEqual([
      ['birthday', 'greeting'],
      ['festival', 'greeting'],
      ['call-back', 'service'],
      ['points-expiring', 'service'],
      ['win-back', 'promotion'],
      ['promotion', 'promotion'],
    ]);
  });

  it('offers the marketing templates only on a channel the customer granted and did not withdraw', () => {
    const consent: CurrentConsent = {
      sms: { state: 'granted', at: '2026-01-01T00:00:00.000Z', source: 'in-store' },
      email: { state: 'withdrawn', at: '2026-02-01T00:00:00.000Z', source: 'in-store' },
      phone: { state: 'declined', at: '2026-02-01T00:00:00.000Z', source: 'in-store' },
    };
    const everything = [...GREETING_OCCASIONS];
    const noMarketing = ['birthday', 'festival', 'call-back', 'points-expiring'];
    expect(offeredOccasions('sms', consent)).toEqual(everything);
    expect(offeredOccasions('email', consent)).toEqual(noMarketing);
    expect(offeredOccasions('phone', consent)).toEqual(noMarketing);
    expect(offeredOccasions('wechat', consent)).toEqual(noMarketing);
    for (const ch of CONSENT_CHANNELS) expect(offeredOccasions(ch, {})).toEqual(noMarketing);
  });

  it('suggests a greeting for every kind of reminder', () => {
    expect(REMINDER_KINDS.map((k) => occasionOfReminder(k))).toEqual(['birthday', 'festival', 'call-back', 'call-back', 'points-expiring', 'call-back', 'call-back']);
  });
});

describe('formOfAddress', () => {
  it('addresses by surname and title from gender, in each language', () => {
    expect(formOfAddress(person('张小美', 'female'), 'zh-CN')).toBe('张女士');
    expect(formOfAddress(person('王建国', 'male'), 'zh-CN')).toBe('王先生');
    expect(formOfAddress(person('張小美', 'female'), 'zh-TW')).toBe('張女士');
    expect(formOfAddress(person('张小美', 'female'), 'en')).toBe('Ms Zhang');
    expect(formOfAddress(person('王建国', 'male'), 'en')).toBe('Mr Wang');
    expect(formOfAddress(person('吕方', 'male'), 'en')).toBe('Mr Lü');
  });

  it('keeps a compound surname whole', () => {
    expect(formOfAddress(person('欧阳娜娜', 'female'), 'zh-CN')).toBe('欧阳女士');
    expect(formOfAddress(person('司马相如', 'male'), 'zh-CN')).toBe('司马先生');
    expect(formOfAddress(person('諸葛亮明', 'male'), 'zh-TW')).toBe('諸葛先生');
    expect(formOfAddress(person('上官婉儿', 'female'), 'en')).toBe('Ms Shangguan');
    expect(formOfAddress(person('欧阳娜娜', 'female'), 'en')).toBe('Ms Ouyang');
    expect(nameParts('欧阳娜娜')).toEqual({ surname: '欧阳', given: '娜娜', han: true });
    expect(nameParts('张简宏')).toEqual({ surname: '张简', given: '宏', han: true });
    // Two characters are a surname and a given name, never a compound surname alone.
    expect(nameParts('欧阳')).toEqual({ surname: '欧', given: '阳', han: true });
  });

  it('reads a surname as a surname', () => {
    expect(surnameInPinyin('曾')).toBe('Zeng');
    expect(surnameInPinyin('种')).toBe('Chong');
    expect(surnameInPinyin('单')).toBe('Shan');
  });

  it('uses the clerk’s preferred form first, whatever the language', () => {
    expect(formOfAddress(person('张小美', 'female', { addressAs: ' 小美姐 ' }), 'zh-CN')).toBe('小美姐');
    expect(formOfAddress(person('张小美', 'female', { addressAs: '小美姐' }), 'en')).toBe('小美姐');
    expect(formOfAddress(person('张小美', 'female', { addressAs: '  ' }), 'zh-CN')).toBe('张女士');
  });

  it('uses the chosen honorific over gender, and the given name for friends', () => {
    expect(formOfAddress(person('林美玲', 'female', { honorific: 'miss' }), 'zh-TW')).toBe('林小姐');
    expect(formOfAddress(person('林美玲', 'unspecified', { honorific: 'ms' }), 'en')).toBe('Ms Lin');
    expect(formOfAddress(person('林美玲', 'female', { honorific: 'given-name' }), 'zh-CN')).toBe('美玲');
    expect(formOfAddress(person('欧阳娜娜', 'female', { honorific: 'given-name' }), 'zh-CN')).toBe('娜娜');
    expect(formOfAddress(person('Mary Smith', 'female', { honorific: 'given-name' }), 'en')).toBe('Mary');
    expect(formOfAddress(person('张三', 'male', { honorific: null }), 'zh-CN')).toBe('张先生');
  });

  it('uses the full name when neither gender nor honorific says more; in English a Western given name', () => {
    expect(formOfAddress(person('张三'), 'zh-CN')).toBe('张三');
    expect(formOfAddress(person('张三', 'other'), 'en')).toBe('张三');
    expect(formOfAddress(person('Mary  Smith'), 'en')).toBe('Mary');
    expect(formOfAddress(person('Mary Smith'), 'zh-CN')).toBe('Mary Smith');
  });

  it('addresses Western names by their last word', () => {
    expect(formOfAddress(person('John Smith', 'male'), 'en')).toBe('Mr Smith');
    expect(formOfAddress(person('Mary Smith', 'female'), 'zh-CN')).toBe('Smith女士');
  });

  it('addresses a transliterated name by its first part', () => {
    expect(formOfAddress(person('迪丽热巴·迪力木拉提', 'female'), 'zh-CN')).toBe('迪丽热巴女士');
  });
});

describe('send links', () => {
  it('opens a text message to one number with the greeting as its body', () => {
    expect(smsLink('+8613812345678', '张女士，生日快乐！')).toBe(`sms:+8613812345678?body=${encodeURIComponent('张女士，生日快乐！')}`);
    expect(smsLink('95588', 'hi there')).toBe('sms:95588?body=hi%20there');
    expect(smsLink('', 'hi')).toBeNull();
    expect(smsLink('+86 138-1234-5678', 'hi')).toBe('sms:+8613812345678?body=hi');
    expect(smsLink('call me', 'hi')).toBeNull();
  });

  it('opens an e-mail with a subject and the greeting', () => {
    expect(mailtoLink('a@example.com', '问候', 'Hi & bye')).toBe(`mailto:a@example.com?subject=${encodeURIComponent('问候')}&body=Hi%20%26%20bye`);
    expect(mailtoLink('a@example.com?attach=x', 's', 'b')).toBeNull();
    expect(mailtoLink('', 's', 'b')).toBeNull();
  });

  it('gives no link too long for main to open', () => {
    expect(smsLink('+8613812345678', '好'.repeat(300))).toBeNull();
    expect(smsLink('+8613812345678', '好'.repeat(200))).not.toBeNull();
  });
});

describe('suggestedOccasion', () => {
  const today = new Date(2026, 11, 5, 10, 0);
  const solar = (month: number, day: number) => ({ calendar: 'solar' as const, year: null, month, day, leapMonth: false });
  it('suggests the birthday within a week, the day itself included', () => {
    expect(suggestedOccasion({ birthday: solar(12, 5), pointsExpiringSoon: 0 }, today)).toBe('birthday');
    expect(suggestedOccasion({ birthday: solar(12, 12), pointsExpiringSoon: 50 }, today)).toBe('birthday');
    expect(suggestedOccasion({ birthday: solar(12, 13), pointsExpiringSoon: 0 }, today)).toBe('call-back');
    // A birthday just past is a year away.
    expect(suggestedOccasion({ birthday: solar(12, 4), pointsExpiringSoon: 0 }, today)).toBe('call-back');
  });

  it('counts a lunar birthday on its solar day this year', () => {
    // 2026-12-08 is the 30th of the tenth lunar month (十月三十).
    expect(suggestedOccasion({ birthday: { calendar: 'lunar', year: null, month: 10, day: 30, leapMonth: false }, pointsExpiringSoon: 0 }, today)).toBe('birthday');
  });

  it('suggests the expiring points, else a call-back', () => {
    expect(suggestedOccasion({ birthday: null, pointsExpiringSoon: 200 }, today)).toBe('points-expiring');
    expect(suggestedOccasion({ birthday: null, pointsExpiringSoon: 0 }, today)).toBe('call-back');
  });
});
