// Screenshots of the points screen per language: the rules as the clerk sees them (locked), the owner's
// edit with the preview, a refused value, the rewards with a gift and its form, and the settings card.
import { getISODay } from 'date-fns';
import { test, expect } from '../e2e/fixtures';
import { PointsRulesPage } from '../e2e/pages/PointsPages';
import { LOCALES, OUT } from './shotLocales';

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system });

    test(`points screens in ${tag}`, async ({ app, page, now }) => {
      await app.startEmptyStore();
      const rules = await PointsRulesPage.open(page);
      await expect(rules.headline).toBeVisible();
      await page.screenshot({ path: `${OUT}/${tag}-p0-points-rules-clerk.png` });

      await rules.unlock();
      await rules.field('earnPoints').fill('2');
      await rules.memberDayOnWeekdays([getISODay(now)], '3');
      await expect(rules.headline).toContainText('1,608');
      // The screen scrolls inside the app's frame: a tall window shows the whole form at once.
      const viewport = page.viewportSize();
      await page.setViewportSize({ width: viewport?.width ?? 1280, height: 3600 });
      await page.screenshot({ path: `${OUT}/${tag}-p1-points-rules-owner.png` });
      if (viewport) await page.setViewportSize(viewport);

      await rules.field('earnPer').fill('x');
      await rules.save();
      await expect(rules.problems).toBeVisible();
      await page.screenshot({ path: `${OUT}/${tag}-p2-points-rules-refused.png` });
      await rules.field('earnPer').fill('1');
      await rules.save();
      await expect(rules.saved).toBeVisible();

      const rewards = await rules.toRewards();
      await rewards.addGift({ name: tag === 'en' ? 'Travel mug' : '保温杯', pointsCost: '500', stock: '20' });
      await expect(page.getByTestId('rewards-saved')).toBeVisible();
      await page.getByTestId('rewards-add').click();
      await expect(rewards.form).toBeVisible();
      await page.setViewportSize({ width: viewport?.width ?? 1280, height: 1400 });
      await page.screenshot({ path: `${OUT}/${tag}-p3-rewards-owner.png` });
      if (viewport) await page.setViewportSize(viewport);

      await page.getByTestId('nav-settings').click();
      await expect(page.getByTestId('points-card')).toBeVisible();
      await page.getByTestId('points-card').screenshot({ path: `${OUT}/${tag}-p4-settings-points-card.png` });
      await page.goto('/#/points/rewards');
      await expect(rewards.unlockButton).toBeVisible();
      await page.screenshot({ path: `${OUT}/${tag}-p5-rewards-clerk.png` });
    });
  });
}
