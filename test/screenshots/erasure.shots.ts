// "Erase this customer" (the customer page's button, the owner's confirmation with its purchases choice) and one
// customer's data as a page that prints, and an old export imported after the erasure (the erased rows named), per language.
import { test, expect } from '../e2e/fixtures';
import { PinDialog } from '../e2e/pages/BackupPages';
import { ExportPageModel } from '../e2e/pages/DataPages';
import { CustomerDataModel, EraseDialogModel } from '../e2e/pages/ErasurePages';
import { ImportPage } from '../e2e/pages/ImportPage';
import { asOwner } from '../e2e/pages/OwnerPin';
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

    test(`an old export imported after an erasure in ${tag}`, async ({ app, page, dataFolder }) => {
      await app.startEmptyStore();
      await createCustomer(app, '李四', '13900001111');
      const customer = await createCustomer(app, '林晓雨', '13912345678');
      const sale = await customer.recordPurchase();
      await sale.useMode('total');
      await sale.amount.fill('368');
      await sale.save();
      await sale.expectClosed();
      const exportPage = new ExportPageModel(page);
      await exportPage.open();
      await exportPage.choose('customers', { format: 'csv' });
      const customers = await exportPage.export(dataFolder);
      await exportPage.choose('purchases', { format: 'csv', rows: 'purchases' });
      const purchases = await exportPage.export(dataFolder);

      await app.goToCustomers();
      await app.openCustomerFromList('林晓雨');
      await asOwner(page, () => page.getByTestId('erase-customer').click());
      const erase = new EraseDialogModel(page);
      await erase.choosePurchases('anonymise');
      await erase.confirm();

      const importPage = new ImportPage(page);
      await importPage.open();
      await importPage.chooseKind('customers');
      await importPage.pickFile(customers.name, customers.bytes);
      await expect(page.getByTestId('import-erased-row')).toHaveCount(1);
      await page.getByTestId('import-preview').screenshot({ path: `${OUT}/${tag}-94-import-erased-customers.png` });
      await page.getByTestId('import-other-file').click();
      await importPage.chooseKind('purchases');
      await importPage.pickFile(purchases.name, purchases.bytes);
      await expect(page.getByTestId('import-erased-row')).toHaveCount(1);
      await page.getByTestId('import-preview').screenshot({ path: `${OUT}/${tag}-95-import-erased-purchases.png` });
    });
  });
}
