// A tag held by more customers than the list reads at once (3,000): its first rows come by walking the
// list's order, its count apart, and its last rows from the tag's kept order; a small tag is read whole.
import { test, expect } from './fixtures';
import { ImportPage } from './pages/ImportPage';

const CUSTOMERS = 3_200;
/** Every 32nd customer is new (100 of them); the rest are regulars (3,100). */
const isNew = (i: number) => i % 32 === 0;
const nameOf = (i: number) => `客户${String(i).padStart(4, '0')}`;

test.describe('a large tag filter', () => {
  test('shows its first rows in order, counts them, scrolls to its last, and keeps up with edits', async ({ app, page }) => {
    test.setTimeout(120_000);
    await app.startEmptyStore();
    const imp = new ImportPage(page);
    await imp.open();
    const lines = ['姓名,手机,标签'];
    for (let i = 0; i < CUSTOMERS; i++) lines.push(`${nameOf(i)},139${String(i).padStart(8, '0')},${isNew(i) ? '新客' : '常客'}`);
    await imp.pickFile('many.csv', Buffer.from(lines.join('\n'), 'utf8'));
    await imp.expectPreview({ create: CUSTOMERS });
    await imp.startImport();
    await expect(imp.doneSummary).toContainText('3,200');

    await app.goToCustomers();
    await page.getByTestId('sort-name').click();
    await page.getByTestId('tag-filter').selectOption('常客');
    await expect(app.listCount).toHaveText('3,100 / 3,200 位客户');
    const regulars = Array.from({ length: CUSTOMERS }, (_, i) => i).filter((i) => !isNew(i));
    await expect(app.rows.first()).toHaveAttribute('aria-label', nameOf(regulars[0]!));
    await expect(app.rows.nth(1)).toHaveAttribute('aria-label', nameOf(regulars[1]!));

    // The end of the list: rows far past the first page, cut from the tag's kept order.
    const body = page.locator('[data-testid="customer-table"] .table-body');
    await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const last = page.locator(`[data-testid="customer-row"][data-row-index="${regulars.length - 1}"]`);
    await expect(last).toHaveAttribute('aria-label', nameOf(regulars.at(-1)!));
    await expect(page.locator(`[data-testid="customer-row"][data-row-index="${regulars.length - 2}"]`)).toHaveAttribute('aria-label', nameOf(regulars.at(-2)!));

    // Descending: the last regular comes first.
    await page.getByTestId('sort-name').click();
    await body.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect(app.rows.first()).toHaveAttribute('aria-label', nameOf(regulars.at(-1)!));

    // One regular leaves the tag (as a clerk edits them): the count and the rows follow.
    const leaving = await app.openCustomerFromList(nameOf(regulars.at(-1)!));
    const form = await leaving.edit();
    await page.getByRole('button', { name: '删除标签 常客' }).click();
    await form.save();
    await app.goToCustomers();
    await page.getByTestId('tag-filter').selectOption('常客');
    await expect(app.listCount).toHaveText('3,099 / 3,200 位客户');
    await expect(app.rows.first()).toHaveAttribute('aria-label', nameOf(regulars.at(-2)!));

    // A status filter as large: every customer is still a prospect (no purchases). With the tag too, both large.
    await page.getByTestId('stage-filter').selectOption('prospect');
    await expect(app.listCount).toHaveText('3,099 / 3,200 位客户');
    await expect(app.rows.first()).toHaveAttribute('aria-label', nameOf(regulars.at(-2)!));
    // The export's "this list" counts the same matches.
    await page.getByTestId('nav-export').click();
    await expect(page.locator('label', { has: page.getByTestId('export-scope-list') })).toContainText('当前列表（3,099 位）');
    await app.goToCustomers();
    await page.getByTestId('stage-filter').selectOption('prospect');
    await expect(app.listCount).toHaveText('3,200 / 3,200 位客户');

    // A small tag is read whole: all 100 counted.
    await page.getByTestId('stage-filter').selectOption('');
    await page.getByTestId('tag-filter').selectOption('新客');
    await expect(app.listCount).toHaveText('100 / 3,200 位客户');
  });
});
