// Erasure and access end to end in Chromium: the owner erases a customer (PIN, confirmation, the choice for the
// purchases) and search finds no trace; a backup made before the erasure, restored, does not bring them back, even
// where the store that held the register is gone (main's copy), nor does an old export of the store imported again;
// one customer's data as a JSON file and as a page that prints.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './fixtures';
import { axeFindings } from './pages/axe';
import type { AppPage } from './pages/AppPage';
import { BackupPage, PinDialog, RestoreDialogModel, startWithDataLost } from './pages/BackupPages';
import { ExportPageModel } from './pages/DataPages';
import { CustomerDataModel, EraseDialogModel } from './pages/ErasurePages';
import { ImportPage } from './pages/ImportPage';
import { asOwner } from './pages/OwnerPin';
import { createCustomer } from './pages/PurchasePages';

const PIN = '2580';


/** The list holds 李四 alone, and 张三丰 is found by no name, pinyin or phone. */
async function expectOnlyLiSi(app: AppPage) {
  await app.goToCustomers();
  await expect(app.rows).toHaveCount(1);
  await expect(app.rows.first()).toContainText('李四');
  for (const query of ['张三丰', 'zsf', '13812345678']) {
    await app.search(query);
    await expect(app.rows).toHaveCount(0);
  }
}

