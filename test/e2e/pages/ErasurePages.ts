// Page models of the customer's data on request: "Erase this customer" (the owner's confirmation and its choice
// for the purchases) and one customer's data as a file or as a page that prints.
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { saveDownload, type SavedFile } from './DataPages';

export class EraseDialogModel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('erase-dialog');
  }

  /** "Erase…" on the customer page; the owner PIN comes next unless the owner is known. */
  static async start(page: Page): Promise<EraseDialogModel> {
    await page.getByTestId('erase-customer').click();
    return new EraseDialogModel(page);
  }

  get what(): Locator {
    return this.root.getByTestId('erase-what');
  }

  get confirmButton(): Locator {
    return this.root.getByTestId('erase-confirm');
  }

  async choosePurchases(choice: 'delete' | 'anonymise') {
    await this.root.getByTestId(`erase-purchases-${choice}`).check();
  }

  /** Erases; the app goes back to the customer list. */
  async confirm() {
    await this.confirmButton.click();
    await expect(this.root).toBeHidden();
  }
}

export class CustomerDataModel {
  constructor(readonly page: Page) {}

  async saveJson(testInfo: TestInfo): Promise<SavedFile & { json: unknown }> {
    const saved = await saveDownload(this.page, testInfo, () => this.page.getByTestId('export-customer-json').click());
    return { ...saved, json: JSON.parse(saved.bytes.toString('utf8')) as unknown };
  }

  /** "Show as a page to print": the sheet over the app. */
  async openSheet(): Promise<Locator> {
    await this.page.getByTestId('export-customer-page').click();
    const sheet = this.page.getByTestId('customer-data-sheet');
    await expect(sheet).toBeVisible();
    return sheet;
  }
}
