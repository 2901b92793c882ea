// The import preview's checks of the text (issue 12 items 8, 9, 10, 13, 14): a GBK file whose bytes are
// valid UTF-8, month/day birthdays with one typo, a NUL in a name, a zero-width space after a phone,
// a Toronto number, a 95588 service number.
import { encodeGbk } from '../support/gbk';
import { test, expect } from '../e2e/fixtures';
import { LOCALES, OUT } from './shotLocales';

const FILE = [
  'name,phone,birthday',
  '叶小英,13812345678,03/04/1990',
  '谢雪,13912345678,05/06/1991',
  '姚思远,416 535 5341,07/08/1992',
  '卓越,13712345678,13/12/1985',
  '庄\u0000莹,13612345678,09/10/1993',
  '钱盈盈,95588,11/12/1994',
].join('\r\n');

for (const { system, tag } of LOCALES) {
  test.describe(`${tag} import text checks`, () => {
    test.use({ systemLocale: system });
    test(`import text checks in ${tag}`, async ({ app, page }) => {
      test.setTimeout(120_000);
      const shot = async (name: string) => {
        const size = page.viewportSize()!;
        const main = await page.locator('#main').evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
        await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.min(main.scroll + size.height - main.client, 3200)) });
        await page.screenshot({ path: `${OUT}/${tag}-${name}.png` });
        await page.setViewportSize(size);
      };
      await app.startEmptyStore();
      await page.getByTestId('nav-import').click();
      await page.getByTestId('import-file').setInputFiles({ name: 'names.csv', mimeType: 'text/csv', buffer: Buffer.from(encodeGbk(FILE)) });
      await expect(page.getByTestId('import-preview')).toBeVisible();
      await expect(page.getByTestId('import-foreign-phones')).toBeVisible();
      await shot('50-import-text-checks');
      await page.getByTestId('import-date-order-mdy').check();
      await page.getByTestId('import-keep-phones').check();
      await expect(page.getByTestId('import-start')).toBeEnabled();
      await shot('51-import-text-checks-answered');
    });
  });
}
