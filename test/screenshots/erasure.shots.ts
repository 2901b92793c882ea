// "Erase this customer" (the customer page's button, the owner's confirmation with its purchases choice) and one
// customer's data as a page that prints, per language.
import { test, expect } from '../e2e/fixtures';
import { PinDialog } from '../e2e/pages/BackupPages';
import { CustomerDataModel, EraseDialogModel } from '../e2e/pages/ErasurePages';
import { createCustomer } from '../e2e/pages/PurchasePages';
import { LOCALES, OUT } from './shotLocales';

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system });

    test(`erasure and the customer's data in ${tag}`, async ({ app, page }) => {
      await app.startEmptyStore();
      const customer = await createCustomer(app, '林晓雨', '13912345678');
      const sale = await customer.recordPurchase();
      await sale.useMode('total');
      await sale.amount.fill('368');
      await sale.save();
      await sale.expectClosed();
      await page.screenshot({ path: `${OUT}/${tag}-90-customer-page-erase.png` });

      const sheet = await new CustomerDataModel(page).openSheet();
      await page.screenshot({ path: `${OUT}/${tag}-91-customer-data-sheet.png`, fullPage: true });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: `${OUT}/${tag}-92-customer-data-sheet-print.png`, fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      await sheet.getByTestId('data-sheet-close').click();

      const erase = await EraseDialogModel.start(page);
      await new PinDialog(page).setPin('2580');
      await expect(erase.what).toBeVisible();
      await erase.choosePurchases('anonymise');
      await erase.root.screenshot({ path: `${OUT}/${tag}-93-erase-dialog.png` });
    });
  });
}
