// At the till, in the demo store: typing fast then Enter (or arrow down and Enter) opens the customer for
// what is in the box, never a row left from before; the list's search and filters come back only with the
// browser's back; and whichever way a customer is opened, the keyboard lands on their name.
import { test, expect } from './fixtures';
import { CustomerPageModel } from './pages/AppPage';
import { ChurnRiskPage } from './pages/ChurnPages';
import { DuplicatesPageModel } from './pages/DataPages';
import { ImportPage } from './pages/ImportPage';

/** Queries with one match in the demo store (seeded): phone tails, pinyin initials, Chinese names. */
const QUERIES = [
  { query: '0742', name: '孙海志' },
  { query: '4348', name: '张妍娜' },
  { query: 'shz', name: '孙海志' },
  { query: 'mkh', name: '马凯海' },
  { query: '董静嘉', name: '董静嘉' },
  { query: '9730', name: '董静嘉' },
  { query: '张妍娜', name: '张妍娜' },
];

for (const locale of ['zh-CN', 'en-US']) {
  test.describe(`typing fast at the till (${locale})`, () => {
    test.use({ systemLocale: locale });

    test('Enter at once opens the match for what is in the box, not the row that was on top', async ({ app, page }) => {
      await app.startDemoStore();
      const customer = new CustomerPageModel(page);
      for (const { query, name } of QUERIES) {
        await app.goToCustomers();
        // The whole list is on screen, its first row loaded: that row is what a stale Enter would open.
        await expect(app.listCount).not.toContainText('/');
        await expect(app.rows.first()).toHaveAttribute('aria-label', /.+/);
        await app.typeFastThen(query, 'Enter');
        await expect(customer.name, `"${query}" then Enter`).toHaveText(name);
        await expect(customer.name).toBeFocused();
      }
      // Straight from a customer's page (typing there goes to the list), the same.
      for (const { query, name } of QUERIES.slice(0, 3)) {
        await expect(app.searchBox).toHaveValue('');
        await app.typeFastThen(query, 'Enter');
        await expect(customer.name, `"${query}" then Enter, from a customer's page`).toHaveText(name);
      }
    });

    test('arrow down at once moves into the match, Enter opens it; a query with no match opens nothing', async ({ app, page }) => {
      await app.startDemoStore();
      const customer = new CustomerPageModel(page);
      for (const { query, name } of QUERIES.slice(0, 4)) {
        await app.goToCustomers();
        await expect(app.rows.first()).toHaveAttribute('aria-label', /.+/);
        await app.typeFastThen(query, 'ArrowDown');
        // Arrow down lands on the first row of the answer to what was typed, never on a row from before.
        await expect(app.rows.first(), `"${query}", arrow down`).toBeFocused();
        await expect(app.rows.first()).toHaveAttribute('aria-label', name);
        await page.keyboard.press('Enter');
        await expect(customer.name, `"${query}", arrow down, Enter`).toHaveText(name);
      }
      await app.goToCustomers();
      await expect(app.rows.first()).toHaveAttribute('aria-label', /.+/);
      await app.typeFastThen('shzzz', 'Enter');
      await expect(page.getByTestId('clear-filters')).toBeVisible();
      await expect(customer.name).toBeHidden();
      // Typing on after Enter: the Enter was for the old text, the new text waits for its own.
      await app.typeFastThen('0742', 'Enter');
      await expect(customer.name).toHaveText('孙海志');
    });
  });
}

test.describe('typing fast in the customer picker', () => {
  test('Enter at once picks the match for what is in the box as the referrer', async ({ app, page }) => {
    await app.startDemoStore();
    const form = await app.newCustomer();
    const picker = form.root.getByTestId('referrer-search');
    for (const { query, name } of [{ query: 'mkh', name: '马凯海' }, { query: '4348', name: '张妍娜' }, { query: '0742', name: '孙海志' }]) {
      await picker.focus();
      await page.keyboard.type(query);
      await page.keyboard.press('Enter');
      await expect(form.root.getByTestId('referrer-picked'), `"${query}" then Enter`).toHaveText(name);
      await form.root.getByTestId('referrer-picked').locator('xpath=..').getByRole('button').click();
    }
  });
});

