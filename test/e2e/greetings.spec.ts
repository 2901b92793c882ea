// Greetings end to end, in Chinese, on the fixed clock (15 June 2026): the owner edits the birthday greeting
// with its preview; the clerk opens a greeting on a customer whose birthday is in three days, copies it, opens it
// as a text message through main, marks it sent, and the contact is in the timeline. Promotions are offered
// only on a channel the customer agreed to marketing on.
import { test, expect } from './fixtures';
import { ConsentPanelModel } from './pages/ConsentPages';
import { GreetingEditorModel, GreetingPanelModel } from './pages/GreetingPages';

const BIRTHDAY_TEMPLATE = '{称呼}，生日快乐！{店名}为您准备了一份生日小礼物，这周来店里领取吧。';

test.describe('greetings', () => {
  test('the owner edits the birthday greeting; the clerk sends it and it is logged', async ({ app, page, openedLinks }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.startEmptyStore();
    const form = await app.newCustomer();
    await form.fillName('欧阳娜娜');
    await form.field('gender').selectOption('female');
    // What greetings will call her, worked out as the clerk types.
    await expect(form.root.getByTestId('field-address-as')).toHaveAttribute('placeholder', '欧阳女士');
    await form.fillPhone(0, '138 1234 5678');
    await form.setBirthday({ calendar: 'solar', month: '6', day: '18' });
    await form.save();
    await expect(page.getByTestId('customer-name')).toHaveText('欧阳娜娜');
    await expect(page.getByTestId('profile-address-as')).toContainText('欧阳女士');

    // The owner: the store's name, then the birthday greeting, with its preview for a sample customer.
    const editor = new GreetingEditorModel(page);
    await editor.open();
    await expect(editor.template).toHaveValue('{称呼}，生日快乐！{店名}祝您新的一岁身体健康、万事顺心，有空常来坐坐。');
    await expect(editor.preview).toHaveText('张女士，生日快乐！本店祝您新的一岁身体健康、万事顺心，有空常来坐坐。');
    await expect(editor.root.getByTestId('greeting-kind')).toHaveText('默认');
    await editor.setStoreName('小林花店');
    await expect(editor.status).toHaveText('已保存店名。');
    await expect(editor.preview).toHaveText('张女士，生日快乐！小林花店祝您新的一岁身体健康、万事顺心，有空常来坐坐。');

    // A field that does not exist: named in words, nothing saved, the text kept as typed.
    await editor.template.fill('{称呼}，生日快乐！请回电 {电话}');
    await expect(editor.error).toHaveText('没有“电话”这个字段。可用的字段：{称呼} {等级} {积分} {店名}。');
    await expect(editor.root.getByTestId('greeting-save')).toBeDisabled();
    await expect(editor.template).toHaveValue('{称呼}，生日快乐！请回电 {电话}');
    // A field of another occasion.
    await editor.template.fill('{称呼}，{节日}快乐');
    await expect(editor.error).toHaveText('“生日”的问候语里用不了 {节日}。');

    // Typed with a field chip, previewed, saved.
    await editor.template.fill('，生日快乐！{店名}为您准备了一份生日小礼物，这周来店里领取吧。');
    await editor.template.press('Control+Home');
    await editor.root.getByTestId('greeting-field-chip').filter({ hasText: '{称呼}' }).click();
    await expect(editor.template).toHaveValue(BIRTHDAY_TEMPLATE);
    await expect(editor.error).toHaveCount(0);
    await expect(editor.preview).toHaveText('张女士，生日快乐！小林花店为您准备了一份生日小礼物，这周来店里领取吧。');
    await editor.save();
    await expect(editor.status).toHaveText('已保存“生日”问候语。');
    await expect(editor.root.getByTestId('greeting-kind')).toHaveText('已修改');
    // Kept after a reload.
    await page.reload();
    await expect(editor.template).toHaveValue(BIRTHDAY_TEMPLATE);

    // The clerk, on the customer's page: her birthday is in three days, so the birthday greeting comes first.
    await app.goToCustomers();
    await app.openCustomerFromList('欧阳娜娜');
    const panel = new GreetingPanelModel(page);
    await panel.open();
    await expect(panel.occasion).toHaveValue('birthday');
    const greeting = '欧阳女士，生日快乐！小林花店为您准备了一份生日小礼物，这周来店里领取吧。';
    await expect(panel.text).toHaveValue(greeting);
    // No marketing consent: no promotion greetings on SMS, and the panel says why.
    expect(await panel.offered()).toEqual(['birthday', 'festival', 'call-back', 'points-expiring']);
    await expect(panel.root.getByTestId('greeting-promotions-hidden')).toHaveText('客户未同意通过短信接收营销信息，不提供促销类问候语。');

    await panel.root.getByTestId('greeting-copy').click();
    await expect(panel.status).toHaveText('已复制到剪贴板。');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(greeting);

    await panel.root.getByTestId('greeting-open').click();
    await expect(panel.status).toHaveText('已打开短信程序，发出后请点“标记为已发送”。');
    expect(openedLinks).toEqual([`sms:+8613812345678?body=${encodeURIComponent(greeting)}`]);

    await panel.root.getByTestId('greeting-mark-sent').click();
    await expect(panel.root).toBeHidden();
    await expect(page.getByTestId('toast')).toHaveText('已记入联系记录。');
    const contact = page.getByTestId('timeline-entry').filter({ hasText: greeting });
    await expect(contact).toHaveCount(1);
    await expect(contact).toHaveAttribute('data-kind', 'contact');
    await expect(contact).toContainText('短信');
  });

  test('a promotion is offered only on a channel the customer agreed to marketing on', async ({ app, page }) => {
    await app.startEmptyStore();
    const form = await app.newCustomer();
    await form.fillName('王建国');
    await form.field('gender').selectOption('male');
    await form.field('address-as').fill('王总');
    await form.fillPhone(0, '139 0000 1111');
    await form.save();
    await expect(page.getByTestId('customer-name')).toHaveText('王建国');

    const panel = new GreetingPanelModel(page);
    await panel.open();
    await expect(panel.occasion).toHaveValue('call-back');
    await expect(panel.text).toHaveValue('王总您好，这里是本店，想问问您上次买的用着还满意吗？有什么需要随时跟我们说。');
    expect(await panel.offered()).not.toContain('promotion');
    await panel.close();

    await new ConsentPanelModel(page).grant('sms', 'in-store');
    await panel.open();
    expect(await panel.offered()).toContain('promotion');
    await panel.occasion.selectOption('promotion');
    await expect(panel.text).toHaveValue(/^王总您好，本店本周会员活动/);
    await expect(panel.root.getByTestId('greeting-mark-sent')).toBeEnabled();
    // On WeChat he has not agreed: the promotion cannot go out there.
    await panel.channel('wechat');
    await expect(panel.root.getByTestId('greeting-not-allowed')).toHaveText('客户未同意通过微信接收营销信息，这条问候不能发送。请换一种方式或另选问候语。');
    await expect(panel.root.getByTestId('greeting-mark-sent')).toBeDisabled();
    await expect(panel.root.getByTestId('greeting-copy')).toBeDisabled();
    await panel.occasion.selectOption('call-back');
    expect(await panel.offered()).not.toContain('promotion');
    await expect(panel.root.getByTestId('greeting-mark-sent')).toBeEnabled();
  });
});
