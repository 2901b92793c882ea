// Where points show, end to end: the customer's timeline (each entry in words with its sign and cause, a
// purchase's own points on its row), the customer list's points filter (with the others, in the address),
// and the owner's export of the ledger, written by main into the data folder and read back.
import { readXlsx } from '../../renderer/features/importExport/xlsx';
import { test, expect } from './fixtures';
import { ExportPageModel } from './pages/DataPages';
import { answerOwnerPin } from './pages/OwnerPin';
import { CustomerPointsModel, PointsAdjustmentModel } from './pages/PointsCustomerPages';
import { PointsListFilterModel, TimelinePointsModel } from './pages/PointsViewsPages';
import { createCustomer } from './pages/PurchasePages';

test.describe('where points show', () => {
  test('the timeline tells each entry, the list filters by points, the owner exports the ledger', async ({ app, page, dataFolder }) => {
    await app.startEmptyStore();
    const other = await createCustomer(app, '李四', '13900139000');
    const small = await other.recordPurchase();
    await small.useMode('total');
    await small.amount.fill('58');
    await small.save();
    await small.expectClosed();

    const customer = await createCustomer(app, '张三');
    for (const amount of ['268', '120']) {
      const purchase = await customer.recordPurchase();
      await purchase.useMode('total');
      await purchase.amount.fill(amount);
      await purchase.save();
      await purchase.expectClosed();
    }
    const points = new CustomerPointsModel(page);
    await expect(points.balance).toHaveText('388');

    // The owner adjusts, with a reason.
    await points.adjustButton.click();
    await answerOwnerPin(page);
    const adjustment = new PointsAdjustmentModel(page);
    await adjustment.points.fill('32');
    await adjustment.reason.fill('补录开业活动赠送');
    await adjustment.save();
    await adjustment.expectClosed();
    await expect(points.balance).toHaveText('420');

    // The timeline: a purchase's own points on its row; the adjustment a row of its own, in words, signed.
    const timeline = new TimelinePointsModel(page);
    const bought = timeline.entry('¥268.00');
    await expect(timeline.purchasePoints(bought)).toHaveText('获得积分 +268');
    await expect(timeline.pointsRows).toHaveCount(1);
    const adjusted = timeline.pointsRowsOf('adjust');
    await expect(adjusted).toContainText('积分 · 调整');
    await expect(adjusted).toContainText('店主调整：补录开业活动赠送');
    await expect(adjusted.getByTestId('entry-points')).toHaveText('+32 积分');

    // Voiding the ¥120 purchase takes its points back: a row of its own, naming the purchase, negative.
    const voiding = await timeline.voidPurchase(timeline.entry('¥120.00'));
    await voiding.reason.fill('录错了');
    await voiding.confirm();
    await expect(points.balance).toHaveText('300');
    const reversed = timeline.pointsRowsOf('reverse');
    await expect(reversed).toHaveCount(1);
    await expect(reversed).toContainText('积分 · 冲回');
    await expect(reversed).toContainText('收回2026-06-15 的 ¥120 消费获得的积分');
    await expect(reversed.getByTestId('entry-points')).toHaveText('−120 积分');
    await expect(reversed.getByTestId('entry-points')).toHaveClass(/negative/);

    // The points filter is the ledger itself: every entry a row, the purchases' own too.
    await timeline.filter('points');
    await expect(timeline.entries).toHaveCount(4);
    await expect(timeline.pointsRowsOf('earn')).toHaveCount(2);
    await expect(timeline.pointsRowsOf('earn').last()).toContainText('2026-06-15 的 ¥268 消费所得');
    await expect(timeline.pointsRowsOf('earn').last().getByTestId('entry-points')).toHaveText('+268 积分');
    // The purchases filter: no points rows, the purchases' own points still on their rows.
    await timeline.filter('purchase');
    await expect(timeline.pointsRows).toHaveCount(0);
    await expect(timeline.purchasePoints(timeline.entry('¥268.00'))).toHaveText('获得积分 +268');

    // The list: at least / at most, combined with a search, in the address; "expiring" finds none (the default never expires).
    await app.goToCustomers();
    await expect(app.rows).toHaveCount(2);
    const filter = new PointsListFilterModel(page);
    await filter.min.fill('100');
    await expect(app.rows.locator('.col-name')).toHaveText(['张三']);
    await expect(filter.root).toHaveClass(/filter-active/);
    await expect(page.getByTestId('list-count')).toContainText('1 / 2');
    expect(page.url()).toContain('pmin=100');
    await filter.min.fill('');
    await filter.max.fill('100');
    await expect(app.rows.locator('.col-name')).toHaveText(['李四']);
    await app.search('张三');
    await expect(page.getByTestId('list-empty').or(page.getByTestId('clear-filters'))).toBeVisible();
    await page.getByTestId('clear-filters').click();
    await expect(app.rows).toHaveCount(2);
    await expect(filter.max).toHaveValue('');
    await filter.expiring.check();
    await expect(page.getByTestId('clear-filters')).toBeVisible();
    expect(page.url()).toContain('pexp=1');
    // The address brings the filter back (a reload reads it).
    await filter.expiring.uncheck();
    await filter.min.fill('200');
    await page.reload();
    await expect(filter.min).toHaveValue('200');
    await expect(app.rows.locator('.col-name')).toHaveText(['张三']);

    // The export: the whole ledger is the owner's; CSV and XLSX written into the data folder, read back.
    const exporting = new ExportPageModel(page);
    await exporting.open();
    await exporting.choose('points', { format: 'csv' });
    const csv = await exporting.export(dataFolder);
    expect(csv.name).toMatch(/^熟客-积分记录-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('积分记录编号,时间,客户编号,客户,类型,积分,有效期至,消费编号,兑换奖品,推荐关系（另一位客户）,规则,原因');
    // Five entries: three earned, the adjustment, the void's reversal.
    expect(lines).toHaveLength(6);
    const rows = lines.slice(1).join('\n');
    expect(rows).toMatch(/,李四,消费得分,58,/);
    expect(rows).toMatch(/,张三,消费得分,268,/);
    expect(rows).toMatch(/,张三,调整,32,.*补录开业活动赠送/);
    expect(rows).toMatch(/,张三,冲回,-120,.*收回所得积分/);

    await exporting.choose('points', { format: 'xlsx' });
    const xlsx = await exporting.export(dataFolder);
    const sheet = await readXlsx(xlsx.bytes);
    expect(sheet.sheetName).toBe('积分记录');
    const kind = sheet.headers.indexOf('类型');
    const amount = sheet.headers.indexOf('积分');
    expect(sheet.rows.map((r) => `${r[kind]} ${r[amount]}`)).toEqual(expect.arrayContaining(['消费得分 268', '调整 32', '冲回 -120']));
  });
});
