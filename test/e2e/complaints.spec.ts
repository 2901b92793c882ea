// Complaints end to end, on a fixed clock (Monday 2026-12-07 10:00): a complaint about a purchase taken from received
// to closed with a compensation in points (the owner's PIN asked), only the legal moves offered at each step, the
// figures updating; an overdue one highlighted on the list and on Today.
import { parseISO } from 'date-fns';
import { test, expect } from './fixtures';
import { ComplaintDialogModel, ComplaintSettingsModel, ComplaintsScreenModel } from './pages/ComplaintPages';
import { answerOwnerPin, clickAsNeeded } from './pages/OwnerPin';
import { createCustomer, localDateTime } from './pages/PurchasePages';
import { TodayPage } from './pages/TodayPage';

test.describe('Complaints', () => {
  test.use({ now: parseISO('2026-12-07T10:00:00') });

  test('a complaint about a purchase from received to closed with points; illegal moves not offered; figures update; overdue highlighted', async ({ app, page, now }) => {
    await app.startEmptyStore();
    const zhang = await createCustomer(app, '张三');
    const sale = await zhang.recordPurchase();
    await sale.useMode('total');
    await sale.amount.fill('268');
    await sale.save();
    await sale.expectClosed();

    // From the purchase in the customer's timeline: "Complain about this purchase".
    const entry = zhang.timeline.entries.first();
    await entry.getByTestId('entry-menu').click();
    await page.getByTestId('entry-complain').click();
    const dialog = new ComplaintDialogModel(page);
    await expect(dialog.root).toBeVisible();
    await expect(dialog.aboutPurchase).toContainText('¥268');
    // Nothing typed: each required field says so, in the clerk's language.
    await dialog.root.getByTestId('complaint-save').click();
    await expect(dialog.root.getByText('请选择投诉类别。')).toBeVisible();
    await expect(dialog.root.getByText('请填写客户说了什么。')).toBeVisible();
    await dialog.choose('product', 'high');
    await dialog.said.fill('蛋糕不新鲜');
    await dialog.receivedBy.fill('小王');
    await dialog.receivedAt.fill(localDateTime(2 / 24, now));
    // High: 24 hours, due tomorrow at 08:00.
    await expect(dialog.duePreview).toContainText('24');
    await dialog.save();
    await expect(page.getByTestId('customer-complaints').getByTestId('customer-complaint')).toHaveCount(1);
    await expect(page.getByTestId('nav-complaints').locator('.nav-badge')).toHaveText('1');

    const screen = await ComplaintsScreenModel.open(page);
    await expect(screen.rows).toHaveCount(1);
    await expect(screen.rows.first()).toHaveAttribute('data-overdue', 'false');
    // One complaint, one customer served in the last 30 days.
    await expect(screen.figure('rate')).toContainText('每 100 位客户 100.0 条');
    await expect(screen.figure('rate')).toContainText('1 条投诉，服务客户 1 位');
    await expect(screen.figure('median')).toContainText('—');

    const detail = await screen.openRow(screen.row('张三'));
    await expect(detail.state).toHaveText('已受理');
    // Only the legal moves: investigate or resolve; closing is not offered.
    await expect(detail.moves).toHaveText(['开始调查', '解决']);
    await expect(detail.moveButton('closed')).toHaveCount(0);

    await detail.move('investigating', { by: '小李', note: '查了批次' });
    await expect(detail.state).toHaveText('调查中');
    await expect(detail.moves).toHaveText(['解决']);

    // Resolving with 200 points: giving points is the owner's, so the PIN is asked before it is saved.
    await detail.startMove('resolved', { by: '小李', resolution: '换新并致歉', points: '200' });
    await detail.saveMove();
    await answerOwnerPin(page);
    await expect(detail.state).toHaveText('已解决');
    await expect(detail.compensation).toContainText('200 积分');
    await expect(detail.moves).toHaveText(['已回访', '重新打开']);

    await expect(detail.satisfactionAnswer).toHaveText('尚未询问');
    await detail.satisfied(true);
    await expect(detail.satisfactionAnswer).toHaveText('对处理结果满意');

    await detail.move('followed-up', { by: '小王', note: '电话回访' });
    await detail.move('closed', { by: '小王' });
    await expect(detail.state).toHaveText('已结案');
    await expect(detail.moves).toHaveText(['重新打开']);
    await expect(detail.steps).toHaveCount(5);
    await detail.close();

    // Off the open list and the navigation's count; the figures count it resolved, in time.
    await expect(screen.empty).toBeVisible();
    await expect(page.getByTestId('nav-complaints').locator('.nav-badge')).toHaveCount(0);
    await expect(screen.figure('median')).toContainText('小时');
    await expect(screen.figure('median')).toContainText('已解决 1 条');
    await expect(screen.figure('in-time')).toContainText('100%');
    await screen.filterState('all');
    await expect(screen.rows).toHaveCount(1);
    await expect(screen.rows.first()).toContainText('已结案');

    // The points came through the points module.
    await page.getByTestId('nav-customers').click();
    await page.getByText('张三').first().click();
    await expect(page.getByTestId('customer-name')).toHaveText('张三');
    await expect(page.getByTestId('timeline')).toContainText('+200');
    // The complaint is in the customer's timeline too, with its state.
    await expect(page.getByTestId('timeline').locator('[data-kind="complaint"]')).toContainText('已结案');

    // A second complaint, received three days ago with high severity: overdue, highlighted, and on Today.
    const li = await createCustomer(app, '李四', '13900139000');
    await li.page.getByTestId('new-complaint').click();
    const late = new ComplaintDialogModel(page);
    await late.choose('waiting', 'high');
    await late.said.fill('排队太久');
    await late.receivedBy.fill('小王');
    await late.receivedAt.fill(localDateTime(3, now));
    await late.save();
    await expect(page.getByTestId('customer-complaints').locator('.complaint-overdue')).toHaveText('已逾期');

    const again = await ComplaintsScreenModel.open(page);
    await expect(again.rows).toHaveCount(1);
    await expect(again.row('李四')).toHaveAttribute('data-overdue', 'true');
    await expect(again.row('李四')).toHaveClass(/overdue/);
    await expect(again.row('李四').getByTestId('complaint-overdue')).toHaveText('已逾期');
    // Two complaints now, one of them late: one of two decided in time.
    await expect(again.figure('in-time')).toContainText('50%');

    const today = await TodayPage.open(page);
    await expect(today.kindCount('complaint')).toHaveText('1');
    await expect(today.item('李四').getByTestId('care-reason')).toContainText('高级投诉（等候）');
    await today.item('李四').getByTestId('care-open-complaint').click();
    await expect(page.getByTestId('complaint-detail')).toBeVisible();
    await expect(page.getByTestId('complaint-detail').getByTestId('complaint-state')).toHaveText('已受理');
  });

  test('the owner sets the due times: a closed weekend is skipped', async ({ app, page, now }) => {
    await app.startEmptyStore();
    const settings = await ComplaintSettingsModel.open(page);
    await settings.hours('high').fill('0');
    await settings.closed(6).check();
    await settings.closed(0).check();
    // A refused value asks nothing of the owner: it is said at once, in the clerk's language.
    await settings.save.click();
    await expect(settings.root.getByText('请填 1 到 1440 之间的整数小时。')).toBeVisible();
    await settings.hours('high').fill('24');
    await clickAsNeeded(page, settings.save);
    await expect(settings.saved).toBeVisible();

    const customer = await createCustomer(app, '周五');
    await customer.page.getByTestId('new-complaint').click();
    const dialog = new ComplaintDialogModel(page);
    await dialog.choose('service', 'high');
    // Friday 15:00 + 24 h on open days: Monday 15:00, the weekend skipped.
    await dialog.receivedAt.fill(localDateTime(3, new Date(now.getTime() + 5 * 3_600_000)));
    await expect(dialog.duePreview).toContainText('2026-12-07 下午 3:00');
  });
});
