// Where points show, per language: the customer's timeline with points rows (an adjustment, a void's reversal,
// a purchase's own points), its points filter, the customer list narrowed by points, and the ledger's export choice.
import { test, expect } from '../e2e/fixtures';
import { ExportPageModel } from '../e2e/pages/DataPages';
import { answerOwnerPin } from '../e2e/pages/OwnerPin';
import { CustomerPointsModel, PointsAdjustmentModel } from '../e2e/pages/PointsCustomerPages';
import { PointsListFilterModel, TimelinePointsModel } from '../e2e/pages/PointsViewsPages';
import { createCustomer } from '../e2e/pages/PurchasePages';
import { LOCALES, OUT } from './shotLocales';

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system });

    test(`points views in ${tag}`, async ({ app, page }) => {
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
      await points.adjustButton.click();
      await answerOwnerPin(page);
      const adjustment = new PointsAdjustmentModel(page);
      await adjustment.points.fill('50');
      await adjustment.reason.fill('开业活动赠送 Opening gift');
      await adjustment.save();
      await adjustment.expectClosed();
      const timeline = new TimelinePointsModel(page);
      const voiding = await timeline.voidPurchase(timeline.entries.filter({ hasText: /268/ }).first());
      await voiding.reason.fill('录错了 Entered by mistake');
      await voiding.confirm();
      await expect(timeline.pointsRowsOf('reverse')).toHaveCount(1);
      await page.getByTestId('toast').waitFor({ state: 'hidden' });
      await timeline.root.scrollIntoViewIfNeeded();
      await timeline.root.screenshot({ path: `${OUT}/${tag}-94-timeline-points.png` });
      await timeline.filter('points');
      await expect(timeline.pointsRowsOf('earn')).toHaveCount(2);
      await timeline.root.screenshot({ path: `${OUT}/${tag}-95-timeline-points-filter.png` });

      await app.goToCustomers();
      const filter = new PointsListFilterModel(page);
      await filter.min.fill('100');
      await expect(app.rows).toHaveCount(1);
      await page.screenshot({ path: `${OUT}/${tag}-96-list-points-filter.png` });

      const exporting = new ExportPageModel(page);
      await exporting.open();
      await exporting.choose('points');
      await page.screenshot({ path: `${OUT}/${tag}-97-export-points.png` });
    });
  });
}
