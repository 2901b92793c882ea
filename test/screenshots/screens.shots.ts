// Takes a screenshot of every screen, per language, into .tmp/screenshots (and the README's picture).
import { test, expect } from '../e2e/fixtures';

const OUT = process.env.SCREENSHOT_DIR ?? '.tmp/screenshots';
const LOCALES = [
  { system: 'zh-CN', tag: 'zh-CN' },
  { system: 'en-US', tag: 'en' },
  { system: 'zh-TW', tag: 'zh-TW' },
] as const;

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system });
    test(`every screen in ${tag}`, async ({ app, page }) => {
      const shot = (name: string, fullPage = false) => page.screenshot({ path: `${OUT}/${tag}-${name}.png`, fullPage });
      await app.open();
      await expect(page.getByTestId('start-demo')).toBeVisible();
      await shot('01-welcome');
      await page.getByTestId('start-demo').click();
      await expect(app.rows.first()).toBeVisible();
      await shot('02-list');
      if (tag === 'zh-CN') await page.screenshot({ path: 'docs/screenshot.png' });
      await app.search('zh');
      await expect(app.rows.first()).toBeVisible();
      await shot('03-search');
      await app.rows.first().click();
      await expect(page.getByTestId('customer-name')).toBeVisible();
      await shot('04-customer');
      await page.getByTestId('edit-customer').click();
      await expect(page.getByTestId('customer-form')).toBeVisible();
      await shot('05-edit');
      await page.getByTestId('field-name').fill('');
      await page.getByTestId('field-phone-0').fill('95588');
      await page.getByTestId('field-email').fill('bad@');
      await page.getByTestId('save-customer').click();
      await expect(page.getByTestId('form-errors')).toBeVisible();
      await shot('06-form-errors');
      await page.goto('/#/customers');
      await app.search('');
      const phone = await app.rows.filter({ has: page.locator('.col-phone .mono') }).first().locator('.col-phone').innerText();
      await page.goto('/#/customers/new');
      await page.getByTestId('field-name').fill('新客人');
      await page.getByTestId('field-phone-0').fill(phone);
      await expect(page.getByTestId('duplicate-warning')).toBeVisible();
      await page.getByTestId('field-birthday-calendar').selectOption('lunar');
      await shot('07-new', true);
      await page.goto('/#/customers');
      await app.rows.nth(1).click();
      await page.getByTestId('trash-customer').click();
      await expect(page.getByTestId('confirm-dialog')).toBeVisible();
      await shot('08-confirm-trash');
      await page.getByTestId('confirm-dialog').getByRole('button').last().click();
      await page.getByTestId('nav-trash').click();
      await expect(page.getByTestId('trash-row').first()).toBeVisible();
      await shot('09-trash');
      await page.getByTestId('nav-settings').click();
      await shot('10-settings');
      await page.getByTestId('theme-select').selectOption('dark');
      await page.getByTestId('nav-customers').click();
      await expect(app.rows.first()).toBeVisible();
      await shot('11-list-dark');
      // Export, the duplicate finder and the merge dialog (in the light theme again).
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('theme-select').selectOption('light');
      await page.getByTestId('nav-export').click();
      await expect(page.getByTestId('export-start')).toBeVisible();
      await shot('12-export');
      // A second file for a demo customer who has purchases: same phone, another spelling, an email.
      await page.goto('/#/customers');
      await page.getByTestId('sort-purchaseCount').click();
      await page.getByTestId('sort-purchaseCount').click();
      const regular = app.rows.filter({ has: page.locator('.col-phone .mono') }).first();
      const regularPhone = await regular.locator('.col-phone').innerText();
      await page.goto('/#/customers/new');
      await page.getByTestId('field-name').fill('林晓美');
      await page.getByTestId('field-phone-0').fill(regularPhone);
      await page.getByTestId('field-email').fill('xiaomei@example.cn');
      await page.getByTestId('field-city').fill('杭州');
      await page.getByTestId('save-customer').click();
      await expect(page.getByTestId('customer-name')).toHaveText('林晓美');
      await page.getByTestId('nav-duplicates').click();
      await page.getByTestId('find-duplicates').click();
      const group = page.getByTestId('duplicate-group').filter({ hasText: '林晓美' });
      await expect(group).toBeVisible();
      await shot('13-duplicates');
      await group.getByTestId('merge-open').click();
      await expect(page.getByTestId('merge-dialog')).toBeVisible();
      await shot('14-merge');
      await page.getByTestId('merge-preview').click();
      await expect(page.getByTestId('merge-preview-panel')).toBeVisible();
      await shot('15-merge-preview');
    });
  });
}

