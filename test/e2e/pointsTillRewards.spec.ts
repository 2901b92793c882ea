// Rewards at the till, end to end in Chinese: a voucher redeemed inside a purchase (the amount paid after it, points on
// top from what it leaves, the balance), a gift (its stock down), a void that undoes both; a reward that can no longer be
// had refused in words with the form kept; points typed that are not a whole number or more than allowed refused; an
// edit and a return saying what they do to points before they are saved. The rewards go in through the store.
import { test, expect } from './fixtures';
import { DEFAULT_POINTS_RULES, type PointsRules } from '../../shared/domain/pointsRules';
import type { Reward } from '../../shared/domain/rewards';
import { createCustomer, type CustomerActivityPage } from './pages/PurchasePages';
import { TillPointsModel, putReward, setPointsRules, storedReward } from './pages/PointsTillPages';
import { CustomerPointsModel } from './pages/PointsCustomerPages';
import type { AppPage } from './pages/AppPage';

/** 1 point per ¥1, no multipliers, 100 points pay ¥1 up to half a purchase, points never expire. */
const RULES: PointsRules = { ...structuredClone(DEFAULT_POINTS_RULES), tierMultiplier: false, birthday: { window: 'none', multiplier: 2 } } as PointsRules;

const base: Reward = { id: '', name: '', kind: 'gift', pointsCost: 1, stock: null, voucherFen: null, percentOff: null, validFrom: null, validTo: null, tiersAllowed: [], active: true };
const VOUCHER: Reward = { ...base, id: '5b0a4c1e-0000-4000-8000-000000000001', name: '20元代金券', kind: 'voucher', pointsCost: 2_000, voucherFen: 2_000 };
const BAG: Reward = { ...base, id: '5b0a4c1e-0000-4000-8000-000000000002', name: '帆布袋', kind: 'gift', pointsCost: 500, stock: 3 };

async function start(app: AppPage) {
  await app.startEmptyStore();
  await setPointsRules(app.page, RULES);
  await putReward(app.page, VOUCHER);
  await putReward(app.page, BAG);
}

/** Opens the purchase dialog on a total of `amount`. */
async function open(customer: CustomerActivityPage, amount: string) {
  const dialog = await customer.recordPurchase();
  await dialog.useMode('total');
  await dialog.amount.fill(amount);
  return { dialog, points: new TillPointsModel(dialog) };
}

async function buy(customer: CustomerActivityPage, amount: string) {
  const { dialog } = await open(customer, amount);
  await dialog.save();
  await dialog.expectClosed();
}

