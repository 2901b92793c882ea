// Takes a screenshot of every screen, per language, into .tmp/screenshots (and the README's picture).
import { test, expect } from '../e2e/fixtures';

const OUT = process.env.SCREENSHOT_DIR ?? '.tmp/screenshots';
const LOCALES = [
  { system: 'zh-CN', tag: 'zh-CN' },
  { system: 'en-US', tag: 'en' },
  { system: 'zh-TW', tag: 'zh-TW' },
] as const;

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system });
    test(`every screen in ${tag}`, async ({ app, page }) => {
      const shot = (name: string, fullPage = false) => page.screenshot({ path: `${OUT}/${tag}-${name}.png`, fullPage });
      await app.open();
      await expect(page.getByTestId('start-demo')).toBeVisible();
      await shot('01-welcome');
      await page.getByTestId('start-demo').click();
      await expect(app.rows.first()).toBeVisible();
      await shot('02-list');
      if (tag === 'zh-CN') await page.screenshot({ path: 'docs/screenshot.png' });
      await app.search('zh');
      await expect(app.rows.first()).toBeVisible();
      await shot('03-search');
      await app.rows.first().click();
      await expect(page.getByTestId('customer-name')).toBeVisible();
      await shot('04-customer');
      await page.getByTestId('edit-customer').click();
      await expect(page.getByTestId('customer-form')).toBeVisible();
      await shot('05-edit');
      await page.getByTestId('field-name').fill('');
      await page.getByTestId('field-phone-0').fill('95588');
      await page.getByTestId('field-email').fill('bad@');
      await page.getByTestId('save-customer').click();
      await expect(page.getByTestId('form-errors')).toBeVisible();
      await shot('06-form-errors');
      await page.goto('/#/customers');
      await app.search('');
      const phone = await app.rows.filter({ has: page.locator('.col-phone .mono') }).first().locator('.col-phone').innerText();
      await page.goto('/#/customers/new');
      await page.getByTestId('field-name').fill('新客人');
      await page.getByTestId('field-phone-0').fill(phone);
      await expect(page.getByTestId('duplicate-warning')).toBeVisible();
      await page.getByTestId('field-birthday-calendar').selectOption('lunar');
      await shot('07-new', true);
      await page.goto('/#/customers');
      await app.rows.nth(1).click();
      await page.getByTestId('trash-customer').click();
      await expect(page.getByTestId('confirm-dialog')).toBeVisible();
      await shot('08-confirm-trash');
      await page.getByTestId('confirm-dialog').getByRole('button').last().click();
      await page.getByTestId('nav-trash').click();
      await expect(page.getByTestId('trash-row').first()).toBeVisible();
      await shot('09-trash');
      await page.getByTestId('nav-settings').click();
      await shot('10-settings');
      await page.getByTestId('theme-select').selectOption('dark');
      await page.getByTestId('nav-customers').click();
      await expect(app.rows.first()).toBeVisible();
      await shot('11-list-dark');
    });
  });
}
