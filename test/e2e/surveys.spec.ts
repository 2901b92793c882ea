// Satisfaction surveys recorded by the clerk, in Chinese, on the fixed clock: a survey at the counter from the customer
// page (a refused form keeps what was entered; the keyboard alone fills one in), the answer in the timeline and as the
// last score, the list's filter by band; after a purchase the prompt asks only a customer who may be asked, as often as
// the owner's setting allows.
import { test, expect } from './fixtures';
import { axeFindings } from './pages/axe';
import { createCustomer, type CustomerActivityPage } from './pages/PurchasePages';
import { SurveyCardModel, SurveyPromptModel, SurveySettingsModel, surveyFilter } from './pages/SurveyPages';

async function recordSale(customer: CustomerActivityPage, amount: string) {
  const sale = await customer.recordPurchase();
  await sale.useMode('total');
  await sale.amount.fill(amount);
  await sale.save();
  await sale.expectClosed();
  await expect(customer.toast).toContainText(`已记录消费 ¥${amount}.00`);
}


test.describe('surveys', () => {
  test('a survey at the counter: a refused form keeps its answers; the answer shows in the timeline, as the last score and in the list filter', async ({ app, page }) => {
    await app.startEmptyStore();
    await createCustomer(app, '李四', '13900139000');
    const customer = await createCustomer(app, '张三');
    const card = new SurveyCardModel(page);
    await expect(card.none).toHaveText('还没有回答过调查。');

    const form = await card.record();
    await expect(form.root.getByRole('heading')).toHaveText('满意度调查：张三');
    // Nothing answered: refused, said in words.
    await form.save();
    await expect(form.formError).toHaveText('请至少回答一个问题，已填写的内容都会保留。');

    await form.chooseCsat(2);
    await form.chooseNps(3);
    await form.toggleChoice('waiting');
    await form.toggleChoice('price');
    const tooLong = '排队太久了。'.repeat(90);
    await form.why.fill(tooLong);
    await form.save();
    // Refused for the reason's length: every answer is still as entered, the reason's field has the focus.
    await expect(form.errorSummary).toHaveText('请修改下面 1 处，已填写的内容都会保留。');
    await expect(form.root.getByText('最多 500 个字。')).toBeVisible();
    await expect(form.csat(2)).toBeChecked();
    await expect(form.nps(3)).toBeChecked();
    await expect(form.choice('waiting')).toBeChecked();
    await expect(form.choice('price')).toBeChecked();
    await expect(form.why).toHaveValue(tooLong);
    await expect(form.why).toBeFocused();
    expect(await axeFindings(page)).toEqual([]);

    await form.why.fill('排队太久了，收银只有一个人。');
    await expect(form.errorSummary).toBeHidden();
    await form.save();
    await form.expectClosed();
    await expect(customer.toast).toContainText('已记录调查。客户不满意：请在');

    const entry = customer.timeline.entries.first();
    await expect(entry).toHaveAttribute('data-kind', 'survey');
    await expect(entry).toContainText('满意度调查');
    await expect(entry).toContainText('柜台');
    await expect(entry).toContainText('NPS 3 · CSAT 2/5');
    await expect(entry).toContainText('贬损者');
    await expect(entry).toContainText('可改进：价格、等待时间');
    await expect(entry).toContainText('排队太久了，收银只有一个人。');
    await expect(entry.getByTestId('entry-survey-follow-up')).toContainText('请在');
    await expect(card.lastScore).toHaveText('NPS 3 · CSAT 2/5');
    await expect(card.last).toHaveAttribute('data-band', 'detractor');
    await expect(card.last).toContainText('最近一次：2026-06-15');
    await expect(card.last).toContainText('共 1 次回答');
    expect(await axeFindings(page)).toEqual([]);

    // The keyboard alone: the first face has the focus, the arrows pick, Enter saves.
    const again = await card.record();
    await expect(again.csat(1)).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(again.csat(5)).toBeChecked();
    await page.keyboard.press('Enter');
    await again.expectClosed();
    await expect(customer.toast).toContainText('已记录调查。');
    await expect(card.lastScore).toHaveText('CSAT 5/5');
    await expect(card.last).toHaveAttribute('data-band', 'promoter');
    await expect(card.last).toContainText('共 2 次回答');
    await customer.timeline.root.locator('label', { has: page.getByTestId('timeline-filter-survey') }).click();
    await expect(customer.timeline.entries).toHaveCount(2);

    // The list, filtered by the last survey's band.
    await app.goToCustomers();
    await expect(app.rows).toHaveCount(2);
    await surveyFilter(page).selectOption('promoter');
    await expect(page).toHaveURL(/survey=promoter/);
    expect(await app.settledListCount()).toBe('1 / 2 位客户');
    await expect(app.rows).toHaveCount(1);
    await expect(app.rows.first()).toContainText('张三');
    await surveyFilter(page).selectOption('detractor');
    await expect(page.getByText('没有匹配的客户。')).toBeVisible();
    await surveyFilter(page).selectOption('');
    await expect(app.rows).toHaveCount(2);
  });

  test('after a purchase the prompt asks a customer who may be asked, with the purchase attached; never one who declined', async ({ app, page }) => {
    await app.startEmptyStore();
    const customer = await createCustomer(app, '王五');
    const prompt = new SurveyPromptModel(page);
    await recordSale(customer, '128');
    await expect(prompt.root).toContainText('可以请王五为这次消费做个简短的满意度调查。');
    const form = await prompt.ask();
    await expect(form.purchase).toContainText('¥128.00');
    await form.chooseChannel('counter');
    await form.chooseNps(10);
    await form.save();
    await form.expectClosed();
    await expect(prompt.root).toBeHidden();
    await expect(customer.timeline.entries.filter({ hasText: 'NPS 10' })).toHaveCount(1);

    // Asked today: not again within the owner's 90 days.
    await recordSale(customer, '66');
    await expect(prompt.quiet).toHaveAttribute('data-reason', 'asked-recently');
    await expect(prompt.root).toBeHidden();

    // The owner asks more often: once a day. A refused value is said in words and saves nothing.
    const rules = await SurveySettingsModel.open(page);
    await expect(rules.field('askEveryDays')).toHaveValue('90');
    await rules.field('askEveryDays').fill('0');
    await rules.saveRefused();
    await expect(rules.error('askEveryDays')).toHaveText('请输入 1 到 730 之间的整数。');
    await expect(rules.field('askEveryDays')).toBeFocused();
    await rules.field('askEveryDays').fill('1');
    await rules.save();
    await expect(rules.saved).toHaveText('已保存。');
    await app.goToCustomers();
    await app.openCustomerFromList('王五');
    await page.clock.fastForward('24:00:00');
    await recordSale(customer, '99');
    await expect(prompt.root).toBeVisible();

    // A customer who declines surveys is never prompted.
    const declining = await createCustomer(app, '赵六', '13700137000');
    const card = new SurveyCardModel(page);
    await card.declined.check();
    await expect(declining.toast).toContainText('已标记为不愿参加调查。');
    await recordSale(declining, '88');
    await expect(prompt.quiet).toHaveAttribute('data-reason', 'declined');
    await expect(prompt.root).toBeHidden();
    // Still declining after a reload.
    await page.reload();
    await expect(card.declined).toBeChecked();
  });
});
