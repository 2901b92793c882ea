// Accessibility end to end: axe's WCAG 2.1 A/AA rules over every screen and dialog in both themes, form
// errors tied to their fields with focus on the first, and dialogs that make the page behind them inert.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { axeViolations } from './pages/axe';
import { BackupPage, PinDialog, RestoreDialogModel } from './pages/BackupPages';
import { DuplicatesPageModel } from './pages/DataPages';
import { ImportPage } from './pages/ImportPage';
import { StatusRulesPage, TierReviewPage } from './pages/StatusPages';
import { asOwner } from './pages/OwnerPin';

type Theme = 'light' | 'dark';

/** What axe found on each screen, gathered so one run names every broken rule at once. */
class Audit {
  readonly found: string[] = [];
  constructor(readonly page: Page) {}

  async check(screen: string) {
    for (const violation of await axeViolations(this.page)) {
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
      test.setTimeout(180_000);
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

      await page.getByTestId('send-greeting').click();
      await expect(page.getByTestId('greeting-panel')).toBeVisible();
      await audit.check('greeting dialog');
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('greeting-dialog')).toBeHidden();

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

    test(`the demo store: list, customer, trash, churn, Today, export, import, duplicates and merge (${theme})`, async ({ app, page }) => {
      test.setTimeout(180_000);
      await useTheme(page, theme);
      const audit = new Audit(page);
      await app.startDemoStore();
      await expect(app.rows.first()).toBeVisible();
      await audit.check('customer list, demo store');
      await page.getByTestId('nav-churn').click();
      await expect(page.getByTestId('churn-row').first()).toBeVisible();
      await audit.check('churn list');
      await page.getByTestId('nav-today').click();
      await expect(page.getByTestId('care-item').first()).toBeVisible();
      await audit.check('today');
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
      await page.getByTestId('nav-audit').click();
      await expect(page.getByTestId('owner-only-panel')).toBeVisible();
      await audit.check('audit log, locked for the clerk');
      await asOwner(page, () => page.getByTestId('owner-unlock').click());
      await expect(page.getByTestId('audit-row').first()).toBeVisible();
      await page.getByTestId('audit-check').click();
      await expect(page.getByTestId('audit-chain-result')).toHaveAttribute('data-status', 'intact');
      await audit.check('audit log');
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
      // Saving rules is the owner's: the first time, the owner PIN is set in place.
      await page.getByTestId('rules-save').click();
      const pin = page.getByTestId('pin-dialog');
      await expect(pin).toBeVisible();
      await pin.getByTestId('pin-submit').click();
      await audit.check('owner PIN dialog, new PIN');
      await new PinDialog(page).setPin('2580');
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
      await new PinDialog(page).enterPin('2580');
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
      await fromFile.pickFile(foreign);
      await expect(fromFile.root.getByRole('alert')).toBeVisible();
      await audit.check('restore from a file, refused');
      audit.expectClean();
    });
  });
}

