// Page models for the customer list's status columns and filters, a customer's status and tier
// history, and the churn-risk list.
import { expect, type Locator, type Page } from '@playwright/test';
import type { CustomerChurnReason } from '../../../shared/domain/churn';
import { storeChurnModelSchema, type StoreChurnModel } from '../../../shared/domain/churnModel/storeModel';
import { lastRolloverDay, onStore } from './PointsTillPages';

export type Level = 'none' | 'watch' | 'high';

/** The customer list's status filters and columns (the list itself is AppPage's). */
export class CustomerListStatus {
  constructor(readonly page: Page) {}

  async filterTier(tierId: string | '') {
    await this.page.getByTestId('tier-filter').selectOption(tierId);
  }

  async filterStage(stage: string | '') {
    await this.page.getByTestId('stage-filter').selectOption(stage);
  }

  async filterRisk(level: Level | '') {
    await this.page.getByTestId('risk-filter').selectOption(level);
  }

  /** The data-tier / data-stage / data-level of every row on screen, in order. */
  async column(name: 'tier' | 'stage' | 'level'): Promise<string[]> {
    const rows = this.page.getByTestId('customer-row');
    await expect(rows.first()).toBeVisible();
    return rows.locator(`[data-${name}]`).evaluateAll((els, attr) => els.map((el) => el.getAttribute(`data-${attr}`) ?? ''), name);
  }
}

/** The status card and tier history on a customer's page. */
export class CustomerStatusModel {
  readonly card: Locator;
  readonly history: Locator;
  constructor(readonly page: Page) {
    this.card = page.getByTestId('customer-status');
    this.history = page.getByTestId('tier-history');
  }

  get tier(): Locator {
    return this.card.getByTestId('status-tier');
  }

  get benefits(): Locator {
    return this.card.getByTestId('status-benefits');
  }

  get stage(): Locator {
    return this.card.getByTestId('status-stage');
  }

  get risk(): Locator {
    return this.card.getByTestId('status-risk');
  }

  get riskReason(): Locator {
    return this.card.getByTestId('status-risk-reason');
  }

  /** The churn model's visits to expect in the next 90 days (absent under today's rule). */
  get expectedVisits(): Locator {
    return this.card.getByTestId('status-expected-visits');
  }

  get rfm(): Locator {
    return this.card.getByTestId('status-rfm');
  }

  /** The downgrade waiting for the tier review, when there is one. */
  get pending(): Locator {
    return this.card.getByTestId('status-pending');
  }

  get historyEntries(): Locator {
    return this.history.getByTestId('tier-history-entry');
  }
}

export class ChurnRiskPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.locator('section.churn-screen');
  }

  static async open(page: Page): Promise<ChurnRiskPage> {
    await page.getByTestId('nav-churn').click();
    const churn = new ChurnRiskPage(page);
    await expect(churn.root).toBeVisible();
    return churn;
  }

  /**
   * Waits until the start-up rollover's fit is stored and everyone is levelled with it. The fit is kept first and the
   * day recorded once the levelling is done: a list read in between is partly today's rule's, partly drawn again.
   */
  async levelledByModel(): Promise<void> {
    await expect(this.modelNote).toHaveAttribute('data-model', 'fitted', { timeout: 60_000 });
    await expect
      .poll(
        async () => {
          const model = await storedChurnModel(this.page);
          return model !== null && (await lastRolloverDay(this.page)) === model.fittedOn;
        },
        { timeout: 60_000 },
      )
      .toBe(true);
  }

  get rows(): Locator {
    return this.page.getByTestId('churn-row');
  }

  get count(): Locator {
    return this.page.getByTestId('churn-count');
  }

  get total(): Locator {
    return this.page.getByTestId('churn-total');
  }

  get empty(): Locator {
    return this.page.getByTestId('churn-empty');
  }

  async filterTier(tierId: string | '') {
    await this.page.getByTestId('churn-tier-filter').selectOption(tierId);
  }

  /** Picks a level by its visible label (the radio itself is visually hidden). */
  async filterLevel(level: 'both' | 'watch' | 'high') {
    await this.root.locator('label', { has: this.page.getByTestId(`churn-level-${level}`) }).click();
  }

  /** Values at risk (minor units) of the rows on screen, in order. */
  async values(): Promise<number[]> {
    await expect(this.rows.first().getByTestId('churn-value')).toBeVisible();
    return this.rows.getByTestId('churn-value').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-value'))));
  }

  async attribute(name: 'tier' | 'level' | 'stage'): Promise<string[]> {
    await expect(this.rows.first().getByTestId('churn-value')).toBeVisible();
    return this.rows.locator(`[data-${name}]`).evaluateAll((els, attr) => els.map((el) => el.getAttribute(`data-${attr}`) ?? ''), name);
  }

  /** What judges the levels: the store's fitted model (data-model="fitted"), or today's rule and why ("fallback", "pending"). */
  get modelNote(): Locator {
    return this.root.getByTestId('churn-model-note');
  }

  /** The reasons (in words) of the rows on screen, in order. */
  async reasons(): Promise<string[]> {
    await expect(this.rows.first().getByTestId('churn-reason')).toBeVisible();
    return this.rows.getByTestId('churn-reason').allInnerTexts();
  }

  /** The number in the count ("38 位客户" / "38 customers"). */
  async countNumber(): Promise<number> {
    return Number((await this.count.innerText()).replace(/\D/g, ''));
  }
}

/** The churn model's card in the status rules: the model's state, "learn again", the owner's thresholds and cap. */
export class ChurnModelSettings {
  readonly card: Locator;
  constructor(readonly page: Page) {
    this.card = page.getByTestId('churn-model-card');
  }

  get note(): Locator {
    return this.card.getByTestId('churn-model-note');
  }

  get fitNow(): Locator {
    return this.card.getByTestId('churn-model-fit');
  }

  field(name: 'watchBelow' | 'highBelow' | 'cap'): Locator {
    return this.card.getByTestId(`churn-model-${name}`);
  }

  async capAsCount(count: number) {
    await this.card.getByTestId('churn-model-capKind').selectOption('count');
    await this.field('cap').fill(String(count));
  }
}

/** The store's churn model as the rollover stored it (bookkeeping), or null before the first fit. */
export async function storedChurnModel(page: Page): Promise<StoreChurnModel | null> {
  const rows = await onStore<{ key: string; value: unknown }[]>(page, 'bookkeeping', 'getAll', null);
  const row = rows.find((r) => r.key === 'churnModel');
  return row === undefined ? null : storeChurnModelSchema.parse(row.value);
}

/** A customer's stored churn reason (their state row), for comparing what the page says with what was derived. */
export async function storedChurnReason(page: Page, customerId: string): Promise<CustomerChurnReason | null> {
  const rows = await onStore<{ id: string; churnReason: CustomerChurnReason }[]>(page, 'customerState', 'getAll', null);
  return rows.find((r) => r.id === customerId)?.churnReason ?? null;
}
