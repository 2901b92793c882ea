// Page models of satisfaction: the figures screen (totals, months, tiers, the loop) and the settings' survey editor.
import { expect, type Locator, type Page } from '@playwright/test';
import { clickAsNeeded } from './OwnerPin';

export class SatisfactionPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.locator('section.satisfaction');
  }

  static async open(page: Page): Promise<SatisfactionPage> {
    await page.getByTestId('nav-satisfaction').click();
    const screen = new SatisfactionPage(page);
    await expect(screen.root.getByRole('heading', { level: 1 })).toBeVisible();
    return screen;
  }

  async period(months: 3 | 6 | 12) {
    await this.root.getByTestId(`sat-period-${months}`).click();
  }

  /** The whole period's CSAT or NPS card. */
  total(score: 'csat' | 'nps'): { value: Locator; count: Locator; few: Locator } {
    const card = this.root.getByTestId(`sat-total-${score}`);
    return { value: card.getByTestId('sat-value'), count: card.getByTestId('sat-count'), few: card.getByTestId('sat-few') };
  }

  /** A month's (yyyy-MM) or a tier's row (its id, '' for none), one score's cell. */
  cell(row: { month: string } | { tier: string }, score: 'csat' | 'nps'): { value: Locator; count: Locator; few: Locator } {
    const tr = 'month' in row ? this.root.getByTestId('sat-months').locator(`tr[data-month="${row.month}"]`) : this.root.getByTestId('sat-tiers').locator(`tr[data-tier="${row.tier}"]`);
    const td = tr.getByTestId(`sat-${score}`);
    return { value: td.getByTestId('sat-value'), count: td.getByTestId('sat-count'), few: td.getByTestId('sat-few') };
  }

  get loop(): { inTime: Locator; inTimeOf: Locator; pending: Locator; cameBack: Locator; cameBackOf: Locator } {
    const card = this.root.getByTestId('sat-loop');
    return {
      inTime: card.getByTestId('sat-in-time'),
      inTimeOf: card.getByTestId('sat-in-time-of'),
      pending: card.getByTestId('sat-pending'),
      cameBack: card.getByTestId('sat-came-back'),
      cameBackOf: card.getByTestId('sat-came-back-of'),
    };
  }
}

export type SurveyQuestionName = 'csat' | 'nps' | 'choice' | 'why';

export class SurveyEditorPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('survey-editor');
  }

  static async open(page: Page): Promise<SurveyEditorPage> {
    await page.getByTestId('nav-settings').click();
    const section = new SurveyEditorPage(page);
    await expect(section.root).toBeVisible();
    return section;
  }

  question(name: SurveyQuestionName): Locator {
    return this.root.getByTestId(`survey-question-${name}`);
  }

  option(name: 'service' | 'price' | 'range' | 'waiting'): Locator {
    return this.root.getByTestId(`survey-option-${name}`);
  }

  preview(name: SurveyQuestionName): Locator {
    return this.root.getByTestId(`preview-${name}`);
  }

  get error(): Locator {
    return this.root.getByTestId('survey-questions-error');
  }

  get saved(): Locator {
    return this.root.getByTestId('survey-editor-saved');
  }

  get saveButton(): Locator {
    return this.root.getByTestId('survey-editor-save');
  }

  /** Saves, answering the owner PIN when the button asks for it. */
  async save() {
    await clickAsNeeded(this.page, this.saveButton);
  }
}
