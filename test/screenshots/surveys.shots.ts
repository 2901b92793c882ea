// Satisfaction surveys per language: the after-purchase prompt, the survey form (filled, and refused with its
// marks), the customer page with the last score and the answer in the timeline, the list filtered by band, and the
// settings' survey rules with a refused value.
import { test, expect } from '../e2e/fixtures';
import { createCustomer } from '../e2e/pages/PurchasePages';
import { SurveyCardModel, SurveyPromptModel, SurveySettingsModel, surveyFilter } from '../e2e/pages/SurveyPages';
import { LOCALES, OUT } from './shotLocales';

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system });

    test(`surveys in ${tag}`, async ({ app, page }) => {
      await app.startEmptyStore();
      const customer = await createCustomer(app, '林晓雨', '13912345678');
      const sale = await customer.recordPurchase();
      await sale.useMode('total');
      await sale.amount.fill('268');
      await sale.save();
      await sale.expectClosed();
      const prompt = new SurveyPromptModel(page);
      await expect(prompt.root).toBeVisible();
      await page.screenshot({ path: `${OUT}/${tag}-90-survey-prompt.png` });

      const form = await prompt.ask();
      await form.chooseCsat(2);
      await form.chooseNps(4);
      await form.toggleChoice('waiting');
      await form.why.fill('x'.repeat(501));
      await form.save();
      await expect(form.errorSummary).toBeVisible();
      await form.root.screenshot({ path: `${OUT}/${tag}-91-survey-form-refused.png` });
      await form.why.fill(tag === 'en' ? 'Only one till open; waited ten minutes.' : '只开了一个收银台，等了十分钟。');
      await form.root.screenshot({ path: `${OUT}/${tag}-92-survey-form.png` });
      await form.save();
      await form.expectClosed();

      const card = new SurveyCardModel(page);
      await expect(card.last).toHaveAttribute('data-band', 'detractor');
      await expect(customer.toast).toBeHidden();
      await card.root.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUT}/${tag}-93-customer-page-survey.png` });
      await card.root.screenshot({ path: `${OUT}/${tag}-94-survey-card.png` });
      await customer.timeline.entries.first().screenshot({ path: `${OUT}/${tag}-96-timeline-survey.png` });

      await app.goToCustomers();
      await surveyFilter(page).selectOption('detractor');
      await expect(app.rows).toHaveCount(1);
      await page.screenshot({ path: `${OUT}/${tag}-95-list-survey-filter.png` });

      const rules = await SurveySettingsModel.open(page);
      await rules.field('followUpHours').fill('0');
      await rules.saveRefused();
      await rules.root.scrollIntoViewIfNeeded();
      await rules.root.screenshot({ path: `${OUT}/${tag}-97-survey-settings.png` });
    });
  });
}
