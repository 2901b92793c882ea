// The settings' "Security and privacy" section end to end: a new store shows what is missing (no PIN, the recovery
// sheet of its automatic encryption not printed, no backup yet), the chain is checked on demand; once the owner has
// set a PIN and a backup password (with the sheet) and a backup is made, the section says so; turned off, it says
// since when. The disk is never claimed to be encrypted.
import { test, expect } from './fixtures';
import { BackupPage, closeRecoverySheet, PinDialog } from './pages/BackupPages';
import { SecurityPage } from './pages/SecurityPage';

test.describe('security and privacy in the settings', () => {
  test('a new store: what is missing is said; after the owner sets it up, it is on', async ({ app, page }) => {
    await app.startEmptyStore();
    let security = await SecurityPage.open(page);
    await security.expectRow('pin', 'warning', '未设置');
    await security.expectRow('backupEncryption', 'warning', '密钥单未打印');
    await expect(security.row('backupEncryption')).toContainText('只有这台电脑能打开');
    await security.expectRow('automaticBackups', 'warning', '还没有备份');
    await expect(security.row('automaticBackups').getByTestId('security-last-backup')).toHaveText('还没有备份。');
    await security.expectRow('auditChain', 'unknown', '尚未检查');
    await security.expectRow('diskEncryption', 'info', '应用未检查');
    await expect(security.row('diskEncryption')).toContainText('BitLocker（Windows）或 FileVault（Mac）');
    // The e2e harness is the browser mode: the desktop walls are not claimed.
    await security.expectRow('electron', 'info', '浏览器模式');
    await expect(security.row('electron').getByTestId('security-wall-sandbox')).toHaveCount(0);

    await security.checkChain();
    await security.expectRow('auditChain', 'on', '完好');
    await expect(security.row('auditChain').getByTestId('security-chain-detail')).toContainText(/^完好：已检查 \d+ 条记录，没有被修改或缺失。$/);

    // The owner sets a PIN and a backup password, and a backup is made.
    const backups = await BackupPage.open(page);
    await page.getByTestId('set-password').click();
    await new PinDialog(page).setPin('2580');
    const dialog = page.getByTestId('password-dialog');
    await dialog.getByTestId('password-input').fill('茶叶店 2026 备份');
    await dialog.getByTestId('password-confirm').fill('茶叶店 2026 备份');
    await dialog.getByTestId('password-save').click();
    await expect(dialog).toBeHidden();
    // The set-up shows the recovery sheet once; it closes only when the owner says it is kept.
    await closeRecoverySheet(page);
    await backups.backUpNow();

    security = await SecurityPage.open(page);
    await security.expectRow('pin', 'on', '已设置');
    await security.expectRow('backupEncryption', 'on', '已开启');
    await security.expectRow('automaticBackups', 'on', '已开启');
    await expect(security.row('automaticBackups').getByTestId('security-last-backup')).toHaveText('上次备份：不到 1 分钟前。');
    // The backup checked the chain: the section shows that without being asked.
    await security.expectRow('auditChain', 'on', '完好');

    // Turned off on purpose: a warning with its date.
    await BackupPage.open(page);
    await page.getByTestId('turn-off-encryption').click();
    await new PinDialog(page).enterPin('2580');
    await page.getByTestId('confirm-dialog').getByRole('button', { name: '关闭加密' }).click();
    await expect(page.getByTestId('backup-unprotected')).toBeVisible();
    security = await SecurityPage.open(page);
    await security.expectRow('backupEncryption', 'warning', '未开启');
    await expect(security.row('backupEncryption')).toContainText(/加密已于 .*2026.* 关闭/);
  });

  test.describe('in English', () => {
    test.use({ systemLocale: 'en-US' });

    test('says the same in English', async ({ app, page }) => {
      await app.startEmptyStore();
      const security = await SecurityPage.open(page);
      await expect(security.root.getByRole('heading', { name: 'Security and privacy' })).toBeVisible();
      await security.expectRow('pin', 'warning', 'Not set');
      await security.expectRow('backupEncryption', 'warning', 'Sheet not printed');
      await security.expectRow('diskEncryption', 'info', 'Not checked by the app');
      await security.expectRow('electron', 'info', 'Browser mode');
    });
  });
});
