// Page model of the owner's audit log: its filters, its rows, the tamper check and the export.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { asOwner } from './OwnerPin';

export class AuditPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.locator('section.audit-screen');
  }

  /** Opens the log from the sidebar. */
  static async open(page: Page): Promise<AuditPage> {
    await page.getByTestId('nav-audit').click();
    await asOwner(page, () => page.getByTestId('owner-unlock').click());
    const audit = new AuditPage(page);
    await expect(audit.root).toBeVisible();
    return audit;
  }

  get rows(): Locator {
    return this.root.getByTestId('audit-row');
  }

  row(kind: string): Locator {
    return this.root.locator(`[data-testid="audit-row"][data-kind="${kind}"]`);
  }

  get count(): Locator {
    return this.root.getByTestId('audit-count');
  }

  async filterKind(kind: string | null) {
    await this.root.getByTestId('audit-kind').selectOption(kind ?? '');
  }

  /** Picks a customer by the same search as the list (name, pinyin initials, phone). */
  async filterCustomer(query: string, name: string) {
    await this.root.getByTestId('audit-customer-search').fill(query);
    await this.root.getByRole('option', { name: new RegExp(name) }).click();
    await expect(this.root.getByTestId('audit-customer-picked')).toHaveText(name);
  }

  async filterDays(from: string, to: string) {
    await this.root.getByTestId('audit-from').fill(from);
    await this.root.getByTestId('audit-to').fill(to);
  }

  async clearFilters() {
    await this.root.getByTestId('audit-clear').click();
  }

  get chainResult(): Locator {
    return this.root.getByTestId('audit-chain-result');
  }

  async checkChain() {
    await this.root.getByTestId('audit-check').click();
    await expect(this.chainResult).toHaveAttribute('data-status', /intact|broken/);
  }

  /** Exports the entries shown by the filters; resolves with the file the browser saved. */
  async export(format: 'csv' | 'xlsx'): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.root.getByTestId(`audit-export-${format}`).click();
    return download;
  }
}