test.describe('erasure and access', () => {
  test('the owner erases a customer: no trace in search, and a backup from before, restored, does not bring them back', async ({ app, page }) => {
    await app.startEmptyStore();
    await createCustomer(app, '李四', '13900001111');
    const zhang = await createCustomer(app, '张三丰', '13812345678');
    const sale = await zhang.recordPurchase();
    await sale.useMode('total');
    await sale.amount.fill('880');
    await sale.save();
    await sale.expectClosed();

    const backups = await BackupPage.open(page);
    await backups.backUpNow();

    await app.goToCustomers();
    await app.search('张三丰');
    await app.openCustomerFromList('张三丰');
    // The clerk sees the lock: erasing is the owner's (customers.erase).
    await expect(page.getByTestId('erase-customer')).toHaveAttribute('data-owner-locked', 'true');
    const erase = await EraseDialogModel.start(page);
    await new PinDialog(page).setPin(PIN);
    await expect(erase.root).toBeVisible();
    await expect(erase.what).toBeVisible();
    // The purchases need the owner's choice before anything can be erased.
    await expect(erase.confirmButton).toBeDisabled();
    await erase.choosePurchases('anonymise');
    expect(await axeFindings(page)).toEqual([]);
    await erase.confirm();

    await expect(app.searchBox).toBeVisible();
    for (const query of ['张三丰', 'zsf', 'zhangsanfeng', '13812345678', '5678']) {
      await app.search(query);
      await expect.poll(() => app.settledListCount()).toContain('0');
      await expect(app.rows).toHaveCount(0);
    }
    await app.search('');
    await expect(app.rows).toHaveCount(1);
    await expect(app.rows.first()).toContainText('李四');

    // Restore the backup made before the erasure: the customer is erased again before the store shows.
    await BackupPage.open(page);
    await backups.restoreRow(backups.row('manual'));
    await new PinDialog(page).enterPin(PIN);
    const restore = new RestoreDialogModel(page);
    await expect.poll(() => restore.counts('customers')).toEqual({ backup: '2', today: '1' });
    await restore.confirm();
    await expect(page.getByTestId('restore-notice')).toBeVisible({ timeout: 30_000 });
    await expectOnlyLiSi(app);
  });

  test('the store gone (a new PC, a wiped profile), the backup from before the erasure restored: main\'s register erases them again', async ({ app, page, dataFolder }) => {
    await app.startEmptyStore();
    await createCustomer(app, '李四', '13900001111');
    await createCustomer(app, '张三丰', '13812345678');
    const backups = await BackupPage.open(page);
    await backups.backUpNow();

    await app.goToCustomers();
    await app.search('张三丰');
    await app.openCustomerFromList('张三丰');
    const erase = await EraseDialogModel.start(page);
    await new PinDialog(page).setPin(PIN);
    await expect(erase.what).toBeVisible();
    await erase.confirm();
    await expect(app.searchBox).toBeVisible();

    // Beside the backups (a folder that may be on a USB drive), main keeps the register: an id and a date, no name, no phone.
    // (The page hands it over as the erasure commits and moves on to the list while main writes it.)
    const besidePath = path.join(dataFolder, 'backups', 'regulars-erasures.json');
    await expect.poll(() => readFile(besidePath, 'utf8').then(() => true, () => false)).toBe(true);
    const beside = await readFile(besidePath, 'utf8');
    expect(JSON.parse(beside)).toMatchObject({ format: 'regulars.erasure-register', entries: [{ erasedAt: expect.any(String), purchases: expect.any(String) }] });
    expect(beside).not.toMatch(/张三丰|13812345678|5678/);

    // The store's data is gone, its register with it; the latest backup still holds 张三丰.
    const recovery = await startWithDataLost(page, app.searchBox);
    await expect(page.getByTestId('latest-backup')).toContainText('客户 2');
    await recovery.restoreLatest();
    await new RestoreDialogModel(page).confirm();
    await new PinDialog(page).enterPin(PIN);
    await expect(page.getByTestId('restore-notice')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('restore-notice-erased')).toHaveText('这份备份里还有 1 位已抹除资料的客户，在打开店铺数据之前已再次抹除。');
    await expectOnlyLiSi(app);
  });

  test('an export from before the erasure, imported again: the erased customer is named as not imported and does not come back', async ({ app, page, dataFolder }) => {
    await app.startEmptyStore();
    await createCustomer(app, '李四', '13900001111');
    await createCustomer(app, '张三丰', '13812345678');
    const exportPage = new ExportPageModel(page);
    await exportPage.open();
    await exportPage.choose('customers', { format: 'csv' });
    const customers = await exportPage.export(dataFolder);

    await app.goToCustomers();
    await app.search('张三丰');
    await app.openCustomerFromList('张三丰');
    await asOwner(page, () => page.getByTestId('erase-customer').click());
    await new EraseDialogModel(page).confirm();
    await expect(app.searchBox).toBeVisible();

    const importPage = new ImportPage(page);
    await importPage.open();
    await importPage.chooseKind('customers');
    await importPage.pickFile(customers.name, customers.bytes);
    await expect(page.getByTestId('import-own-export')).toBeVisible();
    await importPage.setPolicy('new');
    await importPage.expectPreview({ create: 1, erased: 1, invalid: 0 });
    const erased = page.getByTestId('import-erased-row');
    await expect(erased).toHaveCount(1);
    await expect(erased).toContainText('张三丰');
    await expect(erased).toContainText(/该客户已于 \d{4}-\d{2}-\d{2} 抹除；未导入/);
    expect(await axeFindings(page)).toEqual([]);
    await importPage.startImport();
    await expect(importPage.doneSummary).toContainText('已抹除客户的行未导入：1 行。');

    await app.goToCustomers();
    await app.search('');
    await expect(app.rows).toHaveCount(2);
    await expect(app.rows.filter({ hasText: '李四' })).toHaveCount(2);
    for (const query of ['张三丰', 'zsf', '13812345678']) {
      await app.search(query);
      await expect(app.rows).toHaveCount(0);
    }
  });

  test('one customer\'s data as a JSON file and as a page that prints', async ({ app, page }, testInfo) => {
    await app.startEmptyStore();
    const customer = await createCustomer(app, '王小明', '13700002222');
    const sale = await customer.recordPurchase();
    await sale.useMode('total');
    await sale.amount.fill('120');
    await sale.save();
    await sale.expectClosed();

    const data = new CustomerDataModel(page);
    const saved = await data.saveJson(testInfo);
    expect(saved.name).toMatch(/^熟客-王小明-资料-\d{4}-\d{2}-\d{2}\.json$/);
    const onDisk = JSON.parse(await readFile(testInfo.outputPath(saved.name), 'utf8'));
    expect(onDisk).toMatchObject({
      format: 'regulars.customer-data',
      version: 2,
      currency: 'CNY',
      customer: { name: '王小明', phones: [expect.objectContaining({ normalized: '+8613700002222' })] },
      purchases: [expect.objectContaining({ totalFen: 12_000 })],
      interactions: [],
      consentHistory: [],
    });
    expect(onDisk.auditTrail.map((e: { kind: string }) => e.kind)).toEqual(['customer.create', 'purchase.record']);
    expect(JSON.stringify(onDisk)).not.toMatch(/"hash"|"prevHash"|searchTokens/);

    const sheet = await data.openSheet();
    await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('本店保存的 王小明 的资料');
    await expect(sheet.getByTestId('data-sheet-profile')).toContainText('137 0000 2222');
    await expect(sheet.getByTestId('data-sheet-purchases')).toContainText('120.00');
    await expect(sheet.getByTestId('data-sheet-audit')).toContainText('新增客户');
    expect(await axeFindings(page)).toEqual([]);
    await sheet.getByTestId('data-sheet-close').click();
    await expect(sheet).toBeHidden();
  });
});
