// The dialog that redeems a gift outside a purchase (a gift chosen, one the customer cannot afford, one out of stock),
// and the customer's points once it is redeemed, per language.
import { test, expect } from '../e2e/fixtures';
import type { Reward } from '../../shared/domain/rewards';
import { createCustomer } from '../e2e/pages/PurchasePages';
import { CustomerPointsModel } from '../e2e/pages/PointsCustomerPages';
import { GiftRedeemModel } from '../e2e/pages/PointsGiftPages';
import { putReward } from '../e2e/pages/PointsTillPages';
import { LOCALES, OUT } from './shotLocales';

const base: Reward = { id: '', name: '', kind: 'gift', pointsCost: 1, stock: null, voucherFen: null, percentOff: null, validFrom: null, validTo: null, tiersAllowed: [], active: true };
const rewards = (zh: boolean): Reward[] => [
  { ...base, id: '7d2c6e3a-0000-4000-8000-000000000001', name: zh ? '帆布袋' : 'Tote bag', pointsCost: 500, stock: 2 },
  { ...base, id: '7d2c6e3a-0000-4000-8000-000000000002', name: zh ? '电水壶' : 'Kettle', pointsCost: 5_000, stock: 4 },
  { ...base, id: '7d2c6e3a-0000-4000-8000-000000000003', name: zh ? '保温杯' : 'Travel mug', pointsCost: 800, stock: 0 },
  { ...base, id: '7d2c6e3a-0000-4000-8000-000000000004', name: zh ? '免费清洗' : 'Free wash', kind: 'free-service', pointsCost: 300 },
  { ...base, id: '7d2c6e3a-0000-4000-8000-000000000005', name: zh ? '20元代金券' : '¥20 voucher', kind: 'voucher', pointsCost: 2_000, voucherFen: 2_000 },
];

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system });

    test(`a gift redeemed in ${tag}`, async ({ app, page }) => {
      await app.startEmptyStore();
      const catalogue = rewards(tag !== 'en');
      for (const reward of catalogue) await putReward(page, reward);
      const customer = await createCustomer(app, '林晓雨');
      const purchase = await customer.recordPurchase();
      await purchase.useMode('total');
      await purchase.amount.fill('1280');
      await purchase.save();
      await purchase.expectClosed();
      const points = new CustomerPointsModel(page);
      await expect(points.balance).toHaveText('1,280');
      await page.getByTestId('toast').waitFor({ state: 'hidden' });

      const gift = new GiftRedeemModel(page);
      await gift.open();
      await gift.choice(catalogue[0]!.id).check();
      await expect(gift.after).toBeVisible();
      await page.screenshot({ path: `${OUT}/${tag}-g1-gift-dialog.png` });
      await gift.root.screenshot({ path: `${OUT}/${tag}-g2-gift-dialog-panel.png` });
      await gift.confirm();
      await gift.expectClosed();
      await expect(points.rows).toHaveCount(2);
      await page.getByTestId('toast').waitFor({ state: 'hidden' });
      await points.root.scrollIntoViewIfNeeded();
      await points.root.screenshot({ path: `${OUT}/${tag}-g3-customer-points-after-gift.png` });
    });
  });
}
