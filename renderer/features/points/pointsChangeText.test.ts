// What an edit or a return does to points, in one sentence in each language, through the real locale files; and the till's refusals of the points typed or of a reward.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { REDEEM_REFUSALS } from '../../../shared/domain/rewards';
import { I18N_OPTIONS, countFormatter } from '../../i18n';
import { tillRefusalText } from '../purchases/tillRefusalText';
import { pointsChangeText } from './pointsChangeText';

const LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
const ts = {} as Record<(typeof LOCALES)[number], TFunction>;

beforeAll(async () => {
  for (const lng of LOCALES) {
    const i18n = i18next.createInstance();
    await i18n.use(countFormatter).init({ ...I18N_OPTIONS, lng });
    ts[lng] = i18n.t.bind(i18n) as TFunction;
  }
});

const none = { earned: 0, spent: 0, reward: 0, writtenOff: 0 };

describe('what a change does to points, in words', () => {
  it('says a return as the issue does, and each part of a change', () => {
    expect(pointsChangeText(ts.en, 'en', { ...none, earned: -40, spent: 10 }, 'return')).toBe('This return takes back 40 points earned and gives back 10 points spent.');
    expect(pointsChangeText(ts['zh-CN'], 'zh-CN', { ...none, earned: -40, spent: 10 }, 'return')).toBe('本次退货扣回已得 40 积分，退还已用 10 积分。');
    expect(pointsChangeText(ts.en, 'en', { earned: -24, spent: 832, reward: 666, writtenOff: 5 }, 'return')).toBe(
      'This return takes back 24 points earned, gives back 832 points spent (666 of them for the reward), and stops the balance at zero (5 points written off).',
    );
    expect(pointsChangeText(ts['zh-TW'], 'zh-TW', { ...none, earned: 1_200 }, 'edit')).toBe('本次修改多得 1,200 積分。');
    expect(pointsChangeText(ts.en, 'en', { ...none, spent: -3 }, 'edit')).toBe('This change takes again 3 points given back.');
    expect(pointsChangeText(ts['zh-CN'], 'zh-CN', none, 'edit')).toBe('本次修改不影响客户积分。');
    expect(pointsChangeText(ts.en, 'en', none, 'return')).toBe('This return does not change the customer’s points.');
  });

  it.each(LOCALES)('words every refusal of the till’s points and rewards in %s', (lng) => {
    const t = ts[lng];
    const texts = [
      tillRefusalText(t, { kind: 'not-whole' }),
      tillRefusalText(t, { kind: 'too-many', max: 1_500 }),
      tillRefusalText(t, { kind: 'refused', code: 'reward-not-found', reward: '保温杯' }),
      tillRefusalText(t, { kind: 'refused', code: 'insufficient-points', reward: null }),
      ...REDEEM_REFUSALS.map((code) => tillRefusalText(t, { kind: 'refused', code, reward: '保温杯' })),
    ];
    for (const text of texts) {
      expect(text).not.toMatch(/points\.[a-zA-Z]|\{\{/);
      expect(text.length).toBeGreaterThan(8);
    }
    expect(texts[1]).toContain('1,500');
    expect(tillRefusalText(t, { kind: 'refused', code: 'out-of-stock', reward: '保温杯' })).toContain('保温杯');
  });
});
