// Page models of campaigns: the list, the new campaign's form with its segment builder, and one campaign's page
// (results, the list to work through, the CSV export landing in <dataFolder>/exports).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { clickAsNeeded } from './OwnerPin';

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
