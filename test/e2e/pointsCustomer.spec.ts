// A customer's points end to end: earned on a purchase (the database's earning), shown on the customer page
// with their history; the adjustment is the owner's (a lock and the PIN for the clerk); the list sorts by points.
import { test, expect } from './fixtures';
import { answerOwnerPin } from './pages/OwnerPin';
import { createCustomer } from './pages/PurchasePages';
import { CustomerPointsModel, PointsAdjustmentModel } from './pages/PointsCustomerPages';

test.describe('points on the customer page and in the list', () => {
  test('earn on a purchase, the clerk refused an adjustment, the owner adjusts with a reason, the list sorted by points', async ({ app, page }) => {
    await app.startEmptyStore();
    // A second customer first, with fewer points, so the sort has something to order.
    const other = await createCustomer(app, '李四', '13900139000');
    const small = await other.recordPurchase();
    await small.useMode('total');
    await small.amount.fill('58');
    await small.save();
    await small.expectClosed();

    const customer = await createCustomer(app, '张三');
    const points = new CustomerPointsModel(page);
    await expect(points.balance).toHaveText('0');
    await expect(points.historyEmpty).toHaveText('还没有积分记录。');

    const purchase = await customer.recordPurchase();
    await purchase.useMode('total');
    await purchase.amount.fill('268');
    await purchase.save();
    await purchase.expectClosed();

    // The default rules: 1 point per ¥1, rounded down, never expiring.
    await expect(points.balance).toHaveText('268');
    await expect(points.expiring).toHaveText('无');
    await expect(points.rows).toHaveCount(1);
    await expect(points.rows.first()).toContainText('消费得分');
    await expect(points.rows.first()).toContainText('+268');
    await expect(points.rows.first()).toContainText('¥268');

    // The clerk sees the lock; clicking asks for the owner PIN, and cancelling it opens nothing.
    const adjustment = new PointsAdjustmentModel(page);
    await expect(points.adjustButton).toHaveAttribute('data-owner-locked', 'true');
    await points.adjustButton.click();
    const pin = page.getByTestId('pin-dialog');
    await expect(pin).toBeVisible();
    await pin.getByRole('button', { name: '取消' }).click();
    await expect(pin).toBeHidden();
    await expect(adjustment.root).toBeHidden();
    await expect(points.balance).toHaveText('268');

    // The owner, after the PIN: a reason is required, then the balance and the history follow.
    await points.adjustButton.click();
    await answerOwnerPin(page);
    await expect(adjustment.root).toBeVisible();
    await expect(points.adjustButton).not.toHaveAttribute('data-owner-locked', 'true');
    await adjustment.points.fill('32');
    await expect(adjustment.root).toContainText('268');
    await expect(adjustment.root).toContainText('300');
    await adjustment.save();
    await expect(adjustment.root).toContainText('请填写调整原因');
    await adjustment.reason.fill('补录开业活动赠送');
    await adjustment.save();
    await adjustment.expectClosed();
    await expect(customer.toast).toContainText('积分已调整：+32');
    await expect(points.balance).toHaveText('300');
    await expect(points.rows).toHaveCount(2);
    await expect(points.rows.first()).toContainText('+32');
    await expect(points.rows.first()).toContainText('补录开业活动赠送');

    // Taking more than the balance is refused in words under 'stop at zero' (the default).
    await points.adjustButton.click();
    await expect(adjustment.root).toBeVisible();
    await adjustment.choose('take');
    await adjustment.points.fill('500');
    await adjustment.reason.fill('更正');
    await adjustment.save();
    await expect(adjustment.root).toContainText('300');
    await expect(adjustment.root.getByRole('alert')).toContainText('不能低于零');
    await adjustment.root.getByRole('button', { name: '取消' }).click();
    await adjustment.expectClosed();
    await expect(points.balance).toHaveText('300');

    // The list: a points column, sorted by it both ways.
    await app.goToCustomers();
    await expect(app.rows).toHaveCount(2);
    await page.getByTestId('sort-points').click();
    await expect(page.locator('[role="columnheader"].col-points')).toHaveAttribute('aria-sort', 'ascending');
    await expect(app.rows.locator('.col-name')).toHaveText(['李四', '张三']);
    await expect(app.rows.locator('.col-points')).toHaveText(['58', '300']);
    await page.getByTestId('sort-points').click();
    await expect(app.rows.locator('.col-name')).toHaveText(['张三', '李四']);
    // Eleven columns in a 1280-pixel window: no header and no phone number cut, the last column inside the table.
    for (const column of ['name', 'phone', 'tier', 'stage', 'risk', 'tags', 'totalSpent', 'purchaseCount', 'lastPurchase', 'points', 'updatedAt']) {
      expect(await page.locator(`[data-testid="sort-${column}"] .sort-label`).evaluate((el) => el.scrollWidth > el.clientWidth + 1), column).toBe(false);
    }
    expect(await app.rows.first().locator('.col-phone').evaluate((el) => el.scrollWidth > el.clientWidth + 1)).toBe(false);
    const table = await page.getByTestId('customer-table').boundingBox();
    const last = await page.locator('[role="columnheader"].col-updatedAt').boundingBox();
    expect(last!.x + last!.width).toBeLessThanOrEqual(table!.x + table!.width + 1);
  });
});
