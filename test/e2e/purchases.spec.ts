// Purchases and the contact log end to end: record, suggest, edit, void, return, contacts and follow-ups,
// the figures at the top of the customer page, the timeline filter, reload, keyboard, and English.
import { addDays, format } from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import { test, expect } from './fixtures';
import { createCustomer, localDateTime } from './pages/PurchasePages';

/** The clerk's day in Chinese, as the fixed clock reads at the start of the test. */
const dayZh = (at: Date) => format(at, 'PP', { locale: zhCN });

test.describe('purchases', () => {
  test('record a purchase with items, then one from a product suggestion; the figures follow', async ({ app, page, now }) => {
    await app.startEmptyStore();
    const customer = await createCustomer(app, '张三');
    await expect(customer.figure('total')).toHaveText('¥0.00');
    await expect(customer.figure('count')).toHaveText('0');
    await expect(customer.figure('last')).toHaveText('—');
    await expect(page.getByTestId('timeline-empty')).toBeVisible();

    const first = await customer.recordPurchase();
    await expect(first.title).toHaveText('为张三记录消费');
    await first.useMode('items');
    await first.dateTime.fill(localDateTime(10, now));
    await first.fillLine(0, { product: '西湖龙井 100g', category: '绿茶', quantity: '2', price: '168' });
    await expect(first.line(0).amount).toHaveText('¥336.00');
    // A new blank row appears as soon as the last one is used.
    await first.fillLine(1, { product: '白瓷盖碗', category: '茶具', price: '68' });
    await first.payment.fill('微信支付');
    await expect(first.total).toHaveText('¥404.00');
    await first.save();
    await first.expectClosed();
    await expect(customer.toast).toContainText('已记录消费 ¥404.00');

    await expect(customer.figure('total')).toHaveText('¥404.00');
    await expect(customer.figure('count')).toHaveText('1');
    await expect(customer.timeline.entries).toHaveCount(1);
    await expect(customer.timeline.entries.first()).toContainText('西湖龙井 100g ×2、白瓷盖碗');
    await expect(customer.timeline.entries.first()).toContainText('微信支付');

    // The second time the product is suggested: picking it fills its category and last price.
    const second = await customer.recordPurchase();
    await second.useMode('items');
    await second.line(0).product.pressSequentially('西湖');
    const option = second.suggestions().filter({ hasText: '西湖龙井 100g' });
    await expect(option).toContainText('绿茶');
    await expect(option).toContainText('¥168.00');
    // Esc closes the suggestions first, not the dialog; the arrow key brings them back.
    await second.line(0).product.press('Escape');
    await expect(option).toBeHidden();
    await expect(second.root).toBeVisible();
    await second.line(0).product.press('ArrowDown');
    await expect(option).toBeVisible();
    await second.line(0).product.press('Enter');
    await expect(second.line(0).product).toHaveValue('西湖龙井 100g');
    await expect(second.line(0).category).toHaveValue('绿茶');
    await expect(second.line(0).price).toHaveValue('168.00');
    await expect(second.line(0).quantity).toBeFocused();
    await page.keyboard.type('3');
    await expect(second.total).toHaveText('¥504.00');
    // Enter in the last field saves.
    await second.note.fill('送了茶样');
    await second.note.press('Enter');
    await second.expectClosed();

    await expect(customer.figure('total')).toHaveText('¥908.00');
    await expect(customer.figure('count')).toHaveText('2');
    await expect(customer.figure('last')).toHaveText(dayZh(now));
    await expect(customer.figure('average-gap')).toHaveText('10 天');
    await expect(customer.figure('median-gap')).toHaveText('10 天');
    await expect(customer.timeline.entries).toHaveCount(2);
    await expect(customer.timeline.entries.first()).toContainText('西湖龙井 100g ×3');
    await expect(customer.timeline.entries.first()).toContainText('送了茶样');
  });

  test('record a purchase with just a total and a discount', async ({ app, now }) => {
    await app.startEmptyStore();
    const customer = await createCustomer(app, '李四');
    const dialog = await customer.recordPurchase();
    await dialog.useMode('total');
    await dialog.amount.fill('500');
    await dialog.discount.fill('50');
    await expect(dialog.total).toHaveText('¥450.00');
    await dialog.discount.press('Enter');
    await dialog.expectClosed();

    const entry = customer.timeline.entries.first();
    await expect(entry.getByTestId('entry-amount')).toHaveText('¥450.00');
    await expect(entry).toContainText('优惠 ¥50.00');
    await expect(customer.figure('total')).toHaveText('¥450.00');
    await expect(customer.figure('count')).toHaveText('1');
    await expect(customer.figure('last')).toHaveText(dayZh(now));
    await expect(customer.figure('average-gap')).toHaveText('—');
  });

  test('edit a purchase: the dialog comes prefilled and the figures follow the change', async ({ app }) => {
    await app.startEmptyStore();
    const customer = await createCustomer(app, '王五');
    const dialog = await customer.recordPurchase();
    await dialog.useMode('total');
    await dialog.amount.fill('100');
    await dialog.save();
    await dialog.expectClosed();
    await expect(customer.figure('total')).toHaveText('¥100.00');

    const edit = await customer.timeline.editPurchase(customer.timeline.entries.first());
    await expect(edit.title).toHaveText('修改消费记录');
    await expect(edit.amount).toHaveValue('100.00');
    await edit.amount.fill('120');
    await edit.note.fill('补录了包装费');
    await edit.save();
    await edit.expectClosed();

    const entry = customer.timeline.entries.first();
    await expect(entry.getByTestId('entry-amount')).toHaveText('¥120.00');
    await expect(entry).toContainText('补录了包装费');
    await expect(customer.figure('total')).toHaveText('¥120.00');
    await expect(customer.figure('count')).toHaveText('1');
    // Focus came back to the entry's Edit button.
    await expect(entry.getByTestId('entry-edit')).toBeFocused();
  });

  test('void a purchase with a reason: kept, struck through, left out of the total', async ({ app, page, now }) => {
    await app.startEmptyStore();
    const customer = await createCustomer(app, '赵六');
    for (const [amount, daysAgo] of [['100', 2], ['200', 1]] as const) {
      const dialog = await customer.recordPurchase();
      await dialog.useMode('total');
      await dialog.dateTime.fill(localDateTime(daysAgo, now));
      await dialog.amount.fill(amount);
      await dialog.save();
      await dialog.expectClosed();
    }
    await expect(customer.figure('total')).toHaveText('¥300.00');
    await expect(customer.figure('count')).toHaveText('2');

    const entry = customer.timeline.entry('¥200.00');
    const voiding = await customer.timeline.voidPurchase(entry);
    await voiding.confirm();
    await expect(voiding.root).toContainText('请填写作废原因。');
    await voiding.reason.fill('重复录入');
    await voiding.confirm();
    await expect(voiding.root).toBeHidden();

    await expect(entry).toHaveAttribute('data-voided', 'true');
    await expect(entry).toContainText('已作废');
    await expect(entry.getByTestId('entry-void-reason')).toContainText('重复录入');
    await expect(entry.getByTestId('entry-amount')).toHaveCSS('text-decoration-line', 'line-through');
    // A voided purchase can no longer be edited.
    await expect(entry.getByTestId('entry-edit')).toHaveCount(0);
    await expect(customer.figure('total')).toHaveText('¥100.00');
    await expect(customer.figure('count')).toHaveText('1');
    // Both purchases stay; taking back the points the voided one earned is a row of its own.
    await expect(customer.timeline.entries).toHaveCount(3);
    await expect(customer.timeline.entries.and(page.locator('[data-kind="points"]'))).toContainText('−200');
    await expect(page.getByTestId('toast')).toContainText('消费已作废');
  });

  test('record a return tied to the original: negative, limited to what is returnable', async ({ app, page, now }) => {
    await app.startEmptyStore();
    const customer = await createCustomer(app, '钱七');
    const dialog = await customer.recordPurchase();
    await dialog.useMode('items');
    await dialog.dateTime.fill(localDateTime(1, now));
    await dialog.fillLine(0, { product: '西湖龙井 100g', category: '绿茶', quantity: '2', price: '168' });
    await dialog.save();
    await dialog.expectClosed();
    await expect(customer.figure('total')).toHaveText('¥336.00');

    const original = customer.timeline.entries.first();
    const ret = await customer.timeline.returnPurchase(original);
    await expect(ret.title).toHaveText('记录退货');
    await expect(ret.returnInfo).toContainText('最多还可退 ¥336.00');
    await expect(ret.line(0).product).toHaveValue('西湖龙井 100g');
    await expect(ret.line(0).quantity).toHaveValue('2');
    await ret.line(0).quantity.fill('1');
    await expect(ret.total).toHaveText('-¥168.00');
    await ret.save();
    await ret.expectClosed();

    const returned = customer.timeline.root.locator('[data-kind="return"]');
    await expect(returned).toHaveCount(1);
    await expect(returned.getByTestId('entry-amount')).toHaveText('-¥168.00');
    await expect(returned.getByTestId('entry-original-link')).toContainText('¥336.00');
    await expect(customer.timeline.root.locator('[data-kind="purchase"]').getByTestId('entry-returned')).toHaveText('已退 ¥168.00');
    await expect(customer.figure('total')).toHaveText('¥168.00');
    await expect(customer.figure('count')).toHaveText('1');

    // More than is left is refused, and what was typed stays.
    const again = await customer.timeline.returnPurchase(customer.timeline.root.locator('[data-kind="purchase"]'));
    await expect(again.returnInfo).toContainText('最多还可退 ¥168.00');
    await again.save();
    await expect(again.root.getByTestId('purchase-total-error')).toHaveText('超出了还可退的金额。');
    await expect(again.line(0).quantity).toHaveValue('2');
    await page.keyboard.press('Escape');
    await again.expectClosed();
    await expect(customer.figure('total')).toHaveText('¥168.00');

    // Returned in full, the purchase is no visit: nothing in the count (nor the average), here and in the list.
    const rest = await customer.timeline.returnPurchase(customer.timeline.root.locator('[data-kind="purchase"]'));
    await rest.line(0).quantity.fill('1');
    await rest.save();
    await rest.expectClosed();
    await expect(customer.figure('total')).toHaveText('¥0.00');
    await expect(customer.figure('count')).toHaveText('0');
    await app.goToCustomers();
    await expect(app.rows.first().locator('.col-purchaseCount')).toHaveText('0');
  });

  test('a bad amount is refused with a message in the clerk’s language, and what was typed stays', async ({ app }) => {
    await app.startEmptyStore();
    const customer = await createCustomer(app, '孙八');
    const dialog = await customer.recordPurchase();
    await dialog.useMode('total');
    await dialog.amount.fill('12块5');
    await dialog.payment.fill('现金');
    await dialog.note.fill('老顾客');
    await dialog.save();
    await expect(dialog.errorSummary).toBeVisible();
    await expect(dialog.root).toContainText('金额格式不对，请填写数字，如 128 或 128.50。');
    await expect(dialog.amount).toHaveValue('12块5');
    await expect(dialog.amount).toBeFocused();
    await expect(dialog.payment).toHaveValue('现金');
    await expect(dialog.note).toHaveValue('老顾客');

    // A bad line too: a price that is not a number.
    await dialog.useMode('items');
    await dialog.fillLine(0, { product: '祁门红茶', price: 'abc' });
    await dialog.save();
    await expect(dialog.root).toContainText('单价格式不对');
    await expect(dialog.line(0).price).toHaveValue('abc');

    await dialog.useMode('total');
    await dialog.amount.fill('12.5');
    await expect(dialog.errorSummary).toBeHidden();
    await dialog.save();
    await dialog.expectClosed();
    await expect(customer.figure('total')).toHaveText('¥12.50');
    await expect(customer.timeline.entries.first()).toContainText('老顾客');
  });

  test('record a contact with a follow-up, mark it done, edit it and delete it', async ({ app, page, now }) => {
    await app.startEmptyStore();
    const customer = await createCustomer(app, '周九');
    const dialog = await customer.recordContact();
    await expect(dialog.summary).toBeFocused();
    await dialog.save();
    await expect(dialog.root).toContainText('请填写内容摘要。');
    await dialog.chooseChannel('wechat');
    await dialog.chooseDirection('in');
    await dialog.summary.fill('询问大红袍是否还有货');
    await dialog.outcome.fill('已留货两罐');
    await dialog.quickFollowUp('tomorrow');
    const tomorrow = addDays(now, 1);
    await expect(dialog.followUp).toHaveValue(format(tomorrow, 'yyyy-MM-dd'));
    await dialog.save();
    await expect(dialog.root).toBeHidden();

    const entry = customer.timeline.entries.first();
    await expect(entry).toContainText('微信');
    await expect(entry).toContainText('客户主动');
    await expect(entry).toContainText('询问大红袍是否还有货');
    await expect(entry).toContainText('已留货两罐');
    await expect(entry.getByTestId('entry-follow-up')).toHaveText(`${format(tomorrow, 'PP', { locale: zhCN })} 跟进`);

    await entry.getByTestId('entry-follow-up-done').click();
    await expect(entry.getByTestId('entry-follow-up')).toContainText('已跟进');
    await expect(entry.getByTestId('entry-follow-up-done')).toHaveCount(0);
    await expect(entry).toBeFocused();

    const edit = await customer.timeline.editContact(entry);
    await expect(edit.summary).toHaveValue('询问大红袍是否还有货');
    await edit.summary.fill('询问大红袍和金骏眉是否还有货');
    await edit.summary.press('Enter');
    await expect(edit.root).toBeHidden();
    await expect(entry).toContainText('询问大红袍和金骏眉是否还有货');
    // Unchanged follow-up date: still done.
    await expect(entry.getByTestId('entry-follow-up')).toContainText('已跟进');

    await customer.timeline.menu(entry, 'entry-delete');
    const confirm = page.getByTestId('confirm-dialog');
    await expect(confirm).toContainText('询问大红袍和金骏眉是否还有货');
    await confirm.getByRole('button', { name: '删除' }).click();
    await expect(customer.timeline.entries).toHaveCount(0);
    await expect(page.getByTestId('toast')).toContainText('联系记录已删除');
  });

  test('filter the timeline by kind; a reload keeps everything', async ({ app, page, now }) => {
    await app.startEmptyStore();
    const customer = await createCustomer(app, '吴十');
    const purchase = await customer.recordPurchase();
    await purchase.useMode('total');
    await purchase.dateTime.fill(localDateTime(3, now));
    await purchase.amount.fill('88');
    await purchase.save();
    await purchase.expectClosed();
    const contact = await customer.recordContact();
    await contact.chooseChannel('phone');
    await contact.chooseDirection('out');
    await contact.summary.fill('购买回访：冲泡体验');
    await contact.save();
    await expect(contact.root).toBeHidden();

    const timeline = customer.timeline;
    await expect(timeline.entries).toHaveCount(2);
    // Newest first: the contact (now) before the purchase (three days ago).
    await expect(timeline.entries.nth(0)).toHaveAttribute('data-kind', 'contact');
    await expect(timeline.entries.nth(1)).toHaveAttribute('data-kind', 'purchase');
    await timeline.filter('purchase');
    await expect(timeline.entries).toHaveCount(1);
    await expect(timeline.entries.first()).toHaveAttribute('data-kind', 'purchase');
    await timeline.filter('interaction');
    await expect(timeline.entries).toHaveCount(1);
    await expect(timeline.entries.first()).toContainText('购买回访：冲泡体验');
    await timeline.filter('all');
    await expect(timeline.entries).toHaveCount(2);

    await page.reload();
    await expect(page.getByTestId('customer-name')).toHaveText('吴十');
    await expect(customer.figure('total')).toHaveText('¥88.00');
    await expect(customer.figure('count')).toHaveText('1');
    await expect(timeline.entries).toHaveCount(2);
    await expect(timeline.entry('购买回访：冲泡体验')).toHaveCount(1);
  });

  test('the keyboard alone: shortcut, Tab, Enter saves, Esc closes, focus comes back', async ({ app, page }) => {
    await app.startEmptyStore();
    const customer = await createCustomer(app, '郑十一');
    await page.keyboard.press('Control+Shift+P');
    const root = page.getByTestId('purchase-dialog');
    await expect(root).toBeVisible();
    await expect(root.getByTestId('line-product').first()).toBeFocused();
    await page.keyboard.type('茶样');
    // Esc while a pinyin input method is composing only cancels the composition.
    await page.evaluate(() => document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', isComposing: true, bubbles: true })));
    await expect(root).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(root).toBeHidden();
    await expect(customer.figure('count')).toHaveText('0');

    await customer.recordPurchaseButton.focus();
    await page.keyboard.press('Enter');
    await expect(root).toBeVisible();
    const line = root.getByTestId('purchase-line').first();
    await expect(line.getByTestId('line-product')).toBeFocused();
    await page.keyboard.type('棉麻茶巾');
    await page.keyboard.press('Tab');
    await expect(line.getByTestId('line-category')).toBeFocused();
    await page.keyboard.type('茶具');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await expect(line.getByTestId('line-price')).toBeFocused();
    await page.keyboard.type('15');
    await expect(root.getByTestId('purchase-total')).toHaveText('¥30.00');
    await page.keyboard.press('Enter');
    await expect(root).toBeHidden();
    await expect(customer.recordPurchaseButton).toBeFocused();
    await expect(customer.figure('total')).toHaveText('¥30.00');

    // Tab reaches the entry's actions; the menu opens with the keyboard and Esc gives the focus back.
    const entry = customer.timeline.entries.first();
    await entry.getByTestId('entry-edit').focus();
    await page.keyboard.press('Tab');
    await expect(entry.getByTestId('entry-menu')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('entry-return')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('entry-complain')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('entry-void')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(entry.getByTestId('entry-menu')).toBeFocused();
    await expect(page.getByTestId('entry-void')).toHaveCount(0);
  });
});

test.describe('in English', () => {
  test.use({ systemLocale: 'en-US' });

  test('record, refuse a bad amount, and read the figures in English', async ({ app, page, now }) => {
    await app.startEmptyStore();
    const customer = await createCustomer(app, 'Ann Lee');
    await expect(page.getByTestId('record-purchase')).toHaveText('Record purchase');
    const dialog = await customer.recordPurchase();
    await expect(dialog.title).toHaveText('Record a purchase for Ann Lee');
    await dialog.useMode('total');
    await dialog.amount.fill('12,5');
    await dialog.save();
    await expect(dialog.root).toContainText('Please enter the amount as a number, e.g. 128 or 128.50.');
    await expect(dialog.amount).toHaveValue('12,5');
    await dialog.amount.fill('1,288.5');
    await dialog.discount.fill('8.5');
    await expect(dialog.total).toHaveText('CN¥1,280.00');
    await dialog.save();
    await dialog.expectClosed();
    await expect(customer.toast).toHaveText('Purchase recorded: CN¥1,280.00');
    await expect(customer.figure('total')).toHaveText('CN¥1,280.00');
    await expect(customer.figure('count')).toHaveText('1');
    await expect(customer.figure('last')).toHaveText(format(now, 'PP', { locale: enUS }));
    await expect(customer.figure('average-gap')).toHaveText('—');
    await expect(customer.timeline.entries.first()).toContainText('Discount CN¥8.50');

    const contact = await customer.recordContact();
    await contact.chooseChannel('visit');
    await contact.summary.fill('Came in to taste oolong');
    await contact.quickFollowUp('inAWeek');
    await contact.save();
    await expect(customer.timeline.entry('Came in to taste oolong')).toContainText('Visit');
    await expect(customer.timeline.entry('Came in to taste oolong').getByTestId('entry-follow-up')).toContainText('Follow up on');
    await customer.timeline.filter('interaction');
    await expect(customer.timeline.entries).toHaveCount(1);
  });
});
