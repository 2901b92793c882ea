// Page models for the export screen, the duplicate finder and the merge dialog.
import { expect, type Download, type Locator, type Page, type TestInfo } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { asOwner, clickAsNeeded } from './OwnerPin';

export interface SavedFile {
  name: string;
  bytes: Buffer;
}

/** Waits for the download `action` starts and saves it into the test's output folder. */
export async function saveDownload(page: Page, testInfo: TestInfo, action: () => Promise<void>): Promise<SavedFile> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]) as [Download, void];
  const name = download.suggestedFilename();
  const path = testInfo.outputPath(name);
  await download.saveAs(path);
  return { name, bytes: await readFile(path) };
}

export class ExportPageModel {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByTestId('nav-export').click();
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  async choose(kind: 'customers' | 'purchases' | 'interactions' | 'points', opts: { format?: 'csv' | 'xlsx'; scope?: 'all' | 'list'; rows?: 'purchases' | 'lines' } = {}) {
    await this.page.getByTestId(`export-kind-${kind}`).check();
    if (opts.scope) await this.page.getByTestId(`export-scope-${opts.scope}`).check();
    if (opts.rows) await this.page.getByTestId(`export-rows-${opts.rows}`).check();
    if (opts.format) await this.page.getByTestId(`export-format-${opts.format}`).check();
  }

  scopeOption(scope: 'all' | 'list'): Locator {
    return this.page.getByTestId(`export-scope-${scope}`).locator('xpath=ancestor::label');
  }

  get status(): Locator {
    return this.page.getByTestId('export-status');
  }

  /** Starts the export; the owner PIN is answered when the export is one only the owner may run. */
  async start() {
    await clickAsNeeded(this.page, this.page.getByTestId('export-start'));
  }

  /** Starts the export and waits for "saved"; the file main wrote into <dataFolder>/exports. */
  async export(dataFolder: string): Promise<SavedFile & { path: string }> {
    const folder = path.join(dataFolder, 'exports');
    const before = new Set(await readdir(folder).catch(() => [] as string[]));
    await this.start();
    // The status may still say "saved" for the export before this one: the new file, then the status naming it.
    const addedFiles = async () => (await readdir(folder)).filter((f) => !before.has(f) && !f.startsWith('.'));
    await expect.poll(async () => (await addedFiles()).length, { timeout: 30_000 }).toBe(1);
    const name = (await addedFiles())[0]!;
    await expect(this.status).toHaveAttribute('data-state', 'saved', { timeout: 30_000 });
    await expect(this.status).toContainText(name);
    const file = path.join(folder, name);
    await expect(this.page.getByTestId('export-path')).toContainText(file);
    return { name, path: file, bytes: await readFile(file) };
  }

  async pickCustomer(query: string, name: string) {
    await this.page.getByTestId('export-customer-search').fill(query);
    await this.page.getByRole('option', { name: new RegExp(name) }).click();
    await expect(this.page.getByTestId('export-customer-picked')).toHaveText(name);
  }

  async exportCustomerData(format: 'json' | 'csv', testInfo: TestInfo): Promise<SavedFile> {
    return saveDownload(this.page, testInfo, () => this.page.getByTestId(`export-customer-${format}`).click());
  }
}

export class DuplicatesPageModel {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByTestId('nav-duplicates').click();
    await expect(this.page.getByTestId('find-duplicates')).toBeEnabled();
  }

  /** Runs a scan and waits until it is over: the summary shown and the button usable again (not dimmed). */
  async find() {
    await this.page.getByTestId('find-duplicates').click();
    await expect(this.page.getByTestId('duplicates-summary')).toBeVisible();
    await expect(this.page.getByTestId('find-duplicates')).toBeEnabled();
  }

  get groups(): Locator {
    return this.page.getByTestId('duplicate-group');
  }

  async openMerge(group: Locator): Promise<MergeDialogModel> {
    await asOwner(this.page, () => group.getByTestId('merge-open').click());
    const dialog = new MergeDialogModel(this.page);
    await expect(dialog.root).toBeVisible();
    // The dialog reads the members first; until then its preview button is disabled (and dimmed), which an
    // accessibility check caught half-way read as a contrast failure.
    await expect(dialog.root.getByTestId('merge-preview')).toBeEnabled();
    return dialog;
  }
}

export class MergeDialogModel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('merge-dialog');
  }

  async keep(memberIndex: number) {
    await this.root.getByTestId(`merge-survivor-${memberIndex}`).check();
  }

  async pick(field: string, memberIndex: number) {
    await this.root.getByTestId(`merge-pick-${field}-${memberIndex}`).check();
  }

  async preview() {
    await this.root.getByTestId('merge-preview').click();
    await expect(this.root.getByTestId('merge-preview-panel')).toBeVisible();
  }

  async confirm() {
    await this.root.getByTestId('merge-confirm').click();
    await expect(this.root).toBeHidden();
  }
}

/** Records a purchase of just a total on the open customer page. */
export async function recordPurchaseTotal(page: Page, amount: string) {
  await page.getByTestId('record-purchase').click();
  const form = page.getByTestId('purchase-form');
  await expect(form).toBeVisible();
  // The radio sits inside a segmented label that takes the click.
  await form.getByTestId('purchase-mode-total').locator('xpath=..').click();
  await expect(form.getByTestId('purchase-mode-total')).toBeChecked();
  await form.getByTestId('purchase-amount').fill(amount);
  await page.getByTestId('purchase-save').click();
  await expect(form).toBeHidden();
}
