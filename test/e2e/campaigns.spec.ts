// Campaigns end to end on the demo store and a fixed clock: a segment built with its count changing, a refused start
// that keeps what was typed, a campaign started with a control group (owner PIN), contacts marked on its list (each
// logged on the customer), the list exported as CSV with only those who consent, the results against the control
// group after customers came back, and the end. Saved segments: one saved (a refused name keeps what was typed), loaded
// after a reload with the same count, a campaign started from it, then changed, renamed and deleted. A form left open
// over the daily rollover counts the stages the rollover drew, as a form opened afresh does; a start from a count that
// a change it could not see has overtaken is refused, with everything typed kept.
import { parseISO } from 'date-fns';
import { test, expect } from './fixtures';
import { CampaignPage, NewCampaignPage } from './pages/CampaignPages';
import { clickAsNeeded } from './pages/OwnerPin';
import { CustomerActivityPage } from './pages/PurchasePages';
import { lastRolloverDay, onStore } from './pages/PointsTillPages';

test.describe('campaigns', () => {
  test.use({ now: parseISO('2026-12-07T10:00:00') });

  test('a segment, a refused start, a campaign with a control group worked through, exported and measured', async ({ app, page, dataFolder }) => {
    await app.startDemoStore();
    await page.goto('#/campaigns');
    await expect(page.locator('section.campaigns-screen .empty-state')).toBeVisible();

    const form = await NewCampaignPage.open(page);
    // The default condition: not seen for 60 days or more.
    const lapsed = await form.counted();
    expect(lapsed).toBeGreaterThan(0);
    await expect(form.count).toContainText('240');
    // Widening to every customer, then narrowing by stage: the count follows each change.
    await form.condition('最近到店').getByRole('button', { name: /删除条件/ }).click();
    await expect(form.root.getByText('还没有条件：所有客户都在其中。')).toBeVisible();
    await expect.poll(() => form.counted()).toBe(240);
    await form.addCondition.selectOption({ label: '阶段' });
    await expect(form.condition('阶段').getByText('请至少选一项。')).toBeVisible();
    await form.condition('阶段').getByRole('button', { name: '回头客' }).click();
    await form.condition('阶段').getByRole('button', { name: '忠诚客户' }).click();
    await expect.poll(() => form.counted()).toBeLessThan(240);
    expect(await form.counted()).toBeGreaterThan(0);
    // A range typed wrong says so and keeps what was typed.
    await form.addCondition.selectOption({ label: '累计消费' });
    await form.condition('累计消费').locator('input').first().fill('abc');
    await expect(form.condition('累计消费').getByText('请填写数字。')).toBeVisible();
    await expect(form.condition('累计消费').locator('input').first()).toHaveValue('abc');
    await form.condition('累计消费').locator('input').first().fill('100');
    await expect(form.reach).toContainText('同意通过短信接收营销信息');

    // No name: refused, with the reason, and everything typed stays.
    await form.message.fill('{称呼}您好，本周老客户到店有礼。');
    await form.cost.fill('50');
    // Checked before the PIN is asked: nothing to unlock for a form that cannot be saved.
    await page.getByTestId('campaign-start').click();
    await expect(form.root.getByText('请给活动起个名称。')).toBeVisible();
    await expect(form.message).toHaveValue('{称呼}您好，本周老客户到店有礼。');
    await expect(form.cost).toHaveValue('50');

    await form.name.fill('老客户到店有礼');
    await form.control.fill('20');
    const reach = Number(/(\d+) 位客户同意/.exec(await form.reach.innerText())![1]);
    await form.start();

    const campaign = new CampaignPage(page);
    await expect(campaign.root.getByRole('heading', { name: '老客户到店有礼' })).toBeVisible();
    const held = Math.round(reach * 0.2);
    await expect(campaign.rows).toHaveCount(reach - held);
    await expect(campaign.figure('已联系')).toContainText(`${reach - held} 位中的 0 位`);
    // The message filled for each customer: no field left as typed.
    await expect(campaign.rows.first().locator('.campaign-message')).not.toContainText('{称呼}');
    await expect(campaign.rows.first().locator('.campaign-message')).toContainText('您好，本周老客户到店有礼。');

    // Marks: sent, then replied; each contact is logged once on the customer.
    const first = campaign.rows.first();
    const name = (await first.locator('a').innerText()).trim();
    await campaign.mark(first, '已发送');
    await campaign.mark(first, '已回复');
    await expect(campaign.figure('已联系')).toContainText(`${reach - held} 位中的 1 位`);
    await expect(campaign.figure('已联系')).toContainText('1 位回复');

    const exported = await campaign.export(dataFolder);
    const lines = exported.text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('姓名,手机,消息');
    expect(lines).toHaveLength(reach - held + 1);
    expect(exported.text).toContain(name);

    // The contact is on the customer's timeline; they come back and buy.
    await first.locator('a').click();
    await expect(page.getByTestId('customer-name')).toHaveText(name);
    await expect(page.getByText('老客户到店有礼').first()).toBeVisible();
    const sale = await new CustomerActivityPage(page).recordPurchase();
    await sale.useMode('total');
    await sale.amount.fill('88');
    await sale.save();
    await sale.expectClosed();
    await page.goBack();
    await expect(campaign.figure('回来了（联系的）')).toContainText('¥88');
    await expect(campaign.figure('回来了（留出的）')).toContainText(`${held} 位中的`);

    // The owner ends it: the list closes.
    await clickAsNeeded(page, page.getByTestId('campaign-end'));
    await expect(campaign.root.getByText(/结束/).first()).toBeVisible();
    await expect(campaign.rows.first().getByRole('button', { name: '未接通' })).toBeDisabled();
    await page.goto('#/campaigns');
    await expect(page.locator('section.campaigns-screen tbody tr')).toHaveCount(1);
  });

  test('a segment saved, loaded again after a reload with the same count, a campaign started from it, changed, renamed and deleted', async ({ app, page }) => {
    await app.startDemoStore();
    const form = await NewCampaignPage.open(page);
    await expect(form.saved.root).toContainText('还没有保存的客户群');
    // Not seen for 60 days (the default) and a repeat customer.
    await form.addCondition.selectOption({ label: '阶段' });
    await form.condition('阶段').getByRole('button', { name: '回头客' }).click();
    const counted = await form.counted();
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBeLessThan(240);

    // No name: refused in words, the dialog stays; a name taken (spaces around it aside): refused, kept as typed.
    const saved = form.saved;
    const locked = await saved.openNameDialog('saved-segment-save');
    await saved.submitName('   ', locked, false);
    await expect(saved.dialog.getByText('请给这组客户起个名称。')).toBeVisible();
    await saved.submitName('久未到店的回头客', locked);
    await expect(saved.status).toHaveText('已保存为“久未到店的回头客”。');
    await expect(saved.loaded).toHaveText('正在使用“久未到店的回头客”。');
    await saved.openNameDialog('saved-segment-save');
    await saved.submitName(' 久未到店的回头客 ', false, false);
    await expect(saved.dialog.getByText('已有一个客户群叫“久未到店的回头客”，请换个名称。')).toBeVisible();
    await expect(saved.nameInput).toHaveValue(' 久未到店的回头客 ');
    await saved.dialog.getByRole('button', { name: '取消' }).click();
    await expect(saved.dialog).toBeHidden();

    // After a reload the builder starts again from the default; the saved segment gives back its conditions and count.
    await page.reload();
    await expect(form.root).toBeVisible();
    await expect(form.condition('阶段')).toHaveCount(0);
    await saved.load('久未到店的回头客');
    await expect(form.condition('阶段').getByRole('button', { name: '回头客' })).toHaveAttribute('aria-pressed', 'true');
    await expect(form.condition('最近到店').locator('input').first()).toHaveValue('60');
    await expect.poll(() => form.counted()).toBe(counted);

    // A campaign from it.
    await form.name.fill('回头客回访');
    await form.start();
    const campaign = new CampaignPage(page);
    await expect(campaign.root.getByRole('heading', { name: '回头客回访' })).toBeVisible();

    // Changed (a condition more) and saved over; renamed; deleted with confirmation.
    const again = await NewCampaignPage.open(page);
    await again.saved.load('久未到店的回头客');
    await again.condition('阶段').getByRole('button', { name: '忠诚客户' }).click();
    await expect(again.saved.loaded).toHaveText('正在使用“久未到店的回头客”，载入后有改动。');
    const wider = await again.counted();
    await again.saved.update();
    await expect(again.saved.status).toHaveText('“久未到店的回头客”已改为现在的条件。');
    await expect(again.saved.loaded).toHaveText('正在使用“久未到店的回头客”。');
    await again.saved.rename('久未到店的老客户');
    await expect(again.saved.status).toHaveText('已改名为“久未到店的老客户”。');
    await expect(again.saved.pick.locator('option')).toHaveText(['请选择…', '久未到店的老客户']);
    await page.reload();
    await again.saved.load('久未到店的老客户');
    await expect.poll(() => again.counted()).toBe(wider);
    await again.saved.delete();
    await expect(again.saved.status).toHaveText('已删除“久未到店的老客户”。');
    await expect(again.saved.root).toContainText('还没有保存的客户群');
    // The campaign started from it is still there, as it was.
    await page.goto('#/campaigns');
    await expect(page.locator('section.campaigns-screen tbody tr')).toHaveCount(1);
    await expect(page.locator('section.campaigns-screen tbody tr')).toContainText('回头客回访');
  });

  test('a form left open over the rollover counts the stages it drew, as a form opened afresh does', async ({ app, page, now }) => {
    test.setTimeout(150_000);
    await app.startDemoStore();
    const form = await NewCampaignPage.open(page);
    await form.condition('最近到店').getByRole('button', { name: /删除条件/ }).click();
    await form.addCondition.selectOption({ label: '阶段' });
    for (const stage of ['回头客', '忠诚客户']) await form.condition('阶段').getByRole('button', { name: stage }).click();
    const before = await form.counted();
    // Three months on, the form left open: the day's rollover draws the stages again.
    const later = new Date(now.getFullYear(), now.getMonth() + 3, now.getDate(), 0, 30);
    await page.clock.fastForward(later.getTime() - now.getTime());
    await page.clock.runFor(61_000);
    await expect.poll(() => lastRolloverDay(page), { timeout: 90_000 }).toBe('2027-03-07');
    await expect.poll(() => form.counted(), { timeout: 30_000 }).not.toBe(before);
    const followed = await form.counted();
    // The same conditions on a form opened afresh, which reads every customer's facts anew.
    await NewCampaignPage.open(page);
    await form.condition('最近到店').getByRole('button', { name: /删除条件/ }).click();
    await form.addCondition.selectOption({ label: '阶段' });
    for (const stage of ['回头客', '忠诚客户']) await form.condition('阶段').getByRole('button', { name: stage }).click();
    await expect.poll(() => form.counted()).toBe(followed);
  });

  test('a start from a count a change has overtaken is refused in words, everything typed kept', async ({ app, page }) => {
    await app.startDemoStore();
    const form = await NewCampaignPage.open(page);
    const reach = Number(/(\d+) 位客户同意/.exec(await form.reach.innerText())![1]);
    expect(reach).toBeGreaterThan(0);
    await form.name.fill('老客户回访');
    await form.cost.fill('30');
    // Behind the app's back (no announcement reaches the form), everyone withdraws every consent.
    const consents = await onStore<{ id: string; channels: Record<string, unknown>; granted: string[] }[]>(page, 'consentState', 'getAll', null);
    for (const row of consents.filter((r) => r.granted.length > 0)) await onStore(page, 'consentState', 'put', { ...row, granted: [] });
    await form.start();
    await expect(form.root.getByRole('alert')).toContainText('这组客户在您设置时有了变化');
    await expect(form.name).toHaveValue('老客户回访');
    await expect(form.cost).toHaveValue('30');
    await page.goto('#/campaigns');
    await expect(page.locator('section.campaigns-screen .empty-state')).toBeVisible();
  });
});
