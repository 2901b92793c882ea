// Screenshots of the purchase dialog with points (balance, what it earns, paying part with points under the cap, a refusal), per language.
import { test, expect } from '../e2e/fixtures';
import { DEFAULT_POINTS_RULES, type PointsRules } from '../../shared/domain/pointsRules';
import { createCustomer } from '../e2e/pages/PurchasePages';
import { TillPointsModel, setPointsRules } from '../e2e/pages/PointsTillPages';
import { LOCALES, OUT } from './shotLocales';

const RULES: PointsRules = {
  ...structuredClone(DEFAULT_POINTS_RULES),
  memberDay: { days: { kind: 'month-days', days: [8, 15, 28] }, multiplier: 2 },
  expiry: [{ kind: 'months', months: 12, from: '1970-01-01T00:00:00.000Z' }],
} as PointsRules;

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
    });
  });
}
