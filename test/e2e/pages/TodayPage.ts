// Page model of the Today screen: the kinds with their counts, one card per reminder, and its actions.
import { expect, type Locator, type Page } from '@playwright/test';

export class TodayPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.locator('section.care-today');
  }

  static async open(page: Page): Promise<TodayPage> {
    await page.getByTestId('nav-today').click();
    const today = new TodayPage(page);
    await expect(today.root.getByRole('heading', { level: 1 })).toBeVisible();
    return today;
  }

  get items(): Locator {
    return this.root.getByTestId('care-item');
  }

  /** The card naming `text` (a customer's name, a festival). */
  item(text: string | RegExp): Locator {
    return this.items.filter({ hasText: text });
  }

  kindCount(kind: 'all' | 'birthday' | 'festival' | 'cadence' | 'follow-up' | 'points' | 'survey-follow-up' | 'complaint'): Locator {
    return this.root.getByTestId(`care-kind-${kind}`).locator('.chip-count');
  }

  async done(item: Locator) {
    await item.getByTestId('care-done').click();
  }

  async snooze(item: Locator, choice: 'hour' | 'tomorrow' | 'next-week') {
    await item.getByTestId('care-snooze').selectOption(choice);
  }

  async dismiss(item: Locator) {
    await item.getByTestId('care-dismiss').click();
  }

  get status(): Locator {
    return this.root.getByRole('status');
  }
}