// Purchases and the contact log on a regular's page: the figures, the timeline, and every dialog.
for (const { system, tag } of LOCALES) {
  test.describe(`${tag} purchases`, () => {
    test.use({ systemLocale: system });
    test(`purchases and contacts in ${tag}`, async ({ app, page }) => {
      const shot = (name: string) => page.screenshot({ path: `${OUT}/${tag}-${name}.png` });
      await app.startDemoStore();
      await expect(app.rows.first()).toBeVisible();
      // A regular: the customer with the most purchases (the list sorts by purchase count, descending).
      const byCount = page.locator('[role="columnheader"]', { has: page.getByTestId('sort-purchaseCount') });
      await page.getByTestId('sort-purchaseCount').click();
      if ((await byCount.getAttribute('aria-sort')) !== 'descending') await page.getByTestId('sort-purchaseCount').click();
      await expect(byCount).toHaveAttribute('aria-sort', 'descending');
      await expect.poll(async () => Number(await app.rows.first().locator('.col-purchaseCount').innerText())).toBeGreaterThan(20);
      await app.rows.first().click();
      await expect(page.getByTestId('customer-figures')).toBeVisible();
      await expect(page.getByTestId('timeline-entry')).toHaveCount(50);
      await shot('20-customer-timeline');
      await page.getByTestId('timeline-more').click();
      await expect.poll(() => page.getByTestId('timeline-entry').count()).toBeGreaterThan(50);
      await page.locator('#main').evaluate((el: HTMLElement) => el.scrollTo(0, 0));

      // The purchase dialog: two items from suggestions, a discount, a third item being typed.
      await page.getByTestId('record-purchase').click();
      const dialog = page.getByTestId('purchase-dialog');
      await dialog.locator('label', { has: page.getByTestId('purchase-mode-items') }).click();
      const product = (n: number) => dialog.getByTestId('line-product').nth(n);
      await product(0).pressSequentially('西湖');
      await expect(dialog.getByRole('listbox').getByRole('option').first()).toBeVisible();
      await product(0).press('Enter');
      await page.keyboard.type('2');
      await product(1).pressSequentially('白瓷');
      await expect(dialog.getByRole('listbox').getByRole('option').first()).toBeVisible();
      await product(1).press('Enter');
      await dialog.getByTestId('purchase-discount').fill('20');
      await dialog.getByTestId('purchase-payment').fill('微信支付');
      await product(2).pressSequentially('普洱');
      await expect(dialog.getByRole('listbox').getByRole('option').first()).toBeVisible();
      await shot('21-purchase-dialog');
      await product(2).press('Escape');
      await product(2).fill('');
      await dialog.locator('label', { has: page.getByTestId('purchase-mode-total') }).click();
      await dialog.getByTestId('purchase-amount').fill('12块5');
      await dialog.getByTestId('purchase-save').click();
      await expect(dialog.getByTestId('purchase-errors')).toBeVisible();
      await shot('22-purchase-errors');
      await dialog.locator('label', { has: page.getByTestId('purchase-mode-items') }).click();
      await dialog.getByTestId('purchase-save').click();
      await expect(dialog).toBeHidden();

      // The contact dialog.
      await page.getByTestId('record-contact').click();
      const contact = page.getByTestId('contact-dialog');
      await contact.locator('label', { has: page.getByTestId('contact-channel-wechat') }).click();
      await contact.locator('label', { has: page.getByTestId('contact-direction-in') }).click();
      const words = { 'zh-CN': ['询问大红袍是否还有货', '已留货两罐'], 'zh-TW': ['詢問大紅袍是否還有貨', '已留貨兩罐'], en: ['Asked whether Da Hong Pao is back in stock', 'Kept two tins for her'] }[tag];
      await contact.getByTestId('contact-summary').fill(words[0] ?? '');
      await contact.getByTestId('contact-outcome').fill(words[1] ?? '');
      await contact.getByTestId('follow-up-in3Days').click();
      await shot('23-contact-dialog');
      await contact.getByTestId('contact-save').click();
      await expect(contact).toBeHidden();

      // A return of the purchase just made, and a void of an older one.
      const purchases = page.locator('[data-kind="purchase"]:not([data-voided])');
      await purchases.first().getByTestId('entry-menu').click();
      await page.getByTestId('entry-return').click();
      await expect(dialog).toBeVisible();
      await dialog.getByTestId('line-quantity').first().fill('1');
      await shot('24-return-dialog');
      await dialog.getByTestId('purchase-save').click();
      await expect(dialog).toBeHidden();
      await purchases.nth(1).getByTestId('entry-menu').click();
      await page.getByTestId('entry-void').click();
      const voiding = page.getByTestId('void-dialog');
      await voiding.getByRole('button').filter({ hasText: /Entered twice|重复录入|重複輸入/ }).click();
      await shot('25-void-dialog');
      await voiding.getByTestId('void-confirm').click();
      await expect(voiding).toBeHidden();
      await expect(page.getByTestId('toast')).toBeHidden({ timeout: 8000 });
      await page.locator('#main').evaluate((el: HTMLElement) => el.scrollTo(0, 0));
      await shot('26-customer-activity');

      await page.getByTestId('nav-settings').click();
      await page.getByTestId('theme-select').selectOption('dark');
      await page.goBack();
      await expect(page.getByTestId('timeline-entry').first()).toBeVisible();
      await shot('27-customer-dark');
    });
  });
}

