// The clerk and the owner: what only the owner may do shows a lock, asks for the owner PIN in place, is
// refused without it, and is done after it; the owner session ends on leaving the screen or after 5 idle minutes.
import { test, expect } from './fixtures';
import { CustomerPageModel, type AppPage } from './pages/AppPage';
import { ExportPageModel } from './pages/DataPages';
import { answerOwnerPin, asOwner, E2E_OWNER_PIN } from './pages/OwnerPin';

async function trashTwo(app: AppPage): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < 2; i += 1) {
    await app.rows.first().click();
    const name = (await app.page.getByTestId('customer-name').innerText()).trim();
    await new CustomerPageModel(app.page).moveToTrash();
    await app.goToCustomers();
    names.push(name);
  }
  return names;
}

test.describe('the clerk and the owner', () => {
  test('the clerk is refused delete for good; the owner does it after the PIN, and leaving the screen locks again', async ({ app, page }) => {
    await app.startDemoStore();
    const [first, second] = await trashTwo(app);
    const trash = await app.goToTrash();
    await expect(trash.rows).toHaveCount(2);
    const deleteFirst = trash.rows.filter({ hasText: first }).getByTestId('delete-forever');
    await expect(deleteFirst).toHaveAttribute('data-owner-locked', 'true');
    await expect(page.getByTestId('empty-trash')).toHaveAttribute('data-owner-locked', 'true');
    await expect(page.getByTestId('owner-chip')).toBeHidden();

    // Without the PIN nothing happens: the dialog is cancelled, the customer stays.
    await deleteFirst.click();
    const dialog = page.getByTestId('pin-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('彻底删除客户');
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(page.getByTestId('confirm-dialog')).toBeHidden();
    await expect(trash.rows).toHaveCount(2);

    // The first owner action sets the PIN; then the confirmation comes, and the owner is known on this screen.
    await deleteFirst.click();
    await answerOwnerPin(page);
    await expect(page.getByTestId('owner-chip')).toBeVisible();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: '彻底删除' }).click();
    await expect(trash.rows).toHaveCount(1);
    await expect(page.getByTestId('empty-trash')).not.toHaveAttribute('data-owner-locked', 'true');

    // Leaving the screen ends the owner session: back in the trash, the lock is there again.
    await app.goToCustomers();
    await expect(page.getByTestId('owner-chip')).toBeHidden();
    await app.goToTrash();
    await expect(page.getByTestId('empty-trash')).toHaveAttribute('data-owner-locked', 'true');

    // A wrong PIN is refused in words; the right one empties the trash.
    await page.getByTestId('empty-trash').click();
    await dialog.getByTestId('pin-input').fill('1111');
    await dialog.getByTestId('pin-submit').click();
    await expect(page.getByTestId('pin-error')).toBeVisible();
    await expect(page.getByTestId('confirm-dialog')).toBeHidden();
    await dialog.getByTestId('pin-input').fill(E2E_OWNER_PIN);
    await dialog.getByTestId('pin-submit').click();
    await expect(dialog).toBeHidden();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: '清空回收站' }).click();
    await expect(page.getByTestId('trash-emptied')).toHaveText('已彻底删除 1 位客户。');
    await expect(trash.rows).toHaveCount(0);
    await expect(page.getByText(second!)).toHaveCount(0);

    // "Lock" in the top bar ends it at once.
    await page.getByTestId('owner-lock-now').click();
    await expect(page.getByTestId('owner-chip')).toBeHidden();
  });

  test('the audit log and the store settings are the owner’s; the session ends after five idle minutes', async ({ app, page }) => {
    await app.startEmptyStore();
    await page.getByTestId('nav-audit').click();
    await expect(page.getByTestId('owner-only-panel')).toContainText('只有店主可以查看');
    await expect(page.getByTestId('audit-row')).toHaveCount(0);
    await asOwner(page, () => page.getByTestId('owner-unlock').click());
    await expect(page.getByTestId('audit-row').first()).toBeVisible();
    await expect(page.getByTestId('owner-chip')).toBeVisible();

    // Five minutes without a key or a click: the owner is gone, the log locked.
    await page.clock.fastForward('05:01');
    await expect(page.getByTestId('owner-only-panel')).toBeVisible();
    await expect(page.getByTestId('owner-chip')).toBeHidden();

    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('currency-select')).toBeDisabled();
    await asOwner(page, () => page.getByTestId('store-unlock').click());
    await expect(page.getByTestId('currency-select')).toBeEnabled();
  });

  test('the clerk exports a filtered list without the PIN; every customer needs the owner', async ({ app, page, dataFolder }) => {
    await app.startDemoStore();
    await app.switchLanguage('en');
    await app.search('138');
    const exportPage = new ExportPageModel(page);
    await exportPage.open();
    await exportPage.choose('customers', { scope: 'list' });
    await expect(page.getByTestId('export-start')).not.toHaveAttribute('data-owner-locked', 'true');
    await exportPage.export(dataFolder);
    await expect(page.getByTestId('pin-dialog')).toBeHidden();

    await exportPage.choose('customers', { scope: 'all' });
    await expect(page.getByTestId('export-start')).toHaveAttribute('data-owner-locked', 'true');
    await page.getByTestId('export-start').click();
    await expect(page.getByTestId('pin-dialog')).toContainText('export every customer or every purchase');
    await page.getByTestId('pin-dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('pin-dialog')).toBeHidden();
    await exportPage.export(dataFolder);
  });
});
