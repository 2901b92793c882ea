// Page models of campaigns: the list, the new campaign's form with its segment builder and saved segments, and one
// campaign's page (results, the list to work through, the CSV export landing in <dataFolder>/exports).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { answerOwnerPin, clickAsNeeded } from './OwnerPin';

export class NewCampaignPage {
  readonly root: Locator;
  readonly name: Locator;
  readonly channel: Locator;
  readonly message: Locator;
  readonly cost: Locator;
  readonly control: Locator;
  readonly count: Locator;
  readonly reach: Locator;
  readonly addCondition: Locator;
  constructor(readonly page: Page) {
    this.root = page.locator('section.campaign-new');
    this.name = page.locator('#campaign-name');
    this.channel = page.locator('#campaign-channel');
    this.message = page.locator('#campaign-message');
    this.cost = page.locator('#campaign-cost');
    this.control = page.locator('#campaign-control');
    this.count = this.root.locator('.segment-count');
    this.reach = page.getByTestId('campaign-reach');
    this.addCondition = this.root.locator('.segment-add select');
  }

  /** From the campaigns list: New campaign, as the owner. */
  static async open(page: Page): Promise<NewCampaignPage> {
    await page.goto('#/campaigns');
    await clickAsNeeded(page, page.getByTestId('campaign-new'));
    const model = new NewCampaignPage(page);
    await expect(model.root).toBeVisible();
    return model;
  }

  condition(kind: string): Locator {
    return this.root.locator('.segment-condition', { has: this.page.locator('.segment-condition-name', { hasText: kind }) });
  }

  /** The number of customers the segment holds now, once read. */
  async counted(): Promise<number> {
    await expect(this.count).toHaveAttribute('data-count', /\d+/, { timeout: 30_000 });
    return Number(await this.count.getAttribute('data-count'));
  }

  async start(): Promise<void> {
    await clickAsNeeded(this.page, this.page.getByTestId('campaign-start'));
  }

  /** The saved segments' bar of the builder. */
  get saved(): SavedSegmentsBar {
    return new SavedSegmentsBar(this.page);
  }
}

/** The segment builder's saved segments: the picker, save, change, rename and delete (the owner's, PIN as needed). */
export class SavedSegmentsBar {
  readonly root: Locator;
  readonly pick: Locator;
  readonly loaded: Locator;
  readonly status: Locator;
  readonly dialog: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('saved-segments');
    this.pick = page.getByTestId('saved-segment-pick');
    this.loaded = page.getByTestId('saved-segment-loaded');
    this.status = page.getByTestId('saved-segment-status');
    this.dialog = page.getByTestId('segment-name-dialog');
  }

  get nameInput(): Locator {
    return this.dialog.locator('input');
  }

  async load(name: string): Promise<void> {
    await this.pick.selectOption({ label: name });
    await expect(this.loaded).toContainText(name);
  }

  /** Opens the name dialog of Save as a group or Rename; whether the PIN will be asked on submitting it. */
  async openNameDialog(testId: 'saved-segment-save' | 'saved-segment-rename'): Promise<boolean> {
    const button = this.page.getByTestId(testId);
    const locked = (await button.getAttribute('data-owner-locked')) === 'true';
    await button.click();
    await expect(this.dialog).toBeVisible();
    return locked;
  }

  /** Types a name in the open dialog and submits it; `accepted`: the dialog closes (the PIN answered when asked). */
  async submitName(name: string, locked: boolean, accepted = true): Promise<void> {
    await this.nameInput.fill(name);
    await this.dialog.locator('button[type="submit"]').click();
    if (!accepted) return;
    if (locked) await answerOwnerPin(this.page);
    await expect(this.dialog).toBeHidden();
  }

  async saveAs(name: string): Promise<void> {
    await this.submitName(name, await this.openNameDialog('saved-segment-save'));
  }

  async rename(name: string): Promise<void> {
    await this.submitName(name, await this.openNameDialog('saved-segment-rename'));
  }

  async update(): Promise<void> {
    await clickAsNeeded(this.page, this.page.getByTestId('saved-segment-update'));
  }

  async delete(): Promise<void> {
    const button = this.page.getByTestId('saved-segment-delete');
    const locked = (await button.getAttribute('data-owner-locked')) === 'true';
    await button.click();
    const confirm = this.page.getByTestId('confirm-dialog');
    await confirm.locator('.dialog-footer button').last().click();
    if (locked) await answerOwnerPin(this.page);
    await expect(confirm).toBeHidden();
  }
}

export class CampaignPage {
  readonly root: Locator;
  readonly rows: Locator;
  readonly results: Locator;
  constructor(readonly page: Page) {
    this.root = page.locator('section.campaign-screen');
    this.rows = page.getByTestId('campaign-row');
    this.results = page.getByTestId('campaign-results');
  }

  figure(label: string): Locator {
    return this.results.locator('.campaign-figure', { hasText: label });
  }

  async mark(row: Locator, outcome: string): Promise<void> {
    await row.getByRole('button', { name: outcome, exact: true }).click();
    await expect(row.getByRole('button', { name: outcome, exact: true })).toHaveAttribute('aria-pressed', 'true');
  }

  /** Exports the list and reads the CSV back (without its BOM). */
  async export(dataFolder: string): Promise<{ name: string; text: string }> {
    const folder = path.join(dataFolder, 'exports');
    const before = new Set(await readdir(folder).catch(() => [] as string[]));
    await this.page.getByTestId('campaign-export').click();
    const added = async () => (await readdir(folder).catch(() => [] as string[])).filter((f) => !before.has(f) && !f.startsWith('.'));
    await expect.poll(async () => (await added()).length, { timeout: 30_000 }).toBe(1);
    const name = (await added())[0]!;
    await expect(this.root.locator('.campaign-status')).toContainText(name);
    return { name, text: (await readFile(path.join(folder, name), 'utf8')).replace(/^\uFEFF/, '') };
  }
}
