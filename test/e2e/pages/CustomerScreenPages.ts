// Page models of the customer-facing survey screen: the screen itself (a second page through the harness) and the
// main window's control that opens it ("On the customer screen", the display, waiting, cancel).
import { expect, type Locator, type Page } from '@playwright/test';

/** The customer screen as the customer uses it: by what it says, in the language it shows. */
export class CustomerScreenPage {
  constructor(readonly page: Page) {}

  get survey(): Locator {
    return this.page.locator('form.screen-survey');
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  async language(name: '简体中文' | '繁體中文' | 'English') {
    await this.page.getByRole('button', { name, exact: true }).click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', { 简体中文: 'zh-CN', 繁體中文: 'zh-TW', English: 'en' }[name]);
  }

  /** A face by its word ("Happy", "满意"). */
  async face(label: string) {
    await this.page.getByRole('button', { name: label, exact: true }).click();
    await expect(this.page.getByRole('button', { name: label, exact: true })).toHaveAttribute('aria-pressed', 'true');
  }

  /** A score of 0–10 by its button's name ("9 out of 10", "9 分（满分 10 分）"). */
  async score(name: string) {
    await this.page.getByRole('button', { name, exact: true }).click();
  }

  async chip(label: string) {
    await this.page.getByRole('button', { name: label, exact: true }).click();
  }

  async why(text: string) {
    await this.page.getByRole('textbox').fill(text);
  }

  async send(label: string) {
    await this.page.getByRole('button', { name: label, exact: true }).click();
  }
}

/** The main window's "On the customer screen", on a customer's page or in the after-purchase prompt. */
export class CustomerScreenControl {
  constructor(
    readonly page: Page,
    readonly root: Locator = page.getByTestId('customer-screen').first(),
  ) {}

  get openButton(): Locator {
    return this.root.getByTestId('customer-screen-open');
  }

  get display(): Locator {
    return this.root.getByTestId('customer-screen-display');
  }

  async open() {
    await this.openButton.click();
    await expect(this.root).toHaveAttribute('data-state', 'waiting');
  }

  async cancel() {
    await this.root.getByTestId('customer-screen-cancel').click();
    await expect(this.root).toHaveAttribute('data-state', 'ready');
  }
}
