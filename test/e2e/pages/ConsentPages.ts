// Page models for marketing consent: the customer page's consent panel and the new-customer form's ticks.
import { expect, type Locator, type Page } from '@playwright/test';

export type ConsentChannelName = 'sms' | 'phone' | 'wechat' | 'email';

export class ConsentPanelModel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('consent-panel');
  }

  state(channel: ConsentChannelName): Locator {
    return this.root.getByTestId(`consent-state-${channel}`);
  }

  since(channel: ConsentChannelName): Locator {
    return this.root.getByTestId(`consent-since-${channel}`);
  }

  /** The channel's state as data ('granted', 'withdrawn', 'declined', 'none'), whatever the language. */
  row(channel: ConsentChannelName): Locator {
    return this.root.getByTestId(`consent-${channel}`);
  }

  async grant(channel: ConsentChannelName, source: 'in-store' | 'paper-form') {
    await this.root.getByTestId(`consent-source-${channel}`).selectOption(source);
    await this.root.getByTestId(`consent-grant-${channel}`).click();
    await expect(this.row(channel)).toHaveAttribute('data-state', 'granted');
  }

  async withdraw(channel: ConsentChannelName) {
    await this.root.getByTestId(`consent-withdraw-${channel}`).click();
    await expect(this.row(channel)).toHaveAttribute('data-state', 'withdrawn');
  }

  async openHistory(): Promise<Locator> {
    const toggle = this.root.getByTestId('consent-history-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const history = this.root.getByTestId('consent-history');
    await expect(history).toBeVisible();
    return history.getByTestId('consent-history-row');
  }
}

/** The new-customer form's optional consent: channels ticked and where the customer agreed. */
export async function tickConsent(form: Locator, channels: ConsentChannelName[], source: 'in-store' | 'paper-form') {
  for (const channel of channels) await form.getByTestId(`form-consent-${channel}`).check();
  await form.getByTestId('form-consent-source').selectOption(source);
}
