// Page models: what a clerk does on each screen, so specs read as steps, not selectors.
import { expect, type Locator, type Page } from '@playwright/test';
import { asOwner } from './OwnerPin';
import { lastRolloverDay } from './PointsTillPages';

export class AppPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/#/customers');
  }

  async startEmptyStore() {
    await this.open();
    await this.page.getByTestId('start-empty').click();
    await expect(this.searchBox).toBeVisible();
    await this.startUpRolloverDone();
  }

  async startDemoStore() {
    await this.open();
    await this.page.getByTestId('start-demo').click();
    await expect(this.searchBox).toBeVisible();
    await this.startUpRolloverDone();
  }

  /**
   * A new store's first rollover (tiers, stages, churn levels, the model's fit) runs in the status worker after the
   * store opens and records its day last: what a spec reads before then may be drawn again under it (a segment's
   * count, a churn list, a trash row behind a long write).
   */
  async startUpRolloverDone(): Promise<void> {
    await expect.poll(() => lastRolloverDay(this.page), { timeout: 60_000, intervals: [100, 200] }).not.toBeNull();
  }

  get searchBox(): Locator {
    return this.page.locator('#global-search');
  }

  get rows(): Locator {
    return this.page.getByTestId('customer-row');
  }

  get listCount(): Locator {
    return this.page.getByTestId('list-count');
  }

  /**
   * The list's count once the list answers what is asked now: while an answer is pending the count of
   * the older answer stays on screen (dimmed), and reading it then reads the wrong list.
   */
  async settledListCount(): Promise<string> {
    await expect(this.page.locator('section.list-screen')).toHaveAttribute('aria-busy', 'false');
    await expect(this.listCount).not.toHaveClass(/stale/);
    return this.listCount.innerText();
  }

  async search(text: string) {
    await this.searchBox.fill(text);
  }

  /** Types into the search box key by key, as a clerk at the till does, and presses `then` at once (no wait for the list). */
  async typeFastThen(text: string, ...then: string[]) {
    await this.page.keyboard.press('Control+K');
    await expect(this.searchBox).toBeFocused();
    await this.page.keyboard.type(text);
    for (const key of then) await this.page.keyboard.press(key);
  }

  /** The element that has the keyboard focus, by its test id (or id, or tag). */
  async focusedTestId(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.dataset.testid ?? el?.id ?? el?.tagName ?? '';
    });
  }

  async newCustomer(): Promise<CustomerFormPage> {
    await this.page.getByTestId('new-customer').click();
    const form = new CustomerFormPage(this.page);
    await expect(form.root).toBeVisible();
    return form;
  }

  async openCustomerFromList(name: string): Promise<CustomerPageModel> {
    await this.rows.filter({ hasText: name }).first().click();
    const customer = new CustomerPageModel(this.page);
    await expect(customer.name).toHaveText(name);
    return customer;
  }

  async switchLanguage(language: 'zh-CN' | 'zh-TW' | 'en') {
    await this.page.getByTestId('language-switch').first().selectOption(language);
  }

  async goToTrash(): Promise<TrashPageModel> {
    await this.page.getByTestId('nav-trash').click();
    return new TrashPageModel(this.page);
  }

  async goToCustomers() {
    await this.page.getByTestId('nav-customers').click();
  }
}

export interface BirthdayInput {
  calendar: 'solar' | 'lunar';
  year?: string;
  month: string;
  day: string;
  leapMonth?: boolean;
}

export class CustomerFormPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('customer-form');
  }

  field(name: string): Locator {
    return this.root.getByTestId(`field-${name}`);
  }

  async fillName(name: string) {
    await this.field('name').fill(name);
  }

  async fillPhone(index: number, number: string, opts: { keepAsIs?: boolean } = {}) {
    while ((await this.root.getByTestId('phone-row').count()) <= index) await this.root.getByTestId('add-phone').click();
    await this.field(`phone-${index}`).fill(number);
    if (opts.keepAsIs !== undefined) await this.field(`keep-${index}`).setChecked(opts.keepAsIs);
  }

  async setBirthday(b: BirthdayInput) {
    await this.field('birthday-calendar').selectOption(b.calendar);
    await this.field('birthday-year').fill(b.year ?? '');
    await this.field('birthday-month').selectOption(b.month);
    await this.field('birthday-day').selectOption(b.day);
    if (b.leapMonth !== undefined) await this.root.getByRole('checkbox', { name: /Leap month|闰月|閏月/ }).setChecked(b.leapMonth);
  }

  async addTags(...tags: string[]) {
    for (const tag of tags) {
      await this.root.getByTestId('tag-input').fill(tag);
      await this.root.getByTestId('tag-input').press('Enter');
    }
  }

  async pickReferrer(query: string, name: string) {
    await this.root.getByTestId('referrer-search').fill(query);
    await this.root.getByRole('option', { name: new RegExp(name) }).click();
    await expect(this.root.getByTestId('referrer-picked')).toHaveText(name);
  }

  async save() {
    await this.root.getByTestId('save-customer').click();
  }

  get errorSummary(): Locator {
    return this.root.getByTestId('form-errors');
  }

  get duplicateWarning(): Locator {
    return this.root.getByTestId('duplicate-warning');
  }
}

export class CustomerPageModel {
  readonly name: Locator;
  constructor(readonly page: Page) {
    this.name = page.getByTestId('customer-name');
  }

  async edit(): Promise<CustomerFormPage> {
    await this.page.getByTestId('edit-customer').click();
    const form = new CustomerFormPage(this.page);
    await expect(form.root).toBeVisible();
    return form;
  }

  /** Moves the customer to the trash and waits for the app to leave their page (a check of the list before then read the page still shown). */
  async moveToTrash() {
    await this.page.getByTestId('trash-customer').click();
    await this.page.getByTestId('confirm-dialog').getByRole('button', { name: /Move to trash|移到回收站|移到資源回收筒/ }).click();
    await expect(this.page.getByTestId('trash-customer')).toBeHidden();
  }

  profile(testId: string): Locator {
    return this.page.getByTestId(`profile-${testId}`);
  }
}

export class TrashPageModel {
  constructor(readonly page: Page) {}

  get rows(): Locator {
    return this.page.getByTestId('trash-row');
  }

  async restore(name: string) {
    await this.rows.filter({ hasText: name }).getByTestId('restore').click();
  }

  async deleteForever(name: string) {
    await asOwner(this.page, () => this.rows.filter({ hasText: name }).getByTestId('delete-forever').click());
    await this.page.getByTestId('confirm-dialog').getByRole('button', { name: /Delete for good|彻底删除|永久刪除/ }).click();
  }
}
