// Screenshots of the screens whose colours the contrast fixes changed, per language, in the light and the
// dark theme: muted text, badges, segmented choices, danger buttons, the backup pills, a stale preview.
import { test, expect } from '../e2e/fixtures';
import { BackupPage } from '../e2e/pages/BackupPages';
import { StatusRulesPage } from '../e2e/pages/StatusPages';
import { OUT } from './shotLocales';

const RUNS = [
  { system: 'zh-CN', tag: 'zh-CN' },
  { system: 'en-US', tag: 'en' },
] as const;

for (const { system, tag } of RUNS) {
  for (const theme of ['light', 'dark'] as const) {
    test.describe(`${tag} ${theme}`, () => {
      test.use({ systemLocale: system });
      test(`colours in ${tag}, ${theme}`, async ({ app, page }) => {
        test.setTimeout(180_000);
        await page.addInitScript((chosen) => localStorage.setItem('regulars.theme', chosen), theme);
        const shot = (name: string) => page.screenshot({ path: `${OUT}/${tag}-${theme}-${name}.png` });
        await app.open();
        await expect(page.getByTestId('start-demo')).toBeVisible();
        await shot('70-welcome');
        await page.getByTestId('start-demo').click();
        await expect(app.rows.first()).toBeVisible();
        await app.searchBox.focus();
        await page.locator('body').click({ position: { x: 5, y: 700 } });
        await shot('71-list');
        await app.rows.nth(2).click();
        await expect(page.getByTestId('timeline-entry').first()).toBeVisible();
        await shot('72-customer');
        await page.getByTestId('record-purchase').click();
        const purchase = page.getByTestId('purchase-dialog');
        await purchase.locator('label', { has: page.getByTestId('purchase-mode-items') }).click();
        await purchase.getByTestId('line-price').first().fill('12');
        await purchase.getByTestId('purchase-save').click();
        await expect(purchase.getByTestId('purchase-errors')).toBeVisible();
        await shot('73-purchase-errors');
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
        await expect(purchase).toBeHidden();
        await page.locator('[data-kind="purchase"]').first().getByTestId('entry-menu').click();
        await page.getByTestId('entry-void').click();
        await page.getByTestId('void-confirm').hover();
        await shot('74-void-hover');
        await page.keyboard.press('Escape');
        await page.getByTestId('nav-import').click();
        await shot('75-import');
        await page.getByTestId('nav-export').click();
        await expect(page.getByTestId('export-start')).toBeVisible();
        await shot('76-export');
        const rules = await StatusRulesPage.open(page);
        await expect(rules.preview).toBeVisible({ timeout: 30_000 });
        await rules.tierField(1, 'minPurchases').fill('x');
        await rules.save();
        await expect(rules.problems).toBeVisible();
        await shot('77-rules-stale');
        const backups = await BackupPage.open(page);
        await backups.backUpNow();
        await page.getByTestId('set-password').click();
        await page.getByTestId('pin-input').fill('2580');
        await page.getByTestId('pin-confirm').fill('2581');
        await page.getByTestId('pin-submit').click();
        await expect(page.getByTestId('pin-error')).toBeVisible();
        await shot('78-pin-error');
        await page.getByTestId('pin-confirm').fill('2580');
        await page.getByTestId('pin-submit').click();
        await expect(page.getByTestId('pin-dialog')).toBeHidden();
        await page.keyboard.press('Escape');
        await shot('79-backups');
      });
    });
  }
}
