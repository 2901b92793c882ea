// The churn model end to end (fixed clock): the daily rollover fits the demo store's buying pattern in the
// worker; the churn list and the customer page give the model's level and reason in words; the owner's cap
// on the high list re-levels; a store too small keeps today's rule and says why, until it has grown.
import { test, expect } from './fixtures';
import { ChurnModelSettings, ChurnRiskPage, CustomerStatusModel, storedChurnModel, storedChurnReason } from './pages/ChurnPages';
import { StatusRulesPage } from './pages/StatusPages';
import { answerOwnerPin } from './pages/OwnerPin';
import { createCustomer } from './pages/PurchasePages';

const DEMO_CUSTOMERS = 240;

test.describe('churn model', () => {
  test("the demo store's levels come from its own fitted model, with the reason in words on the list and the customer's page", async ({ app, page }) => {
    await app.startDemoStore();
    const churn = await ChurnRiskPage.open(page);
    // The start-up rollover fits the model in the status worker, then levels everyone with it (read before, the high
    // list was today's rule's, 13 of 240).
    await churn.levelledByModel();
    await expect(churn.modelNote).toContainText(`从 ${DEMO_CUSTOMERS} 位客户`);
    await expect(churn.modelNote).toContainText('该规律于 2026-06-15');
    await expect(churn.rows.first()).toBeVisible();
    await expect(churn.total).toBeVisible();
    await expect(page.getByTestId('churn-summary')).toContainText('未来 90 天预计的消费额');

    // Each flagged customer: their usual gap, the days since, the chance they still come, most at stake first.
    for (const reason of await churn.reasons()) expect(reason).toMatch(/^(通常每 \d+ 天来一次|自身到店次数太少，按本店常见间隔 [\d.]+ 天计)；距上次到店已 \d+ 天；还会再来的可能(约为 \d+ 分之一|约为 \d+%|不到 1%)/);
    const values = await churn.values();
    expect(values).toEqual([...values].sort((a, b) => b - a));
    // The high list holds no more than the default share the store can call: 5% of 240.
    await churn.filterLevel('high');
    await expect.poll(async () => { const n = await churn.countNumber(); return n > 0 && n <= 12; }).toBe(true);
    for (const level of await churn.attribute('level')) expect(level).toBe('high');

    // The customer's page says the same in full.
    const first = churn.rows.first();
    const reason = await first.getByTestId('churn-reason').innerText();
    await first.click();
    const status = new CustomerStatusModel(page);
    await expect(status.risk).toHaveAttribute('data-level', 'high');
    await expect(status.riskReason).toHaveText(reason);
    await expect(status.card).toContainText('风险金额');
    // The visits to expect: both models' forecasts counted, the stored fit holding the visits model too.
    const model = await storedChurnModel(page);
    expect(model?.kind === 'fitted' && model.visits !== null).toBe(true);
    const customerId = decodeURIComponent(new URL(page.url()).hash.replace('#/customers/', ''));
    const stored = await storedChurnReason(page, customerId);
    expect(stored?.code).toBe('slipping');
    const visits = stored?.code === 'slipping' ? stored.params.expectedVisits : Number.NaN;
    await expect(status.expectedVisits).toHaveText(`预计未来 90 天到店约 ${visits} 次`);
  });

  test("the owner sets the high list to the number the store can call; the status pass re-levels with it", async ({ app, page }) => {
    await app.startDemoStore();
    let churn = await ChurnRiskPage.open(page);
    await churn.levelledByModel();

    const rules = await StatusRulesPage.open(page);
    const model = new ChurnModelSettings(page);
    await expect(model.note).toHaveAttribute('data-model', 'fitted');
    await expect(model.field('watchBelow')).toHaveValue('50');
    await expect(model.field('highBelow')).toHaveValue('30');
    await expect(model.field('cap')).toHaveValue('5');
    await model.capAsCount(3);
    await rules.save();
    await expect(rules.saved).toContainText('已保存并应用新规则', { timeout: 60_000 });

    churn = await ChurnRiskPage.open(page);
    await churn.filterLevel('high');
    await expect.poll(() => churn.countNumber()).toBe(3);
    await expect(churn.rows).toHaveCount(3);
    // Customers the full list left out of high stay on the list as watch, with why in their reason.
    await churn.filterLevel('watch');
    await expect.poll(async () => (await churn.reasons()).some((r) => r.includes('未列入高风险名单'))).toBe(true);
  });

  test('a store too small to fit keeps today’s rule and says why; in English too', async ({ app, page }) => {
    await app.startEmptyStore();
    const churn = await ChurnRiskPage.open(page);
    await expect(churn.modelNote).toHaveAttribute('data-model', 'fallback', { timeout: 60_000 });
    await expect(churn.modelNote).toHaveText('目前按简单规则判断（是否超过常规间隔），因为本店有消费的客户只有 0 位，消费模型至少需要 50 位。');

    // A first customer with a purchase; the owner asks for the model again: still too small, now with 1.
    const customer = await createCustomer(app, '林小姐');
    const dialog = await customer.recordPurchase();
    await dialog.useMode('total');
    await dialog.amount.fill('88');
    await dialog.save();
    await dialog.expectClosed();
    // Today's rule forecasts no visits: the customer's page says none.
    const status = new CustomerStatusModel(page);
    await expect(status.riskReason).toBeVisible();
    await expect(status.expectedVisits).toHaveCount(0);
    await StatusRulesPage.open(page);
    const model = new ChurnModelSettings(page);
    await model.fitNow.click();
    await answerOwnerPin(page);
    await expect(model.note).toContainText('只有 1 位', { timeout: 60_000 });
    await expect(model.note).toHaveAttribute('data-model', 'fallback');

    await app.switchLanguage('en');
    await expect(model.note).toHaveText(
      'Judged by the simple rule (overdue against their usual gap), because the store has 1 customer with a purchase and the buying model needs 50.',
    );
  });
});
