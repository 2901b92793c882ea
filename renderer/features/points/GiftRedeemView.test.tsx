// The gift dialog drawn on the server in each language: only gifts and free services, each with its cost, stock and why it cannot be had now.
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { APP_LOCALES } from '../../../shared/ipc/contract';
import type { Reward } from '../../../shared/domain/rewards';
import { countFormatter, I18N_OPTIONS } from '../../i18n';
import { expectLabelledControls, expectNoRawKeys } from '../../../test/support/drawnMarkup';
import { GiftRedeemForm, giftRefusalText, giftsOutsidePurchase, type GiftRedeemFormProps } from './GiftRedeemView';

const NOW = new Date(2026, 5, 15, 10, 0);
const base: Reward = { id: 'r-bag', name: 'Tote bag', kind: 'gift', pointsCost: 500, stock: 2, voucherFen: null, percentOff: null, validFrom: null, validTo: null, tiersAllowed: [], active: true };
const REWARDS: Reward[] = [
  base,
  { ...base, id: 'r-kettle', name: 'Kettle', pointsCost: 5_000, stock: 3 },
  { ...base, id: 'r-mug', name: 'Mug', pointsCost: 100, stock: 0 },
  { ...base, id: 'r-wash', name: 'Free wash', kind: 'free-service', pointsCost: 300, stock: null },
  { ...base, id: 'r-vip', name: 'VIP scarf', pointsCost: 200, stock: null, tiersAllowed: ['vip'] },
  { ...base, id: 'r-voucher', name: '¥20 voucher', kind: 'voucher', voucherFen: 2_000, stock: null },
  { ...base, id: 'r-off', name: '10% off', kind: 'percent-off', percentOff: 10, stock: null },
  { ...base, id: 'r-old', name: 'Old umbrella', active: false },
];

async function draw(lng: string, node: ReactNode) {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).use(countFormatter).init({ ...I18N_OPTIONS, lng });
  return renderToStaticMarkup(<I18nextProvider i18n={instance}>{node}</I18nextProvider>);
}

const form = (props: Partial<GiftRedeemFormProps> = {}) => (
  <GiftRedeemForm rewards={REWARDS} customer={{ tierId: null, isDeleted: 0 }} available={1_200} now={NOW} currency="CNY" onConfirm={async () => null} onCancel={() => undefined} {...props} />
);

const item = (html: string, id: string) => html.match(new RegExp(`<li[^>]*data-testid="points-gift-${id}">(.*?)</li>`))?.[1] ?? '';

describe('redeeming a gift outside a purchase, as drawn', () => {
  it.each(APP_LOCALES)('words the dialog in %s, with no raw key and every control labelled', async (lng) => {
    for (const node of [form(), form({ rewards: [] }), form({ customer: { tierId: null, isDeleted: 1 } })]) expectNoRawKeys(await draw(lng, node), ['points', 'common']);
    expectLabelledControls(await draw(lng, form()));
  });

  it('offers gifts and free services only, says vouchers and percentages off are for the till, and words why one cannot be had', async () => {
    const html = await draw('en', form());
    expect(html).toContain('vouchers and percentages off are used at the till');
    expect(html).toContain('Can be spent now: 1,200 points.');
    expect([...html.matchAll(/data-testid="points-gift-(r-[a-z]+)"/g)].map((m) => m[1])).toEqual(['r-bag', 'r-kettle', 'r-mug', 'r-wash', 'r-vip']);
    expect(item(html, 'r-bag')).toContain('Tote bag</strong> · Gift · 2 left · 500 points');
    expect(item(html, 'r-bag')).not.toContain('disabled');
    expect(item(html, 'r-wash')).toContain('Free wash</strong> · Free service');
    expect(item(html, 'r-kettle')).toMatch(/disabled.*Not enough points\./);
    expect(item(html, 'r-mug')).toMatch(/disabled.*Out of stock\./);
    expect(item(html, 'r-vip')).toMatch(/disabled.*not for this customer&#x27;s tier/);
    // Nothing chosen yet: nothing to confirm.
    expect(html).toMatch(/<button type="submit"[^>]*disabled=""[^>]*data-testid="points-gift-confirm"/);
  });

  it('in Chinese, and says so when the catalogue has nothing to hand over', async () => {
    const html = await draw('zh-CN', form());
    expect(html).toContain('代金券和折扣在收银时随购买使用');
    expect(item(html, 'r-kettle')).toContain('积分不足。');
    expect(await draw('zh-TW', form({ rewards: [REWARDS[5]!] }))).toContain('獎品目錄中沒有禮品或免費服務');
  });

  it('words the write’s refusals, nothing changed', async () => {
    const instance = i18next.createInstance();
    await instance.use(initReactI18next).use(countFormatter).init({ ...I18N_OPTIONS, lng: 'en' });
    expect(giftRefusalText(instance.t, 'out-of-stock')).toBe('Not redeemed: Out of stock. Nothing was changed.');
    expect(giftRefusalText(instance.t, 'reward-not-found')).toBe('Not redeemed: This reward is no longer in the catalogue. Nothing was changed.');
    await instance.changeLanguage('zh-CN');
    expect(giftRefusalText(instance.t, 'insufficient-points')).toBe('未能兑换：积分不足。未作任何更改。');
  });

  it('leaves withdrawn rewards and those used in a purchase out', () => {
    expect(giftsOutsidePurchase(REWARDS).map((r) => r.id)).toEqual(['r-bag', 'r-kettle', 'r-mug', 'r-wash', 'r-vip']);
  });
});
