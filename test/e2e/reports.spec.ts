// Reports end to end, on a fixed clock (5 December 2026), in Chinese: three answers at the counter give the
// satisfaction section's figures (CSAT 2 of 3 = 67%, NPS 0), and a complaint its rate against the customers served
// by month, week and day; the period picker changes the window and the months shown; a chart's data is saved as CSV
// and XLSX and its picture as PNG through main, into the data folder, and read back; printing draws the charts again
// at the paper's width and prints the reports alone. On the demo store, today's churn risk by level is the churn
// list's, with the model that judged it, and an open report takes the rollover's re-levelling as it lands.
import { parseISO } from 'date-fns';
import { readXlsx } from '../../renderer/features/importExport/xlsx';
import { test, expect } from './fixtures';
import { axeFindings } from './pages/axe';
import type { AppPage } from './pages/AppPage';
import { ChurnRiskPage } from './pages/ChurnPages';
import { ComplaintDialogModel } from './pages/ComplaintPages';
import { lastRolloverDay, onStore } from './pages/PointsTillPages';
import { CustomerActivityPage } from './pages/PurchasePages';
import { ReportsPage } from './pages/ReportsPage';
import { SurveyCardModel } from './pages/SurveyPages';

async function customerWithAnswer(app: AppPage, name: string, phone: string, answer: { csat: number; nps: number }, purchase?: { yuan: string; paid: string }) {
  const form = await app.newCustomer();
  await form.fillName(name);
  await form.fillPhone(0, phone);
  await form.save();
  await expect(app.page.getByTestId('customer-name')).toHaveText(name);
  if (purchase) {
    const bought = await new CustomerActivityPage(app.page).recordPurchase();
    await bought.useMode('total');
    await bought.amount.fill(purchase.yuan);
    await bought.payment.fill(purchase.paid);
    await bought.save();
    await bought.expectClosed();
  }
  const dialog = await new SurveyCardModel(app.page).record();
  await dialog.chooseCsat(answer.csat);
  await dialog.chooseNps(answer.nps);
  await dialog.save();
  await dialog.expectClosed();
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test.describe('reports', () => {
  test.use({ now: parseISO('2026-12-05T10:00:00') });

  test('open the reports, change the period, save a chart’s data (CSV, XLSX) and picture (PNG)', async ({ app, page, dataFolder }) => {
    await app.startEmptyStore();
    await customerWithAnswer(app, '张三', '139 7777 0301', { csat: 5, nps: 10 }, { yuan: '120', paid: '现金' });
    await customerWithAnswer(app, '李四', '139 7777 0302', { csat: 4, nps: 8 }, { yuan: '80', paid: '微信支付' });
    await customerWithAnswer(app, '王五', '139 7777 0303', { csat: 2, nps: 3 });
    // 王五, who bought nothing, complains today: one complaint against the two customers served.
    await page.getByTestId('new-complaint').click();
    const complaint = new ComplaintDialogModel(page);
    await complaint.choose('service', 'normal');
    await complaint.said.fill('等候太久');
    await complaint.receivedBy.fill('小王');
    await complaint.save();

    const reports = await ReportsPage.open(page);
    await expect(page).toHaveURL(/#\/reports$/);
    // The last 12 months by default, this one so far included.
    await expect(reports.range).toHaveText('2026-01-01 至 2026-12-05');
    // Every section with its charts, worked out off the page.
    for (const [section, charts] of [['sales', 4], ['customers', 6], ['status', 6], ['loyalty', 2], ['satisfaction', 3]] as const) {
      await expect(reports.section(section).getByTestId('chart-canvas')).toHaveCount(charts);
    }
    await expect(reports.card('revenue')).toHaveText('¥200.00');
    await expect(reports.card('purchases')).toHaveText('2');
    await expect(reports.card('ticket')).toHaveText('¥100.00');
    expect(await reports.chart('sales-methods').row('2026年12月（至今）')).toEqual(['2026年12月（至今）', '¥120.00', '¥80.00', '¥0.00', '¥0.00']);
    await expect(reports.card('active')).toHaveText('2');
    await expect(reports.card('new')).toHaveText('2');
    // Both first came this month: this month's cohort is all there in its first month; the later months are to come.
    expect(await reports.chart('customers-cohorts').row('2026年12月')).toEqual(['2026年12月', '2', '100%', ...new Array<string>(11).fill('—')]);
    await expect(reports.card('csat')).toHaveText('67%');
    await expect(reports.card('nps')).toHaveText('0');
    const scores = reports.chart('satisfaction-scores');
    await expect(scores.title).toHaveText('各月满意度与净推荐值');
    await expect(scores.table.locator('tbody tr')).toHaveCount(12);
    expect(await scores.row('2026年12月')).toEqual(['2026年12月', '67%', '0', '3', '3']);
    expect(await scores.row('2026年11月')).toEqual(['2026年11月', '—', '—', '0', '0']);
    await expect(scores.canvas).toHaveAttribute('role', 'img');
    await expect(scores.description).toContainText('各月满意度与净推荐值：折线图，共 12 期，从 2026年1月 到 2026年12月。');
    await expect(scores.description).toContainText('满意度：最高 67%（2026年12月），最低 67%（2026年12月），最近 67%（2026年12月）。');
    // The complaint rate: complaints per 100 customers with a visit in the window, and in each period.
    const complaints = reports.chart('satisfaction-complaints');
    await expect(reports.card('complaint-rate')).toHaveText('50%');
    expect(await complaints.row('2026年12月（至今）')).toEqual(['2026年12月（至今）', '1', '50%', '0']);
    // A month with no customer served has no rate.
    expect(await complaints.row('2026年11月')).toEqual(['2026年11月', '0', '—', '0']);
    // Today's churn risk: three customers, none at risk on today's rule of a new store.
    const risk = reports.chart('status-risk');
    expect(await risk.row('无风险')).toEqual(['无风险', '3', '—']);
    expect(await risk.row('高风险')).toEqual(['高风险', '0', '¥0.00']);
    await expect(reports.section('status').getByTestId('churn-model-note')).toHaveAttribute('data-model', /^(fallback|pending)$/);

    // By week, the last 4: the window starts on the Monday three weeks before this one; the months it touches are two.
    await reports.period('week', 4);
    await expect(reports.range).toHaveText('2026-11-09 至 2026-12-05');
    await expect(scores.table.locator('tbody tr')).toHaveCount(2);
    // Sales by week: this week so far against the week before and the same week a year before.
    const revenue = reports.chart('sales-revenue');
    await expect(revenue.table.locator('tbody tr')).toHaveCount(4);
    await expect.poll(() => revenue.row('11月30日 起一周（至今）')).toEqual(['11月30日 起一周（至今）', '¥200.00', '¥0.00', '¥0.00']);
    // The complaint rate by week: this week's complaint against this week's two customers, a figure and not a dash.
    await expect.poll(() => complaints.row('11月30日 起一周（至今）')).toEqual(['11月30日 起一周（至今）', '1', '50%', '0']);
    expect(await complaints.row('11月9日 起一周')).toEqual(['11月9日 起一周', '0', '—', '0']);
    await expect(reports.card('complaint-rate')).toHaveText('50%');
    await reports.period('day', 7);
    await expect(reports.range).toHaveText('2026-11-29 至 2026-12-05');
    await expect.poll(() => complaints.row('12月5日')).toEqual(['12月5日', '1', '50%', '0']);
    await expect(complaints.table.locator('tbody tr')).toHaveCount(7);
    await expect(reports.card('complaint-rate')).toHaveText('50%');
    await reports.period('month', 3);
    await expect(reports.range).toHaveText('2026-10-01 至 2026-12-05');
    await expect(scores.table.locator('tbody tr')).toHaveCount(3);

    const csv = await scores.save('csv', dataFolder);
    expect(csv.name).toBe('熟客-各月满意度与净推荐值-2026-12-05.csv');
    expect(csv.bytes.toString('utf8')).toBe(
      '\uFEFF月份,满意度（%）,净推荐值,满意度回答数,净推荐值回答数\r\n2026年10月,,,0,0\r\n2026年11月,,,0,0\r\n2026年12月,66.7,0,3,3\r\n',
    );
    await expect(scores.root.getByTestId('chart-saved-path')).toContainText(csv.path);

    const xlsx = await scores.save('xlsx', dataFolder);
    expect(xlsx.name).toBe('熟客-各月满意度与净推荐值-2026-12-05.xlsx');
    const sheet = await readXlsx(xlsx.bytes);
    expect(sheet.headers).toEqual(['月份', '满意度（%）', '净推荐值', '满意度回答数', '净推荐值回答数']);
    expect(sheet.rows.at(-1)).toEqual(['2026年12月', '66.7', '0', '3', '3']);

    const png = await scores.save('png', dataFolder);
    expect(png.name).toBe('熟客-各月满意度与净推荐值-2026-12-05.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // Drawn at the printed page's width (680 CSS pixels), twice over for a sharp picture.
    expect(png.bytes.readUInt32BE(16)).toBe(1360);

    // Print: the button asks the browser to print; while it prints, every chart is drawn again at the paper's width.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await reports.root.getByTestId('report-print').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect(scores.canvas).toHaveCSS('width', '680px');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(scores.canvas).not.toHaveCSS('width', '680px');
    // Printed, the reports are the page: the sidebar is left out, the sections are shown.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('nav-reports')).toBeHidden();
    await expect(reports.section('satisfaction')).toBeVisible();
    await page.emulateMedia({ media: 'screen' });

    expect(await axeFindings(page)).toEqual([]);
  });

  test("today's churn risk by level is the churn list's, judged by the store's fitted model", async ({ app, page }) => {
    test.setTimeout(120_000);
    await app.startDemoStore();
    const churn = await ChurnRiskPage.open(page);
    // The start-up rollover fits the model and levels everyone with it: read before, the levels are today's rule's.
    await churn.levelledByModel();
    const modelNote = await churn.modelNote.innerText();
    await churn.filterLevel('high');
    await expect(churn.rows.first()).toBeVisible();
    const high = await churn.countNumber();
    const highTotal = (await churn.total.innerText()).trim();
    await churn.filterLevel('watch');
    await expect.poll(async () => new Set(await churn.attribute('level'))).toEqual(new Set(['watch']));
    const watch = await churn.countNumber();

    const reports = await ReportsPage.open(page);
    const section = reports.section('status');
    await expect(section.getByTestId('churn-model-note')).toHaveAttribute('data-model', 'fitted');
    await expect(section.getByTestId('churn-model-note')).toHaveText(modelNote);
    await expect(reports.card('risk-high')).toHaveText(String(high));
    await expect(reports.card('risk-watch')).toHaveText(String(watch));
    await expect(section.getByTestId('report-card-risk-high')).toContainText(highTotal);
    const risk = reports.chart('status-risk');
    // The chart's table is drawn after the cards: waited for, not read once.
    await expect.poll(() => risk.row('高风险')).toEqual(['高风险', String(high), highTotal.replace(/^风险金额：/, '')]);
    await expect.poll(async () => (await risk.row('无风险'))[1]).toBe(String(240 - high - watch));
  });

  test('an open report takes the next day’s rollover re-levelling the store, without leaving the screen', async ({ app, page, now }) => {
    test.setTimeout(150_000);
    await app.startDemoStore();
    await expect.poll(() => lastRolloverDay(page), { timeout: 60_000 }).toBe('2026-12-05');
    const reports = await ReportsPage.open(page);
    await expect(reports.section('status').getByTestId('churn-model-note')).toHaveAttribute('data-model', 'fitted');
    const cards = ['risk-high', 'risk-watch'] as const;
    const read = () => Promise.all(cards.map(async (c) => (await reports.card(c).innerText()).trim()));
    await expect.poll(async () => (await read()).every((v) => v !== '')).toBe(true);
    const before = await read();
    // Two months on, the screen left open: the day's rollover levels everyone again and writes no sales day.
    const later = new Date(now.getFullYear(), now.getMonth() + 2, now.getDate(), 0, 30);
    await page.clock.fastForward(later.getTime() - now.getTime());
    await page.clock.runFor(61_000);
    await expect.poll(() => lastRolloverDay(page), { timeout: 90_000 }).toBe('2027-02-05');
    // The open screen comes to the levels now stored, which are not those of two months ago.
    const states = await onStore<{ isDeleted: number; churnLevel: string }[]>(page, 'customerState', 'getAll', null);
    const stored = cards.map((c) => String(states.filter((st) => st.isDeleted === 0 && `risk-${st.churnLevel}` === c).length));
    expect(stored).not.toEqual(before);
    await expect.poll(read, { timeout: 30_000 }).toEqual(stored);
  });
});
