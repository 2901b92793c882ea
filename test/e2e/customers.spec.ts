// The customer file end to end: create with every field, find, edit, duplicates, trash, reload.
import { format } from 'date-fns';
import { test, expect } from './fixtures';
import { ConsentPanelModel, tickConsent } from './pages/ConsentPages';

test.describe('the customer file', () => {
  test('create a customer with every field, then find them by phone tail, pinyin initials and name', async ({ app, page, now }) => {
    await app.startEmptyStore();

    const referrer = await app.newCustomer();
    await referrer.fillName('单丽华');
    await referrer.fillPhone(0, '139 0000 1111');
    await referrer.save();
    await expect(page.getByTestId('customer-name')).toHaveText('单丽华');

    const form = await app.newCustomer();
    await form.fillName('张三');
    await form.field('gender').selectOption('male');
    await form.fillPhone(0, '138 1234 5678');
    await form.fillPhone(1, '95588', { keepAsIs: true });
    await form.field('email').fill('zhang.san@example.com');
    await form.field('channel').selectOption('wechat');
    // Consent is optional on the new customer: the source is chosen once a channel is ticked.
    await expect(form.root.getByTestId('form-consent-source')).toBeDisabled();
    await tickConsent(form.root, ['sms'], 'paper-form');
    await form.setBirthday({ calendar: 'lunar', year: '1988', month: '8', day: '15' });
    await form.field('company').fill('三和茶行');
    await form.field('title').fill('采购经理');
    await form.field('city').fill('杭州');
    await form.field('address').fill('西湖区文三路 100 号');
    await form.field('source').selectOption('referral');
    await form.pickReferrer('slh', '单丽华');
    await form.addTags('常客', '喜欢绿茶');
    // Pasted tags split as an import splits them (a separator inside a tag would split on re-import); a repeat is dropped.
    await form.root.getByTestId('tag-input').fill('VIP、老客户; 常客');
    await form.field('notes').fill('每周六上午来，喜欢龙井。');
    await expect(form.root.locator('.tag-removable')).toHaveText(['常客×', '喜欢绿茶×', 'VIP×', '老客户×']);
    await form.save();

    await expect(page.getByTestId('customer-name')).toHaveText('张三');
    const phones = page.getByTestId('profile-phones');
    await expect(phones).toContainText('138 1234 5678');
    await expect(phones).toContainText('95588');
    await expect(phones).toContainText('按原样保存');
    await expect(page.getByTestId('profile-email')).toContainText('zhang.san@example.com');
    await expect(page.getByTestId('profile-birthday')).toContainText('八月十五');
    await expect(page.getByTestId('profile-referrer')).toHaveText('单丽华');
    await expect(page.getByTestId('profile-notes')).toHaveText('每周六上午来，喜欢龙井。');
    await expect(page.getByText('三和茶行')).toBeVisible();
    await expect(page.getByText('采购经理')).toBeVisible();
    await expect(page.getByText('西湖区文三路 100 号')).toBeVisible();
    await expect(page.getByText('转介绍')).toBeVisible();
    // Recorded today, from the paper form; the other channels were not asked.
    const consent = new ConsentPanelModel(page);
    await expect(consent.row('sms')).toHaveAttribute('data-state', 'granted');
    await expect(consent.since('sms')).toHaveText(`自${format(now, 'yyyy-MM-dd')} · 纸质表格`);
    await expect(consent.row('email')).toHaveAttribute('data-state', 'none');

    await app.goToCustomers();
    await expect(app.rows).toHaveCount(2);
    for (const query of ['5678', '1234', 'zs', 'zhangsan', '张三', '三', 'zhang.san@']) {
      await app.search(query);
      await expect(app.rows, `search "${query}"`).toHaveCount(1);
      await expect(app.rows.first()).toContainText('张三');
    }
    await app.search('shan');
    await expect(app.rows).toHaveCount(1);
    await expect(app.rows.first()).toContainText('单丽华');
    await app.search('nobody-here');
    await expect(app.rows).toHaveCount(0);
    await expect(page.getByText('没有匹配的客户。')).toBeVisible();

    // A reload keeps the data: it lives in the real IndexedDB.
    await page.reload();
    await app.search('zs');
    await expect(app.rows).toHaveCount(1);
    await expect(app.rows.first()).toContainText('张三');
  });

  test('a rejected form keeps what was typed; a service number is kept only on purpose', async ({ app, page }) => {
    await app.startEmptyStore();
    const form = await app.newCustomer();
    await form.fillPhone(0, '95588');
    await form.field('email').fill('not-an-email');
    await form.field('notes').fill('留着的备注');
    await form.save();

    await expect(form.errorSummary).toBeVisible();
    await expect(page.getByText('请填写姓名。')).toBeVisible();
    await expect(page.getByText(/请勾选“按原样保存”/)).toBeVisible();
    await expect(page.getByText(/邮箱格式不正确/)).toBeVisible();
    await expect(form.field('phone-0')).toHaveValue('95588');
    await expect(form.field('email')).toHaveValue('not-an-email');
    await expect(form.field('notes')).toHaveValue('留着的备注');

    await form.fillName('工行客服');
    await form.fillPhone(0, '95588', { keepAsIs: true });
    await form.field('email').fill('');
    await form.save();
    await expect(page.getByTestId('customer-name')).toHaveText('工行客服');
    await expect(page.getByTestId('profile-phones')).toContainText('95588');
  });

  test('edit a customer', async ({ app, page }) => {
    await app.startEmptyStore();
    const form = await app.newCustomer();
    await form.fillName('李四');
    await form.fillPhone(0, '13900001234');
    await form.save();

    await app.goToCustomers();
    const customer = await app.openCustomerFromList('李四');
    const edit = await customer.edit();
    await expect(edit.field('name')).toHaveValue('李四');
    await edit.fillName('李思思');
    await edit.field('city').fill('苏州');
    await edit.addTags('会员');
    await edit.save();
    await expect(customer.name).toHaveText('李思思');
    await expect(page.getByText('苏州')).toBeVisible();

    await app.goToCustomers();
    await app.search('lss');
    await expect(app.rows).toHaveCount(1);
    await app.search('李四');
    await expect(app.rows).toHaveCount(0);
  });

  test('warns about a customer with the same phone or email, with a link to them', async ({ app, page }) => {
    await app.startEmptyStore();
    const first = await app.newCustomer();
    await first.fillName('王芳');
    await first.fillPhone(0, '13812345678');
    await first.field('email').fill('wang.fang@example.com');
    await first.save();
    await expect(page.getByTestId('customer-name')).toHaveText('王芳');

    const second = await app.newCustomer();
    await second.fillName('王小芳');
    await second.fillPhone(0, '+86 138-1234-5678');
    await expect(second.duplicateWarning).toBeVisible();
    await expect(second.duplicateWarning).toContainText('电话号码相同');
    await second.fillPhone(0, '13700000000');
    await expect(second.duplicateWarning).toBeHidden();
    await second.field('email').fill('Wang.Fang@example.com');
    await expect(second.duplicateWarning).toContainText('邮箱相同');

    await second.duplicateWarning.getByTestId('duplicate-link').first().click();
    const peek = page.getByTestId('peek-dialog');
    await expect(peek).toBeVisible();
    await expect(peek).toContainText('wang.fang@example.com');
    await page.keyboard.press('Escape');
    await expect(peek).toBeHidden();
    // Looking did not lose the form.
    await expect(second.field('name')).toHaveValue('王小芳');

    // Saving anyway is allowed: two people can share a family phone.
    await second.save();
    await expect(page.getByTestId('customer-name')).toHaveText('王小芳');

    // Editing the first shows the second as a duplicate, never itself.
    await page.goto('/#/customers');
    const customer = await app.openCustomerFromList('王芳');
    const edit = await customer.edit();
    await expect(edit.duplicateWarning).toContainText('王小芳');
    await expect(edit.duplicateWarning.getByTestId('duplicate-link')).toHaveCount(1);
  });

  test('trash: delete, restore, and delete for good', async ({ app, page }) => {
    await app.startEmptyStore();
    for (const name of ['赵一', '钱二']) {
      const form = await app.newCustomer();
      await form.fillName(name);
      await form.save();
      await expect(page.getByTestId('customer-name')).toHaveText(name);
    }
    await app.goToCustomers();
    const zhao = await app.openCustomerFromList('赵一');
    await zhao.moveToTrash();
    await expect(app.rows).toHaveCount(1);
    await app.search('赵');
    await expect(app.rows).toHaveCount(0);

    const trash = await app.goToTrash();
    await expect(trash.rows).toHaveCount(1);
    await trash.restore('赵一');
    await expect(trash.rows).toHaveCount(0);
    await app.goToCustomers();
    await app.search('赵');
    await expect(app.rows).toHaveCount(1);

    await app.search('');
    const qian = await app.openCustomerFromList('钱二');
    await qian.moveToTrash();
    const trash2 = await app.goToTrash();
    await trash2.deleteForever('钱二');
    await expect(trash2.rows).toHaveCount(0);
    await page.reload();
    await app.goToCustomers();
    await expect(app.rows).toHaveCount(1);
  });
});
