// Export end to end: customers to CSV (BOM, formulas neutralised, Chinese intact; all or the current
// list) and to XLSX, written by main into the data folder; purchases to XLSX built off the UI thread,
// "saved" only once the file is on disk; and one customer's complete data as JSON (a download).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readXlsx } from '../../renderer/features/importExport/xlsx';
import { test, expect } from './fixtures';
import { ExportPageModel } from './pages/DataPages';
import { ImportPage } from './pages/ImportPage';

const BOM = [0xef, 0xbb, 0xbf];
const DATED = /\d{4}-\d{2}-\d{2}/;

test.describe('export', () => {
  test('customers to CSV and XLSX, all or the current list, and one customer’s data as JSON', async ({ app, page, dataFolder }, testInfo) => {
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
    const csv = await exportPage.export(dataFolder);
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
    const listed = await exportPage.export(dataFolder);
    const listedText = listed.bytes.toString('utf8');
    expect(listedText).toContain('张三');
    expect(listedText).not.toContain('=1+1');
    expect(listedText.trim().split('\r\n')).toHaveLength(2);

    // XLSX: a zip (PK…) with translated headers; the formula-looking text is a plain text cell.
    await exportPage.choose('customers', { scope: 'all', format: 'xlsx' });
    const xlsx = await exportPage.export(dataFolder);
    expect(xlsx.name).toMatch(new RegExp(`^熟客-客户-${DATED.source}\\.xlsx$`));
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const sheet = await readXlsx(xlsx.bytes);
    expect(sheet.sheetName).toBe('客户');
    expect(sheet.headers).toContain('姓名');
    const nameCol = sheet.headers.indexOf('姓名');
    expect(sheet.rows.map((r) => r[nameCol])).toEqual(expect.arrayContaining(['=1+1', '张三']));

    // Purchases and contacts export even when there are none: a header row.
    await exportPage.choose('purchases', { rows: 'lines', format: 'csv' });
    const lines = await exportPage.export(dataFolder);
    expect(lines.name).toMatch(/^熟客-消费明细-/);
    expect(lines.bytes.toString('utf8')).toContain('单价');

    // One customer's complete data.
    await exportPage.pickCustomer('zs', '张三');
    const json = await exportPage.exportCustomerData('json', testInfo);
    expect(json.name).toMatch(new RegExp(`^熟客-张三-资料-${DATED.source}\\.json$`));
    const pkg = JSON.parse(json.bytes.toString('utf8'));
    expect(pkg).toMatchObject({ format: 'regulars.customer-data', version: 2, currency: 'CNY', customer: { name: '张三', city: '杭州' }, purchases: [], interactions: [] });
    expect(pkg.customer).not.toHaveProperty('searchTokens');
    const one = await exportPage.exportCustomerData('csv', testInfo);
    expect([...one.bytes.subarray(0, 3)]).toEqual(BOM);
    expect(one.bytes.toString('utf8')).toContain('客户资料');
  });
});

test.describe('export of purchases', () => {
  test('to XLSX off the UI thread: progress shown, the page usable meanwhile, "saved" only once main wrote the file', async ({ app, page, dataFolder, ipcHolds }) => {
    await app.startDemoStore();
    const exportPage = new ExportPageModel(page);
    await exportPage.open();
    await exportPage.choose('purchases', { rows: 'purchases', format: 'xlsx' });

    // Every state the status line goes through, as the clerk would see them.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { exportStates: string[] }).exportStates = seen;
      new MutationObserver(() => {
        const state = document.querySelector('[data-testid="export-status"]')?.getAttribute('data-state');
        if (state && seen.at(-1) !== state) seen.push(state);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    // Main holds the final write until the test has looked at the page.
    let release!: () => void;
    ipcHolds.set('export:commit', new Promise<void>((resolve) => (release = resolve)));

    const folder = path.join(dataFolder, 'exports');
    await exportPage.start();
    await expect(exportPage.status).toHaveAttribute('data-state', 'saving');
    await expect(exportPage.status.locator('progress')).toHaveAttribute('value', '100');
    // Not "saved", and no file under its name yet: only main's hidden temporary file.
    await expect(exportPage.status).not.toContainText('已保存');
    expect((await readdir(folder)).filter((f) => !f.startsWith('.'))).toEqual([]);
    // The page answers meanwhile: the customer picker searches and lists matches.
    await page.getByTestId('export-customer-search').fill('1');
    await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();

    release();
    await expect(exportPage.status).toHaveAttribute('data-state', 'saved');
    const files = (await readdir(folder)).filter((f) => !f.startsWith('.'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^熟客-消费记录-${DATED.source}\\.xlsx$`));
    const file = path.join(folder, files[0]!);
    await expect(exportPage.status).toContainText(files[0]!);
    await expect(page.getByTestId('export-path')).toContainText(file);
    const states = await page.evaluate(() => (window as unknown as { exportStates: string[] }).exportStates);
    expect(states).toEqual(expect.arrayContaining(['reading', 'writing', 'saving', 'saved']));
    expect(states.indexOf('saved')).toBe(states.length - 1);

    // The right content: every purchase of the store, once, with translated headers.
    const stored = await page.evaluate(async () => {
      const names = (await indexedDB.databases()).map((d) => d.name!).filter((n) => n.startsWith('regulars') && n !== 'regulars-meta');
      for (const name of names) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open(name);
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        if (!db.objectStoreNames.contains('purchases')) continue;
        const ids = await new Promise<string[]>((resolve) => {
          const r = db.transaction('purchases').objectStore('purchases').getAllKeys();
          r.onsuccess = () => resolve(r.result as string[]);
        });
        db.close();
        if (ids.length > 0) return ids;
      }
      return [];
    });
    expect(stored.length).toBeGreaterThan(1000);
    const sheet = await readXlsx(await readFile(file));
    expect(sheet.sheetName).toBe('消费记录');
    expect(sheet.headers.slice(0, 3)).toEqual(['消费编号', '消费时间', '客户编号']);
    expect(sheet.rows.map((r) => r[0]).sort()).toEqual([...stored].sort());
    // The row count, with or without digit grouping.
    await expect(exportPage.status).toContainText(new RegExp(String(stored.length).replace(/\B(?=(\d{3})+(?!\d))/g, ',?')));
  });
});

test.describe('own exports back through the import', () => {
  test('a purchases export imported into its own store adds nothing; its customers export matches every customer by id', async ({ app, page, dataFolder }) => {
    test.setTimeout(120_000);
    await app.startDemoStore();
    const exportPage = new ExportPageModel(page);
    await exportPage.open();
    await exportPage.choose('purchases', { rows: 'purchases', format: 'csv' });
    const purchases = await exportPage.export(dataFolder);
    const rows = purchases.bytes.toString('utf8').trim().split('\r\n').length - 1;
    await exportPage.choose('customers', { format: 'xlsx' });
    const customers = await exportPage.export(dataFolder);

    const importPage = new ImportPage(page);
    await importPage.open();
    await importPage.chooseKind('purchases');
    await importPage.pickFile(purchases.name, purchases.bytes);
    await expect(page.getByTestId('import-own-export')).toBeVisible();
    await importPage.expectReport('import-report', { imported: 0, already: rows, bad: 0 });

    await page.getByTestId('import-other-file').click();
    await importPage.chooseKind('customers');
    await importPage.pickFile(customers.name, customers.bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await expect(page.getByTestId('import-own-export')).toBeVisible();
    await importPage.expectPreview({ create: 0, invalid: 0 });
  });
});
