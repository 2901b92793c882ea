// Page models of where points show: the timeline's points rows and a purchase's own points, and the list's points filter.
import type { Locator, Page } from '@playwright/test';
import { TimelineModel } from './PurchasePages';

export class TimelinePointsModel extends TimelineModel {
  /** The rows of ledger entries, newest first. */
  get pointsRows(): Locator {
    return this.entries.and(this.page.locator('[data-kind="points"]'));
  }

  /** The points rows of one kind (earn, redeem, expire, adjust, reverse, referral, bonus, opening). */
  pointsRowsOf(kind: string): Locator {
    return this.entries.and(this.page.locator(`[data-kind="points"][data-points-kind="${kind}"]`));
  }

  /** A purchase row's own points line. */
  purchasePoints(entry: Locator): Locator {
    return entry.getByTestId('entry-purchase-points');
  }
}

export class PointsListFilterModel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('points-filter');
  }

  get min(): Locator {
    return this.root.getByTestId('points-filter-min');
  }

  get max(): Locator {
    return this.root.getByTestId('points-filter-max');
  }

  get expiring(): Locator {
    return this.root.getByTestId('points-filter-expiring');
  }
}
