// The consent panel on the customer page (granted, withdrawn, never asked, with its history open) and the
// new-customer form's consent ticks, per language.
import { test, expect } from '../e2e/fixtures';
import { ConsentPanelModel, tickConsent } from '../e2e/pages/ConsentPages';
import { LOCALES, OUT } from './shotLocales';

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system });

    test(`consent panel and form in ${tag}`, async ({ app, page }) => {
      await app.startEmptyStore();
      const form = await app.newCustomer();
      await form.fillName('林晓雨');
      await form.fillPhone(0, '139 1234 5678');
      await tickConsent(form.root, ['sms', 'wechat'], 'paper-form');
      await form.root.getByTestId('form-consents').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUT}/${tag}-80-new-customer-consent.png` });
      await form.save();
      await expect(page.getByTestId('customer-name')).toHaveText('林晓雨');

      const consent = new ConsentPanelModel(page);
      await page.clock.fastForward('24:00:00');
      await consent.withdraw('wechat');
      await consent.grant('email', 'in-store');
      await consent.openHistory();
      await consent.root.scrollIntoViewIfNeeded();
      await consent.root.screenshot({ path: `${OUT}/${tag}-81-consent-panel.png` });
      await page.screenshot({ path: `${OUT}/${tag}-82-customer-page-consent.png` });
    });
  });
}
