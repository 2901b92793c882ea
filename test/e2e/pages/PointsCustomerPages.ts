// Page models of a customer's points: the section on the customer page and the owner's adjustment dialog.
import { expect, type Locator, type Page } from '@playwright/test';

export class CustomerPointsModel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('customer-points');
  }

  get balance(): Locator {
    return this.root.getByTestId('points-balance');
  }

  get expiring(): Locator {
    return this.root.getByTestId('points-expiring');
  }

  get historyEmpty(): Locator {
    return this.root.getByTestId('points-history-empty');
  }

  /** The history's rows, newest first. */
  get rows(): Locator {
    return this.root.getByTestId('points-history').locator('tbody tr');
  }

  get adjustButton(): Locator {
    return this.root.getByTestId('points-adjust');
  }
}

export class PointsAdjustmentModel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('points-adjust-dialog');
  }

  async choose(direction: 'add' | 'take') {
    await this.root.locator('label', { has: this.page.getByTestId(`points-adjust-${direction}`) }).click();
  }

  get points(): Locator {
    return this.root.getByTestId('points-adjust-points');
  }

  get reason(): Locator {
    return this.root.getByTestId('points-adjust-reason');
  }

  async save() {
    await this.root.getByTestId('points-adjust-save').click();
  }

  async expectClosed() {
    await expect(this.root).toBeHidden();
  }
}
