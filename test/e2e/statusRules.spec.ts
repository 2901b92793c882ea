// The status rules end to end: the live preview while editing, a refused typo that keeps what was typed,
// saving with the recomputation in the worker, downgrades left to the tier review, and the RFM grouping.
import { format } from 'date-fns';
import { zhCN } from 'date-fns/locale';
import { test, expect } from './fixtures';
import { StatusRulesPage, TierReviewPage } from './pages/StatusPages';

const DEMO_CUSTOMERS = 240;

test.describe('status rules', () => {
  test('the owner edits tiers with a live preview; a typo is refused and kept; saving applies the rules', async ({ app, page }) => {
    await app.startDemoStore();
    const rules = await StatusRulesPage.open(page);
    await expect(rules.preview).toBeVisible({ timeout: 30_000 });
    const counts = async () => [await rules.countOf('vip'), await rules.countOf('regular'), await rules.countOf('potential')];
    await expect.poll(async () => (await counts()).reduce((a, b) => a + b, 0)).toBe(DEMO_CUSTOMERS);
    const [vipBefore] = await counts();

    // An easier VIP: the preview counts more of them before anything is saved.
    await rules.tierField(0, 'minSpend').fill('1000');
    await rules.tierField(0, 'minPurchases').fill('2');
    await expect.poll(() => rules.countOf('vip')).toBeGreaterThan(vipBefore!);
    await expect(rules.moves).toContainText('立即升级');

    // A word where a number goes: refused at the field, the text kept, the preview marked as not current.
    await rules.tierField(1, 'minPurchases').fill('两次');
    await rules.save();
    await expect(rules.problems).toContainText('有 1 处需要修改');
    await expect(rules.root.locator('tr[data-tier="regular"] .cell-error')).toHaveText('请输入整数');
    await expect(rules.tierField(1, 'minPurchases')).toHaveValue('两次');
    await expect(page.getByText('请先修正标出的栏位，预览才会更新。')).toBeVisible();

    await rules.tierField(1, 'minPurchases').fill('2');
    await expect(rules.problems).toHaveCount(0);
    await rules.save();
    await expect(rules.saved).toContainText('已保存并应用新规则', { timeout: 60_000 });
    const vipAfter = await rules.countOf('vip');

    // Kept: after a reload the form shows the saved rules and the store holds the previewed tiers.
    await page.reload();
    await expect(rules.tierField(0, 'minSpend')).toHaveValue('1000.00');
    await expect(rules.preview).toBeVisible({ timeout: 30_000 });
    await expect(rules.moves).toContainText('保存后：0 位立即升级，0 位立即降级');
    await expect.poll(() => rules.countOf('vip')).toBe(vipAfter);
  });

  test('raising the bar leaves downgrades to the tier review; the owner sees why and applies it', async ({ app, page, now }) => {
    await app.startDemoStore();
    const rules = await StatusRulesPage.open(page);
    await expect(rules.preview).toBeVisible({ timeout: 30_000 });
    await rules.tierField(1, 'minSpend').fill('20000');
    await rules.tierField(0, 'minSpend').fill('50000');
    const waitingInPreview = async () => Number((await rules.moves.innerText()).match(/另有 (\d+) 位/)?.[1] ?? 0);
    await expect.poll(waitingInPreview).toBeGreaterThan(0);
    const waiting = await waitingInPreview();
    await rules.save();
    await expect(rules.saved).toBeVisible({ timeout: 60_000 });

    // Never reviewed yet, so the review is due: the top bar says how many wait.
    await expect(page.getByTestId('review-due')).toHaveText(`等级评审：${waiting} 位客户待处理`);
    await page.getByTestId('review-due').click();
    const review = new TierReviewPage(page);
    await expect(review.count).toHaveText(`${waiting} 位客户`);
    await expect(review.rows).toHaveCount(waiting);
    await expect(review.rows.first().locator('td').nth(4)).not.toHaveText('—');

    await review.apply();
    await expect(page.getByTestId('review-empty')).toBeVisible();
    await expect(review.count).toHaveText('0 位客户');
    await expect(page.getByTestId('review-summary')).toContainText(format(now, 'PP', { locale: zhCN }));
    await expect(page.getByTestId('review-due')).toHaveCount(0);
  });

  test('in English, the RFM grouping sorts customers into segments', async ({ app, page }) => {
    await app.startDemoStore();
    await app.switchLanguage('en');
    const rules = await StatusRulesPage.open(page);
    await expect(rules.preview).toBeVisible({ timeout: 30_000 });
    await rules.chooseGrouping('rfm');
    await expect(page.getByTestId('rfm-table')).toContainText("Can't lose them");
    await expect(rules.preview.locator('li')).toHaveCount(11);
    await expect(rules.preview).toContainText('Champions');
    await expect.poll(async () => (await rules.countOf('rfm:unscored')) < DEMO_CUSTOMERS).toBe(true);
    await rules.save();
    await expect(rules.saved).toContainText('Saved. The new rules are applied', { timeout: 60_000 });
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('status-card')).toContainText('RFM segments');
  });
});
