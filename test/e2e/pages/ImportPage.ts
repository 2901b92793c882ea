// Page model of the import screen: what a clerk does to bring a file in, check it, import it and undo it.
import { expect, type Locator, type Page } from '@playwright/test';
import { asOwner } from './OwnerPin';

export type PreviewCounts = Partial<Record<'create' | 'update' | 'skip' | 'invalid' | 'erased', number>>;
export type ReportCounts = Partial<Record<'imported' | 'already' | 'no-customer' | 'not-found' | 'bad' | 'erased' | 'total', number>>;

export class ImportPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByTestId('nav-import').click();
    await expect(this.page.getByTestId('import-screen')).toBeVisible();
  }

  async chooseKind(kind: 'customers' | 'purchases') {
    await this.page.getByTestId(`import-kind-${kind}`).check();
  }

  /** Picks a file through the file input (as the clerk's file dialog would). */
  async pickFile(name: string, buffer: Buffer, mimeType = 'text/csv') {
    await this.page.getByTestId('import-file').setInputFiles({ name, mimeType, buffer });
    await expect(this.page.getByTestId('import-file-summary')).toContainText(name);
    await expect(this.page.getByTestId('import-preview')).toBeVisible();
  }

  /** Drops a file on the drop zone, as a clerk dragging it from a folder would. */
  async dropFile(name: string, buffer: Buffer, mimeType: string) {
    const transfer = await this.page.evaluateHandle(
      ({ name, bytes, mimeType }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(bytes)], name, { type: mimeType }));
        return dt;
      },
      { name, bytes: [...buffer], mimeType },
    );
    await this.page.getByTestId('import-drop').dispatchEvent('drop', { dataTransfer: transfer });
  }

  /** The message shown when a file cannot be opened (not a table, no rows). */
  get fileError(): Locator {
    return this.page.getByTestId('import-file-error');
  }

  get sheetChoice(): Locator {
    return this.page.getByTestId('import-sheet');
  }

  get headerRowChoice(): Locator {
    return this.page.getByTestId('import-header-row');
  }

  /** The currency the amounts are read in, and any other currency the file names. */
  get currencyNotice(): Locator {
    return this.page.getByTestId('import-currency');
  }

  async acknowledgeCurrency() {
    await this.page.getByTestId('import-currency-ack').check();
  }

  get encoding(): Locator {
    return this.page.getByTestId('import-encoding-detected');
  }

  /** The names as the chosen encoding reads them. */
  get encodingSample(): Locator {
    return this.page.getByTestId('import-encoding-sample');
  }

  /** One click: read the file again in another encoding (null: back to the automatic choice). */
  async readAs(encoding: 'utf-8' | 'gb18030' | 'big5' | null) {
    await this.page.getByTestId(encoding === null ? 'import-encoding-auto' : `import-encoding-${encoding}`).click();
    if (encoding !== null) await expect(this.encoding).toHaveAttribute('data-encoding', encoding);
  }

  /** The date-order question (data-ask="true" when the file does not settle it). */
  get dateOrder(): Locator {
    return this.page.getByTestId('import-date-order');
  }

  async chooseDateOrder(order: 'mdy' | 'dmy') {
    await this.page.getByTestId(`import-date-order-${order}`).check();
    await expect(this.dateOrder).toHaveAttribute('data-value', order);
  }

  get errorRows(): Locator {
    return this.page.getByTestId('import-error-row');
  }

  get duplicateRows(): Locator {
    return this.page.getByTestId('import-duplicate-row');
  }

  /** Waits until the preview shows these counts (it follows every choice). */
  async expectPreview(counts: PreviewCounts) {
    for (const [key, value] of Object.entries(counts)) {
      await expect(this.page.getByTestId(`preview-${key}`)).toHaveAttribute('data-value', String(value));
    }
  }

  async expectReport(testId: 'import-report' | 'import-done-report', counts: ReportCounts) {
    const report = this.page.getByTestId(testId);
    for (const [key, value] of Object.entries(counts)) {
      await expect(report.getByTestId(`report-${key}`)).toHaveAttribute('data-value', String(value));
    }
  }

  async reportValue(testId: 'import-report' | 'import-done-report', key: keyof ReportCounts & string): Promise<number> {
    return Number(await this.page.getByTestId(testId).getByTestId(`report-${key}`).getAttribute('data-value'));
  }

  async setPolicy(policy: 'skip' | 'update' | 'new') {
    await this.page.getByTestId(`import-policy-${policy}`).check();
  }

  get importButton(): Locator {
    return this.page.getByTestId('import-start');
  }

  async startImport() {
    await expect(this.importButton).toBeEnabled();
    await this.importButton.click();
    await expect(this.page.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
  }

  get doneSummary(): Locator {
    return this.page.getByTestId('import-done-summary');
  }

  async importAnother() {
    await this.page.getByTestId('import-another').click();
  }

  get batches(): Locator {
    return this.page.getByTestId('import-batch');
  }

  /** Undoes the newest import after confirming. */
  async undoLatest() {
    await asOwner(this.page, () => this.batches.first().getByTestId('import-undo').click());
    const dialog = this.page.getByTestId('confirm-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button').last().click();
    await expect(this.batches.first()).toHaveAttribute('data-undone', 'true');
  }
}
