// The status in words, in each of the app's languages, through the real locale files.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHURN_LEVELS, type ChurnReason } from '../../../shared/domain/churn';
import type { ChurnModelReason } from '../../../shared/domain/churnModel/levels';
import { DEFAULT_STATUS_SETTINGS, type StatusSettings } from '../../../shared/domain/customerStatus';
import { LIFECYCLE_STAGES } from '../../../shared/domain/lifecycle';
import { rfmTierId } from '../../../shared/domain/statusGroups';
import { TIER_REASON_CODES, type TierDecision } from '../../../shared/domain/tiers';
import en from '../../i18n/locales/en.json';
import zhCN from '../../i18n/locales/zh-CN.json';
import zhTW from '../../i18n/locales/zh-TW.json';
import {
  benefitsTexts,
  churnLevelName,
  churnReasonText,
  expectedVisitsText,
  isModelChurnReason,
  groupName,
  pendingTierText,
  rfmDigits,
  rfmScoreText,
  stageHint,
  stageName,
  statusMoney,
  tierMoveNames,
  tierReasonText,
  tierTone,
  type StatusLocale,
  type StatusWording,
} from './statusText';

const LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
const translators = {} as Record<StatusLocale, TFunction>;

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

const wording = (locale: StatusLocale, status: StatusSettings = DEFAULT_STATUS_SETTINGS): StatusWording => ({
  t: translators[locale],
  locale,
  money: statusMoney('CNY', locale),
  status,
});

const churn = (code: ChurnReason['code'], params: Partial<ChurnReason['params']>): ChurnReason => ({
  code,
  params: { usualGapDays: null, daysSinceLast: null, basis: null, ...params },
});

const tierReason = (code: TierDecision['reason']['code'], params: Record<string, number | string>): TierDecision['reason'] => ({ code, params });

// As decideTierChange writes them: the thresholds of the tier the reason is about, the customer's figures.
const VIP_MET = { from: 'regular', to: 'vip', asOf: '2026-03-01', windowMonths: 12, minSpendFen: 500_000, minPurchases: 6, maxDays: -1, spendFen: 520_000, purchaseCount: 6, daysSinceLast: 3 };

