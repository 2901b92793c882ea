// Backups safe by default: the screen says backups are not protected until the owner sets encryption up; the
// set-up gives a recovery sheet; a backup is then encrypted, and restores with the recovery key after the
// password is forgotten; turning encryption off asks first and shows its date. All behind the owner PIN.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './fixtures';
import { BackupPage, PinDialog, RestoreDialogModel, closeRecoverySheet, setUpEncryption } from './pages/BackupPages';
import { createCustomer } from './pages/PurchasePages';

const PIN = '2580';
const PASSWORD = '茶叶店 2026 备份';

test.describe('backup encryption', () => {
  test('until the owner sets encryption up, every screen says backups are not protected', async ({ app, page }) => {
    await app.startEmptyStore();
    const banner = page.getByTestId('encryption-banner');
    await expect(banner).toContainText('备份尚未受保护');
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
    await expect(page.getByTestId('backup-unprotected')).toBeVisible();
    await expect(banner).toBeHidden();
    await page.getByTestId('set-up-encryption').click();
    await new PinDialog(page).setPin(PIN);
    await setUpEncryption(page, PASSWORD);
    await closeRecoverySheet(page);
    await app.goToCustomers();
    await expect(app.searchBox).toBeVisible();
    await expect(banner).toBeHidden();
  });

  test('the default set-up encrypts backups; the recovery key restores one after the password is forgotten', async ({ app, page, dataFolder }) => {
    await app.startEmptyStore();
    await createCustomer(app, '陈大文', '139 8888 0000');
    const screen = await BackupPage.open(page);
    await expect(page.getByTestId('backup-unprotected')).toContainText('备份尚未受保护');
    await expect(page.getByTestId('encryption-state')).toContainText('未设置');

    await page.getByTestId('set-up-encryption').click();
    await new PinDialog(page).setPin(PIN);
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
    await expect(restore.preview).toBeVisible();
    await expect.poll(() => restore.counts('customers')).toEqual({ backup: '1', today: '2' });
    await restore.confirm();
    await expect(page.getByTestId('restore-notice')).toBeVisible({ timeout: 30_000 });
    await app.goToCustomers();
    await expect(app.listCount).toContainText('1');
  });

  test('turning encryption off asks first, says what it means, and shows the date', async ({ app, page }) => {
    await app.startEmptyStore();
    await BackupPage.open(page);
    await page.getByTestId('set-up-encryption').click();
    await new PinDialog(page).setPin(PIN);
    await setUpEncryption(page, PASSWORD);
    await closeRecoverySheet(page);

    await page.getByTestId('turn-off-encryption').click();
    const confirm = page.getByTestId('confirm-dialog');
    await expect(confirm).toContainText('任何人拿到备份');
    await confirm.getByRole('button', { name: '取消' }).click();
    await expect(page.getByTestId('encryption-state')).toContainText('已开启');

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

  test('a clerk is asked for the owner PIN before encryption can be set up or turned off', async ({ app, page }) => {
    await app.startEmptyStore();
    await BackupPage.open(page);
    await page.getByTestId('set-up-encryption').click();
    await expect(page.getByTestId('pin-dialog')).toBeVisible();
    await expect(page.getByTestId('password-dialog')).toBeHidden();
  });
});
