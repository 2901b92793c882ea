// A customer's points on the customer page (balance, history, an adjustment), the owner's adjustment dialog,
// and the customer list's points column sorted, per language.
import { test, expect } from '../e2e/fixtures';
import { answerOwnerPin } from '../e2e/pages/OwnerPin';
import { createCustomer } from '../e2e/pages/PurchasePages';
import { CustomerPointsModel, PointsAdjustmentModel } from '../e2e/pages/PointsCustomerPages';
import { LOCALES, OUT } from './shotLocales';

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system });

    test(`customer points in ${tag}`, async ({ app, page }) => {
      await app.startEmptyStore();
      const other = await createCustomer(app, '王芳', '13900139000');
      const first = await other.recordPurchase();
      await first.useMode('total');
      await first.amount.fill('58');
      await first.save();
      await first.expectClosed();

      const customer = await createCustomer(app, '林晓雨');
      for (const amount of ['268', '1280']) {
        const purchase = await customer.recordPurchase();
        await purchase.useMode('total');
        await purchase.amount.fill(amount);
        await purchase.save();
        await purchase.expectClosed();
      }
      const points = new CustomerPointsModel(page);
      await expect(points.rows).toHaveCount(2);
      await page.getByTestId('toast').waitFor({ state: 'hidden' });
      // The clerk at the keyboard: the adjustment shows its lock.
      await points.root.screenshot({ path: `${OUT}/${tag}-89-customer-points-clerk.png` });

      await points.adjustButton.click();
      await answerOwnerPin(page);
      const adjustment = new PointsAdjustmentModel(page);
      await expect(adjustment.root).toBeVisible();
      await adjustment.choose('take');
      await adjustment.points.fill('48');
      await adjustment.reason.fill('退回赠品 Returned the gift');
      await adjustment.root.screenshot({ path: `${OUT}/${tag}-90-points-adjust-dialog.png` });
      await adjustment.save();
      await adjustment.expectClosed();
      await expect(points.rows).toHaveCount(3);
      await page.getByTestId('toast').waitFor({ state: 'hidden' });
      await points.root.scrollIntoViewIfNeeded();
      await points.root.screenshot({ path: `${OUT}/${tag}-91-customer-points.png` });
      await page.screenshot({ path: `${OUT}/${tag}-92-customer-page-points.png` });

      await app.goToCustomers();
      await page.getByTestId('sort-points').click();
      await page.getByTestId('sort-points').click();
      await expect(app.rows.first()).toContainText('林晓雨');
      await page.screenshot({ path: `${OUT}/${tag}-93-list-points-column.png` });
    });
  });
}
