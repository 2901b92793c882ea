// Page model of the dialog that redeems a gift or a free service from the customer page, outside a purchase.
import { expect, type Locator, type Page } from '@playwright/test';

export class GiftRedeemModel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('points-gift-dialog');
  }

  /** The "Redeem a gift" button in the customer's points section. */
  get openButton(): Locator {
    return this.page.getByTestId('customer-points').getByTestId('points-gift');
  }

  async open() {
    await this.openButton.click();
    await expect(this.root).toBeVisible();
  }

  /** The rewards offered, each a list item with its name, kind, stock and cost. */
  get items(): Locator {
    return this.root.locator('li[data-testid^="points-gift-"]');
  }

  item(rewardId: string): Locator {
    return this.root.getByTestId(`points-gift-${rewardId}`);
  }

  choice(rewardId: string): Locator {
    return this.root.getByTestId(`points-gift-choose-${rewardId}`);
  }

  refusal(rewardId: string): Locator {
    return this.root.getByTestId(`points-gift-refusal-${rewardId}`);
  }

  get available(): Locator {
    return this.root.getByTestId('points-gift-available');
  }

  get after(): Locator {
    return this.root.getByTestId('points-gift-after');
  }

  get confirmButton(): Locator {
    return this.root.getByTestId('points-gift-confirm');
  }

  async confirm() {
    await this.confirmButton.click();
  }

  async cancel() {
    await this.root.getByRole('button', { name: '取消' }).click();
    await this.expectClosed();
  }

  async expectClosed() {
    await expect(this.root).toBeHidden();
  }
}
