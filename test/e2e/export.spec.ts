// Export end to end: customers to CSV (BOM, formulas neutralised, Chinese intact; all or the current
// list) and to XLSX, and one customer's complete data as JSON — real downloads, checked byte for byte.
import { readXlsx } from '../../renderer/features/importExport/xlsx';
import { test, expect } from './fixtures';
import { ExportPageModel } from './pages/DataPages';

const BOM = [0xef, 0xbb, 0xbf];
const DATED = /\d{4}-\d{2}-\d{2}/;

test.describe('export', () => {
  test('customers to CSV and XLSX, all or the current list, and one customer’s data as JSON', async ({ app, page }, testInfo) => {
    await app.startEmptyStore();
    const evil = await app.newCustomer();
    await evil.fillName('=1+1');
    await evil.fillPhone(0, '138 0013 8000');
    await evil.field('notes').fill('=HYPERLINK("http://evil.example","点我")');
    await evil.save();
    await expect(page.getByTestId('customer-name')).toHaveText('=1+1');
    const zhang = await app.newCustomer();
    await zhang.fillName('张三');
    await zhang.field('gender').selectOption('male');
    await zhang.fillPhone(0, '139 0000 1111');
    await zhang.field('city').fill('杭州');
    await zhang.save();
    await expect(page.getByTestId('customer-name')).toHaveText('张三');

    const exportPage = new ExportPageModel(page);
    await exportPage.open();
    await exportPage.choose('customers', { format: 'csv' });
    // Without a search or tag filter there is no "current list" to choose.
    await expect(page.getByTestId('export-scope-list')).toBeDisabled();
    const csv = await exportPage.export(testInfo);
    expect(csv.name).toMatch(new RegExp(`^熟客-客户-${DATED.source}\\.csv$`));
    expect([...csv.bytes.subarray(0, 3)]).toEqual(BOM);
    const text = csv.bytes.subarray(3).toString('utf8');
    const [header] = text.split('\r\n');
    expect(header).toContain('姓名');
    expect(header).toContain('累计消费');
    expect(header).toContain('币种');
    expect(text).toContain(`"'=1+1"`);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(text).toMatch(/张三,男,139 0000 1111,/);
    expect(text).toContain('杭州');
    expect(text).not.toMatch(/(^|,)=/m);

    // The current filtered list: the same ids the list shows.
    await app.goToCustomers();
    await app.search('张三');
    await expect(app.rows).toHaveCount(1);
    await exportPage.open();
    await exportPage.choose('customers', { scope: 'list', format: 'csv' });
    await expect(exportPage.scopeOption('list')).toContainText('1');
    const listed = await exportPage.export(testInfo);
    const listedText = listed.bytes.toString('utf8');
    expect(listedText).toContain('张三');
    expect(listedText).not.toContain('=1+1');
    expect(listedText.trim().split('\r\n')).toHaveLength(2);

    // XLSX: a zip (PK…) with translated headers; the formula-looking text is a plain text cell.
    await exportPage.choose('customers', { scope: 'all', format: 'xlsx' });
    const xlsx = await exportPage.export(testInfo);
    expect(xlsx.name).toMatch(new RegExp(`^熟客-客户-${DATED.source}\\.xlsx$`));
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const sheet = await readXlsx(xlsx.bytes);
    expect(sheet.sheetName).toBe('客户');
    expect(sheet.headers).toContain('姓名');
    const nameCol = sheet.headers.indexOf('姓名');
    expect(sheet.rows.map((r) => r[nameCol])).toEqual(expect.arrayContaining(['=1+1', '张三']));

    // Purchases and contacts export even when there are none: a header row.
    await exportPage.choose('purchases', { rows: 'lines', format: 'csv' });
    const lines = await exportPage.export(testInfo);
    expect(lines.name).toMatch(/^熟客-消费明细-/);
    expect(lines.bytes.toString('utf8')).toContain('单价');

    // One customer's complete data.
    await exportPage.pickCustomer('zs', '张三');
    const json = await exportPage.exportCustomerData('json', testInfo);
    expect(json.name).toMatch(new RegExp(`^熟客-张三-资料-${DATED.source}\\.json$`));
    const pkg = JSON.parse(json.bytes.toString('utf8'));
    expect(pkg).toMatchObject({ format: 'regulars.customer-data', version: 1, currency: 'CNY', customer: { name: '张三', city: '杭州' }, purchases: [], interactions: [] });
    expect(pkg.customer).not.toHaveProperty('searchTokens');
    const one = await exportPage.exportCustomerData('csv', testInfo);
    expect([...one.bytes.subarray(0, 3)]).toEqual(BOM);
    expect(one.bytes.toString('utf8')).toContain('客户资料');
  });
});
