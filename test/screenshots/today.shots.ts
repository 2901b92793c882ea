// Screenshots of the Today screen per language: the demo store on a day near 中秋 and 国庆 (birthdays, the festival
// with its days off, call-backs, follow-ups), and one kind picked.
import { parseISO } from 'date-fns';
import { test, expect } from '../e2e/fixtures';
import { TodayPage } from '../e2e/pages/TodayPage';
import { LOCALES, OUT } from './shotLocales';

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system, now: parseISO('2026-09-22T10:00:00') });

    test(`today in ${tag}`, async ({ app, page }) => {
      await app.startDemoStore();
      const today = await TodayPage.open(page);
      await expect(today.items.first()).toBeVisible();
      await expect(today.items.first().getByTestId('care-customer').first()).not.toHaveText('…');
      await page.screenshot({ path: `${OUT}/${tag}-100-today.png` });
      await today.root.getByTestId('care-kind-festival').click();
      await expect(today.items.first()).toBeVisible();
      await page.screenshot({ path: `${OUT}/${tag}-101-today-festival.png` });
      // The churn-risk list with its contact column.
      await page.getByTestId('nav-churn').click();
      await expect(page.getByTestId('churn-row').first()).toBeVisible();
      await page.screenshot({ path: `${OUT}/${tag}-102-churn-contact.png` });
    });
  });
}
