// Screenshots of satisfaction per language: the demo store with answers recorded at the counter (some unhappy), the
// figures screen, the unhappy ones' follow-ups on Today, and the owner's survey editor in the settings.
import { parseISO } from 'date-fns';
import { test, expect } from '../e2e/fixtures';
import { SatisfactionPage, SurveyEditorPage } from '../e2e/pages/SatisfactionPage';
import { SurveyCardModel } from '../e2e/pages/SurveyPages';
import { TodayPage } from '../e2e/pages/TodayPage';
import { LOCALES, OUT } from './shotLocales';

const ANSWERS = [
  { csat: 5, nps: 10 },
  { csat: 4, nps: 9 },
  { csat: 2, nps: 3, why: '等了二十分钟才有人招呼' },
  { csat: 4, nps: 7 },
  { csat: 1, nps: 0, why: '买回去就坏了' },
];

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system, now: parseISO('2026-12-05T10:00:00') });

    test(`satisfaction in ${tag}`, async ({ app, page }) => {
      test.setTimeout(120_000);
      await app.startDemoStore();
      for (const [i, answer] of ANSWERS.entries()) {
        await app.goToCustomers();
        await app.rows.nth(i * 3).click();
        await expect(page.getByTestId('customer-name')).toBeVisible();
        const dialog = await new SurveyCardModel(page).record();
        await dialog.chooseCsat(answer.csat);
        await dialog.chooseNps(answer.nps);
        if (answer.why) await dialog.why.fill(answer.why);
        await dialog.save();
        await dialog.expectClosed();
      }
      const figures = await SatisfactionPage.open(page);
      await expect(figures.total('csat').value).toHaveText(/%/);
      await page.screenshot({ path: `${OUT}/${tag}-170-satisfaction.png` });
      const today = await TodayPage.open(page);
      await today.root.getByTestId('care-kind-survey-follow-up').click();
      await expect(today.items).toHaveCount(2);
      await page.screenshot({ path: `${OUT}/${tag}-171-today-survey-follow-up.png` });
      const editor = await SurveyEditorPage.open(page);
      await editor.root.scrollIntoViewIfNeeded();
      await editor.root.screenshot({ path: `${OUT}/${tag}-172-survey-editor.png` });
    });
  });
}
