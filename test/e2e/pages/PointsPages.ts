// Page models of the points screen: the points rules and the rewards catalogue (two tabs).
import { expect, type Locator, type Page } from '@playwright/test';
import { answerOwnerPin } from './OwnerPin';

export class PointsRulesPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('points-rules');
  }

  /** Through the navigation, as a clerk finds it. */
  static async open(page: Page): Promise<PointsRulesPage> {
    await page.getByTestId('nav-points').click();
    const rules = new PointsRulesPage(page);
    await expect(rules.root).toBeVisible();
    return rules;
  }

  field(name: string): Locator {
    return this.page.getByTestId(`points-rules-${name}`);
  }

  get lockNote(): Locator {
    return this.page.getByTestId('points-rules-locked');
  }

  get headline(): Locator {
    return this.page.getByTestId('points-rules-headline');
  }

  get problems(): Locator {
    return this.page.getByTestId('points-rules-problems');
  }

  get saved(): Locator {
    return this.page.getByTestId('points-rules-saved');
  }

  /** The owner's PIN, asked in place by the lock. */
  async unlock() {
    await this.page.getByTestId('points-rules-unlock').click();
    await answerOwnerPin(this.page);
    await expect(this.page.getByTestId('points-rules-save')).toBeVisible();
  }

  /** Member day on these weekdays (1 Monday … 7 Sunday) at this multiplier. */
  async memberDayOnWeekdays(days: number[], multiplier: string) {
    await this.page.getByTestId('pr-memberDayKind-weekdays').check();
    for (const d of days) await this.field(`weekday-${d}`).check();
    await this.field('memberDayMultiplier').fill(multiplier);
  }

  async save() {
    await this.page.getByTestId('points-rules-save').click();
  }

  async toRewards(): Promise<RewardsPage> {
    await this.page.getByTestId('points-tab-rewards').click();
    const rewards = new RewardsPage(this.page);
    await expect(rewards.root).toBeVisible();
    return rewards;
  }
}

export interface GiftInput {
  name: string;
  pointsCost: string;
  stock: string;
}

export class RewardsPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('rewards');
  }

  get unlockButton(): Locator {
    return this.page.getByTestId('rewards-unlock');
  }

  async unlock() {
    await this.unlockButton.click();
    await answerOwnerPin(this.page);
    await expect(this.page.getByTestId('rewards-add')).toBeVisible();
  }

  get form(): Locator {
    return this.page.getByTestId('reward-form');
  }

  row(name: string): Locator {
    return this.page.getByTestId('rewards-table').locator('tbody tr').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  async addGift(gift: GiftInput) {
    await this.page.getByTestId('rewards-add').click();
    await this.form.getByTestId('reward-name').fill(gift.name);
    await this.form.getByTestId('reward-pointsCost').fill(gift.pointsCost);
    await this.form.getByTestId('reward-kind-gift').check();
    await this.form.getByTestId('reward-stock').fill(gift.stock);
    await this.form.getByTestId('reward-save').click();
  }

  /** Edits a reward: unticks "available" and saves, which withdraws it. */
  async withdraw(name: string) {
    await this.row(name).getByRole('button').click();
    await this.form.getByTestId('reward-active').uncheck();
    await this.form.getByTestId('reward-save').click();
  }
}
