// A gift redeemed outside a purchase, end to end in Chinese: from the customer page, only gifts and free services
// offered (vouchers and percentages off belong to the till), one the customer cannot afford shown with its reason and
// not choosable; the redemption takes the points (balance and history follow) and one of the gift's stock; a customer in
// the trash is refused.
import { test, expect } from './fixtures';
import { DEFAULT_POINTS_RULES, type PointsRules } from '../../shared/domain/pointsRules';
import type { Reward } from '../../shared/domain/rewards';
import { CustomerPageModel } from './pages/AppPage';
import { createCustomer } from './pages/PurchasePages';
import { putReward, setPointsRules, storedReward } from './pages/PointsTillPages';
import { CustomerPointsModel } from './pages/PointsCustomerPages';
import { GiftRedeemModel } from './pages/PointsGiftPages';

/** 1 point per ¥1, no multipliers, points never expire. */
const RULES: PointsRules = { ...structuredClone(DEFAULT_POINTS_RULES), tierMultiplier: false, birthday: { window: 'none', multiplier: 2 } } as PointsRules;

const base: Reward = { id: '', name: '', kind: 'gift', pointsCost: 1, stock: null, voucherFen: null, percentOff: null, validFrom: null, validTo: null, tiersAllowed: [], active: true };
const BAG: Reward = { ...base, id: '6c1b5d2f-0000-4000-8000-000000000001', name: '帆布袋', kind: 'gift', pointsCost: 500, stock: 2 };
const KETTLE: Reward = { ...base, id: '6c1b5d2f-0000-4000-8000-000000000002', name: '电水壶', kind: 'gift', pointsCost: 5_000, stock: 4 };
const WASH: Reward = { ...base, id: '6c1b5d2f-0000-4000-8000-000000000003', name: '免费清洗', kind: 'free-service', pointsCost: 300 };
const VOUCHER: Reward = { ...base, id: '6c1b5d2f-0000-4000-8000-000000000004', name: '20元代金券', kind: 'voucher', pointsCost: 2_000, voucherFen: 2_000 };

test.describe('a gift redeemed outside a purchase', () => {
  test('earn with a purchase, redeem a gift from the customer page: the balance, the history and the stock follow', async ({ app, page }) => {
    await app.startEmptyStore();
    await setPointsRules(page, RULES);
    for (const reward of [BAG, KETTLE, WASH, VOUCHER]) await putReward(page, reward);

    const customer = await createCustomer(app, '孙礼品');
    const points = new CustomerPointsModel(page);
    const purchase = await customer.recordPurchase();
    await purchase.useMode('total');
    await purchase.amount.fill('800');
    await purchase.save();
    await purchase.expectClosed();
    await expect(points.balance).toHaveText('800');

    // The clerk may redeem: no lock, no PIN.
    const gift = new GiftRedeemModel(page);
    await expect(gift.openButton).toHaveText('兑换礼品');
    await expect(gift.openButton).not.toHaveAttribute('data-owner-locked', 'true');
    await gift.open();
    await expect(gift.root).toContainText('代金券和折扣在收银时随购买使用');
    await expect(gift.available).toHaveText('现在可用：800 积分。');
    // Gifts and free services by name; the voucher is not offered here.
    await expect(gift.items).toHaveCount(3);
    await expect(gift.root).not.toContainText('20元代金券');
    await expect(gift.item(BAG.id)).toContainText('帆布袋 · 礼品 · 剩 2 件 · 500 积分');
    await expect(gift.item(WASH.id)).toContainText('免费清洗 · 免费服务 · 免费一次服务 · 300 积分');
    // The kettle costs more than the customer has: the reason in words, and it cannot be chosen.
    await expect(gift.item(KETTLE.id)).toContainText('电水壶 · 礼品 · 剩 4 件 · 5,000 积分');
    await expect(gift.refusal(KETTLE.id)).toHaveText('积分不足。');
    await expect(gift.choice(KETTLE.id)).toBeDisabled();
    await expect(gift.confirmButton).toBeDisabled();

    await gift.choice(BAG.id).check();
    await expect(gift.after).toHaveText('兑换“帆布袋”需 500 积分，兑换后可用 300 积分。');
    await gift.confirm();
    await gift.expectClosed();
    await expect(customer.toast).toContainText('已用 500 积分兑换“帆布袋”，请交给客户。');
    await expect(points.balance).toHaveText('300');
    await expect(points.rows).toHaveCount(2);
    await expect(points.rows.first()).toContainText('兑换');
    await expect(points.rows.first()).toContainText('−500');
    await expect(points.rows.first()).toContainText('帆布袋');
    await expect.poll(async () => (await storedReward(page, BAG.id))?.stock).toBe(1);

    // Again: one bag left, but 300 points no longer buy it; the free service still can be had.
    await gift.open();
    await expect(gift.item(BAG.id)).toContainText('剩 1 件');
    await expect(gift.refusal(BAG.id)).toHaveText('积分不足。');
    await expect(gift.choice(BAG.id)).toBeDisabled();
    await expect(gift.choice(WASH.id)).toBeEnabled();
    await gift.cancel();
    await expect(points.balance).toHaveText('300');

    // A customer in the trash: the history shows, a gift is refused in words as the adjustment is.
    await new CustomerPageModel(page).moveToTrash();
    await expect(app.rows).toHaveCount(0);
    await page.goBack();
    await expect(page.getByTestId('restore')).toBeVisible();
    await gift.openButton.click();
    await expect(customer.toast).toContainText('该客户已在回收站中。');
    await expect(gift.root).toBeHidden();
    await expect(points.balance).toHaveText('300');
  });
});
