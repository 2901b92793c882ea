// The app shell: first launch, the demo store, languages, keyboard use, themes, the main-process bridge.
import { test, expect } from './fixtures';
import { asOwner } from './pages/OwnerPin';

test.describe('first launch and the demo store', () => {
  test('the demo store opens with customers that can be sorted and filtered by tag', async ({ app, page }) => {
    await app.startDemoStore();
    await expect(app.listCount).toContainText('240');
    await expect(app.rows.first()).toBeVisible();
    // Virtualized: only the rows on screen are in the page.
    expect(await app.rows.count()).toBeLessThan(60);
    await page.getByTestId('customer-table').locator('.table-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(app.rows.last()).toHaveAttribute('data-row-index', '239');
    const nameHeader = page.getByRole('columnheader').filter({ has: page.getByTestId('sort-name') });
    await page.getByTestId('sort-name').click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect.poll(() => app.rows.first().getAttribute('aria-label')).toBeTruthy();
    const firstAsc = await app.rows.first().getAttribute('aria-label');
    await page.getByTestId('sort-name').click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(() => app.rows.first().getAttribute('aria-label')).not.toEqual(firstAsc);

    const tagFilter = page.getByTestId('tag-filter');
    const firstTag = await tagFilter.locator('option').nth(1).getAttribute('value');
    await tagFilter.selectOption(firstTag ?? '');
    await expect(app.listCount).toContainText('/ 240');
    const filtered = await app.rows.count();
    expect(filtered).toBeGreaterThan(0);
    for (const row of await app.rows.all()) await expect(row).toContainText(firstTag ?? '');
  });
});

test.describe('languages', () => {
  test('follows the system language first, then remembers the choice', async ({ app, page }) => {
    await app.startEmptyStore();
    await expect(page.getByTestId('nav-customers')).toContainText('客户');
    await app.switchLanguage('en');
    await expect(page.getByTestId('nav-customers')).toContainText('Customers');
    await expect(page.getByTestId('new-customer')).toContainText('New customer');
    await page.reload();
    await expect(page.getByTestId('nav-customers')).toContainText('Customers');
    await app.switchLanguage('zh-TW');
    await expect(page.getByTestId('nav-customers')).toContainText('客戶');
    await expect(page.getByTestId('nav-trash')).toContainText('資源回收筒');
  });

  test.describe('on an English system', () => {
    test.use({ systemLocale: 'en-US' });
    test('starts in English', async ({ app, page }) => {
      await app.open();
      await expect(page.getByTestId('start-empty')).toContainText('Start with an empty store');
    });
  });

  test.describe('on a Hong Kong system', () => {
    test.use({ systemLocale: 'zh-HK' });
    test('starts in Traditional Chinese', async ({ app, page }) => {
      await app.open();
      await expect(page.getByTestId('start-empty')).toContainText('從空白店鋪開始');
    });
  });
});

test.describe('keyboard', () => {
  test('Ctrl+K and / focus search, Ctrl+N new customer, Ctrl+S saves, Enter opens the match, Esc closes a dialog', async ({ app, page }) => {
    await app.startEmptyStore();
    await page.locator('body').click();
    await page.keyboard.press('Control+K');
    await expect(app.searchBox).toBeFocused();
    await page.getByTestId('nav-settings').focus();
    await page.keyboard.press('/');
    await expect(app.searchBox).toBeFocused();

    await page.keyboard.press('Control+N');
    await expect(page.getByTestId('customer-form')).toBeVisible();
    await page.getByTestId('field-name').fill('键盘客户');
    await page.getByTestId('field-phone-0').fill('13712345678');
    await page.keyboard.press('Control+S');
    await expect(page.getByTestId('customer-name')).toHaveText('键盘客户');

    // Phone tail, then Enter, opens the customer.
    await page.keyboard.press('Control+K');
    await page.keyboard.type('5678');
    await expect(app.rows).toHaveCount(1);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('customer-name')).toHaveText('键盘客户');

    await page.getByTestId('trash-customer').click();
    await expect(page.getByTestId('confirm-dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('confirm-dialog')).toBeHidden();
    await expect(page.getByTestId('customer-name')).toHaveText('键盘客户');
  });

  test('everything on the customer list is reachable by Tab', async ({ app, page }) => {
    await app.startDemoStore();
    const reached = new Set<string>();
    // The whole way round: the navigation (fifteen), the top bar, four filters, ten column headers, the first row.
    for (let i = 0; i < 41; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.dataset.testid ?? el?.id ?? el?.tagName ?? '';
      });
      reached.add(id);
    }
    for (const expected of ['nav-customers', 'nav-churn', 'nav-trash', 'nav-settings', 'global-search', 'language-switch', 'tag-filter', 'tier-filter', 'stage-filter', 'risk-filter', 'sort-name', 'sort-risk', 'customer-row']) {
      expect(reached, `Tab reaches ${expected}`).toContain(expected);
    }
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('customer-name')).toBeVisible();
  });
});

