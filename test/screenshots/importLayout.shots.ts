// The import screen with files of issue 12 items 11, 12 and 15: a picture refused, a workbook with an
// instructions sheet and a title row, a till export of one row per item, the Online Retail currency notice.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { test, expect } from '../e2e/fixtures';
import { LOCALES, OUT } from './shotLocales';

for (const { system, tag } of LOCALES) {
  test.describe(`${tag} import layouts`, () => {
    test.use({ systemLocale: system });
    test(`import layouts in ${tag}`, async ({ app, page }) => {
      test.setTimeout(120_000);
      const shot = async (name: string) => {
        const size = page.viewportSize()!;
        const main = await page.locator('#main').evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
        await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.min(main.scroll + size.height - main.client, 3000)) });
        await page.screenshot({ path: `${OUT}/${tag}-${name}.png` });
        await page.setViewportSize(size);
      };
      await app.startEmptyStore();
      await page.getByTestId('nav-import').click();

      await page.getByTestId('import-file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
      await expect(page.getByTestId('import-file-error')).toBeVisible();
      await shot('40-import-refused-png');

      const wb = new ExcelJS.Workbook();
      wb.addWorksheet(tag === 'en' ? 'How to fill in' : '填写说明').addRow([tag === 'en' ? 'Fill in the next sheet, one customer per row.' : '请在下一个工作表中填写，每行一位客户。']);
      const sheet = wb.addWorksheet(tag === 'en' ? 'Customers' : '会员');
      sheet.addRow([tag === 'en' ? 'Members 2025' : '2025 年会员登记表']);
      sheet.mergeCells('A1:C1');
      sheet.addRow(tag === 'en' ? ['Name', 'Mobile', 'Birthday'] : ['姓名', '手机', '生日']);
      sheet.addRow(['赵敏', '13812340001', '1990-05-06']);
      await page.getByTestId('import-file').setInputFiles({ name: 'members.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer) });
      await expect(page.getByTestId('import-preview')).toBeVisible();
      await shot('41-import-xlsx-layout');

      await page.getByTestId('import-other-file').click();
      await page.getByTestId('import-kind-purchases').check();
      const till = ['订单号,下单时间,会员手机,商品,数量,单价,金额', 'T1001,2025-05-01 10:02,13812345678,龙井,2,64.00,128.00', 'T1001,2025-05-01 10:02,13812345678,茶点,3,8.00,24.00', 'T1002,2025-05-02 15:40,13812345678,普洱,1,98.00,88.00'].join('\r\n');
      await page.getByTestId('import-file').setInputFiles({ name: 'till.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${till}`, 'utf8') });
      await expect(page.getByTestId('import-report')).toBeVisible();
      await shot('42-import-till');

      await page.getByTestId('import-other-file').click();
      await page.getByTestId('import-kind-purchases').check();
      await page.getByTestId('import-file').setInputFiles({ name: 'online-retail-sample.csv', mimeType: 'text/csv', buffer: readFileSync(new URL('../../../shared/data/online-retail-sample.csv', import.meta.url)) });
      await expect(page.getByTestId('import-currency')).toBeVisible();
      await shot('43-import-currency');
    });
  });
}
