// Screenshots of the owner's locks: the trash, the export and the settings as the clerk sees them, the PIN
// asked in place, the owner unlocked (the top bar's chip), and the audit log locked, per language.
import { test, expect } from '../e2e/fixtures';
import { CustomerPageModel } from '../e2e/pages/AppPage';
import { answerOwnerPin } from '../e2e/pages/OwnerPin';
import { LOCALES, OUT } from './shotLocales';

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system });

    test(`owner locks in ${tag}`, async ({ app, page }) => {
      await app.startDemoStore();
      for (let i = 0; i < 2; i += 1) {
        await app.rows.first().click();
        await expect(page.getByTestId('customer-name')).toBeVisible();
        await new CustomerPageModel(page).moveToTrash();
        await app.goToCustomers();
      }
      const trash = await app.goToTrash();
      await expect(trash.rows).toHaveCount(2);
      await page.screenshot({ path: `${OUT}/${tag}-90-trash-clerk.png` });
      await page.getByTestId('empty-trash').click();
      await expect(page.getByTestId('pin-dialog')).toBeVisible();
      await page.screenshot({ path: `${OUT}/${tag}-91-pin-in-place.png` });
      await answerOwnerPin(page);
      await expect(page.getByTestId('owner-chip')).toBeVisible();
      await page.getByTestId('confirm-dialog').locator('.button-danger, .button-primary').click();
      await expect(page.getByTestId('trash-emptied')).toBeVisible();
      await page.screenshot({ path: `${OUT}/${tag}-92-trash-owner.png` });

      await page.getByTestId('nav-audit').click();
      await expect(page.getByTestId('owner-only-panel')).toBeVisible();
      await page.screenshot({ path: `${OUT}/${tag}-93-audit-locked.png` });
      await page.getByTestId('nav-export').click();
      await expect(page.getByTestId('export-start')).toHaveAttribute('data-owner-locked', 'true');
      await page.screenshot({ path: `${OUT}/${tag}-94-export-clerk.png`, fullPage: true });
      await page.getByTestId('nav-settings').click();
      await expect(page.getByTestId('currency-select')).toBeDisabled();
      await page.screenshot({ path: `${OUT}/${tag}-95-settings-clerk.png`, fullPage: true });
      await page.getByTestId('nav-settings').click();
      await page.goto('/#/settings/status');
      await expect(page.getByTestId('rules-save')).toBeVisible();
      await page.screenshot({ path: `${OUT}/${tag}-96-rules-clerk.png` });
    });
  });
}
