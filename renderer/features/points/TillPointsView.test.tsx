// Points at the till drawn on the server in each language: the balance, what the purchase earns, paying with points (and what limited it), rewards and why some cannot be redeemed.
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { APP_LOCALES } from '../../../shared/ipc/contract';
import type { PointsSummary } from '../../../shared/domain/pointsLedger';
import { DEFAULT_POINTS_RULES, pointsForPurchase, type PointsRules } from '../../../shared/domain/pointsRules';
import type { Reward } from '../../../shared/domain/rewards';
import { countFormatter, I18N_OPTIONS } from '../../i18n';
import { expectLabelledControls, expectNoRawKeys } from '../../../test/support/drawnMarkup';
import { parseRequestedPoints, tillPoints, tillPointsProblem, TillPointsView, type TillPointsViewProps } from './TillPointsView';

const NOW = new Date(2026, 5, 18, 12, 0); // the 18th: a member day
const RULES: PointsRules = { ...DEFAULT_POINTS_RULES, memberDay: { days: { kind: 'month-days', days: [8, 18, 28] }, multiplier: 3 } };
const SUMMARY: PointsSummary = { balance: 3_000, available: 3_000, dueToExpire: 0, expiringSoon: { points: 200, earliestAt: new Date(2026, 6, 1).toISOString() } };
const base: Reward = { id: 'r-gift', name: 'Tote bag', kind: 'gift', pointsCost: 500, stock: 4, voucherFen: null, percentOff: null, validFrom: null, validTo: null, tiersAllowed: [], active: true };
const REWARDS: Reward[] = [
  base,
  { ...base, id: 'r-voucher', name: '¥20 voucher', kind: 'voucher', stock: null, voucherFen: 2_000, pointsCost: 2_000 },
  { ...base, id: 'r-big', name: 'Kettle', pointsCost: 9_000 },
  { ...base, id: 'r-vip', name: 'VIP 10%', kind: 'percent-off', stock: null, percentOff: 10, tiersAllowed: ['vip'] },
  { ...base, id: 'r-empty', name: 'Mug', stock: 0 },
  { ...base, id: 'r-later', name: 'Autumn gift', validFrom: '2026-09-01' },
  { ...base, id: 'r-past', name: 'Spring gift', validTo: '2026-05-31' },
  { ...base, id: 'r-old', name: 'Withdrawn', active: false },
];
const earning = pointsForPurchase(RULES, { purchasedAt: NOW.toISOString(), lines: [], totalFen: 26_800, paidWithPointsFen: 0 }, { tierId: 'regular', tierMultiplier: 1.5, birthday: null, isFirstPurchase: false }, NOW);

const PROPS: TillPointsViewProps = {
  summary: SUMMARY,
  earning,
  tierName: 'Regular',
  rules: RULES,
  amountFen: 26_800,
  currency: 'CNY',
  customer: { tierId: 'regular', isDeleted: 0 },
  rewards: REWARDS,
  now: NOW,
  rewardId: null,
  onRewardChange: () => undefined,
  requestedPoints: 0,
  onRequestedPointsChange: () => undefined,
};

async function draw(lng: string, props: Partial<TillPointsViewProps> = {}) {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).use(countFormatter).init({ ...I18N_OPTIONS, lng });
  return renderToStaticMarkup(
    <I18nextProvider i18n={instance}>
      <TillPointsView {...PROPS} {...props} />
    </I18nextProvider>,
  );
}

