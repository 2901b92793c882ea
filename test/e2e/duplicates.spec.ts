// The duplicate finder and the merge, end to end (in English): two files with the same phone, each
// with a purchase, merged into one customer who holds both purchases.
import { test, expect } from './fixtures';
import { DuplicatesPageModel, recordPurchaseTotal } from './pages/DataPages';

test.describe('duplicates', () => {
  test.use({ systemLocale: 'en-US' });

  test('find customers with the same phone and merge them', async ({ app, page }) => {
    await app.startEmptyStore();
    const first = await app.newCustomer();
    await first.fillName('Wang Fang');
    await first.fillPhone(0, '138 1234 5678');
    await first.save();
    await expect(page.getByTestId('customer-name')).toHaveText('Wang Fang');
    await recordPurchaseTotal(page, '120');

    const second = await app.newCustomer();
    await second.fillName('Fang Wang');
    await second.fillPhone(0, '13812345678');
    await second.field('email').fill('fang@example.com');
    await expect(second.duplicateWarning).toBeVisible();
    await second.save();
    await expect(page.getByTestId('customer-name')).toHaveText('Fang Wang');
    await recordPurchaseTotal(page, '80.50');

    const other = await app.newCustomer();
    await other.fillName('Li Lei');
    await other.fillPhone(0, '139 0000 1111');
    await other.save();
    await expect(page.getByTestId('customer-name')).toHaveText('Li Lei');

    const finder = new DuplicatesPageModel(page);
    await finder.open();
    await finder.find();
    await expect(page.getByTestId('duplicates-summary')).toHaveText('1 group of likely duplicates among 3 customers.');
    await expect(finder.groups).toHaveCount(1);
    const group = finder.groups.first();
    await expect(group.getByTestId('duplicate-reason')).toHaveText(['Same phone']);
    await expect(group.getByTestId('duplicate-member')).toHaveCount(2);
    await expect(group).toContainText('Wang Fang');
    await expect(group).toContainText('Fang Wang');

    const dialog = await finder.openMerge(group);
    const members = dialog.root.locator('thead th');
    const wangIndex = (await members.allInnerTexts()).findIndex((text) => text.includes('Wang Fang')) - 1;
    await dialog.keep(wangIndex);
    // The name is picked from the kept file; the email only the other file has is taken by default.
    await expect(dialog.root.getByTestId(`merge-pick-name-${wangIndex}`)).toBeChecked();
    await expect(dialog.root.getByTestId('merge-row-email')).toContainText('fang@example.com');
    await expect(dialog.root.getByTestId('merge-combined-phones')).toContainText('138 1234 5678');
    await dialog.preview();
    await expect(dialog.root.getByTestId('merge-result-name')).toHaveText('Wang Fang');
    await expect(dialog.root.getByTestId('merge-result-email')).toHaveText('fang@example.com');
    await dialog.confirm();
    await expect(page.getByTestId('merge-done')).toContainText('Merged into Wang Fang.');
    await expect(finder.groups).toHaveCount(0);

    await finder.find();
    await expect(page.getByTestId('duplicates-summary')).toHaveText('Checked 2 customers: no duplicates found.');

    await app.goToCustomers();
    await expect(app.listCount).toHaveText('2 customers');
    const row = app.rows.filter({ hasText: 'Wang Fang' });
    await expect(row.locator('.col-purchaseCount')).toHaveText('2');
    await expect(row.locator('.col-totalSpent')).toContainText('200.50');
    await expect(app.rows.filter({ hasText: 'Fang Wang' })).toHaveCount(0);
    await app.openCustomerFromList('Wang Fang');
    await expect(page.getByTestId('profile-email')).toContainText('fang@example.com');
  });
});