describe('churn reason in words', () => {
  it('words the brief example in every language', () => {
    const reason = churn('overdue-and-spend-down', { usualGapDays: 21, daysSinceLast: 64, basis: 'own', spendChangePercent: -40 });
    expect(churnReasonText(wording('en'), reason)).toBe('Usually every 21 days; 64 days since the last visit; spend down 40% on the half-year before');
    expect(churnReasonText(wording('zh-CN'), reason)).toBe('通常每 21 天来一次；距上次到店已 64 天；近半年消费比前半年下降 40%');
    expect(churnReasonText(wording('zh-TW'), reason)).toBe('通常每 21 天來一次；距上次到店已 64 天；近半年消費比前半年下降 40%');
  });

  it("says when the gap is the store's, and keeps a half day", () => {
    const reason = churn('overdue', { usualGapDays: 27.5, daysSinceLast: 90, basis: 'store' });
    expect(churnReasonText(wording('en'), reason)).toBe("The store's usual gap, 27.5 days (too few visits of their own); 90 days since the last visit");
    expect(churnReasonText(wording('zh-CN'), reason)).toBe('自身到店次数太少，按本店常见间隔 27.5 天计；距上次到店已 90 天');
    expect(churnReasonText(wording('zh-TW'), reason)).toBe('自身到店次數太少，按本店常見間隔 27.5 天計；距上次到店已 90 天');
  });

  it('follows the trend window of the rules: a year, and a number of months', () => {
    const reason = churn('spend-down', { usualGapDays: 30, daysSinceLast: 1, basis: 'own', spendChangePercent: -55 });
    const rules = (trendMonths: number): StatusSettings => ({ ...DEFAULT_STATUS_SETTINGS, churnRules: { ...DEFAULT_STATUS_SETTINGS.churnRules, trendMonths } });
    expect(churnReasonText(wording('en', rules(12)), reason)).toBe('Usually every 30 days; 1 day since the last visit; spend down 55% on the year before');
    expect(churnReasonText(wording('en', rules(3)), reason)).toBe('Usually every 30 days; 1 day since the last visit; spend down 55% on the 3 months before');
    expect(churnReasonText(wording('en', rules(1)), reason)).toBe('Usually every 30 days; 1 day since the last visit; spend down 55% on the month before');
    expect(churnReasonText(wording('zh-CN', rules(12)), reason)).toBe('通常每 30 天来一次；距上次到店已 1 天；近一年消费比前一年下降 55%');
    expect(churnReasonText(wording('zh-CN', rules(3)), reason)).toBe('通常每 30 天来一次；距上次到店已 1 天；近 3 个月消费环比下降 55%');
    expect(churnReasonText(wording('zh-TW', rules(3)), reason)).toBe('通常每 30 天來一次；距上次到店已 1 天；近 3 個月消費較前期下降 55%');
  });

  it('words a rising and a level spend, a visit today, and an everyday rhythm', () => {
    expect(churnReasonText(wording('en'), churn('on-rhythm', { usualGapDays: 1, daysSinceLast: 0, basis: 'own', spendChangePercent: 12 }))).toBe(
      'Usually every day; visited today; spend up 12% on the half-year before',
    );
    expect(churnReasonText(wording('zh-CN'), churn('on-rhythm', { usualGapDays: 14, daysSinceLast: 3, basis: 'own', spendChangePercent: 0 }))).toBe(
      '通常每 14 天来一次；距上次到店已 3 天；近半年消费与前半年持平',
    );
    expect(churnReasonText(wording('zh-TW'), churn('on-rhythm', { usualGapDays: 1, daysSinceLast: 0, basis: 'own', spendChangePercent: 12 }))).toBe(
      '通常每天都來；今天剛到店；近半年消費比前半年增加 12%',
    );
  });

  it('has words for a customer without purchases and one with too few visits', () => {
    expect(churnReasonText(wording('en'), churn('no-purchases', {}))).toBe('No purchases yet');
    expect(churnReasonText(wording('zh-CN'), churn('no-purchases', {}))).toBe('尚无消费');
    expect(churnReasonText(wording('en'), churn('no-basis', { daysSinceLast: 40 }))).toBe('Too few visits to know their usual gap; 40 days since the last visit');
    expect(churnReasonText(wording('zh-TW'), churn('no-basis', { daysSinceLast: 40 }))).toBe('到店次數太少，還看不出規律；距上次到店已 40 天');
  });
});

describe("the churn model's reason in words", () => {
  const model = (code: ChurnModelReason['code'], params: Partial<ChurnModelReason['params']>): ChurnModelReason => ({
    code,
    params: { usualGapDays: 21, basis: 'own', daysSinceLast: 64, stillComing: { kind: 'one-in', n: 5 }, expectedVisits: 0.4, valueAtRisk: 12_000, ...params },
  });

  it('says the usual gap, the days since and the chance they are still coming, with the spend trend when it fell', () => {
    const slipping = model('slipping', { spendChangePercent: -55 });
    expect(churnReasonText(wording('en'), slipping)).toBe(
      'Usually every 21 days; 64 days since the last visit; about a 1 in 5 chance they are still coming; spend down 55% on the half-year before',
    );
    expect(churnReasonText(wording('zh-CN'), slipping)).toBe('通常每 21 天来一次；距上次到店已 64 天；还会再来的可能约为 5 分之一；近半年消费比前半年下降 55%');
    expect(churnReasonText(wording('zh-TW'), slipping)).toBe('通常每 21 天來一次；距上次到店已 64 天；還會再來的可能約為 5 分之一；近半年消費比前半年下降 55%');
    expect(churnReasonText(wording('en'), model('still-coming', { daysSinceLast: 10, stillComing: { kind: 'percent', percent: 80 } }))).toBe(
      'Usually every 21 days; 10 days since the last visit; about 80% likely to still be coming',
    );
    expect(churnReasonText(wording('zh-CN'), model('slipping', { stillComing: { kind: 'below-one-percent' }, overCap: true }))).toBe(
      '通常每 21 天来一次；距上次到店已 64 天；还会再来的可能不到 1%；未列入高风险名单：名单已被风险金额更高的客户占满',
    );
  });

  it('says the visits to expect in the next 90 days, in each language, and nothing for today’s rule', () => {
    expect(expectedVisitsText(wording('en'), model('slipping', {}))).toBe('About 0.4 visits expected in the next 90 days');
    expect(expectedVisitsText(wording('en'), model('still-coming', { expectedVisits: 1 }))).toBe('About 1 visit expected in the next 90 days');
    expect(expectedVisitsText(wording('en'), model('too-few-visits', { expectedVisits: 2.5 }))).toBe('About 2.5 visits expected in the next 90 days');
    expect(expectedVisitsText(wording('zh-CN'), model('slipping', {}))).toBe('预计未来 90 天到店约 0.4 次');
    expect(expectedVisitsText(wording('zh-TW'), model('still-coming', { expectedVisits: 1.2 }))).toBe('預計未來 90 天到店約 1.2 次');
    expect(expectedVisitsText(wording('en'), churn('overdue', { daysSinceLast: 40 }))).toBeNull();
    expect(expectedVisitsText(wording('zh-CN'), churn('no-purchases', {}))).toBeNull();
  });

  it("measures a one-time buyer against the store's usual gap, and says when there are too few visits", () => {
    expect(churnReasonText(wording('en'), model('slipping', { basis: 'store', usualGapDays: 30 }))).toBe(
      "The store's usual gap, 30 days (too few visits of their own); 64 days since the last visit; about a 1 in 5 chance they are still coming",
    );
    expect(churnReasonText(wording('zh-TW'), model('too-few-visits', { daysSinceLast: 12 }))).toBe('到店次數太少，還看不出節奏；距上次到店已 12 天');
    expect(isModelChurnReason(model('too-few-visits', {}))).toBe(true);
    expect(isModelChurnReason(churn('on-rhythm', {}))).toBe(false);
  });
});

