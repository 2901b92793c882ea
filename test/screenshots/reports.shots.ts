// Screenshots of the reports per language and theme: the demo store with answers recorded at the counter, each
// section with its charts, and the report as printed (A4, print media).
import { parseISO } from 'date-fns';
import { test, expect } from '../e2e/fixtures';
import { ReportsPage } from '../e2e/pages/ReportsPage';
import { SatisfactionPage } from '../e2e/pages/SatisfactionPage';
import { SurveyCardModel } from '../e2e/pages/SurveyPages';
import { LOCALES, OUT } from './shotLocales';

const ANSWERS = [
  { csat: 5, nps: 10 },
  { csat: 4, nps: 9 },
  { csat: 2, nps: 3 },
  { csat: 4, nps: 7 },
  { csat: 1, nps: 0 },
];

const SECTIONS = ['sales', 'customers', 'status', 'loyalty', 'satisfaction'] as const;

for (const { system, tag } of LOCALES) {
  for (const theme of ['light', 'dark'] as const) {
    test.describe(`${tag} ${theme}`, () => {
      test.use({ systemLocale: system, now: parseISO('2026-12-05T10:00:00') });

      test(`reports in ${tag}, ${theme}`, async ({ app, page }) => {
        test.setTimeout(180_000);
        await page.addInitScript((chosen) => localStorage.setItem('regulars.theme', chosen), theme);
        await page.setViewportSize({ width: 1400, height: 1000 });
        await app.startDemoStore();
        for (const [i, answer] of ANSWERS.entries()) {
          await app.goToCustomers();
          await app.rows.nth(i * 3).click();
          await expect(page.getByTestId('customer-name')).toBeVisible();
          const dialog = await new SurveyCardModel(page).record();
          await dialog.chooseCsat(answer.csat);
          await dialog.chooseNps(answer.nps);
          await dialog.save();
          await dialog.expectClosed();
        }
        const reports = await ReportsPage.open(page);
        await expect(reports.card('csat')).toHaveText(/%/);
        // Every chart drawn (each comes with its chunk).
        await expect(reports.root.locator('.report-chart-loading')).toHaveCount(0);
        await page.screenshot({ path: `${OUT}/${tag}-${theme}-180-reports.png` });
        // Tall enough that each section is shot whole (the screen scrolls inside the window).
        await page.setViewportSize({ width: 1400, height: 3200 });
        for (const [i, id] of SECTIONS.entries()) {
          const section = reports.section(id);
          await expect(section.getByTestId('chart-canvas').first()).toBeVisible();
          await section.screenshot({ path: `${OUT}/${tag}-${theme}-18${i + 1}-reports-${id}.png` });
        }
        await page.setViewportSize({ width: 1400, height: 1000 });
        await reports.period('week', 8);
        await page.screenshot({ path: `${OUT}/${tag}-${theme}-188-reports-weeks.png` });
        // By week: the complaints and their rate per week.
        await page.setViewportSize({ width: 1400, height: 3200 });
        await expect(reports.section('satisfaction')).not.toHaveAttribute('aria-busy', 'true');
        await reports.section('satisfaction').screenshot({ path: `${OUT}/${tag}-${theme}-187-reports-satisfaction-weeks.png` });
        await page.setViewportSize({ width: 1400, height: 1000 });
        if (theme === 'light') {
          await page.emulateMedia({ media: 'print' });
          await page.screenshot({ path: `${OUT}/${tag}-${theme}-189-reports-print.png`, fullPage: true });
          await page.emulateMedia({ media: 'screen' });
        }
        const figures = await SatisfactionPage.open(page);
        await expect(figures.total('csat').value).toHaveText(/%/);
        await figures.root.getByTestId('chart-satisfaction').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${OUT}/${tag}-${theme}-170-satisfaction.png` });
      });
    });
  }
}
