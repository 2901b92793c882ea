// The import preview with an opening-points column (issue 15): what the column gives and until when, and a file
// refused whole for a wrong value, in each language.
import { test, expect } from '../e2e/fixtures';
import { DEFAULT_POINTS_RULES, POINTS_RULES_EPOCH, type PointsRules } from '../../shared/domain/pointsRules';
import { setPointsRules } from '../e2e/pages/PointsTillPages';
import { LOCALES, OUT } from './shotLocales';

const RULES = { ...structuredClone(DEFAULT_POINTS_RULES), expiry: [{ kind: 'end-of-next-year', from: POINTS_RULES_EPOCH }] } as PointsRules;
const GOOD = ['姓名,手机,余额积分', '张积分,13812340001,"1,200"', '李无分,13812340002,', '王积分,13812340003,350'].join('\r\n');
const BAD = ['Name,Mobile,Points', '张积分,13812340001,1200', '李小数,13812340002,12.5', '王负数,13812340003,-30', '赵字母,13812340004,fifty'].join('\r\n');

for (const { system, tag } of LOCALES) {
  test.describe(`${tag} opening points`, () => {
    test.use({ systemLocale: system });
    test(`import preview with opening points in ${tag}`, async ({ app, page }) => {
      test.setTimeout(120_000);
      const shot = async (name: string) => {
        const size = page.viewportSize()!;
        const main = await page.locator('#main').evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
        await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.min(main.scroll + size.height - main.client, 3200)) });
        await page.screenshot({ path: `${OUT}/${tag}-60-import-opening-points${name}.png` });
        await page.setViewportSize(size);
      };
      await app.startEmptyStore();
      await setPointsRules(page, RULES);
      await page.getByTestId('nav-import').click();
      await page.getByTestId('import-file').setInputFiles({ name: 'points.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD, 'utf8') });
      await expect(page.getByTestId('import-opening-points')).toHaveAttribute('data-points', '1550');
      await page.getByTestId('import-policy-update').check();
      await expect(page.getByTestId('import-start')).toBeEnabled();
      await shot('');
      await page.getByTestId('import-other-file').click();
      await page.getByTestId('import-file').setInputFiles({ name: 'points-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD, 'utf8') });
      await expect(page.getByTestId('import-opening-invalid')).toBeVisible();
      await shot('-refused');
    });
  });
}
