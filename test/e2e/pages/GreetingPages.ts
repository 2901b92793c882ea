// Page models for greetings: the owner's editor on the Settings screen and the clerk's panel on a customer page.
import { expect, type Locator, type Page } from '@playwright/test';
import { clickAsNeeded } from './OwnerPin';

export type GreetingOccasionName = 'birthday' | 'festival' | 'call-back' | 'points-expiring' | 'win-back' | 'promotion';

export class GreetingEditorModel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('greetings-card');
  }

  async open() {
    await this.page.getByTestId('nav-settings').click();
    await expect(this.root).toBeVisible();
  }

  get template(): Locator {
    return this.root.getByTestId('greeting-template');
  }

  get preview(): Locator {
    return this.root.getByTestId('greeting-preview');
  }

  get error(): Locator {
    return this.root.getByTestId('greeting-template-error');
  }

  get status(): Locator {
    return this.root.getByTestId('greeting-status');
  }

  async pick(occasion: GreetingOccasionName) {
    await this.root.getByTestId(`greeting-occasion-${occasion}`).click();
    await expect(this.root.getByTestId(`greeting-occasion-${occasion}`)).toHaveAttribute('aria-selected', 'true');
  }

  async setStoreName(name: string) {
    await this.root.getByTestId('greeting-store-name').fill(name);
    await clickAsNeeded(this.page, this.root.getByTestId('greeting-store-save'));
  }

  async save() {
    await clickAsNeeded(this.page, this.root.getByTestId('greeting-save'));
  }

  async restore() {
    await clickAsNeeded(this.page, this.root.getByTestId('greeting-restore'));
  }
}

export class GreetingPanelModel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('greeting-dialog');
  }

  async open() {
    await this.page.getByTestId('send-greeting').click();
    await expect(this.root.getByTestId('greeting-panel')).toBeVisible();
  }

  get occasion(): Locator {
    return this.root.getByTestId('greeting-occasion');
  }

  get text(): Locator {
    return this.root.getByTestId('greeting-text');
  }

  get status(): Locator {
    return this.root.getByTestId('greeting-status');
  }

  async channel(channel: 'sms' | 'phone' | 'wechat' | 'email') {
    await this.root.getByTestId(`greeting-channel-${channel}`).check({ force: true });
  }

  /** The greetings offered, as their codes. */
  async offered(): Promise<string[]> {
    return this.occasion.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  }

  async close() {
    await this.root.getByTestId('greeting-close').click();
    await expect(this.root).toBeHidden();
  }
}
