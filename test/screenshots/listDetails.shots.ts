// The customer list with long tags and the purchases column, per language (issue 12, item 6).
import { test, expect } from '../e2e/fixtures';
import { LOCALES, OUT } from './shotLocales';

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system });

    test(`long tags in the list in ${tag}`, async ({ app, page }) => {
      await app.startDemoStore();
      await expect(app.rows.first()).toBeVisible();
      const form = await app.newCustomer();
      await form.fillName('林晓雨');
      await form.fillPhone(0, '139 1234 5678');
      await form.addTags('每周六上午来买龙井和碧螺春的老主顾', '常客', '企业客户');
      await form.save();
      await expect(page.getByTestId('customer-name')).toHaveText('林晓雨');
      await page.screenshot({ path: `${OUT}/${tag}-70-customer-long-tags.png` });
      await app.goToCustomers();
      await expect(app.rows.first()).toContainText('林晓雨');
      await page.screenshot({ path: `${OUT}/${tag}-71-list-long-tags.png` });
    });
  });
}
