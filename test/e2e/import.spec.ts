// Import end to end, in Chromium's real IndexedDB: files written by the test (BOM, CRLF, a quoted
// newline, GB18030 bytes), a vCard fixture, the Online Retail sample; re-import without duplicates,
// undo, cancel, and the speed of a 10,000-row import.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { encodeGbk } from '../support/gbk';
import { test, expect } from './fixtures';
import { ImportPage } from './pages/ImportPage';
import { createCustomer, CustomerActivityPage } from './pages/PurchasePages';

const DATA = new URL('../../../shared/data/', import.meta.url);
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const withBom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]);

/** Four customers, one bad phone (row 4), a note spanning two lines, CRLF line ends. */
const CUSTOMERS_CSV = [
  '姓名,手机,邮箱,备注',
  '张三,13812345678,zs@example.cn,"喜欢普洱\r\n每周六来"',
  '李四,139 1234 5678,,',
  '坏号码,12345,,',
  '王五,,ww@example.cn,VIP',
].join('\r\n');

test.describe('import', () => {
  test('a UTF-8 CSV with BOM, CRLF and a quoted newline: bad row named, valid rows imported, same file again adds nothing', async ({ app, page }) => {
    await app.startEmptyStore();
    const imp = new ImportPage(page);
    await imp.open();
    await imp.pickFile('客户.csv', withBom(CUSTOMERS_CSV));
    await expect(imp.encoding).toHaveAttribute('data-encoding', 'utf-8');
    await expect(page.getByTestId('import-delimiter')).toHaveText(/逗号/);
    await imp.expectPreview({ create: 3, update: 0, skip: 0, invalid: 1 });
    await expect(imp.errorRows).toHaveCount(1);
    await expect(imp.errorRows.first()).toContainText('第 4 行');
    await expect(imp.errorRows.first()).toContainText('电话');
    await expect(imp.errorRows.first()).toContainText('12345');
    await expect(imp.importButton).toHaveText('导入 3 行有效数据，略过 1 行有问题的');
    await imp.startImport();
    await expect(imp.doneSummary).toContainText('新建客户 3 位');
    await expect(imp.batches.first()).toContainText('3 位客户');

    await app.goToCustomers();
    await expect(app.listCount).toHaveText(/3/);
    const zs = await app.openCustomerFromList('张三');
    await expect(zs.profile('notes')).toContainText('每周六来');

    // The same file again: every row is recognised (phone, phone, e-mail) and nothing is created.
    await imp.open();
    await imp.pickFile('客户.csv', withBom(CUSTOMERS_CSV));
    await imp.expectPreview({ create: 0, skip: 3, invalid: 1 });
    await expect(imp.duplicateRows).toHaveCount(3);
    await expect(imp.duplicateRows.first()).toContainText('张三');
    await expect(imp.importButton).toBeDisabled();
    await imp.setPolicy('update');
    await imp.expectPreview({ create: 0, update: 0 });
    await imp.setPolicy('new');
    await imp.expectPreview({ create: 3 });
    await imp.setPolicy('skip');
    await imp.expectPreview({ create: 0 });
    await app.goToCustomers();
    await expect(app.listCount).toHaveText(/3/);
  });

  test('a GB18030 CSV from Chinese Excel is detected and read; an override re-reads it', async ({ app, page }) => {
    await app.startEmptyStore();
    const imp = new ImportPage(page);
    await imp.open();
    const bytes = Buffer.from(encodeGbk('姓名,电话,城市\r\n张三,13812345678,深圳\r\n李四,13912345678,广州\r\n'));
    expect([...bytes.subarray(bytes.indexOf(0x0a) + 1, bytes.indexOf(0x0a) + 5)]).toEqual([0xd5, 0xc5, 0xc8, 0xfd]); // 张三
    await imp.pickFile('gbk.csv', bytes);
    await expect(imp.encoding).toHaveAttribute('data-encoding', 'gb18030');
    await expect(page.getByTestId('import-mapping')).toContainText('张三');
    await imp.expectPreview({ create: 2, invalid: 0 });
    await expect(imp.encodingSample).toContainText('张三、李四');
    // Read as UTF-8 by mistake, the names break; back to automatic, they read again.
    await imp.readAs('utf-8');
    await expect(page.getByTestId('import-mapping')).not.toContainText('张三');
    await expect(imp.encodingSample).not.toContainText('张三');
    await imp.readAs(null);
    await expect(imp.encoding).toHaveAttribute('data-encoding', 'gb18030');
    await imp.expectPreview({ create: 2 });
    await imp.startImport();
    await app.goToCustomers();
    await expect(app.rows.filter({ hasText: '张三' })).toHaveCount(1);
    await expect(app.rows.filter({ hasText: '李四' })).toHaveCount(1);
  });

  test('a GBK file whose bytes are also valid UTF-8 reads as GBK; the names are shown and one click reads it as Big5 and back', async ({ app, page }) => {
    await app.startEmptyStore();
    const imp = new ImportPage(page);
    await imp.open();
    // Names only (an English header), each character's GBK bytes a valid UTF-8 sequence: before, this was stored as mojibake.
    const bytes = Buffer.from(encodeGbk('name,phone\r\n叶小英,13812345678\r\n谢雪,13912345678\r\n姚思远,13712345678\r\n'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
    await imp.pickFile('names.csv', bytes);
    await expect(imp.encoding).toHaveAttribute('data-encoding', 'gb18030');
    await expect(imp.encoding).toContainText('GBK / GB18030（简体中文，中文版 Excel）');
    await expect(imp.encodingSample).toContainText('叶小英、谢雪、姚思远');
    // Each other reading shows what the names would become, on the button itself.
    await expect(page.getByTestId('import-encoding-utf-8')).not.toContainText('叶小英');
    await imp.readAs('big5');
    await expect(imp.encodingSample).not.toContainText('叶小英');
    await expect(imp.encoding).toContainText('您的选择');
    await imp.readAs(null);
    await expect(imp.encodingSample).toContainText('叶小英、谢雪、姚思远');
    await imp.expectPreview({ create: 3, invalid: 0 });
    await imp.startImport();
    await app.goToCustomers();
    await expect(app.rows.filter({ hasText: '姚思远' })).toHaveCount(1);
  });

  test('ten month/day birthdays and one typo: the file asks for the order, and the typo is named, not the ten moved', async ({ app, page }) => {
    await app.startEmptyStore();
    const imp = new ImportPage(page);
    await imp.open();
    const dates = ['03/04/1990', '01/02/1991', '05/06/1992', '07/08/1993', '09/10/1994', '11/12/1995', '02/03/1996', '04/05/1997', '06/07/1998', '08/09/1999'];
    const rows = dates.map((d, i) => `客户${'甲乙丙丁戊己庚辛壬癸'[i]},1381234${String(5600 + i)},${d}`);
    await imp.pickFile('生日.csv', withBom(['姓名,手机,生日', ...rows, '错字,13912345678,13/12/2010'].join('\r\n')));
    await expect(imp.dateOrder).toHaveAttribute('data-ask', 'true');
    await expect(imp.dateOrder).toContainText('10 个日期两种顺序都能读，例如 03/04/1990。');
    await expect(imp.dateOrder).toContainText('1 个日期只能按“日/月”读，例如 13/12/2010。');
    await expect(imp.importButton).toBeDisabled();
    await expect(page.getByTestId('import-needs-date-order')).toBeVisible();
    // Month/day: the typo is the one bad row, named with its value and why.
    await imp.chooseDateOrder('mdy');
    await imp.expectPreview({ create: 10, invalid: 1 });
    await expect(imp.errorRows).toHaveCount(1);
    await expect(imp.errorRows.first()).toContainText('第 12 行');
    await expect(imp.errorRows.first()).toContainText('13/12/2010');
    await expect(imp.errorRows.first()).toContainText('只能按另一种日期顺序读');
    // Day/month reads all eleven, the other way round; back to month/day for the import.
    await imp.chooseDateOrder('dmy');
    await imp.expectPreview({ create: 11, invalid: 0 });
    await imp.chooseDateOrder('mdy');
    await imp.expectPreview({ create: 10, invalid: 1 });
    await imp.startImport();
    await app.goToCustomers();
    const first = await app.openCustomerFromList('客户甲');
    await expect(first.profile('birthday')).toContainText('1990-03-04');
  });

  test('a vCard file with several cards, then undo of that import', async ({ app, page }) => {
    await app.startEmptyStore();
    const imp = new ImportPage(page);
    await imp.open();
    await imp.pickFile('contacts.vcf', readFileSync(new URL('vcf/node-vcf_multiple.vcf', DATA)), 'text/vcard');
    await expect(page.getByTestId('import-file-summary')).toContainText('3 张名片');
    const created = Number(await page.getByTestId('preview-create').getAttribute('data-value'));
    expect(created).toBeGreaterThan(0);
    await imp.startImport();
    await app.goToCustomers();
    await expect(app.rows).toHaveCount(created);

    await imp.open();
    await expect(imp.batches).toHaveCount(1);
    await imp.undoLatest();
    await expect(page.getByTestId('import-undo-message')).toBeVisible();
    await app.goToCustomers();
    await expect(app.rows).toHaveCount(0);
  });

  test('the Online Retail sample: a report that accounts for every row, before and after; re-import adds nothing', async ({ app, page }) => {
    await app.startEmptyStore();
    const imp = new ImportPage(page);
    await imp.open();
    await imp.chooseKind('purchases');
    await imp.pickFile('online-retail-sample.csv', readFileSync(new URL('online-retail-sample.csv', DATA)));
    await expect(page.getByTestId('import-mapping')).toContainText('InvoiceNo');
    await imp.expectReport('import-report', { total: 4_792, already: 0 });
    const before = {
      imported: await imp.reportValue('import-report', 'imported'),
      noCustomer: await imp.reportValue('import-report', 'no-customer'),
      notFound: await imp.reportValue('import-report', 'not-found'),
      bad: await imp.reportValue('import-report', 'bad'),
    };
    expect(before.imported + before.noCustomer + before.notFound + before.bad).toBe(4_792);
    expect(before.noCustomer).toBeGreaterThan(0);
    // Issue 12 item 15: the prices are sterling; the store keeps yuan. Nothing is written before the clerk says so.
    await expect(imp.currencyNotice).toHaveAttribute('data-foreign', 'true');
    await expect(imp.currencyNotice).toContainText('英镑');
    await expect(imp.currencyNotice).toContainText('人民币');
    await expect(imp.importButton).toBeDisabled();
    await expect(page.getByTestId('import-options')).toHaveCount(0);
    await imp.acknowledgeCurrency();
    await imp.startImport();
    await imp.expectReport('import-done-report', { total: 4_792, imported: before.imported, 'no-customer': before.noCustomer, bad: before.bad });
    await expect(imp.batches.first()).toContainText('笔消费');

    await app.goToCustomers();
    await expect(app.rows.first()).toContainText('客户 ');

    await imp.open();
    await imp.chooseKind('purchases');
    await imp.pickFile('online-retail-sample.csv', readFileSync(new URL('online-retail-sample.csv', DATA)));
    await imp.expectReport('import-report', { total: 4_792, imported: 0, already: before.imported, 'no-customer': before.noCustomer });
    await expect(imp.importButton).toBeDisabled();
  });

  test('1,001 rows (two write chunks) import whole: the second chunk no longer commits the transaction early', async ({ app, page }) => {
    await app.startEmptyStore();
    const imp = new ImportPage(page);
    await imp.open();
    // IMPORT_WRITE_CHUNK is 1,000: two chunks in flight at once, where a native promise lost the transaction.
    const lines = ['姓名,手机'];
    for (let i = 0; i < 1_001; i++) lines.push(`客户${i},139${String(i).padStart(8, '0')}`);
    await imp.pickFile('two-chunks.csv', utf8(lines.join('\n')));
    await imp.expectPreview({ create: 1_001 });
    await imp.startImport();
    await expect(imp.doneSummary).toContainText('1,001');
    await expect(imp.batches).toHaveCount(1);
    await app.goToCustomers();
    await expect(app.listCount).toHaveText(/1,001|1001/);
  });

  test('10,000 rows import in one transaction with a progress bar; a cancel writes nothing', async ({ app, page }) => {
    test.setTimeout(120_000);
    await app.startEmptyStore();
    const imp = new ImportPage(page);
    await imp.open();
    const lines = ['姓名,手机'];
    for (let i = 0; i < 10_000; i++) lines.push(`客户${i},139${String(i).padStart(8, '0')}`);
    const csv = utf8(lines.join('\n'));

    await imp.pickFile('big.csv', csv);
    await imp.expectPreview({ create: 10_000 });
    await imp.importButton.click();
    await expect(page.getByTestId('import-progress')).toBeVisible();
    await page.getByTestId('import-cancel').click();
    await expect(page.getByTestId('import-stopped')).toContainText('没有导入任何内容');
    await imp.page.getByRole('button', { name: '返回' }).click();
    await imp.expectPreview({ create: 10_000 });

    const started = performance.now();
    await imp.startImport();
    const ms = performance.now() - started;
    console.info(`e2e: imported 10,000 customers in ${ms} ms`);
    await expect(imp.doneSummary).toContainText('10,000');
    await app.goToCustomers();
    await expect(app.listCount).toHaveText(/10,000|10000/);
  });
});

test.describe('import in English', () => {
  test.use({ systemLocale: 'en-US' });

  test('the preview and the explicit import button speak English', async ({ app, page }) => {
    await app.startEmptyStore();
    const imp = new ImportPage(page);
    await imp.open();
    await imp.pickFile('customers.csv', utf8('First Name,Last Name,Phone Number,Birthday\nJohn,Doe,+1 415 555 0100,05/06/1990\nJane,Roe,not a phone,13/02/1985\nWei,Zhang,+86 138 1234 5678,\n'));
    await expect(page.getByTestId('import-mapping')).toContainText('First name');
    await expect(page.getByText('First and last name are combined into one name.')).toBeVisible();
    await imp.expectPreview({ create: 2, invalid: 1 });
    // One row (13/02/1985) reads only as day/month and one (05/06/1990) both ways: one row does not decide, the clerk does.
    await expect(imp.dateOrder).toHaveAttribute('data-ask', 'true');
    await expect(imp.dateOrder).toContainText('1 date reads both ways, such as 05/06/1990.');
    await expect(imp.dateOrder).toContainText('1 date reads only as day/month: 13/02/1985.');
    await expect(imp.importButton).toBeDisabled();
    await expect(page.getByTestId('import-needs-date-order')).toHaveText("Choose how the file's dates are written (above) before importing.");
    // Until then the provisional month/day reading names 13/02/1985 as a problem of row 3 too.
    await expect(imp.errorRows.filter({ hasText: 'reads only in the other date order' })).toHaveCount(1);
    await imp.chooseDateOrder('dmy');
    await expect(imp.errorRows).toHaveCount(1);
    await expect(imp.errorRows.first()).toContainText('Row 3');
    await expect(imp.errorRows.first()).toContainText('Phone');
    await expect(imp.importButton).toHaveText('Import the 2 valid rows, leave out the 1 bad ones');
    await imp.startImport();
    await expect(imp.doneSummary).toContainText('2 customers created');
    await expect(imp.batches.first()).toContainText(/Import of .+: 2 customers/);
    await app.goToCustomers();
    await expect(app.rows.filter({ hasText: 'John Doe' })).toHaveCount(1);
  });
});

// Issue 12 item 12: files that are not tables are refused with what to do; titles, merged title
// cells and instructions sheets do not hide the table.
test.describe('import: sheet layouts and files that are not tables', () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

  test('a PNG dropped by mistake is refused with what to do, and no import is recorded', async ({ app, page }) => {
    await app.startEmptyStore();
    const imp = new ImportPage(page);
    await imp.open();
    await imp.dropFile('客户截图.png', PNG, 'image/png');
    await expect(imp.fileError).toContainText('这是一张图片，不是表格');
    await expect(imp.fileError).toContainText('CSV UTF-8');
    await expect(page.getByTestId('import-file-summary')).toHaveCount(0);
    // A PDF named like a spreadsheet, picked through the dialog, is refused the same way.
    await page.getByTestId('import-file').setInputFiles({ name: '会员.csv', mimeType: 'text/csv', buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj\n', 'latin1') });
    await expect(imp.fileError).toContainText('PDF');
    await expect(imp.batches).toHaveCount(0);
    await expect(page.getByTestId('import-history')).not.toContainText('客户截图');
  });

  test('an XLSX with an instructions sheet and a merged title row imports from the right sheet and header', async ({ app, page }) => {
    await app.startEmptyStore();
    const wb = new ExcelJS.Workbook();
    const help = wb.addWorksheet('填写说明');
    help.addRow(['请在“会员”工作表中填写，每行一位客户。']);
    help.addRow(['手机号请填 11 位。']);
    const sheet = wb.addWorksheet('会员');
    sheet.addRow(['2025 年会员登记表']);
    sheet.mergeCells('A1:D1');
    sheet.addRow(['姓名', '手机', '生日', '备注']);
    sheet.addRow(['赵敏', '13812340001', '1990-05-06', '']);
    sheet.addRow(['钱多多', '13812340002', '', '常客']);
    const buffer = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);

    const imp = new ImportPage(page);
    await imp.open();
    await imp.pickFile('会员登记.xlsx', buffer, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await expect(imp.sheetChoice).toHaveValue('会员');
    await expect(imp.headerRowChoice).toHaveValue('2');
    await expect(page.getByTestId('import-header-skipped')).toContainText('第 2 行以上');
    await expect(page.getByTestId('import-mapping')).toContainText('赵敏');
    await imp.expectPreview({ create: 2, invalid: 0 });

    // The clerk can look at another header row and come back.
    await imp.headerRowChoice.selectOption('1');
    await expect(page.getByTestId('import-mapping')).toContainText('2025 年会员登记表');
    await imp.headerRowChoice.selectOption('2');
    await imp.expectPreview({ create: 2, invalid: 0 });

    await imp.startImport();
    await expect(imp.doneSummary).toContainText('新建客户 2 位');
    await app.goToCustomers();
    await expect(app.rows.filter({ hasText: '赵敏' })).toHaveCount(1);
    await expect(app.rows.filter({ hasText: '钱多多' })).toHaveCount(1);
  });
});

// Issue 12 item 11: a till's export with one row per item is one purchase per order, with its lines.
test.describe('import: a till export with one row per item', () => {
  test('the rows of one order become one purchase with its items, not one visit per item', async ({ app, page }) => {
    await app.startEmptyStore();
    await createCustomer(app, '周小白', '13812345678');
    const imp = new ImportPage(page);
    await imp.open();
    await imp.chooseKind('purchases');
    const csv = [
      '收银流水导出,,,,,,',
      '订单号,下单时间,会员手机,商品,数量,单价,金额',
      'T1001,2025-05-01 10:02,13812345678,龙井,2,64.00,128.00',
      'T1001,2025-05-01 10:02,13812345678,茶点,3,8.00,24.00',
      'T1001,2025-05-01 10:02,13812345678,纸袋,1,0.50,0.50',
      'T1002,2025-05-02 15:40,13812345678,普洱,1,98.00,88.00',
    ].join('\r\n');
    await imp.pickFile('收银流水.csv', withBom(csv));
    await expect(page.getByTestId('import-map-4')).toHaveValue('quantity');
    await expect(page.getByTestId('import-map-5')).toHaveValue('unitPrice');
    await imp.expectReport('import-report', { imported: 4, bad: 0, total: 4 });
    await expect(page.getByTestId('report-purchases')).toContainText('2 笔消费');
    await expect(imp.currencyNotice).toContainText('金额按本店币种人民币（CNY）读取');
    await expect(imp.currencyNotice).not.toHaveAttribute('data-foreign', 'true');
    await imp.startImport();
    await imp.expectReport('import-done-report', { imported: 4 });

    await app.goToCustomers();
    await app.openCustomerFromList('周小白');
    const activity = new CustomerActivityPage(page);
    await expect(activity.timeline.entries).toHaveCount(2);
    const order = activity.timeline.entry('龙井');
    await expect(order).toContainText('茶点');
    await expect(order).toContainText('纸袋');
    await expect(activity.figure('count')).toContainText('2');
  });
});
