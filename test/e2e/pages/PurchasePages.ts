// Page models for the customer's figures, timeline, and the purchase, return, void and contact dialogs.
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppPage } from './AppPage';

/** A local "yyyy-MM-dd HH:mm" as the date-time fields take it, `daysAgo` days before `at` (the test's `now`). */
export function localDateTime(daysAgo: number, at: Date): string {
  const d = new Date(at.getTime() - daysAgo * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A new customer with a name and phone, leaving the app on their page. */
export async function createCustomer(app: AppPage, name: string, phone = '13800138000'): Promise<CustomerActivityPage> {
  const form = await app.newCustomer();
  await form.fillName(name);
  await form.fillPhone(0, phone);
  await form.save();
  await expect(app.page.getByTestId('customer-name')).toHaveText(name);
  return new CustomerActivityPage(app.page);
}

export type FigureName = 'total' | 'count' | 'first' | 'last' | 'average-gap' | 'median-gap';

export class CustomerActivityPage {
  readonly timeline: TimelineModel;
  constructor(readonly page: Page) {
    this.timeline = new TimelineModel(page);
  }

  figure(name: FigureName): Locator {
    return this.page.getByTestId(`figure-${name}`);
  }

  get recordPurchaseButton(): Locator {
    return this.page.getByTestId('record-purchase');
  }

  async recordPurchase(): Promise<PurchaseDialogModel> {
    await this.recordPurchaseButton.click();
    const dialog = new PurchaseDialogModel(this.page);
    await expect(dialog.form).toBeVisible();
    return dialog;
  }

  async recordContact(): Promise<ContactDialogModel> {
    await this.page.getByTestId('record-contact').click();
    const dialog = new ContactDialogModel(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  get toast(): Locator {
    return this.page.getByTestId('toast');
  }
}

export interface LineInput {
  product?: string;
  category?: string;
  quantity?: string;
  price?: string;
}

export class PurchaseDialogModel {
  readonly root: Locator;
  readonly form: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('purchase-dialog');
    this.form = this.root.getByTestId('purchase-form');
  }

  get title(): Locator {
    return this.root.getByRole('heading').first();
  }

  get dateTime(): Locator {
    return this.root.getByTestId('purchase-datetime');
  }

  /** Picks "items" or "total only" by its visible label (the radio itself is visually hidden). */
  async useMode(mode: 'items' | 'total') {
    await this.root.locator('label', { has: this.page.getByTestId(`purchase-mode-${mode}`) }).click();
  }

  get lines(): Locator {
    return this.root.getByTestId('purchase-line');
  }

  line(index: number) {
    const row = this.lines.nth(index);
    return {
      row,
      product: row.getByTestId('line-product'),
      category: row.getByTestId('line-category'),
      quantity: row.getByTestId('line-quantity'),
      price: row.getByTestId('line-price'),
      amount: row.getByTestId('line-amount'),
    };
  }

  async fillLine(index: number, input: LineInput) {
    const l = this.line(index);
    if (input.product !== undefined) {
      await l.product.fill(input.product);
      // Close the suggestions so they do not cover the next field.
      await l.product.press('Tab');
    }
    if (input.category !== undefined) {
      await l.category.fill(input.category);
      await l.category.press('Tab');
    }
    if (input.quantity !== undefined) await l.quantity.fill(input.quantity);
    if (input.price !== undefined) await l.price.fill(input.price);
  }

  /** Types the start of a product and picks a suggestion from the list. */
  suggestions(): Locator {
    return this.page.getByRole('listbox').getByRole('option');
  }

  get amount(): Locator {
    return this.root.getByTestId('purchase-amount');
  }

  get discount(): Locator {
    return this.root.getByTestId('purchase-discount');
  }

  get payment(): Locator {
    return this.root.getByTestId('purchase-payment');
  }

  get note(): Locator {
    return this.root.getByTestId('purchase-note');
  }

  get total(): Locator {
    return this.root.getByTestId('purchase-total');
  }

  get returnInfo(): Locator {
    return this.root.getByTestId('return-info');
  }

  get errorSummary(): Locator {
    return this.root.getByTestId('purchase-errors');
  }

  get saveButton(): Locator {
    return this.root.getByTestId('purchase-save');
  }

  async save() {
    await this.saveButton.click();
  }

  async expectClosed() {
    await expect(this.root).toBeHidden();
  }
}

export class ContactDialogModel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('contact-dialog');
  }

  async chooseChannel(channel: 'phone' | 'sms' | 'wechat' | 'email' | 'visit' | 'other') {
    await this.root.locator('label', { has: this.page.getByTestId(`contact-channel-${channel}`) }).click();
  }

  async chooseDirection(direction: 'in' | 'out') {
    await this.root.locator('label', { has: this.page.getByTestId(`contact-direction-${direction}`) }).click();
  }

  get dateTime(): Locator {
    return this.root.getByTestId('contact-datetime');
  }

  get summary(): Locator {
    return this.root.getByTestId('contact-summary');
  }

  get outcome(): Locator {
    return this.root.getByTestId('contact-outcome');
  }

  get followUp(): Locator {
    return this.root.getByTestId('contact-follow-up');
  }

  async quickFollowUp(choice: 'tomorrow' | 'in3Days' | 'inAWeek' | 'inAMonth') {
    await this.root.getByTestId(`follow-up-${choice}`).click();
  }

  get errorSummary(): Locator {
    return this.root.getByTestId('contact-errors');
  }

  async save() {
    await this.root.getByTestId('contact-save').click();
  }
}

export class VoidDialogModel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('void-dialog');
  }

  get reason(): Locator {
    return this.root.getByTestId('void-reason');
  }

  async confirm() {
    await this.root.getByTestId('void-confirm').click();
  }
}

export class TimelineModel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('timeline');
  }

  get entries(): Locator {
    return this.root.getByTestId('timeline-entry');
  }

  entry(text: string | RegExp): Locator {
    return this.entries.filter({ hasText: text });
  }

  async filter(kind: 'all' | 'purchase' | 'interaction' | 'points') {
    await this.root.locator('label', { has: this.page.getByTestId(`timeline-filter-${kind}`) }).click();
  }

  async edit(entry: Locator) {
    await entry.getByTestId('entry-edit').click();
  }

  async menu(entry: Locator, item: 'entry-return' | 'entry-void' | 'entry-delete' | 'entry-reopen') {
    await entry.getByTestId('entry-menu').click();
    await this.page.getByTestId(item).click();
  }

  async editPurchase(entry: Locator): Promise<PurchaseDialogModel> {
    await this.edit(entry);
    const dialog = new PurchaseDialogModel(this.page);
    await expect(dialog.form).toBeVisible();
    return dialog;
  }

  async returnPurchase(entry: Locator): Promise<PurchaseDialogModel> {
    await this.menu(entry, 'entry-return');
    const dialog = new PurchaseDialogModel(this.page);
    await expect(dialog.form).toBeVisible();
    return dialog;
  }

  async voidPurchase(entry: Locator): Promise<VoidDialogModel> {
    await this.menu(entry, 'entry-void');
    const dialog = new VoidDialogModel(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  async editContact(entry: Locator): Promise<ContactDialogModel> {
    await this.edit(entry);
    const dialog = new ContactDialogModel(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
}
