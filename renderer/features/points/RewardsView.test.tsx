// The rewards screen and its form drawn on the server in each language: every kind and standing worded, every control named, validateReward's words at their fields.
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { APP_LOCALES } from '../../../shared/ipc/contract';
import { REWARD_ERRORS, REWARD_KINDS, type Reward, type RewardError } from '../../../shared/domain/rewards';
import { DEFAULT_TIER_SCHEME } from '../../../shared/domain/tiers';
import { countFormatter, I18N_OPTIONS } from '../../i18n';
import { expectLabelledControls, expectNoRawKeys } from '../../../test/support/drawnMarkup';
import { RewardForm, RewardsView, rewardStanding } from './RewardsView';

const NOW = new Date(2026, 5, 15, 10, 0);
const base: Reward = { id: 'r-gift', name: 'Tote bag', kind: 'gift', pointsCost: 500, stock: 4, voucherFen: null, percentOff: null, validFrom: null, validTo: null, tiersAllowed: [], active: true };
const REWARDS: Reward[] = [
  base,
  { ...base, id: 'r-empty', name: 'Mug', stock: 0 },
  { ...base, id: 'r-voucher', name: '¥20 off', kind: 'voucher', stock: null, voucherFen: 2_000, pointsCost: 2_000, validFrom: '2026-06-01', validTo: '2026-12-31' },
  { ...base, id: 'r-percent', name: 'VIP 10%', kind: 'percent-off', stock: null, percentOff: 10, pointsCost: 3_000, tiersAllowed: ['vip'], validFrom: '2026-07-01' },
  { ...base, id: 'r-service', name: 'Free wash', kind: 'free-service', stock: null, pointsCost: 800, validTo: '2026-05-31' },
  { ...base, id: 'r-old', name: 'Old gift', active: false },
];

async function draw(lng: string, node: ReactNode) {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).use(countFormatter).init({ ...I18N_OPTIONS, lng });
  return renderToStaticMarkup(<I18nextProvider i18n={instance}>{node}</I18nextProvider>);
}

const view = (locked: boolean, rewards = REWARDS) => (
  <RewardsView rewards={rewards} scheme={DEFAULT_TIER_SCHEME} now={NOW} currency="CNY" locked={locked} onUnlock={() => undefined} onSave={() => null} newId={() => 'r-new'} />
);
const form = (reward: Reward, initialErrors: RewardError[] = []) => (
  <RewardForm reward={reward} isNew={false} scheme={DEFAULT_TIER_SCHEME} currency="CNY" onSave={() => null} onCancel={() => undefined} initialErrors={initialErrors} />
);

describe('the rewards screen as drawn', () => {
  it.each(APP_LOCALES)('words the catalogue, each form and every refusal in %s, with every control named', async (lng) => {
    for (const node of [view(false), view(true), view(false, [])]) expectNoRawKeys(await draw(lng, node), ['points', 'roles', 'common', 'status']);
    for (const kind of REWARD_KINDS) {
      const html = await draw(lng, form({ ...base, kind }, [...REWARD_ERRORS]));
      expectNoRawKeys(html, ['points', 'roles', 'common', 'status']);
      expectLabelledControls(html);
    }
  });

  it('lists each reward with its value, cost, dates, tiers and where it stands today', async () => {
    const html = await draw('en', view(false));
    expect(html).toMatch(/data-reward="r-voucher".*?CN¥20 off.*?2,000 points.*?2026-06-01 to 2026-12-31.*?Every tier.*?Available/);
    expect(html).toMatch(/data-reward="r-percent".*?10% off.*?From 2026-07-01.*?VIP.*?Not yet/);
    expect(html).toMatch(/data-reward="r-empty".*?0 left.*?Out of stock/);
    expect(html).toMatch(/data-reward="r-service".*?Ended/);
    expect(html).toMatch(/data-reward="r-old".*?Withdrawn/);
    expect([...html.matchAll(/data-reward="([^"]+)"/g)].map((m) => m[1]).at(-1)).toBe('r-old');
    expect(REWARDS.map((r) => rewardStanding(r, NOW))).toEqual(['active', 'out-of-stock', 'active', 'not-yet', 'ended', 'withdrawn']);
  });

  it('while locked, offers the owner unlock and no editing', async () => {
    const html = await draw('zh-CN', view(true));
    expect(html).toContain('data-testid="rewards-unlock"');
    expect(html).not.toContain('data-testid="rewards-add"');
    expect(html).not.toContain('reward-edit-');
  });

  it("shows validateReward's words at their fields, in the form's kind", async () => {
    const html = await draw('zh-TW', form({ ...base, kind: 'voucher', voucherFen: 0 }, ['reward-name-empty', 'voucher-amount-invalid', 'valid-dates-order']));
    expect(html).toContain('請填寫獎品名稱。');
    expect(html).toContain('代金券金額須大於零。');
    expect(html).toContain('截止日期早於開始日期。');
    expect(html).toContain('data-testid="reward-voucher"');
    expect(html).not.toContain('data-testid="reward-stock"');
  });
});
