// Page model of the import preview's opening-points block: what the points column gives, when they expire, what
// happens to customers already in the store, and the refusal a wrong value brings.
import { expect, type Locator, type Page } from '@playwright/test';

export class OpeningPointsModel {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('import-opening-points');
  }

  get expiry(): Locator {
    return this.root.getByTestId('import-opening-expiry');
  }

  get match(): Locator {
    return this.root.getByTestId('import-opening-match');
  }

  /** The alert that a wrong value holds the whole import back. */
  get refused(): Locator {
    return this.root.getByTestId('import-opening-invalid');
  }

  /** Waits until the block says this many customers get this many points. */
  async expectGives(customers: number, points: number) {
    await expect(this.root).toHaveAttribute('data-customers', String(customers));
    await expect(this.root).toHaveAttribute('data-points', String(points));
  }

  /** Maps column `index` of the file to a customer field ('ignore': not imported). */
  async mapColumn(index: number, target: string) {
    await this.page.getByTestId(`import-map-${index}`).selectOption(target);
  }
}
