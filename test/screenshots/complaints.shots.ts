// Screenshots of complaints per language: the new-complaint dialog about a purchase, the complaints screen with an
// overdue one highlighted and the figures, a complaint's detail resolving with a compensation, and the customer's card.
import { parseISO } from 'date-fns';
import { test, expect } from '../e2e/fixtures';
import { ComplaintDialogModel, ComplaintSettingsModel, ComplaintsScreenModel } from '../e2e/pages/ComplaintPages';
import { createCustomer, localDateTime } from '../e2e/pages/PurchasePages';
import { LOCALES, OUT } from './shotLocales';

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system, now: parseISO('2026-12-07T10:00:00') });

    test(`complaints in ${tag}`, async ({ app, page, now }) => {
      await app.startEmptyStore();
      const zhang = await createCustomer(app, '张三');
      const sale = await zhang.recordPurchase();
      await sale.useMode('total');
      await sale.amount.fill('268');
      await sale.save();
      await sale.expectClosed();
      const entry = zhang.timeline.entries.first();
      await entry.getByTestId('entry-menu').click();
      await page.getByTestId('entry-complain').click();
      const dialog = new ComplaintDialogModel(page);
      await dialog.choose('product', 'high');
      await dialog.said.fill('蛋糕不新鲜，奶油有酸味');
      await dialog.receivedBy.fill('小王');
      await expect(dialog.duePreview).toBeVisible();
      await page.screenshot({ path: `${OUT}/${tag}-140-complaint-new.png` });
      await dialog.save();

      const li = await createCustomer(app, '李四', '13900139000');
      await li.page.getByTestId('new-complaint').click();
      const late = new ComplaintDialogModel(page);
      await late.choose('waiting', 'normal');
      await late.said.fill('排队太久');
      await late.receivedBy.fill('小王');
      await late.receivedAt.fill(localDateTime(4, now));
      await late.save();
      await page.getByTestId('timeline').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUT}/${tag}-141-complaint-customer.png` });

      const screen = await ComplaintsScreenModel.open(page);
      await expect(screen.rows).toHaveCount(2);
      await page.screenshot({ path: `${OUT}/${tag}-142-complaints.png` });
      const detail = await screen.openRow(screen.row('张三'));
      await detail.move('investigating', { by: '小李', note: '查了批次' });
      await detail.startMove('resolved', { by: '小李', resolution: '换新并致歉', points: '200', refund: '20' });
      await page.screenshot({ path: `${OUT}/${tag}-143-complaint-resolve.png` });
      await page.keyboard.press('Escape');
      const settings = await ComplaintSettingsModel.open(page);
      await settings.root.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUT}/${tag}-144-complaint-settings.png` });
    });
  });
}
