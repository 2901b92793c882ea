// Screenshots of campaigns per language: a new campaign with its segment being built (a condition with a problem
// named), and a running campaign's results and list with one contact marked.
import { parseISO } from 'date-fns';
import { test, expect } from '../e2e/fixtures';
import { CampaignPage, NewCampaignPage } from '../e2e/pages/CampaignPages';
import { clickAsNeeded } from '../e2e/pages/OwnerPin';
import { LOCALES, OUT } from './shotLocales';

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system, now: parseISO('2026-12-07T10:00:00') });

    test(`campaigns in ${tag}`, async ({ app, page }) => {
      await app.startDemoStore();
      const form = await NewCampaignPage.open(page);
      await form.counted();
      await form.addCondition.selectOption({ index: 1 });
      await form.addCondition.selectOption({ index: 4 });
      await form.name.fill(tag === 'en' ? 'Autumn welcome back' : '秋季老客回馈');
      await form.cost.fill('80');
      await expect(form.reach).not.toContainText('…');
      await page.screenshot({ path: `${OUT}/${tag}-200-campaign-new.png`, fullPage: true });

      // Only the default condition, so the campaign has members.
      while ((await form.root.locator('.segment-condition').count()) > 1) await form.root.locator('.segment-condition .link-button').last().click();
      await clickAsNeeded(page, page.getByTestId('campaign-start'));
      const campaign = new CampaignPage(page);
      await expect(campaign.rows.first()).toBeVisible();
      await campaign.rows.first().locator('.segment-chips button').nth(2).click();
      await expect(campaign.results).toBeVisible();
      await page.screenshot({ path: `${OUT}/${tag}-201-campaign.png`, fullPage: true });
      await page.goto('#/campaigns');
      await expect(page.locator('section.campaigns-screen tbody tr')).toHaveCount(1);
      await page.screenshot({ path: `${OUT}/${tag}-202-campaigns.png` });
    });
  });
}
