// Screenshots of campaigns per language: a new campaign with its segment being built (a condition with a problem
// named), a running campaign's results and list with one contact marked, and saved segments: a refused name, one
// loaded and changed, and one naming a tag no customer carries and a tier the rules no longer have.
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

      // Saved segments: a name refused, then saved, loaded and changed.
      const again = await NewCampaignPage.open(page);
      await again.counted();
      const locked = await again.saved.openNameDialog('saved-segment-save');
      await again.saved.submitName(' ', locked, false);
      await expect(again.saved.dialog.locator('.form-error')).toBeVisible();
      await page.screenshot({ path: `${OUT}/${tag}-203-segment-save-refused.png` });
      await again.saved.submitName(tag === 'en' ? 'Lapsed for two months' : '两个月没来的客户', locked);
      await again.addCondition.selectOption({ index: 2 });
      await expect(again.saved.loaded).toContainText(/changed|改动|改動/);
      // The screen scrolls inside the window: the builder brought to the top, then the window taken.
      await again.root.locator('.segment-builder').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `${OUT}/${tag}-204-segment-saved-changed.png` });

      // A saved segment whose tag no customer carries any more and whose tier left the rules (written as a restore
      // would leave it), loaded: both named in words, the gone values marked to untick.
      const at = '2026-12-01T02:00:00.000Z';
      const stale = {
        id: '00000000-0000-4000-8000-00000000a001',
        name: tag === 'en' ? 'Old regulars' : '老街坊',
        conditions: [
          { kind: 'tier', tierIds: ['tier-gone-2025'] },
          { kind: 'tags', tags: ['企业客户', '老街坊'], match: 'any' },
        ],
        createdAt: at,
        updatedAt: at,
      };
      await page.evaluate(async (row) => {
        const open = (name: string) =>
          new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open(name);
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
        for (const { name } of await indexedDB.databases()) {
          if (!name) continue;
          const db = await open(name);
          if (db.objectStoreNames.contains('savedSegments')) {
            await new Promise<void>((resolve, reject) => {
              const tx = db.transaction('savedSegments', 'readwrite');
              tx.objectStore('savedSegments').put(row);
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
            });
          }
          db.close();
        }
      }, stale);
      await page.reload();
      await expect(again.root).toBeVisible();
      await again.saved.load(stale.name);
      await expect(again.root.locator('.chip-gone')).toHaveCount(2);
      await again.counted();
      await again.root.locator('.segment-builder').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `${OUT}/${tag}-205-segment-gone-values.png` });
    });
  });
}