/** Where the focus is, as a clerk would name it: the element's test id, else its accessible name. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    return el.dataset.testid ?? el.getAttribute('aria-label') ?? el.id ?? el.tagName;
  });
}

test.describe('form errors tied to their fields', () => {
  test('customer form, purchase and contact dialogs: the first failing field has the focus, is marked and reads its error', async ({ app, page }) => {
    await app.startEmptyStore();
    const form = await app.newCustomer();
    await form.fillPhone(0, '12345');
    await page.getByTestId('field-email').fill('bad@');
    await page.getByTestId('field-city').focus();
    await form.save();
    await expect(form.errorSummary).toBeVisible();
    // The name (empty) comes first; the phone and the e-mail are marked too, each read with its own error.
    const name = form.field('name');
    await expect(name).toBeFocused();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription(/请填写|必填|姓名/);
    for (const other of [form.field('phone-0'), page.getByTestId('field-email')]) {
      await expect(other).toHaveAttribute('aria-invalid', 'true');
      const described = await other.getAttribute('aria-describedby');
      expect(described).toBeTruthy();
      await expect(page.locator(`[id="${described!.split(' ').pop()}"]`)).toHaveClass(/form-error/);
    }
    // Fixed: the marks and the descriptions go; the hint describes the name again.
    await form.fillName('林晓美');
    await form.fillPhone(0, '13800138000');
    await page.getByTestId('field-email').fill('');
    await expect(name).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('field-email')).not.toHaveAttribute('aria-describedby');
    await form.save();
    await expect(page.getByTestId('customer-name')).toHaveText('林晓美');

    // The purchase dialog, total only, an amount that is not one.
    await page.getByTestId('record-purchase').click();
    const purchase = page.getByTestId('purchase-dialog');
    await purchase.locator('label', { has: page.getByTestId('purchase-mode-total') }).click();
    await purchase.getByTestId('purchase-amount').fill('十二块');
    await purchase.getByTestId('purchase-payment').focus();
    await purchase.getByTestId('purchase-save').click();
    const amount = purchase.getByTestId('purchase-amount');
    await expect(amount).toBeFocused();
    await expect(amount).toHaveAttribute('aria-invalid', 'true');
    await expect(amount).toHaveAccessibleDescription(/.+/);
    // Items: a line with a price but no product; its row's error describes the product field.
    await purchase.locator('label', { has: page.getByTestId('purchase-mode-items') }).click();
    await purchase.getByTestId('line-price').first().fill('12');
    await purchase.getByTestId('purchase-payment').focus();
    await purchase.getByTestId('purchase-save').click();
    const product = purchase.getByTestId('line-product').first();
    await expect(product).toBeFocused();
    await expect(product).toHaveAttribute('aria-invalid', 'true');
    await expect(product).toHaveAccessibleDescription(/.+/);
    await page.keyboard.press('Escape');
    await expect(purchase).toBeHidden();

    // The contact dialog: no summary.
    await page.getByTestId('record-contact').click();
    const contact = page.getByTestId('contact-dialog');
    await contact.getByTestId('contact-outcome').focus();
    await contact.getByTestId('contact-save').click();
    const summary = contact.getByTestId('contact-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toHaveAttribute('aria-invalid', 'true');
    await expect(summary).toHaveAccessibleDescription(/.+/);
    await summary.fill('问了新茶');
    await contact.getByTestId('contact-save').click();
    await expect(contact).toBeHidden();
  });

  test('status rules, backup settings, the owner PIN and the backup password: the same', async ({ app, page }) => {
    await app.startEmptyStore();
    const rules = await StatusRulesPage.open(page);
    await rules.tierField(1, 'minPurchases').fill('两次');
    await rules.save();
    const cell = rules.tierField(1, 'minPurchases');
    await expect(cell).toBeFocused();
    await expect(cell).toHaveAttribute('aria-invalid', 'true');
    await expect(cell).toHaveAccessibleDescription('请输入整数');

    // Backup settings are the owner's: a new PIN first, typed twice differently; the second field is the wrong one.
    await BackupPage.open(page);
    await page.getByTestId('edit-backup-settings').click();
    const pin = page.getByTestId('pin-dialog');
    await pin.getByTestId('pin-input').fill('2580');
    await pin.getByTestId('pin-confirm').fill('2581');
    await pin.getByTestId('pin-submit').click();
    const again = pin.getByTestId('pin-confirm');
    await expect(again).toBeFocused();
    await expect(again).toHaveAttribute('aria-invalid', 'true');
    await expect(again).toHaveAccessibleDescription(await pin.getByTestId('pin-error').innerText());
    await expect(pin.getByTestId('pin-input')).not.toHaveAttribute('aria-invalid', 'true');
    await new PinDialog(page).setPin('2580');

    await page.getByTestId('backup-setting-recentMax').fill('十');
    await page.getByTestId('backup-setting-dailyDays').fill('4000');
    await page.getByTestId('backup-settings-save').click();
    const first = page.getByTestId('backup-setting-recentMax');
    await expect(first).toBeFocused();
    await expect(first).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('backup-setting-dailyDays')).toHaveAttribute('aria-invalid', 'true');
    await expect(first).toHaveAccessibleDescription(/.+/);
    await page.getByTestId('backup-setting-recentMax').fill('10');
    await page.getByTestId('backup-setting-dailyDays').fill('30');
    await page.getByTestId('backup-settings-save').click();
    await expect(page.getByTestId('settings-summary')).toBeVisible();

    await page.getByTestId('set-password').click();
    const password = page.getByTestId('password-dialog');
    await password.getByTestId('password-input').fill('short');
    await password.getByTestId('password-confirm').focus();
    await password.getByTestId('password-save').click();
    const input = password.getByTestId('password-input');
    await expect(input).toBeFocused();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(new RegExp(await password.getByTestId('password-error').innerText()));
  });
});

test.describe('dialogs', () => {
  test('while a dialog is open the page behind it is inert and out of the accessibility tree; closing gives it back and the focus returns', async ({ app, page }) => {
    await app.startEmptyStore();
    const form = await app.newCustomer();
    await form.fillName('林晓美');
    await form.fillPhone(0, '13800138000');
    await form.save();
    await expect(page.getByTestId('customer-name')).toHaveText('林晓美');
    const opener = page.getByTestId('record-purchase');
    await opener.click();
    const dialog = page.getByTestId('purchase-dialog');
    await expect(dialog).toBeVisible();
    await expect(page.locator('#root')).toHaveAttribute('inert', '');
    const tree = await page.locator('body').ariaSnapshot();
    // Only the dialog: no sidebar, no search, no customer page, no landmarks of the page behind.
    expect(tree.split('\n').filter((line) => line.startsWith('- '))).toEqual([`- dialog "${await dialog.getByRole('heading', { level: 2 }).innerText()}":`]);
    expect(tree).not.toMatch(/navigation|main/);
    expect(tree).not.toContain(await page.getByTestId('record-contact').innerText());
    expect(await page.getByTestId('nav-settings').evaluate((el) => el.closest('[inert]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.locator('#root')).not.toHaveAttribute('inert');
    await expect(page.locator('#root')).not.toHaveAttribute('aria-hidden');
    await expect(opener).toBeFocused();
    expect(await page.locator('body').ariaSnapshot()).toMatch(/navigation/);

    // From a menu: the focus comes back to the menu's button.
    await opener.click();
    await dialog.locator('label', { has: page.getByTestId('purchase-mode-total') }).click();
    await dialog.getByTestId('purchase-amount').fill('680');
    await dialog.getByTestId('purchase-save').click();
    await expect(dialog).toBeHidden();
    const menu = page.locator('[data-kind="purchase"]').first().getByTestId('entry-menu');
    await menu.click();
    await page.getByTestId('entry-void').click();
    await expect(page.getByTestId('void-dialog')).toBeVisible();
    await expect(page.locator('#root')).toHaveAttribute('inert', '');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('void-dialog')).toBeHidden();
    await expect(menu).toBeFocused();
  });

  test('the purchase dialog: the date and the mode come before the items, Cancel, Save and Close after the last field', async ({ app, page }) => {
    await app.startEmptyStore();
    const form = await app.newCustomer();
    await form.fillName('林晓美');
    await form.fillPhone(0, '13800138000');
    await form.save();
    const dialog = page.getByTestId('purchase-dialog');
    const walk = async (keys: 'Tab' | 'Shift+Tab', steps: number) => {
      const seen = [await focused(page)];
      for (let i = 0; i < steps; i++) {
        await page.keyboard.press(keys);
        seen.push(await focused(page));
      }
      return seen;
    };
    await page.getByTestId('record-purchase').click();
    await dialog.locator('label', { has: page.getByTestId('purchase-mode-items') }).click();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // Items (the mode just used is remembered): the first item has the focus, for speed; the date and the
    // mode are just before it, and Tab from the last field goes to Cancel, Save and Close, then the date.
    await page.getByTestId('record-purchase').click();
    await expect(dialog.getByTestId('line-product').first()).toBeFocused();
    expect(await walk('Shift+Tab', 2)).toEqual(['line-product', 'purchase-mode-items', 'purchase-datetime']);
    const close = await dialog.getByRole('button', { name: '关闭' }).getAttribute('aria-label');
    // Paying with points is the last field (issue 15's till), then the buttons.
    expect(await walk('Tab', 13)).toEqual([
      'purchase-datetime',
      'purchase-mode-items',
      'line-product',
      'line-category',
      'line-quantity',
      'line-price',
      'purchase-discount',
      'purchase-payment',
      'purchase-note',
      'till-points-pay',
      'purchase-cancel',
      'purchase-save',
      close,
      'purchase-datetime',
    ]);

    // Total only: the same order around the amount.
    await dialog.locator('label', { has: page.getByTestId('purchase-mode-total') }).click();
    await dialog.getByTestId('purchase-datetime').focus();
    expect(await walk('Tab', 10)).toEqual(['purchase-datetime', 'purchase-mode-total', 'purchase-amount', 'purchase-discount', 'purchase-payment', 'purchase-note', 'till-points-pay', 'purchase-cancel', 'purchase-save', close, 'purchase-datetime']);
    expect(await walk('Shift+Tab', 3)).toEqual(['purchase-datetime', close, 'purchase-save', 'purchase-cancel']);
  });
});
