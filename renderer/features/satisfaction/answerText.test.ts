// A survey answer in words, and a survey follow-up's reason on Today, through the real locale files.
import i18next, { type TFunction } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyFollowUpReminders } from '../../../shared/domain/reminderSources/surveyFollowUp';
import en from '../../i18n/locales/en.json';
import zhCN from '../../i18n/locales/zh-CN.json';
import zhTW from '../../i18n/locales/zh-TW.json';
import { reasonText, type CareWords } from '../care/careText';
import { answerText } from './answerText';

const ORIGINAL_TZ = process.env.TZ;
process.env.TZ = 'Asia/Shanghai';
afterAll(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

const t = {} as Record<'en' | 'zh-CN' | 'zh-TW', TFunction>;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN }, 'zh-TW': { translation: zhTW } }, lng: 'en', fallbackLng: false, interpolation: { escapeValue: false } });
  for (const lng of ['en', 'zh-CN', 'zh-TW'] as const) t[lng] = i18n.getFixedT(lng);
});

describe('answerText', () => {
  it('says the scores given, what could be better and why; a skipped question is left out', () => {
    const a = { csat: 2, nps: 4, choices: ['waiting' as const, 'price' as const], why: ' 等了很久 ' };
    expect(answerText(t.en, a)).toBe('CSAT 2/5 · NPS 4/10 · could be better: Waiting, Price · “等了很久”');
    expect(answerText(t['zh-CN'], a)).toBe('满意度 2/5；推荐意愿 4/10；可改进：等待时间、价格；“等了很久”');
    expect(answerText(t['zh-TW'], { ...a, csat: null, choices: [] })).toBe('推薦意願 4/10；「等了很久」');
    expect(answerText(t.en, { csat: null, nps: null, choices: [], why: '' })).toBe('no scores given');
  });

  it("words a survey follow-up's reason with its due time in the store's local time", () => {
    const [r] = surveyFollowUpReminders(
      [{ id: 'a', customerId: 'c', answeredAt: '2026-12-05T02:00:00.000Z', csat: null, nps: 3, choices: [], why: '', followUpDueAt: '2026-12-07T02:00:00.000Z', followUpDoneAt: null, complaintId: null }],
      '2026-12-05',
    );
    const words = (lng: 'en' | 'zh-CN'): CareWords => ({ t: t[lng], locale: lng, day: (d) => d.slice(5), count: String });
    expect(reasonText(words('en'), r!, '2026-12-05')).toBe('Unhappy survey answer: NPS 3/10. Contact them by 12-07 10:00');
    expect(reasonText(words('zh-CN'), r!, '2026-12-05')).toBe('调查中表示不满意：推荐意愿 3/10。请在 12-07 10:00 前联系客户');
  });
});