test.describe('the list after other screens', () => {
  test.use({ systemLocale: 'en-US' });

  test('navigation brings the whole list; the browser back brings the search and filters back', async ({ app, page }) => {
    await app.startDemoStore();
    await app.search('wang');
    await page.getByTestId('tag-filter').selectOption('会员');
    const narrowed = await app.settledListCount();
    expect(narrowed).toContain('of 240');

    // Away by the sidebar: the box is empty there, and the sidebar brings back the whole list.
    await ChurnRiskPage.open(page);
    await expect(app.searchBox).toHaveValue('');
    await app.goToCustomers();
    await expect(app.listCount).toHaveText('240 customers');
    await expect(app.searchBox).toHaveValue('');
    await expect(page.getByTestId('tag-filter')).toHaveValue('');

    // Back twice (to the churn list, then to the list as it was).
    await page.goBack();
    await expect(page.locator('section.churn-screen')).toBeVisible();
    await page.goBack();
    await expect(app.searchBox).toHaveValue('wang');
    await expect(page.getByTestId('tag-filter')).toHaveValue('会员');
    await expect(app.listCount).toHaveText(narrowed);

    // Into a customer and back: the search is still there, by the browser's back or the page's own back link.
    const first = await app.rows.first().getAttribute('aria-label');
    await app.rows.first().click();
    await expect(page.getByTestId('customer-name')).toHaveText(first ?? '');
    await expect(app.searchBox).toHaveValue('');
    await page.goBack();
    await expect(app.searchBox).toHaveValue('wang');
    await expect(app.listCount).toHaveText(narrowed);
    await app.rows.first().click();
    await page.getByRole('link', { name: 'Back to customers' }).click();
    await expect(app.searchBox).toHaveValue('wang');
    await expect(page.getByTestId('tag-filter')).toHaveValue('会员');

    // Typing on another screen searches the whole store, without the filters left on the list.
    await ChurnRiskPage.open(page);
    await app.typeFastThen('shz');
    await expect(app.rows).toHaveCount(1);
    await expect(page.getByTestId('tag-filter')).toHaveValue('');
    await expect(app.listCount).toHaveText('1 of 240 customers');
  });

  test('after an import, "view customers" shows the whole list, not an old search', async ({ app, page }) => {
    await app.startDemoStore();
    await app.search('0742');
    await expect(app.rows).toHaveCount(1);
    const imp = new ImportPage(page);
    await imp.open();
    await imp.pickFile('new.csv', Buffer.from('Name,Mobile\nNew Regular,13900001111\n', 'utf8'));
    await imp.expectPreview({ create: 1 });
    await imp.startImport();
    await page.getByRole('button', { name: 'Go to customers' }).click();
    await expect(app.listCount).toHaveText('241 customers');
    await expect(app.searchBox).toHaveValue('');
  });
});

test.describe('focus when a customer opens', () => {
  test('lands on the name from a row click, Enter on a row, Enter from search and the churn list', async ({ app, page }) => {
    await app.startDemoStore();
    const customer = new CustomerPageModel(page);

    const first = await app.rows.first().getAttribute('aria-label');
    await app.rows.first().click();
    await expect(customer.name).toHaveText(first ?? '');
    await expect(customer.name).toBeFocused();
    await expect(customer.name).toHaveAttribute('tabindex', '-1');

    await app.goToCustomers();
    await app.rows.nth(2).focus();
    const third = await app.rows.nth(2).getAttribute('aria-label');
    await page.keyboard.press('Enter');
    await expect(customer.name).toHaveText(third ?? '');
    await expect(customer.name).toBeFocused();

    await app.search('马凯海');
    await expect(app.rows).toHaveCount(1);
    await app.searchBox.press('Enter');
    await expect(customer.name).toHaveText('马凯海');
    await expect(customer.name).toBeFocused();

    const churn = await ChurnRiskPage.open(page);
    await expect(churn.rows.first()).toBeVisible();
    await churn.rows.first().click();
    await expect(customer.name).toBeVisible();
    await expect(customer.name).toBeFocused();

    // The customer's page opened again from its edit form, and from the trash list.
    await customer.edit();
    await page.getByTestId('save-customer').click();
    await expect(customer.name).toBeFocused();
    const trashed = await customer.name.innerText();
    await customer.moveToTrash();
    const trash = await app.goToTrash();
    await trash.rows.filter({ hasText: trashed }).getByRole('link', { name: trashed }).click();
    await expect(customer.name).toHaveText(trashed);
    await expect(customer.name).toBeFocused();
  });

  test('lands on the name from the duplicate finder and the quick look', async ({ app, page }) => {
    await app.startEmptyStore();
    const customer = new CustomerPageModel(page);
    for (const name of ['王芳', '王小芳']) {
      const form = await app.newCustomer();
      await form.fillName(name);
      await form.fillPhone(0, '13812345678');
      await form.save();
      await expect(customer.name).toHaveText(name);
    }

    const finder = new DuplicatesPageModel(page);
    await finder.open();
    await finder.find();
    await finder.groups.first().getByRole('link', { name: '王小芳' }).click();
    await expect(customer.name).toHaveText('王小芳');
    await expect(customer.name).toBeFocused();

    const form = await app.newCustomer();
    await form.fillName('王大芳');
    await form.fillPhone(0, '13812345678');
    await form.duplicateWarning.getByTestId('duplicate-link').first().click();
    const peek = page.getByTestId('peek-dialog');
    await expect(peek).toBeVisible();
    // The quick look says it is loading until the customer is read: read its heading once it names one of the two.
    await expect(peek.getByRole('heading').first()).toHaveText(/^(王芳|王小芳)$/);
    const peeked = (await peek.getByRole('heading').first().innerText()).trim();
    await peek.getByRole('button', { name: '打开客户档案' }).click();
    await expect(customer.name).toHaveText(peeked);
    await expect(customer.name).toBeFocused();
  });
});
