// Satisfaction end to end, on a fixed clock (5 December 2026): three answers recorded at the counter give the
// hand-worked figures (CSAT 2 of 3 satisfied = 67%, NPS (1 promoter − 1 detractor) / 3 = 0, each marked as fewer
// than 30); the detractor's follow-up is on Today, a complaint is opened from it with the answer attached, Contacted
// closes it, and the loop's figures follow; when he buys
// again he counts as come back. The owner's survey editor makes a new version.
import { parseISO } from 'date-fns';
import { test, expect } from './fixtures';
import { axeFindings } from './pages/axe';
import type { AppPage } from './pages/AppPage';
import { CustomerActivityPage } from './pages/PurchasePages';
import { SatisfactionPage, SurveyEditorPage } from './pages/SatisfactionPage';
import { SurveyCardModel } from './pages/SurveyPages';
import { TodayPage } from './pages/TodayPage';


async function customerWithAnswer(app: AppPage, name: string, phone: string, answer: { csat: number; nps: number; why?: string }) {
  const form = await app.newCustomer();
  await form.fillName(name);
  await form.fillPhone(0, phone);
  await form.save();
  await expect(app.page.getByTestId('customer-name')).toHaveText(name);
  const dialog = await new SurveyCardModel(app.page).record();
  await dialog.chooseCsat(answer.csat);
  await dialog.chooseNps(answer.nps);
  if (answer.why) await dialog.why.fill(answer.why);
  await dialog.save();
  await dialog.expectClosed();
}

test.describe('satisfaction', () => {
  test.use({ now: parseISO('2026-12-05T10:00:00') });

  test('the figures of answers at the counter; a detractor on Today, Contacted closes it, and the loop follows', async ({ app, page }) => {
    await app.startEmptyStore();
    await customerWithAnswer(app, '张三', '139 7777 0301', { csat: 5, nps: 10 });
    await customerWithAnswer(app, '李四', '139 7777 0302', { csat: 4, nps: 8 });
    await customerWithAnswer(app, '王五', '139 7777 0303', { csat: 2, nps: 3, why: '等了太久' });

    let figures = await SatisfactionPage.open(page);
    await expect(figures.total('csat').value).toHaveText('67%');
    await expect(figures.total('csat').count).toHaveText('3 份回答');
    await expect(figures.total('csat').few).toHaveText('不足 30 份');
    await expect(figures.total('nps').value).toHaveText('0');
    await expect(figures.total('nps').count).toHaveText('3 份回答');
    await expect(figures.cell({ month: '2026-12' }, 'csat').value).toHaveText('67%');
    await expect(figures.cell({ month: '2026-11' }, 'csat').value).toHaveText('—');
    await expect(figures.cell({ month: '2026-11' }, 'csat').count).toHaveText('0 份回答');
    await expect(figures.root.getByTestId('sat-tiers').locator('tbody tr')).toHaveCount(1);
    await expect(figures.root.getByTestId('sat-tiers').getByTestId('sat-nps').getByTestId('sat-value')).toHaveText('0');
    // The follow-up is open and not due yet: neither in time nor late.
    await expect(figures.loop.inTime).toHaveText('—');
    await expect(figures.loop.pending).toHaveText('1 位尚未到期，仍待跟进');
    expect(await axeFindings(page)).toEqual([]);

    const today = await TodayPage.open(page);
    await expect(today.kindCount('survey-follow-up')).toHaveText('1');
    const item = today.item('王五');
    // Due 48 hours after the answer (the clock runs on from 10:00 while the test works).
    await expect(item.getByTestId('care-reason')).toHaveText(/^调查中表示不满意：满意度 2\/5；推荐意愿 3\/10；“等了太久”。请在 12月7日 10:0\d 前联系客户$/);
    // A complaint opened from the follow-up, the answer attached: the card then links to it, and stays until contacted.
    await item.getByTestId('care-new-complaint').click();
    const complaint = page.getByTestId('complaint-form');
    await expect(complaint.getByTestId('complaint-from-answer')).toBeVisible();
    await complaint.locator('label', { has: page.getByTestId('complaint-category-waiting') }).click();
    await complaint.getByTestId('complaint-said').fill('等了二十分钟没人招呼');
    await complaint.getByTestId('complaint-received-by').fill('小李');
    await page.getByTestId('complaint-save').click();
    await expect(complaint).toHaveCount(0);
    await expect(today.status).toHaveText('已为王五登记投诉，并附上这份调查回答。联系过客户后，再把这条跟进标为已联系。');
    await expect(item.getByTestId('care-open-complaint')).toBeVisible();
    await today.done(item);
    await expect(today.status).toHaveText('已记下与王五的联系。');
    await expect(today.item('王五')).toHaveCount(0);
    await expect(today.kindCount('survey-follow-up')).toHaveText('0');

    figures = await SatisfactionPage.open(page);
    await expect(figures.loop.inTime).toHaveText('100%');
    await expect(figures.loop.inTimeOf).toHaveText('1 位中的 1 位');
    await expect(figures.loop.pending).toHaveCount(0);
    await expect(figures.loop.cameBack).toHaveText('0%');
    await expect(figures.loop.cameBackOf).toHaveText('1 位中的 0 位');

    // Two hours on, he is back and buys: he counts as come back.
    await page.clock.fastForward('02:00:00');
    await app.goToCustomers();
    await app.openCustomerFromList('王五');
    const sale = await new CustomerActivityPage(page).recordPurchase();
    await sale.useMode('total');
    await sale.amount.fill('128');
    await sale.save();
    await sale.expectClosed();
    figures = await SatisfactionPage.open(page);
    await expect(figures.loop.cameBack).toHaveText('100%');
    await expect(figures.loop.cameBackOf).toHaveText('1 位中的 1 位');
    // The figures are the same in English.
    await app.switchLanguage('en');
    await expect(figures.total('csat').count).toHaveText('3 answers');
    await expect(figures.total('csat').few).toHaveText('Fewer than 30');
  });

  test("the owner's survey editor: questions and options with a preview, a new version the counter's form asks", async ({ app, page }) => {
    await app.startEmptyStore();
    const editor = await SurveyEditorPage.open(page);
    await expect(editor.root).toContainText('现为第 1 版');
    await expect(editor.preview('why')).toBeVisible();
    expect(await axeFindings(page)).toEqual([]);
    await editor.question('why').uncheck();
    await editor.option('price').uncheck();
    await expect(editor.preview('why')).toHaveCount(0);
    await expect(editor.preview('choice')).not.toContainText('价格');
    // Nothing asked is refused, with the questions kept as they were ticked.
    // (Checked before the owner is asked.)
    for (const q of ['csat', 'nps', 'choice'] as const) await editor.question(q).uncheck();
    await editor.saveButton.click();
    await expect(editor.error).toHaveText('至少要问一个问题。');
    await editor.question('csat').check();
    await editor.question('nps').check();
    await editor.save();
    await expect(editor.saved).toHaveText('已保存：调查现为第 2 版。');
    await expect(editor.root).toContainText('现为第 2 版');

    // The counter's form asks the new version's questions only: satisfaction and recommendation.
    const form = await app.newCustomer();
    await form.fillName('赵六');
    await form.fillPhone(0, '139 7777 0304');
    await form.save();
    const dialog = await new SurveyCardModel(page).record();
    await expect(dialog.csat(3)).toHaveCount(1);
    await expect(dialog.nps(9)).toHaveCount(1);
    await expect(dialog.why).toHaveCount(0);
    await expect(dialog.choice('service')).toHaveCount(0);
  });
});
