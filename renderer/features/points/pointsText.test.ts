// Points in words, in each of the app's languages, through the real locale files: every code has words, and an earning reads as the example.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { POINTS_ENTRY_KINDS, POINTS_ENTRY_PROBLEMS, pointsEntry, type PointsEntry, type PointsRuleCode } from '../../../shared/domain/pointsLedger';
import {
  BIRTHDAY_WINDOWS,
  DEFAULT_POINTS_RULES,
  MULTIPLIER_COMBINATIONS,
  POINTS_ROUNDINGS,
  POINTS_RULES_ERRORS,
  pointsForPurchase,
  previewPointsRules,
  REFERRAL_AWARDS,
  type MemberDays,
  type PointsRules,
  type PreviewOccasion,
} from '../../../shared/domain/pointsRules';
import { REFERRAL_REFUSALS } from '../../../shared/domain/referral';
import { REDEEM_REFUSALS, REWARD_ERRORS, REWARD_KINDS, type PointsPaymentLimit, type Reward } from '../../../shared/domain/rewards';
import { DEFAULT_TIER_SCHEME } from '../../../shared/domain/tiers';
import { I18N_OPTIONS, countFormatter } from '../../i18n';
import {
  birthdayWindowName,
  combineName,
  earningBreakdown,
  earningFormula,
  earningSentence,
  entryCauseText,
  entryKindName,
  entryProblemText,
  expiryPolicyText,
  memberDaysText,
  occasionName,
  paymentLimitText,
  pointsWording,
  redeemRateText,
  redeemRefusalText,
  referralAwardName,
  referralRefusalText,
  rewardDatesText,
  rewardErrorText,
  rewardKindName,
  rewardTiersText,
  rewardValueText,
  roundingName,
  ruleCodeText,
  rulesErrorText,
  signedPoints,
  type PointsLocale,
  type PointsWording,
} from './pointsText';

const LOCALES: readonly PointsLocale[] = ['en', 'zh-CN', 'zh-TW'];
const words = {} as Record<PointsLocale, PointsWording>;

beforeAll(async () => {
  for (const lng of LOCALES) {
    const i18n = i18next.createInstance();
    await i18n.use(countFormatter).init({ ...I18N_OPTIONS, lng });
    words[lng] = pointsWording(i18n.t.bind(i18n) as TFunction, lng, 'CNY');
  }
});

/** Worded: not empty, and no key shown raw (i18next gives back the key it has no words for). */
function expectWorded(text: string, what: string) {
  expect(text.trim(), what).not.toBe('');
  expect(text, what).not.toMatch(/(points|status)\.[a-zA-Z]/);
  expect(text, what).not.toMatch(/\{\{|\}\}/);
}

const NOW = new Date(2026, 5, 15, 10, 0); // a Monday
const MEMBER_DAY_RULES: PointsRules = { ...DEFAULT_POINTS_RULES, memberDay: { days: { kind: 'month-days', days: [8, 18, 28] }, multiplier: 3 }, welcomeBonus: 100 };
const entry = (draft: Partial<PointsEntry> & Pick<PointsEntry, 'kind' | 'points'>): PointsEntry =>
  pointsEntry({ customerId: 'c1', createdAt: '2026-06-15T02:00:00.000Z', ...draft }, () => `e-${draft.kind}`);

