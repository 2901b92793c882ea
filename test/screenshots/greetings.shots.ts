// Greetings, per language: the owner's editor on the Settings screen (with an error, and the preview), the
// customer form's form of address, and the clerk's greeting panel on a customer page.
import { test, expect } from '../e2e/fixtures';
import { GreetingEditorModel, GreetingPanelModel } from '../e2e/pages/GreetingPages';
import { LOCALES, OUT } from './shotLocales';

const NAMES = { 'zh-CN': '欧阳娜娜', 'zh-TW': '歐陽娜娜', en: 'Mary Smith' } as const;

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system });

    test(`greetings in ${tag}`, async ({ app, page }) => {
      await app.startEmptyStore();
      const form = await app.newCustomer();
      await form.fillName(NAMES[tag]);
      await form.field('gender').selectOption('female');
      await form.fillPhone(0, '138 1234 5678');
      await form.setBirthday({ calendar: 'solar', month: '6', day: '18' });
      await form.field('honorific').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUT}/${tag}-90-customer-form-address.png` });
      await form.save();
      await expect(page.getByTestId('customer-name')).toHaveText(NAMES[tag]);

      const editor = new GreetingEditorModel(page);
      await editor.open();
      await editor.root.scrollIntoViewIfNeeded();
      await editor.root.screenshot({ path: `${OUT}/${tag}-91-greetings-editor.png` });
      await editor.pick('points-expiring');
      await editor.template.fill(`${await editor.template.inputValue()} {phone}`);
      await expect(editor.error).toBeVisible();
      await editor.root.screenshot({ path: `${OUT}/${tag}-92-greetings-editor-error.png` });

      await app.goToCustomers();
      await app.openCustomerFromList(NAMES[tag]);
      await page.screenshot({ path: `${OUT}/${tag}-93a-customer-page-greeting-action.png` });
      const panel = new GreetingPanelModel(page);
      await panel.open();
      await page.screenshot({ path: `${OUT}/${tag}-93-greeting-panel.png` });
      await panel.root.getByTestId('greeting-copy').click();
      await panel.channel('wechat');
      await panel.occasion.selectOption('festival');
      await page.screenshot({ path: `${OUT}/${tag}-94-greeting-panel-wechat.png` });
    });
  });
}
