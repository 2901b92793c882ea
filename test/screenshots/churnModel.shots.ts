// Screenshots of the churn model per language: the churn list judged by the fitted model, a customer's churn
// reason on their page, the model's card in the status rules, and a young store's fallback.
import { test, expect } from '../e2e/fixtures';
import { ChurnModelSettings, ChurnRiskPage, CustomerStatusModel } from '../e2e/pages/ChurnPages';
import { StatusRulesPage } from '../e2e/pages/StatusPages';
import { LOCALES, OUT } from './shotLocales';

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system });
    test(`churn model in ${tag}`, async ({ app, page }) => {
      const shot = (name: string, fullPage = false) => page.screenshot({ path: `${OUT}/${tag}-${name}.png`, fullPage });
      await app.startDemoStore();
      const churn = await ChurnRiskPage.open(page);
      await expect(churn.modelNote).toHaveAttribute('data-model', 'fitted', { timeout: 60_000 });
      await expect(churn.rows.first().getByTestId('churn-reason')).toBeVisible();
      await shot('90-churn-model-list');
      await churn.rows.first().click();
      const status = new CustomerStatusModel(page);
      await expect(status.riskReason).toBeVisible();
      await expect(status.expectedVisits).toBeVisible();
      await status.card.screenshot({ path: `${OUT}/${tag}-91-churn-model-customer.png` });
      await StatusRulesPage.open(page);
      const model = new ChurnModelSettings(page);
      await expect(model.note).toHaveAttribute('data-model', 'fitted');
      await model.card.scrollIntoViewIfNeeded();
      await model.card.screenshot({ path: `${OUT}/${tag}-92-churn-model-settings.png` });
      await model.capAsCount(3);
      await model.card.screenshot({ path: `${OUT}/${tag}-93-churn-model-settings-count.png` });
    });

    test(`a young store's fallback in ${tag}`, async ({ app, page }) => {
      await app.startEmptyStore();
      const churn = await ChurnRiskPage.open(page);
      await expect(churn.modelNote).toHaveAttribute('data-model', 'fallback', { timeout: 60_000 });
      await page.screenshot({ path: `${OUT}/${tag}-94-churn-model-fallback.png` });
    });
  });
}
