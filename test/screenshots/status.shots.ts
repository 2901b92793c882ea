// Screenshots of the status rules, the live preview, the RFM grouping and the tier review, per language.
import { test, expect } from '../e2e/fixtures';
import { StatusRulesPage } from '../e2e/pages/StatusPages';
import { CustomerStatusModel } from '../e2e/pages/ChurnPages';
import { createCustomer } from '../e2e/pages/PurchasePages';
import { LOCALES, OUT } from './shotLocales';

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system });
    test(`status rules and review in ${tag}`, async ({ app, page }) => {
      const shot = (name: string, fullPage = false) => page.screenshot({ path: `${OUT}/${tag}-${name}.png`, fullPage });
      await app.startDemoStore();
      await page.getByTestId('nav-settings').click();
      await expect(page.getByTestId('status-card')).toBeVisible();
      await shot('40-settings-status', true);
      const rules = await StatusRulesPage.open(page);
      await expect(rules.preview).toBeVisible({ timeout: 30_000 });
      await shot('41-rules', true);
      await rules.tierField(0, 'minSpend').fill('50000');
      await rules.tierField(1, 'minPurchases').fill('2x');
      await rules.save();
      await expect(rules.problems).toBeVisible();
      await shot('42-rules-errors', true);
      await rules.tierField(1, 'minPurchases').fill('2');
      await page.getByTestId('add-tier').click();
      await rules.tierField(2, 'name').fill(tag === 'en' ? 'Silver' : '银卡');
      await rules.tierField(2, 'minSpend').fill('500');
      await rules.tierField(2, 'minPurchases').fill('1');
      await expect(rules.problems).toHaveCount(0);
      await expect(rules.preview.locator('li')).toHaveCount(4);
      await shot('43-rules-preview', true);
      await rules.save();
      await expect(rules.saved).toBeVisible({ timeout: 60_000 });
      await shot('44-rules-saved');
      await page.getByTestId('review-due').click();
      await expect(page.getByTestId('review-table')).toBeVisible();
      await shot('45-review', true);
      await page.getByTestId('review-apply').click();
      await expect(page.getByTestId('confirm-dialog')).toBeVisible();
      await shot('46-review-confirm');
      await page.getByTestId('confirm-dialog').locator('.button-primary').click();
      await expect(page.getByTestId('review-applied')).toBeVisible({ timeout: 30_000 });
      await shot('47-review-applied');
      const again = await StatusRulesPage.open(page);
      await again.chooseGrouping('rfm');
      await expect(again.preview.locator('li')).toHaveCount(11);
      await expect(page.getByTestId('rfm-table')).toBeVisible();
      await shot('48-rules-rfm', true);
    });

    test(`a customer's tier taken back by a correction in ${tag}`, async ({ app, page }) => {
      await app.startEmptyStore();
      const customer = await createCustomer(app, tag === 'en' ? 'Ada Lin' : '吴倩');
      const status = new CustomerStatusModel(page);
      const buy = async (amount: string) => {
        const dialog = await customer.recordPurchase();
        await dialog.useMode('total');
        await dialog.amount.fill(amount);
        await dialog.save();
        await dialog.expectClosed();
      };
      await buy('600');
      await buy('6000');
      await expect(status.historyEntries).toHaveCount(1);
      // The ¥6,000 was a mistake: voided, the upgrade goes back. Then a real ¥700, partly returned: pending until the review.
      const voiding = await customer.timeline.voidPurchase(customer.timeline.entry('6,000'));
      await voiding.reason.fill(tag === 'en' ? 'Wrong customer' : '记错客户');
      await voiding.confirm();
      await expect(status.historyEntries).toHaveCount(2);
      await buy('700');
      await expect(status.historyEntries).toHaveCount(3);
      const returning = await customer.timeline.returnPurchase(customer.timeline.entry('700'));
      await returning.amount.fill('500');
      await returning.save();
      await returning.expectClosed();
      await expect(status.pending).toBeVisible();
      await status.card.screenshot({ path: `${OUT}/${tag}-49-status-card-pending.png` });
      await status.history.screenshot({ path: `${OUT}/${tag}-49-tier-history-corrected.png` });
    });
  });
}