test.describe('rewards at the till', () => {
  test('a voucher and a gift redeemed inside purchases, a void undoing each', async ({ app, page }) => {
    await start(app);
    const customer = await createCustomer(app, '钱兑换');
    const onPage = new CustomerPointsModel(page);
    await buy(customer, '3000');
    await expect(onPage.balance).toHaveText('3,000');

    // A ¥20 voucher for 2,000 points, then 500 points pay ¥5 of the ¥80 it leaves: ¥75 to pay, and only that earns.
    const voucher = await open(customer, '100');
    await expect(voucher.points.combine).toHaveText('先扣除奖品的抵扣，积分再抵扣余下金额的最多 50%，从兑换奖品后剩余的积分中扣除。');
    await expect(voucher.points.root).toContainText('20元代金券 · 代金券 · 抵 ¥20 · 2,000 积分');
    await voucher.points.reward(VOUCHER.id).check();
    await expect(voucher.points.rewardEffect).toHaveText('奖品“20元代金券”抵扣本次消费 ¥20。');
    await expect(voucher.points.rewardOff).toHaveText('-¥20.00');
    await expect(voucher.points.due).toHaveText('¥80.00');
    await expect(voucher.points.useMost).toHaveText('最多抵扣（1,000）');
    await voucher.points.pay.fill('500');
    await expect(voucher.points.paidWithPoints).toHaveText('-¥5.00');
    await expect(voucher.points.due).toHaveText('¥75.00');
    await expect(voucher.points.earn).toContainText('本次消费得 75 积分');
    await expect(voucher.points.left).toHaveText('本次使用 2,500 积分，剩余 500 积分。');
    await voucher.dialog.save();
    await voucher.dialog.expectClosed();
    await expect(onPage.balance).toHaveText('575');

    // A gift: nothing off the amount, one fewer in stock.
    const gift = await open(customer, '50');
    await gift.points.reward(BAG.id).check();
    await expect(gift.points.rewardEffect).toHaveText('请交给客户“帆布袋”，交付后剩 2 件。');
    await expect(gift.points.rewardOff).toHaveCount(0);
    await expect(gift.points.earn).toContainText('本次消费得 50 积分');
    await gift.dialog.save();
    await gift.dialog.expectClosed();
    await expect(onPage.balance).toHaveText('125');
    await expect.poll(async () => (await storedReward(page, BAG.id))?.stock).toBe(2);

    // Voided: the gift back in stock and its points back; then the voucher's purchase, every point as before.
    const voidGift = await customer.timeline.voidPurchase(customer.timeline.entry('¥50.00'));
    await voidGift.reason.fill('顾客取消');
    await voidGift.confirm();
    await expect(voidGift.root).toBeHidden();
    await expect(onPage.balance).toHaveText('575');
    await expect.poll(async () => (await storedReward(page, BAG.id))?.stock).toBe(3);
    const voidVoucher = await customer.timeline.voidPurchase(customer.timeline.entry('¥100.00'));
    await voidVoucher.reason.fill('录错了');
    await voidVoucher.confirm();
    await expect(voidVoucher.root).toBeHidden();
    await expect(onPage.balance).toHaveText('3,000');
  });

  test('points typed that cannot be used, and a reward gone out of stock meanwhile, are refused with the form kept', async ({ app, page }) => {
    await start(app);
    const customer = await createCustomer(app, '孙输入');
    await buy(customer, '3000');
    const { dialog, points } = await open(customer, '30');
    await dialog.payment.fill('微信支付');

    // Letters, a negative number, decimals: said under the field, and the save refused with everything kept.
    for (const typed of ['12x', '-5', '1.5', '五百']) {
      await points.pay.fill(typed);
      await expect(points.payment).toHaveText('请输入整数积分（如 500），或留空。');
      await dialog.save();
      await expect(points.refusal).toHaveText('未保存：抵扣积分须为整数（如 500）。请改正，或清空以不用积分抵扣。');
      await expect(points.pay).toHaveValue(typed);
      await expect(points.pay).toBeFocused();
      await expect(dialog.amount).toHaveValue('30');
      await expect(dialog.payment).toHaveValue('微信支付');
    }
    // More than the cap allows on ¥30 (¥15, 1,500 points): not paid silently less.
    await points.pay.fill('2000');
    await expect(points.payment).toContainText('所填积分超出本次消费可抵扣的数量。');
    await expect(points.limit).toHaveText('受每单上限限制：最多 1,500 积分（¥15）。');
    await dialog.save();
    await expect(points.refusal).toHaveText('未保存：本次消费最多可抵扣 1,500 积分。请修改抵扣积分后再保存。');
    await expect(points.pay).toHaveValue('2000');
    await expect(dialog.root).toBeVisible();

    // The gift chosen, gone out of stock behind the dialog's back (another window): refused in words, the choice kept.
    await points.pay.fill('');
    await points.reward(BAG.id).check();
    await putReward(page, { ...BAG, stock: 0 });
    await dialog.save();
    await expect(points.refusal).toHaveText('未保存：奖品“帆布袋”现在不能兑换。已无库存。请选择其他奖品或不兑换，再保存。');
    await expect(points.reward(BAG.id)).toBeChecked();
    await expect(dialog.amount).toHaveValue('30');

    // Without the reward, with points the purchase can take: saved.
    await points.reward(null).check();
    await points.pay.fill('1000');
    await dialog.save();
    await dialog.expectClosed();
    // 3,000 − 1,000 + 20 earned on the ¥20 paid otherwise.
    await expect(new CustomerPointsModel(page).balance).toHaveText('2,020');
  });

  test('an edit and a return say what they do to points before they are saved', async ({ app, page }) => {
    await start(app);
    const customer = await createCustomer(app, '周退货');
    await buy(customer, '2500');
    const sale = await open(customer, '100');
    await sale.points.reward(VOUCHER.id).check();
    await sale.points.pay.fill('400');
    await sale.dialog.save();
    await sale.dialog.expectClosed();
    // 2,500 − 2,000 − 400 + 76 earned on the ¥76 paid otherwise.
    const onPage = new CustomerPointsModel(page);
    await expect(onPage.balance).toHaveText('176');

    const edit = await customer.timeline.editPurchase(customer.timeline.entry('¥100.00'));
    const editPoints = new TillPointsModel(edit);
    await expect(editPoints.change).toContainText('本次修改不影响客户积分。');
    await edit.amount.fill('120');
    await expect(editPoints.change).toContainText('本次修改多得 20 积分。');
    await expect(editPoints.change).toContainText('已兑换的奖品和已抵扣的积分保持不变。');
    await edit.save();
    await edit.expectClosed();
    await expect(onPage.balance).toHaveText('196');

    // Half returned: half of the 96 earned taken back, half of the 400 paid and of the voucher's 2,000 given back.
    const ret = await customer.timeline.returnPurchase(customer.timeline.entry('¥120.00'));
    await ret.amount.fill('60');
    await expect(new TillPointsModel(ret).change).toHaveText('本次退货扣回已得 48 积分，退还已用 1,200 积分（其中奖品 1,000 积分）。');
    await ret.save();
    await ret.expectClosed();
    await expect(onPage.balance).toHaveText('1,348');
  });
});
