// Page models of complaints: the new-complaint dialog, the complaints screen (figures, filters, list) and a complaint's detail.
import { expect, type Locator, type Page } from '@playwright/test';

export type ComplaintMoveTarget = 'investigating' | 'resolved' | 'followed-up' | 'closed' | 'reopened';

export class ComplaintDialogModel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('complaint-dialog');
  }

  async choose(category: 'product' | 'service' | 'price' | 'waiting' | 'other', severity: 'high' | 'normal' | 'low') {
    await this.root.locator('label', { has: this.page.getByTestId(`complaint-category-${category}`) }).click();
    await this.root.locator('label', { has: this.page.getByTestId(`complaint-severity-${severity}`) }).click();
  }

  get said(): Locator {
    return this.root.getByTestId('complaint-said');
  }
  get receivedBy(): Locator {
    return this.root.getByTestId('complaint-received-by');
  }
  get receivedAt(): Locator {
    return this.root.getByTestId('complaint-received-at');
  }
  get duePreview(): Locator {
    return this.root.getByTestId('complaint-due-preview');
  }
  get aboutPurchase(): Locator {
    return this.root.getByTestId('complaint-about-purchase');
  }

  async save() {
    await this.root.getByTestId('complaint-save').click();
    await expect(this.root).toBeHidden();
  }
}

export class ComplaintsScreenModel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('complaints-screen');
  }

  static async open(page: Page): Promise<ComplaintsScreenModel> {
    await page.getByTestId('nav-complaints').click();
    const screen = new ComplaintsScreenModel(page);
    await expect(screen.root.getByRole('heading', { level: 1 })).toBeVisible();
    return screen;
  }

  get rows(): Locator {
    return this.root.getByTestId('complaint-row');
  }
  row(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text });
  }
  get empty(): Locator {
    return this.root.getByTestId('complaints-empty');
  }
  figure(name: 'rate' | 'median' | 'in-time'): Locator {
    return this.root.getByTestId(`figure-${name}`);
  }

  async filterState(value: string) {
    await this.root.getByTestId('complaints-filter-state').selectOption(value);
  }

  async openRow(row: Locator): Promise<ComplaintDetailModel> {
    await row.getByTestId('complaint-open').click();
    const detail = new ComplaintDetailModel(this.page);
    await expect(detail.root).toBeVisible();
    return detail;
  }
}

export class ComplaintDetailModel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('complaint-detail');
  }

  get state(): Locator {
    return this.root.getByTestId('complaint-state');
  }
  /** The moves offered: only those legal in the complaint's state. */
  get moves(): Locator {
    return this.root.getByTestId('complaint-moves').getByRole('button');
  }
  moveButton(to: ComplaintMoveTarget): Locator {
    return this.root.getByTestId(`complaint-move-${to}`);
  }
  get form(): Locator {
    return this.root.getByTestId('complaint-move-form');
  }
  get steps(): Locator {
    return this.root.getByTestId('complaint-step');
  }
  get compensation(): Locator {
    return this.root.getByTestId('complaint-compensation');
  }
  get satisfactionAnswer(): Locator {
    return this.root.getByTestId('complaint-satisfaction-answer');
  }

  /** Starts a move and fills its form; `save` is left to the caller (a compensation in points asks the owner's PIN). */
  async startMove(to: ComplaintMoveTarget, input: { by: string; note?: string; resolution?: string; points?: string; refund?: string }) {
    await this.moveButton(to).click();
    await expect(this.form).toBeVisible();
    await this.form.getByTestId('complaint-by').fill(input.by);
    if (input.note !== undefined) await this.form.getByTestId('complaint-note').fill(input.note);
    if (input.resolution !== undefined) await this.form.getByTestId('complaint-resolution-input').fill(input.resolution);
    if (input.points !== undefined) await this.form.getByTestId('complaint-points').fill(input.points);
    if (input.refund !== undefined) await this.form.getByTestId('complaint-refund').fill(input.refund);
  }

  async saveMove() {
    await this.form.getByTestId('complaint-move-save').click();
  }

  async move(to: ComplaintMoveTarget, input: { by: string; note?: string; resolution?: string }) {
    await this.startMove(to, input);
    await this.saveMove();
    await expect(this.form).toBeHidden();
  }

  async satisfied(yes: boolean) {
    await this.root.getByTestId(yes ? 'complaint-satisfied' : 'complaint-not-satisfied').click();
  }

  async close() {
    await this.root.locator('.dialog-header button').click();
    await expect(this.root).toBeHidden();
  }
}

/** The settings' complaint due times. */
export class ComplaintSettingsModel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('complaint-settings');
  }

  static async open(page: Page): Promise<ComplaintSettingsModel> {
    await page.getByTestId('nav-settings').click();
    const model = new ComplaintSettingsModel(page);
    await expect(model.root).toBeVisible();
    return model;
  }

  hours(severity: 'high' | 'normal' | 'low'): Locator {
    return this.root.getByTestId(`complaint-hours-${severity}`);
  }
  /** 0 Sunday … 6 Saturday. */
  closed(weekday: number): Locator {
    return this.root.getByTestId(`complaint-closed-${weekday}`);
  }
  get save(): Locator {
    return this.root.getByTestId('complaint-settings-save');
  }
  get saved(): Locator {
    return this.root.getByTestId('complaint-settings-saved');
  }
}
