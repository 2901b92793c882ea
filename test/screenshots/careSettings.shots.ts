// Screenshots of the settings' care-reminders section per language: as a new store has it, and with a value refused.
import { test, expect } from '../e2e/fixtures';
import { CareSettingsPage } from '../e2e/pages/CareSettingsPage';
import { LOCALES, OUT } from './shotLocales';

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system, now: new Date(2026, 11, 5, 10, 0) });

    test(`care reminder settings in ${tag}`, async ({ app, page }) => {
      await app.startEmptyStore();
      const care = await CareSettingsPage.open(page);
      await care.root.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUT}/${tag}-98-settings-care.png` });
      await care.fill({ festival: '61', cadenceOverdueDays: '0' });
      await care.saveRefused();
      await expect(care.error('festival')).toBeVisible();
      await care.root.screenshot({ path: `${OUT}/${tag}-99-settings-care-refused.png` });
    });
  });
}
