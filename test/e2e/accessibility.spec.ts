// Accessibility end to end: axe's WCAG 2.1 A/AA rules over every screen and dialog in both themes, form
// errors tied to their fields with focus on the first, and dialogs that make the page behind them inert.
import AxeBuilder from '@axe-core/playwright';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { BackupPage, PinDialog, RestoreDialogModel } from './pages/BackupPages';
import { DuplicatesPageModel } from './pages/DataPages';
import { ImportPage } from './pages/ImportPage';
import { StatusRulesPage, TierReviewPage } from './pages/StatusPages';

type Theme = 'light' | 'dark';

/** What axe found on each screen, gathered so one run names every broken rule at once. */
class Audit {
  readonly found: string[] = [];
  constructor(readonly page: Page) {}

  async check(screen: string) {
    const result = await new AxeBuilder({ page: this.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    for (const violation of result.violations) {
      for (const node of violation.nodes) {
        this.found.push(`${screen}: ${violation.id} at ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`);
      }
    }
  }

  expectClean() {
    expect(this.found, this.found.join('\n')).toEqual([]);
  }
}

/** The theme as settings saves it, before the app starts; and no motion, so colours are read at rest. */
async function useTheme(page: Page, theme: Theme) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.addInitScript((chosen) => localStorage.setItem('regulars.theme', chosen), theme);
}

// Light in Chinese and dark in English, so both languages are read too.
const RUNS = [
  { theme: 'light', locale: 'zh-CN' },
  { theme: 'dark', locale: 'en-US' },
] as const;

for (const { theme, locale } of RUNS) {
  test.describe(`axe, ${theme} theme`, () => {
    test.use({ systemLocale: locale });

    test(`an empty store: welcome, the empty list, the customer form, the customer page and its dialogs, settings (${theme})`, async ({ app, page }) => {
      test.setTimeout(120_000);
      await useTheme(page, theme);
      const audit = new Audit(page);
      await app.open();
      await expect(page.getByTestId('start-demo')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await audit.check('welcome');

      await page.getByTestId('start-empty').click();
      await expect(app.searchBox).toBeVisible();
      await audit.check('customer list, empty');

      const form = await app.newCustomer();
      await form.fillPhone(0, '12345');
      await page.getByTestId('field-email').fill('bad@');
      await form.save();
      await expect(form.errorSummary).toBeVisible();
      await audit.check('new customer with errors');
      await form.fillName('林晓美');
      await form.fillPhone(0, '13800138000');
      await page.getByTestId('field-email').fill('');
      await form.save();
      await expect(page.getByTestId('customer-name')).toHaveText('林晓美');

      const purchase = page.getByTestId('purchase-dialog');
      await page.getByTestId('record-purchase').click();
      await expect(purchase).toBeVisible();
      await audit.check('purchase dialog');
      await purchase.getByTestId('purchase-save').click();
      await expect(purchase.getByTestId('purchase-errors')).toBeVisible();
      await audit.check('purchase dialog with errors');
      await purchase.locator('label', { has: page.getByTestId('purchase-mode-total') }).click();
      await purchase.getByTestId('purchase-amount').fill('680');
      await purchase.getByTestId('purchase-save').click();
      await expect(purchase).toBeHidden();

      await page.getByTestId('record-contact').click();
      const contact = page.getByTestId('contact-dialog');
      await expect(contact).toBeVisible();
      await contact.getByTestId('contact-save').click();
      await expect(contact.getByTestId('contact-errors')).toBeVisible();
      await audit.check('contact dialog with errors');
      await contact.getByTestId('contact-summary').fill('问了新茶');
      await contact.getByTestId('contact-save').click();
      await expect(contact).toBeHidden();
      await expect(page.getByTestId('timeline-entry')).toHaveCount(2);
      await audit.check('customer page');

      await page.locator('[data-kind="purchase"]').first().getByTestId('entry-menu').click();
      await audit.check('timeline entry menu');
      await page.getByTestId('entry-void').click();
      const voiding = page.getByTestId('void-dialog');
      await expect(voiding).toBeVisible();
      await voiding.getByTestId('void-confirm').click();
      await audit.check('void dialog');
      await page.keyboard.press('Escape');
      await expect(voiding).toBeHidden();

      await page.getByTestId('edit-customer').click();
      await page.getByTestId('field-name').fill('');
      await form.save();
      await expect(form.errorSummary).toBeVisible();
      await audit.check('edit customer with errors');

      await page.getByTestId('nav-settings').click();
      await expect(page.getByTestId('theme-select')).toBeVisible();
      await audit.check('settings');

      audit.expectClean();
    });

    test(`the demo store: list, customer, trash, churn, export, import, duplicates and merge (${theme})`, async ({ app, page }) => {
      test.setTimeout(120_000);
      await useTheme(page, theme);
      const audit = new Audit(page);
      await app.startDemoStore();
      await expect(app.rows.first()).toBeVisible();
      await audit.check('customer list, demo store');
      await page.getByTestId('nav-churn').click();
      await expect(page.getByTestId('churn-row').first()).toBeVisible();
      await audit.check('churn list');
      await page.getByTestId('nav-export').click();
      await expect(page.getByTestId('export-start')).toBeVisible();
      await audit.check('export');
      await page.getByTestId('nav-customers').click();
      await app.rows.nth(1).click();
      await expect(page.getByTestId('timeline-entry').first()).toBeVisible();
      await audit.check('demo customer page');
      await page.getByTestId('trash-customer').click();
      await expect(page.getByTestId('confirm-dialog')).toBeVisible();
      await audit.check('move to trash dialog');
      await page.getByTestId('confirm-dialog').locator('.button-danger, .button-primary').click();
      await page.getByTestId('nav-trash').click();
      await expect(page.getByTestId('trash-row').first()).toBeVisible();
      await audit.check('trash');
      await page.getByTestId('nav-customers').click();
      await expect(app.rows.first()).toBeVisible();
      const demoPhone = (await app.rows.filter({ has: page.locator('.col-phone .mono') }).first().locator('.col-phone').innerText()).replace(/\D/g, '');
      const imp = new ImportPage(page);
      await imp.open();
      await audit.check('import');
      const csv = ['姓名,手机,邮箱', `林晓美,${demoPhone},xm@example.cn`, '王芳,12345,wf@', '陈静,13900139001,cj@example.cn'].join('\r\n');
      await imp.pickFile('客户.csv', Buffer.from(`\uFEFF${csv}`, 'utf8'));
      await expect(imp.errorRows.first()).toBeVisible();
      await audit.check('import preview');

      await page.goto('/#/customers/new');
      await page.getByTestId('field-name').fill('林晓美');
      await page.getByTestId('field-phone-0').fill(demoPhone);
      await expect(page.getByTestId('duplicate-warning')).toBeVisible();
      await audit.check('new customer with a duplicate warning');
      await page.getByTestId('save-customer').click();
      await expect(page.getByTestId('customer-name')).toHaveText('林晓美');
      const duplicates = new DuplicatesPageModel(page);
      await duplicates.open();
      await audit.check('duplicates');
      await duplicates.find();
      const group = page.getByTestId('duplicate-group').filter({ hasText: '林晓美' });
      await expect(group).toBeVisible();
      await audit.check('duplicates found');
      const merge = await duplicates.openMerge(group);
      await audit.check('merge dialog');
      await merge.preview();
      await audit.check('merge preview');
      audit.expectClean();
    });

    test(`status rules, tier review, backups, owner PIN, password and restore (${theme})`, async ({ app, page, dataFolder }) => {
      test.setTimeout(180_000);
      await useTheme(page, theme);
      const audit = new Audit(page);
      await app.startDemoStore();
      const rules = await StatusRulesPage.open(page);
      await expect(rules.preview).toBeVisible({ timeout: 30_000 });
      await audit.check('status rules');
      await rules.tierField(1, 'minPurchases').fill('x');
      await rules.save();
      await expect(rules.problems).toBeVisible();
      await audit.check('status rules with errors');
      await rules.tierField(1, 'minPurchases').fill('2');
      await rules.tierField(1, 'minSpend').fill('20000');
      await rules.tierField(0, 'minSpend').fill('50000');
      await rules.save();
      await expect(rules.saved).toBeVisible({ timeout: 60_000 });
      await page.getByTestId('review-due').click();
      const review = new TierReviewPage(page);
      await expect(review.rows.first()).toBeVisible();
      await audit.check('tier review');

      const screen = await BackupPage.open(page);
      await expect(page.getByTestId('no-backups')).toBeVisible();
      await audit.check('backups, none yet');
      await screen.backUpNow();
      await audit.check('backups');
      await page.getByTestId('set-password').click();
      const pin = page.getByTestId('pin-dialog');
      await expect(pin).toBeVisible();
      await pin.getByTestId('pin-submit').click();
      await audit.check('owner PIN dialog, new PIN');
      await new PinDialog(page).setPin('2580');
      const password = page.getByTestId('password-dialog');
      await password.getByTestId('password-input').fill('tea shop 2026');
      await password.getByTestId('password-confirm').fill('tea shop 2027');
      await password.getByTestId('password-save').click();
      await expect(password.getByTestId('password-error')).toBeVisible();
      await audit.check('backup password dialog with errors');
      await page.keyboard.press('Escape');

      await page.getByTestId('edit-backup-settings').click();
      await page.getByTestId('backup-setting-dailyDays').fill('4000');
      await page.getByTestId('backup-settings-save').click();
      await expect(page.getByTestId('backup-settings-form').getByRole('alert')).toBeVisible();
      await audit.check('backup settings with errors');
      await page.getByTestId('backup-setting-dailyDays').fill('30');
      await page.getByTestId('backup-settings-save').click();
      await expect(page.getByTestId('settings-summary')).toBeVisible();

      await app.goToCustomers();
      const again = await BackupPage.open(page);
      await again.restoreRow(again.rows.first());
      await expect(pin).toBeVisible();
      await pin.getByTestId('pin-input').fill('1111');
      await pin.getByTestId('pin-submit').click();
      await expect(page.getByTestId('pin-error')).toBeVisible();
      await audit.check('owner PIN dialog, wrong PIN');
      await new PinDialog(page).enterPin('2580');
      const restore = new RestoreDialogModel(page);
      await expect(restore.preview).toBeVisible();
      await audit.check('restore preview');
      await page.keyboard.press('Escape');
      await expect(restore.root).toBeHidden();

      const foreign = path.join(dataFolder, 'not-a-backup.rgbackup');
      await writeFile(foreign, '{"customers":[]}');
      // The owner is still unlocked from the restore just above: no PIN this time.
      const fromFile = await again.restoreFromFile();
      await fromFile.typePath(foreign);
      await expect(fromFile.root.getByRole('alert')).toBeVisible();
      await audit.check('restore from a file, refused');
      audit.expectClean();
    });
  });
}
