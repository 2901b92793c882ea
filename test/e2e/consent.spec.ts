// Marketing consent end to end, in Chinese: grant SMS in store on the customer page, withdraw it in one
// click, read the history; the answers survive a reload and the trash.
import { addDays, format } from 'date-fns';
import { test, expect } from './fixtures';
import { CustomerPageModel } from './pages/AppPage';
import { ConsentPanelModel } from './pages/ConsentPages';
import { ImportPage } from './pages/ImportPage';

test.describe('marketing consent', () => {
  test('grant SMS in store, withdraw it, and see the history', async ({ app, page, now }) => {
    await app.startEmptyStore();
    const form = await app.newCustomer();
    await form.fillName('王芳');
    await form.fillPhone(0, '138 0000 2222');
    await form.save();
    await expect(page.getByTestId('customer-name')).toHaveText('王芳');

    const consent = new ConsentPanelModel(page);
    await expect(consent.root.getByRole('heading', { name: '营销许可' })).toBeVisible();
    for (const channel of ['sms', 'phone', 'wechat', 'email'] as const) await expect(consent.state(channel)).toHaveText('未询问');
    await expect(consent.root).toContainText('尚无记录');

    // The source offered is the clerk's: in store or a paper form.
    await expect(consent.root.getByTestId('consent-source-sms').locator('option')).toHaveText(['店内', '纸质表格']);
    await consent.grant('sms', 'in-store');
    await expect(consent.state('sms')).toHaveText('同意');
    await expect(consent.since('sms')).toHaveText(`自${format(now, 'yyyy-MM-dd')} · 店内`);
    await expect(page.getByTestId('toast')).toHaveText('已记录短信同意');
    await expect(consent.state('wechat')).toHaveText('未询问');

    // Two days later the customer asks for no more texts: one click.
    await page.clock.fastForward('48:00:00');
    await consent.root.getByRole('button', { name: '撤回短信许可' }).click();
    await expect(consent.row('sms')).toHaveAttribute('data-state', 'withdrawn');
    await expect(consent.state('sms')).toHaveText('已撤回');
    await expect(consent.since('sms')).toHaveText(`自${format(addDays(now, 2), 'yyyy-MM-dd')} · 店内`);
    await expect(page.getByTestId('toast')).toHaveText('已撤回短信许可');
    // Withdrawn, it can be granted again; nothing to withdraw.
    await expect(consent.root.getByTestId('consent-grant-sms')).toBeVisible();
    await expect(consent.root.getByTestId('consent-withdraw-sms')).toHaveCount(0);

    // The history, newest first: both answers, when, on what channel, from where.
    await expect(consent.root.getByTestId('consent-history-toggle')).toHaveText('查看历史（2）');
    const rows = await consent.openHistory();
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0).locator('td')).toHaveText([/\S/, '短信', '不同意', '店内']);
    await expect(rows.nth(1).locator('td')).toHaveText([/\S/, '短信', '同意', '店内']);
    await expect(consent.root.getByRole('columnheader')).toHaveText(['时间', '渠道', '回答', '来源']);

    // Kept: after a reload, and through the trash and back.
    await page.reload();
    await expect(consent.state('sms')).toHaveText('已撤回');
    await new CustomerPageModel(page).moveToTrash();
    await expect(app.rows).toHaveCount(0);
    // Back on the customer's page, now in the trash.
    await page.goBack();
    await expect(page.getByTestId('restore')).toBeVisible();
    await expect(consent.row('sms')).toHaveAttribute('data-state', 'withdrawn');
    // A customer in the trash is shown, not changed.
    await expect(consent.root.getByTestId('consent-grant-sms')).toHaveCount(0);
    await page.getByTestId('restore').click();
    await expect(consent.root.getByTestId('consent-grant-sms')).toBeVisible();
    expect(await consent.openHistory()).toBeTruthy();
    await expect(consent.root.getByTestId('consent-history-row')).toHaveCount(2);
  });

  test('a customers import with consent columns: a value that is neither yes nor no is named by row and column; the rest is recorded as the import\'s', async ({ app, page, now }) => {
    await app.startEmptyStore();
    const imp = new ImportPage(page);
    await imp.open();
    const csv = ['姓名,手机,短信营销许可,微信营销许可', '张三,13812345678,是,否', '李四,13912345678,也许,', '王五,13712345678,,同意'].join('\r\n');
    await imp.pickFile('会员.csv', Buffer.from(csv, 'utf8'));
    await imp.expectPreview({ create: 2, invalid: 1 });
    await expect(imp.errorRows).toHaveCount(1);
    await expect(imp.errorRows.first().locator('td')).toHaveText(['第 3 行', '短信营销许可', '也许', /无法识别：应为“是”或“否”/]);
    await imp.startImport();
    await expect(imp.doneSummary).toContainText('新建客户 2 位');

    await app.goToCustomers();
    await app.openCustomerFromList('张三');
    const consent = new ConsentPanelModel(page);
    await expect(consent.state('sms')).toHaveText('同意');
    await expect(consent.since('sms')).toHaveText(`自${format(now, 'yyyy-MM-dd')} · 导入`);
    await expect(consent.state('wechat')).toHaveText('拒绝');
    await expect(consent.state('email')).toHaveText('未询问');
  });
});