describe('points at the till as drawn', () => {
  it.each(APP_LOCALES)('words every state in %s, with every control named and no raw key', async (lng) => {
    for (const props of [{}, { earning: null, rewards: [] }, { requestedPoints: 99_999 }, { requestedPoints: 2_000, rewardId: 'r-voucher' }, { customer: { tierId: null, isDeleted: 1 as const } }]) {
      const html = await draw(lng, props);
      expectNoRawKeys(html, ['points', 'roles', 'common', 'status']);
      expectLabelledControls(html);
    }
  });

  it('shows the balance and what this purchase earns, step by step', async () => {
    const html = await draw('en');
    expect(html).toMatch(/data-testid="till-points-balance">Balance: 3,000 points/);
    expect(html).toContain('This purchase earns 804 points');
    expect(html).toContain('Regular tier ×1.5');
    expect(html).toContain('Several apply: the highest counts, ×3');
  });

  it('pays part with points at the owner’s rate, under the cap, and says what limited it', async () => {
    const rich = { ...SUMMARY, balance: 50_000, available: 50_000 };
    expect(await draw('en', { summary: rich, requestedPoints: 13_400 })).toContain('13,400 points pay CN¥134.');
    // More than the purchase can take is not paid silently less: said, the field marked, the save refused (the dialog's).
    const capped = await draw('en', { summary: rich, requestedPoints: 20_000 });
    expect(capped).toMatch(/class="points-problem" data-testid="till-points-payment">More points than this purchase can take\.<span[^>]*data-testid="till-points-limit">Limited by the cap per purchase: at most 13,400 points \(CN¥134\)/);
    expect(capped).toMatch(/aria-invalid="true"[^>]*data-testid="till-points-pay"/);
    expect(capped).not.toContain('till-points-left');
    const balance = await draw('zh-CN', { requestedPoints: 5_000, amountFen: 1_000_000 });
    expect(balance).toMatch(/data-testid="till-points-payment">所填积分超出本次消费可抵扣的数量。<span[^>]*data-testid="till-points-limit">受余额限制：最多 3,000 积分（¥30）/);
    expect(await draw('zh-TW', { requestedPoints: 500 })).toContain('500 積分抵扣 CN¥5。');
  });

  it('offers the rewards the customer can redeem, and says why not for the others', async () => {
    const html = await draw('en');
    const refusal = (id: string) => new RegExp(`data-testid="till-reward-refusal-${id}">([^<]+)<`).exec(html)?.[1];
    expect(refusal('r-gift')).toBeUndefined();
    expect(refusal('r-big')).toBe('Not enough points.');
    expect(refusal('r-vip')).toBe('This reward is not for this customer&#x27;s tier.');
    expect(refusal('r-empty')).toBe('Out of stock.');
    expect(refusal('r-later')).toBe('This reward is not available yet.');
    expect(refusal('r-past')).toBe('This reward is no longer available.');
    expect(html).not.toContain('Withdrawn');
    expect(html).toMatch(/<input type="radio" disabled=""[^>]*data-testid="till-reward-r-big"/);
    expect(html).not.toMatch(/disabled=""[^>]*data-testid="till-reward-r-gift"/);
  });

  it('takes a voucher off first, then pays with what the reward leaves of the balance', async () => {
    const settled = tillPoints({ ...PROPS, rewardId: 'r-voucher', requestedPoints: 5_000 });
    expect(settled.rewardFen).toBe(2_000);
    expect(settled.payment).toMatchObject({ points: 1_000, fen: 1_000, limitedBy: 'balance' });
    expect(settled.left).toBe(0);
    const html = await draw('en', { rewardId: 'r-voucher', requestedPoints: 1_000 });
    expect(html).toContain('¥20 voucher takes CN¥20 off this purchase.');
    expect(html).toMatch(/data-testid="till-points-left">3,000 used, 0 points left\./);
  });

  it('reads the points typed as a whole number or refuses them: letters, negative, decimals, more than allowed', async () => {
    expect(['', '  ', '500', ' 500 ', '５００', '0']).toEqual(['', '  ', '500', ' 500 ', '５００', '0'].filter((x) => parseRequestedPoints(x) !== null));
    expect(['', '500', '５００'].map(parseRequestedPoints)).toEqual([0, 500, 500]);
    for (const bad of ['abc', '12x', '-5', '1.5', '1,000', '1e3', '+3', '五百']) expect(parseRequestedPoints(bad), bad).toBeNull();
    expect(parseRequestedPoints('99999999999999999999')).toBe(Number.MAX_SAFE_INTEGER);
    const payment = tillPoints({ ...PROPS, requestedPoints: 0 }).payment;
    expect(payment.maxPoints).toBe(3_000);
    expect([null, 0, 3_000, 3_001, Number.MAX_SAFE_INTEGER].map((n) => tillPointsProblem(n, payment))).toEqual(['not-whole', null, null, 'too-many', 'too-many']);
    for (const lng of ['en', 'zh-CN', 'zh-TW']) {
      const html = await draw(lng, { requestedPoints: null });
      expect(html, lng).toMatch(/aria-invalid="true"[^>]*data-testid="till-points-pay"/);
      expect(html, lng).toMatch(/class="points-problem" data-testid="till-points-payment">[^<]+</);
    }
  });

  it('says what the chosen reward does, and how it combines with paying with points', async () => {
    const gift = await draw('en', { rewardId: 'r-gift' });
    expect(gift).toContain('Hand over Tote bag: 3 left after this one.');
    expect(gift).toContain('A reward comes off first; points then pay at most 50% of what is left, from the points the reward leaves.');
    const service = await draw('zh-CN', { rewards: [...REWARDS, { ...base, id: 'r-wash', name: '免费清洗', kind: 'free-service', stock: null }], rewardId: 'r-wash' });
    expect(service).toContain('“免费清洗”已记在本次消费上，请提供该服务。');
    expect(await draw('zh-TW', { rewardId: 'r-voucher' })).toContain('獎品「¥20 voucher」抵扣本次消費 CN¥20。');
  });
});