// The import screen: a customer file with a bad row and duplicates, the Online Retail purchases
// report, the progress bar, the history and the undo confirmation.
for (const { system, tag } of LOCALES) {
  test.describe(`${tag} import`, () => {
    test.use({ systemLocale: system });
    test(`import in ${tag}`, async ({ app, page }) => {
      test.setTimeout(180_000);
      const { readFileSync } = await import('node:fs');
      // The screen scrolls inside <main>, so a whole-page shot grows the window to the content's height.
      const shot = async (name: string, whole = false) => {
        const size = page.viewportSize()!;
        if (whole) {
          const main = await page.locator('#main').evaluate((el) => ({ scroll: (el as unknown as { scrollHeight: number }).scrollHeight, client: (el as unknown as { clientHeight: number }).clientHeight }));
          const height = main.scroll + (size.height - main.client);
          await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.min(height, 4000)) });
        }
        await page.screenshot({ path: `${OUT}/${tag}-${name}.png` });
        if (whole) await page.setViewportSize(size);
      };
      await app.startDemoStore();
      await expect(app.rows.first()).toBeVisible();
      const demoPhone = (await app.rows.filter({ has: page.locator('.col-phone .mono') }).first().locator('.col-phone').innerText()).replace(/\D/g, '');
      await page.getByTestId('nav-import').click();
      await expect(page.getByTestId('import-history')).toBeVisible();
      await shot('30-import-start');

      const csv =
        tag === 'en'
          ? ['First Name,Last Name,Mobile,Email,Birthday,Tags,Notes', `Mei,Lin,${demoPhone},mei@example.com,05/06/1990,VIP,Likes oolong`,
              'Wei,Zhang,+86 138 0013 9000,,13/02/1985,,', 'Anna,Smith,12345,anna@,,,', 'Wei,Zhang,+86 138 0013 9000,,,regular,', 'Tom,Lee,+1 415 555 0101,tom@example.com,,,'].join('\r\n')
          : ['姓名,手机,邮箱,生日,标签,备注', `林晓美,${demoPhone},xm@example.cn,1990/5/6,VIP,喜欢乌龙`, '张伟,13800139000,,1985年2月13日,,',
              '王芳,12345,wf@,,,', '张伟,138 0013 9000,,,老客户,', '陈静,13900139001,cj@example.cn,,,"周末来\n带孩子"'].join('\r\n');
      await page.getByTestId('import-file').setInputFiles({ name: tag === 'en' ? 'customers.csv' : '客户名单.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
      await expect(page.getByTestId('import-error-row').first()).toBeVisible();
      await expect(page.getByTestId('import-duplicate-row').first()).toBeVisible();
      await shot('31-import-preview', true);
      await page.getByTestId('import-start').click();
      await expect(page.getByTestId('import-done')).toBeVisible();
      await shot('32-import-done');

      await page.getByTestId('import-another').click();
      await page.getByTestId('import-kind-purchases').check();
      await page
        .getByTestId('import-file')
        .setInputFiles({ name: 'online-retail-sample.csv', mimeType: 'text/csv', buffer: readFileSync(new URL('../../../shared/data/online-retail-sample.csv', import.meta.url)) });
      await expect(page.getByTestId('import-report')).toBeVisible();
      await shot('33-import-purchases-preview', true);
      await page.getByTestId('import-currency-ack').check();
      await page.getByTestId('import-start').click();
      await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
      await shot('34-import-purchases-done', true);

      await page.getByTestId('import-undo').first().click();
      await expect(page.getByTestId('confirm-dialog')).toBeVisible();
      await shot('35-import-undo-confirm');
      await page.getByTestId('confirm-dialog').getByRole('button').last().click();
      await expect(page.getByTestId('import-undo-message')).toBeVisible();
      await shot('36-import-history');

      // A large file, to see the progress bar (then cancelled: nothing is written).
      await page.getByTestId('import-another').click();
      await page.getByTestId('import-kind-customers').check();
      const lines = [tag === 'en' ? 'Name,Phone' : '姓名,手机'];
      for (let i = 0; i < 20_000; i++) lines.push(`${tag === 'en' ? 'Customer' : '客户'}${i},137${String(i).padStart(8, '0')}`);
      await page.getByTestId('import-file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
      await expect(page.getByTestId('preview-create')).toHaveAttribute('data-value', '20000', { timeout: 60_000 });
      await page.getByTestId('import-start').click();
      await expect(page.getByTestId('import-progress')).toBeVisible();
      await expect(page.getByTestId('import-progress').locator('progress')).toHaveAttribute('value', /[1-9]/, { timeout: 30_000 });
      await shot('37-import-progress');
      await page.getByTestId('import-cancel').click();
      await expect(page.getByTestId('import-stopped')).toBeVisible();
      await shot('38-import-cancelled');
    });
  });
}

