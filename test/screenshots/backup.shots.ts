// Screenshots of backups and restore, per language: the backup screen empty and with backups, the owner
// PIN, the restore preview and the note after a restore, the settings, the backup password, a refused
// file, a failed automatic backup and backup at quit, the start-up recovery and the full-disk warning.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '../e2e/fixtures';
import { BackupPage, closeRecoverySheet, ClosingWindow, holdBackupSessions, PinDialog, RestoreDialogModel, startWithDataLost } from '../e2e/pages/BackupPages';
import { LOCALES, OUT } from './shotLocales';

const PIN = '2580';

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system });

    test(`backups and restore in ${tag}`, async ({ app, page, dataFolder }) => {
      const shot = (name: string, fullPage = false) => page.screenshot({ path: `${OUT}/${tag}-${name}.png`, fullPage });
      await app.startDemoStore();
      const screen = await BackupPage.open(page);
      await expect(page.getByTestId('no-backups')).toBeVisible();
      await shot('50-backups-empty', true);

      await screen.backUpNow();
      await page.getByTestId('set-password').click();
      await new PinDialog(page).setPin(PIN);
      const password = page.getByTestId('password-dialog');
      await password.getByTestId('password-input').fill('tea shop 2026');
      await password.getByTestId('password-confirm').fill('tea shop 2027');
      await password.getByTestId('password-save').click();
      await expect(password.getByTestId('password-error')).toBeVisible();
      await shot('51-backup-password');
      await password.getByTestId('password-confirm').fill('tea shop 2026');
      await password.getByTestId('password-save').click();
      await expect(password).toBeHidden();
      await closeRecoverySheet(page);
      await screen.backUpNow();
      await expect(screen.rows).toHaveCount(2);
      await shot('52-backups-list', true);

      await page.getByTestId('edit-backup-settings').click();
      await page.getByTestId('backup-setting-dailyDays').fill('4000');
      await page.getByTestId('backup-settings-save').click();
      await expect(page.getByTestId('backup-settings-form').getByRole('alert')).toBeVisible();
      await page.getByTestId('backup-settings-form').scrollIntoViewIfNeeded();
      await shot('53-backup-settings', true);
      await page.getByTestId('backup-setting-dailyDays').fill('30');
      await page.getByTestId('backup-settings-save').click();
      await expect(page.getByTestId('settings-summary')).toBeVisible();

      // The PIN dialog as the owner sees it after coming back to the screen.
      await app.goToCustomers();
      const again = await BackupPage.open(page);
      // The older of the two: not encrypted, so the preview comes straight after the PIN.
      await again.restoreRow(again.row('manual').last());
      await expect(page.getByTestId('pin-dialog')).toBeVisible();
      await page.getByTestId('pin-input').fill('1111');
      await page.getByTestId('pin-submit').click();
      await expect(page.getByTestId('pin-error')).toBeVisible();
      await shot('54-pin');
      await new PinDialog(page).enterPin(PIN);
      const restore = new RestoreDialogModel(page);
      await expect(restore.preview).toBeVisible();
      await shot('55-restore-preview');
      await restore.confirm();
      await expect(page.getByTestId('restore-notice')).toBeVisible({ timeout: 30_000 });
      await shot('56-restored', true);

      // A file that is not a backup, picked with the browser's file picker (browser mode).
      const foreign = path.join(dataFolder, 'not-a-backup.rgbackup');
      await writeFile(foreign, '{"customers":[]}');
      const fromFile = await screen.restoreFromFile();
      await new PinDialog(page).enterPin(PIN);
      await fromFile.pickFile(foreign);
      await expect(fromFile.root.getByRole('alert')).toBeVisible();
      await shot('57-restore-refused');
      await fromFile.root.getByTestId('restore-file-input').press('Escape');

      // An automatic backup into a folder that has gone (a USB drive pulled out).
      const usb = await mkdtemp(path.join(os.tmpdir(), 'regulars-usb-'));
      await page.getByTestId('edit-backup-settings').click();
      // A system folder is refused, in the owner's language.
      await page.getByTestId('folder-path-input').fill('/etc');
      await page.getByRole('button', { name: /Use this folder|使用此文件夹|使用此資料夾/ }).click();
      await expect(page.getByTestId('folder-message')).toHaveAttribute('role', 'alert');
      await page.getByTestId('folder-message').scrollIntoViewIfNeeded();
      await shot('58a-backup-folder-system');
      await page.getByTestId('folder-path-input').fill(usb);
      await page.getByRole('button', { name: /Use this folder|使用此文件夹|使用此資料夾/ }).click();
      await expect(page.getByTestId('folder-message')).toBeVisible();
      await rm(usb, { recursive: true, force: true });
      await page.getByTestId('backup-setting-quietMinutes').fill('0');
      await page.getByTestId('backup-settings-save').click();
      await expect(page.getByTestId('automatic-backup-failed')).toBeVisible({ timeout: 20_000 });
      await shot('58-automatic-failed');

      // Closing the window after a change, with the folder still gone: the backup at quit fails and waits.
      const form = await app.newCustomer();
      await form.fillName('Lin Xiaoyu');
      await form.fillPhone(0, '139 6666 0000');
      await form.save();
      const closing = new ClosingWindow(page);
      await closing.request();
      await expect(closing.overlay.getByTestId('closing-retry')).toBeVisible({ timeout: 30_000 });
      await shot('62-closing-failed');
    });

    test(`an automatic backup postponed in ${tag}`, async ({ app, page }) => {
      await app.startDemoStore();
      await BackupPage.open(page);
      await holdBackupSessions(page, 2);
      await page.getByTestId('edit-backup-settings').click();
      await new PinDialog(page).setPin(PIN);
      await page.getByTestId('backup-setting-quietMinutes').fill('0');
      await page.getByTestId('backup-settings-save').click();
      await expect(page.getByTestId('automatic-backup-postponed')).toBeVisible({ timeout: 20_000 });
      await app.goToCustomers();
      await page.screenshot({ path: `${OUT}/${tag}-58b-automatic-postponed.png` });
    });

    test(`start-up recovery and a full disk in ${tag}`, async ({ app, page, dataFolder }) => {
      const shot = (name: string, fullPage = false) => page.screenshot({ path: `${OUT}/${tag}-${name}.png`, fullPage });
      await app.startDemoStore();
      const screen = await BackupPage.open(page);
      await screen.backUpNow();
      await screen.backUpNow();
      expect((await readdir(path.join(dataFolder, 'backups'))).length).toBeGreaterThanOrEqual(2);
      const recovery = await startWithDataLost(page, app.searchBox);
      await shot('59-startup-recovery');
      await recovery.restoreLatest();
      await expect(new RestoreDialogModel(page).preview).toBeVisible();
      await shot('60-startup-restore-preview');
      await new RestoreDialogModel(page).confirm();
      await expect(page.getByTestId('restore-notice')).toBeVisible({ timeout: 30_000 });

      // The disk as the browser reports it when almost full.
      await page.addInitScript(() => {
        Object.defineProperty(navigator.storage, 'estimate', { value: async () => ({ quota: 5_000_000_000, usage: 4_990_000_000 }) });
      });
      await page.reload();
      await expect(page.getByTestId('storage-full')).toBeVisible();
      await page.getByTestId('storage-check').click();
      await expect(page.getByTestId('storage-still-full')).toBeVisible();
      await shot('61-storage-full');
    });
  });
}
