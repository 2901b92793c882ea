// Page models of the status rules and the tier review.
import { expect, type Locator, type Page } from '@playwright/test';
import { answerOwnerPin } from './OwnerPin';

export class StatusRulesPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.locator('section.status-rules');
  }

  static async open(page: Page): Promise<StatusRulesPage> {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('edit-status-rules').click();
    const rules = new StatusRulesPage(page);
    await expect(rules.root).toBeVisible();
    return rules;
  }

  tierField(index: number, field: 'name' | 'minSpend' | 'minPurchases' | 'maxDays'): Locator {
    return this.page.getByTestId(`tier-${index}-${field}`);
  }

  previewCount(groupId: string): Locator {
    return this.page.getByTestId(`preview-count-${groupId}`);
  }

  get preview(): Locator {
    return this.page.getByTestId('rules-preview');
  }

  get moves(): Locator {
    return this.page.getByTestId('preview-moves');
  }

  get problems(): Locator {
    return this.page.getByTestId('rules-problems');
  }

  get saved(): Locator {
    return this.page.getByTestId('rules-saved');
  }

  /** The number of customers a preview row shows ("12 位 · 5%" → 12). */
  async countOf(groupId: string): Promise<number> {
    return Number((await this.previewCount(groupId).innerText()).replace(/[^\d·]/g, '').split('·')[0]);
  }

  /** Saves the rules: the owner's, so the PIN is answered when it is asked (a draft with problems asks none). */
  async save() {
    const unlocked = await this.page.getByTestId('owner-chip').isVisible();
    await this.page.getByTestId('rules-save').click();
    if (unlocked) return;
    const dialog = this.page.getByTestId('pin-dialog');
    await expect(dialog.or(this.page.getByTestId('rules-problems'))).toBeVisible();
    if (await dialog.isVisible()) await answerOwnerPin(this.page);
  }

  async chooseGrouping(grouping: 'tiers' | 'rfm') {
    await this.page.getByTestId(`grouping-${grouping}`).check();
  }
}

export class TierReviewPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.locator('section.tier-review');
  }

  get rows(): Locator {
    return this.page.getByTestId('review-table').locator('tbody tr');
  }

  get count(): Locator {
    return this.page.getByTestId('review-count');
  }

  async apply() {
    await this.page.getByTestId('review-apply').click();
    const dialog = this.page.getByTestId('confirm-dialog');
    await dialog.locator('.button-primary').click();
    await expect(this.page.getByTestId('review-applied')).toBeVisible({ timeout: 30_000 });
  }
}