describe('every code in words', () => {
  it.each(LOCALES)('words every domain code, kind and choice in %s', (lng) => {
    const w = words[lng];
    const { t } = w;
    for (const c of POINTS_RULES_ERRORS) expectWorded(rulesErrorText(t, c), `rules error ${c}`);
    for (const c of REWARD_ERRORS) expectWorded(rewardErrorText(t, c), `reward error ${c}`);
    for (const c of REDEEM_REFUSALS) expectWorded(redeemRefusalText(t, c), `redeem refusal ${c}`);
    for (const c of REFERRAL_REFUSALS) expectWorded(referralRefusalText(t, c), `referral refusal ${c}`);
    for (const c of POINTS_ENTRY_PROBLEMS) expectWorded(entryProblemText(t, c), `entry problem ${c}`);
    for (const k of POINTS_ENTRY_KINDS) expectWorded(entryKindName(t, k), `entry kind ${k}`);
    for (const k of REWARD_KINDS) expectWorded(rewardKindName(t, k), `reward kind ${k}`);
    for (const r of POINTS_ROUNDINGS) expectWorded(roundingName(t, r), `rounding ${r}`);
    for (const c of MULTIPLIER_COMBINATIONS) expectWorded(combineName(t, c), `combine ${c}`);
    for (const b of BIRTHDAY_WINDOWS) expectWorded(birthdayWindowName(t, b), `birthday window ${b}`);
    for (const a of REFERRAL_AWARDS) expectWorded(referralAwardName(t, a), `referral award ${a}`);
    for (const o of ['ordinary-day', 'member-day', 'birthday', 'first-purchase'] as PreviewOccasion[]) expectWorded(occasionName(t, o), `occasion ${o}`);
    const rules: PointsRuleCode[] = ['purchase', 'welcome', 'birthday-gift:2026-06-15', 'referrer', 'referred', 'reversal-write-off', 'rollover'];
    for (const r of rules) expectWorded(ruleCodeText(t, r), `rule ${r}`);
    expect(ruleCodeText(t, 'birthday-gift:2026-06-15')).toContain('2026-06-15');
    for (const limitedBy of ['none', 'balance', 'cap'] as PointsPaymentLimit[]) expectWorded(paymentLimitText(w, { limitedBy, maxPoints: 13_400, maxFen: 13_400 }), `limit ${limitedBy}`);
    for (const policy of [{ kind: 'never' }, { kind: 'months', months: 12 }, { kind: 'months', months: 1 }, { kind: 'end-of-next-year' }] as const) expectWorded(expiryPolicyText(t, policy), policy.kind);
    for (const days of [{ kind: 'none' }, { kind: 'weekdays', days: [2, 6] }, { kind: 'month-days', days: [8, 18, 28] }] as MemberDays[]) expectWorded(memberDaysText(w, days), days.kind);
    expectWorded(redeemRateText(w, DEFAULT_POINTS_RULES.redeem), 'redeem rate');
  });

  it.each(LOCALES)('words what caused each kind of entry in %s', (lng) => {
    const w = words[lng];
    const names = {
      rewards: new Map([['r1', 'Tote bag']]),
      customers: new Map([['c2', 'Wang Fang']]),
      purchases: new Map([['p1', { purchasedAt: '2026-06-14T04:00:00.000Z', totalFen: 26_800 }]]),
    };
    const batch = entry({ kind: 'earn', points: 268, purchaseId: 'p1', rule: 'purchase' });
    const all = [
      batch,
      entry({ kind: 'earn', points: 10, purchaseId: 'unknown', rule: 'purchase' }),
      entry({ kind: 'bonus', points: 100, rule: 'welcome', purchaseId: 'p1' }),
      entry({ kind: 'bonus', points: 50, rule: 'birthday-gift:2026-06-15' }),
      entry({ kind: 'redeem', points: -500, rewardId: 'r1' }),
      entry({ kind: 'redeem', points: -500, rewardId: 'gone' }),
      entry({ kind: 'redeem', points: -100, purchaseId: 'p1' }),
      entry({ kind: 'expire', points: -268, batchId: batch.id, rule: 'rollover' }),
      entry({ kind: 'expire', points: -5, batchId: 'unknown', rule: 'rollover' }),
      entry({ kind: 'adjust', points: 20, note: 'Lost receipt' }),
      entry({ kind: 'adjust', points: 30, purchaseId: 'p1', rule: 'reversal-write-off' }),
      entry({ kind: 'reverse', points: -268, purchaseId: 'p1', reverses: 'earned' }),
      entry({ kind: 'reverse', points: 100, purchaseId: 'p1', reverses: 'spent' }),
      entry({ kind: 'referral', points: 100, referralCustomerId: 'c2', rule: 'referrer' }),
      entry({ kind: 'referral', points: 100, referralCustomerId: 'c2', rule: 'referred' }),
      entry({ kind: 'referral', points: 100, referralCustomerId: 'erased', rule: 'referred' }),
      entry({ kind: 'opening', points: 900 }),
      entry({ kind: 'opening', points: 900, note: 'Old card 0042' }),
    ];
    for (const e of all) expectWorded(entryCauseText(w, e, names, (id) => (id === batch.id ? batch : undefined)), `${e.kind} ${e.rule ?? ''}`);
    expect(entryCauseText(w, all[9]!, names)).toContain('Lost receipt');
    expect(entryCauseText(w, all[4]!, names)).toContain('Tote bag');
    expect(entryCauseText(w, all[13]!, names)).toContain('Wang Fang');
  });

  it.each(LOCALES)('words rewards in %s', (lng) => {
    const w = words[lng];
    const base: Reward = { id: 'r', name: 'x', kind: 'gift', pointsCost: 500, stock: 4, voucherFen: null, percentOff: null, validFrom: null, validTo: null, tiersAllowed: [], active: true };
    for (const r of [base, { ...base, stock: null }, { ...base, kind: 'voucher', voucherFen: 2_000 }, { ...base, kind: 'percent-off', percentOff: 10 }, { ...base, kind: 'free-service' }] as Reward[]) {
      expectWorded(rewardValueText(w, r), r.kind);
    }
    for (const [validFrom, validTo] of [[null, null], ['2026-06-01', null], [null, '2026-12-31'], ['2026-06-01', '2026-12-31']] as const) {
      expectWorded(rewardDatesText(w.t, { validFrom, validTo }), `${validFrom}-${validTo}`);
    }
    expectWorded(rewardTiersText(w, { tiersAllowed: [] }, DEFAULT_TIER_SCHEME.tiers), 'all tiers');
    expectWorded(rewardTiersText(w, { tiersAllowed: ['vip', 'regular'] }, DEFAULT_TIER_SCHEME.tiers), 'two tiers');
  });
});

