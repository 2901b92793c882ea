// Backups safe by default: encrypted from the first backup, for a recovery key this PC keeps; every screen asks
// the owner to print its sheet until that is done; a password can be added (the same sheet still opens every
// backup); after turning off and on again, a backup restores with the new recovery key when its password is
// forgotten; turning encryption off asks first and shows its date. All behind the owner PIN.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { AppPage } from './pages/AppPage';
import { BackupPage, PinDialog, RestoreDialogModel, closeRecoverySheet, readRecoverySheet, setUpEncryption } from './pages/BackupPages';
import { createCustomer } from './pages/PurchasePages';

const PIN = '2580';

/** The preview of a backup holding one customer against today's two, restored: the list is back to one. */
async function restoreTheOneCustomer(app: AppPage, page: Page, restore: RestoreDialogModel) {
  await expect(restore.preview).toBeVisible();
  await expect.poll(() => restore.counts('customers')).toEqual({ backup: '1', today: '2' });
  await restore.confirm();
  await expect(page.getByTestId('restore-notice')).toBeVisible({ timeout: 30_000 });
  await app.goToCustomers();
  await expect(app.listCount).toContainText('1');
}
const PASSWORD = '茶叶店 2026 备份';

test.describe('backup encryption', () => {
  test('the first backup is encrypted; until its sheet is printed every screen says only this PC can open the backups', async ({ app, page, dataFolder }) => {
    await app.startEmptyStore();
    const banner = page.getByTestId('encryption-banner');
    await expect(banner).toContainText('只有这台电脑能打开');
    // "Later" hides it until the app starts again.
    await page.getByTestId('encryption-banner-later').click();
    await expect(banner).toBeHidden();
    await createCustomer(app, '陈大文', '139 8888 0000');
    await page.getByTestId('nav-trash').click();
    await expect(banner).toBeHidden();
    await page.reload();
    await expect(app.searchBox).toBeVisible();
    await expect(banner).toBeVisible();

    // Not on the backup screen, which says it in its own words.
    await page.getByTestId('encryption-banner-open').click();
    await expect(page.getByTestId('backup-sheet-missing')).toBeVisible();
    await expect(banner).toBeHidden();
    await expect(page.getByTestId('encryption-state')).toContainText('已自动开启');
    await expect(page.getByTestId('encryption-state')).toContainText('还没有打印密钥单');
    const screen = new BackupPage(page);
    await screen.backUpNow();
    await expect(screen.rows.first()).toContainText('已加密');
    const files = (await readdir(path.join(dataFolder, 'backups'))).filter((name) => name.endsWith('.rgbackup'));
    expect(files).toHaveLength(1);
    expect((await readFile(path.join(dataFolder, 'backups', files[0]!))).includes(Buffer.from('陈大文'))).toBe(false);

    // The sheet, behind the owner PIN: the key this PC keeps.
    await page.getByTestId('print-recovery-sheet-banner').click();
    await new PinDialog(page).setPin(PIN);
    const recoveryKey = await readRecoverySheet(page);
    expect(recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    await expect(page.getByTestId('recovery-sheet-dialog')).toContainText('这台电脑也保管着此密钥');
    await closeRecoverySheet(page);
    await expect(page.getByTestId('backup-sheet-missing')).toBeHidden();
    await expect(page.getByTestId('encryption-state')).toContainText(/已于 .*2026.* 显示密钥单/);
    await app.goToCustomers();
    await expect(app.searchBox).toBeVisible();
    await expect(banner).toBeHidden();

    // This PC opens its own backup without a password or the sheet.
    await createCustomer(app, '林小美', '139 7777 0000');
    await BackupPage.open(page);
    await screen.restoreRow(screen.rows.first());
    await new PinDialog(page).enterPin(PIN);
    const restore = new RestoreDialogModel(page);
    await restoreTheOneCustomer(app, page, restore);
  });

  test('a password added later keeps the recovery key: the sheet shown is the one already printed', async ({ app, page }) => {
    await app.startEmptyStore();
    await BackupPage.open(page);
    await page.getByTestId('print-recovery-sheet').click();
    await new PinDialog(page).setPin(PIN);
    const printed = await readRecoverySheet(page);
    // Printed, the sheet is all there is on the page; once it is closed, printing is the screen's own again.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('recovery-sheet')).toBeVisible();
    await expect(page.getByTestId('recovery-done')).toBeHidden();
    await expect(page.getByTestId('nav-reports')).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await closeRecoverySheet(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('set-password')).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('set-password').click();
    await expect(page.getByTestId('password-dialog')).toContainText('恢复密钥保持不变');
    expect(await setUpEncryption(page, PASSWORD)).toBe(printed);
    await closeRecoverySheet(page);
    await expect(page.getByTestId('encryption-state')).toContainText('已开启');
  });

  test('after turning off and on again, the new recovery key restores a backup whose password is forgotten', async ({ app, page, dataFolder }) => {
    await app.startEmptyStore();
    await createCustomer(app, '陈大文', '139 8888 0000');
    const screen = await BackupPage.open(page);
    // Turned off and on again: a new password and a new key, which this PC does not keep, so the restore below must ask.
    await page.getByTestId('turn-off-encryption').click();
    await new PinDialog(page).setPin(PIN);
    await page.getByTestId('confirm-dialog').getByRole('button', { name: '关闭加密' }).click();
    await expect(page.getByTestId('backup-unprotected')).toContainText('关闭加密');

    await page.getByTestId('set-up-encryption').click();
    const recoveryKey = await setUpEncryption(page, PASSWORD);
    expect(recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    await expect(page.getByTestId('recovery-sheet')).toContainText('熟客备份恢复密钥');
    await page.getByTestId('recovery-store').fill('老街茶叶店');
    await expect(page.getByTestId('recovery-sheet-store')).toHaveText('老街茶叶店');
    await closeRecoverySheet(page);
    await expect(page.getByTestId('backup-unprotected')).toBeHidden();
    await expect(page.getByTestId('encryption-state')).toContainText('已开启');

    await screen.backUpNow();
    await expect(screen.rows.first()).toContainText('已加密');
    const files = (await readdir(path.join(dataFolder, 'backups'))).filter((name) => name.endsWith('.rgbackup'));
    expect(files).toHaveLength(1);
    const bytes = await readFile(path.join(dataFolder, 'backups', files[0]!));
    expect(bytes.includes(Buffer.from('陈大文'))).toBe(false);
    expect(bytes.includes(Buffer.from(recoveryKey))).toBe(false);

    // The password is forgotten: the recovery key opens the backup. A mistyped one is caught first.
    await createCustomer(app, '林小美', '139 7777 0000');
    await BackupPage.open(page);
    await screen.restoreRow(screen.rows.first());
    // Leaving the backup screen locked the owner session: the PIN again.
    await new PinDialog(page).enterPin(PIN);
    const restore = new RestoreDialogModel(page);
    await restore.typePassword('不记得了 2026');
    await expect(restore.root.getByRole('alert')).toContainText('备份密码不正确');
    const typo = `${recoveryKey.slice(0, 3)}${recoveryKey[3] === 'A' ? 'B' : 'A'}${recoveryKey.slice(4)}`;
    await restore.typeRecoveryKey(typo);
    await expect(restore.root.getByRole('alert')).toContainText('输错');
    await restore.typeRecoveryKey(recoveryKey.toLowerCase().replace(/-/g, ' '));
    await restoreTheOneCustomer(app, page, restore);
  });

  test('turning encryption off asks first, says what it means, and shows the date', async ({ app, page }) => {
    await app.startEmptyStore();
    await BackupPage.open(page);
    await expect(page.getByTestId('encryption-state')).toContainText('已自动开启');

    await page.getByTestId('turn-off-encryption').click();
    await new PinDialog(page).setPin(PIN);
    const confirm = page.getByTestId('confirm-dialog');
    await expect(confirm).toContainText('任何人拿到备份');
    await confirm.getByRole('button', { name: '取消' }).click();
    await expect(page.getByTestId('encryption-state')).toContainText('已自动开启');

    await page.getByTestId('turn-off-encryption').click();
    await confirm.getByRole('button', { name: '关闭加密' }).click();
    await expect(page.getByTestId('encryption-state')).toContainText(/已于 .*2026.* 关闭加密/);
    await expect(page.getByTestId('backup-unprotected')).toContainText('关闭加密');
    const screen = new BackupPage(page);
    await screen.backUpNow();
    await expect(screen.rows.first()).not.toContainText('已加密');

    // Turning it on again is a new set-up, with a new sheet.
    await page.getByTestId('set-up-encryption').click();
    const second = await setUpEncryption(page, 'another password 2027');
    expect(second).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    await closeRecoverySheet(page);
    await expect(page.getByTestId('encryption-state')).toContainText('已开启');
  });

  test('a clerk is asked for the owner PIN before the sheet is shown, a password set or encryption turned off', async ({ app, page }) => {
    await app.startEmptyStore();
    await BackupPage.open(page);
    for (const button of ['print-recovery-sheet', 'set-password', 'turn-off-encryption']) {
      await page.getByTestId(button).click();
      await expect(page.getByTestId('pin-dialog')).toBeVisible();
      await expect(page.getByTestId('password-dialog')).toBeHidden();
      await expect(page.getByTestId('recovery-sheet-dialog')).toBeHidden();
      await page.getByTestId('pin-dialog').getByRole('button', { name: '取消' }).click();
      await expect(page.getByTestId('pin-dialog')).toBeHidden();
    }
  });
});
