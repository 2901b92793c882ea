// Screenshots of the purchase dialog with points (balance, what it earns, paying part with points under the cap, a refusal,
// a reward chosen with points on top, a return's effect on points), per language.
import { test, expect } from '../e2e/fixtures';
import { DEFAULT_POINTS_RULES, type PointsRules } from '../../shared/domain/pointsRules';
import { createCustomer } from '../e2e/pages/PurchasePages';
import { TillPointsModel, putReward, setPointsRules } from '../e2e/pages/PointsTillPages';
import type { Reward } from '../../shared/domain/rewards';
import { LOCALES, OUT } from './shotLocales';

const RULES: PointsRules = {
  ...structuredClone(DEFAULT_POINTS_RULES),
  memberDay: { days: { kind: 'month-days', days: [8, 15, 28] }, multiplier: 2 },
  expiry: [{ kind: 'months', months: 12, from: '1970-01-01T00:00:00.000Z' }],
} as PointsRules;

const reward = (over: Partial<Reward> & Pick<Reward, 'id' | 'name' | 'kind' | 'pointsCost'>): Reward => ({
  stock: null,
  voucherFen: null,
  percentOff: null,
  validFrom: null,
  validTo: null,
  tiersAllowed: [],
  active: true,
  ...over,
});

for (const { system, tag } of LOCALES.filter((l) => l.tag !== 'zh-TW')) {
  test.describe(tag, () => {
    test.use({ systemLocale: system });
    test(`purchase dialog with points in ${tag}`, async ({ app, page }) => {
      const shot = (name: string) => page.screenshot({ path: `${OUT}/${tag}-${name}.png`, fullPage: true });
      await app.startEmptyStore();
      await setPointsRules(page, RULES);
      const customer = await createCustomer(app, tag === 'en' ? 'Zhang Wei' : '张伟');
      const first = await customer.recordPurchase();
      await first.useMode('total');
      await first.amount.fill('1280');
      await expect(new TillPointsModel(first).earn).toBeVisible();
      await shot('90-till-earn');
      await first.save();
      await first.expectClosed();

      const second = await customer.recordPurchase();
      await second.useMode('items');
      await second.fillLine(0, { product: tag === 'en' ? 'Longjing tea 100g' : '西湖龙井 100g', category: tag === 'en' ? 'Green tea' : '绿茶', quantity: '1', price: '36' });
      const points = new TillPointsModel(second);
      await points.pay.fill('5000');
      await expect(points.limit).toBeVisible();
      await shot('91-till-pay-capped');
      await points.pay.fill('12x');
      await shot('92-till-pay-invalid');
      await points.pay.fill('800');
      await points.earn.locator('summary').click();
      await points.root.scrollIntoViewIfNeeded();
      await shot('93-till-earn-steps');
      await second.root.getByTestId('purchase-cancel').click();
      await second.expectClosed();

      // The catalogue at the till: a voucher chosen and points on top; a gift out of stock and one too dear, each saying why.
      const en = tag === 'en';
      await putReward(page, reward({ id: '5b0a4c1e-0000-4000-8000-000000000001', name: en ? '¥20 voucher' : '20元代金券', kind: 'voucher', pointsCost: 2_000, voucherFen: 2_000 }));
      await putReward(page, reward({ id: '5b0a4c1e-0000-4000-8000-000000000002', name: en ? 'Tote bag' : '帆布袋', kind: 'gift', pointsCost: 500, stock: 0 }));
      await putReward(page, reward({ id: '5b0a4c1e-0000-4000-8000-000000000003', name: en ? 'Tea set' : '茶具套装', kind: 'gift', pointsCost: 9_000, stock: 4 }));
      await putReward(page, reward({ id: '5b0a4c1e-0000-4000-8000-000000000004', name: en ? 'Free tea tasting' : '免费品茶一次', kind: 'free-service', pointsCost: 300 }));
      const third = await customer.recordPurchase();
      await third.useMode('total');
      await third.amount.fill('168');
      const withReward = new TillPointsModel(third);
      await withReward.reward('5b0a4c1e-0000-4000-8000-000000000001').check();
      await withReward.pay.fill('500');
      await expect(withReward.due).toBeVisible();
      await withReward.root.scrollIntoViewIfNeeded();
      await shot('94-till-reward-voucher');
      await withReward.pay.fill('-5');
      await third.save();
      await expect(withReward.refusal).toBeVisible();
      await shot('95-till-points-refused');
      await withReward.pay.fill('500');
      await third.save();
      await third.expectClosed();

      const ret = await customer.timeline.returnPurchase(customer.timeline.entry(en ? 'CN¥168.00' : '¥168.00'));
      await ret.amount.fill('84');
      await expect(new TillPointsModel(ret).change).toBeVisible();
      await shot('96-return-points-change');
    });
  });
}