describe('what a purchase earns, in words', () => {
  const vipOnMemberDay = () => {
    const row = previewPointsRules(MEMBER_DAY_RULES, DEFAULT_TIER_SCHEME, NOW).find((r) => r.tierId === 'vip' && r.occasion === 'member-day')!;
    return row;
  };

  it("reads as the issue's example: a ¥268 purchase by a VIP on member day earns 804 points", () => {
    const row = vipOnMemberDay();
    expect(row.earning.total).toBe(804);
    expect(earningSentence(words.en, { amountFen: row.amountFen, tier: 'VIP', occasion: row.occasion }, row.earning)).toBe('A CN¥268 purchase by a VIP customer on member day earns 804 points');
    expect(earningSentence(words['zh-CN'], { amountFen: row.amountFen, tier: '贵宾', occasion: row.occasion }, row.earning)).toBe('贵宾客户在会员日消费 ¥268，得 804 积分');
    expect(earningSentence(words['zh-TW'], { amountFen: row.amountFen, tier: '貴賓', occasion: row.occasion }, row.earning)).toBe('貴賓客戶在會員日消費 CN¥268，得 804 積分');
    expect(earningSentence(words.en, { amountFen: 100, tier: null, occasion: 'ordinary-day' }, { total: 1 })).toBe('A CN¥1 purchase on an ordinary day earns 1 point');
    expect(earningFormula(words.en, row.earning)).toBe('268 ×3 = 804');
  });

  it('steps through base, each multiplier, how they combine, the bonuses and the expiry', () => {
    const rules: PointsRules = { ...MEMBER_DAY_RULES, excludedCategories: ['Gift cards'], expiry: [{ kind: 'months', months: 12, from: '1970-01-01T00:00:00.000Z' }] };
    const earning = pointsForPurchase(
      rules,
      {
        purchasedAt: new Date(2026, 5, 18, 12).toISOString(),
        lines: [
          { product: 'Tea', category: 'Drinks', quantity: 1, unitPriceFen: 26_800 },
          { product: 'Card', category: 'Gift cards', quantity: 1, unitPriceFen: 10_000 },
        ],
        totalFen: 36_800,
        paidWithPointsFen: 0,
      },
      { tierId: 'vip', tierMultiplier: 2, birthday: null, isFirstPurchase: true },
      NOW,
    );
    const lines = earningBreakdown(words.en, earning, rules, 'VIP');
    expect(lines.map((l) => l.step)).toEqual(['amount', 'excluded', 'base', 'multiplier', 'multiplier', 'combined', 'earned', 'bonus', 'total', 'expiry']);
    expect(lines.map((l) => l.text)).toEqual([
      'Paid: CN¥368',
      'CN¥100 of it on items that earn no points, so CN¥268 earns',
      'CN¥268 at 1 point per CN¥1 (rounded down): 268 points',
      'VIP tier ×2',
      'Member day ×3',
      'Several apply: the highest counts, ×3',
      '268 ×3 = 804 points',
      'Welcome bonus on the first purchase: +100 points',
      'In all: 904 points',
      'These points are valid through 2027-06-15.',
    ]);
    expect(earningFormula(words.en, earning)).toBe('268 ×3 = 804 + 100 = 904');
    for (const lng of LOCALES) for (const line of earningBreakdown(words[lng], earning, rules, 'VIP')) expectWorded(line.text, `${lng} ${line.step}`);
  });

  it('marks a multiplier that does not apply, and says when none does', () => {
    const earning = pointsForPurchase(MEMBER_DAY_RULES, { purchasedAt: NOW.toISOString(), lines: [], totalFen: 26_800, paidWithPointsFen: 0 }, { tierId: null, tierMultiplier: 1, birthday: null, isFirstPurchase: false }, NOW);
    const lines = earningBreakdown(words['zh-CN'], { ...earning, multipliers: earning.multipliers.filter((m) => m.source !== 'tier') }, MEMBER_DAY_RULES, null);
    expect(lines.find((l) => l.step === 'multiplier')).toEqual({ step: 'multiplier', text: '会员日 ×3（本次不适用）', off: true });
    expect(lines.find((l) => l.step === 'combined')?.text).toBe('没有适用的倍数');
    expect(lines.find((l) => l.step === 'expiry')?.text).toBe('这些积分永不过期。');
  });

  it('writes signed points with a real minus sign', () => {
    expect(signedPoints('en', 1_200)).toBe('+1,200');
    expect(signedPoints('zh-CN', -30)).toBe('−30');
  });
});
