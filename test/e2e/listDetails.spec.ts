// The customer list's small print, in Chinese and English: long tags end in an ellipsis with the rest counted,
// and no column header loses its last letters.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const LONG_TAG = '每周六上午来买龙井和碧螺春的老主顾';

/** Whether an element's text is cut: wider than its box. */
const isCut = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => el.scrollWidth > el.clientWidth + 1);

for (const { system, more } of [
  { system: 'zh-CN', more: '另有 3 个标签：常客、企业客户、VIP' },
  { system: 'en-US', more: '3 more tags: 常客, 企业客户, VIP' },
] as const) {
  test.describe(system, () => {
    test.use({ systemLocale: system });

    test('long tags end in an ellipsis, the rest are counted, and the headers are whole', async ({ app, page }) => {
      await app.startEmptyStore();
      const form = await app.newCustomer();
      await form.fillName('林晓雨');
      await form.fillPhone(0, '139 1234 5678');
      await form.addTags(LONG_TAG, '常客', '企业客户', 'VIP');
      await form.save();
      await expect(page.getByTestId('customer-name')).toHaveText('林晓雨');
      // On the customer's page every tag shows; the long one fits or ends in an ellipsis, never past its box.
      await expect(page.locator('.tags .tag').filter({ hasText: LONG_TAG }).first()).toBeVisible();

      await app.goToCustomers();
      const row = app.rows.first();
      const chips = row.locator('.col-tags .tag');
      await expect(chips).toHaveCount(2);
      await expect(chips.nth(0)).toHaveAttribute('title', LONG_TAG);
      await expect(chips.nth(1)).toHaveText('+3');
      await expect(chips.nth(1)).toHaveAttribute('aria-label', more);
      // The long tag is cut with an ellipsis, inside its cell.
      const first = await chips.nth(0).evaluate((el) => ({ overflow: getComputedStyle(el).textOverflow, cut: el.scrollWidth > el.clientWidth }));
      expect(first).toEqual({ overflow: 'ellipsis', cut: true });
      const inside = await row.locator('.col-tags').evaluate((cell) => {
        const box = cell.getBoundingClientRect();
        return [...cell.querySelectorAll('.tag')].every((chip) => chip.getBoundingClientRect().right <= box.right + 0.5);
      });
      expect(inside).toBe(true);

      for (const column of ['name', 'phone', 'tier', 'stage', 'risk', 'tags', 'totalSpent', 'purchaseCount', 'lastPurchase', 'updatedAt']) {
        expect(await isCut(page, `[data-testid="sort-${column}"] .sort-label`), column).toBe(false);
      }
    });
  });
}