test.describe('the list tables by keyboard', () => {
  test('arrows move between the rows of the customer and churn lists, scrolling as they go, and Enter opens one', async ({ app, page }) => {
    await app.startDemoStore();
    const focusedRow = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.rowIndex ?? '');
    await app.rows.first().focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(focusedRow).toBe('0');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedRow).toBe('1');
    await page.keyboard.press('ArrowUp');
    await expect.poll(focusedRow).toBe('0');
    // Past the rows drawn at first: the table scrolls and draws them, and the focus follows.
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(focusedRow).toBe('40');
    const fortieth = page.locator('[data-testid="customer-row"][data-row-index="40"]');
    await expect(fortieth).toBeInViewport();
    const name = await fortieth.getAttribute('aria-label');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('customer-name')).toHaveText(name ?? '');

    await page.getByTestId('nav-churn').click();
    const churnRows = page.getByTestId('churn-row');
    await churnRows.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedRow).toBe('1');
    const second = await churnRows.nth(1).getAttribute('aria-label');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('customer-name')).toHaveText(second ?? '');
  });

  test('in the trash the rows open nothing: Tab goes through their controls, the arrows move between rows', async ({ app, page }) => {
    await app.startEmptyStore();
    for (const name of ['赵一', '钱二', '孙三']) {
      const form = await app.newCustomer();
      await form.fillName(name);
      await form.save();
      await expect(page.getByTestId('customer-name')).toHaveText(name);
      await page.getByTestId('trash-customer').click();
      await page.getByTestId('confirm-dialog').getByRole('button', { name: '移到回收站' }).click();
      await expect(page.getByTestId('confirm-dialog')).toBeHidden();
    }
    const trash = await app.goToTrash();
    await expect(trash.rows).toHaveCount(3);
    await trash.rows.first().getByTestId('restore').focus();
    await page.keyboard.press('Tab');
    expect(await app.focusedTestId()).toBe('delete-forever');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('A');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.rowIndex ?? '')).toBe('2');
    await page.keyboard.press('Enter');
    await expect(trash.rows).toHaveCount(3);
    await expect(page.locator('#trash-heading')).toBeVisible();
  });
});

test.describe('settings and the main process', () => {
  test('shows the data folder and version from the main process, and switches theme', async ({ app, page, dataFolder }) => {
    await app.startEmptyStore();
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('data-folder')).toHaveText(dataFolder);
    await expect(page.getByTestId('app-version')).toHaveText('0.1.0-e2e');
    await page.getByTestId('theme-select').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  test('an email link goes to the main process; a hostile link is refused there', async ({ app, page, openedLinks }) => {
    await app.startEmptyStore();
    const form = await app.newCustomer();
    await form.fillName('Anna Müller');
    await form.field('email').fill('anna@example.com');
    await form.save();
    await page.getByTestId('profile-email').getByRole('button').click();
    await expect.poll(() => openedLinks).toEqual(['mailto:anna@example.com']);
    const refused = await page.evaluate(() => window.__regularsInvoke?.('link:open', { url: 'javascript:alert(1)' }));
    expect(refused).toEqual({ ok: false, reason: 'url-not-allowed' });
    const malformed = await page.evaluate(() => window.__regularsInvoke?.('link:open', { url: 'https://ok.example', extra: 1 }));
    expect(malformed).toEqual({ ok: false, reason: 'invalid-request' });
  });

  test('a stored setting that no longer fits is named on the settings screen, its default shown, until the owner chooses again', async ({ app, page }) => {
    await app.startEmptyStore();
    // Damage two stored settings below the app, as a faulty disk or an old bug could.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('regulars');
          open.onerror = () => reject(open.error ?? new Error('open failed'));
          open.onsuccess = () => {
            const tx = open.result.transaction('settings', 'readwrite');
            tx.objectStore('settings').put({ key: 'defaultRegion', value: 'XX' });
            tx.objectStore('settings').put({ key: 'currency', value: 12 });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error ?? new Error('write failed'));
          };
        }),
    );
    await page.getByTestId('nav-settings').click();
    const notice = page.getByTestId('settings-unreadable');
    const regionLabel = (await page.locator('label[for="s-region"]').textContent())!;
    const currencyLabel = (await page.locator('label[for="s-currency"]').textContent())!;
    await expect(notice.getByRole('listitem')).toHaveText([regionLabel, currencyLabel]);
    await expect(notice).not.toContainText('settings.');
    await expect(page.getByTestId('region-select')).toHaveValue('CN');
    await expect(page.getByTestId('currency-select')).toHaveValue('CNY');
    await expect(page.getByTestId('region-select')).toBeDisabled();
    await asOwner(page, () => page.getByTestId('store-unlock').click());
    await page.getByTestId('region-select').selectOption('HK');
    await expect(notice.getByRole('listitem')).toHaveText([currencyLabel]);
    await page.getByTestId('currency-select').selectOption('HKD');
    await expect(notice).toBeHidden();
    await expect(page.getByTestId('region-select')).toHaveValue('HK');
  });

  test('changing the default phone region changes how numbers are read', async ({ app, page }) => {
    await app.startEmptyStore();
    await page.getByTestId('nav-settings').click();
    await asOwner(page, () => page.getByTestId('store-unlock').click());
    await page.getByTestId('region-select').selectOption('HK');
    const form = await app.newCustomer();
    await form.fillName('陳大文');
    await form.fillPhone(0, '9123 4567');
    await form.save();
    await expect(page.getByTestId('profile-phones')).toContainText('9123 4567');
  });
});