describe('tier reason in words', () => {
  it('words a tier met with the thresholds it needs', () => {
    expect(tierReasonText(wording('en'), tierReason('tier-upgrade', VIP_MET))).toBe('Spent CN¥5,200 in 6 purchases in the last 12 months (VIP needs CN¥5,000 and 6 purchases)');
    expect(tierReasonText(wording('zh-CN'), tierReason('tier-upgrade', VIP_MET))).toBe('近 12 个月消费 ¥5,200，共 6 次（贵宾需要消费 ¥5,000、购买 6 次）');
    // The demo store's currency is yuan; Traditional Chinese marks it CN¥ (Taiwan's own dollar would be NT$).
    expect(tierReasonText(wording('zh-TW'), tierReason('tier-upgrade', VIP_MET))).toBe('近 12 個月消費 CN¥5,200，共 6 次（貴賓需要消費 CN¥5,000、購買 6 次）');
  });

  it('adds the last visit only when the tier sets a recency limit', () => {
    const params = { ...VIP_MET, maxDays: 180, daysSinceLast: 12 };
    expect(tierReasonText(wording('en'), tierReason('tier-kept', params))).toBe(
      'Spent CN¥5,200 in 6 purchases in the last 12 months, last visit 12 days ago (VIP needs CN¥5,000, 6 purchases and a visit within 180 days)',
    );
    expect(tierReasonText(wording('zh-CN'), tierReason('tier-kept', params))).toBe(
      '近 12 个月消费 ¥5,200，共 6 次，最近一次到店在 12 天前（贵宾需要消费 ¥5,000、购买 6 次、180 天内到过店）',
    );
  });

  it('words a downgrade, applied or waiting, by the thresholds of the tier held', () => {
    const params = { from: 'regular', to: 'potential', asOf: '2026-03-01', windowMonths: 12, minSpendFen: 100_000, minPurchases: 2, maxDays: -1, spendFen: 80_050, purchaseCount: 1, daysSinceLast: 40 };
    expect(tierReasonText(wording('en'), tierReason('tier-downgrade', params))).toBe('Spent CN¥800.50 in 1 purchase in the last 12 months, short of Regular (needs CN¥1,000 and 2 purchases)');
    expect(tierReasonText(wording('zh-CN'), tierReason('tier-downgrade-pending', params))).toBe('近 12 个月消费 ¥800.50，共 1 次，未达到普通的要求（消费 ¥1,000、购买 2 次）');
    expect(tierReasonText(wording('zh-TW'), tierReason('tier-downgrade-pending', params))).toBe('近 12 個月消費 CN¥800.50，共 1 次，未達到普通的要求（消費 CN¥1,000、購買 2 次）');
  });

  it('words a correction by its cause, with the figures against the tier taken back to', () => {
    const params = { from: 'vip', to: 'regular', asOf: '2026-03-01', windowMonths: 12, minSpendFen: 100_000, minPurchases: 2, maxDays: -1, spendFen: 150_000, purchaseCount: 3, daysSinceLast: 2 };
    expect(tierReasonText(wording('en'), tierReason('tier-corrected', { ...params, cause: 'voided' }))).toBe(
      'Correction: a voided purchase no longer counts, so the upgrade it gave was taken back. Spent CN¥1,500 in 3 purchases in the last 12 months (Regular needs CN¥1,000 and 2 purchases)',
    );
    expect(tierReasonText(wording('zh-CN'), tierReason('tier-corrected', { ...params, cause: 'voided' }))).toBe(
      '更正：作废的消费不再计入，由它带来的升级已撤回。近 12 个月消费 ¥1,500，共 3 次（普通需要消费 ¥1,000、购买 2 次）',
    );
    expect(tierReasonText(wording('zh-TW'), tierReason('tier-corrected', { ...params, cause: 'edited' }))).toMatch(/^更正：消費紀錄已修改/);
    const texts = new Set(['voided', 'edited', 'import-undone', 'moved', 'deleted', 'from-a-newer-version'].map((cause) => tierReasonText(wording('en'), tierReason('tier-corrected', { ...params, cause }))));
    expect(texts.size).toBe(6);
    for (const text of texts) expect(text).toMatch(/^Correction: .*taken back\. Spent/);
  });

  it('words the starting tier, a first assignment without figures, and a removed tier', () => {
    const floor = { from: '', to: 'potential', asOf: '2026-03-01', windowMonths: 1, minSpendFen: 0, minPurchases: 0, maxDays: -1, spendFen: 0, purchaseCount: 0, daysSinceLast: -1 };
    expect(tierReasonText(wording('en'), tierReason('tier-assigned', floor))).toBe('Spent CN¥0 in 0 purchases in the last month (Potential is the starting tier)');
    expect(tierReasonText(wording('zh-CN'), tierReason('tier-assigned', floor))).toBe('近一个月消费 ¥0，共 0 次（潜在为起始等级，没有门槛）');
    const { spendFen: _s, purchaseCount: _p, daysSinceLast: _d, ...noFigures } = VIP_MET;
    expect(tierReasonText(wording('en'), tierReason('tier-assigned', noFigures))).toBe('VIP needs CN¥5,000 and 6 purchases');
    expect(tierReasonText(wording('zh-TW'), tierReason('tier-removed', { ...VIP_MET, from: 'gold' }))).toBe(
      '原等級已從規則中刪除。近 12 個月消費 CN¥5,200，共 6 次（貴賓需要消費 CN¥5,000、購買 6 次）',
    );
  });

  it('words RFM scores, and a customer not scored yet', () => {
    const scored = tierReason('rfm-scored', { from: rfmTierId('loyal'), to: rfmTierId('champions'), asOf: '2026-03-01', r: 5, f: 4, m: 5 });
    expect(tierReasonText(wording('en'), scored)).toBe('RFM scores: recency 5, frequency 4, spend 5 (5 is best)');
    expect(tierReasonText(wording('zh-CN'), scored)).toBe('RFM 评分：最近消费 5，消费频次 4，消费金额 5（满分 5）');
    const unscored = tierReason('tier-assigned', { from: '', to: rfmTierId('unscored'), asOf: '2026-03-01', r: 0, f: 0, m: 0 });
    expect(tierReasonText(wording('zh-TW'), unscored)).toBe('尚未評分：還沒有消費，或本店尚未評分');
  });

  it('has words for every reason code in every language, with no raw key left', () => {
    for (const locale of LOCALES) {
      for (const code of TIER_REASON_CODES) {
        const text = tierReasonText(wording(locale), tierReason(code, { ...VIP_MET, r: 3, f: 3, m: 3 }));
        expect(text, `${locale} ${code}`).not.toMatch(/status\.|\{\{|undefined|NaN/);
      }
    }
  });
});

describe('names', () => {
  it('names every stage and level, with a hint for each stage', () => {
    for (const locale of LOCALES) {
      const t = translators[locale];
      const names = LIFECYCLE_STAGES.map((s) => stageName(t, s));
      expect(new Set(names).size, locale).toBe(LIFECYCLE_STAGES.length);
      for (const s of LIFECYCLE_STAGES) expect(stageHint(t, s)).not.toMatch(/^status\./);
      expect(new Set(CHURN_LEVELS.map((l) => churnLevelName(t, l))).size, locale).toBe(CHURN_LEVELS.length);
    }
    expect(stageName(translators.en, 'won-back')).toBe('Won back');
    expect(stageName(translators['zh-CN'], 'at-risk')).toBe('有流失风险');
    expect(churnLevelName(translators['zh-TW'], 'high')).toBe('高風險');
  });

  it('names a group under either grouping, and says when a tier was removed', () => {
    expect(groupName(wording('en'), 'vip')).toBe('VIP');
    expect(groupName(wording('zh-TW'), rfmTierId('cant-lose'))).toBe('不能失去');
    expect(groupName(wording('zh-CN'), 'gold')).toBe('已删除的等级');
    expect(tierMoveNames(wording('en'), { from: null, to: 'regular' })).toEqual({ from: null, to: 'Regular' });
    expect(tierMoveNames(wording('zh-CN'), { from: 'regular', to: 'vip' })).toEqual({ from: '普通', to: '贵宾' });
  });

  it('says when a waiting downgrade takes effect', () => {
    expect(pendingTierText(wording('en'), 'potential', 'Jun 1, 2026')).toBe('Moves to Potential at the review on Jun 1, 2026');
    expect(pendingTierText(wording('en'), 'potential', null)).toBe('Moves to Potential at the next tier review');
    expect(pendingTierText(wording('zh-CN'), 'regular', '2026年6月1日')).toBe('将在 2026年6月1日 的等级评审时调整为普通');
  });
});

describe('badge prominence', () => {
  it('makes the best group stand out most and the last one quiet, under either grouping', () => {
    const tiers = DEFAULT_STATUS_SETTINGS;
    expect(['vip', 'regular', 'potential', 'gold'].map((id) => tierTone(tiers, id))).toEqual(['top', 'high', 'base', 'removed']);
    const rfm: StatusSettings = { ...DEFAULT_STATUS_SETTINGS, grouping: 'rfm' };
    expect(tierTone(rfm, rfmTierId('champions'))).toBe('top');
    expect(tierTone(rfm, rfmTierId('loyal'))).toBe('high');
    expect(tierTone(rfm, rfmTierId('lost'))).toBe('mid');
    expect(tierTone(rfm, rfmTierId('unscored'))).toBe('base');
    // A tier id kept in the history from before the switch to RFM: known, but not a group now.
    expect(tierTone(rfm, 'vip')).toBe('other');
  });
});

describe('benefits, RFM digits and money', () => {
  it('words benefits, including a decimal discount and no discount', () => {
    expect(benefitsTexts(wording('en'), { discountPercent: 12.5, pointsMultiplier: 1.5, contactCadenceDays: 30 })).toEqual(['12.5% off', '1.5× points', 'contact every 30 days']);
    expect(benefitsTexts(wording('zh-CN'), { discountPercent: 0, pointsMultiplier: 1, contactCadenceDays: 1 })).toEqual(['无折扣', '1 倍积分', '每天联系一次']);
    expect(benefitsTexts(wording('zh-TW'), { discountPercent: 10, pointsMultiplier: 2, contactCadenceDays: 90 })).toEqual(['優惠 10%', '2 倍積分', '每 90 天聯繫一次']);
  });

  it('reads an RFM score only when it is three digits 1–5', () => {
    expect(rfmDigits('545')).toEqual({ r: 5, f: 4, m: 5 });
    for (const bad of [null, undefined, '', '54', '605', '5455', 'abc']) expect(rfmDigits(bad)).toBeNull();
    expect(rfmScoreText(translators.en, { r: 5, f: 4, m: 5 })).toBe('Recency 5, frequency 4, spend 5: each scored 1–5 against the other customers; 5 is best');
  });

  it('drops the decimals of whole amounts only', () => {
    expect(statusMoney('CNY', 'zh-CN')(500_000)).toBe('¥5,000');
    expect(statusMoney('CNY', 'zh-CN')(80_050)).toBe('¥800.50');
    expect(statusMoney('JPY', 'en')(5_000)).toBe('¥5,000');
    expect(statusMoney('CNY', 'zh-CN')(-120_000)).toBe('-¥1,200');
  });
});