// Customer status: the list's tier, stage and risk columns, the churn-risk list, a customer's status
// and tier history (light and dark), the empty churn list, and a downgrade waiting for the review.
for (const { system, tag } of LOCALES) {
  test.describe(`${tag} customer status`, () => {
    test.use({ systemLocale: system });
    test(`customer status and churn risk in ${tag}`, async ({ app, page }) => {
      const shot = async (name: string, whole = false) => {
        const size = page.viewportSize()!;
        if (whole) {
          const main = await page.locator('#main').evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
          await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.min(main.scroll + (size.height - main.client), 4000)) });
        }
        await page.screenshot({ path: `${OUT}/${tag}-${name}.png` });
        if (whole) await page.setViewportSize(size);
      };
      await app.startDemoStore();
      await expect(app.rows.first()).toBeVisible();
      await page.getByTestId('risk-filter').selectOption('high');
      await expect(app.rows.first().locator('[data-level="high"]')).toBeVisible();
      await shot('50-list-status');
      await page.getByTestId('risk-filter').selectOption('');

      await page.getByTestId('nav-churn').click();
      await expect(page.getByTestId('churn-row').first().getByTestId('churn-value')).toBeVisible();
      await shot('51-churn');
      await page.getByTestId('churn-tier-filter').selectOption('vip');
      await page.locator('label', { has: page.getByTestId('churn-level-watch') }).click();
      await expect(page.getByTestId('churn-row').first().locator('[data-tier="vip"]')).toBeVisible();
      await shot('52-churn-filtered');
      await page.getByTestId('churn-tier-filter').selectOption('');
      await page.locator('label', { has: page.getByTestId('churn-level-both') }).click();
      await expect(page.getByTestId('churn-row').first().getByTestId('churn-value')).toBeVisible();
      await page.getByTestId('churn-row').first().click();
      await expect(page.getByTestId('tier-history-entry').first()).toBeVisible();
      await shot('53-customer-status');
      await shot('54-customer-status-whole', true);

      await page.getByTestId('nav-settings').click();
      await page.getByTestId('theme-select').selectOption('dark');
      await page.goBack();
      await expect(page.getByTestId('customer-status')).toBeVisible();
      await shot('55-customer-status-dark');
      await page.getByTestId('nav-churn').click();
      await expect(page.getByTestId('churn-row').first().getByTestId('churn-value')).toBeVisible();
      await shot('56-churn-dark');
      await page.getByTestId('nav-customers').click();
      await expect(app.rows.first().locator('[data-level]')).toBeVisible();
      await shot('57-list-status-dark');
    });

    test(`an empty churn list and a waiting downgrade in ${tag}`, async ({ app, page }) => {
      const shot = (name: string) => page.screenshot({ path: `${OUT}/${tag}-${name}.png` });
      await app.startEmptyStore();
      await page.getByTestId('nav-churn').click();
      await expect(page.getByTestId('churn-empty')).toBeVisible();
      await shot('58-churn-empty');
      // Two purchases make a regular at once; voiding one leaves them short, and the downgrade waits for the review.
      await page.getByTestId('new-customer').click();
      await page.getByTestId('field-name').fill(tag === 'en' ? 'Mei Lin' : '林美');
      await page.getByTestId('field-phone-0').fill('13800138000');
      await page.getByTestId('save-customer').click();
      await expect(page.getByTestId('customer-status')).toBeVisible();
      for (const amount of ['600', '650']) {
        await page.getByTestId('record-purchase').click();
        const dialog = page.getByTestId('purchase-dialog');
        await dialog.locator('label', { has: page.getByTestId('purchase-mode-total') }).click();
        await dialog.getByTestId('purchase-amount').fill(amount);
        await dialog.getByTestId('purchase-save').click();
        await expect(dialog).toBeHidden();
      }
      await expect(page.getByTestId('status-tier')).toHaveAttribute('data-tier', 'regular');
      await page.locator('[data-kind="purchase"]:not([data-voided])').first().getByTestId('entry-menu').click();
      await page.getByTestId('entry-void').click();
      const voiding = page.getByTestId('void-dialog');
      await voiding.getByRole('button').filter({ hasText: /Entered twice|重复录入|重複輸入/ }).click();
      await voiding.getByTestId('void-confirm').click();
      await expect(page.getByTestId('status-pending')).toBeVisible();
      await expect(page.getByTestId('toast')).toBeHidden({ timeout: 8000 });
      await shot('59-customer-pending');
    });
  });
}
