// Page model of the reports: the period picker, a section's figure cards, and a chart with its table, its
// description and its save buttons (files land in <dataFolder>/exports, read back from there).
import { expect, type Locator, type Page } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export type ChartFileKind = 'csv' | 'xlsx' | 'png';

export class ReportChartModel {
  constructor(readonly root: Locator) {}

  get title(): Locator {
    return this.root.getByRole('heading', { level: 3 });
  }
  get canvas(): Locator {
    return this.root.getByTestId('chart-canvas');
  }
  get description(): Locator {
    return this.root.getByTestId('chart-description');
  }
  get table(): Locator {
    return this.root.getByTestId('chart-table');
  }
  /** The table's row whose first cell is `label`, as the texts of its cells. */
  async row(label: string): Promise<string[]> {
    const tr = this.table.locator('tbody tr', { has: this.root.page().locator(`th:text-is("${label}")`) });
    return tr.locator('th, td').allInnerTexts();
  }

  /** Saves the chart's data or picture and waits for the file and for the chart to say it is saved; the file's name and bytes. */
  async save(kind: ChartFileKind, dataFolder: string): Promise<{ name: string; path: string; bytes: Buffer }> {
    const folder = path.join(dataFolder, 'exports');
    const before = new Set(await readdir(folder).catch(() => [] as string[]));
    await this.root.getByTestId(`chart-save-${kind}`).click();
    const added = async () => (await readdir(folder).catch(() => [] as string[])).filter((f) => !before.has(f) && !f.startsWith('.'));
    await expect.poll(async () => (await added()).length, { timeout: 30_000 }).toBe(1);
    const name = (await added())[0]!;
    const status = this.root.getByTestId('chart-saved');
    await expect(status).toHaveAttribute('data-state', 'saved', { timeout: 30_000 });
    await expect(status).toContainText(name);
    const file = path.join(folder, name);
    return { name, path: file, bytes: await readFile(file) };
  }
}

export class ReportsPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.locator('section.reports-screen');
  }

  static async open(page: Page): Promise<ReportsPage> {
    await page.getByTestId('nav-reports').click();
    const screen = new ReportsPage(page);
    await expect(screen.root.getByRole('heading', { level: 1 })).toBeVisible();
    return screen;
  }

  get range(): Locator {
    return this.root.getByTestId('report-range');
  }

  async period(grain: 'day' | 'week' | 'month', span?: number) {
    await this.root.getByTestId(`report-grain-${grain}`).click();
    if (span !== undefined) await this.root.getByTestId('report-span').selectOption(String(span));
  }

  section(id: 'sales' | 'customers' | 'status' | 'loyalty' | 'satisfaction'): Locator {
    return this.root.getByTestId(`report-${id}`);
  }

  /** A figure card's value, by the card's id. */
  card(id: string): Locator {
    return this.root.getByTestId(`report-card-${id}`).getByTestId('report-card-value');
  }

  chart(id: string): ReportChartModel {
    return new ReportChartModel(this.root.getByTestId(`chart-${id}`));
  }
}
